package xlsx_test

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/xuri/excelize/v2"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/render/xlsx"
)

// exampleSheet is a small sheet built by hand: two lĩnh vực and TỔNG
// CỘNG, column (3) = (4) + (5). Sheets usually come from kstt.Layout (a
// form's Sheet method), which fills in the relations the same way.
func exampleSheet() *layout.Sheet {
	count := func(n int64) layout.Cell { return layout.Cell{Kind: layout.IntCell, Int: n} }
	text := func(s string) layout.Cell { return layout.Cell{Kind: layout.TextCell, Text: s} }
	sum := func(n int64) layout.Cell { // (3) = (4) + (5)
		return layout.Cell{Kind: layout.IntCell, Int: n, Rel: &layout.Relation{Kind: layout.SumColumnsRel, Cols: []int{4, 5}}}
	}
	total := func(n int64) layout.Cell { // the sum of data rows 0 and 1
		return layout.Cell{Kind: layout.IntCell, Int: n, Rel: &layout.Relation{Kind: layout.SumRowsRel, Rows: []int{0, 1}}}
	}
	return &layout.Sheet{
		Name:    "II.06a",
		Code:    "Biểu số II.06a/VPCP/KSTT",
		Title:   "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
		Unit:    "Đơn vị báo cáo: Sở Ngoại vụ",
		Measure: "Đơn vị tính: Số hồ sơ TTHC",
		Blocks: []layout.Block{{
			Columns: []layout.Column{
				{Num: 1, Kind: layout.TextColumn, Width: 5}, {Num: 2, Kind: layout.TextColumn, Width: 28},
				{Num: 3, Kind: layout.CountColumn}, {Num: 4, Kind: layout.CountColumn}, {Num: 5, Kind: layout.CountColumn},
			},
			HeadRows: 2,
			Head: []layout.HeadCell{
				{Text: "STT", RowSpan: 2, ColSpan: 1},
				{Text: "Lĩnh vực giải quyết", Col: 1, RowSpan: 2, ColSpan: 1},
				{Text: "Số lượng hồ sơ tiếp nhận", Col: 2, RowSpan: 1, ColSpan: 3},
				{Text: "Tổng số", Row: 1, Col: 2, RowSpan: 1, ColSpan: 1},
				{Text: "Trực tuyến", Row: 1, Col: 3, RowSpan: 1, ColSpan: 1},
				{Text: "Trực tiếp", Row: 1, Col: 4, RowSpan: 1, ColSpan: 1},
			},
			Numbers: []string{"(1)", "(2)", "(3)=(4)+(5)", "(4)", "(5)"},
			Rows: []layout.Row{
				{Kind: layout.DataRow, Cells: []layout.Cell{text("1"), text("Lĩnh vực lãnh sự"), sum(31), count(31), count(0)}},
				{Kind: layout.DataRow, Cells: []layout.Cell{text("2"), text("Lĩnh vực HTQT"), sum(2), count(0), count(2)}},
				{Kind: layout.TotalRow, Cells: []layout.Cell{{}, text(kstt.TotalLabel), sum(33), total(31), total(2)}},
			},
		}},
	}
}

// Render writes the sheets as a workbook; derived cells are formulas with
// the Go value cached beside them, so a reader that does not calculate
// (here excelize) sees the figures too.
func ExampleRenderer_Render() {
	var buf bytes.Buffer
	if err := xlsx.New(xlsx.Options{}).Render(&buf, exampleSheet()); err != nil {
		log.Fatal(err)
	}

	f, err := excelize.OpenReader(&buf)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	fmt.Println("sheets:", f.GetSheetList())
	for _, cell := range []string{"C8", "D10", "C10"} {
		formula, _ := f.GetCellFormula("II.06a", cell)
		cached, _ := f.GetCellValue("II.06a", cell, excelize.Options{RawCellValue: true})
		shown, _ := f.GetCellValue("II.06a", cell)
		fmt.Printf("%s = %s, cached %s, shown %s\n", cell, formula, cached, shown)
	}
	titles := f.GetDefinedName()[0]
	fmt.Println(titles.Name, titles.RefersTo)
	// Output:
	// sheets: [II.06a]
	// C8 = D8+E8, cached 31, shown 31
	// D10 = SUM(D8:D9), cached 31, shown 31
	// C10 = D10+E10, cached 33, shown 33
	// _xlnm.Print_Titles 'II.06a'!$5:$7
}

// Options change how counts print and what the document properties say;
// the zero Options give what an office sends.
func ExampleNew() {
	r := xlsx.New(xlsx.Options{
		Creator:     "Sở Ngoại vụ",
		CountFormat: "#,##0", // 1234 prints 1,234; the default "00;-00;0" prints 2 as 02
	})
	fmt.Println(r.Format())
	// Output: xlsx
}

// WriteFile renders to a file. The same sheets always give the same bytes.
func ExampleRenderer_WriteFile() {
	dir, err := os.MkdirTemp("", "vpcp-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	r := xlsx.New(xlsx.Options{})
	a, b := filepath.Join(dir, "a.xlsx"), filepath.Join(dir, "b.xlsx")
	if err := r.WriteFile(a, exampleSheet()); err != nil {
		log.Fatal(err)
	}
	if err := r.WriteFile(b, exampleSheet()); err != nil {
		log.Fatal(err)
	}
	da, _ := os.ReadFile(a)
	db, _ := os.ReadFile(b)
	fmt.Println("identical:", bytes.Equal(da, db))
	// Output: identical: true
}

// SheetNames shows the worksheet names Render will use: valid, at most
// 31 characters, unique.
func ExampleSheetNames() {
	fmt.Printf("%q\n", xlsx.SheetNames(
		&layout.Sheet{Name: "II.06a"},
		&layout.Sheet{Name: "II.06a"},
		&layout.Sheet{Name: "II.07b/Phần I"},
		&layout.Sheet{},
	))
	// Output: ["II.06a" "II.06a (2)" "II.07b_Phần I" "Biểu 4"]
}
