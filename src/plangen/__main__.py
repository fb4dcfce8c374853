"""Allow ``python -m plangen``."""

from plangen.cli import main

main()
