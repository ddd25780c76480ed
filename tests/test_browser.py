"""The report in a real browser: headless Chromium driven through the DevTools protocol.

Opens the monthly report (three months of history, so every chart is drawn) and checks that
the page loads, that it makes no network request but its own file, that nothing is written to
the console as an error (a blocked request would be), that every chart has a size, that it fits
a phone's width and prints to PDF, and takes a screenshot.

Chromium is Debian's `chromium` package. Where it is absent the test is skipped with the reason;
`.ci/run` installs it and sets PORTFOLIO_REQUIRE_BROWSER=1, which turns the skip into a failure.
Set PORTFOLIO_SCREENSHOTS=DIR to keep the screenshots.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import queue
import shutil
import subprocess
import threading
import time
from pathlib import Path
from typing import IO, Any

import pytest

from conftest import EXAMPLE_CRITERIA, ROOT, Run

CHROMIUM = shutil.which("chromium") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
)
MONTHS = {
    "2026-09-30": ROOT / "examples" / "months" / "2026-09.csv",
    "2026-10-31": ROOT / "examples" / "months" / "2026-10.csv",
    "2026-11-30": ROOT / "examples" / "months" / "2026-11.csv",
}
TIMEOUT = 60.0


def _require_chromium() -> str:
    if CHROMIUM is None:
        reason = (
            "Chromium is not installed (Debian: apt-get install chromium); "
            ".ci/run installs it and requires this test"
        )
        if os.environ.get("PORTFOLIO_REQUIRE_BROWSER") == "1":
            pytest.fail(f"PORTFOLIO_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    return CHROMIUM


class DevTools:
    """A minimal DevTools-protocol client over --remote-debugging-pipe (fds 3 and 4)."""

    def __init__(self, binary: str, profile: Path, log: IO[bytes]) -> None:
        command = [
            "sh", "-c", 'exec "$0" "$@" 3<&0 4>&1 0</dev/null 1>/dev/null',
            binary, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
            f"--user-data-dir={profile}", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-background-networking", "--disable-sync",
            "--disable-component-update", "--disable-default-apps", "--mute-audio",
            "--window-size=1000,1400", "about:blank",
        ]  # fmt: skip
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log
        )
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.writer = self.process.stdin
        self.messages: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.events: list[dict[str, Any]] = []
        self.next_id = 0
        self.reader = threading.Thread(target=self._read, args=(self.process.stdout,), daemon=True)
        self.reader.start()

    def _read(self, stream: IO[bytes]) -> None:
        buffer = b""
        while chunk := stream.read1(65536):  # type: ignore[attr-defined]
            buffer += chunk
            *complete, buffer = buffer.split(b"\0")
            for raw in complete:
                self.messages.put(json.loads(raw))
        self.messages.put(None)

    def send(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        """Send a command and wait for its answer; events met meanwhile are kept."""
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        self.writer.write(json.dumps(message).encode() + b"\0")
        self.writer.flush()
        deadline = time.monotonic() + TIMEOUT
        while True:
            answer = self.messages.get(timeout=max(0.1, deadline - time.monotonic()))
            assert answer is not None, "Chromium closed the pipe"
            if answer.get("id") == self.next_id:
                assert "error" not in answer, f"{method}: {answer['error']}"
                result: dict[str, Any] = answer["result"]
                return result
            self.events.append(answer)

    def wait_for(self, method: str) -> dict[str, Any]:
        """Wait for an event (or find it among those already received)."""
        for event in self.events:
            if event.get("method") == method:
                return event
        deadline = time.monotonic() + TIMEOUT
        while True:
            event = self.messages.get(timeout=max(0.1, deadline - time.monotonic()))
            assert event is not None, "Chromium closed the pipe"
            self.events.append(event)
            if event.get("method") == method:
                return event

    def close(self) -> None:
        with contextlib.suppress(AssertionError, OSError, queue.Empty):  # already gone
            self.send("Browser.close")
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:  # pragma: no cover
            self.process.kill()
            self.process.wait()
        self.reader.join(timeout=20)
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()


@pytest.fixture
def report(run: Run, tmp_path: Path) -> Path:
    """The November report after three monthly runs with history."""
    history = tmp_path / "history.sqlite"
    # a long path without spaces is shown in the subtitle: it must wrap on a phone, not widen
    # the page (a clone in a long temporary folder once did)
    folder = tmp_path / ("CustomerListExport" * 5)
    folder.mkdir()
    for day, source in MONTHS.items():
        path = folder / source.name
        shutil.copyfile(source, path)
        out = tmp_path / "report.html"
        result = run("report", str(path), "-c", str(EXAMPLE_CRITERIA), "--as-of", day,
                     "--history", str(history), "-o", str(out), "-q")  # fmt: skip
        assert result.exit_code == 0, result.stderr
    return tmp_path / "report.html"


def test_report_in_headless_chromium(report: Path, tmp_path: Path) -> None:
    binary = _require_chromium()
    url = report.resolve().as_uri()
    with (tmp_path / "chromium.log").open("wb") as log:
        browser = DevTools(binary, tmp_path / "profile", log)
        try:
            target = browser.send("Target.createTarget", url="about:blank")["targetId"]
            session = browser.send("Target.attachToTarget", targetId=target, flatten=True)[
                "sessionId"
            ]
            for domain in ("Page", "Network", "Runtime", "Log"):
                browser.send(f"{domain}.enable", session)
            browser.events.clear()
            browser.send("Page.navigate", session, url=url)
            browser.wait_for("Page.loadEventFired")
            charts = browser.send(
                "Runtime.evaluate",
                session,
                returnByValue=True,
                expression="JSON.stringify(Array.from(document.querySelectorAll('.chart'))"
                ".map(e => { const r = e.getBoundingClientRect(); "
                "return [e.getAttribute('aria-label'), r.width, r.height]; }))",
            )["result"]["value"]
            title = browser.send(
                "Runtime.evaluate", session, expression="document.title", returnByValue=True
            )["result"]["value"]
            shot = base64.b64decode(
                browser.send(
                    "Page.captureScreenshot", session, format="png", captureBeyondViewport=True
                )["data"]
            )
            browser.send(
                "Emulation.setDeviceMetricsOverride",
                session,
                width=390,
                height=844,
                deviceScaleFactor=2,
                mobile=True,
            )
            # read after two frames: the page is laid out again at the phone's width (read at
            # once, a loaded machine could still give a width from the resize in progress)
            phone_width = browser.send(
                "Runtime.evaluate",
                session,
                expression="new Promise(done => requestAnimationFrame(() => "
                "requestAnimationFrame(() => done(document.documentElement.scrollWidth))))",
                awaitPromise=True,
                returnByValue=True,
            )["result"]["value"]
            phone = base64.b64decode(
                browser.send("Page.captureScreenshot", session, format="png")["data"]
            )
            browser.send("Emulation.clearDeviceMetricsOverride", session)
            pdf = base64.b64decode(
                browser.send("Page.printToPDF", session, preferCSSPageSize=True)["data"]
            )
        finally:
            browser.close()
    requests = [
        e["params"]["request"]["url"]
        for e in browser.events
        if e.get("method") == "Network.requestWillBeSent"
    ]
    assert requests == [url]  # the file itself, nothing else
    errors = [
        e["params"]
        for e in browser.events
        if (e.get("method") == "Runtime.consoleAPICalled" and e["params"]["type"] == "error")
        or e.get("method") == "Runtime.exceptionThrown"
        or (e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] == "error")
    ]
    assert errors == []
    assert title == "Customer portfolio — 2026-11-30"
    sizes = json.loads(charts)
    assert [label for label, _, _ in sizes] == [
        "Segments",
        "Criteria met and problems found",
        "NPS by segment",
        "Trend",
    ]
    assert all(width > 100 and height > 20 for _, width, height in sizes), sizes
    assert shot.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(shot) > 20_000  # a page with colour, not a blank image
    assert phone_width <= 390  # no sideways scrolling on a phone: wide tables scroll alone
    assert phone.startswith(b"\x89PNG")
    assert pdf.startswith(b"%PDF")
    keep = os.environ.get("PORTFOLIO_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        (Path(keep) / "report.png").write_bytes(shot)
        (Path(keep) / "report-phone.png").write_bytes(phone)
        (Path(keep) / "report.pdf").write_bytes(pdf)


# What a French reader sees on a 390 px phone: every element in the page's width (the trend
# table included, not cut at the edge), the criteria bars with their whole labels, and chart
# text at a readable size once the SVG has shrunk to the phone's width.
PHONE_CHECK = """
new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => {
  const width = document.documentElement.clientWidth;
  const right = sel => Math.max(...Array.from(document.querySelectorAll(sel))
    .map(e => e.getBoundingClientRect().right));
  const labels = Array.from(document.querySelectorAll('#criteria .bar-label'))
    .map(e => [e.textContent, e.scrollWidth <= e.clientWidth + 1]);
  const svgText = Array.from(document.querySelectorAll('#trend svg text'))
    .map(e => e.getBoundingClientRect().height);
  done(JSON.stringify({width, page: document.documentElement.scrollWidth,
    trend: right('#trend table.stack td'), labels, smallest: Math.min(...svgText)}));
})))
"""


def test_french_report_on_a_phone(run: Run, tmp_path: Path) -> None:
    binary = _require_chromium()
    history = tmp_path / "history.sqlite"
    long_label = EXAMPLE_CRITERIA.read_text(encoding="utf-8").replace(
        "label: Buys regularly", "label: Accepte la livraison groupée par mois et par quartier"
    )
    rules = tmp_path / "criteres.yaml"
    rules.write_text(long_label, encoding="utf-8")
    out = tmp_path / "rapport.html"
    for day, source in MONTHS.items():
        result = run("report", str(source), "-c", str(rules), "--as-of", day, "--history",
                     str(history), "-o", str(out), "-q", "--lang", "fr")  # fmt: skip
        assert result.exit_code == 0, result.stderr
    with (tmp_path / "chromium.log").open("wb") as log:
        browser = DevTools(binary, tmp_path / "profile", log)
        try:
            target = browser.send("Target.createTarget", url="about:blank")["targetId"]
            session = browser.send("Target.attachToTarget", targetId=target, flatten=True)[
                "sessionId"
            ]
            browser.send("Page.enable", session)
            browser.send("Emulation.setDeviceMetricsOverride", session, width=390, height=844,
                         deviceScaleFactor=2, mobile=True)  # fmt: skip
            browser.send("Page.navigate", session, url=out.resolve().as_uri())
            browser.wait_for("Page.loadEventFired")
            seen = json.loads(
                browser.send(
                    "Runtime.evaluate",
                    session,
                    expression=PHONE_CHECK,
                    awaitPromise=True,
                    returnByValue=True,
                )["result"]["value"]
            )
            shot = base64.b64decode(
                browser.send(
                    "Page.captureScreenshot", session, format="png", captureBeyondViewport=True
                )["data"]
            )
        finally:
            browser.close()
    assert seen["page"] <= 390
    assert seen["trend"] <= seen["width"]  # the trend table is not cut at the right edge
    assert ["Accepte la livraison groupée par mois et par quartier", True] in seen["labels"]
    assert seen["smallest"] >= 10  # px on the phone's screen (12 px text shrank to 7 before)
    assert shot.startswith(b"\x89PNG")
    keep = os.environ.get("PORTFOLIO_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        (Path(keep) / "report-fr-390.png").write_bytes(shot)
