"""Words for strength work: exercise choice, isometric holds, steps up and down."""

from plangen.wording.message import Catalogue, Message  # noqa: F401

MESSAGES: Catalogue = {
}
