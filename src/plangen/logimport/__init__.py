"""Import runs and cross-training from watches and apps (FIT, GPX, TCX, Strava export) into a training log."""

from __future__ import annotations

from plangen.logimport.activity import Activity, ActivityFileError, log_kind
from plangen.logimport.entries import entry_fields
from plangen.logimport.discover import discover, read_source
from plangen.logimport.files import Source, read_file
from plangen.logimport.importer import (
    FileNote,
    ImportReport,
    PainReminder,
    import_activities,
    runs_missing_pain,
)

__all__ = [
    "Activity",
    "ActivityFileError",
    "FileNote",
    "ImportReport",
    "PainReminder",
    "Source",
    "discover",
    "entry_fields",
    "import_activities",
    "log_kind",
    "read_file",
    "read_source",
    "runs_missing_pain",
]
