"""Documents for hubs rather than for one company: the cohort overview, the progress report (T0 against
T1) and the printable questionnaire, rendered with the report's templates, fonts and PDF machinery.
"""
