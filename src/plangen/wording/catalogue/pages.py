"""Words the pages, the handout and the calendar print around the plan's own."""

from plangen.wording.message import Catalogue, Message  # noqa: F401

MESSAGES: Catalogue = {
}
