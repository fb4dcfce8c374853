"""One catalogue entry: the words a runner reads, and the clinician's line of data behind them."""

from __future__ import annotations

from typing import NamedTuple


class Message(NamedTuple):
    text: str
    data: str = ""


Catalogue = dict[str, "Message | str"]  # a part of the catalogue: key -> Message, or just its text
