"""Readers' reports of a problem with a record: the rules a report must pass (`draft`), the database that keeps them
(`schema`, `store`) and the curator's command line (`cli`, `python -m evidence reports`). No Streamlit here: the
form is components/report_form.py.

Importing the package loads only `draft`: SQLAlchemy and Alembic (half a second) are loaded by `store`, which the
app imports when a reader sends a report or What's new lists corrections, not at every server start.
"""
