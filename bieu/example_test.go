package bieu_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/period"
)

// Build an II.06a from the inputs a one-stop system counts, and let Fill
// derive (3), (7), (11) and TỔNG CỘNG.
func ExampleII06a_Fill() {
	f := &bieu.II06a{
		Header: kstt.Header{Unit: "Sở Ngoại vụ", Recipient: "UBND tỉnh", Period: period.Must(period.Quarter(2024, 2))},
		Rows: []bieu.II06aRow{
			{STT: "1", Field: "Lĩnh vực lãnh sự", Online: 31, OnTime: 31},
			{STT: "2", Field: "Lĩnh vực HTQT", CarriedOver: 2, OnTime: 2},
		},
	}
	if err := f.Fill(); err != nil {
		panic(err)
	}
	fmt.Println("(3) =", f.Total.Received, "(7) =", f.Total.Resolved, "(11) =", f.Total.Pending)
	// Output: (3) = 33 (7) = 33 (11) = 0
}

// Check a form someone else filled: every finding carries the rule, the
// row and column, expected and actual.
func ExampleII06a_Check() {
	f := &bieu.II06a{Rows: []bieu.II06aRow{
		{STT: "1", Field: "Lĩnh vực hộ tịch", Received: 12, Online: 5, Direct: 5, CarriedOver: 1, Resolved: 11, OnTime: 11},
	}, Total: bieu.II06aRow{Received: 12, Online: 5, Direct: 5, CarriedOver: 1, Resolved: 11, OnTime: 11}}
	findings, err := f.Check(kstt.CheckOptions{})
	if err != nil {
		panic(err)
	}
	for _, x := range findings {
		fmt.Println(x.Severity, x.Rule, x.RowLabel, x.Column, "expected", x.Expected, "actual", x.Actual)
	}
	// Output:
	// error II.06a/R01 Lĩnh vực hộ tịch 3 expected 11 actual 12
	// warning II.06a/R06 Lĩnh vực hộ tịch 3 expected 11 actual 12
	// error II.06a/R01 TỔNG CỘNG 3 expected 11 actual 12
	// warning II.06a/R06 TỔNG CỘNG 3 expected 11 actual 12
}

// Check a whole report: the forms' own rules and the report rules, with a
// rule's severity changed as data.
func ExampleCheck() {
	h := kstt.Header{Unit: "Sở Ngoại vụ", Recipient: "UBND tỉnh", Period: period.Must(period.Quarter(2024, 2))}
	files := &bieu.II06a{Header: h, Rows: []bieu.II06aRow{{STT: "1", Field: "Lĩnh vực lãnh sự", Online: 31, OnTime: 31}}}
	online := &bieu.II08{Header: h, Sections: []bieu.II08Section{{Code: "B", Title: bieu.SectionB,
		Levels: []bieu.II08Level{{Code: "I", Title: bieu.LevelProvince, Rows: []bieu.II08Row{
			{STT: "1", Field: "Lĩnh vực đối ngoại", PartialAssigned: 4, PartialDeployed: 4, Integrated: 1}}}}}}}
	_ = files.Fill()
	_ = online.Fill()
	report := &kstt.Report{Header: h, Forms: []kstt.Form{files, online}}

	opts := kstt.CheckOptions{Rules: map[kstt.RuleID]kstt.RuleOverride{"KSTT/R03": {Severity: kstt.Info}}}
	findings, err := bieu.Check(report, opts)
	if err != nil {
		panic(err)
	}
	for _, f := range findings {
		fmt.Println(f.Severity, f.Rule, f.Expected, f.Actual)
	}
	fmt.Println("errors:", findings.HasErrors())
	// Output:
	// info KSTT/R03 0 31
	// errors: false
}

// Reports travel as JSON with stable field names; DecodeReport gives the
// typed forms back.
func ExampleDecodeReport() {
	h := kstt.Header{Unit: "UBND xã Thạch Hạ", Recipient: "UBND thành phố", Period: period.Must(period.Month(2024, 3))}
	f := &bieu.II06a{Header: h, Rows: []bieu.II06aRow{{STT: "1", Field: "Lĩnh vực chứng thực", Direct: 40, OnTime: 40}}}
	_ = f.Fill()
	data, _ := json.Marshal(kstt.Report{Header: h, Forms: []kstt.Form{f}})
	back, err := bieu.DecodeReport(data)
	if err != nil {
		panic(err)
	}
	g := back.Form("II.06a").(*bieu.II06a)
	fmt.Println(g.Header.Period, "—", g.Rows[0].Field, g.Total.Received)
	b, _ := json.Marshal(g.Rows[0])
	fmt.Println(string(b))
	// Output:
	// Tháng 3 năm 2024 — Lĩnh vực chứng thực 40
	// {"stt":"1","field":"Lĩnh vực chứng thực","received":40,"online":0,"direct":40,"carried_over":0,"resolved":40,"early":0,"on_time":40,"late":0,"pending":0,"pending_on_time":0,"pending_overdue":0}
}

// The rule catalogue is data: list it, or find one rule by ID.
func ExampleRules() {
	rules := bieu.Rules()
	fmt.Println(len(rules) > 40)
	for _, r := range rules[:3] {
		fmt.Printf("%s %s %s\n", r.ID, r.Severity, r.Expr)
	}
	r, _ := bieu.Official().Rule("II.07b/R06")
	fmt.Println(r.ID, r.Expr, r.Inferred)
	// Output:
	// true
	// II.06a/R01 error (3) = (4) + (5) + (6)
	// II.06a/R02 error (7) = (8) + (9) + (10)
	// II.06a/R03 error (11) = (12) + (13)
	// II.07b/R06 Phần I: (7) ≤ (3) true
}

// Decoding is strict: a misspelt field is refused with its JSON path,
// never read as 0; so is a form of more rows than DecodeOptions allow.
func ExampleDecodeReportWith() {
	typo := []byte(`{"header": {"unit": "Sở Tư pháp"}, "forms": [{"code": "II.06a", "form": {"rows": [{"field": "Hộ tịch", "recieved": 55}]}}]}`)
	_, err := bieu.DecodeReportWith(typo, kstt.DecodeOptions{})
	var je *kstt.JSONError
	if errors.As(err, &je) {
		fmt.Println(je.Path, "—", errors.Is(err, kstt.ErrUnknownField))
	}
	rows := []byte(`{"header": {}, "forms": [{"code": "II.06a", "form": {"rows": [{}, {}, {}]}}]}`)
	_, err = bieu.DecodeReportWith(rows, kstt.DecodeOptions{MaxRows: 2})
	fmt.Println(err)
	// Output:
	// /forms/0/form/rows/0/recieved — true
	// kstt: decode report: /forms/0/form/rows: too many rows: more than 2
}
