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

import signal
import socket
from typing import Any

from uvicorn.supervisors import Multiprocess


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


def _socket_in_werkproces(familie: int, adres: Any) -> socket.socket:
    """The worker's own socket, made while the worker reads what its parent sent, before uvicorn starts there.

    Also where the worker leaves Ctrl-C to its parent. A terminal sends SIGINT to every process of the foreground
    group; a worker that got it printed a KeyboardInterrupt traceback (while loading the program, or after its
    shutdown, when uvicorn raises the signal again with the handler it found). Ignored from here on, uvicorn still
    shuts the worker down gracefully on it (and on the SIGTERM of the parent, which gets the Ctrl-C too), and then
    raises it into the ignore: the worker ends without a word."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    return _nieuwe_socket(familie, adres)


class _EigenSocket(socket.socket):
    """A listening socket that, sent to a worker process, arrives there as a new socket on the same address."""

    def __reduce_ex__(self, protocol: Any) -> tuple[Any, tuple[Any, ...]]:
        return _socket_in_werkproces, (int(self.family), self.getsockname())


def werkproces_socket(host: str, poort: int) -> socket.socket | None:
    """The parent's socket for `serveer --workers N`, or None where the platform has no SO_REUSEPORT.

    OSError when the address is in use or not this machine's."""
    # first without SO_REUSEPORT: a port that another server (perhaps another zorgzwaarte on another database)
    # already uses is an error here, instead of two servers sharing the connections
    familie, adres = controleer_poort(host, poort)
    if not hasattr(socket, "SO_REUSEPORT"):
        return None
    return _nieuwe_socket(int(familie), adres)


def controleer_poort(host: str, poort: int) -> Any:
    """The address to listen on, when no other program uses it (bound and let go at once, without SO_REUSEPORT).

    OSError when the address is in use or not this machine's."""
    familie, _, _, _, adres = socket.getaddrinfo(host, poort, type=socket.SOCK_STREAM)[0]
    with socket.socket(familie, socket.SOCK_STREAM) as proef:
        proef.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        proef.bind(adres)
    return familie, adres


class Werkprocessen(Multiprocess):
    """uvicorn's supervisor of the workers, whose workers start with Ctrl-C ignored."""

    def init_processes(self) -> None:
        """Start the workers with SIGINT ignored here meanwhile: an ignored signal stays ignored in the new program
        and Python then installs no KeyboardInterrupt handler, so a Ctrl-C while a worker still loads the program
        prints no traceback (the parent gets it and stops the worker). A Ctrl-C in the milliseconds of starting
        them is not seen by the parent: press it again."""
        vorige = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            super().init_processes()
        finally:
            signal.signal(signal.SIGINT, vorige)
