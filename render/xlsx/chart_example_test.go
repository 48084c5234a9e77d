package xlsx_test

import (
	"bytes"
	"fmt"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/render/xlsx"
)

// A sheet that carries a chart gets a worksheet of its own for it: the
// chart's data and, under it, a native bar chart over that data.
func ExampleRenderer_charts() {
	s := &layout.Sheet{Name: "Xếp hạng", Title: "XẾP HẠNG", Blocks: []layout.Block{{
		Columns: []layout.Column{{Num: 1, Kind: layout.TextColumn}},
		Rows:    []layout.Row{{Kind: layout.DataRow, Cells: []layout.Cell{{Kind: layout.TextCell, Text: "Sở Tư pháp"}}}},
	}}, Charts: []layout.Chart{{
		Kind: layout.BarChart, Title: "Tỷ lệ trước hạn và đúng hạn (%)", Percent: true,
		Categories: []string{"Sở Tư pháp", "UBND huyện Cẩm Xuyên"},
		Series:     []layout.ChartSeries{{Name: "Quý II năm 2024", Values: []decimal.Decimal{decimal.NewFromInt(100), decimal.RequireFromString("95.06")}}},
	}}}
	var b bytes.Buffer
	if err := xlsx.New(xlsx.Options{}).Render(&b, s); err != nil {
		panic(err)
	}
	f, _ := excelize.OpenReader(&b)
	defer f.Close()
	fmt.Printf("%q\n", f.GetSheetList())
	v, _ := f.GetCellValue("Xếp hạng – biểu đồ", "B4")
	fmt.Println(v)
	// Output:
	// ["Xếp hạng" "Xếp hạng – biểu đồ"]
	// 95.06%
}
