"""Reports: the report model built once from an assessment, rendered as HTML, PDF, Markdown and JSON.

`model.build_report` makes the model; `html.render_html`, `pdf.write_pdf`, `markdown.render_markdown` and
`output.render_json` render it; `output.write_report` does all of it for one file. Nothing is imported
here, so that `import readiness.report.model` never loads WeasyPrint.
"""
