"""The plain pages, one function per kind, each a PlainPage (evidence/site/layout.py) whose text is the app's own
words (evidence/wording/, evidence/situation.py): nothing here says anything the explorer does not say."""

from __future__ import annotations

from html import escape
from typing import Iterator

from evidence.links import Page, link
from evidence.load import EvidenceBase
from evidence.model import TakeHome
from evidence.red_flags import red_flag_groups
from evidence.selections import bottom_line, numbered_references, studies_in_order
from evidence.site import addresses
from evidence.site.layout import PlainPage, Raw, description, plain_text, sentences
from evidence.situation import HEADINGS, INTRO, QUESTIONS, answers_text, guide
from evidence.textlinks import link_terms
from evidence.wording import badges
from evidence.wording.cards import (BOTTOM_LINE_HEADING, EXPERT_LAYER, SITUATION_INVITE, TAKE_HOMES_INTRO, claim_text,
                                    situation_card, term_links)
from evidence.wording.citations import reference_markdown
from evidence.wording.study import (CAVEATS_HEADING, NO_RESULTS, NOT_CITED, citation_markdown, cited_by_markdown,
                                    design_markdown, facts_markdown, outcome_rows, study_line, verification_line)
from evidence.wording.warning_signs import (GET_HELP_INTRO, GUIDANCE_LAYER, guidance_markdown, heading,
                                            red_flag_source, signs_markdown, signs_question_markdown)


def _card(claim: TakeHome, evidence: EvidenceBase, numbers: dict[str, int], level: int) -> str:
    """A take-home as the app's card, its expert layer under a heading (no click needed, and it prints)."""
    label, statement, notes, expert = claim_text(evidence, claim.id, numbers)
    return "\n\n".join([label, statement, notes, f"{'#' * level} {EXPERT_LAYER}", expert])


def _references(numbers: dict[str, int], evidence: EvidenceBase) -> str:
    return f"## References\n\n{reference_markdown(numbers, evidence)}" if numbers else ""


def home(evidence: EvidenceBase) -> PlainPage:
    lines = bottom_line(evidence)
    numbers = numbered_references(c.studies for c in lines)
    everything = "\n".join(f"- [{plain_text(c.statement)}]({link(Page.TAKE_HOMES, claim=c.id)}) "
                           f"{badges.certainty(c.certainty.value)}" for c in evidence.take_homes.values())
    body = "\n\n".join([
        f"## {BOTTOM_LINE_HEADING}", f"**[{SITUATION_INVITE}]({link(Page.MY_SITUATION)})**",
        "\n\n---\n\n".join(_card(c, evidence, numbers, 3) for c in lines),
        "## Every take-home", TAKE_HOMES_INTRO, everything, _references(numbers, evidence)])
    question = evidence.meta.question if evidence.meta else "Is running bad for my back?"
    return PlainPage(addresses.HOME, question, description(" ".join(c.statement for c in lines[:2])), body,
                     link(Page.HOME))


def take_homes(evidence: EvidenceBase) -> Iterator[PlainPage]:
    for claim in evidence.take_homes.values():
        numbers = numbered_references([claim.studies])
        body = "\n\n".join([_card(claim, evidence, numbers, 2), _references(numbers, evidence)])
        # Its first sentence as the title (a link preview shows little more), whole: it carries the hedge.
        yield PlainPage(addresses.take_home(claim.id), sentences(claim.statement)[0], description(
            f"{claim.certainty.label} certainty. {claim.statement}"), body, link(Page.TAKE_HOMES, claim=claim.id),
            heading="One take-home from the research")


def get_help(evidence: EvidenceBase) -> PlainPage:
    groups = red_flag_groups(evidence)
    parts = [GET_HELP_INTRO]
    for group in groups:
        parts += [f"## {heading(group)}", group.action, signs_markdown(group), f"### {GUIDANCE_LAYER}",
                  guidance_markdown(group, evidence)]
    parts += ["## Where this comes from", red_flag_source(evidence, groups)
              + f"\n\nFor how we judge sources, see [Methods]({link(Page.METHODS)})."]
    return PlainPage(addresses.GET_HELP, "When to get help", description(GET_HELP_INTRO), "\n\n".join(parts),
                     link(Page.GET_HELP))


def glossary(evidence: EvidenceBase) -> PlainPage:
    entries = []
    for term in sorted(evidence.glossary.values(), key=lambda t: t.term.lower()):
        entries += [Raw(f'<h2 id="{escape(term.id)}">{escape(term.term)}</h2>'),
                    "\n\n".join(filter(None, [term.definition, term.expert_note, term_links(term, evidence)]))]
    return PlainPage(addresses.GLOSSARY, "Glossary", "The words the evidence explorer uses, each in plain words, "
                     "with a more precise note for clinicians.", tuple(entries), link(Page.GLOSSARY))


