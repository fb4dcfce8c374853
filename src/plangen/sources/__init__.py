"""Stage 1 of the pipeline: YAML and Markdown files in, frozen validated models out (profiles, logs, plangen.yaml, the exercise library)."""
