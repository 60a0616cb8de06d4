"""The house rules on imports (pyproject's [tool.importlinter]): the CLI composes the services,
services never import each other, the contracts import no service."""

import subprocess
import sys
from pathlib import Path

from newsflow_cli.components import REPO


def test_the_import_layers_hold() -> None:
    lint = Path(sys.executable).parent / "lint-imports"
    done = subprocess.run([str(lint), "--no-cache"], capture_output=True, text=True, cwd=REPO,
                          check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
