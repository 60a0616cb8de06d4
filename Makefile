# The two commands of the README:
#   make demo   installs everything, starts the whole stack, feeds the demo articles
#   make test   installs what is missing and runs every test (what CI runs)
PYTHON ?= python3
VENV   := .venv
UV     := $(VENV)/bin/uv
export UV_PYTHON_DOWNLOADS := never

.PHONY: install demo test up down lint

$(UV):
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check uv==0.13.8

install: $(UV)
	$(UV) sync --frozen --inexact --python $(VENV)/bin/python
	$(VENV)/bin/newsflow stack fetch

demo: install
	$(VENV)/bin/newsflow demo

up: install
	$(VENV)/bin/newsflow stack up

down:
	$(VENV)/bin/newsflow stack down

test: install
	@deploy/test-deps.sh
	@$(VENV)/bin/python -m pytest $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: that is a failure here"; exit 1; fi; \
	exit $$rc

lint: $(UV)
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .
