#!/usr/bin/python3
"""Reads {"env": {...}, "files": [text, ...]} as JSON on stdin and prints, for each file, what the real
python-dotenv (Debian python3-dotenv) yields: {"raw": [[key, value], ...], "expanded": [...]}, where raw
is dotenv_values(interpolate=False) and expanded is dotenv_values() with os.environ set to "env".
Text is newline-translated first, as Python does when it opens a file. Values stay on the pipes."""
import io
import json
import logging
import os
import sys

import dotenv

logging.disable(logging.CRITICAL)  # python-dotenv warns about lines it skips


def main():
    request = json.load(sys.stdin)
    os.environ.clear()
    os.environ.update(request["env"])
    out = []
    for text in request["files"]:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        raw = dotenv.dotenv_values(stream=io.StringIO(text), interpolate=False)
        expanded = dotenv.dotenv_values(stream=io.StringIO(text))
        out.append({
            "raw": [[k, v] for k, v in raw.items() if v is not None],
            "expanded": [[k, v] for k, v in expanded.items() if v is not None],
        })
    json.dump(out, sys.stdout)


main()
