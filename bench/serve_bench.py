"""`readiness serve` under load: from submitting an answer to the next page, and 50 interviews at once.

The server is the real command (`readiness serve`) in its own process on 127.0.0.1, talked to over
HTTP by this one, so client and server do not share an interpreter. Three parts, each with a baseline
from the same run:

1. Server side: one answer posted and the next question's page fetched (the redirect followed), many
   times over, against the file work alone that an answer costs (read, check and save the answers file
   in this process, no HTTP).
2. In the browser (Debian's Chromium through chromium-driver, when installed): a click on "Save and
   continue" until the next question is shown, against part 1's round trip.
3. 50 interviews at once, each answering the whole quick scan with answers of its own, against the same
   interviews one after another; every file is read back at the end and must hold every answer given.
   Bounded in count (the interviews given) and in time (--timeout): it stops by itself.

    python bench/serve_bench.py [--interviews 50] [--answers 200] [--timeout 300] [--no-browser]
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.cookiejar
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from readiness.answers import load_answers, save_answers  # noqa: E402
from readiness.questionnaire.registry import Registry  # noqa: E402
from readiness.web.server import free_port  # noqa: E402

CSRF = re.compile(r'name="csrf" value="([^"]+)"')
COUNTRIES = ["NL", "BE", "DE", "FR", "AT", "IE", "PT", "ES", "IT", "PL"]


def script(number: int) -> list[tuple[str, Any]]:
    """The quick scan's answers for interview `number`: each interview's own, so a mix-up shows."""
    return [
        ("company_country", COUNTRIES[number % len(COUNTRIES)]),
        ("company_region", None),
        ("company_size", ["micro", "small", "medium"][number % 3]),
        ("company_nace", f"C{10 + number % 20}"),
        ("company_language", "en"),
        ("ai_plan", "ideas"),
        ("ai_budget", "true"),
        ("data_practices", ["digital", "owner"]),
        ("personal_data", "true"),
        ("gdpr_basis", "true"),
        ("ai_literacy", "training"),
        ("ai_staff", str(number)),
        ("ai_stage", "3"),
        ("ai_tools", ["vision"]),
        ("ai_notes", f"interview {number}"),
    ]


class Client:
    """One browser's worth of HTTP: its own cookies (session) and CSRF token."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        self.csrf = CSRF.search(self.get("/new"))[1]  # type: ignore[index]

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=60) as response:
            return str(response.read().decode("utf-8"))

    def post(self, path: str, fields: list[tuple[str, str]]) -> tuple[str, str]:
        """Post a form and follow its redirect: the page the browser would show next, and its address."""
        body = urllib.parse.urlencode([("csrf", self.csrf), *fields]).encode()
        with self.opener.open(self.base + path, data=body, timeout=60) as response:
            return str(response.read().decode("utf-8")), str(response.url)

    def start(self, name: str) -> str:
        _page, url = self.post("/new", [("name", name), ("questionnaire", "quickscan"), ("lang", "en")])
        return url.split("/a/", 1)[1].split("/q/", 1)[0]

    def answer(self, ref: str, qid: str, value: Any) -> str:
        fields = [("action", "skip" if value is None else "save")]
        values = value if isinstance(value, list) else [] if value is None else [value]
        fields += [("value", v) for v in values]
        _page, url = self.post(f"/a/{ref}/q/{qid}", fields)
        return url


def serve(workspace: Path, port: int) -> subprocess.Popen[bytes]:
    """`readiness serve` in its own process, once it answers."""
    command = [sys.executable, "-m", "readiness", "serve", "--workspace", str(workspace), "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/static/app.css", timeout=2).close()
            return process
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    process.kill()
    raise SystemExit("readiness serve did not start")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def summary(times: list[float]) -> str:
    times = sorted(times)
    p95 = times[max(0, int(len(times) * 0.95) - 1)]
    return f"median {ms(statistics.median(times))}, p95 {ms(p95)}, max {ms(times[-1])} (n={len(times)})"


def round_trips(base: str, count: int) -> list[float]:
    """Answer→next page, over and over: the same question answered again, alternating two answers."""
    client = Client(base)
    ref = client.start("Round Trip")
    times = []
    for index in range(count):
        started = time.perf_counter()
        client.answer(ref, "company_size", ["micro", "small"][index % 2])
        times.append(time.perf_counter() - started)
    return times


def file_work(workspace: Path, count: int) -> list[float]:
    """The baseline: what one answer costs without HTTP or a page (read, check, set, save the file)."""
    registry = Registry.default()
    path = next((workspace / "reports").glob("round-trip*.answers.yaml"))
    question = load_answers(path, registry).questionnaire.question("company_size")
    assert question is not None
    times = []
    for index in range(count):
        started = time.perf_counter()
        loaded = load_answers(path, registry)
        loaded.answers.set_value(question, ["micro", "small"][index % 2])
        save_answers(path, loaded.answers, now=dt.datetime.now(dt.UTC).isoformat())
        times.append(time.perf_counter() - started)
    return times


