package bieu_test

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/period"
	"github.com/shopspring/decimal"
)

// GuessLevel tells a unit's level from its name, however it is typed;
// a name it cannot place is LevelUnknown. Code is the Roman numeral of the
// level row.
func ExampleGuessLevel() {
	for _, unit := range []string{
		"Sở Tư pháp",
		"Ủy ban nhân dân huyện Kỳ Anh",
		"UBND phường Bắc Hà",
		"Xã Kỳ Tân",
		"Trung tâm Phục vụ hành chính công",
	} {
		l := bieu.GuessLevel(unit)
		fmt.Printf("%s: %q %q\n", unit, l.Code(), l)
	}
	// Output:
	// Sở Tư pháp: "I" "CẤP TỈNH"
	// Ủy ban nhân dân huyện Kỳ Anh: "II" "CẤP HUYỆN"
	// UBND phường Bắc Hà: "III" "CẤP XÃ"
	// Xã Kỳ Tân: "III" "CẤP XÃ"
	// Trung tâm Phục vụ hành chính công: "" ""
}

// GuessLevelAt knows that no cấp huyện reports for a period that starts on
// or after 1/7/2025: Quý III năm 2025 starts on 15/6/2025 and still has
// district days, Quý IV năm 2025 does not.
func ExampleGuessLevelAt() {
	for _, p := range []period.Period{
		period.Must(period.Quarter(2025, 3)),
		period.Must(period.Quarter(2025, 4)),
	} {
		fmt.Println(p, p.Start().Vietnamese(), bieu.GuessLevelAt("UBND huyện Kỳ Anh", p) == bieu.DistrictLevel)
	}
	// Output:
	// Quý III năm 2025 15/6/2025 true
	// Quý IV năm 2025 15/9/2025 false
}

// Notice is the Info finding a report gets when the edition applied to it
// does not cover its period.
func ExampleNotice() {
	q := period.Must(period.Quarter(2026, 2))
	ed, covered := bieu.DefaultEditions().For(q)
	f := bieu.Notice(q, ed)
	fmt.Println(covered, f.Rule, f.Severity, f.Actual)
	msg, _, _ := strings.Cut(f.Message, ";")
	fmt.Println(msg)
	// Output:
	// false KSTT/R40 info Thông tư 01/2020/TT-VPCP
	// kỳ Quý II năm 2026 (Từ ngày 15/3/2026 đến ngày 14/6/2026) không thuộc phiên bản mẫu biểu nào đã biết
}

// DefaultEditions knows Thông tư 01/2020/TT-VPCP; Rules lists every rule
// its catalogue runs, plus the edition notice KSTT/R40.
func ExampleDefaultEditions() {
	eds := bieu.DefaultEditions()
	for _, ed := range eds.List() {
		fmt.Println(ed.Name, ed.ValidFrom.Vietnamese(), ed.ValidTo.Vietnamese())
	}
	fmt.Println(len(eds.Rules()) == len(bieu.Rules()))
	_, covered := eds.For(period.Must(period.Quarter(2024, 2)))
	fmt.Println(covered)
	// Output:
	// Thông tư 01/2020/TT-VPCP 15/12/2020 14/2/2026
	// true
	// true
}

// ReadRules are what Read reports when it had to interpret a cell or a
// header; a ReadOptions policy can switch them off like any rule.
func ExampleReadRules() {
	for _, r := range bieu.ReadRules()[:3] {
		fmt.Println(r.ID, r.Severity, r.MeaningEN)
	}
	// Output:
	// READ/R01 info a blank number cell is read as 0
	// READ/R02 info a formula cell without a stored value is computed with the form's own rule (printed formula, TỔNG CỘNG, rate)
	// READ/R03 warning a formula cell without a stored value in a column no rule derives is read as 0; open the file in a spreadsheet, recalculate and save
}

// WriteRulesMarkdown writes RULES.md: the official catalogue, then the
// reader's rules. Here only its heading and size.
func ExampleWriteRulesMarkdown() {
	var b strings.Builder
	if err := bieu.WriteRulesMarkdown(&b); err != nil {
		panic(err)
	}
	text := b.String()
	fmt.Println(strings.SplitN(text, "\n", 2)[0])
	fmt.Println(strings.Contains(text, "II.06a/R01"), strings.Contains(text, "READ/R01"))
	// Output:
	// # Rule catalogue
	// true true
}

