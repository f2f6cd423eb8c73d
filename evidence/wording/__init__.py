"""The words of the reader's views as markdown, without Streamlit: the app draws them (components/) and the plain
pages print them (evidence/site/), so a statement, a number or a citation is written once for both.

- markdown: the one markdown-to-HTML renderer (badges, icons, links), used by components/prose.py and the site
- badges: certainty, direction and verdict badges (a symbol and a word; colour only echoes them)
- citations: numbered citations, reference lines, a study's locator
- cards: the text of a take-home card, a study result's card and a glossary term
- warning_signs: the warning signs' page, worded from guidance.yaml
- study: one study's page
"""
