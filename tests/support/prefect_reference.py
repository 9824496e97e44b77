#!/usr/bin/python3
"""Reference for Secretdesk's Prefect codec: Prefect 1.4's configuration loading of one secret,
written from the facts in the spec (prefect-secrets.md sections 2-4) plus the unicode_escape step
of its env var loading (docs/prefect-compat.md), using Python's own os.path.expandvars,
os.path.expanduser, ast.literal_eval, json.loads and Debian's `toml` 0.10 package.

Run with /usr/bin/python3. Reads JSON lines on stdin, one request each, writes one JSON line per
request on stdout:
  {"mode": "env", "text": "<env var value>", "stored": {"type": "string"|"json", "value": "..."}}
  {"mode": "toml", "text": "<right-hand side of NAME = ...>", "stored": {...}}
  {"mode": "literal", "text": "..."}  -> {"value": <canonical of string_to_type(text)>}
"stored" is optional; with it the answer says whether Prefect yields exactly the stored value and type.
Answer: {"context": <canonical>, "get": <canonical>, "ok_get": bool, "ok_context": bool} or
{"error": "<exception type>"} when Prefect would fail to load, or {"missing": true} when the key vanishes.
Values never leave this process except as the answer on stdout.
"""
import ast
import json
import os
import re
import sys

import toml

SECRET = "SECRETDESK_PROBE"
REFERENCE = re.compile(r"\${(.[^${}]*)}")
DEFAULT_DIGITS = sys.get_int_max_str_digits()


def string_to_type(value):
    # Prefect calls .upper() first, so a non-str raises AttributeError here, as in Prefect.
    if value.upper() == "TRUE":
        return True
    if value.upper() == "FALSE":
        return False
    try:
        return ast.literal_eval(value)
    except Exception:
        return value


def interpolate(value):
    if not value or not isinstance(value, str):
        return value
    for counter in range(10):
        expanded = os.path.expanduser(os.path.expandvars(str(value)))
        if expanded == value:
            if counter > 1:
                expanded = string_to_type(expanded)
            return expanded
        value = expanded
    return None


def flatten(table, prefix=()):
    flat = {}
    for key, value in table.items():
        if isinstance(value, dict):
            flat.update(flatten(value, prefix + (key,)))  # an empty dict leaves nothing behind
        else:
            flat[prefix + (key,)] = value
    return flat


def unflatten(flat):
    root = {}
    for path, value in flat.items():
        node = root
        for part in path[:-1]:
            node = node.setdefault(part, {})
        node[path[-1]] = value
    return root


def resolve_references(flat):
    pending = set(flat)
    for _ in range(10):
        for key in list(pending):
            value = flat[key]
            match = REFERENCE.search(value) if isinstance(value, str) else None
            if not match:
                pending.discard(key)
                continue
            found = flat.get(tuple(match.group(1).split(".")), "")
            if value == match.group(0):
                flat[key] = found
            else:
                flat[key] = value.replace(match.group(0), str(found), 1)
    return flat


def load(mode, text):
    if mode == "toml":
        flat = flatten(toml.loads("[context.secrets]\n%s = %s\n" % (SECRET, text)))
    else:
        flat = {}
        value = text.encode().decode("unicode_escape")
        flat[("context", "secrets", SECRET)] = string_to_type(interpolate(value))
    for key, value in list(flat.items()):  # the second pass over every value
        value = interpolate(value)
        if isinstance(value, str):
            value = string_to_type(value)
        flat[key] = value
    config = unflatten(resolve_references(flat))
    return config.get("context", {}).get("secrets", {})


def secret_get(value):
    try:
        return json.loads(value)
    except (json.JSONDecodeError, TypeError):
        return value


def canon(v):
    if v is None:
        return "N"
    if v is Ellipsis:
        return "E"
    if isinstance(v, bool):
        return "b:%s" % v
    if isinstance(v, int):
        sys.set_int_max_str_digits(0)
        try:
            return "i:" + str(v)
        finally:
            sys.set_int_max_str_digits(DEFAULT_DIGITS)
    if isinstance(v, float):
        return "f:" + repr(v)
    if isinstance(v, complex):
        return "c:" + repr(v)
    if isinstance(v, str):
        return "s:" + json.dumps(v)
    if isinstance(v, bytes):
        return "y:" + v.hex()
    if isinstance(v, list):
        return "l[" + ",".join(canon(x) for x in v) + "]"
    if isinstance(v, tuple):
        return "t[" + ",".join(canon(x) for x in v) + "]"
    if isinstance(v, (set, frozenset)):
        return "S[" + ",".join(sorted(canon(x) for x in v)) + "]"
    if isinstance(v, dict):
        return "d[" + ",".join(sorted(canon(k) + "=" + canon(x) for k, x in v.items())) + "]"
    return "?" + type(v).__name__


def same(a, b):
    """Equal value and equal type all the way down (1 is not True, 1.0 is not 1)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def answer(request):
    if request["mode"] == "literal":  # string_to_type alone, for the literal parser's corpus
        try:
            return {"value": canon(string_to_type(request["text"]))}
        except Exception as error:
            return {"error": type(error).__name__}
    try:
        secrets = load(request["mode"], request["text"])
    except Exception as error:  # Prefect's import would raise: report the kind only, never a value
        return {"error": type(error).__name__}
    if SECRET not in secrets:
        return {"missing": True}
    context = secrets[SECRET]
    got = secret_get(context)
    reply = {"context": canon(context), "get": canon(got)}
    stored = request.get("stored")
    if stored is not None:
        expected = json.loads(stored["value"]) if stored["type"] == "json" else stored["value"]
        reply["ok_get"] = same(got, expected)
        if stored["type"] == "json":
            reply["ok_context"] = same(context, expected)
        else:  # the value itself, or its JSON-quoted form for text that parses as JSON
            reply["ok_context"] = same(context, expected) or (
                isinstance(context, str) and same(secret_get(context), expected))
    return reply


def main():
    for line in sys.stdin:
        if line.strip():
            sys.stdout.write(json.dumps(answer(json.loads(line))) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
