#!/usr/bin/env python3
"""Writes N Open Badges 2.0 assertions as JSON Lines, deterministically (same N, same bytes).

The stream starts with one Issuer and 20 BadgeClass objects; every assertion refers to its
BadgeClass by id, so the reader resolves references as it would for a real export. Recipients are
plain e-mail addresses (hashed by the writer) or salted SHA-256 hashes, alternately.

    generate.py N OUTPUT.jsonl
"""
import hashlib
import json
import sys


def main() -> None:
    count, path = int(sys.argv[1]), sys.argv[2]
    issuer_id = "https://badges.example-university.eu/issuer"
    lines = [{
        "@context": "https://w3id.org/openbadges/v2", "type": "Issuer", "id": issuer_id,
        "name": "Example University", "url": "https://www.example-university.eu", "email": "badges@example-university.eu",
    }]
    topics = ["data analysis", "énergie durable", "критическое мышление", "机器学习", "Ökologie", "project management",
              "ανάλυση", "cybersecurity", "public health", "robotics"]
    for badge in range(20):
        lines.append({
            "@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass",
            "id": f"https://badges.example-university.eu/badges/{badge}",
            "name": f"Micro-credential {badge}: {topics[badge % len(topics)]}",
            "description": f"Short course {badge} on {topics[badge % len(topics)]}.",
            "image": f"https://badges.example-university.eu/badges/{badge}.png",
            "criteria": {"narrative": "Pass the final assessment."},
            "issuer": issuer_id,
            "alignment": [{"targetName": f"EQF level {4 + badge % 4}", "targetUrl": f"http://data.europa.eu/snb/eqf/{4 + badge % 4}",
                           "targetFramework": "European Qualifications Framework", "targetCode": str(4 + badge % 4)}],
            "tags": ["micro-credential", topics[badge % len(topics)]],
        })
    with open(path, "w", encoding="utf-8") as out:
        for line in lines:
            out.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")
        for number in range(count):
            email = f"learner{number}@student.example.eu"
            if number % 2:
                salt = f"s{number}"
                recipient = {"type": "email", "hashed": True, "salt": salt,
                             "identity": "sha256$" + hashlib.sha256((email + salt).encode()).hexdigest()}
            else:
                recipient = {"type": "email", "hashed": False, "identity": email}
            assertion = {
                "@context": "https://w3id.org/openbadges/v2", "type": "Assertion",
                "id": f"https://badges.example-university.eu/assertions/{number}",
                "recipient": recipient,
                "badge": f"https://badges.example-university.eu/badges/{number % 20}",
                "issuedOn": f"20{15 + number % 10}-{1 + number % 12:02d}-{1 + number % 28:02d}T10:00:00Z",
                "evidence": f"https://portfolio.example.eu/{number}",
                "verification": {"type": "hosted"},
            }
            out.write(json.dumps(assertion, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
