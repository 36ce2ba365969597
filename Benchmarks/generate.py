#!/usr/bin/env python3
"""Generate a realistic synthetic batch of micro-credentials as microcred model records (JSON Lines).

Deterministic from --seed: the same arguments always give the same bytes. Names come from many
scripts (Latin with diacritics, Greek, Cyrillic, CJK, Arabic), every EU element is present, there
are one to five learning outcomes per record, and --invalid-share of the records break a rule
(missing learning outcomes, no awarding-body country, validity ending before issue).

Other formats are made from this file with microcred itself, e.g.
    microcred convert batch.jsonl --to csv -o batch.csv

Usage: generate.py --records N [--seed S] [--invalid-share F] > batch.jsonl
"""
import argparse
import json
import random
import sys

GIVEN = ["Anna", "Łukasz", "Zoë", "Jürgen", "Αικατερίνη", "Дмитрий", "Søren", "Inês", "明", "Fatima", "Siobhán",
         "Mateusz", "Élodie", "Giulia", "Pedro", "Marijke", "Ιωάννης", "Олена", "Ahmed", "Ülle"]
FAMILY = ["Kowalska", "Müller", "Nováková", "Παπαδόπουλος", "Иванова", "García López", "de Vries", "王", "Nørgaard",
          "Ó Súilleabháin", "Rossi", "Dubois", "Virtanen", "Horváth", "Popescu", "Jansen", "Haddad", "Tamm"]
TOPICS = ["Data Literacy", "Sustainable Energy Systems", "Machine Learning Basics", "Project Management",
          "Circular Economy", "Cyber Security Awareness", "Digital Marketing", "Public Procurement",
          "Academic Writing", "Inclusive Teaching", "Urban Mobility", "Food Safety"]
VERBS = ["Explains", "Applies", "Evaluates", "Designs", "Analyses", "Documents", "Compares", "Plans"]
OBJECTS = ["the main concepts of the field", "a small data set", "a risk register", "a life-cycle assessment",
           "stakeholder requirements", "a prototype", "an evaluation plan", "the relevant regulation"]
COUNTRIES = ["DE", "FR", "IT", "ES", "NL", "PL", "BE", "AT", "IE", "FI", "SE", "GR", "PT", "CZ", "RO"]
ISCED = ["0613", "0412", "0731", "0111", "0588", "0688", "0713", "0413", "0232", "0612"]
MODES = ["online", "onsite", "blended"]
ASSESSMENTS = ["exam", "project", "portfolio", "oral"]
LANGS = ["en", "de", "fr", "it", "es", "nl", "pl", "el"]


def record(index, rng, invalid_share):
    given, family = rng.choice(GIVEN), rng.choice(FAMILY)
    topic = rng.choice(TOPICS)
    year, month, day = rng.randint(2019, 2026), rng.randint(1, 12), rng.randint(1, 28)
    if year == 2026:
        month = min(month, 10)
    ects = rng.choice(["1", "2", "2.5", "3", "4", "5", "6", "7.5", "10"])
    hours = str(int(float(ects) * rng.choice([25, 27, 30])))
    country = rng.choice(COUNTRIES)
    body = {"id": f"https://institution-{country.lower()}.example.eu", "name": f"Example University {country}",
            "country": country, "homepage": f"https://institution-{country.lower()}.example.eu"}
    outcomes = [{"text": f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}"} for _ in range(rng.randint(1, 5))]
    if rng.random() < 0.3:
        outcomes[0]["escoSkill"] = "http://data.europa.eu/esco/skill/" + "%08x-0000-4000-8000-%012x" % (rng.getrandbits(32), rng.getrandbits(48))
    credential = {
        "modelVersion": 1,
        "id": "urn:uuid:%08x-%04x-4%03x-8%03x-%012x" % (index, rng.getrandbits(16), rng.getrandbits(12), rng.getrandbits(12), rng.getrandbits(48)),
        "credentialType": "micro-credential",
        "title": topic,
        "issued": f"{year:04d}-{month:02d}-{day:02d}",
        "learner": {"givenNames": given, "familyName": family, "email": f"learner{index}@students.example.eu",
                    "dateOfBirth": f"{rng.randint(1960, 2004):04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                    "studentIds": [{"value": f"S{index:08d}", "scheme": "studentId"}]},
        "awardingBodies": [body],
        "achievement": {
            "id": f"{body['id']}/courses/{TOPICS.index(topic) + 1}",
            "title": topic, "achievementType": "MicroCredential",
            "learningOutcomes": outcomes,
            "iscedFields": [rng.choice(ISCED)],
            "level": {"eqf": rng.randint(4, 7)},
            "workload": {"hours": hours, "credits": [{"framework": "ECTS", "points": ects}]},
            "participation": {"mode": rng.choice(MODES), "setting": "non-formal"},
            "assessment": {"type": rng.choice(ASSESSMENTS), "supervision": "supervised-with-id-verification"},
            "qualityAssurance": [{"type": "internal", "reference": "QA handbook 2025"}],
            "prerequisites": "None",
            "languages": [rng.choice(LANGS)],
            "stacking": {"isPartOf": [f"{body['id']}/programmes/1"]},
        },
        "result": {"grade": rng.choice(["A", "B", "1,7", "passed"]), "status": "passed"},
        "furtherInformation": f"{body['homepage']}/micro-credentials",
    }
    if rng.random() < invalid_share:
        problem = rng.randrange(3)
        if problem == 0:
            credential["achievement"]["learningOutcomes"] = []
        elif problem == 1:
            del credential["awardingBodies"][0]["country"]
        else:
            credential["validUntil"] = f"{year - 1:04d}-01-01"
    return credential


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--invalid-share", type=float, default=0.02)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    out = sys.stdout
    for index in range(1, args.records + 1):
        out.write(json.dumps(record(index, rng, args.invalid_share), ensure_ascii=False, separators=(",", ":")))
        out.write("\n")


if __name__ == "__main__":
    main()
