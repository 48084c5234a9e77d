package text_test

import (
	"fmt"
	"os"

	"github.com/shopspring/decimal"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/render/text"
)

// partII is a small sheet laid out like Part II of II.07b: a two-level
// header, the column-number row, one lĩnh vực and TỔNG CỘNG.
func partII() *layout.Sheet {
	txt := func(s string) layout.Cell { return layout.Cell{Kind: layout.TextCell, Text: s} }
	n := func(v int64) layout.Cell { return layout.Cell{Kind: layout.IntCell, Int: v} }
	pct := func(s string) layout.Cell {
		return layout.Cell{Kind: layout.DecimalCell, Dec: decimal.RequireFromString(s)}
	}
	return &layout.Sheet{
		Code:        "Biểu số II.07b/VPCP/KSTT",
		Title:       "KẾT QUẢ THỰC HIỆN “4 TẠI CHỖ” TẠI BỘ PHẬN MỘT CỬA CẤP TỈNH, HUYỆN",
		Unit:        "Đơn vị báo cáo: Sở Ngoại vụ",
		Recipient:   "Đơn vị nhận báo cáo: UBND tỉnh",
		Period:      "Kỳ báo cáo: Quý II năm 2024",
		PeriodRange: "(Từ ngày 15/3/2024 đến ngày 14/6/2024)",
		Measure:     "Đơn vị tính: TTHC, %",
		Blocks: []layout.Block{{
			Columns: []layout.Column{
				{Num: 1, Kind: layout.TextColumn}, {Num: 2, Kind: layout.TextColumn},
				{Num: 3, Kind: layout.CountColumn}, {Num: 4, Kind: layout.RateColumn},
			},
			HeadRows: 2,
			Head: []layout.HeadCell{
				{Text: "STT", Row: 0, Col: 0, RowSpan: 2, ColSpan: 1},
				{Text: "Lĩnh vực", Row: 0, Col: 1, RowSpan: 2, ColSpan: 1},
				{Text: "Cấp tỉnh", Row: 0, Col: 2, RowSpan: 1, ColSpan: 2},
				{Text: "Số lượng TTHC", Row: 1, Col: 2, RowSpan: 1, ColSpan: 1},
				{Text: "Tỷ lệ", Row: 1, Col: 3, RowSpan: 1, ColSpan: 1},
			},
			Numbers: []string{"(1)", "(2)", "(3)", "(4)"},
			Rows: []layout.Row{
				{Kind: layout.DataRow, Cells: []layout.Cell{txt("1"), txt("Lĩnh vực đối ngoại"), n(3), pct("33.33")}},
				{Kind: layout.TotalRow, Cells: []layout.Cell{{}, txt(kstt.TotalLabel), n(3), pct("33.33")}},
			},
		}},
	}
}

// The default options print counts and rates as official documents do:
// "03", "33,33%".
func ExampleRenderer() {
	r := text.New(text.DefaultOptions())
	if err := r.Render(os.Stdout, partII()); err != nil {
		fmt.Println(err)
	}
	// Output:
	// Biểu số II.07b/VPCP/KSTT
	//              KẾT QUẢ THỰC HIỆN “4 TẠI CHỖ” TẠI
	//               BỘ PHẬN MỘT CỬA CẤP TỈNH, HUYỆN
	//                 Kỳ báo cáo: Quý II năm 2024
	//            (Từ ngày 15/3/2024 đến ngày 14/6/2024)
	// Đơn vị báo cáo: Sở Ngoại vụ
	// Đơn vị nhận báo cáo: UBND tỉnh
	//                                         Đơn vị tính: TTHC, %
	//
	// ┌─────┬────────────────────┬────────────────────────┐
	// │     │                    │        Cấp tỉnh        │
	// │ STT │      Lĩnh vực      ├───────────────┬────────┤
	// │     │                    │ Số lượng TTHC │ Tỷ lệ  │
	// ├─────┼────────────────────┼───────────────┼────────┤
	// │ (1) │        (2)         │      (3)      │  (4)   │
	// ├─────┼────────────────────┼───────────────┼────────┤
	// │  1  │ Lĩnh vực đối ngoại │            03 │ 33,33% │
	// ╞═════╧════════════════════╪═══════════════╪════════╡
	// │        TỔNG CỘNG         │            03 │ 33,33% │
	// └──────────────────────────┴───────────────┴────────┘
}

// Plain ASCII rules, numbers as stored, and a width limit that makes the
// header words wrap.
func ExampleOptions() {
	r := text.New(text.Options{Width: 36, Style: text.ASCIIStyle})
	s := partII()
	s.Title, s.Unit, s.Recipient, s.Period, s.PeriodRange, s.Measure = "", "", "", "", "", ""
	if err := r.Render(os.Stdout, s); err != nil {
		fmt.Println(err)
	}
	// Output:
	// Biểu số II.07b/VPCP/KSTT
	//
	// +-----+-----------+----------------+
	// |     |           |    Cấp tỉnh    |
	// |     |           +-------+--------+
	// | STT | Lĩnh vực  |  Số   |        |
	// |     |           | lượng | Tỷ lệ  |
	// |     |           | TTHC  |        |
	// +-----+-----------+-------+--------+
	// | (1) |    (2)    |  (3)  |  (4)   |
	// +-----+-----------+-------+--------+
	// |  1  | Lĩnh vực  |     3 | 33.33% |
	// |     | đối ngoại |       |        |
	// +=====+===========+=======+========+
	// |    TỔNG CỘNG    |     3 | 33.33% |
	// +-----------------+-------+--------+
}
