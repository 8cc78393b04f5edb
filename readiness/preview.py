"""A questionnaire as a printable document: for interviews on paper and for authors to review.

`build_preview` turns a loaded questionnaire into plain values in one language: numbered sections and
questions, their options, what kind of answer each takes, and every `when:` condition in words
("only if 'How far has your most advanced AI application come?' is 3 or more"). A condition is put in
words only when every part of it can be said plainly; otherwise the expression itself is shown, so the
document never says something the questionnaire does not.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import rule_engine.ast as ast

from readiness.conditions import Condition
from readiness.flow import offered_options
from readiness.l10n.languages import decimal
from readiness.questionnaire.model import Question, Questionnaire, tr

Gettext = Callable[[str], str]
INVERSE = {"eq": "ne", "ne": "eq", "ge": "lt", "lt": "ge", "gt": "le", "le": "gt"}


@dataclass(frozen=True)
class PreviewQuestion:
    number: str
    id: str
    kind: str
    text: str
    help: str
    answer: str
    options: tuple[tuple[str, str], ...]
    scale: tuple[tuple[int, str], ...]
    condition: str
    dimension: str
    specials: tuple[str, ...]
    fields: tuple[PreviewQuestion, ...] = ()
    # A matrix: its row labels and the heads of its answer columns (tick boxes, stages or options).
    rows: tuple[str, ...] = ()
    heads: tuple[str, ...] = ()


@dataclass(frozen=True)
class PreviewSection:
    number: int
    id: str
    title: str
    intro: str
    condition: str
    questions: tuple[PreviewQuestion, ...]


@dataclass(frozen=True)
class Preview:
    ref: str
    title: str
    description: str
    version: str
    lang: str
    languages: tuple[str, ...]
    sector: tuple[str, ...]
    sections: tuple[PreviewSection, ...]
    dimensions: tuple[tuple[str, str], ...]
    levels: tuple[tuple[str, float], ...]
    recommendations: tuple[tuple[str, str], ...]
    questions: int


def build_preview(questionnaire: Questionnaire, lang: str, _: Gettext) -> Preview:
    """The questionnaire in `lang`, ready to print; `_` translates the tool's own words."""
    words = Words(questionnaire, lang, _)
    dimensions = {d.id: tr(d.label, lang) for d in questionnaire.dimensions}
    sections = []
    count = 0
    for number, section in enumerate(questionnaire.sections, start=1):
        questions = []
        for index, question in enumerate(section.questions, start=1):
            condition = words.condition(questionnaire.condition("question", question.id))
            questions.append(_question(question, f"{number}.{index}", condition, words, dimensions))
        count += len(questions)
        sections.append(
            PreviewSection(
                number,
                section.id,
                tr(section.title, lang),
                tr(section.intro, lang),
                words.condition(questionnaire.condition("section", section.id)),
                tuple(questions),
            )
        )
    return Preview(
        ref=questionnaire.ref,
        title=tr(questionnaire.title, lang),
        description=tr(questionnaire.description, lang),
        version=questionnaire.version,
        lang=lang,
        languages=questionnaire.languages,
        sector=questionnaire.sector,
        sections=tuple(sections),
        dimensions=tuple((tr(d.label, lang), tr(d.description, lang)) for d in questionnaire.dimensions),
        levels=tuple((tr(level.label, lang), level.start) for level in questionnaire.levels),
        recommendations=tuple(
            (tr(r.title, lang), words.condition(questionnaire.condition("recommendation", r.id)))
            for r in questionnaire.recommendations
        ),
        questions=count,
    )


def _question(
    question: Question, number: str, condition: str, words: Words, dimensions: dict[str, str]
) -> PreviewQuestion:
    lang, _ = words.lang, words.gettext
    fields = tuple(
        _question(
            sub,
            f"{number}.{i}",
            words.condition(
                words.questionnaire.condition("field", f"{question.id}.{sub.id}"), group=question
            ),
            words,
            dimensions,
        )
        for i, sub in enumerate(question.fields, start=1)
    )
    specials = tuple(
        text
        for text, offered in (
            (_("Don't know"), question.dont_know),
            (_("Not applicable"), question.not_applicable),
        )
        if offered
    )
    return PreviewQuestion(
        number=number,
        id=question.id,
        kind=question.type,
        text=tr(question.text, lang),
        help=tr(question.help, lang),
        answer=_answer_kind(question, lang, _),
        options=()
        if question.type == "matrix"
        else tuple((o.id, tr(o.label, lang)) for o in offered_options(question)),
        scale=tuple(
            (value, tr(question.scale_labels.get(value), lang))
            for value in range(question.scale_min, question.scale_max + 1)
        )
        if question.type == "scale"
        else (),
        rows=tuple(tr(r.label, lang) for r in question.rows),
        heads=_matrix_heads(question, lang),
        condition=condition,
        dimension=dimensions.get(question.dimension or "", ""),
        specials=specials,
        fields=fields,
    )


