package kstt_test

import (
	"errors"
	"fmt"
	"slices"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/grid"
	"github.com/baocaodinhky/vpcp/kstt/layout"
)

// A 0/0 rate is defined (a level with no procedure has rate 0) and rounding
// is half away from zero, like a spreadsheet's ROUND.
func ExampleRateOf() {
	fmt.Println(kstt.RateOf(1, 3, 2), kstt.RateOf(1, 32, 2), kstt.RateOf(0, 0, 2))
	// Output: 33.33 3.13 0
}

// Check options are data: keep a unit's policy in a JSON file. A misspelt
// rule ID is an error, never silently ignored.
func ExampleParseCheckOptions() {
	rules := bieu.Rules()
	opts, err := kstt.ParseCheckOptions([]byte(`{"rules": {"II.07b/R06": {"severity": "info"}, "KSTT/R03": {"off": true}}}`), rules)
	fmt.Println(opts.Rules["II.07b/R06"].Severity, opts.Rules["KSTT/R03"].Off, err)

	_, err = kstt.ParseCheckOptions([]byte(`{"rules": {"II.07b/R6": {"off": true}}}`), rules)
	fmt.Println(errors.Is(err, kstt.ErrUnknownRule))
	// Output:
	// info true <nil>
	// true
}

// A Checker is built once and reused: checking a clean form allocates
// nothing. Findings become one error for callers who prefer errors.Is/As.
func ExampleNewChecker() {
	f := &bieu.II06a{Rows: []bieu.II06aRow{{STT: "1", Field: "Lĩnh vực hộ tịch", Online: 5, OnTime: 5}}}
	_ = f.Fill()
	f.Total.Online = 6 // a typing error in TỔNG CỘNG

	c, err := kstt.NewChecker(f.Spec(), kstt.CheckOptions{})
	if err != nil {
		panic(err)
	}
	findings, err := c.Check(f) // sorted, like kstt.Check
	if err != nil {
		panic(err)
	}
	err = findings.Err()
	var first kstt.Finding
	fmt.Println(errors.Is(err, kstt.ErrFindings), errors.As(err, &first))
	fmt.Println(first.English())
	// Output:
	// true true
	// error II.06a/R01 II.06a «TỔNG CỘNG» (3): expected 6, actual 5, difference -1 — (3) is 5, but (4)+(5)+(6) = 6 (total column (3) equals the sum of columns (4), (5), (6), as the form prints it)
}

// Layout gives the neutral sheet renderers print: the header block, the
// multi-level header, the column-number row with the printed formulas, and
// the relation of every derived cell.
func ExampleLayout() {
	f := &bieu.II06a{Rows: []bieu.II06aRow{{STT: "1", Field: "Lĩnh vực lãnh sự", Online: 31, OnTime: 31}}}
	_ = f.Fill()
	s := kstt.Layout(f)
	b := s.Blocks[0]
	fmt.Println(s.Code)
	fmt.Println(b.HeadRows, b.Head[2].Text, b.Numbers[2])
	total := b.Rows[len(b.Rows)-1]
	fmt.Println(total.Cells[1].Text, total.Cells[2].Int, total.Cells[2].Rel.Cols, total.Cells[3].Rel.Kind == layout.SumRowsRel)
	// Output:
	// Biểu số II.06a/VPCP/KSTT
	// 3 Số lượng hồ sơ tiếp nhận (3)=(4)+(5)+(6)
	// TỔNG CỘNG 31 [4 5 6] true
}

// A form read from a file knows where each cell came from; the address is
// computed from the grid row and column the reader recorded.
func ExampleOrigin() {
	var o kstt.Origin
	o.SetGrid(&grid.Grid{Name: "II.06a"}, kstt.PartOrigin{
		Part: "",
		Rows: []int32{11, 12},           // printed rows 0 and 1: spreadsheet rows 12 and 13
		Cols: []int32{-1, -1, -1, 3, 4}, // column (3) in D, (4) in E
	})
	fmt.Println(o.CellAddress("", 1, 4), o.CellAddress("", 0, 3), o.CellAddress("", 2, 3) == "")
	// Output:
	// II.06a!E13 II.06a!D12 true
}

// Any JSON a program reads alongside reports can be decoded as strictly
// as reports are: a misspelt key is an error with its path.
func ExampleUnmarshalStrict() {
	var cases struct {
		Cases []struct {
			Unit     string `json:"unit"`
			Received int64  `json:"received"`
		} `json:"cases"`
	}
	err := kstt.UnmarshalStrict([]byte(`{"cases": [{"unit": "Sở Tư pháp", "received": 3}, {"unit": "Sở Y tế", "recieved": 4}]}`), &cases, 0)
	fmt.Println(err)
	err = kstt.UnmarshalStrict([]byte(`{"cases": [{"received": 2.5}]}`), &cases, 0)
	fmt.Println(err)
	// Output:
	// /cases/1/recieved: unknown field
	// /cases/0/received: number out of range or not whole: 2.5
}

