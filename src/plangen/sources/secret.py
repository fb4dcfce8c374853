"""The project's publishing secret (.plangen-secret): read it, or make it once, private to its owner."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

SECRET_NAME = ".plangen-secret"  # keep out of version control: whoever has it can work out the addresses


def project_secret(root: Path) -> bytes:
    """The key behind published plans' addresses; the first publishing build makes it (mode 0600 from the start)."""
    path = root / SECRET_NAME
    try:
        # O_EXCL: two builds never both make it; 0o600 at creation: no moment where others may read it.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(secrets.token_hex(32) + "\n")
    return path.read_text(encoding="utf-8").strip().encode("utf-8")
