"""deploy/opensearch/node.sh against the real local node: restarts that must not trip on old state."""

import os
import subprocess
from pathlib import Path

from support.gateways import NODE_SCRIPT, node


def script(action: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(NODE_SCRIPT), action], capture_output=True, text=True, check=False)


def test_start_after_the_machine_lost_the_node_ignores_its_stale_pid_file() -> None:
    # A machine restored from a snapshot (or rebooted) keeps the pid file of a node that no
    # longer exists; the pid may even belong to another live process. Start must not read that
    # file as "the new node died during start-up".
    home = Path(dict(line.split("=", 1) for line in script("env").stdout.split())["NODE_HOME"])
    node("stop")
    try:
        (home / "opensearch.pid").write_text(str(os.getpid()))
    finally:
        started = script("start")
    assert started.returncode == 0, started.stderr
    status = script("status")
    assert status.stdout.startswith("running"), status.stdout
    assert int((home / "opensearch.pid").read_text()) != os.getpid()
