package kstt_test

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/period"
)

// sampleReport is a Quý II năm 2024 report of Sở Tư pháp whose II.06a
// TỔNG CỘNG (3) was typed one too high.
func sampleReport() *kstt.Report {
	f := &bieu.II06a{Rows: []bieu.II06aRow{
		{Field: "Lĩnh vực hộ tịch", Online: 5, Direct: 2, OnTime: 7},
		{Field: "Lĩnh vực chứng thực", Direct: 3, OnTime: 3},
	}}
	r := kstt.NewReport(kstt.Header{Unit: "Sở Tư pháp", Recipient: "Văn phòng UBND tỉnh", Period: period.Must(period.Quarter(2024, 2))}, f)
	if err := r.Fill(); err != nil {
		panic(err)
	}
	f.Total.Received++
	return r
}

// DecodeReportWith reads a report's JSON strictly: a misspelt key is an
// error naming its JSON pointer, never a silent 0, and MaxRows bounds every
// array before anything is decoded.
func ExampleCatalogue_DecodeReportWith() {
	data, err := sampleReport().MarshalJSON()
	if err != nil {
		panic(err)
	}
	cat := bieu.Official()
	r, err := cat.DecodeReport(data)
	fmt.Println(r.Header.Unit, r.Header.Period, len(r.Forms), err)

	typo := bytes.Replace(data, []byte(`"online"`), []byte(`"onlin"`), 1)
	_, err = cat.DecodeReport(typo)
	fmt.Println(errors.Is(err, kstt.ErrUnknownField), err)

	_, err = cat.DecodeReportWith(data, kstt.DecodeOptions{MaxRows: 1})
	fmt.Println(errors.Is(err, kstt.ErrTooManyRows))
	// Output:
	// Sở Tư pháp Quý II năm 2024 1 <nil>
	// true kstt: decode report: /forms/0/form/rows/0/onlin: unknown field
	// true
}

// ByRule selects findings by rule ID; a misspelt ID is an error, never an
// empty selection.
func ExampleCatalogue_ByRule() {
	cat := bieu.Official()
	fs, err := cat.Check(sampleReport(), kstt.CheckOptions{})
	if err != nil {
		panic(err)
	}
	sel, err := cat.ByRule(fs, bieu.RuleII06aR01, "II.06a/R03")
	fmt.Println(len(fs), len(sel), err)
	_, err = cat.ByRule(fs, "II.06a/R1")
	fmt.Println(errors.Is(err, kstt.ErrUnknownRule))
	// Output:
	// 3 1 <nil>
	// true
}

// ByForm, Filter and Sort slice a report's findings without changing them.
func ExampleFindings_Filter() {
	fs, err := bieu.Check(sampleReport(), kstt.CheckOptions{})
	if err != nil {
		panic(err)
	}
	for _, f := range fs.ByForm("II.06a").Filter(func(f kstt.Finding) bool { return f.Column == 3 }).Sort() {
		fmt.Println(f.Rule, f.Severity, f.Where())
	}
	fmt.Println(len(fs.ByForm("")), "report-level")
	// Output:
	// II.06a/R01 error II.06a «TỔNG CỘNG» (3)
	// II.06a/R04 error II.06a «TỔNG CỘNG» (3)
	// II.06a/R06 warning II.06a «TỔNG CỘNG» (3)
	// 0 report-level
}

// ExpectedValue and ActualValue give a finding's numbers back as decimals,
// for a program that computes with them; Where is the short location.
func ExampleFinding_ExpectedValue() {
	fs, err := bieu.Check(sampleReport(), kstt.CheckOptions{})
	if err != nil {
		panic(err)
	}
	f := fs[0]
	e, okE := f.ExpectedValue()
	a, okA := f.ActualValue()
	fmt.Println(f.Where())
	fmt.Println(e, okE, a, okA, a.Sub(e))
	_, ok := kstt.Finding{Expected: "Quý II năm 2024"}.ExpectedValue()
	fmt.Println(ok)
	// Output:
	// II.06a «TỔNG CỘNG» (3)
	// 10 true 11 true 1
	// false
}

// Validate rejects a policy whose rule ID is misspelt before any check
// runs, so an override never silently changes nothing.
func ExampleCheckOptions_Validate() {
	rules := bieu.Rules()
	ok := kstt.CheckOptions{Rules: map[kstt.RuleID]kstt.RuleOverride{bieu.RuleII06aR01: {Severity: kstt.Warning}}}
	bad := kstt.CheckOptions{Rules: map[kstt.RuleID]kstt.RuleOverride{"II.06a/R99": {Off: true}}}
	fmt.Println(ok.Validate(rules))
	err := bad.Validate(rules)
	fmt.Println(errors.Is(err, kstt.ErrUnknownRule), err)
	// Output:
	// <nil>
	// true kstt: check options: unknown rule: "II.06a/R99"
}

