"""Validates JSON files against a JSON Schema (draft 2020-12): validate_json.py SCHEMA FILE...

Prints each error with the file and the path of the value, and exits 1 when there is one.
"""
import json
import sys

import jsonschema


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    failed = False
    for name in sys.argv[2:]:
        with open(name, encoding="utf-8") as f:
            document = json.load(f)
        for error in validator.iter_errors(document):
            path = "/".join(str(p) for p in error.absolute_path)
            print(f"{name}: /{path}: {error.message}")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