def _matrix_heads(question: Question, lang: str) -> tuple[str, ...]:
    kind = question.matrix_kind
    if kind == "columns":
        return tuple(tr(c.label, lang) for c in question.columns)
    if kind == "options":
        return tuple(tr(o.label, lang) for o in question.options)
    if kind == "scale":
        return tuple(str(v) for v in range(question.scale_min, question.scale_max + 1))
    return ()


def _answer_kind(question: Question, lang: str, _: Gettext) -> str:
    """What kind of answer the question takes, as an instruction to whoever fills in the paper."""
    kind = question.type
    if kind == "single":
        return _("Choose one.")
    if kind == "multi":
        return _("Choose all that apply.")
    if kind == "scale":
        return _("Circle one number from %(low)d to %(high)d.") % {
            "low": question.scale_min,
            "high": question.scale_max,
        }
    if question.matrix_kind == "columns":
        return _("Tick every box that applies, row by row.")
    if question.matrix_kind == "scale":
        labels = "; ".join(
            f"{v} = {tr(question.scale_labels[v], lang)}"
            for v in range(question.scale_min, question.scale_max + 1)
            if v in question.scale_labels
        )
        return _("Circle one number in each row.") + (f" {labels}." if labels else "")
    if kind == "matrix":
        return _("Choose one answer in each row.")
    if kind == "yes_no":
        return _("Yes or no.")
    if kind == "number":
        unit = f" ({tr(question.unit, lang)})" if question.unit else ""
        return _("A number.") + unit
    if kind == "group":
        item = tr(question.item_label, lang) or _("entry")
        return _("Answer the questions below once for each %(item)s.") % {"item": item}
    return _("Write your answer.")


def _logic_of(node: Any, negated: bool) -> str | None:
    """The and/or a part of a condition reads as once every `not` above it is pushed inside."""
    while isinstance(node, ast.UnaryExpression) and node.type == "not":
        node, negated = node.right, not negated
    if not isinstance(node, ast.LogicExpression):
        return None
    return {"and": "or", "or": "and"}[node.type] if negated else str(node.type)


def quote(text: str, gettext: Gettext) -> str:
    """A question's or option's own words inside a sentence, in the language's quotation marks."""
    return gettext("‘%(text)s’") % {"text": text}


class Unsayable(Exception):
    """A part of a condition that has no plain wording here; the expression is shown instead."""


