"""The pieces of the claim-check page: the verdict chart and table, article headers, claim cards, slides."""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components import change_notice, url_state
from evidence.wording import badges
from components.charts import cached_figure, cached_table, downloads, source_line
from evidence.wording.citations import study_href
from evidence.palette import CHART_CONFIG, GRID, INK, VERDICT_STYLE, WHITE
from components.plain_table import plain_table
from components.url_state import link
from components.present import Slide
from components.prose import layer
from components.report_problem import report_link
from evidence import EvidenceBase
from evidence.links import Page
from evidence.model import ArticleClaim, Article, Study, Verdict
from evidence.verdicts import (VERDICT_MEANING, VERDICT_ORDER, ArticleSelection, article_byline, cited_studies,
                               count_line, limits_by_study, verdict_counts)

# Under every claim nothing here tests: untested is not the same as wrong, and never leave to ignore a symptom.
UNTESTED_NOTE = ("No study in this base tests this claim, so we cannot check it. That does not make it wrong: "
                 "where it is advice to be careful, it still stands.")


def verdict_name(verdict: Verdict) -> str:
    return f"{badges.VERDICT_SYMBOL[verdict]} {verdict.label}"


def _md(text: str) -> str:
    """Curated prose as literal text: '$' would start a formula and '~' strike text through."""
    return text.replace("$", "\\$").replace("~", "\\~")


# ---- summary chart and table -----------------------------------------------------------

