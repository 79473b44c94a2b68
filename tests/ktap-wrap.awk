# SPDX-License-Identifier: GPL-2.0
#
# One `make check` stage's output as the body of a KTAP subtest (the
# caller prints the subtest's version and "# Subtest:" lines before it and
# the result line after it).  Used by tests/check.sh, streaming:
#
#   STAGE 2>&1 | awk -v name=NAME -v copy=FILE -v counts=FILE -f ktap-wrap.awk
#
# - Result lines at column 0 ("ok"/"not ok", numbered or not) are renumbered
#   1, 2, ... across everything the stage prints (a stage may print more
#   than one TAP document, as make -C tests/unit check does) and indented.
#   "ok ... # SKIP" (any case) is a skip; a "not ok" is a failure whatever
#   its directive, so its SKIP is renamed where kunit.py would count it
#   as a skip.
# - The stage's own version lines are dropped; its plans are checked, not
#   copied (a subtest gets no plan: its count is known only at the end):
#   a plan the results do not match is one more failing point.
# - Everything else becomes a "#" diagnostic, and the few phrases at which
#   kunit.py stops reading (a console tail may hold them) are defused, so
#   no log line can pass for a result, a plan or a subtest header.
#
# Writes "PASSED FAILED SKIPPED POINTS" to counts at the end.

function out(s) {
	s = "  " s
	print s
	fflush()
	if (copy != "") {
		print s >> copy
		fflush(copy)
	}
}

function defuse(s) {
	gsub(/List of all partitions:/, "List of all partitions :", s)
	gsub(/not syncing: VFS:/, "not syncing:  VFS:", s)
	gsub(/reboot: System halted/, "reboot:  System halted", s)
	return s
}

# a plan "1..N": before any result of its document it is checked at the
# document's end, after them (TAP style) at once
function plan_line(s) {
	s = substr(s, 4)
	sub(/[^0-9].*$/, "", s)
	if (seg == 0 && plan == "") {
		plan = s + 0
		return
	}
	if (plan != "")
		plan_check(plan)
	plan_check(s + 0)
}

function plan_check(want) {
	if (want != seg) {
		n++
		m++
		out("not ok " n " - plan: " want " planned, " seg " reported")
	}
	plan = ""
}

function close_doc() {
	if (plan != "")
		plan_check(plan)
	seg = 0
}

function result_line(s,    bad, rest, desc, dir, i, skip) {
	bad = (s ~ /^not ok/)
	rest = s
	sub(/^(not ok|ok)[ \t]*/, "", rest)
	sub(/^[0-9]+[ \t]*/, "", rest)
	sub(/^-[ \t]*/, "", rest)
	desc = rest
	dir = ""
	i = index(rest, "#")
	if (i) {
		desc = substr(rest, 1, i - 1)
		dir = substr(rest, i + 1)
	}
	sub(/[ \t]+$/, "", desc)
	sub(/^[ \t]+/, "", dir)
	gsub(/#/, "_", dir)
	# kunit.py ends the subtest at a result named like it
	if (desc == name)
		desc = desc " (point)"
	skip = (tolower(dir) ~ /^skip/)
	n++
	seg++
	if (bad) {
		m++
		if (skip)
			dir = "FAILED " dir
	} else if (skip) {
		k++
		dir = "SKIP" substr(dir, 5)
	} else {
		p++
	}
	out((bad ? "not ok " : "ok ") n " - " desc (dir != "" ? " # " dir : ""))
}

BEGIN {
	n = p = m = k = seg = 0
	plan = ""
}

{
	line = defuse($0)
	sub(/\r$/, "", line)
	if (line ~ /^K?TAP version [0-9]+[ \t]*$/) {
		close_doc()
	} else if (line ~ /^1\.\.[0-9]+[ \t]*(#.*)?$/) {
		plan_line(line)
	} else if (line ~ /^(not ok|ok)([ \t]|$)/) {
		result_line(line)
	} else {
		if (line !~ /^#/)
			line = "# " line
		sub(/^# Subtest:/, "#  Subtest:", line)
		out(line)
	}
}

END {
	close_doc()
	print p, m, k, n > counts
}