def studies(evidence: EvidenceBase) -> Iterator[PlainPage]:
    ordered = studies_in_order(evidence)
    yield PlainPage(addresses.STUDIES, "Studies", f"The {len(ordered)} studies behind the take-homes, newest first.",
                    "\n".join(f"- {study_line(s)}" for s in ordered), link(Page.STUDY))
    for study in ordered:
        body = (
            "\n\n".join([citation_markdown(study), verification_line(study),
                          link_terms(study.summary, evidence.glossary), facts_markdown(study), design_markdown(study),
                          "## Results"]),
            _table(outcome_rows(study)) if study.outcomes else NO_RESULTS,
            "\n\n".join(filter(None, [
                f"## {CAVEATS_HEADING}\n\n" + "\n".join(f"- {c}" for c in study.caveats) if study.caveats else "",
                "## Cited by", cited_by_markdown(study, evidence) or NOT_CITED])))
        yield PlainPage(addresses.study(study.id), study.title, description(study.summary), body,
                        link(Page.STUDY, study=study.id))


def _table(rows: list[dict[str, object]]) -> Raw:
    """The results as reported, as the app's plain table (components/plain_table.py): a caption and header cells."""
    head = "".join(f'<th scope="col">{escape(str(c))}</th>' for c in rows[0])
    body = "".join("<tr>" + "".join(f"<td>{escape(str(v))}</td>" for v in row.values()) + "</tr>" for row in rows)
    return Raw(f"<table><caption>Results as reported</caption><thead><tr>{head}</tr></thead>"
               f"<tbody>{body}</tbody></table>")


def situation_questions(evidence: EvidenceBase) -> PlainPage:
    """The guide's questions as links: the warning signs first (a 'yes' goes to When to get help), then every
    complete set of answers, each a plain page."""
    pain, running, age = QUESTIONS[1:]
    lines = []
    for p, p_words in pain.options.items():
        lines.append(f"- {pain.prompt} **{p_words}**")
        for r, r_words in running.options.items():
            answers = ", ".join(f"[{a_words}]({link(Page.MY_SITUATION, signs='no', pain=p, running=r, age=a)})"
                                for a, a_words in age.options.items())
            lines.append(f"  - {running.prompt} {r_words}. {age.prompt} {answers}")
    body = "\n\n".join([INTRO["start"], signs_question_markdown(red_flag_groups(evidence)),
                        f"**{QUESTIONS[0].options['yes']}?** [See when to get help]({link(Page.GET_HELP)}).",
                        f"**{QUESTIONS[0].options['no']}?** Choose your answers:", "\n".join(lines)])
    return PlainPage(addresses.SITUATION, "Your situation", INTRO["start"], body, link(Page.MY_SITUATION))


def situations(evidence: EvidenceBase) -> Iterator[PlainPage]:
    for answers in addresses.situations_worth_a_page():
        result = guide(evidence, answers)
        numbers = numbered_references(a.claim.studies for a in result.take_homes + result.general)

        def cards(applied, level: int) -> list[str]:
            return [f"{text}\n\n{'#' * level} {HEADINGS['who']}\n\n{who}"
                    for text, who in (situation_card(a, evidence, numbers) for a in applied)]
        parts = ["**Your answers**\n" + "\n".join(f"- {line}" for line in answers_text(answers)), result.limits]
        parts += [INTRO["none"]] if not result.take_homes else []
        parts += ["\n\n---\n\n".join(cards(result.take_homes, 2))] if result.take_homes else []
        if result.general:
            parts += [f"## {HEADINGS['general']}", INTRO["general"], "\n\n---\n\n".join(cards(result.general, 3))]
        if result.left_out:
            parts.append(INTRO["left_out"] + f" See [all take-homes]({link(Page.TAKE_HOMES)}).")
        parts += [f"## {HEADINGS['not_known']}",
                  "\n".join(f"- {line}" for line in result.unknowns) or HEADINGS["nothing_more"],
                  _references(numbers, evidence)]
        words = " ".join(answers_text(answers))
        yield PlainPage(addresses.situation(answers), HEADINGS["for_you"], description(words),
                        "\n\n".join(filter(None, parts)), link(Page.MY_SITUATION, answers.answers()))


def every_page(evidence: EvidenceBase) -> Iterator[PlainPage]:
    yield home(evidence)
    yield get_help(evidence)
    yield from take_homes(evidence)
    yield situation_questions(evidence)
    yield from situations(evidence)
    yield glossary(evidence)
    yield from studies(evidence)
