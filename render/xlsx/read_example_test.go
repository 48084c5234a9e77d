package xlsx_test

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/baocaodinhky/vpcp/render/xlsx"
)

// ReadWorkbook gives each worksheet as a raw grid: values as stored (not as
// displayed), formulas and whether a value was stored with them, merges.
// Package bieu recognises the forms in the grids (see bieu.Read).
func ExampleReadWorkbook() {
	// A workbook made by a program that does not calculate: its formula
	// has no stored value.
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "Biểu số II.06a/VPCP/KSTT")
	f.MergeCell("Sheet1", "A1", "M1")
	f.SetCellValue("Sheet1", "D12", 1234) // displayed "1,234" with a format
	f.SetCellFormula("Sheet1", "C12", "D12+E12+F12")
	var b bytes.Buffer
	f.Write(&b)

	grids, err := xlsx.ReadWorkbook(bytes.NewReader(b.Bytes()), int64(b.Len()), xlsx.ReadOptions{})
	if err != nil {
		panic(err)
	}
	g := grids[0]
	fmt.Println(g.Name, g.Len(), "rows, merged", g.Merges[0])
	fmt.Printf("%s: %q\n", g.Addr(0, 0), g.Cell(0, 0).Text)
	d := g.Cell(11, 3)
	fmt.Printf("%s: %s number=%v\n", g.Addr(11, 3), d.Text, d.IsNum)
	c := g.Cell(11, 2)
	fmt.Printf("%s: =%s value stored=%v\n", g.Addr(11, 2), c.Formula, c.Cached)

	// What is not a workbook fails with a typed error saying what it is.
	_, err = xlsx.ReadWorkbook(bytes.NewReader([]byte("%PDF-1.7")), 8, xlsx.ReadOptions{})
	fmt.Println(errors.Is(err, xlsx.ErrNotXLSX), err)
	// Output:
	// Sheet1 12 rows, merged {0 0 0 12}
	// Sheet1!A1: "Biểu số II.06a/VPCP/KSTT"
	// Sheet1!D12: 1234 number=true
	// Sheet1!C12: =D12+E12+F12 value stored=false
	// true xlsx: read: xlsx: not an XLSX workbook: a PDF document
}

// A workbook is read within a memory budget that follows the file's size;
// a sheet spanning a huge rectangle with almost nothing in it is refused
// at once, saying what was counted.
func ExampleReadOptions_MemoryBudget() {
	fmt.Println(xlsx.ReadOptions{}.MemoryBudget(10<<10)>>20, "MiB for a 10 KiB file")
	fmt.Println(xlsx.ReadOptions{}.MemoryBudget(1<<20)>>20, "MiB for a 1 MiB file")
	fmt.Println(xlsx.ReadOptions{}.MemoryBudget(1<<30)>>20, "MiB at most")

	// One cell in A1 and one in AMJ1 (column 1,024), on 2,000 rows.
	f := excelize.NewFile()
	for r := 1; r <= 2000; r++ {
		f.SetCellValue("Sheet1", fmt.Sprintf("A%d", r), 1)
		f.SetCellValue("Sheet1", fmt.Sprintf("AMJ%d", r), 2)
	}
	var b bytes.Buffer
	f.Write(&b)
	_, err := xlsx.ReadWorkbook(bytes.NewReader(b.Bytes()), int64(b.Len()), xlsx.ReadOptions{MaxMemory: 8 << 20})
	fmt.Println(errors.Is(err, xlsx.ErrOverLimit))
	// Output:
	// 16 MiB for a 10 KiB file
	// 40 MiB for a 1 MiB file
	// 160 MiB at most
	// true
}
