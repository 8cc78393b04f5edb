"""What a user types for a country, region, NACE code, need or kind: normalised, or a helpful error."""

from __future__ import annotations

import pytest

from readiness.directory import (
    check_country,
    check_kinds,
    check_nace,
    check_needs,
    check_region,
    check_size,
    country_of_region,
)
from readiness.errors import ReadinessError


@pytest.mark.parametrize(("typed", "code"), [("NL", "NL"), (" nl ", "NL"), ("EL", "GR"), ("uk", "GB")])
def test_country_codes_are_normalised(typed: str, code: str) -> None:
    assert check_country(typed) == code


@pytest.mark.parametrize(
    ("typed", "hint"),
    [("Netherlands", "did you mean NL"), ("Nederland", "did you mean NL"), ("Germany", "did you mean DE")],
)
def test_country_names_get_the_code_suggested(typed: str, hint: str) -> None:
    with pytest.raises(ReadinessError, match=hint) as caught:
        check_country(typed)
    assert caught.value.exit_code == 2
    assert "valid codes: AT, BE" in caught.value.message


def test_unknown_country_lists_the_valid_codes() -> None:
    with pytest.raises(ReadinessError, match=r"unknown country code 'XX'.*valid codes: .*NL"):
        check_country("XX")


def test_eu_is_not_a_company_country() -> None:
    with pytest.raises(ReadinessError):
        check_country("EU")


@pytest.mark.parametrize(
    ("typed", "code"),
    [("C", "C"), ("c", "C"), ("28", "C28"), ("C28", "C28"), ("c28.4", "C28.4"), ("62.01", "J62.01")],
)
def test_nace_codes_are_normalised(typed: str, code: str) -> None:
    assert check_nace(typed) == code


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("Z", "expected a NACE Rev. 2 section letter A-U"),
        ("manufacturing", "or a division like C28 or 28"),
        ("04", "there is no division 04"),
        ("C35", "division 35 belongs to section D"),
    ],
)
def test_bad_nace_codes_say_what_is_expected(typed: str, message: str) -> None:
    with pytest.raises(ReadinessError, match=message):
        check_nace(typed)


def test_regions() -> None:
    assert check_region("nl33", "NL") == "NL33"
    assert check_region("EL30", "GR") == "EL30"
    assert country_of_region("EL30") == "GR"
    with pytest.raises(ReadinessError, match="not in the Netherlands: its NUTS codes start with NL"):
        check_region("DE1", "NL")
    with pytest.raises(ReadinessError, match="is not a NUTS code"):
        check_region("Zuid-Holland", "NL")


def test_needs_kinds_and_sizes() -> None:
    assert check_needs(["data,Compute", "data"]) == ("data", "compute")
    assert check_kinds(["edih"]) == ("edih",)
    assert check_size("") == ""
    with pytest.raises(ReadinessError, match="did you mean 'compute'"):
        check_needs(["compte"])
    with pytest.raises(ReadinessError, match="choose from edih, ai_factory"):
        check_kinds(["hub"])
    with pytest.raises(ReadinessError, match="unknown size class"):
        check_size("huge")
