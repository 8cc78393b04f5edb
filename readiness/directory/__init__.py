"""Where to get help: EDIHs, AI factories and antennas, TEFs, EU contact points, national AI Act
authorities and funding routes, matched to one company with a reason for each.

The entries, the vocabulary and the Eurostat figures are YAML under `directory/`; this package loads and
checks them, ranks them for a company (a pure function) and picks the figures that say where the company
stands against its peers.
"""

from readiness.directory.context import ai_use_context
from readiness.directory.inputs import (
    check_country,
    check_kinds,
    check_nace,
    check_needs,
    check_region,
    check_size,
    country_of_region,
)
from readiness.directory.loader import check_directory_files, load_directory, load_statistics, load_vocabulary
from readiness.directory.matching import browse_entries, match_support
from readiness.directory.model import Directory, DirectoryEntry, SupportMatch
from readiness.directory.vocabulary import Vocabulary

__all__ = [
    "Directory",
    "DirectoryEntry",
    "SupportMatch",
    "Vocabulary",
    "ai_use_context",
    "browse_entries",
    "check_country",
    "check_directory_files",
    "check_kinds",
    "check_nace",
    "check_needs",
    "check_region",
    "check_size",
    "country_of_region",
    "load_directory",
    "load_statistics",
    "load_vocabulary",
    "match_support",
]
