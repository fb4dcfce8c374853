"""Words for where the plan starts: history, entry stage, restarts after a break, running on hold."""

from plangen.wording.message import Catalogue, Message  # noqa: F401

MESSAGES: Catalogue = {
}