def verdict_figure(evidence: EvidenceBase, counts: dict[str, dict[Verdict, int]]) -> go.Figure:
    articles = [evidence.articles[a] for a in counts]
    fig = go.Figure()
    for verdict in VERDICT_ORDER:
        values = [counts[a.id][verdict] for a in articles]
        if not any(values):
            continue
        fill, ink = VERDICT_STYLE[verdict]
        fig.add_trace(go.Bar(
            orientation="h", y=[a.id for a in articles], x=values, name=verdict_name(verdict),
            # Hatched: claims nothing here tests are apart from the judged ones, and not by colour alone.
            marker=dict(color=fill, line=dict(color=WHITE, width=1.5),
                        pattern=dict(shape="/" if verdict is Verdict.NOT_TESTED else "", fgcolor=INK, fgopacity=0.35)),
            text=[str(n) if n else "" for n in values], textposition="inside", insidetextanchor="middle",
            textangle=0, textfont=dict(color=ink, size=14),
            hovertext=[f"<b>{a.title}</b><br>{verdict_name(verdict)}: {counts[a.id][verdict]} of "
                       f"{sum(counts[a.id].values())} claims" for a in articles],
            hovertemplate="%{hovertext}<extra></extra>",
        ))
    # Each article's title sits above its bar, so the bars keep the full width on a phone.
    for a in articles:
        fig.add_annotation(x=0, xref="paper", y=a.id, yref="y", yshift=24, xanchor="left", yanchor="bottom",
                           text="<br>".join(textwrap.wrap(a.title, 44)), showarrow=False, align="left",
                           font=dict(size=14, color=INK))
    fig.update_layout(barmode="stack", bargap=0.5, height=90 + 92 * len(articles),
                      margin=dict(l=10, r=10, t=10, b=10), plot_bgcolor=WHITE, font=dict(size=13, color=INK),
                      dragmode=False, uniformtext=dict(minsize=11, mode="hide"),
                      legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom", traceorder="normal", title_text=""))
    # automargin: the axis title gets room of its own below the tick labels (a downloaded PNG showed them overlap).
    fig.update_xaxes(title_text="Number of claims checked", gridcolor=GRID, dtick=2, tickfont=dict(color=INK),
                     title_font=dict(color=INK), automargin=True)
    fig.update_yaxes(autorange="reversed", showticklabels=False)
    return fig


def verdict_table(evidence: EvidenceBase, counts: dict[str, dict[Verdict, int]]) -> pd.DataFrame:
    rows = []
    for article_id, by_verdict in counts.items():
        row = {"Article": evidence.articles[article_id].title}
        row.update({verdict_name(v): n for v, n in by_verdict.items()})
        row["All claims"] = sum(by_verdict.values())
        rows.append(row)
    return pd.DataFrame(rows)


def verdict_chart(evidence: EvidenceBase, counts: dict[str, dict[Verdict, int]]) -> None:
    total = sum(sum(c.values()) for c in counts.values())
    figure = cached_figure(evidence, ("verdicts",), lambda: verdict_figure(evidence, counts))
    st.plotly_chart(figure, config=CHART_CONFIG,
                    alt=f"Stacked bars: the verdicts on {total} claims from {len(counts)} articles, one bar per "
                        "article, one segment per verdict. The same counts are in the table below.")
    caption = (source_line(evidence, f"{len(counts)} articles, {total} claims checked")
               + " Bar labels are counts of claims; very small segments are labelled in the table.")
    st.caption(caption)
    table = cached_table(evidence, ("verdicts",), lambda: verdict_table(evidence, counts))
    plain_table(table, "Verdicts by article")
    downloads(evidence, figure, "claim-check-verdicts-by-article", "Verdicts on the claims of popular articles",
              caption, table)


def verdict_key() -> None:
    with st.expander("What the verdicts mean"):
        st.markdown("\n".join(f"- {badges.verdict(v)} {VERDICT_MEANING[v]}" for v in VERDICT_ORDER))


# ---- articles and claims ---------------------------------------------------------------

def article_header(article: Article) -> None:
    st.subheader(article.title, anchor=article.id)
    st.caption(article_byline(article))
    st.markdown(_md(article.summary))
    links = [f"[Only this article's claims]({link(Page.CLAIM_CHECK, article=article.id)})"]
    if article.url:
        links.append(f"[The article itself]({article.url})")
    st.markdown(" · ".join(links))


def _study_links(studies: list[Study]) -> str:
    parts = []
    for s in studies:
        n = f", {s.sample_size:,} people" if s.sample_size else ""
        parts.append(f"[{s.short_citation}]({study_href(s.id)}) ({s.design.label.lower()}{n})")
    return "; ".join(parts)


def claim_card(claim: ArticleClaim, evidence: EvidenceBase, *, highlighted: bool = False) -> None:
    studies = cited_studies([claim], evidence.studies)
    guidelines = [evidence.guidelines[g] for g in claim.guidelines if g in evidence.guidelines]
    pin = ":blue-badge[:material/push_pin: The claim in your link] " if highlighted else ""
    # One markdown element above the layer and one below it: each element is work for the browser.
    above = [pin + badges.verdict(claim.verdict), f"**The article says:** {_md(claim.claim)}",
             f"**What the studies show:** {_md(claim.reason)}"]
    if studies:
        above.append(f"**Studies behind this verdict:** {_study_links(studies)}")
    below = [f"[Link to this claim]({link(Page.CLAIM_CHECK, claim=claim.id)})"]
    if guidelines:
        below.insert(0, "**Clinical guideline checked:** " + "; ".join(
            f"[{g.short_citation}]({link(Page.GET_HELP)}) (clinical guidance, not a study)" for g in guidelines))
    with st.container(border=True, key=f"claim-{claim.id}"):
        st.markdown("\n\n".join(above))
        if studies:
            layer("What these studies can show", "\n\n".join(
                f"**{', '.join(s.short_citation for s in members)}:** " + " ".join(lines)
                for members, lines in limits_by_study(studies)), expanded=highlighted)
        if claim.verdict is Verdict.NOT_TESTED:
            st.caption(UNTESTED_NOTE)
        st.markdown("\n\n".join(below))
        report_link("article-claim", claim)
    change_notice.shows("article-claim", [claim.id])


def article_section(selection: ArticleSelection, evidence: EvidenceBase, *, highlight: str | None = None) -> None:
    article_header(selection.article)
    shown, total = len(selection.claims), len(selection.article.claims)
    st.markdown(f"*{total} claims checked in this article*" if shown == total
                else f"*Showing {shown} of this article's {total} claims*")
    for claim in selection.claims:
        claim_card(claim, evidence, highlighted=claim.id == highlight)


# ---- the page's start: one block per article --------------------------------------------

# ?claims=all lists every checked claim instead of the articles' summary. Not `view`: the sidebar carries a
# parameter to every page that reads it, and How common's ?view=chart|icons would then meet a value it does not know.
LIST_KEY, ALL_CLAIMS = "claims", "all"


def show_all_claims() -> None:
    """From one shared claim to the full list (a callback: the URL changes before the rerun)."""
    url_state.write("claim", None)
    url_state.write(LIST_KEY, ALL_CLAIMS)


def article_summary(article: Article) -> None:
    """Title, outlet and date, the verdict counts in words and numbers, and a link to its checked claims."""
    n = len(article.claims)
    with st.container(border=True, key=f"summary-{article.id}"):
        st.markdown(f"### {_md(article.title)}\n\n{article_byline(article)}\n\n"
                    f"{count_line(verdict_counts(article.claims))}\n\n"
                    f":material/arrow_forward: [Read the {n} checked claim{'s' if n != 1 else ''} from this article]"
                    f"({link(Page.CLAIM_CHECK, article=article.id)})")


def all_claims_link(evidence: EvidenceBase) -> None:
    st.markdown(f":material/list: **[See all {len(evidence.article_claims)} checked claims, with filters]"
                f"({link(Page.CLAIM_CHECK, {LIST_KEY: ALL_CLAIMS})})**")


# ---- slides ----------------------------------------------------------------------------

def claim_slides(selections: list[ArticleSelection], evidence: EvidenceBase) -> list[Slide]:
    def draw(selection: ArticleSelection):
        def body() -> None:
            st.markdown(article_byline(selection.article))
            st.markdown(f"**{count_line(verdict_counts(selection.claims))}**")
            st.markdown("\n".join(f"- {badges.verdict(c.verdict)} {_md(c.claim)}" for c in selection.claims))
        return body

    def citation(selection: ArticleSelection) -> str:
        studies = cited_studies(selection.claims, evidence.studies)
        checked = "; ".join(s.short_citation for s in studies) or "no study in the base"
        return f"“{selection.article.title}”, {selection.article.publisher}. Checked against: {checked}."

    return [Slide(f"Claim check: {s.article.title}", draw(s), citation(s)) for s in selections]
