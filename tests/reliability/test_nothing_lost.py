"""Nothing is lost: a process killed while it saves leaves the old or the new file, never half of one."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import yaml

SAVER = """
import sys
from pathlib import Path
from readiness.answers import Answers, save_answers

path = Path(sys.argv[1])
answers = Answers("quickscan@1.0.0", {"name": "Kill Test BV", "country": "NL", "size": "small"})
for i in range(1_000_000):
    answers.answers[f"q{i % 500}"] = "x" * (i % 997)
    answers.meta["counter"] = i
    save_answers(path, answers, now=str(i))
    if i == 0:
        print("started", flush=True)
"""


ONE_SAVE = """
import sys
from pathlib import Path
from readiness.answers import Answers, save_answers

save_answers(Path(sys.argv[1]), Answers("quickscan@1.0.0", {"name": "Kill Test BV"}), now="end")
"""


def test_sigkill_while_saving_never_leaves_a_broken_file(tmp_path: Path) -> None:
    path = tmp_path / "a.answers.yaml"
    rng = random.Random(1689)
    counters = []
    for _ in range(25):
        with subprocess.Popen(
            [sys.executable, "-c", SAVER, str(path)], stdout=subprocess.PIPE, text=True
        ) as process:
            assert process.stdout is not None
            assert process.stdout.readline().strip() == "started"
            time.sleep(rng.uniform(0.0, 0.05))
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["company"]["name"] == "Kill Test BV"
        counters.append(data["meta"]["counter"])
        # A kill can strand the temporary file of the write in progress (at most the one of that process);
        # the next process to write into the folder removes it.
        assert len(list(tmp_path.glob(".a.answers.yaml.readiness-tmp-*"))) <= 1
    assert max(counters) > 0
    subprocess.run([sys.executable, "-c", ONE_SAVE, str(path)], check=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.answers.yaml"]
