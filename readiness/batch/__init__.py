"""Many companies at once: answers files, report PDFs and spreadsheets to reports, in parallel.

`inputs` and `table` expand what the user names into items; `work` does one item inside a worker
process; `runner` runs the pool; `summary` reports the end. See docs/hub-workflows.md.
"""
