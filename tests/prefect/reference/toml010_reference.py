#!/usr/bin/python3
"""Checks config.toml edits with the parser Prefect 1 uses (Debian python3-toml 0.10). Reads a JSON list
of {"before", "after", "set": {name: encoded TOML value}, "remove": [names]} on stdin and prints one
JSON object per case: {"ok": true} or {"ok": false, "problem": "..."}. ok means: toml 0.10 loads the
edited text, everything outside context.secrets is unchanged, and context.secrets is the old table with
the removed names gone and each set name holding exactly what toml 0.10 makes of its encoded value."""
import json
import sys

import toml


def split(document):
    context = dict(document.get("context", {}))
    secrets = dict(context.pop("secrets", {}))
    rest = dict(document)
    if context:
        rest["context"] = context
    else:
        rest.pop("context", None)
    return rest, secrets


def check(case):
    try:
        before = toml.loads(case["before"])
    except Exception as error:  # the before text itself is not for Prefect
        return {"ok": False, "problem": "before: %s" % type(error).__name__}
    try:
        after = toml.loads(case["after"])
    except Exception as error:
        return {"ok": False, "problem": "toml 0.10 rejects the edited file: %s" % error}
    rest_before, secrets_before = split(before)
    rest_after, secrets_after = split(after)
    if rest_before != rest_after:
        return {"ok": False, "problem": "something outside context.secrets changed"}
    expected = dict(secrets_before)
    for name in case.get("remove", []):
        expected.pop(name, None)
    for name, encoded in case.get("set", {}).items():
        expected[name] = toml.loads("v = " + encoded)["v"]
    if expected != secrets_after:
        return {"ok": False, "problem": "context.secrets differs: %r" % sorted(
            k for k in set(expected) | set(secrets_after) if expected.get(k) != secrets_after.get(k))}
    return {"ok": True}


print(json.dumps([check(case) for case in json.load(sys.stdin)]))
