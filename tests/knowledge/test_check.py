"""`prepbot kb check`: each kind of problem is reported against the right file and line."""

from __future__ import annotations

from pathlib import Path

from knowledge.check import Problem, check
from tests.knowledge.conftest import article_text, write


def problems_in(district: Path, path: Path) -> list[Problem]:
    return [p for p in check(district) if p.path == str(path)]


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text().splitlines()
    return next(n for n, line in enumerate(lines, start=1) if needle in line)


def test_the_shipped_articles_have_no_errors() -> None:
    assert [p for p in check() if p.severity == "error"] == []


def test_a_clean_district_article_has_no_problems(district: Path) -> None:
    path = write(district, "clean-one")
    assert problems_in(district, path) == []


def test_a_problem_reads_as_path_line_severity_message() -> None:
    problem = Problem("kb/a.md", 7, "something is off", "warning")
    assert str(problem) == "kb/a.md:7: warning: something is off"


def test_a_file_that_cannot_be_parsed_is_an_error_on_line_one(district: Path) -> None:
    path = district / "bad-yaml.md"
    path.write_text("---\nid: bad-yaml\ntitle: [oops\n---\nbody\n")
    [problem] = problems_in(district, path)
    assert (problem.line, problem.severity) == (1, "error")
    assert "YAML" in problem.message


def test_a_missing_required_field_is_an_error(district: Path) -> None:
    text = article_text("no-audience").replace("audience: teacher\n", "")
    path = write(district, "no-audience", text)
    [problem] = problems_in(district, path)
    assert "audience" in problem.message and problem.severity == "error"


def test_an_id_that_is_not_the_file_name_points_at_the_id_line(district: Path) -> None:
    path = write(district, "file-name", article_text("other-name"))
    [problem] = problems_in(district, path)
    assert problem.line == 2 and "other-name" in problem.message


def test_two_files_in_one_folder_with_the_same_id_are_an_error(district: Path) -> None:
    write(district, "dup-a", article_text("dup-a", topic="alpha"))
    path = write(district, "dup-b", article_text("dup-a", topic="beta"))
    messages = [p.message for p in problems_in(district, path)]
    assert any("also used by" in m for m in messages)


def test_a_district_file_with_a_shipped_id_is_an_override_not_a_duplicate(district: Path) -> None:
    shipped = Path(__file__).parents[2] / "knowledge" / "articles" / "printer-add.md"
    path = write(district, "printer-add", shipped.read_text())
    assert problems_in(district, path) == []


def test_too_few_phrasings_points_at_the_phrasings_field(district: Path) -> None:
    path = write(district, "few", phrasings=["one way to say it", "another way to say it"])
    [problem] = problems_in(district, path)
    assert problem.line == line_of(path, "phrasings:") and "2 phrasings" in problem.message


def test_nine_steps_warn_and_eleven_steps_fail_at_the_first_step_too_many(district: Path) -> None:
    nine = write(district, "nine-steps", steps=9, topic="nine")
    eleven = write(district, "eleven-steps", steps=11, topic="eleven")
    [warning] = problems_in(district, nine)
    [error] = problems_in(district, eleven)
    assert (warning.severity, warning.line) == ("warning", line_of(nine, "9. Do step 9"))
    assert (error.severity, error.line) == ("error", line_of(eleven, "11. Do step 11"))


def test_a_body_without_a_one_line_answer_is_an_error(district: Path) -> None:
    text = article_text("no-answer").replace("Restart the widget and it works again.\n\n", "")
    path = write(district, "no-answer", text)
    [problem] = problems_in(district, path)
    assert problem.line == line_of(path, "1. Do step 1") and "one-line answer" in problem.message


def test_a_body_without_still_stuck_is_an_error(district: Path) -> None:
    path = write(district, "no-way-out", still_stuck=False)
    [problem] = problems_in(district, path)
    assert "Still stuck?" in problem.message


def test_a_link_to_an_unknown_article_points_at_its_line(district: Path) -> None:
    tail = "See [the other one](kb:no-such-article) and [audio](kb:classroom-audio)."
    path = write(district, "linker", body_tail=tail)
    [problem] = problems_in(district, path)
    assert problem.line == line_of(path, "kb:no-such-article")
    assert "no-such-article" in problem.message


def test_a_phrasing_used_by_two_articles_points_at_the_second(district: Path) -> None:
    shared = "the widget makes a grinding noise"
    alpha = [shared, *[f"alpha {n} way" for n in range(7)]]
    beta = [*[f"beta {n} way" for n in range(7)], "The widget makes a GRINDING noise!"]
    write(district, "first-widget", topic="alpha", phrasings=alpha)
    path = write(district, "second-widget", topic="beta", phrasings=beta)
    [problem] = problems_in(district, path)
    assert problem.line == line_of(path, "GRINDING") and "first-widget" in problem.message


def test_a_retirement_notice_needs_only_its_id(district: Path) -> None:
    path = district / "nearpod-join.md"
    path.write_text("---\nid: nearpod-join\nretired: true\n---\n")
    assert problems_in(district, path) == []
