"""JupyterLab settings for this course; ``python tasks.py lab`` passes it with ``--config``.

A lecturer opening the repository directly does the same:
``jupyter lab --config=jupyter_lab_config.py``.
"""

from basismodel_edu.cursus import zonder_versie

c = get_config()  # noqa: F821 (provided by Jupyter when it loads this file)
# A callable, not its name as a string: jupyter_server's validator imports the old value
# (None) for a string and fails. Keeps the kernel's Python version out of saved lessons.
c.ContentsManager.pre_save_hook = zonder_versie
