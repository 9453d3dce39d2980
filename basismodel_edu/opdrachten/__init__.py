"""Exercises: what an exercise folder holds, the checks in its notebook and their requirements,
releasing the student version, handing in, and all of a student's work in one zip.

May import: ``taal``, ``plan``, ``controle``, ``meten``.
"""
