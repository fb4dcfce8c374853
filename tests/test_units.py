"""One mile and one clock format for the whole pipeline (import, planner, pages)."""

from __future__ import annotations

import pytest

from plangen.logimport.entries import format_duration
from plangen.render.formats import mmss
from plangen.units import KM_PER, METRES_PER, clock


@pytest.mark.parametrize("seconds, text", [(3725.4, "1:02:05"), (2832, "47:12"), (56.9, "00:57"), (3600, "1:00:00")])
def test_clock_writes_the_logs_own_format(seconds: float, text: str) -> None:
    assert clock(seconds) == text


def test_pages_and_import_write_a_duration_the_same_way() -> None:
    for seconds in (57, 2832, 3725, 36000):
        assert mmss(seconds / 60) == format_duration(seconds) == clock(seconds)


def test_a_mile_is_the_international_mile_everywhere() -> None:
    assert METRES_PER["mi"] == 1609.344 and KM_PER["mi"] == pytest.approx(1.609344) and KM_PER["km"] == 1.0
