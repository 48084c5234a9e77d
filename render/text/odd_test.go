package text_test

import (
	"math"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/render/text"
)

// oddSheets are sheets no form would lay out, which the renderer must
// print without panicking.
func oddSheets() map[string]*layout.Sheet {
	tc := func(s string) layout.Cell { return layout.Cell{Kind: layout.TextCell, Text: s} }
	ic := func(v int64) layout.Cell { return layout.Cell{Kind: layout.IntCell, Int: v} }
	huge, _ := decimal.NewFromString("123456789012345678901234567890.123456789")
	counts := []layout.Column{{Num: 1, Kind: layout.TextColumn}, {Num: 2, Kind: layout.TextColumn}, {Num: 3, Kind: layout.CountColumn}}
	return map[string]*layout.Sheet{
		"zero value":      {},
		"header only":     {Code: "Biểu số X", Title: "T"},
		"no columns":      {Blocks: []layout.Block{{Title: "Phần trống"}}},
		"head no columns": {Blocks: []layout.Block{{HeadRows: 2, Head: []layout.HeadCell{{Text: "A", RowSpan: 2, ColSpan: 3}}}}},
		"empty rows":      {Blocks: []layout.Block{{Columns: counts, Rows: []layout.Row{{}, {Kind: layout.TotalRow}, {Kind: layout.SectionRow}, {Kind: layout.LevelRow, Cells: []layout.Cell{{}}}}}}},
		"ragged rows": {Blocks: []layout.Block{{Columns: counts[:2], Numbers: []string{"(1)"}, Rows: []layout.Row{
			{Cells: []layout.Cell{tc("1")}},
			{Cells: []layout.Cell{tc("2"), tc("dài"), ic(5), ic(6), tc("thừa")}},
			{Kind: layout.TotalRow, Cells: []layout.Cell{{}, tc("TỔNG CỘNG"), ic(11)}},
		}}}},
		"huge numbers": {Blocks: []layout.Block{{Columns: append(counts, layout.Column{Num: 4, Kind: layout.RateColumn}), Rows: []layout.Row{
			{Cells: []layout.Cell{tc("1"), tc("x"), ic(math.MaxInt64), {Kind: layout.DecimalCell, Dec: huge}}},
			{Cells: []layout.Cell{tc("2"), tc("y"), ic(math.MinInt64), {Kind: layout.DecimalCell, Dec: huge.Neg()}}},
			{Cells: []layout.Cell{tc("3"), tc("z"), ic(-7), {Kind: layout.DecimalCell}}},
		}}}},
		"bad spans": {Blocks: []layout.Block{{Columns: counts, HeadRows: 2, Head: []layout.HeadCell{
			{Text: "âm", Row: -1, Col: 0, RowSpan: 1, ColSpan: 1},
			{Text: "A", Row: 0, Col: 0, RowSpan: 0, ColSpan: 0},
			{Text: "B tràn", Row: 0, Col: 1, RowSpan: 99, ColSpan: 1 << 30},
			{Text: "C trùng", Row: 0, Col: 2, RowSpan: 1, ColSpan: 1},
			{Text: "D ngoài", Row: 5, Col: 1, RowSpan: 1, ColSpan: 1},
			{Text: "E ngoài", Row: 1, Col: 7, RowSpan: 1, ColSpan: 1},
			{Text: "F âm", Row: 1, Col: -3, RowSpan: -2, ColSpan: -2},
		}, Rows: []layout.Row{{Cells: []layout.Cell{tc("1"), tc("a"), ic(1)}}}}}},
		"overlapping spans": {Blocks: []layout.Block{{Columns: counts, HeadRows: 3, Head: []layout.HeadCell{
			{Text: "dọc", Row: 1, Col: 1, RowSpan: 2, ColSpan: 2},
			{Text: "ngang", Row: 0, Col: 0, RowSpan: 3, ColSpan: 3},
			{Text: "giữa", Row: 2, Col: 0, RowSpan: 1, ColSpan: 3},
		}}}},
		"huge head rows":   {Blocks: []layout.Block{{Columns: counts, HeadRows: math.MaxInt32, Head: []layout.HeadCell{{Text: "X", Row: math.MaxInt32 - 1, ColSpan: 1, RowSpan: 1}, {Text: "Y", ColSpan: 3, RowSpan: math.MaxInt}}}}},
		"no head rows set": {Blocks: []layout.Block{{Columns: counts, Head: []layout.HeadCell{{Text: "X", Row: 1, Col: 1, ColSpan: 2, RowSpan: 1}, {Text: "Y", Row: 1 << 40, RowSpan: 1, ColSpan: 1}}}}},
		"hostile text": {Code: "\x1b[31mđỏ\x1b[0m", Title: "a\u202eb\u200dc\u00ad\td\r\ne", Notes: []string{"\xff\xfe hỏng", "", "   "},
			Blocks: []layout.Block{{Title: "\x00", Columns: counts, Numbers: []string{"\n", "\u0085", "\x9b"}, Rows: []layout.Row{
				{Kind: layout.SectionRow, Cells: []layout.Cell{tc("A"), tc("\u200b\ufeff")}},
				{Cells: []layout.Cell{tc("日本"), tc("全角文字のラベル 漢字漢字漢字漢字漢字漢字漢字漢字"), ic(1)}},
				{Cells: []layout.Cell{tc("x"), tc(strings.Repeat("Nghịêng", 60)), ic(2)}},
				{Cells: []layout.Cell{tc("\u0301\u0301"), tc("a\u0323\u0302\u0301"), ic(3)}},
			}}}},
		"only spaces": {Title: "   ", Blocks: []layout.Block{{Columns: counts, Rows: []layout.Row{{Kind: layout.TotalRow, Cells: []layout.Cell{tc(" "), tc(" "), tc(" ")}}}}}},
		"single column": {Blocks: []layout.Block{{Columns: counts[:1], Numbers: []string{"(1)"}, Rows: []layout.Row{
			{Kind: layout.TotalRow, Cells: []layout.Cell{tc("TỔNG CỘNG")}}, {Kind: layout.SectionRow, Cells: []layout.Cell{tc("B")}}}}}},
		"two columns section": {Blocks: []layout.Block{{Columns: counts[:2], Rows: []layout.Row{
			{Kind: layout.SectionRow, Cells: []layout.Cell{tc("B"), tc("DVCTT DO CƠ QUAN, UBND TỈNH CHỦ ĐỘNG TRIỂN KHAI")}}}}}},
	}
}

