#!/usr/bin/env python3
"""Shared parts of the microcred benchmark harness (Benchmarks/run, generate.py --check).

What it holds:
  - PATHS: the runs the benchmark measures (conversions, and the validation of the elm-xml read
    path), with the microcred subcommand and options of each, so that the run and the
    generator's self-check run microcred in exactly the same way;
  - parsing of `/usr/bin/time -v` output and of microcred's JSON run report;
  - the measurement log (one JSON object per line in the work folder) and the results table,
    printed and written to Benchmarks/results.md with the targets marked met or missed.

Benchmarks/run calls it as a command:
  benchlib.py paths                          the path names, in run order
  benchlib.py source PATH                    the input format of a path
  benchlib.py command PATH                   its microcred subcommand (convert or validate)
  benchlib.py args PATH                      its options, one per line
  benchlib.py output-args PATH OUTPUT        the options that name its output, one per line
  benchlib.py stamp                          what decides generated inputs' bytes, as 16 hex digits
  benchlib.py record --log FILE key=value…   parse one measurement and append it to the log
  benchlib.py table --log FILE [--markdown FILE] [key=value…]
                                             print the table (and write results.md)
"""
import argparse
import hashlib
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
REGISTRAR_MAPPING = os.path.join(HERE, "registrar.yaml")
SALT_SECRET = "benchmark"  # the secret generate.py salts Open Badges recipients with


class Path:
    """One measured run: its name, the format of its input, its microcred options and subcommand."""

    def __init__(self, name, source, options, command="convert"):
        self.name, self.source, self.options, self.command = name, source, options, command

    def output_options(self, output):
        """Where a run writes what it makes: a conversion its output, a validation its rejects."""
        return ["-o", output] if self.command == "convert" else ["--rejects", output]


# The runs measured, in run order. Every run also gets: the input, the output (see
# Path.output_options), --jobs N, --report FILE and --quiet. Each is run with the default profile
# (eu-2022).
PATHS = [
    # registrar CSV export -> Open Badges 3.0 JSON Lines
    Path("csv-ob3", "csv",
         ["--from", "csv", "--mapping", REGISTRAR_MAPPING, "--to", "ob3", "--salt-secret", SALT_SECRET]),
    # registrar CSV export -> one Europass XML wrapper document
    Path("csv-elm", "csv",
         ["--from", "csv", "--mapping", REGISTRAR_MAPPING, "--to", "elm-xml"]),
    # Europass XML wrapper document -> Open Badges 3.0
    Path("elm-ob3", "elm-xml",
         ["--from", "elm-xml", "--to", "ob3", "--salt-secret", SALT_SECRET]),
    # The read path of elm-xml -> ob3 without the unmapped-field search (which only a writer needs):
    # read, map, normalise and check every credential of the same document, write only the rejects.
    Path("elm-read", "elm-xml",
         ["--from", "elm-xml"],
         command="validate"),
    # Open Badges 2.0 assertions -> Open Badges 3.0 (migration). OB 2.0 has no place for the
    # issuer's country, so the eu-2022 rule that requires it (and the warning for an awarding body
    # without one) is switched off; every other check stays.
    Path("ob2-ob3", "ob2",
         ["--from", "ob2", "--to", "ob3", "--salt-secret", SALT_SECRET,
          "--disable-rule", "eu.missing-issuer-country", "--disable-rule", "organisation.missing-country"]),
    # Open Badges 3.0 -> CSV in the microcred-standard layout
    Path("ob3-csv", "ob3",
         ["--from", "ob3", "--to", "csv"]),
    # a folder of single-credential Europass XML files -> Open Badges 3.0
    Path("files-ob3", "elm-xml",
         ["--from", "elm-xml", "--to", "ob3", "--salt-secret", SALT_SECRET]),
]
PATHS_BY_NAME = {path.name: path for path in PATHS}

# ---------------------------------------------------------------------------------------------
# Parsing

def parse_time(path):
    """The figures of a `/usr/bin/time -v -o FILE` output: wall and CPU seconds, peak RSS in MB,
    and the exit status it reports."""
    fields = {}
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            key, separator, value = line.strip().rpartition(": ")
            if separator:
                fields[key] = value
    wall = fields.get("Elapsed (wall clock) time (h:mm:ss or m:ss)", "0")
    seconds = 0.0
    for part in wall.split(":"):
        seconds = seconds * 60 + float(part)
    status = 0
    for line in open(path, encoding="utf-8", errors="replace"):
        match = re.match(r"Command exited with non-zero status (\d+)", line.strip())
        if match:
            status = int(match.group(1))
    return {"wall": seconds, "user": float(fields.get("User time (seconds)", 0)),
            "system": float(fields.get("System time (seconds)", 0)),
            "rssMB": int(fields.get("Maximum resident set size (kbytes)", 0)) / 1024, "status": status}


