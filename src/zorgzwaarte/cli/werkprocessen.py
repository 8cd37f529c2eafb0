"""`serveer --workers N`: how the connections reach the workers.

uvicorn's own way gives all workers one shared listening socket; whichever worker wakes first accepts every
connection that is waiting. Clients that keep their connections open (a reverse proxy, the load benchmark) then
often end up all on one worker, which serves them on one processor core while the other cores idle (measured:
10 connections to 2 workers landed 10/0 in four of five tries). A socket per worker (SO_REUSEPORT) lets the
kernel hand each new connection to a worker by a hash of its addresses: better, but a hash, so 10 connections
split 5/5 in one run and 7/3 or 8/2 in another (the busier worker then limits the server).

On Linux the parent therefore listens itself and hands each connection it accepts to the worker with the fewest
open connections (`Verdeler`, below; file descriptors over a Unix socket). Elsewhere each worker listens on a
socket of its own with SO_REUSEPORT: the parent binds one (the port is taken, and a port in use is an error before
any worker starts) and never listens on it; what uvicorn passes to each worker is a recipe (`__reduce__`) that
binds a new socket with SO_REUSEPORT to the same address in that worker. Where neither exists, uvicorn's shared
socket is used.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import secrets
import selectors
import signal
import socket
import sys
import threading
from typing import Any

from uvicorn.server import Server
from uvicorn.supervisors import Multiprocess, multiprocess
from uvicorn.supervisors.multiprocess import Process


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
    if verdelen_kan():  # this process listens and hands each connection to a worker (`Verdeler`)
        s = socket.socket(familie, socket.SOCK_STREAM)
        try:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(adres)
        except BaseException:
            s.close()
            raise
        return s
    if not hasattr(socket, "SO_REUSEPORT"):
        return None
    return _nieuwe_socket(int(familie), adres)


def verdelen_kan() -> bool:
    """Whether the parent can hand connections to its workers (file descriptors over a Unix socket, the control
    socket in Linux's abstract namespace); else each worker listens on a socket of its own (SO_REUSEPORT)."""
    return sys.platform.startswith("linux") and hasattr(socket, "send_fds")


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


# --- connections handed to the least busy worker --------------------------------------------------------------
#
# With SO_REUSEPORT the kernel hashes each new connection to a worker: ten kept-open connections landed 5/5 in one
# run and 7/3 or 8/2 in the next, and the busier worker (one core, one GIL) then limited the whole server. Here the
# parent accepts every connection on the one listening socket and hands it (SCM_RIGHTS, `socket.send_fds`) to the
# worker that has the fewest open connections; each worker tells the parent when one of its connections closes. A
# worker registers itself by connecting to the parent's control socket when it has started, so a worker that uvicorn
# replaces (health check, SIGHUP, more or fewer workers) takes part as soon as it serves, and one that stops (its
# channel closes) gets no more connections. A reverse proxy keeping a pool of connections open is spread the same way.

VERBINDING_DICHT = b"-"  # a worker to the parent: one of its connections closed


class Verdeler:
    """The parent's side: accepts connections and hands each to the worker with the fewest open connections."""

    def __init__(self, luister: socket.socket) -> None:
        self.luister = luister
        self.adres = f"\0zorgzwaarte-verdeler-{os.getpid()}-{secrets.token_hex(8)}"  # abstract: no file
        self.controle = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.controle.bind(self.adres)
        self.controle.listen(64)
        self.open: dict[socket.socket, int] = {}  # worker channel -> its open connections
        self._stop = threading.Event()
        self._draad = threading.Thread(target=self._verdeel, name="verdeler", daemon=True)

    def start(self) -> None:
        self.luister.listen(2048)
        self._draad.start()

    def stop(self) -> None:
        self._stop.set()
        self._draad.join(timeout=2)
        for kanaal in list(self.open):
            kanaal.close()
        self.controle.close()

    def _verdeel(self) -> None:
        kiezer = selectors.DefaultSelector()
        kiezer.register(self.controle, selectors.EVENT_READ, "controle")
        luistert = False
        while not self._stop.is_set():
            if self.open and not luistert:  # accept only while some worker can take the connection
                kiezer.register(self.luister, selectors.EVENT_READ, "luister")
                luistert = True
            elif not self.open and luistert:
                kiezer.unregister(self.luister)
                luistert = False
            for sleutel, _ in kiezer.select(timeout=0.2):
                if sleutel.data == "controle":
                    kanaal, _ = self.controle.accept()
                    self.open[kanaal] = 0
                    kiezer.register(kanaal, selectors.EVENT_READ, "kanaal")
                elif sleutel.data == "kanaal":
                    kanaal = self._kanaal_van(sleutel.fileobj)
                    try:
                        bericht = kanaal.recv(4096)
                    except OSError:
                        bericht = b""
                    if bericht:
                        self.open[kanaal] = max(0, self.open[kanaal] - bericht.count(VERBINDING_DICHT))
                    else:  # the worker stopped
                        kiezer.unregister(kanaal)
                        del self.open[kanaal]
                        kanaal.close()
                else:
                    self._geef_door()
        kiezer.close()

    @staticmethod
    def _kanaal_van(gekozen: Any) -> socket.socket:
        assert isinstance(gekozen, socket.socket)
        return gekozen

    def _geef_door(self) -> None:
        try:
            verbinding, _ = self.luister.accept()
        except (BlockingIOError, InterruptedError, ConnectionAbortedError):
            return
        with verbinding:
            for kanaal in sorted(self.open, key=self.open.__getitem__):  # the least busy first
                try:
                    socket.send_fds(kanaal, [b"v"], [verbinding.fileno()])
                except OSError:  # that worker is stopping: its channel closes and it leaves the list
                    continue
                self.open[kanaal] += 1
                return


def _kanaal_in_werkproces(adres: str) -> socket.socket:
    """The worker's channel to its parent's `Verdeler` (made while the worker reads what its parent sent; it
    connects, and so takes part, once its server has started: `VerdeeldeServer.startup`)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # as `_socket_in_werkproces`: Ctrl-C is for the parent
    kanaal = _Kanaal(socket.AF_UNIX, socket.SOCK_STREAM)
    kanaal.adres = adres
    return kanaal


class _Kanaal(socket.socket):
    """What uvicorn passes to each worker: arrives there as a new channel to the parent's `Verdeler`."""

    adres = ""

    def __reduce_ex__(self, protocol: Any) -> tuple[Any, tuple[Any, ...]]:
        return _kanaal_in_werkproces, (self.adres,)


class VerdeeldeServer(Server):
    """A worker's uvicorn server that serves the connections its parent hands it (`Verdeler`) instead of
    accepting them itself: the same protocol as uvicorn makes for a connection it accepts."""

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        kanaal = sockets[0] if sockets else None
        if not isinstance(kanaal, _Kanaal):
            await super().startup(sockets)
            return
        await super().startup(sockets=[])
        if not self.started:
            return
        kanaal.connect(kanaal.adres)  # from now on the parent hands this worker connections
        config = self.config
        loop = asyncio.get_running_loop()

        def protocol() -> asyncio.Protocol:
            p = config.http_protocol_class(  # type: ignore[call-arg]
                config=config, server_state=self.server_state, app_state=self.lifespan.state
            )
            verloren = p.connection_lost

            def connection_lost(exc: Exception | None) -> None:
                try:
                    verloren(exc)
                finally:
                    with contextlib.suppress(OSError):
                        kanaal.send(VERBINDING_DICHT)

            p.connection_lost = connection_lost  # type: ignore[method-assign]
            return p

        taken: set[asyncio.Task[Any]] = set()

        def ontvang() -> None:
            try:
                bericht, fds, _, _ = socket.recv_fds(kanaal, 64, 64)
            except (BlockingIOError, InterruptedError):
                return
            except OSError:
                bericht, fds = b"", []
            if not bericht and not fds:  # the parent is gone: no more connections come (the open ones are served)
                loop.remove_reader(kanaal.fileno())
                return
            for fd in fds:
                verbinding = socket.socket(fileno=fd)
                verbinding.setblocking(False)
                taak = loop.create_task(loop.connect_accepted_socket(protocol, verbinding))
                taken.add(taak)
                taak.add_done_callback(taken.discard)

        kanaal.setblocking(False)
        loop.add_reader(kanaal.fileno(), ontvang)
        self._kanaal = kanaal

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        kanaal = getattr(self, "_kanaal", None)
        if kanaal is not None:  # no more connections: the parent sees the channel close
            asyncio.get_running_loop().remove_reader(kanaal.fileno())
        await super().shutdown(sockets)


class _VerdeeldProces(Process):
    """uvicorn's worker process, running a `VerdeeldeServer`."""

    @property
    def server(self) -> Server:
        if self._server is None:
            self._server = VerdeeldeServer(config=self.config)
        return self._server


def verdeel_socket(luister: socket.socket) -> tuple[Verdeler, socket.socket]:
    """The parent's `Verdeler` on the listening socket, and what to pass to uvicorn as the workers' socket."""
    verdeler = Verdeler(luister)
    kanaal = _Kanaal(socket.AF_UNIX, socket.SOCK_STREAM)
    kanaal.adres = verdeler.adres
    return verdeler, kanaal


class VerdeeldeWerkprocessen(Werkprocessen):
    """`Werkprocessen` whose workers get their connections from the parent's `Verdeler`."""

    def __init__(self, config: Any, luister: socket.socket) -> None:
        self.verdeler, kanaal = verdeel_socket(luister)
        super().__init__(config, sockets=[kanaal])

    def run(self) -> None:
        vorige = multiprocess.Process
        multiprocess.Process = _VerdeeldProces  # type: ignore[misc]  # the class uvicorn's supervisor starts
        self.verdeler.start()
        try:
            super().run()
        finally:
            multiprocess.Process = vorige  # type: ignore[misc]
            self.verdeler.stop()
