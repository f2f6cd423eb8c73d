"""'Report a problem with this record': a prefilled message the reader sends themselves.

Nothing is stored or sent by the app: the link opens the reader's mail program (mailto:) or
the project's issue tracker (https://, with `title` and `body` as query parameters, the form
GitHub and Gitea take) with the record's id, title and link filled in.
"""

from __future__ import annotations

from .links import with_query

PROMPT = ("What is wrong with this record? Please say what you think is wrong and, if you can, "
          "the public source (DOI, PubMed id or web page) that shows the right figure or wording.")


def report_body(kind: str, rid: str, title: str, link: str) -> str:
    return f"Record: {kind} {rid}\nTitle: {title}\nLink: {link}\n\n{PROMPT}\n\n"


def report_href(target: str, kind: str, rid: str, title: str, link: str) -> str:
    """The link that opens the prefilled message to `target` (meta.report_to)."""
    subject = f"Problem with {kind} {rid}"
    return with_query(target, {("subject" if target.startswith("mailto:") else "title"): subject,
                               "body": report_body(kind, rid, title, link)})