// Severity names the grade of a finding as an official reads it.
func ExampleSeverity_Vietnamese() {
	for _, s := range []kstt.Severity{kstt.Info, kstt.Warning, kstt.Error, 0} {
		fmt.Printf("%d %v %q %s\n", s, s.Valid(), s.Vietnamese(), s)
	}
	// Output:
	// 1 true "Thông tin" info
	// 2 true "Cảnh báo" warning
	// 3 true "Lỗi" error
	// 0 false "severity(0)" severity(0)
}

// A declaration is shared: Clone it before changing it. Part, Column,
// MaxNum and Rule look up the official columns and rules by number and ID.
func ExampleFormSpec_Clone() {
	spec := bieu.Official().Spec("II.06a")
	fmt.Println(spec.FullCode())
	p := spec.Part("")
	c := p.Column(4)
	fmt.Println(spec.PartIndex(""), p.MaxNum(), c.Num, c.Key, c.Label, c.Groups)
	r := spec.Rule(bieu.RuleII06aR01)
	fmt.Println(r.Expr, "|", r.Severity)
	fmt.Println(spec.Part("II") == nil, spec.PartIndex("II"), p.Column(99) == nil, spec.Rule("II.06a/R99") == nil)

	local := spec.Clone()
	local.Printed = "Biểu số 06a/STP"
	fmt.Println(local.FullCode(), "|", spec.FullCode(), "|", local.Validate())
	// Output:
	// Biểu số II.06a/VPCP/KSTT
	// 0 13 4 online Trực tuyến [Số lượng hồ sơ tiếp nhận Trong kỳ]
	// (3) = (4) + (5) + (6) | error
	// true -1 true true
	// Biểu số 06a/STP | Biểu số II.06a/VPCP/KSTT | <nil>
}

// Inherit fills the fields a form's header leaves empty from the report's;
// Normalize folds spaces and puts names in NFC, as a reader compares them.
func ExampleHeader_Inherit() {
	report := kstt.Header{Unit: "Sở Tư pháp", Recipient: "Văn phòng UBND tỉnh", Period: period.Must(period.Quarter(2024, 2))}
	form := kstt.Header{Unit: "Sở  Tư   pháp "}
	h := form.Inherit(report)
	fmt.Printf("%q | %s | %s\n", h.Unit, h.Recipient, h.Period)
	fmt.Printf("%q %v\n", h.Normalize().Unit, h.Normalize().Unit == report.Unit)
	// Output:
	// "Sở  Tư   pháp " | Văn phòng UBND tỉnh | Quý II năm 2024
	// "Sở Tư pháp" true
}

// Sheets lays out every form of a report, in report order: one worksheet
// per annexed form.
func ExampleReport_Sheets() {
	r := kstt.NewReport(kstt.Header{Unit: "Sở Tư pháp", Period: period.Must(period.Quarter(2024, 2))}, &bieu.II06a{}, &bieu.II07b{})
	if err := r.Fill(); err != nil {
		panic(err)
	}
	for _, s := range r.Sheets() {
		fmt.Println(s.Code, len(s.Blocks))
	}
	// Output:
	// Biểu số II.06a/VPCP/KSTT 1
	// Biểu số II.07b/VPCP/KSTT 2
}

// The official catalogue validates, lists its rules and writes them as the
// Markdown page bieu/RULES.md is generated from.
func ExampleCatalogue_WriteMarkdown() {
	cat := bieu.Official()
	fmt.Println(cat.Validate(), len(cat.Rules()) > 0, len(cat.Forms))
	var b strings.Builder
	if err := cat.WriteMarkdown(&b); err != nil {
		panic(err)
	}
	sc := bufio.NewScanner(strings.NewReader(b.String()))
	for i := 0; i < 3 && sc.Scan(); i++ {
		fmt.Println(sc.Text())
	}
	// Output:
	// <nil> true 4
	// # Rule catalogue
	//
	// Generated by `go generate ./bieu` from the declarations in package bieu; do not edit by hand.
}

// A reader of one's own (here of a CSV export) records where each cell
// came from with SetCellAddress; the findings of Catalogue.Check then name
// the cell, and Location splits the address into fields.
func ExampleOrigin_SetCellAddress() {
	r := sampleReport() // TỔNG CỘNG (3) typed one too high
	var o kstt.Origin
	o.SetCellAddress("", 2, 3, "bao-cao.csv:L4:C3") // printed row 2 is TỔNG CỘNG
	r.Origins = []*kstt.Origin{&o}
	fs, err := bieu.Official().Check(r, kstt.CheckOptions{})
	if err != nil {
		panic(err)
	}
	f := fs[0]
	loc := f.Location()
	fmt.Println(f.Rule, f.Cell, "|", loc.File, loc.Line, loc.Field)
	fmt.Println(r.CellAddress("II.06a", "", 2, 3), r.CellAddress("II.06a", "", 0, 3) == "")
	// Output:
	// II.06a/R01 bao-cao.csv:L4:C3 | bao-cao.csv 4 3
	// bao-cao.csv:L4:C3 true
}
