"""Words for runs, walk-run sessions and the starting point (sessions, run sizes, progress, baseline)."""

from plangen.wording.message import Catalogue, Message  # noqa: F401

MESSAGES: Catalogue = {
}
