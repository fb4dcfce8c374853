"""Words for races and goals: taper, race day, recovery, safe options, what comes after the plan."""

from plangen.wording.message import Catalogue, Message  # noqa: F401

MESSAGES: Catalogue = {
}