class Words:
    """Conditions in words, in one language, naming questions by their text and options by their label."""

    def __init__(self, questionnaire: Questionnaire, lang: str, gettext: Gettext) -> None:
        self.questionnaire = questionnaire
        self.lang = lang
        self.gettext = gettext
        self.group: Question | None = None

    def condition(self, condition: Condition | None, *, group: Question | None = None) -> str:
        """`only if ...` for a condition, the expression itself when it cannot be put in words."""
        if condition is None:
            return ""
        _ = self.gettext
        self.group = group
        try:
            return _("only if %(condition)s") % {"condition": self.say(condition.rule.statement.expression)}
        except Unsayable:
            return _("only if: %(expression)s") % {"expression": condition.text}

    def say(self, node: Any, nested: bool = False, negated: bool = False) -> str:
        """One part of a condition in words; `negated` for a part under `not` (De Morgan for and/or)."""
        _ = self.gettext
        if isinstance(node, ast.LogicExpression):
            logic = {"and": "or", "or": "and"}[node.type] if negated else node.type
            joiner = _(" and ") if logic == "and" else _(" or ")
            parts = [self._operand(side, logic, negated) for side in (node.left, node.right)]
            text = joiner.join(parts)
            return f"({text})" if nested else text
        if isinstance(node, ast.UnaryExpression) and node.type == "not":
            return self.say(node.right, nested, not negated)
        if isinstance(node, ast.ContainsExpression):
            return self._contains(node, negated=negated)
        if isinstance(node, ast.ComparisonExpression | ast.ArithmeticComparisonExpression):
            return self._compare(node, negated=negated)
        if isinstance(node, ast.SymbolExpression) and not negated:
            subject, question = self._subject(node)
            if question is not None and question.type == "yes_no":
                return _("%(subject)s is %(value)s") % {"subject": subject, "value": _("yes")}
        raise Unsayable

    def _operand(self, node: Any, logic: str, negated: bool) -> str:
        inner = _logic_of(node, negated)
        return self.say(node, nested=inner is not None and inner != logic, negated=negated)

    def _subject(self, node: Any) -> tuple[str, Question | None]:
        """What a condition reads, in words, and the question it is (None for scores and AI facts)."""
        _ = self.gettext
        if isinstance(node, ast.GetItemExpression) and isinstance(node.container, ast.SymbolExpression):
            if node.container.name == "scores" and isinstance(node.item, ast.StringExpression):
                dimension = self.questionnaire.dimension(node.item.value)
                label = tr(dimension.label, self.lang) if dimension else node.item.value
                return _("the score for %(dimension)s") % {"dimension": quote(label, _)}, None
            matrix = self.questionnaire.question(node.container.name)
            if matrix is not None and matrix.type == "matrix" and isinstance(node.item, ast.StringExpression):
                row = next((r for r in matrix.rows if r.id == node.item.value), None)
                return _("the answer to %(question)s for %(row)s") % {
                    "question": quote(tr(matrix.text, self.lang), _),
                    "row": quote(tr(row.label, self.lang) if row else node.item.value, _),
                }, matrix
            raise Unsayable
        if not isinstance(node, ast.SymbolExpression):
            raise Unsayable
        name = node.name
        question = self.questionnaire.question(name)
        if question is None and self.group is not None:
            question = next((f for f in self.group.fields if f.id == name), None)
        if question is not None:
            return _("the answer to %(question)s") % {
                "question": quote(tr(question.text, self.lang), _)
            }, question
        facts = {
            "overall": _("the overall score"),
            "ai_system_count": _("the number of AI systems"),
            "ai_roles": _("the list of roles of your AI systems"),
            "ai_annex_i": _("the list of Annex I product areas of your AI systems"),
            "ai_annex_iii": _("the list of Annex III areas of your AI systems"),
            "ai_practices": _("the list of practices of your AI systems"),
            "ai_transparency": _("the list of transparency situations of your AI systems"),
            "ai_stage": _("how far your most advanced AI application has come"),
        }
        if name in facts:
            return facts[name], None
        raise Unsayable

    def _value(self, node: Any, question: Question | None) -> str:
        _ = self.gettext
        if isinstance(node, ast.StringExpression):
            choices = (*question.options, *question.columns) if question is not None else ()
            option = next((o for o in choices if o.id == node.value), None)
            return quote(tr(option.label, self.lang) if option else node.value, _)
        if isinstance(node, ast.FloatExpression):
            value = node.value
            return f"{value.normalize():f}" if isinstance(value, Decimal) else decimal(value, self.lang)
        if isinstance(node, ast.BooleanExpression):
            return _("yes") if node.value else _("no")
        raise Unsayable

    def _contains(self, node: Any, *, negated: bool) -> str:
        _ = self.gettext
        if isinstance(node.container, ast.ArrayExpression):
            subject, question = self._subject(node.member)
            values = [self._value(v, question) for v in node.container.value]
            if len(values) == 1:
                template = _("%(subject)s is not %(values)s") if negated else _("%(subject)s is %(values)s")
            else:
                template = (
                    _("%(subject)s is none of %(values)s")
                    if negated
                    else _("%(subject)s is one of %(values)s")
                )
            return template % {"subject": subject, "values": ", ".join(values)}
        subject, question = self._subject(node.container)
        value = self._value(node.member, question)
        template = (
            _("%(subject)s does not include %(value)s") if negated else _("%(subject)s includes %(value)s")
        )
        return template % {"subject": subject, "value": value}

    def _presence(self, right: Any, present: bool, subject: str, question: Question | None) -> str:
        """`x != null`, `x != []`: whether a question was answered, or a list of register facts has items."""
        _ = self.gettext
        if isinstance(right, ast.ArrayExpression) and right.value:
            raise Unsayable
        if question is None:
            if isinstance(right, ast.NullExpression):
                template = _("%(subject)s is known") if present else _("%(subject)s is not known")
            else:
                template = _("%(subject)s is not empty") if present else _("%(subject)s is empty")
            return template % {"subject": subject}
        asked = quote(tr(question.text, self.lang), _)
        if isinstance(right, ast.NullExpression):
            template = _("%(question)s is answered") if present else _("%(question)s is not answered")
        else:
            template = (
                _("at least one option is ticked at %(question)s")
                if present
                else _("no option is ticked at %(question)s")
            )
        return template % {"question": asked}

    def _compare(self, node: Any, *, negated: bool) -> str:
        _ = self.gettext
        subject, question = self._subject(node.left)
        operator = INVERSE[node.type] if negated else node.type
        if isinstance(node.right, ast.NullExpression | ast.ArrayExpression) and operator in ("eq", "ne"):
            return self._presence(node.right, operator == "ne", subject, question)
        value = self._value(node.right, question)
        templates = {
            "eq": _("%(subject)s is %(value)s"),
            "ne": _("%(subject)s is not %(value)s"),
            "ge": _("%(subject)s is %(value)s or more"),
            "gt": _("%(subject)s is more than %(value)s"),
            "le": _("%(subject)s is %(value)s or less"),
            "lt": _("%(subject)s is less than %(value)s"),
        }
        if operator not in templates:
            raise Unsayable
        return templates[operator] % {"subject": subject, "value": value}
