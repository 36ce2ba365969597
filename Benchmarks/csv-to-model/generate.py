#!/usr/bin/env python3
"""Writes a deterministic registrar export for the csv -> model benchmark.

usage: generate.py ROWS OUTPUT.csv

The same ROWS always gives byte-identical output (a linear congruential generator, not Python's
random module, so the data does not depend on the Python version). The layout is the one
registrar.yaml in this folder describes: 15 columns, quoted fields with commas, doubled quotes
and line breaks, non-Latin names, dates, decimal ECTS and multi-valued learning outcomes.
"""
import sys

GIVEN = ["Anna", "Łukasz", "Zoë", "Jürgen", "Αικατερίνη", "Дмитрий", "Søren", "Inês", "Mei", "Fatima",
         "Sean", "Jean-Luc", "Marta", "Pieter", "Aino", "Giulia"]
FAMILY = ["Kowalska", "Müller", "Nováková", "Papadopoulou", "Ivanova", "García López", "de Vries",
          "Nørgaard", "Ó Súilleabháin", "Rossi", "Virtanen", "Dubois", "O'Neill", "Horváth"]
COURSES = [
    ("DS-101", "Data Analysis with Python", "0613", "5", "Online"),
    ("EN-220", "Sustainable Energy Systems", "0713", "6", "Blended"),
    ("MG-310", "Project Management, Applied", "0413", "6", "On-site"),
    ("ED-105", "Digital Didactics", "0111", "5", "Online"),
    ("HC-200", "Care \"Basics\" for Volunteers", "0913", "4", "On-site"),
]
OUTCOMES = [
    "Clean and explore a data set", "Explain the energy transition, its drivers and limits",
    "Plan a project with milestones", "Design an online lesson", "Assess a patient's basic needs",
    "Communicate results to a lay audience", "Apply version control to analysis code",
    "Evaluate risks;\nwrite a mitigation plan",
]
GRADES = ["1,0", "1,3", "1,7", "2,0", "2,3", "2,7", "3,0", "passed"]


class Generator:
    def __init__(self, seed):
        self.state = seed

    def next(self, bound):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        return (self.state >> 33) % bound

    def pick(self, items):
        return items[self.next(len(items))]


def quote(cell):
    if any(c in cell for c in ',"\n\r'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def main():
    rows = int(sys.argv[1])
    generator = Generator(20260630)
    header = ["Student ID", "Given name", "Family name", "Email", "Date of birth", "Course code", "Course title",
              "Completion date", "ECTS", "Grade", "Mode", "ISCED", "EQF", "Learning outcomes", "Assessment"]
    with open(sys.argv[2], "w", encoding="utf-8", newline="") as output:
        output.write(",".join(header) + "\r\n")
        for index in range(rows):
            code, title, isced, eqf, mode = generator.pick(COURSES)
            outcomes = " | ".join(generator.pick(OUTCOMES) for _ in range(1 + generator.next(3)))
            day = 1 + generator.next(28)
            month = 1 + generator.next(12)
            birth_year = 1960 + generator.next(45)
            given = generator.pick(GIVEN)
            family = generator.pick(FAMILY)
            cells = [
                "S%08d" % (index + 1), given, family, "learner%d@uni.example.eu" % (index + 1),
                "%04d-%02d-%02d" % (birth_year, 1 + generator.next(12), 1 + generator.next(28)),
                code, title, "%02d.%02d.2025" % (day, month), generator.pick(["5", "7,5", "2,5", "10"]),
                generator.pick(GRADES), mode, isced, eqf, outcomes, generator.pick(["written exam", "project", "portfolio"]),
            ]
            output.write(",".join(quote(cell) for cell in cells) + "\r\n")


if __name__ == "__main__":
    main()
