// Package decl declares forms as data: a JSON document (or the same
// Declaration as a Go value) gives a form's code, title, unit, parts,
// columns with their header groups and numbers, row structure, rules in
// the notation the forms print, legal basis and the periods it applies to.
// Compile turns it into a Schema — the kstt.FormSpec the engine reads,
// plus the rules that reach beyond the form — and a Schema makes generic
// Forms that work wherever the typed forms of package bieu work: Fill,
// Check, the renderers (through kstt.Layout and the neutral layout.Sheet),
// the form readers (bieu.ReadOptions.Catalogue), JSON and catalogues
// (Schema.AddTo). A unit adds a form, or a new edition of one, the day it
// is published, in its own code.
//
// The official forms of package bieu are declared in this language, once
// (bieu/forms/*.json, embedded and compiled when bieu is initialised), and
// a generic Form of II.06a gives the typed II.06a's XLSX bytes, findings
// and JSON (a test of package bieu checks it on every fixture).
//
// # The document
//
// A declaration is one JSON object. Unknown fields are errors, never
// ignored; every error names the JSON path of the value at fault (see
// Error). Text is read in NFC.
//
//	{
//	  "code": "II.06a",                       // required; rule IDs of the form start with "II.06a/"
//	  "printed": "Biểu số 07a/BTP",           // optional: the code line, when not "Biểu số <code>/VPCP/KSTT"
//	  "title": "TÌNH HÌNH, KẾT QUẢ …",        // required, as printed
//	  "unit": "Số hồ sơ TTHC",                // Đơn vị tính
//	  "basis": "Thông tư 01/2020/TT-VPCP, Biểu số II.06a/VPCP/KSTT",
//	  "edition": {"name": "Thông tư 01/2020/TT-VPCP", "basis": "…",
//	              "valid_from": "2020-12-15", "valid_to": "2026-02-14", "note": "…"},
//	  "doc": "what the form holds, for people (the Go type's doc comment)",
//	  "inferred": ["what was not read from an official text", "…"],
//	  "parts": [{
//	    "id": "",                             // "" for a form of one table; "I", "II" … otherwise
//	    "title": "",                          // e.g. "I. SỐ LƯỢNG TTHC …"
//	    "columns": [
//	      {"num": 1, "key": "stt", "label": "STT", "kind": "text", "width": 5},
//	      {"num": 2, "key": "field", "label": "Lĩnh vực giải quyết", "kind": "text"},
//	      {"num": 3, "key": "received", "label": "Tổng số",
//	       "groups": ["Số lượng hồ sơ tiếp nhận"], "kind": "count"}
//	    ],
//	    "rows": {"label": "Lĩnh vực", "fields": ["Hộ tịch"],
//	             "levels": [{"code": "I", "title": "CẤP TỈNH"}],
//	             "sections": [{"code": "B", "title": "DVCTT …"}]}
//	  }],
//	  "rules": [
//	    {"id": "II.06a/R01", "rule": "(3) = (4) + (5) + (6)"},
//	    {"id": "II.06a/R06", "rule": "(3) = (7) + (11)", "check": true, "severity": "warning",
//	     "inferred": true, "meaning": "…", "meaning_en": "…", "note": "…", "note_en": "…"}
//	  ]
//	}
//
// (The comments are for this page: JSON has none.) The form readers of
// package bieu recognise a declared form by its "printed" code line, by a
// worksheet named after its code, or by its header labels and
// column-number row, as they recognise the official forms.
//
// # Columns
//
// Columns are numbered (1), (2), … in order, without gaps, as the
// column-number row prints them; a duplicate or missing number is an
// error. (1) is the STT and (2) the row label (lĩnh vực, or unit), both
// "text"; every other column holds numbers: "count" (a whole number,
// int64), "rate" (a percentage, decimal) or "flag" (0 or 1). "groups"
// are the header cells above the leaf label, outermost first: neighbouring
// columns with the same groups share merged header cells. "key" is the
// column's field name in the form's JSON; "level", "section", "title" and
// "kind" are reserved.
//
// # Rows
//
// Every part has data rows and ends with TỔNG CỘNG. "levels" and
// "sections" declare the group rows a part may have between them (II.08
// prints "B DVCTT …", "I CẤP TỈNH", its lĩnh vực, "II CẤP HUYỆN" …): the
// readers keep such rows, and a data row belongs to the level row above
// it (kstt.RowMeta.Group). "fields" lists the lĩnh vực of a blank form
// (Schema.New creates them); "label" says what a data row is.
//
// # Rules
//
// A rule is written as the form prints it. Cells are "(n)", a column of
// the row the rule is evaluating; "Phần I (8)", a column of another part
// in the row of the same lĩnh vực; "II.08 Σ(5)" (or "II.08 (5)"), the
// TỔNG CỘNG of a column of another form, and "Σ(8)" of the same form as
// the previous term; "files.received", a figure of the report's
// narrative (outline.Narrative). A "Phần I:" prefix names the part of the
// whole rule. Spacing is free; "≤" may be written "<=", "÷" as "/", "×"
// as "*" or "x".
//
//	notation                                  kind (kstt)          default severity
//	(3) = (4) + (5) + (6)                     SumOfColumns         error   printed formula: Fill derives (3), renderers write it
//	(3) = (7) + (11)          with "check"    Balance              warning identity checked, never derived nor printed
//	TỔNG CỘNG = Σ các dòng                    SumOfRows            error   every count column of TỔNG CỘNG
//	mọi cột số ≥ 0                            NonNegative          error   every count column, every row
//	(7) ≤ (3),  Phần II: (3) ≤ Phần I (8)     AtMost               warning in every data row
//	Phần II: (4) = (3) ÷ Phần I (8) × 100     Percentage           warning rounded half away from zero to "places" (2); 0 when the denominator is 0
//	(9) ∈ {0, 1},  (9) = 0 hoặc 1             FlagOnly             error   in every data row
//	(5), (9), (13) = 0                        Custom (catalogue)   warning with "from": only in periods that reach that day
//	«CẤP HUYỆN» = 0                           Custom (catalogue)   warning every count column of the rows under that level
//	II.06a Σ(4) = II.08 Σ(5) + Σ(8)           Matches (report)     error   cross-form, added to the catalogue's report rules
//	files.received = II.06a Σ(3)              Matches (report)     error   narrative against a form
//
// A rule's fields: "id" (unique; the form's own rules start with the code
// and "/"), "rule" (the notation, kept as the rule's expression),
// "check", "severity" ("error", "warning", "info", or Lỗi, Cảnh báo,
// Thông tin), "places" (a rate's decimals), "from" (a date, for "= 0"
// rules), "basis" (default: the form's), "meaning" and "meaning_en"
// (default: written from the notation), "inferred", "note" and "note_en"
// (a legitimate cause a person should consider, added to the findings'
// messages). A rule naming a column that does not exist, a column of the
// wrong kind (a rate in a sum), a part the form lacks, or a formula that
// does not parse is an error at "$.rules[i].rule"; the cause is a
// *SyntaxError with the offset in the rule.
//
// # Editions
//
// "edition" says which regime the declaration implements and which
// reporting periods it applies to: those whose last day falls within
// [valid_from, valid_to] (Edition.Covers; a missing bound is open). The
// forms of Thông tư 01/2020/TT-VPCP apply to the periods that end before
// 15/02/2026, when Thông tư 5/2025/TT-VPCP comes into force. Package bieu
// selects the edition by a report's period (bieu.Editions): register a
// catalogue of declared forms as an edition and it takes precedence for
// its periods; a period no edition covers is checked against the nearest
// one with an Info finding that says so.
//
// # Data
//
// A Form's JSON is {"header": …, "rows": […], "total": {…}} for a form of
// one unnamed part — the layout of the typed forms — and {"header": …,
// "parts": [{"id": "I", "rows": […], "total": {…}}, …]} otherwise. A data
// row is an object keyed by column key, a group row {"level": "I",
// "title": "CẤP TỈNH"} or {"section": "B", "title": "…"}.
package decl