def in_browser(base: str, count: int) -> list[float] | None:
    """A click on "Save and continue" until the next question is there, in headless Chromium."""
    if not (Path("/usr/bin/chromium").exists() and Path("/usr/bin/chromedriver").exists()):
        return None
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    options = Options()
    options.binary_location = "/usr/bin/chromium"
    profile = tempfile.mkdtemp(prefix="bench-chromium-")
    for flag in (
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}",
    ):  # fmt: skip
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(f"{base}/new")
        driver.find_element("id", "name").send_keys("In The Browser")
        driver.find_element("css selector", "input[value='quickscan']").click()
        driver.find_element("css selector", "button.primary").click()
        WebDriverWait(driver, 30).until(lambda d: "/q/" in d.current_url)
        ref = driver.current_url.split("/a/", 1)[1].split("/q/", 1)[0]
        times = []
        for index in range(count):
            driver.get(f"{base}/a/{ref}/q/company_size")
            driver.find_element("css selector", f"input[value='{['micro', 'small'][index % 2]}']").click()
            page = driver.find_element("tag name", "html")
            started = time.perf_counter()
            driver.find_element("css selector", "button[value='save']").click()
            WebDriverWait(driver, 30).until(expected_conditions.staleness_of(page))
            WebDriverWait(driver, 30).until(
                lambda d: d.execute_script("return document.readyState") == "complete"
            )
            times.append(time.perf_counter() - started)
        return times
    finally:
        driver.quit()


def interviews(
    base: str, count: int, workers: int, deadline: float, prefix: str
) -> tuple[float, list[float], list[str], dict[str, int]]:
    """`count` whole interviews with `workers` at once; their time, every answer's time, the errors."""
    latencies: list[float] = []
    errors: list[str] = []
    refs: dict[str, int] = {}
    lock = threading.Lock()

    def one(number: int) -> None:
        try:
            client = Client(base)
            ref = client.start(f"{prefix} {number}")
            with lock:
                refs[ref] = number
            for qid, value in script(number):
                if time.monotonic() > deadline:
                    raise TimeoutError("the time limit was reached")
                started = time.perf_counter()
                client.answer(ref, qid, value)
                with lock:
                    latencies.append(time.perf_counter() - started)
        except Exception as exc:  # counted and shown: the benchmark reports errors, it does not stop
            with lock:
                errors.append(f"interview {number}: {exc.__class__.__name__}: {exc}")

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(one, range(count)))
    return time.perf_counter() - started, latencies, errors, refs


def lost_answers(workspace: Path, refs: dict[str, int]) -> list[str]:
    """Every answer each interview gave, looked for in its file: what is missing or wrong."""
    import yaml

    lost = []
    for ref, number in refs.items():
        data = yaml.safe_load((workspace / ref).read_text(encoding="utf-8"))
        stored = {**data["company"], **data["answers"]}
        keys = {
            "company_country": "country",
            "company_size": "size",
            "company_nace": "nace",
            "company_language": "language",
        }
        for qid, value in script(number):
            if value is None:
                continue
            got = stored.get(keys.get(qid, qid))
            wanted = {"true": True, "false": False}.get(value, value) if isinstance(value, str) else value
            if qid in ("ai_staff", "ai_stage"):
                wanted = int(value)
            if got != wanted:
                lost.append(f"{ref}: {qid} is {got!r}, answered {wanted!r}")
        if data["meta"].get("complete") is not True:
            lost.append(f"{ref}: not complete")
    return lost


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interviews", type=int, default=50, help="interviews at once (default 50)")
    parser.add_argument("--answers", type=int, default=200, help="round trips for part 1 (default 200)")
    parser.add_argument(
        "--clicks", type=int, default=30, help="clicks in the browser for part 2 (default 30)"
    )
    parser.add_argument("--timeout", type=float, default=300, help="seconds part 3 may take at most")
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    print(
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load {os.getloadavg()[0]:.1f}"
    )
    with tempfile.TemporaryDirectory(prefix="serve-bench-") as folder:
        workspace = Path(folder)
        port = free_port()
        server = serve(workspace, port)
        base = f"http://127.0.0.1:{port}"
        try:
            print("\n1. answer -> next page, server side (HTTP from another process)")
            trips = round_trips(base, args.answers)
            baseline = file_work(workspace, args.answers)
            print(f"   answer and next page:  {summary(trips)}")
            print(f"   file work alone:       {summary(baseline)}")
            print(f"   ratio (medians):       {statistics.median(trips) / statistics.median(baseline):.2f}")
            if not args.no_browser:
                clicks = in_browser(base, args.clicks)
                print("\n2. answer -> next page, in headless Chromium")
                if clicks is None:
                    print("   skipped: no /usr/bin/chromium and /usr/bin/chromedriver")
                else:
                    print(f"   click to next page:    {summary(clicks)}")
                    print(
                        "   ratio to part 1:       "
                        f"{statistics.median(clicks) / statistics.median(trips):.2f}"
                    )
            count = args.interviews
            print(f"\n3. {count} interviews of {len(script(0))} answers each, at most {args.timeout:g} s")
            deadline = time.monotonic() + args.timeout
            one_by_one, solo_latency, solo_errors, solo_refs = interviews(base, count, 1, deadline, "Alone")
            deadline = time.monotonic() + args.timeout
            together, latency, errors, refs = interviews(base, count, count, deadline, "Together")
            answers = len(latency)
            solo_rate, rate = len(solo_latency) / one_by_one, answers / together
            alone = f"{one_by_one:.1f} s, {solo_rate:.0f} answers/s, {summary(solo_latency)}"
            print(f"   one after another:     {alone}")
            print(f"   {count} at once:           {together:.1f} s, {rate:.0f} answers/s, {summary(latency)}")
            print(f"   throughput ratio:      {rate / solo_rate:.2f}")
            lost = lost_answers(workspace, refs) + lost_answers(workspace, solo_refs)
            given = answers + len(solo_latency)
            print(f"   errors: {len(errors) + len(solo_errors)}, answers lost: {len(lost)} of {given}")
            for line in (errors + solo_errors + lost)[:10]:
                print(f"     {line}")
        finally:
            server.terminate()
            server.wait(timeout=30)
    if errors or solo_errors or lost:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
