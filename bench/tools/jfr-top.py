#!/usr/bin/env python3
"""Where a JFR recording's CPU samples were: the hottest methods (top frame), the hottest of our
own and the SIP stack's frames (first frame from org.switchboard or gov.nist), and the methods
most often anywhere on the stack (inclusive: the method and what it called), as shares of all
samples.

usage: jfr-top.py recording.jfr [N]
"""
import collections
import re
import subprocess
import sys

jfr, top = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 25
text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", jfr],
                      capture_output=True, text=True, check=True).stdout
leaf, ours, inclusive, samples = collections.Counter(), collections.Counter(), collections.Counter(), 0
for event in text.split("jdk.ExecutionSample")[1:]:
    frames = re.findall(r"^\s+([\w$.<>]+)\(", event, re.M)
    if not frames:
        continue
    samples += 1
    leaf[frames[0]] += 1
    for frame in set(frames):
        if frame.startswith(("org.switchboard.", "gov.nist.", "org.hibernate.", "org.infinispan.", "org.h2.",
                             "org.postgresql.", "java.util.logging.", "org.jboss.logmanager.")):
            inclusive[frame] += 1
    for frame in frames:
        if frame.startswith(("org.switchboard.", "gov.nist.")):
            ours[frame] += 1
            break
print("%d CPU samples" % samples)
for title, counter in (("hottest methods", leaf), ("first org.switchboard / gov.nist frame", ours),
                       ("inclusive (the method and its callees)", inclusive)):
    print("\n" + title)
    for name, n in counter.most_common(top):
        print("%5.1f%%  %s" % (100.0 * n / max(1, samples), name))
