# Prints, as JSON {name: base64 of the UTF-8 bytes}, what python-dotenv reads from FILE.
# Run with Debian's /usr/bin/python3 (python3-dotenv). Usage: python_env_reader.py FILE
import base64
import json
import sys

from dotenv import dotenv_values

values = dotenv_values(sys.argv[1])
out = {k: base64.b64encode(v.encode("utf-8")).decode("ascii") for k, v in values.items() if v is not None}
sys.stdout.write(json.dumps(out))
