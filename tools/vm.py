#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Boot the srnic test VM under QEMU TCG and run one guest test suite.

One boot runs every tests/vm/<suite>/NN-*.sh in order.  The guest reports
results over a virtio-serial port ("TAP: ok - ..." lines); this runner turns
them into numbered KTAP on stdout, adds a point for the boot itself, and
kills the VM on a hard timeout, so a hung guest is a failed test and never
a hung CI.

A second virtio-serial port is a guest->host control channel: a guest test
sends "REQ <id> <command> <args>" and gets "RESP <id> <rc> <base64 output>".
Commands: ping, hmp <cmd> (rc 1 on "Error: ..."), qmp <json>,
set_link <netdev> on|off, device_del <id>, device_add <driver,k=v,...>,
qmp_events [name [device]] (DEVICE_DELETED pf0, NIC_RX_FILTER_CHANGED, ...),
trace_on <ev>, trace_off <ev>, trace_mark, trace_grep <mark> <regex>,
trace_count <mark> <regex>, trace_window <mark> <open> <close> <hit>.

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
        self.t_boot = self.t0
        self.trace_log = os.path.join(rundir, "qemu-trace.log")
        self.proc = self.qerr = None
        self.deadline = float("inf")
        # control channel: socket and unparsed input
        self.ctl = None
        self.cbuf = b""
        # results port (a file QEMU writes): read position, unparsed input
        self.tap_path = os.path.join(rundir, "results.log")
        self.tap_pos = 0
        self.tbuf = b""
        self.done = False
        self.diag = []

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
        """Run control command CMD with argument string ARG: (rc, output)."""
        fn = self.CTL.get(cmd)
        if fn is None:
            return 2, "unknown command %s" % cmd
        return fn(self, cmd, arg)

    @staticmethod
    def _qmp_rc(r):
        return (1 if "error" in r else 0), json.dumps(r.get("error", ""))

    def ctl_ping(self, cmd, arg):
        return 0, "pong"

    def ctl_hmp(self, cmd, arg):
        return self.qmp.hmp(arg)

    def ctl_set_link(self, cmd, arg):
        name, _, st = arg.partition(" ")
        return self._qmp_rc(self.qmp.cmd("set_link", {"name": name, "up": st.strip() == "on"}))

    def ctl_device_del(self, cmd, arg):
        return self._qmp_rc(self.qmp.cmd("device_del", {"id": arg.strip()}))

    def ctl_device_add(self, cmd, arg):
        # HMP syntax: DRIVER,key=value,...
        drv, _, rest = arg.strip().partition(",")
        d = {"driver": drv}
        for kv in filter(None, rest.split(",")):
            k, _, v = kv.partition("=")
            d[k] = v
        return self._qmp_rc(self.qmp.cmd("device_add", d))

    def ctl_qmp(self, cmd, arg):
        m = json.loads(arg)
        r = self.qmp.cmd(m["execute"], m.get("arguments"))
        return (1 if "error" in r else 0), json.dumps(r)

    def ctl_qmp_events(self, cmd, arg):
        """Events named NAME (all without one) since the last call, only
        those whose data.device is DEVICE if given: "NAME [DEVICE]".
        The matching ones are consumed. (Removing a PF with VFs emits a
        DEVICE_DELETED per VF, without a device id, before the PF's own.)"""
        self.qmp.poll_events()
        name, _, dev = arg.strip().partition(" ")
        dev = dev.strip()
        ev = [e for e in self.qmp.events
              if (not name or e["event"] == name) and
              (not dev or e.get("data", {}).get("device") == dev)]
        self.qmp.events = [e for e in self.qmp.events if e not in ev]
        return (0 if ev else 1), "\n".join(json.dumps(e) for e in ev)

    def ctl_trace_onoff(self, cmd, arg):
        st = "on" if cmd == "trace_on" else "off"
        rc = 0
        out = []
        for ev in arg.split():
            r, o = self.qmp.hmp("trace-event %s %s" % (ev, st))
            rc |= r
            if o:
                out.append(o)
        return rc, "".join(out)

    def ctl_trace_mark(self, cmd, arg):
        try:
            return 0, str(os.path.getsize(self.trace_log))
        except FileNotFoundError:
            return 0, "0"

    def ctl_trace_search(self, cmd, arg):
        """trace_grep/trace_count MARK REGEX over the trace log after MARK."""
        mark, _, rx = arg.partition(" ")
        pat = re.compile(rx)
        hits = [ln for ln in self.trace_lines(mark) if pat.search(ln)]
        if cmd == "trace_count":
            return (0 if hits else 1), str(len(hits))
        return (0 if hits else 1), "\n".join(hits[-200:])

    def ctl_trace_window(self, cmd, arg):
        """trace_window MARK OPEN CLOSE HIT (regexes without spaces).

        Each line matching OPEN after MARK opens a window, the next line
        matching CLOSE shuts it; the answer is "windows=W open=O hits=H",
        H the lines matching HIT inside a window, O 1 if the last window
        never closed, then up to 20 of the hits. rc 0 if W > 0.
        """
        try:
            mark, o_rx, c_rx, h_rx = arg.split()
            o_pat, c_pat, h_pat = (re.compile(r) for r in (o_rx, c_rx, h_rx))
        except ValueError as e:
            return 2, "trace_window MARK OPEN CLOSE HIT: %s" % e
        wins = 0
        inside = False
        hits = []
        for ln in self.trace_lines(mark):
            if inside and c_pat.search(ln):
                inside = False
            elif o_pat.search(ln):
                wins += 1
                inside = True
            elif inside and h_pat.search(ln):
                hits.append(ln)
        head = "windows=%d open=%d hits=%d" % (wins, int(inside), len(hits))
        return (0 if wins else 1), "\n".join([head] + hits[:20])

    CTL = {
        "ping": ctl_ping,
        "hmp": ctl_hmp,
        "set_link": ctl_set_link,
        "device_del": ctl_device_del,
        "device_add": ctl_device_add,
        "qmp": ctl_qmp,
        "qmp_events": ctl_qmp_events,
        "trace_on": ctl_trace_onoff,
        "trace_off": ctl_trace_onoff,
        "trace_mark": ctl_trace_mark,
        "trace_grep": ctl_trace_search,
        "trace_count": ctl_trace_search,
        "trace_window": ctl_trace_window,
    }

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
        # the KTAP emitter that tests/vm/lib.sh sources
        shutil.copy(os.path.join(TOP, "tests", "ktap.sh"), os.path.join(stage, "tests", "ktap.sh"))
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
        # a suite's prepare.sh adds host files to the overlay (STAGE): the
        # nested suite ships an L2 QEMU, its firmware, kernel and initramfs
        prep = os.path.join(sdir, "prepare.sh")
        if os.access(prep, os.X_OK):
            subprocess.run([prep, stage], check=True,
                           env=dict(os.environ, KVER=a.kver, KO_DIR=a.ko_dir, TOP=TOP))
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

    # ---- one boot --------------------------------------------------------
    def start_qemu(self, cmd):
        """Start QEMU; sets self.proc, self.qerr and the hard deadline."""
        if self.args.shell:
            # Interactive: serial console (and HMP via Ctrl-A c) on stdio,
            # no hard timeout; the control channel is still served.
            cmd = [c if c != "chardev:con" else "mon:stdio" for c in cmd]
            i = cmd.index("-chardev")
            del cmd[i:i + 2]
            self.qerr = None
            self.deadline = float("inf")
            self.proc = subprocess.Popen(cmd, preexec_fn=_pdeathsig)
        else:
            self.qerr = open(os.path.join(self.rundir, "qemu-stderr.log"), "wb")
            self.deadline = self.t_boot + self.args.timeout
            self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=self.qerr,
                                         stderr=subprocess.STDOUT, start_new_session=True,
                                         preexec_fn=_pdeathsig)

    def stop_qemu(self):
        """Kill QEMU (and its session) if it still runs; reap it."""
        if self.proc.poll() is None:
            try:
                if self.args.shell:
                    self.proc.kill()
                else:
                    os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.proc.wait()
        if self.qerr:
            self.qerr.close()

    def connect_ctl(self):
        """Connect to the control socket once QEMU has made it."""
        path = os.path.join(self.rundir, "ctl.sock")
        if self.ctl is not None or not os.path.exists(path):
            return
        try:
            self.ctl = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            self.ctl.connect(path)
        except OSError:
            self.ctl.close()
            self.ctl = None

    def serve_ctl(self, timeout):
        """Answer the guest's pending control requests (waits up to TIMEOUT)."""
        rl = [self.ctl] if self.ctl else []
        r, _, _ = select.select(rl, [], [], timeout)
        if self.ctl is None or self.ctl not in r:
            return
        try:
            data = self.ctl.recv(65536)
        except OSError:
            data = b""
        if not data:
            self.ctl.close()
            self.ctl = None
        self.cbuf += data
        while self.ctl is not None and b"\n" in self.cbuf:
            line, self.cbuf = self.cbuf.split(b"\n", 1)
            resp = self.handle(line.decode(errors="replace").strip())
            if resp:
                try:
                    self.ctl.sendall(resp)
                except OSError:
                    pass

    def read_results(self):
        """Append what QEMU wrote to the results port since the last read;
        returns the number of bytes read."""
        try:
            with open(self.tap_path, "rb") as f:
                f.seek(self.tap_pos)
                chunk = f.read()
        except FileNotFoundError:
            return 0
        self.tap_pos += len(chunk)
        self.tbuf += chunk
        return len(chunk)

    def result_line(self, s):
        """One line of the results port: a point, the end of the suite or a
        diagnostic (kept with the last point for its failure report)."""
        a = self.args
        if s.startswith("TAP: "):
            self.results.append([s[5:], []])
            if a.verbose >= 0:
                print("# %s" % s[5:], file=sys.stderr, flush=True)
        elif s.startswith("CI: suite done"):
            self.done = True
            if not a.shell:
                # poweroff -f must not take long; a hang here is a driver
                # shutdown bug, not a reason to wait for the hard timeout.
                self.deadline = min(self.deadline, time.time() + POWEROFF_GRACE)
        else:
            self.diag.append(s)
            if self.results and len(self.results[-1][1]) < 80:
                self.results[-1][1].append(s)
            if a.verbose > 0:
                print(s if s.startswith("#") else "#   " + s, file=sys.stderr, flush=True)

    def parse_results(self):
        while b"\n" in self.tbuf:
            line, self.tbuf = self.tbuf.split(b"\n", 1)
            self.result_line(line.decode(errors="replace").rstrip("\r"))

    def serve(self):
        """Serve the guest until it powers off or the deadline passes;
        returns True on a timeout."""
        try:
            self.qmp = Qmp(os.path.join(self.rundir, "qmp.sock"), self.t_boot + 30)
        except Exception as e:
            log("cannot connect to QMP: %r" % (e,))
        while True:
            if time.time() > self.deadline:
                return True
            self.connect_ctl()
            self.serve_ctl(0.2)
            self.read_results()
            self.parse_results()
            if self.proc.poll() is not None:
                # drain what QEMU wrote before it exited
                if b"\n" not in self.tbuf and self.read_results():
                    continue
                return False

    def console_tails(self, *logs):
        out = []
        for name, n in logs:
            out.append("# %s (tail):" % name)
            out += ["#   " + ln for ln in tail_file(os.path.join(self.rundir, name), n)]
        return out

    def verdict(self, timed_out):
        """The points of the boot itself, after the guest's."""
        if self.done and timed_out:
            return [["ok - vm: suite completed", []],
                    ["not ok - vm: guest powered off within %d s of the suite's end "
                     "(hung in shutdown, VM killed)" % POWEROFF_GRACE,
                     self.console_tails(("console.log", 30))]]
        if timed_out:
            return [["not ok - vm: hard timeout after %d s (VM killed)" % self.args.timeout,
                     self.console_tails(("console.log", 40), ("dmesg.log", 40))]]
        if not self.done:
            return [["not ok - vm: guest stopped before the suite finished "
                     "(panic/crash? exit %s)" % self.proc.returncode,
                     self.console_tails(("console.log", 40), ("dmesg.log", 40))]]
        return [["ok - vm: suite completed and guest powered off", []]]

    def run(self):
        """Build the initrd, boot, serve the guest; returns (seconds, points)."""
        initrd, _ = self.build_initrd()
        cmd = self.qemu_cmd(initrd)
        with open(os.path.join(self.rundir, "qemu-cmdline"), "w") as f:
            f.write(" ".join(shlex.quote(c) for c in cmd) + "\n")
        self.t_boot = time.time()
        self.start_qemu(cmd)
        try:
            timed_out = self.serve()
        finally:
            self.stop_qemu()
        elapsed = time.time() - self.t_boot
        pts = list(self.results) + self.verdict(timed_out)
        with open(os.path.join(self.rundir, "diag.log"), "w") as f:
            f.write("\n".join(self.diag) + "\n")
        return elapsed, pts


