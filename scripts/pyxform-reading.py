#!/usr/bin/env python3
"""How pyxform reads an XLSForm: prints one JSON object with its questions (name, type, choice
list, relevance as written), flattened out of groups and repeats, and its choice lists (choice
names in order). The XLSForm import's tests compare their own reading with it.

    python3 scripts/pyxform-reading.py FORM.xlsx
"""
import json
import sys

from pyxform.xls2json import parse_file_to_json

QUESTION_TYPES = {
    "integer", "decimal", "text", "date", "photo", "file", "select one", "select all that apply", "note", "calculate",
}


def walk(children, found):
    for child in children:
        kind = child.get("type")
        if kind in ("group", "repeat", "loop"):
            if child.get("name") != "meta":
                walk(child.get("children", []), found)
        elif kind in QUESTION_TYPES:
            found.append(
                {
                    "name": child["name"],
                    "type": kind,
                    "list": child.get("list_name"),
                    "relevant": child.get("bind", {}).get("relevant"),
                }
            )


def main():
    form = parse_file_to_json(sys.argv[1])
    questions = []
    walk(form.get("children", []), questions)
    lists = {name: [c["name"] for c in choices] for name, choices in (form.get("choices") or {}).items()}
    json.dump({"questions": questions, "lists": lists}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
