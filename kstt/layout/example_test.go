package layout_test

import (
	"fmt"
	"os"

	"github.com/shopspring/decimal"

	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/render/text"
)

// A sheet built by hand — here a small ranking table with a chart — goes to
// any renderer exactly as a form's layout does.
func Example() {
	s := &layout.Sheet{
		Name:  "Xếp hạng",
		Title: "TỶ LỆ HỒ SƠ GIẢI QUYẾT ĐÚNG HẠN",
		Blocks: []layout.Block{{
			Columns: []layout.Column{
				{Num: 1, Key: "stt", Kind: layout.TextColumn},
				{Num: 2, Key: "unit", Kind: layout.TextColumn},
				{Num: 3, Key: "rate", Kind: layout.RateColumn},
			},
			HeadRows: 1,
			Head: []layout.HeadCell{
				{Text: "STT", Row: 0, Col: 0, RowSpan: 1, ColSpan: 1},
				{Text: "Đơn vị", Row: 0, Col: 1, RowSpan: 1, ColSpan: 1},
				{Text: "Tỷ lệ (%)", Row: 0, Col: 2, RowSpan: 1, ColSpan: 1},
			},
			Numbers: []string{"(1)", "(2)", "(3)"},
			Rows: []layout.Row{
				{Kind: layout.DataRow, Cells: []layout.Cell{
					{Kind: layout.TextCell, Text: "1"},
					{Kind: layout.TextCell, Text: "Sở Tư pháp"},
					{Kind: layout.DecimalCell, Dec: decimal.RequireFromString("99.71")},
				}},
				{Kind: layout.DataRow, Cells: []layout.Cell{
					{Kind: layout.TextCell, Text: "2"},
					{Kind: layout.TextCell, Text: "UBND huyện Cẩm Xuyên"},
					{Kind: layout.DecimalCell, Dec: decimal.RequireFromString("95.06")},
				}},
			},
		}},
	}
	if err := text.New(text.DefaultOptions()).Render(os.Stdout, s); err != nil {
		fmt.Println(err)
	}
	fmt.Println(layout.RateColumn, layout.RateColumn.Numeric(), layout.TotalRow)
	// Output:
	// TỶ LỆ HỒ SƠ GIẢI QUYẾT ĐÚNG HẠN
	//
	// ┌─────┬──────────────────────┬───────────┐
	// │ STT │        Đơn vị        │ Tỷ lệ (%) │
	// ├─────┼──────────────────────┼───────────┤
	// │ (1) │         (2)          │    (3)    │
	// ├─────┼──────────────────────┼───────────┤
	// │  1  │ Sở Tư pháp           │    99,71% │
	// │  2  │ UBND huyện Cẩm Xuyên │    95,06% │
	// └─────┴──────────────────────┴───────────┘
	// rate true total
}
