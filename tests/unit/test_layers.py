"""The house rules on imports (pyproject's [tool.importlinter]): the CLI composes the services,
services never import each other, the contracts import no service."""

import subprocess
import sys
from pathlib import Path

from newsflow_cli.components import REPO


def test_the_import_layers_hold() -> None:
    lint = Path(sys.executable).parent / "lint-imports"
    done = subprocess.run(
        [str(lint), "--no-cache"], capture_output=True, text=True, cwd=REPO, check=False
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]


def test_ruff_finds_nothing() -> None:
    """`ruff check` (pyproject's [tool.ruff]) over the whole tree: lint that no test ran crept
    back twice, so CI runs it."""
    ruff = Path(sys.executable).parent / "ruff"
    done = subprocess.run([str(ruff), "check", "--no-cache", "."], capture_output=True,
                          text=True, cwd=REPO, check=False)  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]


def test_ruff_format_leaves_the_tree_as_it_is() -> None:
    """`ruff format --check` (STYLE.md: ruff format + check): 87 files had drifted from the
    formatter with nothing to say so; now CI does."""
    ruff = Path(sys.executable).parent / "ruff"
    done = subprocess.run([str(ruff), "format", "--check", "--no-cache", "."],
                          capture_output=True, text=True, cwd=REPO, check=False)  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
