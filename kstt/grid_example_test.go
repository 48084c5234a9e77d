package kstt_test

import (
	"fmt"

	"github.com/baocaodinhky/vpcp/kstt"
)

// A reader builds a grid row by row with AppendRow, which stores each row
// compactly; Len, Row and Cell read it back, and Addr names a cell as a
// person finds it in the workbook.
func ExampleGrid_AppendRow() {
	g := &kstt.Grid{Name: "II.06a"}
	g.AppendRow([]kstt.GridCell{{Text: "STT"}, {Text: "Lĩnh vực giải quyết"}, {Text: "Tổng số"}})
	g.AppendRow(nil) // an empty row
	g.AppendRow([]kstt.GridCell{{Text: "1"}, {Text: "Hộ tịch"}, {Text: "62", IsNum: true, Formula: "D3+E3+F3", Cached: true}})
	fmt.Println(g.Len(), "rows; row 2 has", len(g.Row(1)), "cells; widest", g.Width())
	c := g.Cell(2, 2)
	n, _ := c.Int()
	fmt.Println(g.Addr(2, 2), n, "="+c.Formula)
	// Output:
	// 3 rows; row 2 has 0 cells; widest 3
	// II.06a!C3 62 =D3+E3+F3
}
