"""The plan as data: the model of missie → visie → strategie → KPI's, its file (versioned JSON
with a schema, saved atomically), its history of revisions, its elements named for people, and
the course's example plan.

May import: ``taal``.
"""
