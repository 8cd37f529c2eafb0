"""`serveer --workers N`: every worker process listens on a socket of its own (SO_REUSEPORT), so the kernel spreads
the connections over the workers.

uvicorn's own way gives all workers one shared listening socket; whichever worker wakes first accepts every
connection that is waiting. Clients that keep their connections open (a reverse proxy, the load benchmark) then
often end up all on one worker, which serves them on one processor core while the other cores idle (measured:
10 connections to 2 workers landed 10/0 in four of five tries). With a socket per worker the kernel hands each new
connection to one of the sockets by a hash of its addresses.

The parent binds one socket with SO_REUSEPORT (the port is taken, and a port in use is an error before any worker
starts) and never listens on it; what uvicorn passes to each worker is a recipe (`__reduce__`) that binds a new
socket with SO_REUSEPORT to the same address in that worker. Where SO_REUSEPORT does not exist, uvicorn's shared
socket is used as before.
"""

from __future__ import annotations

import socket
from typing import Any


def _nieuwe_socket(familie: int, adres: Any) -> socket.socket:
    s = _EigenSocket(familie, socket.SOCK_STREAM)
    try:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        s.bind(adres)
    except BaseException:
        s.close()
        raise
    s.set_inheritable(True)
    return s


class _EigenSocket(socket.socket):
    """A listening socket that, sent to a worker process, arrives there as a new socket on the same address."""

    def __reduce_ex__(self, protocol: Any) -> tuple[Any, tuple[Any, ...]]:
        return _nieuwe_socket, (int(self.family), self.getsockname())


def werkproces_socket(host: str, poort: int) -> socket.socket | None:
    """The parent's socket for `serveer --workers N`, or None where the platform has no SO_REUSEPORT.

    OSError when the address is in use or not this machine's."""
    if not hasattr(socket, "SO_REUSEPORT"):
        return None
    familie, _, _, _, adres = socket.getaddrinfo(host, poort, type=socket.SOCK_STREAM)[0]
    # first without SO_REUSEPORT: a port that another server (perhaps another zorgzwaarte on another database)
    # already uses is an error here, instead of two servers sharing the connections
    with socket.socket(familie, socket.SOCK_STREAM) as proef:
        proef.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        proef.bind(adres)
    return _nieuwe_socket(int(familie), adres)
