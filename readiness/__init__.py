"""readiness: local-first AI readiness and EU AI Act assessments for European companies and EDIHs."""

__version__ = "0.1.0"
