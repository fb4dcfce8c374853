"""plangen: evidence-based return-to-run plans for runner's knee, as a static site and PDF."""

__version__ = "0.1.0"
