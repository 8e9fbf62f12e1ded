"""``sop-kit serve``: the built site on localhost, as a static web server would show it.

Pagefind loads its index with ``fetch``, which browsers refuse for ``file://`` pages, so
the site is previewed over HTTP. Each request resolves the path afresh, so a build that
swaps in a new site while serving is picked up at once.
"""

from __future__ import annotations

import functools
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


class _Handler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet: the terminal shows the address, not every request


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A browser that navigates away mid-download resets the connection: not an error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def make_server(site: Path, host: str = "127.0.0.1", port: int = 8000) -> ThreadingHTTPServer:
    """A server for ``site`` (not started); port 0 picks a free one."""
    handler = functools.partial(_Handler, directory=str(site))
    return _Server((host, port), handler)
