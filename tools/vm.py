#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Boot the srnic test VM under QEMU TCG and run one guest test suite.

One boot runs every tests/vm/<suite>/NN-*.sh in order.  The guest reports
results over a virtio-serial port ("TAP: ok - ..." lines); this runner turns
them into numbered TAP on stdout, adds a point for the boot itself, and
kills the VM on a hard timeout, so a hung guest is a failed test and never
a hung CI.

A second virtio-serial port is a guest->host control channel: a guest test
sends "REQ <id> <command> <args>" and gets "RESP <id> <rc> <base64 output>".
Commands: ping, hmp <cmd> (rc 1 on "Error: ..."), qmp <json>,
set_link <netdev> on|off, device_del <id>, device_add <driver,k=v,...>,
qmp_events [name] (DEVICE_DELETED, NIC_RX_FILTER_CHANGED, ...),
trace_on <ev>, trace_off <ev>, trace_mark, trace_grep <mark> <regex>,
trace_count <mark> <regex>.

Exit status: 0 if every point passed or skipped, 1 on any failure, 2 on a
usage or setup error.
"""

import argparse
import base64
import json
import os
import re
import select
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KVER_DEFAULT = subprocess.run([os.path.join(os.path.dirname(os.path.abspath(__file__)), "kver.sh"), "6.12"],
                             capture_output=True, text=True).stdout.strip() or "6.12.95+deb12-amd64"
PF_MAC = "52:54:00:5a:00:01"
PARTNER_MAC = "52:54:00:5a:00:02"
POWEROFF_GRACE = 30
# SLUB red zones, poisoning and free-pointer checks on every cache, KFENCE
# sampling every 100 ms, pages zeroed on free: use-after-free and overflows
# turn into reports that the kernel log check fails on.
MEMDEBUG = "slub_debug=FZPU kfence.sample_interval=100 init_on_free=1"


def _pdeathsig():
    """In the QEMU child: die with the runner, whatever kills it."""
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:
        pass


def _term(signum, frame):
    raise KeyboardInterrupt("signal %d" % signum)


def shown_path(p):
    rel = os.path.relpath(p, os.getcwd())
    return p if rel.startswith("..") else rel


def tail_file(path, n):
    try:
        with open(path, "rb") as f:
            return f.read().decode(errors="replace").splitlines()[-n:]
    except OSError:
        return []


def log(msg):
    print("# vm: " + msg, file=sys.stderr, flush=True)


class Qmp:
    """Minimal QMP client: commands plus an event backlog."""

    def __init__(self, path, deadline):
        self.sock = None
        self.buf = b""
        self.events = []
        while True:
            try:
                s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                s.connect(path)
                self.sock = s
                break
            except OSError:
                s.close()
                if time.time() > deadline:
                    raise
                time.sleep(0.05)
        self._recv_msg(10)  # greeting
        self.cmd("qmp_capabilities")

    def _recv_msg(self, timeout):
        end = time.time() + timeout
        while b"\n" not in self.buf:
            left = end - time.time()
            if left <= 0:
                raise TimeoutError("QMP timeout")
            r, _, _ = select.select([self.sock], [], [], left)
            if r:
                data = self.sock.recv(65536)
                if not data:
                    raise EOFError("QMP closed")
                self.buf += data
        line, self.buf = self.buf.split(b"\n", 1)
        return json.loads(line)

    def cmd(self, name, args=None, timeout=30):
        msg = {"execute": name}
        if args:
            msg["arguments"] = args
        self.sock.sendall(json.dumps(msg).encode() + b"\n")
        while True:
            m = self._recv_msg(timeout)
            if "event" in m:
                self.events.append(m)
                continue
            return m

    def poll_events(self):
        while True:
            r, _, _ = select.select([self.sock], [], [], 0)
            if not r:
                break
            data = self.sock.recv(65536)
            if not data:
                break
            self.buf += data
        while b"\n" in self.buf:
            line, self.buf = self.buf.split(b"\n", 1)
            try:
                m = json.loads(line)
            except ValueError:
                continue
            if "event" in m:
                self.events.append(m)

    def hmp(self, line):
        r = self.cmd("human-monitor-command", {"command-line": line})
        if "error" in r:
            return 1, r["error"].get("desc", str(r["error"]))
        out = r.get("return", "")
        # HMP reports command errors as text ("Error: ...").
        return (1 if re.search(r"^Error", out, re.M) else 0), out


class Vm:
    def __init__(self, args, rundir):
        self.args = args
        self.rundir = rundir
        self.qmp = None
        self.results = []
        self.t0 = time.time()
        self.trace_log = os.path.join(rundir, "qemu-trace.log")

    # ---- control channel -------------------------------------------------
    def handle(self, line):
        parts = line.split(" ", 3)
        if len(parts) < 3 or parts[0] != "REQ":
            return None
        rid, cmd = parts[1], parts[2]
        arg = parts[3] if len(parts) > 3 else ""
        try:
            rc, out = self.dispatch(cmd, arg)
        except Exception as e:  # report, never crash the runner
            rc, out = 99, "host error: %r" % (e,)
        if self.args.verbose > 1:
            log("ctl %s %s -> rc=%d %s" % (cmd, arg, rc, out.strip()[:200]))
        b64 = base64.b64encode(out.encode()).decode()
        return ("RESP %s %d %s\n" % (rid, rc, b64 or "-")).encode()

    def trace_lines(self, mark):
        try:
            with open(self.trace_log, "rb") as f:
                f.seek(int(mark))
                data = f.read()
        except FileNotFoundError:
            data = b""
        return data.decode(errors="replace").splitlines()

    def dispatch(self, cmd, arg):
        if cmd == "ping":
            return 0, "pong"
        if cmd == "hmp":
            return self.qmp.hmp(arg)
        if cmd == "set_link":
            name, _, st = arg.partition(" ")
            r = self.qmp.cmd("set_link", {"name": name, "up": st.strip() == "on"})
            return (1 if "error" in r else 0), json.dumps(r.get("error", ""))
        if cmd == "device_del":
            r = self.qmp.cmd("device_del", {"id": arg.strip()})
            return (1 if "error" in r else 0), json.dumps(r.get("error", ""))
        if cmd == "device_add":
            # HMP syntax: DRIVER,key=value,...
            drv, _, rest = arg.strip().partition(",")
            d = {"driver": drv}
            for kv in filter(None, rest.split(",")):
                k, _, v = kv.partition("=")
                d[k] = v
            r = self.qmp.cmd("device_add", d)
            return (1 if "error" in r else 0), json.dumps(r.get("error", ""))
        if cmd == "qmp":
            m = json.loads(arg)
            r = self.qmp.cmd(m["execute"], m.get("arguments"))
            return (1 if "error" in r else 0), json.dumps(r)
        if cmd == "qmp_events":
            self.qmp.poll_events()
            ev = [e for e in self.qmp.events if not arg or e["event"] == arg]
            self.qmp.events = [e for e in self.qmp.events if e not in ev]
            return (0 if ev else 1), "\n".join(json.dumps(e) for e in ev)
        if cmd in ("trace_on", "trace_off"):
            st = "on" if cmd == "trace_on" else "off"
            rc = 0
            out = []
            for ev in arg.split():
                r, o = self.qmp.hmp("trace-event %s %s" % (ev, st))
                rc |= r
                if o:
                    out.append(o)
            return rc, "".join(out)
        if cmd == "trace_mark":
            try:
                return 0, str(os.path.getsize(self.trace_log))
            except FileNotFoundError:
                return 0, "0"
        if cmd in ("trace_grep", "trace_count"):
            mark, _, rx = arg.partition(" ")
            pat = re.compile(rx)
            hits = [ln for ln in self.trace_lines(mark) if pat.search(ln)]
            if cmd == "trace_count":
                return (0 if hits else 1), str(len(hits))
            tail = hits[-200:]
            return (0 if hits else 1), "\n".join(tail)
        return 2, "unknown command %s" % cmd

    # ---- overlay and QEMU ------------------------------------------------
    def build_initrd(self):
        a = self.args
        base = subprocess.run([os.path.join(TOP, "tools", "mkinitramfs.sh"),
                               "-k", a.kver] + (["-m", a.moddir] if a.moddir else []),
                              check=True, stdout=subprocess.PIPE,
                              text=True).stdout.strip().splitlines()[-1]
        stage = os.path.join(self.rundir, "overlay")
        os.makedirs(os.path.join(stage, "srnic"))
        os.makedirs(os.path.join(stage, "ci"))
        shutil.copy(os.path.join(TOP, "tests", "vm", "init"), os.path.join(stage, "init"))
        os.chmod(os.path.join(stage, "init"), 0o755)
        shutil.copytree(os.path.join(TOP, "tests", "vm"), os.path.join(stage, "tests"))
        # what the .deb installs on a host (udev rule, srnic-bind, examples),
        # for the tests of the admin's tools (tests/vm/ops)
        if os.path.isdir(os.path.join(TOP, "packaging")):
            shutil.copytree(os.path.join(TOP, "packaging"),
                            os.path.join(stage, "srnic", "packaging"))
        # guest helpers of the suite: tests/vm/<suite>/NAME.c runs as
        # /tests/<suite>/NAME, static (the initramfs has only the tools'
        # libraries), with the project's register and protocol headers
        sdir = os.path.join(TOP, "tests", "vm", a.suite)
        for n in sorted(os.listdir(sdir)):
            if n.endswith(".c"):
                subprocess.run(["gcc", "-static", "-O2", "-Wall", "-Wextra", "-Werror",
                                "-I", os.path.join(TOP, "tests", "unit", "shim"),
                                "-I", os.path.join(TOP, "common"),
                                "-I", os.path.join(TOP, "mailbox"),
                                "-o", os.path.join(stage, "tests", a.suite, n[:-2]),
                                os.path.join(sdir, n)], check=True)
        # static guest programs (tests/tools, e.g. hostile_vf) at /srnic/bin
        tools = os.path.join(TOP, "tests", "tools")
        if os.path.exists(os.path.join(tools, "Makefile")):
            subprocess.run(["make", "-s", "-C", tools], check=True,
                           stdout=subprocess.DEVNULL)
            bdir = os.path.join(TOP, "build", "tools")
            os.makedirs(os.path.join(stage, "srnic", "bin"))
            for n in sorted(os.listdir(bdir)):
                if os.access(os.path.join(bdir, n), os.X_OK):
                    shutil.copy(os.path.join(bdir, n), os.path.join(stage, "srnic", "bin", n))
        kos = []
        for d in [a.ko_dir]:
            for n in sorted(os.listdir(d)):
                if n.endswith(".ko"):
                    shutil.copy(os.path.join(d, n), os.path.join(stage, "srnic", n))
                    kos.append(n)
        env = {
            "CI_SUITE": a.suite,
            "DRIVER": a.driver,
            "CI_TESTS": ",".join(a.tests or []),
            "CI_TEST_TIMEOUT": str(a.test_timeout),
            "CI_TIMEOUT_SCALE": str(a.timeout_scale),
            "CI_VERBOSE": str(a.verbose),
            "QEMU_PF_NETDEV": "dut",
            "QEMU_PARTNER_NETDEV": "peer",
            "PF_MAC": PF_MAC,
            "PARTNER_MAC": PARTNER_MAC,
            "CI_SHELL": "1" if a.shell else "0",
        }
        for kv in a.env or []:
            k, _, v = kv.partition("=")
            env[k] = v
        with open(os.path.join(stage, "ci", "env"), "w") as f:
            for k, v in env.items():
                f.write("export %s=%s\n" % (k, shlex.quote(v)))
        ov = os.path.join(self.rundir, "overlay.cpio")
        files = subprocess.run("cd %s && find . | LC_ALL=C sort" % shlex.quote(stage),
                               shell=True, check=True, stdout=subprocess.PIPE).stdout
        with open(ov, "wb") as f:
            subprocess.run(["cpio", "-o", "-H", "newc", "--quiet", "-R", "0:0"],
                           cwd=stage, input=files, stdout=f, check=True)
        initrd = os.path.join(self.rundir, "initrd.img")
        with open(initrd, "wb") as out:
            for p in (base, ov):
                with open(p, "rb") as f:
                    shutil.copyfileobj(f, out)
                # newc archives must start 4-byte aligned
                pad = (-out.tell()) % 4
                out.write(b"\0" * pad)
        return initrd, kos

    def qemu_cmd(self, initrd):
        a = self.args
        r = self.rundir
        append = ("console=ttyS0,115200 loglevel=%d intel_iommu=on panic=-1 "
                  "tsc=reliable no_timer_check rdinit=/init %s"
                  % (a.loglevel, a.append or "")).strip()
        cmd = [a.qemu,
               "-accel", "tcg", "-cpu", "max",
               "-machine", "q35,kernel-irqchip=split",
               "-global", "q35-pcihost.pci-hole64-size=0",
               "-device", "intel-iommu,intremap=on,caching-mode=on",
               "-m", a.mem, "-smp", str(a.smp),
               "-nodefaults", "-display", "none", "-no-reboot",
               "-kernel", a.kernel, "-initrd", initrd, "-append", append,
               "-chardev", "file,id=con,path=%s/console.log" % r,
               "-serial", "chardev:con",
               "-qmp", "unix:%s/qmp.sock,server=on,wait=off" % r,
               "-monitor", "unix:%s/hmp.sock,server=on,wait=off" % r,
               "-D", self.trace_log,
               "-device", "virtio-serial-pci,id=vser0",
               "-chardev", "socket,id=ctl,path=%s/ctl.sock,server=on,wait=off" % r,
               "-device", "virtserialport,chardev=ctl,name=srnic.ctl",
               "-chardev", "file,id=tap,path=%s/results.log" % r,
               "-device", "virtserialport,chardev=tap,name=srnic.tap",
               "-chardev", "file,id=klog,path=%s/dmesg.log" % r,
               "-device", "virtserialport,chardev=klog,name=srnic.klog",
               "-netdev", "hubport,hubid=0,id=dut",
               "-device", "pcie-root-port,id=rp0,slot=1,chassis=1",
               "-device", "igb,bus=rp0,netdev=dut,mac=%s,id=pf0" % PF_MAC,
               "-netdev", "hubport,hubid=0,id=peer",
               "-device", "pcie-root-port,id=rp1,slot=2,chassis=2",
               "-device", "virtio-net-pci,bus=rp1,netdev=peer,mac=%s,id=partner0"
               % PARTNER_MAC,
               # spare root ports for hot-plug (failover tests)
               "-device", "pcie-root-port,id=rp2,slot=3,chassis=3",
               "-device", "pcie-root-port,id=rp3,slot=4,chassis=4",
               ]
        for ev in a.trace or []:
            cmd += ["-trace", ev]
        cmd += a.qemu_arg or []
        return cmd

    def run(self):
        a = self.args
        initrd, kos = self.build_initrd()
        cmd = self.qemu_cmd(initrd)
        with open(os.path.join(self.rundir, "qemu-cmdline"), "w") as f:
            f.write(" ".join(shlex.quote(c) for c in cmd) + "\n")
        t0 = time.time()
        if a.shell:
            # Interactive: serial console (and HMP via Ctrl-A c) on stdio,
            # no hard timeout; the control channel is still served.
            cmd = [c if c != "chardev:con" else "mon:stdio" for c in cmd]
            i = cmd.index("-chardev")
            del cmd[i:i + 2]
            qerr = None
            deadline = float("inf")
            proc = subprocess.Popen(cmd, preexec_fn=_pdeathsig)
        else:
            qerr = open(os.path.join(self.rundir, "qemu-stderr.log"), "wb")
            deadline = t0 + a.timeout
            proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=qerr,
                                    stderr=subprocess.STDOUT, start_new_session=True,
                                    preexec_fn=_pdeathsig)
        results = self.results = []
        diag = []
        done = False
        done_at = None
        timed_out = False
        ctl = None
        cbuf = b""
        tap_path = os.path.join(self.rundir, "results.log")
        tap_pos = 0
        tbuf = b""
        try:
            try:
                self.qmp = Qmp(os.path.join(self.rundir, "qmp.sock"), t0 + 30)
            except Exception as e:
                log("cannot connect to QMP: %r" % (e,))
            while True:
                now = time.time()
                if now > deadline:
                    timed_out = True
                    break
                if ctl is None and os.path.exists(os.path.join(self.rundir, "ctl.sock")):
                    try:
                        ctl = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                        ctl.connect(os.path.join(self.rundir, "ctl.sock"))
                    except OSError:
                        ctl.close()
                        ctl = None
                rl = [ctl] if ctl else []
                r, _, _ = select.select(rl, [], [], 0.2)
                if ctl is not None and ctl in r:
                    try:
                        data = ctl.recv(65536)
                    except OSError:
                        data = b""
                    if not data:
                        ctl.close()
                        ctl = None
                    cbuf += data
                    while ctl is not None and b"\n" in cbuf:
                        line, cbuf = cbuf.split(b"\n", 1)
                        resp = self.handle(line.decode(errors="replace").strip())
                        if resp:
                            try:
                                ctl.sendall(resp)
                            except OSError:
                                pass
                # Results stream (a file written by QEMU).
                try:
                    with open(tap_path, "rb") as f:
                        f.seek(tap_pos)
                        chunk = f.read()
                        tap_pos += len(chunk)
                        tbuf += chunk
                except FileNotFoundError:
                    pass
                while b"\n" in tbuf:
                    line, tbuf = tbuf.split(b"\n", 1)
                    s = line.decode(errors="replace").rstrip("\r")
                    if s.startswith("TAP: "):
                        results.append([s[5:], []])
                        if a.verbose >= 0:
                            print("# %s" % s[5:], file=sys.stderr, flush=True)
                    elif s.startswith("CI: suite done"):
                        done = True
                        done_at = time.time()
                        if not a.shell:
                            # poweroff -f must not take long; a hang here is
                            # a driver shutdown bug, not a reason to wait
                            # for the hard timeout.
                            deadline = min(deadline, done_at + POWEROFF_GRACE)
                    else:
                        diag.append(s)
                        if results and len(results[-1][1]) < 80:
                            results[-1][1].append(s)
                        if a.verbose > 0:
                            print(s if s.startswith("#") else "#   " + s,
                                  file=sys.stderr, flush=True)
                if proc.poll() is not None:
                    # drain what is left
                    if b"\n" not in tbuf:
                        try:
                            with open(tap_path, "rb") as f:
                                f.seek(tap_pos)
                                rest = f.read()
                        except FileNotFoundError:
                            rest = b""
                        if rest:
                            tap_pos += len(rest)
                            tbuf += rest
                            continue
                    break
        finally:
            if proc.poll() is None:
                try:
                    if a.shell:
                        proc.kill()
                    else:
                        os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            proc.wait()
            if qerr:
                qerr.close()
        elapsed = time.time() - t0
        pts = list(results)
        if done and timed_out:
            pts.append(["ok - vm: suite completed", []])
            pts.append(["not ok - vm: guest powered off within %d s of the suite's end "
                        "(hung in shutdown, VM killed)" % POWEROFF_GRACE,
                        ["# console.log (tail):"] + ["#   " + ln for ln in tail_file(
                            os.path.join(self.rundir, "console.log"), 30)]])
        elif timed_out or not done:
            tails = ["# console.log (tail):"] + ["#   " + ln for ln in
                                                  tail_file(os.path.join(self.rundir, "console.log"), 40)]
            tails += ["# dmesg.log (tail):"] + ["#   " + ln for ln in
                                                tail_file(os.path.join(self.rundir, "dmesg.log"), 40)]
            if timed_out:
                pts.append(["not ok - vm: hard timeout after %d s (VM killed)" % a.timeout, tails])
            else:
                pts.append(["not ok - vm: guest stopped before the suite finished "
                            "(panic/crash? exit %s)" % proc.returncode, tails])
        else:
            pts.append(["ok - vm: suite completed and guest powered off", []])
        with open(os.path.join(self.rundir, "diag.log"), "w") as f:
            f.write("\n".join(diag) + "\n")
        return elapsed, pts


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--suite", default="pf", help="tests/vm/<suite>")
    ap.add_argument("--driver", default=os.environ.get("DRIVER", "srnic_pf"),
                    help="PF driver: srnic_pf (default) or igb")
    ap.add_argument("-t", "--tests", action="append",
                    help="only tests whose file name contains this (repeatable)")
    ap.add_argument("--timeout", type=int, default=None,
                    help="hard VM timeout in seconds (default: suite.conf or 900)")
    ap.add_argument("--test-timeout", type=int, default=None,
                    help="per-test timeout inside the guest (default: suite.conf or 300)")
    ap.add_argument("--trace", action="append", help="QEMU trace event pattern (repeatable)")
    ap.add_argument("--qemu-arg", action="append", help="extra QEMU argument (repeatable)")
    ap.add_argument("--env", action="append", help="KEY=VALUE exported in the guest")
    ap.add_argument("--append", help="extra kernel command line")
    ap.add_argument("--no-memdebug", action="store_true",
                    help="boot without slub_debug/KFENCE/init_on_free")
    ap.add_argument("--mem", default="1G")
    ap.add_argument("--smp", type=int, default=2)
    ap.add_argument("--loglevel", type=int, default=5)
    ap.add_argument("--kver", default=KVER_DEFAULT)
    ap.add_argument("--kernel", default=None)
    ap.add_argument("--moddir", default=None,
                    help="the kernel's modules (default /lib/modules/KVER)")
    ap.add_argument("--debug-kernel", action="store_true",
                    help="boot the KASAN/lockdep/DMA-API/kmemleak kernel of "
                    "tools/debug-kernel.sh (built once, cached) with srnic "
                    "built in its tree; timeouts scaled by --timeout-scale")
    ap.add_argument("--timeout-scale", type=float, default=None,
                    help="multiply every timeout (default 1, 4 with --debug-kernel)")
    ap.add_argument("--qemu", default="qemu-system-x86_64")
    ap.add_argument("--ko-dir", default=None,
                    help="where srnic_*.ko are (default: top, or the debug kernel's tree)")
    ap.add_argument("--logdir", default=None, help="default build/vm/<suite>-<driver>")
    ap.add_argument("--shell", action="store_true",
                    help="interactive: console on stdio, guest shell after the suite")
    ap.add_argument("-v", "--verbose", action="count", default=0,
                    help="-v: stream guest output; -vv: also control requests")
    ap.add_argument("-q", "--quiet", action="store_true")
    a = ap.parse_args()
    signal.signal(signal.SIGTERM, _term)
    signal.signal(signal.SIGHUP, _term)
    if a.quiet:
        a.verbose = -1
    if a.debug_kernel:
        # one line of KEY=VALUE assignments, last on stdout
        out = subprocess.run([os.path.join(TOP, "tools", "debug-kernel.sh"), "-q"],
                             check=True, stdout=subprocess.PIPE, text=True).stdout
        dk = dict(w.split("=", 1) for w in out.strip().splitlines()[-1].split())
        a.kernel, a.kver = dk["DK_KERNEL"], dk["DK_KREL"]
        a.moddir = dk["DK_MODDIR"]
        a.ko_dir = a.ko_dir or dk["DK_KO"]
        if a.timeout_scale is None:
            a.timeout_scale = 4
    a.timeout_scale = a.timeout_scale or 1
    a.ko_dir = a.ko_dir or TOP
    a.kernel = a.kernel or "/boot/vmlinuz-%s" % a.kver
    sdir = os.path.join(TOP, "tests", "vm", a.suite)
    if not os.path.isdir(sdir):
        print("vm.py: no suite %s" % sdir, file=sys.stderr)
        return 2
    conf = {}
    cpath = os.path.join(sdir, "suite.conf")
    if os.path.exists(cpath):
        with open(cpath) as f:
            for ln in f:
                ln = ln.strip()
                if ln and not ln.startswith("#") and "=" in ln:
                    k, _, v = ln.partition("=")
                    conf[k.strip()] = v.strip()
    a.timeout = a.timeout or int(conf.get("timeout", 900))
    a.test_timeout = a.test_timeout or int(conf.get("test_timeout", 300))
    a.timeout = int(a.timeout * a.timeout_scale)
    a.test_timeout = int(a.test_timeout * a.timeout_scale)
    a.trace = (conf.get("trace", "").split() or []) + (a.trace or [])
    # extra QEMU arguments of the suite (e.g. another NIC), before --qemu-arg
    a.qemu_arg = shlex.split(conf.get("qemu_args", "")) + (a.qemu_arg or [])
    # extra kernel command line of the suite (e.g. pci=nomsi)
    a.append = " ".join(x for x in (conf.get("append", ""), a.append or "") if x)
    # the memory debugging Debian's kernel has without a rebuild, on for
    # every suite unless it measures speed (memdebug=no)
    if conf.get("memdebug", "yes") != "no" and not a.no_memdebug:
        a.append = (MEMDEBUG + " " + a.append).strip()
    if "mem" in conf and a.mem == "1G":
        a.mem = conf["mem"]
    logdir = a.logdir or os.path.join(TOP, "build", "vm", "%s-%s" % (a.suite, a.driver))
    if os.path.isdir(logdir):
        shutil.rmtree(logdir)
    os.makedirs(logdir)
    # Unix socket paths must be short: keep the sockets in a short temp dir
    # and link them from the log dir.
    rundir = tempfile.mkdtemp(prefix="srnic-vm-")
    try:
        vm = Vm(a, rundir)
        try:
            elapsed, pts = vm.run()
        except KeyboardInterrupt as e:
            print("vm.py: interrupted (%s); VM killed" % e, file=sys.stderr)
            elapsed = time.time() - vm.t0
            pts = list(vm.results) + [["not ok - vm: interrupted (%s), VM killed" % e, []]]
    finally:
        os.makedirs(logdir, exist_ok=True)
        for n in os.listdir(rundir):
            p = os.path.join(rundir, n)
            if n.endswith(".sock") or n == "overlay":
                continue
            shutil.move(p, os.path.join(logdir, n))
        shutil.rmtree(rundir, ignore_errors=True)
    failed = 0
    for i, (p, diags) in enumerate(pts, 1):
        m = re.match(r"(not ok|ok)( -)?\s*(.*)", p)
        if not m:
            continue
        status, rest = m.group(1), m.group(3)
        print("%s %d - %s/%s" % (status, i, a.suite, rest))
        if status == "not ok":
            failed += 1
            for d in diags:
                print(d if d.startswith("#") else "#   " + d)
    print("1..%d" % len(pts))
    print("# suite %s driver %s: %.0f s, logs in %s" % (a.suite, a.driver, elapsed,
                                                       shown_path(logdir)))
    if failed:
        print("# failing points: %d; console: %s/console.log, guest output: %s/diag.log, "
              "kernel log: %s/dmesg.log" % (failed, logdir, logdir, logdir))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
