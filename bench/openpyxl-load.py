# The peer a clerk-programmer would write instead of the tool's reader (issue 15): openpyxl's
# read-only load of the same workbooks, every cell's value of every sheet visited, one workbook
# after another, and nothing else (no checks, no grading, no outputs). Run by bench/run.js with
# Debian's python3 and python3-openpyxl; prints one JSON line with the files, rows and peak memory.
#
#   /usr/bin/python3 bench/openpyxl-load.py PATH   (PATH: a workbook, or a folder of them)

import json
import os
import resource
import sys

from openpyxl import load_workbook

given = sys.argv[1]
if os.path.isdir(given):
    files = sorted(os.path.join(given, name) for name in os.listdir(given) if name.endswith(".xlsx"))
else:
    files = [given]
rows = 0
for file in files:
    workbook = load_workbook(file, read_only=True, data_only=True)
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(values_only=True):
            rows += 1
    workbook.close()
# ru_maxrss is in KiB on Linux.
print(json.dumps({"files": len(files), "rows": rows, "maxRssKiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
