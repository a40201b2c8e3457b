"""Cutting a query worker off from the network, so that SERVICE cannot reach anything even past the guard.

An embedded store (memory, ``oxigraph:PATH``) needs no network to answer a
query, yet both engines would make an HTTP request for ``SERVICE``:
pyoxigraph offers no switch to turn its SERVICE client off. So before a
worker opens its store it gives up the network, by the first of these that
the system allows:

1. a network namespace of its own (``unshare(CLONE_NEWNET)``; as an
   unprivileged user, inside a new user namespace): the worker has no
   network interface at all, not even a loopback that is up, so every
   connection fails at once with "network is unreachable";
2. a seccomp filter (Linux, no privilege needed) under which creating an
   IPv4 or IPv6 socket, or an io_uring, fails with EACCES.

Both are applied where both are possible. :func:`confine_network` says which
held; the server reports it when it starts. A worker for a remote store
(``sparql:URL``) needs the network to reach that store and is not confined:
there the guard, and the remote server's own settings, are what stop SERVICE.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import platform
import struct

__all__ = ["confine_network"]

_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000
_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_SECCOMP = 22
_SECCOMP_MODE_FILTER = 2
_SECCOMP_RET_ALLOW = 0x7FFF0000
_SECCOMP_RET_ERRNO = 0x00050000
_EACCES = 13
_ENOSYS = 38
_AF_INET, _AF_INET6 = 2, 10
#: machine: (audit architecture, socket syscall number, io_uring_setup syscall number)
_ARCHES = {
    "x86_64": (0xC000003E, 41, 425),
    "aarch64": (0xC00000B7, 198, 425),
}
# classic BPF opcodes
_LD_W_ABS = 0x20
_JEQ_K = 0x15
_JGE_K = 0x35
_RET_K = 0x06


def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    return ctypes.CDLL(name, use_errno=True) if name else None


def _unshare_network(libc: ctypes.CDLL) -> bool:
    if libc.unshare(_CLONE_NEWNET) == 0:
        return True
    return bool(libc.unshare(_CLONE_NEWUSER | _CLONE_NEWNET) == 0)


def _filter_program(arch: int, socket_nr: int, uring_nr: int) -> bytes:
    def op(code: int, k: int, jt: int = 0, jf: int = 0) -> bytes:
        return struct.pack("=HBBI", code, jt, jf, k)

    deny = _SECCOMP_RET_ERRNO | _EACCES
    program = [
        op(_LD_W_ABS, 4),                       # 0: the calling architecture
        op(_JEQ_K, arch, 1, 0),                 # 1: native: go on
        op(_RET_K, _SECCOMP_RET_ERRNO | _ENOSYS),  # 2: a foreign ABI (i386 on x86_64) gets nothing
        op(_LD_W_ABS, 0),                       # 3: the syscall number
        op(_JGE_K, 0x40000000, 0, 1),           # 4: x32 numbers
        op(_RET_K, _SECCOMP_RET_ERRNO | _ENOSYS),  # 5
        op(_JEQ_K, uring_nr, 0, 1),             # 6: io_uring can open sockets on its own
        op(_RET_K, deny),                       # 7
        op(_JEQ_K, socket_nr, 0, 3),            # 8: socket(): look at its family; anything else: 12
        op(_LD_W_ABS, 16),                      # 9: args[0], low 32 bits (little-endian)
        op(_JEQ_K, _AF_INET, 2, 0),             # 10
        op(_JEQ_K, _AF_INET6, 1, 0),            # 11
        op(_RET_K, _SECCOMP_RET_ALLOW),         # 12: AF_UNIX and the rest
        op(_RET_K, deny),                       # 13: an IP socket
    ]
    return b"".join(program)


def _seccomp_no_ip_sockets(libc: ctypes.CDLL) -> bool:
    spec = _ARCHES.get(platform.machine())
    if spec is None:
        return False
    code = _filter_program(*spec)

    class SockFprog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_char_p)]

    prog = SockFprog(len(code) // 8, code)
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return False
    return bool(libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(prog), 0, 0) == 0)


def confine_network() -> str:
    """Take the network away from this process; say how ("" when the system allows neither way).

    Call it first thing in a fresh, single-threaded process (a user namespace
    cannot be entered by a process with threads).
    """
    if os.name != "posix" or platform.system() != "Linux":
        return ""
    libc = _libc()
    if libc is None:
        return ""
    ways = []
    if _unshare_network(libc):
        ways.append("network namespace")
    if _seccomp_no_ip_sockets(libc):
        ways.append("seccomp")
    return " + ".join(ways)