// Check is the one call for one form: it runs every rule of the form's
// declaration and returns the findings sorted. A form checked alone names
// no cell (Finding.Cell); bieu.Read's report does.
func ExampleCheck() {
	f := &bieu.II06a{Rows: []bieu.II06aRow{{STT: "1", Field: "Lĩnh vực hộ tịch", Online: 5, Direct: 2, OnTime: 7}}}
	_ = f.Fill()
	f.Rows[0].Direct = -2 // a negative count, and (3) no longer adds up

	findings, err := kstt.Check(f, kstt.CheckOptions{})
	if err != nil {
		panic(err)
	}
	for _, fd := range findings {
		fmt.Printf("%s «%s» (%d): expected %s, actual %s; cell %q\n", fd.Rule, fd.RowLabel, fd.Column, fd.Expected, fd.Actual, fd.Cell)
	}
	// Output:
	// II.06a/R01 «Lĩnh vực hộ tịch» (3): expected 3, actual 7; cell ""
	// II.06a/R05 «Lĩnh vực hộ tịch» (5): expected ≥ 0, actual -2; cell ""
	// II.06a/R04 «TỔNG CỘNG» (5): expected -2, actual 2; cell ""
}

// Fill derives what the form prints as formulas: (3)=(4)+(5)+(6),
// (7)=(8)+(9)+(10), (11)=(12)+(13) in every row, and TỔNG CỘNG as the sum
// of the rows. The inputs are left as they are.
func ExampleFill() {
	f := &bieu.II06a{Rows: []bieu.II06aRow{
		{Field: "Lĩnh vực hộ tịch", Online: 5, Direct: 2, OnTime: 6, PendingOnTime: 1},
		{Field: "Lĩnh vực chứng thực", CarriedOver: 3, Early: 3},
	}}
	if err := kstt.Fill(f); err != nil {
		panic(err)
	}
	for _, r := range f.Rows {
		fmt.Println(r.Field, r.Received, r.Resolved, r.Pending)
	}
	fmt.Println(kstt.TotalLabel, f.Total.Received, f.Total.Resolved, f.Total.Pending)
	// Output:
	// Lĩnh vực hộ tịch 7 6 1
	// Lĩnh vực chứng thực 3 3 0
	// TỔNG CỘNG 10 9 1
}

// MatchRow finds the row of another table that a row corresponds to: the
// same lĩnh vực however it is spelt (case, spacing, NFC), or TỔNG CỘNG.
func ExampleMatchRow() {
	f := &bieu.II06a{Rows: []bieu.II06aRow{{Field: "Lĩnh vực Hộ tịch"}, {Field: "Lĩnh vực chứng thực"}}}
	_ = f.Fill()
	t := f.Table(0)
	fmt.Println(kstt.MatchRow(t, kstt.RowMeta{Kind: layout.DataRow, Label: "lĩnh vực  hộ tịch"}))
	fmt.Println(kstt.MatchRow(t, kstt.RowMeta{Kind: layout.TotalRow, Label: kstt.TotalLabel}))
	fmt.Println(kstt.MatchRow(t, kstt.RowMeta{Kind: layout.DataRow, Label: "Lĩnh vực đất đai"}))
	// Output:
	// 0
	// 2
	// -1
}

// ParseSeverity reads the severities of a policy file, in English or as
// the Vietnamese reports print them.
func ExampleParseSeverity() {
	for _, text := range []string{"warning", "lỗi", "loud"} {
		if s, err := kstt.ParseSeverity(text); err != nil {
			fmt.Println(err)
		} else {
			fmt.Println(s)
		}
	}
	// Output:
	// warning
	// error
	// kstt: invalid severity: "loud" (want error, warning or info)
}

// Compare is the order Check returns findings in; use it with
// slices.SortFunc to order findings gathered from many units or forms.
func ExampleCompare() {
	fs := kstt.Findings{
		{Rule: "II.06a/R04", Form: "II.06a", Row: 2, Column: 5},
		{Rule: "KSTT/R02", Row: -1},
		{Rule: "II.06a/R01", Form: "II.06a", Row: 0, Column: 3},
		{Rule: "II.06a/R01", Form: "II.06a", Unit: "Sở Tư pháp", Row: 0, Column: 3},
	}
	slices.SortFunc(fs, kstt.Compare)
	for _, f := range fs {
		fmt.Printf("%q %s row %d (%d) %s\n", f.Unit, f.Form, f.Row, f.Column, f.Rule)
	}
	// Output:
	// ""  row -1 (0) KSTT/R02
	// "" II.06a row 0 (3) II.06a/R01
	// "" II.06a row 2 (5) II.06a/R04
	// "Sở Tư pháp" II.06a row 0 (3) II.06a/R01
}
