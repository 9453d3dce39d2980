"""Measuring (lessons 06 and 07): exports as platforms give them, measurements into a plan, a
round of measuring with its revision, progress tables and charts.

May import: ``taal``, ``plan``, ``controle``.
"""
