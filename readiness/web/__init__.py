"""`readiness serve`: the interview, the report and a hub's clients in a browser, on this machine.

A second face beside `readiness.cli` over the same spine (answers, flow, assessment, report, batch,
cohort, compare): nothing here is imported by the core, and nothing the command line does is done
again here in another way. Starlette serves the pages, Jinja2 renders them, uvicorn runs the server.
"""
