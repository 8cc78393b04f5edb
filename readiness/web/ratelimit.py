"""A limit on failed logins, per client address and per account name, kept in memory.

After MAX_FAILURES failures within WINDOW_SECONDS, further attempts for that address or name are
refused until the oldest failure leaves the window; a correct password does not get through then
either, so guessing stays slow. A restart forgets the counts, which costs an attacker a restart of
a server they cannot restart.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque

MAX_FAILURES = 5
WINDOW_SECONDS = 15 * 60
MAX_KEYS = 10_000


class LoginLimiter:
    """Counts failures per key (an address or a name) in a sliding window."""

    def __init__(self, max_failures: int = MAX_FAILURES, window: float = WINDOW_SECONDS) -> None:
        self.max_failures = max_failures
        self.window = window
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def wait_seconds(self, *keys: str) -> int:
        """How long the caller must wait before trying again with any of `keys`; 0 when it may try now."""
        now = time.monotonic()
        longest = 0.0
        with self._lock:
            for key in keys:
                times = self._failures.get(key)
                if not times:
                    continue
                while times and times[0] <= now - self.window:
                    times.popleft()
                if len(times) >= self.max_failures:
                    longest = max(longest, times[0] + self.window - now)
        return int(longest) + 1 if longest else 0

    def failed(self, *keys: str) -> None:
        """Count one failure against each of `keys`."""
        now = time.monotonic()
        with self._lock:
            if len(self._failures) > MAX_KEYS:
                self._failures = defaultdict(
                    deque, {k: v for k, v in self._failures.items() if v and v[-1] > now - self.window}
                )
            for key in keys:
                self._failures[key].append(now)
