"""Stage 3: the plan document every renderer reads, its JSON Schema, and the one redaction for published plans."""
