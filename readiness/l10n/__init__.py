"""Languages as data: content catalogues beside the texts they serve, coverage, glossaries, citations.

English is the source, written inline in the YAML; Dutch is inline too. Every further language lives in
gettext PO files, one per language in a `locale/` folder beside the YAML it serves (see `content`), so that
translators of different languages never edit the same file. Nothing here branches on a language.
"""
