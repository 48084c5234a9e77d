package decl_test

import (
	"fmt"
	"os"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/decl"
	"github.com/baocaodinhky/vpcp/period"
)

// hs01 is a small local form: one text column, three counts and the rule
// that (3) is their sum.
const hs01 = `{"code": "HS.01", "title": "TIẾP NHẬN HỒ SƠ", "unit": "hồ sơ", "basis": "Quyết định của UBND tỉnh (ví dụ)",
  "edition": {"name": "Quyết định (ví dụ)", "valid_from": "2025-01-01"},
  "parts": [{"columns": [
    {"num": 1, "key": "stt", "label": "STT", "kind": "text"},
    {"num": 2, "key": "field", "label": "Lĩnh vực", "kind": "text"},
    {"num": 3, "key": "received", "label": "Tổng số", "kind": "count"},
    {"num": 4, "key": "online", "label": "Trực tuyến", "kind": "count"},
    {"num": 5, "key": "direct", "label": "Trực tiếp", "kind": "count"}]}],
  "rules": [{"id": "HS.01/R01", "rule": "(3) = (4) + (5)"}, {"id": "HS.01/R02", "rule": "TỔNG CỘNG = Σ các dòng"}]}`

// NewCatalogue makes a catalogue of one's own forms, so that a report of
// them is checked (and decoded from JSON) like an official one. ZeroCheck
// adds a report-level rule "= 0": here, no file received on paper from
// 1/7/2025.
func ExampleNewCatalogue() {
	schema, err := decl.Parse([]byte(hs01))
	if err != nil {
		panic(err)
	}
	cat, err := decl.NewCatalogue(schema)
	if err != nil {
		panic(err)
	}
	noPaper := kstt.Rule{ID: "HS.01/R03", Severity: kstt.Warning, Expr: "(5) = 0", Basis: "Quyết định của UBND tỉnh (ví dụ)",
		Meaning: "không tiếp nhận hồ sơ trực tiếp", MeaningEN: "no file received in person",
		Target: kstt.Ref{Form: "HS.01", Col: 5}, Terms: []kstt.Ref{{Form: "HS.01", Col: 5}}}
	cat.Checks = append(cat.Checks, decl.ZeroCheck(noPaper, "", period.Date{Year: 2025, Month: 7, Day: 1}))

	f := schema.New(kstt.Header{})
	_ = f.AddRow(0, "Hộ tịch", map[string]int64{"online": 3, "direct": 2})
	_ = f.Fill()
	report := kstt.NewReport(kstt.Header{Unit: "UBND xã Cẩm Bình", Recipient: "UBND tỉnh", Period: period.Must(period.Quarter(2025, 4))}, f)
	findings, err := cat.Check(report, kstt.CheckOptions{})
	if err != nil {
		panic(err)
	}
	for _, fd := range findings {
		fmt.Println(fd.Rule, fd.Severity, fd.RowLabel, fd.Column, fd.Actual)
	}
	// Output:
	// HS.01/R03 warning Hộ tịch 5 2
}

// Format lays a declaration out for people, one line per column and rule;
// Decode reads it back, so a program can generate or edit declarations.
func ExampleFormat() {
	d, err := decl.Decode([]byte(hs01))
	if err != nil {
		panic(err)
	}
	d.Rules = d.Rules[:1]
	out, err := decl.Format(d)
	if err != nil {
		panic(err)
	}
	os.Stdout.Write(out)
	back, err := decl.Decode(out)
	fmt.Println(err, back.Code, len(back.Parts[0].Columns), len(back.Rules))
	// Output:
	// {
	//   "code": "HS.01",
	//   "title": "TIẾP NHẬN HỒ SƠ",
	//   "unit": "hồ sơ",
	//   "basis": "Quyết định của UBND tỉnh (ví dụ)",
	//   "edition": {"name":"Quyết định (ví dụ)","valid_from":"2025-01-01"},
	//   "parts": [
	//     {
	//       "columns": [
	//         {"num":1,"key":"stt","label":"STT","kind":"text"},
	//         {"num":2,"key":"field","label":"Lĩnh vực","kind":"text"},
	//         {"num":3,"key":"received","label":"Tổng số","kind":"count"},
	//         {"num":4,"key":"online","label":"Trực tuyến","kind":"count"},
	//         {"num":5,"key":"direct","label":"Trực tiếp","kind":"count"}
	//       ]
	//     }
	//   ],
	//   "rules": [
	//     {"id":"HS.01/R01","rule":"(3) = (4) + (5)"}
	//   ]
	// }
	// <nil> HS.01 5 1
}
