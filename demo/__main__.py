"""``python -m demo --host 127.0.0.1 --port 8081 [--seed N]``: serve the demo upstream."""

from __future__ import annotations

import argparse

from demo.app import serve
from demo.generate import DEFAULT_SEED


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m demo",
        description="Synthetic 民政 upstream for minguard runs and benchmarks.",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--persons-per-district", type=int, default=60, help="data set size (10 districts)")
    args = parser.parse_args(argv)
    serve(args.host, args.port, args.seed, args.persons_per_district)


if __name__ == "__main__":
    main()
