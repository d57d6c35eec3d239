"""Render a dossier's page in headless Chromium and save a screenshot of it.

    python tools/screenshot.py [PATH...] [-o docs/images/seed-page.png]

With no PATH it shows the bundled seed. The browser is driven over the Chrome
DevTools protocol through a pair of pipes (``--remote-debugging-pipe``), so it
needs nothing beyond the standard library and a Chromium binary; the tests of
the page use the same :class:`Browser`.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Any

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--mute-audio",
    "--hide-scrollbars",
    "--disable-dev-shm-usage",  # containers often have a tiny /dev/shm
)
"""Headless, offline and quiet: the flags every run uses."""

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
"""Names a Chromium binary goes by; ``DIPLOMODEL_CHROMIUM`` names one explicitly."""

TIMEOUT = 60.0
"""Seconds to wait for any one answer of the browser."""


def find_chromium() -> str | None:
    """The path of a Chromium binary, or None when there is none."""
    named = os.environ.get("DIPLOMODEL_CHROMIUM")
    if named:
        return shutil.which(named)
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


class BrowserError(RuntimeError):
    """The browser failed, stopped answering, or reported an error."""


class Browser:
    """Headless Chromium driven over the DevTools protocol on fds 3 and 4.

    Use as a context manager; :meth:`open` loads a page in a new tab and
    collects its console errors and uncaught exceptions in :attr:`errors`.
    """

    def __init__(self, executable: str, width: int = 1400, height: int = 1000) -> None:
        self.width, self.height = width, height
        self.errors: list[str] = []
        self._profile = tempfile.mkdtemp(prefix="diplomodel-chromium-")
        to_browser_read, self._to_browser = os.pipe()
        self._from_browser, from_browser_write = os.pipe()

        def place_pipes() -> None:  # in the child: the protocol's fds are 3 (in) and 4 (out)
            # Copies first: a pipe end may already be 3 or 4, where dup2 would do nothing
            # and leave it closed on exec.
            reading, writing = os.dup(to_browser_read), os.dup(from_browser_write)
            os.dup2(reading, 3)
            os.dup2(writing, 4)

        self._process = subprocess.Popen(
            [
                executable,
                *FLAGS,
                "--remote-debugging-pipe",
                f"--user-data-dir={self._profile}",
                f"--window-size={width},{height}",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=place_pipes,
            close_fds=False,
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []
        self._session: str | None = None

    def __enter__(self) -> Browser:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Ask the browser to quit, then make sure it has."""
        if self._process.poll() is None:
            with contextlib.suppress(OSError, BrowserError):
                self._send("Browser.close", session=False)
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        for fd in (self._to_browser, self._from_browser):
            with contextlib.suppress(OSError):
                os.close(fd)
        shutil.rmtree(self._profile, ignore_errors=True)

    # -- the protocol --------------------------------------------------------------

    def _message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrowserError("the browser did not answer in time")
            ready, _, _ = select.select([self._from_browser], [], [], left)
            if ready:
                chunk = os.read(self._from_browser, 1 << 16)
                if not chunk:
                    raise BrowserError("the browser closed the protocol pipe")
                self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def _send(self, method: str, session: bool = True, **params: Any) -> int:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session and self._session is not None:
            message["sessionId"] = self._session
        try:
            os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        except BrokenPipeError:
            code = self._process.poll()
            raise BrowserError(f"the browser is not running (exit code {code})") from None
        return self._next_id

    def call(self, method: str, session: bool = True, **params: Any) -> dict[str, Any]:
        """Send one command and wait for its result; events that come first are kept."""
        wanted = self._send(method, session, **params)
        deadline = time.monotonic() + TIMEOUT
        while True:
            message = self._message(deadline)
            if message.get("id") == wanted:
                if "error" in message:
                    raise BrowserError(f"{method}: {message['error'].get('message')}")
                result: dict[str, Any] = message.get("result", {})
                return result
            if "method" in message:
                self._note(message)

    def _note(self, event: dict[str, Any]) -> None:
        """Keep an event; note console errors and uncaught exceptions."""
        method, params = event["method"], event.get("params", {})
        if method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            shown = details.get("exception", {}).get("description") or details.get("text")
            self.errors.append(f"uncaught: {shown}")
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            args = params.get("args", [])
            words = " ".join(str(arg.get("value", arg.get("description"))) for arg in args)
            self.errors.append(f"console.{params['type']}: {words}")
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            self.errors.append(f"log: {params['entry'].get('text')}")
        self._events.append(event)

    def _wait_for(self, method: str) -> None:
        deadline = time.monotonic() + TIMEOUT
        while True:
            if any(event["method"] == method for event in self._events):
                return
            message = self._message(deadline)
            if "method" in message:
                self._note(message)

    # -- pages ---------------------------------------------------------------------

    def open(self, path: Path) -> None:
        """Load a file in a new tab, sized to the browser's width and height, and wait
        until it has loaded."""
        target = self.call("Target.createTarget", session=False, url="about:blank")
        attached = self.call(
            "Target.attachToTarget", session=False, targetId=target["targetId"], flatten=True
        )
        self._session = attached["sessionId"]
        self._events.clear()
        for domain in ("Runtime.enable", "Log.enable", "Page.enable"):
            self.call(domain)
        self.call(
            "Emulation.setDeviceMetricsOverride",
            width=self.width,
            height=self.height,
            deviceScaleFactor=1,
            mobile=False,
        )
        self.call("Page.navigate", url=path.resolve().as_uri())
        self._wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (JSON-like values only)."""
        result = self.call(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            shown = details.get("exception", {}).get("description") or details.get("text")
            raise BrowserError(f"the expression failed: {shown}")
        return result["result"].get("value")

    def screenshot(self, path: Path, full_page: bool = False) -> Path:
        """Save a PNG of the page: the window, or with ``full_page`` all of it."""
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            size = self.evaluate(
                "[document.documentElement.scrollWidth, document.documentElement.scrollHeight]"
            )
            params["captureBeyondViewport"] = True
            params["clip"] = {"x": 0, "y": 0, "width": size[0], "height": size[1], "scale": 1}
        shot = self.call("Page.captureScreenshot", **params)
        path.write_bytes(base64.b64decode(shot["data"]))
        return path


def main(argv: list[str] | None = None) -> int:
    """Write the page of the given dossiers (the seed by default) and screenshot it."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", nargs="*", metavar="PATH", help="curation or JSON files")
    parser.add_argument("-o", "--output", default="docs/images/seed-page.png", type=Path)
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=1500)
    parser.add_argument("--full-page", action="store_true", help="the whole page, not the window")
    args = parser.parse_args(argv)

    import diplomodel as dm
    from diplomodel.exports.html import to_html

    if not args.sources:
        source: dm.Dossier | dm.Corpus = dm.load_seed()
    elif len(args.sources) == 1:
        source = dm.read_dossier(args.sources[0])
    else:
        source = dm.Corpus.load(args.sources)
    executable = find_chromium()
    if executable is None:
        print("no Chromium found: install it (apt-get install chromium)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "page.html"
        page.write_text(to_html(source), encoding="utf-8")
        with Browser(executable, args.width, args.height) as browser:
            browser.open(page)
            browser.screenshot(args.output, full_page=args.full_page)
            if browser.errors:
                print("\n".join(browser.errors), file=sys.stderr)
                return 1
    print(args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
