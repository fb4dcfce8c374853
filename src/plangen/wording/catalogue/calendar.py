"""Words the calendar file states around the plan's own (event descriptions, the knee check)."""

from plangen.wording.message import Catalogue, Message  # noqa: F401

MESSAGES: Catalogue = {
}
