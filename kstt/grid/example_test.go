package grid_test

import (
	"fmt"

	"github.com/baocaodinhky/vpcp/kstt/grid"
)

// A reader builds a grid row by row with AppendRow, which stores each row
// compactly; Len, Row and Cell read it back, and Addr names a cell as a
// person finds it in the workbook.
func ExampleGrid_AppendRow() {
	g := &grid.Grid{Name: "II.06a"}
	g.AppendRow([]grid.Cell{{Text: "STT"}, {Text: "Lĩnh vực giải quyết"}, {Text: "Tổng số"}})
	g.AppendRow(nil) // an empty row
	g.AppendRow([]grid.Cell{{Text: "1"}, {Text: "Hộ tịch"}, {Text: "62", IsNum: true, Formula: "D3+E3+F3", Cached: true}})
	fmt.Println(g.Len(), "rows; row 2 has", len(g.Row(1)), "cells; widest", g.Width())
	c := g.Cell(2, 2)
	n, _ := c.Int()
	fmt.Println(g.Addr(2, 2), n, "="+c.Formula)
	// Output:
	// 3 rows; row 2 has 0 cells; widest 3
	// II.06a!C3 62 =D3+E3+F3
}

// ParseCount reads a count as people type it in a form cell; anything
// that is not a whole count is refused rather than guessed.
func ExampleParseCount() {
	for _, s := range []string{"1.234", "1 234", "02", "-3", "1,5", "12a"} {
		n, ok := grid.ParseCount(s)
		fmt.Println(s, n, ok)
	}
	// Output:
	// 1.234 1234 true
	// 1 234 1234 true
	// 02 2 true
	// -3 -3 true
	// 1,5 0 false
	// 12a 0 false
}

// ParseDecimal reads a rate as people type it: a decimal point or comma,
// thousands grouped, a percent sign.
func ExampleParseDecimal() {
	for _, s := range []string{"33.33", "33,33", "1.234,5", "25%", "x"} {
		d, ok := grid.ParseDecimal(s)
		fmt.Println(s, d, ok)
	}
	// Output:
	// 33.33 33.33 true
	// 33,33 33.33 true
	// 1.234,5 1234.5 true
	// 25% 25 true
	// x 0 false
}

// CellName names a 0-based cell as a spreadsheet does.
func ExampleCellName() {
	fmt.Println(grid.CellName(0, 0), grid.CellName(11, 3), grid.CellName(2, 26), grid.CellName(-1, 0) == "")
	// Output:
	// A1 D12 AA3 true
}
