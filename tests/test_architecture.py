"""The layout is a contract: imports point adapters -> bot -> knowledge, and only that way."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PLATFORMS = ("slack_bolt", "slack_sdk", "botbuilder", "botframework", "aiohttp")


def imported_modules(package: str) -> dict[str, set[str]]:
    """Every module each file of a package imports, by file."""
    found: dict[str, set[str]] = {}
    for path in (REPO / package).rglob("*.py"):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module)
        found[str(path.relative_to(REPO))] = names
    return found


def offenders(package: str, forbidden: tuple[str, ...]) -> list[str]:
    return sorted(f"{file} imports {name}" for file, names in imported_modules(package).items()
                  for name in names if name.split(".")[0] in forbidden)


def test_the_core_imports_no_adapter_and_no_platform_library() -> None:
    assert offenders("bot", ("adapters", *PLATFORMS)) == []


def test_the_knowledge_base_imports_neither_the_core_nor_adapters() -> None:
    assert offenders("knowledge", ("bot", "adapters", *PLATFORMS)) == []


def test_nothing_below_adapters_reads_the_environment() -> None:
    readers = [f"{file}" for package in ("bot", "knowledge")
               for file, names in imported_modules(package).items()
               if "os" in names and "environ" in (REPO / file).read_text("utf-8")]
    assert readers == []


def test_import_linter_contracts_are_kept() -> None:
    beside_python = Path(sys.executable).parent / "lint-imports"
    linter = str(beside_python) if beside_python.exists() else shutil.which("lint-imports")
    if linter is None:
        pytest.skip("import-linter is not installed (pip install '.[test]')")
    result = subprocess.run([linter], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-2000:]


def test_the_core_contract_names_every_core_module() -> None:
    """A new module in bot/ is covered by "the core does not reach into features"."""
    import tomllib

    contracts = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["importlinter"]
    [core] = [c for c in contracts["contracts"] if c["name"].startswith("The core does not")]
    composing = {"app", "operator", "tables", "features", "__init__"}  # operator: runs the app
    modules = {f"bot.{p.stem}" for p in (REPO / "bot").iterdir()
               if p.stem not in composing and (p.suffix == ".py" or (p / "__init__.py").exists())}
    assert modules == set(core["source_modules"])


def test_every_feature_folder_has_the_same_shape() -> None:
    """docs/architecture.md: registration in __init__.py, commands in handlers.py, timed work
    in jobs.py, the digest's part in digest.py, tables in models.py."""
    from bot.features import FEATURES
    from bot.storage.base import Base

    for feature in FEATURES:
        folder = REPO / "bot" / "features" / feature.name
        assert "Feature(" in (folder / "__init__.py").read_text(), feature.name
        assert (folder / "handlers.py").exists(), feature.name
        if feature.jobs is not None:
            assert feature.jobs.__module__ == f"bot.features.{feature.name}.jobs"
        if feature.digest is not None:
            assert feature.digest.__module__ == f"bot.features.{feature.name}.digest"
    for table in Base.metadata.tables.values():
        mapped = [m.class_ for m in Base.registry.mappers if m.local_table is table]
        module = mapped[0].__module__ if mapped else ""
        assert not module.startswith("bot.features.") or module.endswith(".models"), module
