"""The source policy: which pages a client may be sent to, and which may stand as an entry's evidence.

`directory/sources.yaml` lists the official domains (EU institutions and bodies, governments and their
agencies, per country) and the domains known not to be official (news, blogs, aggregators, press
agencies, personal and commercial pages). An entry's own website counts as official for that entry only:
it is the host of its `url` when that host is on neither list. So a hub's site proves the hub, never
another entry, and a news site never becomes a client link by being called a website.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

from readiness.errors import Problem
from readiness.yamlio import JsonPath, YamlDocument

CATEGORY_WORDS = {
    "news": "a news site",
    "blog": "a blog",
    "aggregator": "an aggregator",
    "press_agency": "a press agency",
    "personal": "a personal page",
    "commercial": "a company's commercial page",
    "unrelated": "a site unrelated to this entry",
}


def host_of(url: str) -> str:
    """The host of a web address in lower case, without `www.` ("" when it is not a web address)."""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return host.lower().removeprefix("www.")


def _within(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


@dataclass(frozen=True, eq=False)
class SourcePolicy:
    """The parsed `directory/sources.yaml` (already checked against its schema)."""

    data: Mapping[str, Any]

    @property
    def checked_within_days(self) -> int:
        """How old a `checked` date may be before `readiness validate` warns."""
        return int(self.data["checked_within_days"])

    @cached_property
    def _official(self) -> tuple[tuple[str, str], ...]:
        return tuple((d, cc) for cc, domains in self.data["official"].items() for d in domains)

    @cached_property
    def _non_official(self) -> tuple[tuple[str, str], ...]:
        return tuple((d, cat) for cat, domains in self.data["non_official"].items() for d in domains)

    def non_official_category(self, url: str) -> str:
        """news, blog, aggregator, ... when the address is on a known non-official domain, else ""."""
        host = host_of(url)
        return next((cat for domain, cat in self._non_official if _within(host, domain)), "")

    def government(self, url: str) -> bool:
        """The address is on an official EU or government domain."""
        host = host_of(url)
        if not host or self.non_official_category(url):
            return False
        return any(_within(host, domain) for domain, _ in self._official)

    def own_site(self, entry_url: str) -> str:
        """The host that counts as the entry's own site: its url's host when that is no listed domain."""
        if not entry_url or self.government(entry_url) or self.non_official_category(entry_url):
            return ""
        return host_of(entry_url)

    def official_for(self, source: str, entry_url: str) -> bool:
        """`source` is an official page for the entry whose url is `entry_url`."""
        if self.government(source):
            return True
        own = self.own_site(entry_url)
        host = host_of(source)
        return bool(own and host and _within(host, own))

    def official_sources(self, sources: Sequence[str], entry_url: str) -> tuple[str, ...]:
        """The official sources among `sources`, in their order (the evidence for `confirmed`)."""
        return tuple(s for s in sources if self.official_for(s, entry_url))

    def client_sources(self, sources: Sequence[str], entry_url: str) -> tuple[str, ...]:
        """The sources a client may be shown: official, and over https."""
        return tuple(s for s in self.official_sources(sources, entry_url) if s.startswith("https://"))


def check_policy(
    docs: Sequence[YamlDocument], policy: SourcePolicy, today: dt.date | None = None
) -> list[Problem]:
    """Entries breaking the source policy (errors) and entries not checked recently (warnings).

    A client link (`url`, `info_url`) must be official or the entry's own site; a confirmed entry needs
    an official source; no two entries share a non-official url as their own site. With `today`, an
    entry checked longer ago than the policy allows gets a warning.
    """
    problems: list[Problem] = []
    own_urls: dict[str, str] = {}
    for doc, at, item in _entries(docs):
        url, entry_id = str(item.get("url", "")), str(item.get("id", ""))
        problems += _link_problems(doc, at, item, policy)
        if url and policy.own_site(url):
            other = own_urls.setdefault(url.rstrip("/"), entry_id)
            if other != entry_id:
                problems.append(
                    doc.problem(
                        (*at, "url"),
                        f"url {url} is also the website of '{other}'; an entry's own site is its alone",
                        fix="link this entry's own page, or an official EU or government page about it",
                    )
                )
        sources = [str(s) for s in item.get("sources", [])]
        if item.get("confirmed") is True and sources and not policy.official_sources(sources, url):
            problems.append(
                doc.problem(
                    (*at, "sources"),
                    "the entry says confirmed: true, but none of its sources is an official page "
                    "(its own site, or an EU or government page)",
                    fix="add the official page that confirms it, or set confirmed: false",
                )
            )
        if "confirmed" not in item:
            problems.append(
                _warning(
                    doc,
                    (*at, "id"),
                    f"'{entry_id}' does not say whether it was confirmed on an official page, so client "
                    "reports leave it out",
                    fix="add confirmed: true (with an official source) or confirmed: false",
                    key=True,
                )
            )
        if today is not None:
            problems += _age_problems(doc, at, item, policy, today)
    return problems


def _entries(docs: Sequence[YamlDocument]) -> Iterator[tuple[YamlDocument, JsonPath, Mapping[str, Any]]]:
    for doc in docs:
        entries = doc.data.get("entries") if isinstance(doc.data, dict) else None
        for index, item in enumerate(entries if isinstance(entries, list) else []):
            if isinstance(item, dict):
                yield doc, ("entries", index), item


def _link_problems(
    doc: YamlDocument, at: JsonPath, item: Mapping[str, Any], policy: SourcePolicy
) -> list[Problem]:
    problems: list[Problem] = []
    url = str(item.get("url", ""))
    for key in ("url", "info_url"):
        link = str(item.get(key, ""))
        if not link:
            continue
        category = policy.non_official_category(link)
        if category:
            problems.append(
                doc.problem(
                    (*at, key),
                    f"{key} {link} is {CATEGORY_WORDS[category]}; a client link must be the organisation's "
                    "own site or an official EU or government page",
                    fix="keep it in sources if it adds a fact; link the official page (or the EU page of "
                    "the programme, with confirmed: false) instead",
                )
            )
        elif key == "info_url" and not policy.official_for(link, url):
            problems.append(
                doc.problem(
                    (*at, key),
                    f"info_url {link} is neither an official EU or government page nor on the entry's own "
                    "site",
                    fix="if it is a government site, add its domain to directory/sources.yaml under "
                    "official.<country>; otherwise move it to sources",
                )
            )
    return problems


def _age_problems(
    doc: YamlDocument, at: JsonPath, item: Mapping[str, Any], policy: SourcePolicy, today: dt.date
) -> list[Problem]:
    try:
        checked = dt.date.fromisoformat(str(item.get("checked", "")))
    except ValueError:
        return []
    age = (today - checked).days
    if age <= policy.checked_within_days:
        return []
    return [
        _warning(
            doc,
            (*at, "checked"),
            f"last checked on {checked.isoformat()}, {age} days ago (more than {policy.checked_within_days})",
            fix="check the entry against its official pages again and update checked",
        )
    ]


def _warning(doc: YamlDocument, at: JsonPath, message: str, *, fix: str, key: bool = False) -> Problem:
    return replace(doc.problem(at, message, fix=fix, key=key), severity="warning")
