#!/usr/bin/env python3
"""The functions that call a function, with how often, from a callgrind file.

  Benchmarks/callers.py CALLGRIND_FILE FUNCTION [--records N] [--top K]

FUNCTION is matched as a substring of the callee's (mangled) name; the callers are listed by
the number of calls, with the instructions those calls cost, and per record when --records
gives the count of records the run read (3,000 for Benchmarks/profile's csv paths, 500 for
elm-xml, 1,000 for the others).

Meant for reference counting, which costs more time than its instructions show: each
swift_retain and swift_release is an atomic operation, so with their wrappers they took 28% of
csv -> ob3's time under perf (--jobs 1) while callgrind counted 13% of its instructions for them.
swift_bridgeObjectRetain (a String's or an Array's storage) ends in swift_retain: list its callers
to see which code copies strings. For example:

  Benchmarks/callers.py /tmp/microcred-profile/callgrind.csv-ob3.out swift_retain --records 3000
  Benchmarks/callers.py /tmp/microcred-profile/callgrind.csv-ob3.out swift_bridgeObjectRelease --records 3000
"""
import argparse
import collections
import re


def callers(path, function):
    """(calls, instructions) per caller of every function whose name contains `function`."""
    names = {}

    def name(spec):
        # callgrind compresses names: "(12) name" defines number 12, "(12)" refers to it.
        match = re.match(r"\((\d+)\)(?: (.*))?", spec)
        if not match:
            return spec
        if match.group(2):
            names[match.group(1)] = match.group(2)
        return names.get(match.group(1), match.group(1))

    calls = collections.Counter()
    cost = collections.Counter()
    caller = callee = None
    with open(path) as lines:
        for line in lines:
            if line.startswith("fn="):
                caller = name(line[3:].strip())
            elif line.startswith("cfn="):
                callee = name(line[4:].strip())
            elif line.startswith("calls="):
                count = int(line[6:].split()[0])
                instructions = int(next(lines).split()[1])
                if function in callee:
                    calls[caller] += count
                    cost[caller] += instructions
    return calls, cost


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", help="a callgrind output file")
    parser.add_argument("function", help="part of the called function's name")
    parser.add_argument("--records", type=int, help="the records the run read, for counts per record")
    parser.add_argument("--top", type=int, default=20, help="how many callers to list (default 20)")
    arguments = parser.parse_args()
    calls, cost = callers(arguments.file, arguments.function)
    total = sum(calls.values())
    per = arguments.records
    print(f"{total:,} calls" + (f", {total / per:,.1f} per record" if per else ""))
    for caller, count in calls.most_common(arguments.top):
        share = f"{count / per:9.1f}/record" if per else ""
        print(f"{count:12,} {share} {cost[caller]:14,} instructions  {caller[:160]}")


if __name__ == "__main__":
    main()
