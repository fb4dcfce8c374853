"""The project config, ``plangen.yaml`` at the project root: clinic branding, defaults, publishing, rule overrides."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from plangen.sources.models import Int, Num

CONFIG_NAME = "plangen.yaml"
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")
MAX_LOGO_BYTES = 2_000_000  # a logo on every page: anything bigger is the wrong file


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Clinic(_Strict):
    name: str | None = Field(None, max_length=120)
    logo: str | None = Field(None, description="Image file (PNG, JPEG or SVG), relative to plangen.yaml")
    accent: Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")] = "#1f5f8b"
    contact: str | None = Field(None, max_length=300)
    disclaimer: str | None = Field(None, max_length=2000)


class Defaults(_Strict):
    units: Literal["km", "mi"] | None = None
    paper: Literal["a4", "letter"] | None = None
    weeks: Int | None = Field(None, ge=4, le=16)
    review_weeks: Int = Field(6, ge=2, le=16, description="Review-by date printed on the plan: this many weeks after issue, or after the plan's start when that is later")


class ProjectConfig(_Strict):
    clinic: Clinic = Clinic()
    defaults: Defaults = Defaults()
    base_url: str | None = Field(None, description="Where the site is published, e.g. https://clinic.example/plans/")
    rules: dict[str, Num] = Field(default_factory=dict)

    @field_validator("base_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"https?://[^\s\"'<>\x00-\x1f\x7f]+", value):
            raise ValueError(f"an http(s) URL such as https://clinic.example/plans/, found {value!r}")
        return value if value is None or value.endswith("/") else value + "/"

    @field_validator("rules")
    @classmethod
    def _known_rules(cls, value: dict[str, float]) -> dict[str, float]:
        from plangen.rules import checked_overrides

        return checked_overrides(value)


def load_config(root: Path) -> ProjectConfig:
    """``<root>/plangen.yaml`` validated, or the defaults when there is none."""
    from plangen.errors import InputError
    from plangen.sources.runner import validate_document
    from plangen.sources.yamlreader import read_yaml

    path = root / CONFIG_NAME
    if not path.exists():
        return ProjectConfig()
    document = read_yaml(path)
    config = validate_document(document, ProjectConfig)
    logo = config.clinic.logo
    if logo is not None and not _usable_logo(root, root / logo):
        expected = f"an image file ({', '.join(LOGO_SUFFIXES)}) of at most {MAX_LOGO_BYTES // 1_000_000} MB inside the project folder"
        raise InputError([document.problem(("clinic", "logo"), expected, repr(logo))])
    return config


def _usable_logo(root: Path, path: Path) -> bool:
    try:
        resolved = path.resolve()
        return (resolved.is_file() and resolved.is_relative_to(root.resolve())
                and resolved.suffix.lower() in LOGO_SUFFIXES and resolved.stat().st_size <= MAX_LOGO_BYTES)
    except (OSError, ValueError):  # a NUL in the name, a link loop: not a logo we can use
        return False
