#!/usr/bin/python3
"""Builds codec-corpus.json and literal-corpus.json (run with /usr/bin/python3 from the repo root):

    /usr/bin/python3 tests/data/prefect/make_corpus.py build/prefect/bench/prefect/prefect_codec_tool

The codec's texts come from the tool; everything Prefect makes of them (and of the naive texts)
comes from tests/support/prefect_reference.py, i.e. from real Python. Review the diff by hand:
a changed text must still be the plainest one that works.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "support"))
import prefect_reference as ref  # noqa: E402

# The machine tst_prefectcodec's decode runs on (someMachine()).
os.environ.clear()
os.environ.update({"HOME": "/home/me", "x": "X", "word": "W"})

S, J = "string", "json"
CASES = [
    # name, type, value, show the naive texts
    ("plain token", S, "plain-token", True),
    ("empty", S, "", True),
    ("int text", S, "123", True),
    ("negative int text", S, "-7", True),
    ("true lower", S, "true", True),
    ("TRUE upper", S, "TRUE", True),
    ("tRuE mixed", S, "tRuE", True),
    ("False", S, "False", True),
    ("falſe long s", S, "fal\u017fe", True),
    ("None", S, "None", True),
    ("none lower", S, "none", True),
    ("null", S, "null", True),
    ("list text", S, "[1, 2]", True),
    ("empty list text", S, "[]", True),
    ("tuple text", S, "(1,)", True),
    ("bare tuple text", S, "1, 2", True),
    ("set call text", S, "set()", True),
    ("set literal text", S, "{1}", True),
    ("python dict text", S, "{'a': 1}", True),
    ("json object text", S, "{\"a\": 1}", True),
    ("tilde path", S, "~/key.json", True),
    ("tilde alone", S, "~", True),
    ("tilde inside", S, "a~b", True),
    ("dollar HOME", S, "pa$HOME", True),
    ("double dollar", S, "pa$$word", True),
    ("dollar braces", S, "a${x}b", True),
    ("config reference", S, "${cloud.api}", True),
    ("dollar at end", S, "cost5$", True),
    ("dollar digit", S, "$1", True),
    ("lone dollar brace", S, "${", True),
    ("quoted double", S, "\"quoted\"", True),
    ("quoted single", S, "'quoted'", True),
    ("quoted double inside single", S, "'\"quoted\"'", True),
    ("both quotes", S, "it's \"x\"", True),
    ("triple single", S, "'''", True),
    ("triple double", S, "\"\"\"", True),
    ("backslash", S, "a\\b", True),
    ("backslash n text", S, "a\\nb", True),
    ("windows path", S, "C:\\path\\new", True),
    ("trailing backslash", S, "abc\\", True),
    ("backslash x24", S, "\\x24", True),
    ("newline", S, "line1\nline2", True),
    ("tab", S, "a\tb", True),
    ("carriage return", S, "a\rb", True),
    ("leading space", S, "  lead", True),
    ("trailing space", S, "trail  ", True),
    ("only spaces", S, "   ", True),
    ("unicode latin", S, "caf\u00e9", True),
    ("unicode cjk", S, "\u65e5\u672c\u8a9e", True),
    ("emoji", S, "key\U0001F511", True),
    ("nbsp", S, "a\u00a0b", True),
    ("line separator", S, "a\u2028b", True),
    ("underscore int", S, "1_000", True),
    ("hex", S, "0x10", True),
    ("octal", S, "0o17", True),
    ("binary", S, "0b101", True),
    ("leading zero", S, "007", True),
    ("float", S, "1.5", True),
    ("exponent", S, "1e5", True),
    ("imaginary", S, "1j", True),
    ("complex sum", S, "1+2j", True),
    ("inf text", S, "inf", True),
    ("NaN", S, "NaN", True),
    ("Infinity", S, "Infinity", True),
    ("ellipsis", S, "...", True),
    ("bytes literal", S, "b'x'", True),
    ("raw literal", S, "r'\\d'", True),
    ("f string", S, "f'x'", True),
    ("comment only", S, "# note", True),
    ("value with comment", S, "1 # one", True),
    ("json string", S, "\"x\"", True),
    ("json escapes text", S, "\"a\\/b\"", True),
    ("url", S, "https://hooks.slack.com/services/T000/B000/XXXX", True),
    ("azure connection string", S,
     "DefaultEndpointsProtocol=https;AccountName=test;AccountKey=dGVzdA==;EndpointSuffix=core.windows.net", True),
    ("token with equals", S, "abc==", True),
    ("hash inside", S, "pass#word", True),
    ("brace text", S, "{", True),
    ("control char", S, "a\x01b", False),
    ("del char", S, "a\x7fb", False),
    ("nul char", S, "a\x00b", False),
    ("json object simple", J, "{\"ACCESS_KEY\":\"AKTEST\",\"SECRET_ACCESS_KEY\":\"s3cr3t\"}", True),
    ("json object true null", J, "{\"a\":true,\"b\":null,\"c\":false}", True),
    ("json escaped slash", J, "{\"x\":\"a\\/b\"}", True),
    ("json nested", J, "{\"outer\":{\"inner\":\"v\",\"n\":1}}", True),
    ("json empty", J, "{}", True),
    ("json empty nested", J, "{\"a\":{}}", True),
    ("json numbers", J, "{\"i\":-3,\"f\":1.5,\"e\":1e-07,\"big\":12345678901234567890}", True),
    ("json list", J, "{\"l\":[1,\"two\",null,true,{\"k\":\"v\"}]}", True),
    ("json dollar", J, "{\"p\":\"pa$HOME\",\"r\":\"${x}\"}", True),
    ("json tilde", J, "{\"path\":\"~/key.json\"}", True),
    ("json int text leaf", J, "{\"pin\":\"1234\"}", True),
    ("json quotes leaf", J, "{\"q\":\"it's \\\"x\\\"\"}", True),
    ("json unicode", J, "{\"name\":\"caf\u00e9 \U0001F511\"}", True),
    ("json backslash leaf", J, "{\"k\":\"a\\\\b\"}", True),
    ("json comma key", J, "{\"a,b\":\"1\"}", True),
    ("json odd key", J, "{\"key with space\":\"v\",\"\":\"empty key\"}", True),
    ("json newline leaf", J, "{\"pem\":\"-----BEGIN-----\\nabc\\n-----END-----\\n\"}", True),
    ("gcp shaped", J, "{\"type\":\"service_account\",\"project_id\":\"p\",\"private_key_id\":\"0123abcd\","
     "\"client_email\":\"a@p.iam.gserviceaccount.com\",\"token_uri\":\"https://oauth2.googleapis.com/token\"}", True),
    ("aws session null", J, "{\"ACCESS_KEY\":\"AKTEST\",\"SECRET_ACCESS_KEY\":\"x/y+z\",\"SESSION_TOKEN\":null}", True),
]

LITERALS = [
    "123", "-1", "+1", "--1", "-(1)", "(-1)", "1_000", "1__0", "1_", "0x10", "0X_1f", "0o17", "0b101", "0b2",
    "007", "00", "0_0", "1.5", "1.", ".5", "1e5", "1E-5", "1e", "1.5j", "1J", "01j", "1+2j", "1-2j", "-1+2j",
    "1+2j+3j", "1j+1", "2j-1j", "(1+2j)", "-(1+2j)", "1e400", "-1e400", "1e-400", "1e16", "1e15", "0.0001",
    "0.00001", "123456789012345678901234567890", "0x" + "f" * 40, "True", "False", "None", "true", "TRUE",
    "tRuE", "fal\u017fe", "none", "null", "...", "'a'", "\"a\"", "'a' 'b'", "'a' \"b\"", "b'a' b'b'", "'a' b'b'",
    "r'\\n'", "R'\\n'", "rb'\\n'", "Br'x'", "u'x'", "ur'x'", "f'x'", "'''a\nb'''", "\"\"\"x\"\"\"", "'\\x41'",
    "'\\x4'", "'\\u0041'", "'\\U0001F511'", "'\\U00110000'", "'\\101'", "'\\777'", "'\\q'", "'\\\n'",
    "'a\\'b'", "b'\\u0041'", "b'\u00e9'", "'\u00e9'", "[1, 2]", "[1, 2,]", "[,]", "[]", "()", "(1)", "(1,)",
    "(1, 2)", "1, 2", "1,", "{}", "{1}", "{1, 1.0, True}", "{'a': 1, 'a': 2}", "{1: 'a', True: 'b'}",
    "{[1]: 2}", "{[1]}", "{(1, 2): 3}", "{**a}", "set()", "set( )", "set(1)", "frozenset()", "[1][0]",
    "'a'.upper()", "x", "a b", "1 2", "  1", "\t1", "\n1", "\n 1", "1\n", "1 # c", "# c", "", " ", "(1,\n2)",
    "[1,\n 2]", "1 \\\n+ 2j", "\\", "1;", "1 if 1 else 2", "not 1", "1 < 2", "-True", "-'a'", "1 * 2",
    "{'a': [1, {'b': None}]}", "[[[]]]", "'a\\\rb'", "'a\rb'", "'''a\r\nb'''", "\u00a01", "1\u00a0",
    "\ufeff1", "'\\N{BULLET}'", "b'\\777'", "'" + "x" * 5 + "'", "1" * 4301, "1" * 4300, "0x1j", "1if 1else 2",
    "1_000j", "1e1_0", "0e0", "0.", "00.5", "-0.0", "-0", "(-0-1j)", "-1j", "1 + 2j", "+1j", "0xg", "1e+5",
]


def main():
    tool = sys.argv[1]
    requests = "".join(json.dumps({"type": t, "value": v}) + "\n" for _, t, v, _ in CASES)
    answers = subprocess.run([tool], input=requests, capture_output=True, text=True, check=True).stdout.split("\n")
    corpus = []
    for (name, kind, value, naive), line in zip(CASES, answers):
        answer = json.loads(line)
        entry = {"name": name, "type": kind, "value": value, "env": answer["env"], "toml": answer["toml"],
                 "context_holds_value": answer["context_holds_value"]}
        stored = {"type": kind, "value": answer["stored"]}
        for mode in ("env", "toml"):
            secrets = ref.load(mode, answer[mode])
            entry["context"] = repr(secrets[ref.SECRET])
            entry["get"] = repr(ref.secret_get(secrets[ref.SECRET]))
            check = ref.answer({"mode": mode, "text": answer[mode], "stored": stored})
            assert check.get("ok_get") and check.get("ok_context"), (name, mode, check)
        if naive and kind == S:
            naive_toml = json.dumps(value, ensure_ascii=False)  # the text as a TOML basic string
            toml_yields = yields("toml", naive_toml)
            if value == '"' or value.startswith('""'):
                toml_yields = "PREFECT021"  # toml 0.10 misreads it; the codec says it cannot predict
            entry["naive"] = {"env": yields("env", value), "toml_text": naive_toml, "toml": toml_yields}
        elif naive:
            entry["naive"] = {"env": yields("env", value)}
        corpus.append(entry)
    with open(os.path.join(HERE, "codec-corpus.json"), "w", encoding="utf-8") as f:
        json.dump(corpus, f, ensure_ascii=False, indent=1)
        f.write("\n")
    literals = []
    for text in LITERALS:
        answer = ref.answer({"mode": "literal", "text": text})
        entry = {"text": text, "value": answer["value"]}  # string_to_type never raises on text
        if "\\N{" in text:
            entry["unsupported"] = True  # the codec reports PREFECT021 rather than guess a name
        literals.append(entry)
    with open(os.path.join(HERE, "literal-corpus.json"), "w", encoding="ascii") as f:
        json.dump(literals, f, ensure_ascii=True, indent=1)  # escaped: Qt's JSON reader drops a raw U+FEFF
        f.write("\n")
    print(len(corpus), "codec cases,", len(literals), "literal cases")


def yields(mode, text):
    """What Secret.get() returns for a naive text, as repr, or the codec's error code."""
    try:
        secrets = ref.load(mode, text)
    except Exception:
        return "PREFECT020"
    if ref.SECRET not in secrets:
        return "PREFECT022"
    return repr(ref.secret_get(secrets[ref.SECRET]))


if __name__ == "__main__":
    main()
