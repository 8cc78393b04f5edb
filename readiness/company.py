"""The company an assessment is about: the profile every stage after the interview reads."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

SIZE_CLASSES = ("micro", "small", "medium", "small_mid_cap", "large")
SME_SIZES = frozenset({"micro", "small", "medium"})


@dataclass(frozen=True)
class Company:
    """Name, ISO 3166-1 alpha-2 country, optional NUTS region, EU size class, NACE Rev. 2 code, language."""

    name: str
    country: str
    size: str
    nace: str = ""
    region: str = ""
    language: str = "en"

    @property
    def nace_section(self) -> str:
        """The NACE section letter (C for "C28.4"), or "" when unknown."""
        return self.nace[:1].upper() if self.nace else ""

    @property
    def is_sme(self) -> bool:
        """Micro, small or medium under Recommendation 2003/361/EC."""
        return self.size in SME_SIZES

    def as_dict(self) -> dict[str, Any]:
        """The profile as written in answers files and JSON results."""
        return {k: v for k, v in asdict(self).items() if v != "" or k in ("name", "country", "size")}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Company:
        """A profile from an answers file's `company` block (already schema-checked)."""
        return cls(
            name=str(data.get("name", "")),
            country=str(data.get("country", "")).upper(),
            size=str(data.get("size", "")),
            nace=str(data.get("nace", "")),
            region=str(data.get("region", "")),
            language=str(data.get("language", "en")),
        )
