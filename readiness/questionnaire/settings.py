"""Named settings of the questionnaire format that command-line options offer as choices.

A leaf module, so that a command's options can list them without loading the questionnaire model.
"""

# How a matrix of tick boxes is scored (docs/results.md, "The DMA method"): the published encodings of the
# DMA's planned/invested matrix disagree, so the method is a named setting of the question.
DUAL_SCORING = ("per_column", "per_row", "per_cell")
