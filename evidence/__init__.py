"""The evidence base: typed model, YAML loader, queries and exports. No Streamlit here."""

from .load import DEFAULT_DIR, EvidenceBase, HeldBack, Problem, fingerprint, load_base

__all__ = ["DEFAULT_DIR", "EvidenceBase", "HeldBack", "Problem", "fingerprint", "load_base"]
