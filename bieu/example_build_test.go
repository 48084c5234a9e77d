package bieu_test

import (
	"errors"
	"fmt"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/period"
)

// A report built with its header given once: the forms take it, Fill
// numbers the STT column, and II.08's section and level rows come from
// the codes.
func ExampleII08_Add() {
	q3, _ := period.Parse("Quý III năm 2024")
	files := &bieu.II06a{Rows: []bieu.II06aRow{{Field: "Lĩnh vực lãnh sự", Online: 12, OnTime: 12}}}
	online := (&bieu.II08{}).
		Add(bieu.SectionCodeB, bieu.ProvinceLevel, bieu.II08Row{Field: "Lĩnh vực lãnh sự", PartialAssigned: 4, PartialDeployed: 4, PartialFiles: 12}).
		Add(bieu.SectionCodeA, bieu.ProvinceLevel, bieu.II08Row{Field: "Lĩnh vực hộ chiếu", FullAssigned: 1, FullDeployed: 1, Integrated: 1})
	report := kstt.NewReport(kstt.Header{Unit: "Sở Ngoại vụ", Recipient: "UBND tỉnh", Period: q3}, files, online)
	_ = files.Fill()
	_ = online.Fill()
	findings, _ := bieu.Check(report, kstt.CheckOptions{})
	fmt.Println(online.Header.Unit, "|", online.Header.Period)
	for _, s := range online.Sections {
		fmt.Println(s.Code, s.Title, "›", s.Levels[0].Code, s.Levels[0].Title, "›", s.Levels[0].Rows[0].STT, s.Levels[0].Rows[0].Field)
	}
	fmt.Println(files.Rows[0].STT, len(findings.AtLeast(kstt.Warning)))
	// Output:
	// Sở Ngoại vụ | Quý III năm 2024
	// A DVCTT THEO QUYẾT ĐỊNH CỦA THỦ TƯỚNG CHÍNH PHỦ › I CẤP TỈNH › 1 Lĩnh vực hộ chiếu
	// B DVCTT DO CƠ QUAN, UBND TỈNH CHỦ ĐỘNG TRIỂN KHAI › I CẤP TỈNH › 2 Lĩnh vực lãnh sự
	// 1 0
}

// A test matches a finding by its rule with errors.Is and reads its numbers;
// a misspelt rule ID does not compile as a constant, and is an error as text.
func ExampleByRule() {
	f := &bieu.II06a{Rows: []bieu.II06aRow{{Field: "Lĩnh vực lãnh sự", Online: 12, OnTime: 12}}}
	_ = f.Fill()
	f.Rows[0].Received++ // (3) no longer equals (4)+(5)+(6)
	findings, _ := f.Check(kstt.CheckOptions{})
	err := findings.Err()
	fmt.Println(errors.Is(err, bieu.RuleII06aR01), errors.Is(err, bieu.RuleII06aR02))
	var x kstt.Finding
	if errors.As(err, &x) {
		d, _ := x.DifferenceValue()
		fmt.Println(x.Rule, x.Location().Row, x.Location().Column, d.IntPart())
	}
	hits, _ := bieu.ByRule(findings, bieu.RuleII06aR01)
	fmt.Println(len(hits))
	_, bad := bieu.ByRule(findings, "II.06a/R1")
	fmt.Println(errors.Is(bad, kstt.ErrUnknownRule))
	// Output:
	// true false
	// II.06a/R01 0 3 1
	// 1
	// true
}

// Checking a form that holds only its inputs gives one finding that says
// to call Fill, not one per broken formula and total.
func ExampleII06a_Check_withoutFill() {
	f := &bieu.II06a{Rows: []bieu.II06aRow{{STT: "1", Field: "Lĩnh vực lãnh sự", Online: 12, OnTime: 12}}}
	findings, _ := f.Check(kstt.CheckOptions{})
	for _, x := range findings {
		fmt.Println(x.English())
	}
	// Output:
	// error II.06a/R01 II.06a — every derived cell ((3), (7), (11), the TỔNG CỘNG row) is 0 while the inputs are not: the form was not filled — call Fill before Check (4 formula and total findings folded into this one)
}