def read_report(path):
    """The counts of a microcred run report (`--report FILE`)."""
    with open(path, encoding="utf-8") as handle:
        report = json.load(handle)
    return {"read": report["recordsRead"], "written": report["recordsWritten"], "rejected": report["recordsRejected"],
            "balanced": report.get("balanced", report["recordsRead"] == report["recordsWritten"] + report["recordsRejected"]),
            "rejections": report.get("rejectionCounts", {})}


def size_of(path):
    if os.path.isdir(path):
        return sum(os.path.getsize(os.path.join(folder, name)) for folder, _, names in os.walk(path) for name in names)
    return os.path.getsize(path) if os.path.exists(path) else 0


# ---------------------------------------------------------------------------------------------
# Measurement log

def record(arguments):
    """Parses one measurement (given as key=value pairs) and appends it to the log.

    Keys: tool (microcred, python, xmllint), path, records, jobs, time (the time -v file),
    report (microcred's --report), rejects-count (a count the tool printed), input, output,
    identical (yes/no/-), expected (the generator's .meta.json)."""
    values = dict(argument.split("=", 1) for argument in arguments.pairs)
    entry = {"tool": values["tool"], "path": values["path"], "records": int(values["records"]),
             "jobs": int(values.get("jobs", 1))}
    entry.update(parse_time(values["time"]))
    if values.get("report") and os.path.exists(values["report"]):
        entry.update(read_report(values["report"]))
    elif values.get("rejected", "") != "":
        entry["rejected"] = int(values["rejected"])
    if values.get("expected") and os.path.exists(values["expected"]):
        with open(values["expected"], encoding="utf-8") as handle:
            meta = json.load(handle)
        entry["expectedRejected"] = meta["invalid"]
        entry["expectedRejections"] = meta["expectedRejections"]
    entry["inputBytes"] = size_of(values["input"]) if values.get("input") else 0
    entry["outputBytes"] = size_of(values["output"]) if values.get("output") else 0
    if values.get("identical"):
        entry["identical"] = values["identical"]
    if values.get("note"):
        entry["note"] = values["note"]
    with open(arguments.log, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry) + "\n")


