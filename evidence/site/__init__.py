"""The plain pages: static HTML of what a patient reads, generated from the same records and the same words as the
app (evidence/wording/), for phones on a slow connection, link previews and search engines.

- addresses: where each plain page lives, and which explorer view it stands for (the app's share panel asks too)
- layout: one page's HTML: head (title, description, link-preview tags, canonical), header, footer, stylesheet
- pages: the pages themselves, one function per kind
- build: `python -m evidence site`: write them all with a sitemap, or check a folder is up to date

Served by Streamlit's static folder (`static/plain/`, at /app/static/plain/), by any static host, or behind the
proxy (docs/deploy.md, Plain pages).
"""
