#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Write seed inputs for fuzz_policy into DIR (default: tests/fuzz/seeds)
and for fuzz_mbx into MBXDIR (default: tests/fuzz/seeds_mbx).

Each seed is a small program in the fuzzer's input language (see
fuzz_policy.c): byte 0 = VF count - 1, bytes 1..4 = start time, then
operations. The seeds bring the fuzzer straight to interesting states:
VFs past VF_RESET, filter tables near exhaustion, API 1.1, admin policy.
"""
import os
import struct
import sys

IDS = {"reset": 0, "mac": 1, "mc": 2, "vlan": 3, "lpe": 4, "promisc": 5,
       "neg": 6}


def msg(vf, name, info=0, words=(), magic=False):
    sel = IDS[name] | 0x40 | (0x20 if magic else 0)
    b = bytes([0, vf, sel, info & 0xff])
    for i, w in enumerate(words):
        b += struct.pack("<I", w) + bytes([1 if i == len(words) - 1 else 0])
    if not words:
        b += struct.pack("<I", 0) + bytes([1])
    return b


def mac_words(mac):
    return (mac[0] | mac[1] << 8 | mac[2] << 16 | mac[3] << 24,
            mac[4] | mac[5] << 8)


def tick(n=1):
    return bytes([6, n])


def admin(vf, op, *args):
    return bytes([8, vf, op]) + bytes(args)


def flush():
    return bytes([11])


def seeds():
    out = {}
    head = bytes([6]) + struct.pack("<I", 1000)
    resets = b"".join(msg(v, "reset") + tick() for v in range(7))
    # filters: every VF adds 4
    b = head + resets
    for v in range(7):
        for i in range(4):
            b += msg(v, "mac", 2, mac_words([2, 0x10, 0, 0, v, i])) + tick()
    out["filters"] = b + flush()
    # VLANs until VLVF is full
    b = head + resets
    for vid in range(1, 35):
        b += msg(vid % 7, "vlan", 1, (vid,)) + tick()
    out["vlans"] = b + flush()
    # multicast, LPE, promisc, API 1.1 and NACK reasons
    b = head + resets + msg(0, "neg", 0, (0x534E5243, 0x0101), magic=True)
    b += msg(0, "mc", 30, tuple(range(1, 16))) + msg(0, "mc", 31)
    b += msg(0, "lpe", 0, (9728,)) + msg(0, "lpe", 0, (9729,))
    b += msg(0, "promisc", 3) + msg(0, "promisc", 2)
    b += msg(0, "mac", 1, mac_words([0] * 6)) + tick(200)
    out["misc"] = b + flush()
    # admin policy: MAC, port VLAN, trust, spoofchk, state, rate, PF reset
    b = head + resets
    b += admin(0, 0, 2, 0xaa, 0, 0, 0, 1) + msg(0, "mac", 0, mac_words([2, 0xbb, 0, 0, 0, 1]))
    b += admin(1, 1, 100, 0, 3) + msg(1, "vlan", 1, (5,))
    b += admin(0, 2 | 0x80) + msg(0, "mac", 0, mac_words([2, 0xbb, 0, 0, 0, 1]))
    b += admin(0, 2) + admin(2, 3) + admin(3, 4, 2) + admin(4, 5, 44, 1)
    b += admin(0, 7) + flush() + resets + admin(0, 6 | 0x80, 2) + flush()
    out["admin"] = b
    # a trusted VF moves off its admin MAC; the PF and another trusted VF
    # try to take it; trust off must land the VF on it again (issue 7.8).
    # (admin op bytes: op % 10 picks the change, bit 7 its flag)
    admin_mac = [2, 0xaa, 0, 0, 0, 1]
    b = head + resets
    b += admin(0, 0, *admin_mac) + admin(0, 132) + admin(1, 132)
    b += msg(0, "mac", 0, mac_words([2, 0xbb, 0, 0, 0, 1]))
    b += bytes([10, 1]) + bytes(admin_mac) + bytes([10, 0x41]) + bytes(admin_mac)
    b += msg(1, "mac", 0, mac_words(admin_mac))
    b += msg(1, "mac", 2, mac_words(admin_mac))
    b += admin(0, 2) + flush()
    out["admin_mac"] = b
    return out


# fuzz_mbx's language (see fuzz_mbx.c): the same header, then operations;
# a VF action is [sel, vf, ...], sel < 8 a proper post of a message in the
# encoding above, 8 + kind a raw action.
def post(vf, name, info=0, words=(), magic=False):
    return bytes([0, 0, vf]) + msg(vf, name, info, words, magic)[2:]


def arm(k, action):
    return bytes([4, k]) + action[1:]


def vf_raw(vf, kind, a=0, word=0):
    b = bytes([0, 8 + kind, vf])
    if kind in (0 + 1, 3):	# VF_MBX, VF_JUNK
        b += bytes([a])
        if kind == 3:
            b += struct.pack("<I", word)
    return b


SERVE = bytes([6])


def mtick(n=1):
    return bytes([9, n])


def mbx_seeds():
    out = {}
    head = bytes([6]) + struct.pack("<I", 1000)
    resets = b"".join(post(v, "reset") + SERVE + vf_raw(v, 1, 2) + SERVE
                      for v in range(7))
    b = head + resets
    for vid in range(1, 35):
        b += post(vid % 7, "vlan", 1, (vid,)) + SERVE + vf_raw(vid % 7, 1, 2)
    out["vlans"] = b + SERVE
    # a flood: requests and acks without time passing, then time
    b = head + resets
    for i in range(60):
        b += post(0, "vlan", 1, (i % 30 + 1,)) + SERVE + vf_raw(0, 1, 2)
    # then REQ while holding VFU: every serve spins on PFU
    for i in range(100):
        b += vf_raw(0, 1, 5) + SERVE
    out["flood"] = b + mtick(255) + bytes([15]) + SERVE
    # a request posted in the middle of the PF's sends and serves
    b = head + resets
    for k in range(1, 24, 3):
        b += arm(k, post(1, "mac", 2, mac_words([2, 0x20, 0, 0, 1, k])))
        b += bytes([14, 1]) + SERVE
    out["race"] = b
    # resets, VFU held, junk, REQ without a message
    b = head + resets
    for v in range(7):
        b += vf_raw(v, 2) + vf_raw(v, 5) + post(v, "reset") + SERVE
        b += vf_raw(v, 3, 0, 0x12345678) + vf_raw(v, 1, 1) + SERVE
        b += arm(2, vf_raw(v, 2)) + SERVE + mtick(50)
    out["hostile"] = b + bytes([10, 0, 1, 100, 0, 3]) + bytes([12 | 0x80])
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "seeds")
    m = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "seeds_mbx")
    for path, gen in ((d, seeds), (m, mbx_seeds)):
        os.makedirs(path, exist_ok=True)
        for name, data in gen().items():
            with open(os.path.join(path, name), "wb") as f:
                f.write(data)


if __name__ == "__main__":
    main()