def load_log(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


# ---------------------------------------------------------------------------------------------
# Table

PATH_LABELS = {"csv-ob3": "csv -> ob3", "csv-elm": "csv -> elm-xml", "elm-ob3": "elm-xml -> ob3",
               "elm-read": "elm-xml read path (validate)", "ob2-ob3": "ob2 -> ob3", "ob3-csv": "ob3 -> csv", "files-ob3": "files (elm-xml) -> ob3"}


def label(entry):
    if entry["tool"] == "python":
        return "baseline: csv_to_ob3.py"
    if entry["tool"] == "xmllint":
        return "baseline: xmllint --stream"
    return PATH_LABELS.get(entry["path"], entry["path"])


def rate(entry):
    return entry["records"] / entry["wall"] if entry["wall"] > 0 else 0.0


def xml_mb_per_s(entry):
    """MB/s of XML: written (csv -> elm-xml) or read (elm-xml inputs, xmllint)."""
    if entry["wall"] <= 0:
        return None
    if entry["tool"] == "microcred" and entry["path"] == "csv-elm":
        return entry["outputBytes"] / 1e6 / entry["wall"]
    if entry["tool"] == "xmllint" or entry["path"] in ("elm-ob3", "elm-read", "files-ob3"):
        return entry["inputBytes"] / 1e6 / entry["wall"]
    return None


def medians(entries):
    """One entry per measurement (tool, path, records, jobs) of several rounds: the run with the
    median wall time (of an even number of runs, the slower of the two in the middle), with the
    largest peak RSS of the runs, the first failure among them, and `identical` only when every
    run's outputs were."""
    groups = {}
    for entry in entries:
        groups.setdefault((entry["tool"], entry["path"], entry["records"], entry["jobs"]), []).append(entry)
    chosen = []
    for runs in groups.values():
        median = dict(sorted(runs, key=lambda run: run["wall"])[len(runs) // 2])
        median["rssMB"] = max(run["rssMB"] for run in runs)
        failures = [run for run in runs if run["status"] not in (0, 2) or not run.get("balanced", True)]
        if failures:
            median["status"], median["balanced"] = failures[0]["status"], failures[0].get("balanced", True)
        if any(run.get("identical") == "no" for run in runs):
            median["identical"] = "no"
        chosen.append(median)
    return chosen


def find(entries, tool, path, records, jobs=None):
    for entry in entries:
        if entry["tool"] == tool and entry["path"] == path and entry["records"] == records and (jobs is None or entry["jobs"] == jobs):
            return entry
    return None


def rows(entries):
    """The table rows: one per measurement, with the jobs-2 speedup beside the jobs-2 run."""
    table = []
    for entry in entries:
        speedup = ""
        if entry["tool"] == "microcred" and entry["jobs"] == 2:
            single = find(entries, "microcred", entry["path"], entry["records"], 1)
            if single and rate(single) > 0:
                speedup = "%.2fx" % (rate(entry) / rate(single))
        mbs = xml_mb_per_s(entry)
        rejected = entry.get("rejected")
        expected = entry.get("expectedRejected")
        if rejected is None:
            rejected_text = "—"
        elif expected is not None and rejected != expected:
            rejected_text = f"{rejected:,} (expected {expected:,})"
        else:
            rejected_text = f"{rejected:,}"
        failed = entry["status"] not in (0, 2) or (entry["tool"] == "microcred" and not entry.get("balanced", True))
        table.append([
            label(entry), f"{entry['records']:,}", str(entry["jobs"]) if entry["tool"] == "microcred" else "1",
            "%.2f" % entry["wall"], "%.2f" % (entry["user"] + entry["system"]), f"{rate(entry):,.0f}",
            "%.1f" % entry["rssMB"], "%.1f" % mbs if mbs is not None else "",
            speedup, entry.get("identical", "") if entry["jobs"] == 2 or entry["tool"] == "python" else "",
            rejected_text + (" FAILED (exit %d)" % entry["status"] if failed else "")])
    return table


HEADER = ["path", "records", "jobs", "wall s", "CPU s", "records/s", "peak RSS MB", "XML MB/s", "jobs-2 speedup",
          "identical", "rejected"]


def text_table(table):
    widths = [max(len(row[i]) for row in [HEADER] + table) for i in range(len(HEADER))]
    lines = ["  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row))
             for row in [HEADER] + table]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def markdown_table(header, table, right=None):
    right = right if right is not None else set(range(1, len(header)))
    lines = ["| " + " | ".join(header) + " |",
             "|" + "|".join("---:" if i in right else "---" for i in range(len(header))) + "|"]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in table]
    return "\n".join(lines)


def targets(entries):
    """Each target with what was measured and whether it is met, at the largest size measured."""
    results = []
    sizes = sorted({e["records"] for e in entries if e["tool"] == "microcred" and e["path"] != "files-ob3"})
    if not sizes:
        return results
    largest, smallest = sizes[-1], sizes[0]
    at = f"at {largest:,} records"

    def verdict(ok):
        return "met" if ok else "missed"

    single = find(entries, "microcred", "csv-ob3", largest, 1)
    python = find(entries, "python", "csv-ob3", largest)
    if single:
        results.append(["csv -> ob3 >= 200,000 records/s (jobs 1)", f"{rate(single):,.0f} records/s {at}",
                        verdict(rate(single) >= 200_000)])
        if python:
            ratio = rate(single) / rate(python) if rate(python) else 0
            results.append(["csv -> ob3 >= 10x the Python baseline", f"{ratio:.2f}x ({rate(python):,.0f} records/s in Python)",
                            verdict(ratio >= 10)])
    lint = find(entries, "xmllint", "elm-xml", largest)
    for name in ("elm-read", "elm-ob3"):
        for jobs in (1, 2):
            elm = find(entries, "microcred", name, largest, jobs)
            if elm and lint:
                ratio = elm["wall"] / lint["wall"] if lint["wall"] else float("inf")
                results.append([f"{PATH_LABELS[name]} within 3x xmllint --stream (jobs {jobs})",
                                f"{ratio:.1f}x ({elm['wall']:.2f} s vs {lint['wall']:.2f} s) {at}", verdict(ratio <= 3)])
    write = find(entries, "microcred", "csv-elm", largest, 1)
    if write:
        mbs = xml_mb_per_s(write) or 0
        results.append(["csv -> elm-xml >= 80 MB/s of XML (jobs 1)", f"{mbs:.1f} MB/s {at}", verdict(mbs >= 80)])
    worst, drift, drift_at = 0.0, 0.0, ""
    for entry in entries:
        if entry["tool"] != "microcred" or entry["path"] == "files-ob3" or entry["records"] != largest:
            continue
        worst = max(worst, entry["rssMB"])
        small = find(entries, "microcred", entry["path"], smallest, entry["jobs"])
        if small and small["rssMB"] > 0 and largest != smallest:
            change = entry["rssMB"] / small["rssMB"] - 1
            if abs(change) > abs(drift):
                drift, drift_at = change, f"{PATH_LABELS[entry['path']]}, jobs {entry['jobs']}"
    results.append(["peak RSS <= 64 MB", f"{worst:.1f} MB at most {at}", verdict(worst <= 64)])
    if largest != smallest:
        results.append([f"peak RSS within 10% of the {smallest:,}-record figure",
                        f"{drift:+.0%} at most ({drift_at})", verdict(abs(drift) <= 0.10)])
    for path in PATHS:
        one, two = find(entries, "microcred", path.name, largest, 1), find(entries, "microcred", path.name, largest, 2)
        if path.name == "files-ob3":
            files = [e for e in entries if e["tool"] == "microcred" and e["path"] == "files-ob3"]
            if files:
                one = find(entries, "microcred", "files-ob3", files[0]["records"], 1)
                two = find(entries, "microcred", "files-ob3", files[0]["records"], 2)
        if one and two and rate(one):
            speedup = rate(two) / rate(one)
            identical = two.get("identical", "?")
            results.append([f"{PATH_LABELS[path.name]}: jobs 2 >= 1.7x jobs 1, identical output",
                            f"{speedup:.2f}x, identical: {identical}", verdict(speedup >= 1.7 and identical == "yes")])
    files = [e for e in entries if e["tool"] == "microcred" and e["path"] == "files-ob3" and e["jobs"] == 2]
    if files:
        entry = files[-1]
        stated = "" if entry["records"] == 10_000 else "; target stated for 10,000"
        results.append([f"{entry['records']:,} files -> ob3 < 5 s (jobs 2{stated})",
                        f"{entry['wall']:.2f} s", verdict(entry["wall"] < 5)])
    return results


def rejection_notes(entries):
    """Lines comparing rejected counts: microcred against the generator's expectation and the
    Python baseline against microcred."""
    notes = []
    checked = [e for e in entries if e["tool"] == "microcred" and "expectedRejected" in e]
    if checked and all(e.get("rejected") == e["expectedRejected"] and e.get("rejections") == e["expectedRejections"]
                       for e in checked):
        notes.append(f"- microcred rejected exactly the records the generator made invalid, for the reasons it made "
                     f"them invalid, in all {len(checked)} runs.")
    for entry in entries:
        if entry["tool"] == "microcred" and "expectedRejected" in entry and entry.get("rejected") is not None:
            expected = entry["expectedRejections"]
            if entry["rejected"] != entry["expectedRejected"] or entry.get("rejections", expected) != expected:
                notes.append(f"- {label(entry)}, {entry['records']:,} records, jobs {entry['jobs']}: rejected "
                             f"{entry['rejected']:,} ({json.dumps(entry.get('rejections', {}))}), the generator made "
                             f"{entry['expectedRejected']:,} invalid ({json.dumps(entry['expectedRejections'])})")
        if entry["tool"] == "python":
            mine = find(entries, "microcred", "csv-ob3", entry["records"], 1)
            if mine is not None:
                same = "the same as" if mine.get("rejected") == entry.get("rejected") else "DIFFERENT from"
                notes.append(f"- csv_to_ob3.py, {entry['records']:,} records: rejected {entry.get('rejected', '?'):,}, "
                             f"{same} microcred's {mine.get('rejected', '?'):,}; output identical to microcred's: "
                             f"{entry.get('identical', '-')}")
    return notes


def table(arguments):
    runs = load_log(arguments.log)
    entries = medians(runs)
    context = dict(argument.split("=", 1) for argument in arguments.pairs)
    table_rows = rows(entries)
    print(text_table(table_rows))
    target_rows = targets(entries)
    if target_rows:
        print()
        width = max(len(row[0]) for row in target_rows)
        for name, measured, verdict in target_rows:
            print(f"{name.ljust(width)}  {verdict.upper():6}  {measured}")
    notes = list(dict.fromkeys(rejection_notes(runs)))
    if notes:
        print()
        print("\n".join(notes))
    if not arguments.markdown:
        return
    lines = ["# microcred benchmark results", "",
             "Written by `Benchmarks/run` (see [README.md](README.md)); every figure below comes from the run "
             "recorded here. Re-run to refresh it.", "",
             "| | |", "|---|---|"]
    for key in ("date", "machine", "cpu", "load", "microcred", "commit", "command", "work"):
        if context.get(key):
            lines.append(f"| {key} | {context[key].replace('|', '/')} |")
    lines += ["", "## Measurements", "",
              "records/s = records in the input / wall seconds. Peak RSS is the maximum resident set size "
              "(`/usr/bin/time -v`); CPU s is user + system time, the steadier figure on a busy machine. "
              "XML MB/s: XML written (csv -> elm-xml) or read (elm-xml inputs, xmllint), "
              "in 10^6 bytes. The jobs-2 row shows its speedup over jobs 1 and whether the two outputs are "
              "byte-identical (`cmp`); the Python baseline's row whether its output is byte-identical to "
              "microcred's. Rejected: records microcred (or the baseline) set aside; the generator's "
              "count of invalid records is shown beside it when they differ." + rounds_text(context), "",
              markdown_table(HEADER, table_rows, right=set(range(1, 9)))]
    if target_rows:
        lines += ["", "## Targets", "", markdown_table(["target", "measured", "verdict"], target_rows, right=set())]
        sizes = sorted({e["records"] for e in entries if e["tool"] == "microcred" and e["path"] != "files-ob3"})
        if sizes and sizes[-1] < 1_000_000:
            lines += ["", f"The targets are stated for 1,000,000 records (10,000 files); this run measured at most "
                      f"{sizes[-1]:,}, so the verdicts are indicative only."]
    if notes:
        lines += ["", "## Rejected records", ""] + notes
    with open(arguments.markdown, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


def rounds_text(context):
    """How the table's figures come from several rounds, if there were several."""
    rounds = int(context.get("rounds", "1"))
    if rounds <= 1:
        return ""
    return (f" Every measurement ran {rounds} times, --jobs 1 and --jobs 2 alternating; each row is the run "
            f"with the median wall time (of an even number, the slower of the two in the middle), its peak "
            f"RSS the largest of the {rounds}, and its output identical only if every round's was.")


# What decides a generated input's bytes: the generator, the mapping, the vocabulary labels and
# the extension context it copies. An input stamped otherwise is made again.
STAMPED_FILES = [
    os.path.join(HERE, "generate.py"),
    REGISTRAR_MAPPING,
    *(os.path.join(HERE, "..", "Mappings", "vocab", name) for name in ("isced-f.tsv", "countries.tsv", "languages.tsv")),
    os.path.join(HERE, "..", "docs", "contexts", "microcred-ob3-extension-v1.jsonld"),
]


def stamp():
    digest = hashlib.sha256()
    for path in STAMPED_FILES:
        with open(path, "rb") as handle:
            digest.update(handle.read())
    return digest.hexdigest()[:16]


def main():
    parser = argparse.ArgumentParser(description="Shared parts of the microcred benchmark harness.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("paths")
    commands.add_parser("stamp")
    source = commands.add_parser("source")
    source.add_argument("path")
    args_parser = commands.add_parser("args")
    args_parser.add_argument("path")
    command_parser = commands.add_parser("command")
    command_parser.add_argument("path")
    output_parser = commands.add_parser("output-args")
    output_parser.add_argument("path")
    output_parser.add_argument("output")
    record_parser = commands.add_parser("record")
    record_parser.add_argument("--log", required=True)
    record_parser.add_argument("pairs", nargs="*")
    table_parser = commands.add_parser("table")
    table_parser.add_argument("--log", required=True)
    table_parser.add_argument("--markdown")
    table_parser.add_argument("pairs", nargs="*")
    arguments = parser.parse_args()
    if arguments.command == "paths":
        print(" ".join(path.name for path in PATHS))
    elif arguments.command == "stamp":
        print(stamp())
    elif arguments.command == "source":
        print(PATHS_BY_NAME[arguments.path].source)
    elif arguments.command == "args":
        print("\n".join(PATHS_BY_NAME[arguments.path].options))
    elif arguments.command == "command":
        print(PATHS_BY_NAME[arguments.path].command)
    elif arguments.command == "output-args":
        print("\n".join(PATHS_BY_NAME[arguments.path].output_options(arguments.output)))
    elif arguments.command == "record":
        record(arguments)
    else:
        table(arguments)


if __name__ == "__main__":
    main()
