#!/usr/bin/env python3
"""Give every organisation of a model JSON Lines stream a registration identifier.

genericschema_1.2 requires organization/registration, so microcred's elm-xml writer rejects an
organisation without one (elm.missing-registration). The shared generator (../generate.py) leaves
them out; this filter adds a deterministic one, derived from the organisation's id or name, so
every generated record reaches the writer.

Usage: generate.py --records N --seed S | add-registration.py > batch.jsonl
"""
import hashlib
import json
import sys


def register(organisation):
    if organisation.get("registrationIds"):
        return
    name = organisation.get("name")
    key = organisation.get("id") or json.dumps(name, ensure_ascii=False, sort_keys=True)
    number = int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:8], 16) % 10_000_000
    country = organisation.get("country", "EU")
    organisation["registrationIds"] = [{"value": f"{country}-{number:07d}", "scheme": "businessRegister"}]


for line in sys.stdin:
    if not line.strip():
        continue
    record = json.loads(line)
    for body in record.get("awardingBodies", []):
        register(body)
    if isinstance(record.get("issuer"), dict):
        register(record["issuer"])
    sys.stdout.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