func TestOddSheets(t *testing.T) {
	for name, s := range oddSheets() {
		for _, w := range []int{0, 1, 7, 40, 160} {
			for _, st := range []text.Style{text.BoxStyle, text.ASCIIStyle, text.Style(9)} {
				o := text.DefaultOptions()
				o.Width, o.Style = w, st
				out := renderString(t, o, s)
				checkAligned(t, out)
				if strings.ContainsAny(out, "\x1b\x00\u202e\u200d") {
					t.Errorf("%s: control or format character in output:\n%q", name, out)
				}
			}
		}
	}
}

// TestMergedHeaderClip checks how a clipped header is drawn: a cell whose
// corner is taken is dropped, a span is cut at the first taken slot.
func TestMergedHeaderClip(t *testing.T) {
	out := renderString(t, text.DefaultOptions(), oddSheets()["bad spans"])
	golden(t, "bad_spans.golden", out)
	for _, want := range []string{"A", "B tràn"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	for _, gone := range []string{"âm", "C trùng", "D ngoài", "E ngoài", "F âm"} {
		if strings.Contains(out, gone) {
			t.Errorf("%q should have been clipped:\n%s", gone, out)
		}
	}
}

// FuzzRender builds a sheet from fuzzed text, numbers and spans and checks
// the renderer neither panics nor misaligns.
func FuzzRender(f *testing.F) {
	f.Add("Lĩnh vực lãnh sự", "Số lượng hồ sơ tiếp nhận", int64(31), 1, 2, 3, 2, 80, true)
	f.Add("L\u0129nh v\u1ef1c", "(3)=(4)+(5)+(6)", int64(-1), 0, 0, 1, 1, 1, false)
	f.Add("\x1b[2J", "全角", int64(math.MinInt64), -1, 99, 0, 0, 0, true)
	f.Fuzz(func(t *testing.T, label, head string, n int64, row, col, rs, cs, width int, total bool) {
		kind := layout.DataRow
		if total {
			kind = layout.TotalRow
		}
		// Fuzzed text goes in the cells only: a header line may begin with
		// anything, which would confuse checkAligned.
		s := &layout.Sheet{Code: "Biểu số X", Title: "T", Blocks: []layout.Block{{
			Columns:  []layout.Column{{Num: 1, Kind: layout.TextColumn}, {Num: 2, Kind: layout.TextColumn}, {Num: 3, Kind: layout.CountColumn}},
			HeadRows: row % 5,
			Head:     []layout.HeadCell{{Text: head, Row: row % 7, Col: col % 7, RowSpan: rs, ColSpan: cs}, {Text: label, Row: 0, Col: 0, RowSpan: cs, ColSpan: rs}},
			Numbers:  []string{"(1)", head, label},
			Rows: []layout.Row{
				{Kind: kind, Cells: []layout.Cell{{Kind: layout.TextCell, Text: label}, {Kind: layout.TextCell, Text: head}, {Kind: layout.IntCell, Int: n}}},
				{Kind: layout.SectionRow, Cells: []layout.Cell{{}, {Kind: layout.TextCell, Text: label}}},
			},
		}}}
		o := text.DefaultOptions()
		o.Width = width % 300
		checkAligned(t, renderString(t, o, s))
		o.NoNormalize = true
		checkAligned(t, renderString(t, o, s))
	})
}