// WriteDeclarationsMarkdown writes DECLARATIONS.md: the declaration
// language's reference, then Biểu II.06a declared in it.
func ExampleWriteDeclarationsMarkdown() {
	var b strings.Builder
	if err := bieu.WriteDeclarationsMarkdown(&b); err != nil {
		panic(err)
	}
	fmt.Println(strings.SplitN(b.String(), "\n", 2)[0])
	fmt.Println(strings.Contains(b.String(), "Trực tuyến"))
	// Output:
	// # Form declarations
	// true
}

// WriteRuleIDs writes the Go source of rule_ids.go, one constant per rule.
func ExampleWriteRuleIDs() {
	var b strings.Builder
	if err := bieu.WriteRuleIDs(&b); err != nil {
		panic(err)
	}
	sc := bufio.NewScanner(strings.NewReader(b.String()))
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); strings.HasPrefix(line, "RuleII06aR01 ") {
			fmt.Println(line)
		}
	}
	// Output:
	// RuleII06aR01 kstt.RuleID = "II.06a/R01"
}

// II.06b groups II.06a rows by level: Add creates the level rows in the
// printed order (I CẤP TỈNH before III CẤP XÃ) whatever the order of the
// calls. A lĩnh vực twice in one level is KSTT/R45.
func ExampleII06b_Add() {
	f := &bieu.II06b{}
	f.Add(bieu.CommuneLevel, bieu.II06aRow{Field: "Hộ tịch", Direct: 4, OnTime: 4}).
		Add(bieu.ProvinceLevel, bieu.II06aRow{Field: "Lĩnh vực hộ tịch", Online: 10, OnTime: 9, Late: 1}).
		Add(bieu.CommuneLevel, bieu.II06aRow{Field: "hộ tịch", Direct: 1, OnTime: 1})
	if err := f.Fill(); err != nil {
		panic(err)
	}
	for _, l := range f.Levels {
		for _, r := range l.Rows {
			fmt.Println(l.Code, l.Title, r.STT, r.Field, r.Received)
		}
	}
	fmt.Println(kstt.TotalLabel, f.Total.Received, f.Total.Late)
	fs, err := f.Check(kstt.CheckOptions{})
	if err != nil {
		panic(err)
	}
	for _, fd := range fs {
		fmt.Println(fd.Rule, fd.Severity, fd.Group, fd.RowLabel)
	}
	// Output:
	// I CẤP TỈNH 1 Lĩnh vực hộ tịch 10
	// III CẤP XÃ 2 Hộ tịch 4
	// III CẤP XÃ 3 hộ tịch 1
	// TỔNG CỘNG 15 1
	// KSTT/R45 warning CẤP XÃ hộ tịch
}

// Title gives the title column (2) prints for a section of Biểu II.08.
func ExampleII08SectionCode_Title() {
	for _, c := range []bieu.II08SectionCode{bieu.SectionCodeA, bieu.SectionCodeB, "C"} {
		fmt.Printf("%s %q\n", c, c.Title())
	}
	// Output:
	// A "DVCTT THEO QUYẾT ĐỊNH CỦA THỦ TƯỚNG CHÍNH PHỦ"
	// B "DVCTT DO CƠ QUAN, UBND TỈNH CHỦ ĐỘNG TRIỂN KHAI"
	// C ""
}

// Aggregate.Check checks every unit's report, tagging its findings with the
// unit, then the aggregate's own forms (Unit ""), where a unit's error stays
// visible; Report gives the aggregate as a report of the unit rolling up.
func ExampleAggregate_Check() {
	q2 := period.Must(period.Quarter(2024, 2))
	unit := func(name string, row bieu.II06aRow) *kstt.Report {
		f := &bieu.II06a{Rows: []bieu.II06aRow{row}}
		r := kstt.NewReport(kstt.Header{Unit: name, Recipient: "UBND tỉnh Hà Tĩnh", Period: q2}, f)
		if err := r.Fill(); err != nil {
			panic(err)
		}
		return r
	}
	bad := unit("UBND xã Kỳ Tân", bieu.II06aRow{Field: "Hộ tịch", Direct: 3, OnTime: 3})
	bad.Forms[0].(*bieu.II06a).Rows[0].Received = 4 // (3) ≠ (4)+(5)+(6)
	agg, err := bieu.Rollup([]*kstt.Report{
		unit("Sở Tư pháp", bieu.II06aRow{Field: "Lĩnh vực hộ tịch", Online: 10, OnTime: 10}),
		bad,
	}, bieu.RollupOptions{Recipient: "Văn phòng Chính phủ"})
	if err != nil {
		panic(err)
	}
	fs, err := agg.Check(kstt.CheckOptions{})
	if err != nil {
		panic(err)
	}
	for _, f := range fs.AtLeast(kstt.Error) {
		fmt.Printf("%q %s %s «%s» (%d)\n", f.Unit, f.Rule, f.Form, f.RowLabel, f.Column)
	}
	r := agg.Report()
	fmt.Println(r.Header.Unit, "|", r.Header.Period, "|", len(r.Forms), r.Forms[0].Spec().Code, r.Forms[1].Spec().Code)
	// Output:
	// "" II.06a/R01 II.06a «Lĩnh vực hộ tịch» (3)
	// "" II.06a/R01 II.06a «TỔNG CỘNG» (3)
	// "" II.06b/R01 II.06b «Hộ tịch» (3)
	// "" II.06b/R01 II.06b «TỔNG CỘNG» (3)
	// "UBND xã Kỳ Tân" II.06a/R01 II.06a «Hộ tịch» (3)
	// "UBND xã Kỳ Tân" II.06a/R04 II.06a «TỔNG CỘNG» (3)
	// UBND tỉnh Hà Tĩnh | Quý II năm 2024 | 2 II.06a II.06b
}

