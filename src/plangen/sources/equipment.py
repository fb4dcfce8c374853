"""The one equipment vocabulary, shared by exercise cards and runner profiles.

Its own module so that reading a profile (`plangen validate`) does not build the card models (~20 ms).
"""

from __future__ import annotations

from typing import Literal

Equipment = Literal[
    "band", "step", "box", "dumbbells", "kettlebell", "chair", "wall", "mat", "bench", "leg_press",
    "foam_roller", "metronome", "bike", "pool", "elliptical", "mirror",
]
