# Prints, as JSON {name: base64 of the UTF-8 bytes}, what python-dotenv reads from FILE; with
# --each FILE..., {FILE: {name: base64}} for every file. Run with Debian's /usr/bin/python3
# (python3-dotenv). Usage: python_env_reader.py FILE | --each FILE...
import base64
import json
import logging
import sys

from dotenv import dotenv_values

logging.disable(logging.CRITICAL)  # parse warnings are expected for the deliberately broken quotings


def read(path):
    values = dotenv_values(path)
    return {k: base64.b64encode(v.encode("utf-8")).decode("ascii") for k, v in values.items() if v is not None}


if sys.argv[1] == "--each":
    sys.stdout.write(json.dumps({path: read(path) for path in sys.argv[2:]}))
else:
    sys.stdout.write(json.dumps(read(sys.argv[1])))
