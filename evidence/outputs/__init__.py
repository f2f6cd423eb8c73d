"""What the base is turned into for readers to take away: PDFs (handout, slide deck), CSV, BibTeX and RIS
exports, citations and QR codes. No Streamlit here; components/ offers them as downloads."""
