"""`python -m newsflow_enrich [worker]`: run the enrich faust worker."""

import sys

from newsflow_contracts.logs import setup_logging
from newsflow_contracts.settings import get_stack_settings


def main() -> None:
    setup_logging("enrich", get_stack_settings().log_level)
    from newsflow_enrich.app import app

    args = sys.argv[1:] or ["worker"]
    if args[0] == "worker" and "--loglevel" not in args and "-l" not in args:
        args += ["--loglevel", get_stack_settings().log_level.lower()]
    sys.argv = [sys.argv[0], *args]
    app.main()


if __name__ == "__main__":
    main()
