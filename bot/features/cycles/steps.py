"""The four steps of a coaching cycle (Jim Knight's Impact Cycle, as districts run it) and
the prompt each one brings: what the teacher is asked before it.

The names, prompts and form fields are marked for the catalogue here and translated where
they are shown, in the language of whoever reads them (`title`, `called`, `question`,
`form_fields`)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.blocks import Input
from bot.i18n import N_, _


@dataclass(frozen=True)
class Step:
    """A step: its number, name (alone and inside a sentence), the prompt's question and the
    prompt's form fields."""

    number: int
    name: str
    phrase: str  # the step inside a sentence, with its article: "the model lesson"
    prompt: str
    fields: tuple[Input, ...]

    def title(self) -> str:
        """The step's name in the current language ("Model lesson", "Clase modelo")."""
        return _(self.name)

    def called(self) -> str:
        """The step as a sentence names it ("the model lesson", "la clase modelo")."""
        return _(self.phrase)

    def question(self) -> str:
        """The prompt's question in the current language."""
        return _(self.prompt)

    def form_fields(self) -> tuple[Input, ...]:
        """The prompt's fields, labelled in the current language."""
        return tuple(replace(f, label=_(f.label),
                             placeholder=_(f.placeholder) if f.placeholder else "")
                     for f in self.fields)


STEPS = (
    Step(1, N_("Goal-setting conference"), N_("the goal-setting conference"),
         N_("What would you like to change for your students? We'll settle on one goal and a "
            "student learning target."),
         (Input("goal", N_("Your goal for these four weeks"), "textarea"),
          Input("target", N_("The student learning target: students will be able to..."),
                "textarea"),
          Input("evidence", N_("How will we know? (exit tickets, work samples...)"),
                required=False))),
    Step(2, N_("Model lesson"), N_("the model lesson"),
         N_("I teach, you watch: which lesson, and when should I model it?"),
         (Input("lesson_on", N_("Model lesson date"), "date"),
          Input("class", N_("Which class or period?"), required=False,
                placeholder=N_("e.g. 3rd period")),
          Input("lesson", N_("The lesson or activity"), required=False))),
    Step(3, N_("Co-teaching"), N_("the co-teaching lesson"),
         N_("We teach it together: when, and who does what?"),
         (Input("lesson_on", N_("Co-teaching date"), "date"),
          Input("class", N_("Which class or period?"), required=False),
          Input("roles", N_("Who does what?"), "textarea", required=False))),
    Step(4, N_("Reflective debrief"), N_("the reflective debrief"),
         N_("Looking back at the goal and the target: what went well for students, what's the "
            "evidence, and what will you do next?"),
         (Input("went_well", N_("What went well for students?"), "textarea"),
          Input("evidence", N_("Did students reach the target? What's the evidence?"),
                "textarea"),
          Input("next", N_("What will you do next, on your own?"), "textarea",
                required=False))),
)
BY_NUMBER = {s.number: s for s in STEPS}
# A prompt's answers as the coach reads them ("goal: ...; target: ..."), by field.
ANSWER_NAMES = {"goal": N_("goal"), "target": N_("target"), "evidence": N_("evidence"),
                "lesson_on": N_("date"), "class": N_("class"), "lesson": N_("lesson"),
                "roles": N_("who does what"), "went_well": N_("what went well"),
                "next": N_("next step")}


def answered(values: dict[str, str]) -> str:
    """A prompt's answers in one line, each named in the current language."""
    return "; ".join(f"{_(ANSWER_NAMES[k])}: {v}" for k, v in values.items()
                     if k in ANSWER_NAMES)
