import json

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

with open("assessment.json", encoding="utf-8") as f:
    doc = json.load(f)
book = openpyxl.load_workbook("phieu.xlsx")
guide = book["Hướng dẫn"]
assert isinstance(guide, Worksheet)
guide["B6"] = doc["product"]
guide["B7"] = doc["council_size"]
for number, member in enumerate(doc["members"], start=1):
    tab = book[f"Thành viên {number}"]
    assert isinstance(tab, Worksheet)
    tab["C3"] = member["name"]
    tab["C4"] = "x" if member.get("chair") else None
    for row in range(7, tab.max_row + 1):
        code = tab.cell(row, 1).value
        if code in member["choices"]:
            tab.cell(row, 3).value = member["choices"][code]
book.save("phieu.xlsx")
