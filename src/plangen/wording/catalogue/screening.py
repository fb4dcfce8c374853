"""Words for screening: red flags, clinician review, the readiness tests before running."""

from plangen.wording.message import Catalogue, Message  # noqa: F401

MESSAGES: Catalogue = {
}
