"""Reports: the report model built once from an assessment, rendered as HTML, PDF, Markdown and JSON.

`model.build_report` makes the model; `html.render_html`, `pdf.render_pdf`, `markdown.render_markdown` and
`output.render_json` render it; `output.render_report` picks one, `output.write_report` writes it to a
file. Nothing is imported here, so that `import readiness.report.model` never loads WeasyPrint.
"""
