"""Demo upstream: a synthetic 民政 HTTP API for minguard runs, tests and benchmarks.

Not part of the product. ``demo.generate.generate`` builds the seeded data set,
``demo.app.create_app`` / ``demo.app.serve`` serve it, ``python -m demo`` runs it.
"""
