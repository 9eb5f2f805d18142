# The two commands a fresh machine needs: `make run` and `make test` (see README.md).
# Requirements on the machine: Python 3.11 with its headers, Java 17, Maven, curl, unzip (all on this kind of machine);
# Debian packages beyond those (deploy/dev/system-packages.sh) are installed by `setup`.

PYTHON ?= python3.11
VENV := .venv
STAMP := $(VENV)/.installed-stamp
# What mypyc compiles (setup.py): an edit to one of these installs again, which recompiles.
COMPILED_SOURCES := setup.py $(wildcard classifiers/*.py classifiers/entities/*.py) policies/masking.py policies/generalise.py audit/canonical.py

.PHONY: setup system run test lint opensearch-start opensearch-stop uncompiled clean

# Debian packages beside Python (Chromium for browser tests, a CJK font for reports).
system:
	bash deploy/dev/system-packages.sh

$(STAMP): pyproject.toml $(COMPILED_SOURCES)
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: system $(STAMP)

# Starts the local OpenSearch node, the demo upstream and the gateway on 127.0.0.1:8080,
# and prints a ready-to-paste curl with a demo credential. Ctrl-C stops gateway and upstream.
run: setup
	$(VENV)/bin/minguard dev up

# Sets everything up, starts the local OpenSearch node (tests stop and restart it too),
# runs the linters and the whole test suite; then, with the inspector imported from its
# Python source, the tests that replace its functions (tests/support/pure_python.py).
test: setup lint
	bash deploy/opensearch/node.sh start
	$(VENV)/bin/pytest
	MINGUARD_PURE_PYTHON=1 $(VENV)/bin/pytest -m pure_python

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

opensearch-start:
	bash deploy/opensearch/node.sh start

opensearch-stop:
	bash deploy/opensearch/node.sh stop

# Back to plain Python: for tools that read bytecode (atheris' coverage, line profilers,
# a debugger stepping through the inspector). `make setup` compiles again.
uncompiled:
	rm -rf $(STAMP) build classifiers/_compiled.py
	rm -f *.so classifiers/*.so classifiers/entities/*.so policies/*.so audit/*.so

clean: uncompiled
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
