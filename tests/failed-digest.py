#!/usr/bin/env python3
"""Prints each failed test of the given TRX files with the first lines of its message and stack.

CI shows only the tail of the run's output, where the node processes' logs of a failed end-to-end test crowd out
xUnit's own failure text; this digest comes last, just before the closing count, so the cause is always visible.
"""
import sys
import xml.etree.ElementTree as ElementTree

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
MESSAGE_LINES = 12
STACK_LINES = 6


def first_lines(text, count):
    lines = (text or "").strip().splitlines()
    return lines[:count] + (["  ..."] if len(lines) > count else [])


def main(paths):
    failures = 0
    for path in paths:
        try:
            root = ElementTree.parse(path).getroot()
        except (OSError, ElementTree.ParseError) as error:
            print(f"(could not read {path}: {error})")
            continue
        for result in root.iterfind(".//t:UnitTestResult", NS):
            if result.get("outcome") != "Failed":
                continue
            failures += 1
            print(f"FAILED {result.get('testName')} ({result.get('duration')})")
            for line in first_lines(result.findtext(".//t:ErrorInfo/t:Message", "", NS), MESSAGE_LINES):
                print(f"    {line}")
            for line in first_lines(result.findtext(".//t:ErrorInfo/t:StackTrace", "", NS), STACK_LINES):
                print(f"    {line}")
    if failures:
        print(f"{failures} failed test(s) above; their full output is in the TRX files under TestResults/.")


if __name__ == "__main__":
    main(sys.argv[1:])
