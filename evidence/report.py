"""'Report a problem with this record' by e-mail or issue tracker: a prefilled message the reader sends themselves.

The report form (components/report_form.py) stores reports in the app's own database; where the curator set
meta.report_to, the form also offers this way, and offers it with the reader's own text when the database could
not be reached. Nothing here is sent by the app: the link opens the reader's mail program (mailto:) or the
project's issue tracker (https://, with `title` and `body` as query parameters, the form GitHub and Gitea take)
with the record's id, title and link filled in.
"""

from __future__ import annotations

from .links import with_query

PROMPT = ("What is wrong with this record? Please say what you think is wrong and, if you can, "
          "the public source (DOI, PubMed id or web page) that shows the right figure or wording.")


def report_body(kind: str, rid: str, title: str, link: str, text: str = "") -> str:
    """The message: the record, then the reader's own words if they wrote some already, else the prompt."""
    return f"Record: {kind} {rid}\nTitle: {title}\nLink: {link}\n\n{text or PROMPT}\n\n"


def report_href(target: str, kind: str, rid: str, title: str, link: str, text: str = "") -> str:
    """The link that opens the prefilled message to `target` (meta.report_to), with the reader's `text` if any."""
    subject = f"Problem with {kind} {rid}"
    return with_query(target, {("subject" if target.startswith("mailto:") else "title"): subject,
                               "body": report_body(kind, rid, title, link, text)})