// II.07b Part II is checked against Part I in the row of the same lĩnh
// vực: a "4 tại chỗ" count above the procedures at the province's one-stop
// desk (8) is a warning. A rate typed by hand must be (3) ÷ Phần I (8) × 100
// rounded to 2 decimals, or to the decimals it shows: 33.3 for 1/3 passes,
// 30 does not.
func ExampleII07b_Check() {
	f := &bieu.II07b{
		PartI: bieu.II07bPartI{Rows: []bieu.II07bDeskRow{
			{Field: "Lĩnh vực hộ tịch", CompetentProvince: 6, OneStopProvince: 4, ProcessProvince: 4},
			{Field: "Lĩnh vực chứng thực", CompetentProvince: 3, OneStopProvince: 3, ProcessProvince: 3},
		}},
		PartII: bieu.II07bPartII{Rows: []bieu.II07bOnSpotRow{
			{Field: "Lĩnh vực hộ tịch", Province: 5},
			{Field: "Lĩnh vực chứng thực", Province: 1},
		}},
	}
	if err := f.Fill(); err != nil {
		panic(err)
	}
	fmt.Println(f.PartII.Rows[0].ProvinceRate, f.PartII.Rows[1].ProvinceRate, f.PartII.Total.ProvinceRate)
	for _, typed := range []string{"33.3", "30"} {
		f.PartII.Rows[1].ProvinceRate = decimal.RequireFromString(typed)
		fs, err := f.Check(kstt.CheckOptions{})
		if err != nil {
			panic(err)
		}
		fmt.Println(typed + ":")
		for _, fd := range fs {
			fmt.Println(fd.Rule, fd.Severity, "Phần", fd.Part, fd.RowLabel, fd.Column, fd.Expected, fd.Actual)
		}
	}
	// Output:
	// 125 33.33 85.71
	// 33.3:
	// II.07b/R18 warning Phần II Lĩnh vực hộ tịch 3 ≤ 4 5
	// 30:
	// II.07b/R18 warning Phần II Lĩnh vực hộ tịch 3 ≤ 4 5
	// II.07b/R16 warning Phần II Lĩnh vực chứng thực 4 33.33 30
}

// Column (9) of II.08, integration with the national portal, holds 1 or 0
// only; services deployed above those assigned are a warning.
func ExampleII08_Check() {
	f := (&bieu.II08{}).
		Add(bieu.SectionCodeB, bieu.ProvinceLevel, bieu.II08Row{Field: "Lĩnh vực hộ tịch", FullAssigned: 3, FullDeployed: 3, FullFiles: 120, Integrated: 1}).
		Add(bieu.SectionCodeB, bieu.CommuneLevel, bieu.II08Row{Field: "Lĩnh vực chứng thực", PartialAssigned: 2, PartialDeployed: 3, PartialFiles: 8, Integrated: 2})
	if err := f.Fill(); err != nil {
		panic(err)
	}
	fs, err := f.Check(kstt.CheckOptions{})
	if err != nil {
		panic(err)
	}
	for _, fd := range fs {
		fmt.Println(fd.Rule, fd.Severity, fd.Group, fd.RowLabel, fd.Column, fd.Expected, fd.Actual)
	}
	// Output:
	// II.08/R01 warning CẤP XÃ Lĩnh vực chứng thực 4 ≤ 2 3
	// II.08/R03 error CẤP XÃ Lĩnh vực chứng thực 9 0 hoặc 1 2
}
