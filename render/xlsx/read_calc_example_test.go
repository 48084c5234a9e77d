package xlsx_test

import (
	"bytes"
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/baocaodinhky/vpcp/render/xlsx"
)

// A formula saved without its value is evaluated from the workbook's own
// formula, within the read's bounds; one the calculator refuses (here a
// volatile function, and a formula reaching its own cell) is left without
// a value, and package bieu reports such a cell (READ/R02, READ/R03).
func ExampleReadWorkbook_formulas() {
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "C12", 7)
	f.SetCellValue("Sheet1", "C13", 5)
	f.SetCellFormula("Sheet1", "C14", "SUM(C12:C13)") // TỔNG CỘNG
	f.SetCellFormula("Sheet1", "D14", "ROUND(C12/C14*100,2)")
	f.SetCellFormula("Sheet1", "E14", "NOW()")
	f.SetCellFormula("Sheet1", "F14", "F14+1")
	var b bytes.Buffer
	f.Write(&b)

	grids, err := xlsx.ReadWorkbook(bytes.NewReader(b.Bytes()), int64(b.Len()), xlsx.ReadOptions{})
	if err != nil {
		panic(err)
	}
	g := grids[0]
	for c := 2; c <= 5; c++ {
		cell := g.Cell(13, c)
		fmt.Printf("%s =%s: %q stored=%v\n", g.Addr(13, c), cell.Formula, cell.Text, cell.Cached)
	}
	// Output:
	// Sheet1!C14 =SUM(C12:C13): "12" stored=false
	// Sheet1!D14 =ROUND(C12/C14*100,2): "58.33" stored=false
	// Sheet1!E14 =NOW(): "" stored=false
	// Sheet1!F14 =F14+1: "" stored=false
}
