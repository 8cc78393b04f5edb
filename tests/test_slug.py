"""File names from company names."""

from __future__ import annotations

from readiness.slug import slugify


def test_slug_keeps_ascii_letters_and_digits() -> None:
    assert slugify("Bäckerei Müller & Söhne GmbH") == "backerei-muller-sohne-gmbh"
    assert slugify("../../etc/passwd") == "etc-passwd"


def test_a_name_without_latin_letters_still_gives_a_file_name() -> None:
    assert slugify("Ελληνική Εταιρεία") == "company"
    assert len(slugify("x" * 500)) == 60
