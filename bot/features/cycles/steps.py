"""The four steps of a coaching cycle (Jim Knight's Impact Cycle, as districts run it) and
the prompt each one brings: what the teacher is asked before it."""

from __future__ import annotations

from dataclasses import dataclass

from bot.blocks import Input


@dataclass(frozen=True)
class Step:
    """A step: its number, name, the prompt's question and the prompt's form fields."""

    number: int
    name: str
    prompt: str
    fields: tuple[Input, ...]


STEPS = (
    Step(1, "Goal-setting conference",
         "What would you like to change for your students? We'll settle on one goal and a "
         "student learning target.",
         (Input("goal", "Your goal for these four weeks", "textarea"),
          Input("target", "The student learning target: students will be able to...",
                "textarea"),
          Input("evidence", "How will we know? (exit tickets, work samples...)",
                required=False))),
    Step(2, "Model lesson",
         "I teach, you watch: which lesson, and when should I model it?",
         (Input("lesson_on", "Model lesson date", "date"),
          Input("class", "Which class or period?", required=False, placeholder="e.g. 3rd period"),
          Input("lesson", "The lesson or activity", required=False))),
    Step(3, "Co-teaching",
         "We teach it together: when, and who does what?",
         (Input("lesson_on", "Co-teaching date", "date"),
          Input("class", "Which class or period?", required=False),
          Input("roles", "Who does what?", "textarea", required=False))),
    Step(4, "Reflective debrief",
         "Looking back at the goal and the target: what went well for students, what's the "
         "evidence, and what will you do next?",
         (Input("went_well", "What went well for students?", "textarea"),
          Input("evidence", "Did students reach the target? What's the evidence?", "textarea"),
          Input("next", "What will you do next, on your own?", "textarea", required=False))),
)
BY_NUMBER = {s.number: s for s in STEPS}