def read_suite_conf(sdir):
    """KEY=VALUE lines of SDIR/suite.conf (tests/vm/README.md lists them)."""
    conf = {}
    cpath = os.path.join(sdir, "suite.conf")
    if os.path.exists(cpath):
        with open(cpath) as f:
            for ln in f:
                ln = ln.strip()
                if ln and not ln.startswith("#") and "=" in ln:
                    k, _, v = ln.partition("=")
                    conf[k.strip()] = v.strip()
    return conf


def apply_suite_conf(a, conf):
    """The suite's settings where the command line left the default.
    (drivers= and in_check= are read by tests/check.sh, not here.)"""
    a.timeout = a.timeout or int(conf.get("timeout", 900))
    a.test_timeout = a.test_timeout or int(conf.get("test_timeout", 300))
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


def print_points(suite, pts):
    """The points as a KTAP document (all are known by now, so the plan
    comes first), a failure's diagnostics after it; returns the number of
    failures."""
    failed = 0
    pts = [(m, d) for m, d in ((re.match(r"(not ok|ok)( -)?\s*(.*)", p), d) for p, d in pts) if m]
    print("KTAP version 1")
    print("1..%d" % len(pts))
    for i, (m, diags) in enumerate(pts, 1):
        status, rest = m.group(1), m.group(3)
        print("%s %d - %s/%s" % (status, i, suite, rest))
        if status == "not ok":
            failed += 1
            for d in diags:
                print(d if d.startswith("#") else "#   " + d)
    return failed


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
    apply_suite_conf(a, read_suite_conf(sdir))
    a.timeout = int(a.timeout * a.timeout_scale)
    a.test_timeout = int(a.test_timeout * a.timeout_scale)
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
    failed = print_points(a.suite, pts)
    print("# suite %s driver %s: %.0f s, logs in %s" % (a.suite, a.driver, elapsed,
                                                       shown_path(logdir)))
    if failed:
        print("# failing points: %d; console: %s/console.log, guest output: %s/diag.log, "
              "kernel log: %s/dmesg.log" % (failed, logdir, logdir, logdir))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
