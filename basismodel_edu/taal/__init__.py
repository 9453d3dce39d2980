"""How the package speaks to people: the message catalogue (Dutch and English), numbers, dates
and plurals through Babel, HTML from templates, and figures that show themselves.

May import: nothing of ours. Every part above uses it.
"""
