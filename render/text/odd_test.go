package text_test

import (
	"math"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/render/text"
)

// oddSheets are sheets no form would lay out, which the renderer must
// print without panicking.
func oddSheets() map[string]*kstt.Sheet {
	tc := func(s string) kstt.Cell { return kstt.Cell{Kind: kstt.TextCell, Text: s} }
	ic := func(v int64) kstt.Cell { return kstt.Cell{Kind: kstt.IntCell, Int: v} }
	huge, _ := decimal.NewFromString("123456789012345678901234567890.123456789")
	counts := []kstt.SheetColumn{{Num: 1, Kind: kstt.TextColumn}, {Num: 2, Kind: kstt.TextColumn}, {Num: 3, Kind: kstt.CountColumn}}
	return map[string]*kstt.Sheet{
		"zero value":      {},
		"header only":     {Code: "Biểu số X", Title: "T"},
		"no columns":      {Blocks: []kstt.Block{{Title: "Phần trống"}}},
		"head no columns": {Blocks: []kstt.Block{{HeadRows: 2, Head: []kstt.HeadCell{{Text: "A", RowSpan: 2, ColSpan: 3}}}}},
		"empty rows":      {Blocks: []kstt.Block{{Columns: counts, Rows: []kstt.SheetRow{{}, {Kind: kstt.TotalRow}, {Kind: kstt.SectionRow}, {Kind: kstt.LevelRow, Cells: []kstt.Cell{{}}}}}}},
		"ragged rows": {Blocks: []kstt.Block{{Columns: counts[:2], Numbers: []string{"(1)"}, Rows: []kstt.SheetRow{
			{Cells: []kstt.Cell{tc("1")}},
			{Cells: []kstt.Cell{tc("2"), tc("dài"), ic(5), ic(6), tc("thừa")}},
			{Kind: kstt.TotalRow, Cells: []kstt.Cell{{}, tc("TỔNG CỘNG"), ic(11)}},
		}}}},
		"huge numbers": {Blocks: []kstt.Block{{Columns: append(counts, kstt.SheetColumn{Num: 4, Kind: kstt.RateColumn}), Rows: []kstt.SheetRow{
			{Cells: []kstt.Cell{tc("1"), tc("x"), ic(math.MaxInt64), {Kind: kstt.DecimalCell, Dec: huge}}},
			{Cells: []kstt.Cell{tc("2"), tc("y"), ic(math.MinInt64), {Kind: kstt.DecimalCell, Dec: huge.Neg()}}},
			{Cells: []kstt.Cell{tc("3"), tc("z"), ic(-7), {Kind: kstt.DecimalCell}}},
		}}}},
		"bad spans": {Blocks: []kstt.Block{{Columns: counts, HeadRows: 2, Head: []kstt.HeadCell{
			{Text: "âm", Row: -1, Col: 0, RowSpan: 1, ColSpan: 1},
			{Text: "A", Row: 0, Col: 0, RowSpan: 0, ColSpan: 0},
			{Text: "B tràn", Row: 0, Col: 1, RowSpan: 99, ColSpan: 1 << 30},
			{Text: "C trùng", Row: 0, Col: 2, RowSpan: 1, ColSpan: 1},
			{Text: "D ngoài", Row: 5, Col: 1, RowSpan: 1, ColSpan: 1},
			{Text: "E ngoài", Row: 1, Col: 7, RowSpan: 1, ColSpan: 1},
			{Text: "F âm", Row: 1, Col: -3, RowSpan: -2, ColSpan: -2},
		}, Rows: []kstt.SheetRow{{Cells: []kstt.Cell{tc("1"), tc("a"), ic(1)}}}}}},
		"overlapping spans": {Blocks: []kstt.Block{{Columns: counts, HeadRows: 3, Head: []kstt.HeadCell{
			{Text: "dọc", Row: 1, Col: 1, RowSpan: 2, ColSpan: 2},
			{Text: "ngang", Row: 0, Col: 0, RowSpan: 3, ColSpan: 3},
			{Text: "giữa", Row: 2, Col: 0, RowSpan: 1, ColSpan: 3},
		}}}},
		"huge head rows":   {Blocks: []kstt.Block{{Columns: counts, HeadRows: math.MaxInt32, Head: []kstt.HeadCell{{Text: "X", Row: math.MaxInt32 - 1, ColSpan: 1, RowSpan: 1}, {Text: "Y", ColSpan: 3, RowSpan: math.MaxInt}}}}},
		"no head rows set": {Blocks: []kstt.Block{{Columns: counts, Head: []kstt.HeadCell{{Text: "X", Row: 1, Col: 1, ColSpan: 2, RowSpan: 1}, {Text: "Y", Row: 1 << 40, RowSpan: 1, ColSpan: 1}}}}},
		"hostile text": {Code: "\x1b[31mđỏ\x1b[0m", Title: "a\u202eb\u200dc\u00ad\td\r\ne", Notes: []string{"\xff\xfe hỏng", "", "   "},
			Blocks: []kstt.Block{{Title: "\x00", Columns: counts, Numbers: []string{"\n", "\u0085", "\x9b"}, Rows: []kstt.SheetRow{
				{Kind: kstt.SectionRow, Cells: []kstt.Cell{tc("A"), tc("\u200b\ufeff")}},
				{Cells: []kstt.Cell{tc("日本"), tc("全角文字のラベル 漢字漢字漢字漢字漢字漢字漢字漢字"), ic(1)}},
				{Cells: []kstt.Cell{tc("x"), tc(strings.Repeat("Nghịêng", 60)), ic(2)}},
				{Cells: []kstt.Cell{tc("\u0301\u0301"), tc("a\u0323\u0302\u0301"), ic(3)}},
			}}}},
		"only spaces": {Title: "   ", Blocks: []kstt.Block{{Columns: counts, Rows: []kstt.SheetRow{{Kind: kstt.TotalRow, Cells: []kstt.Cell{tc(" "), tc(" "), tc(" ")}}}}}},
		"single column": {Blocks: []kstt.Block{{Columns: counts[:1], Numbers: []string{"(1)"}, Rows: []kstt.SheetRow{
			{Kind: kstt.TotalRow, Cells: []kstt.Cell{tc("TỔNG CỘNG")}}, {Kind: kstt.SectionRow, Cells: []kstt.Cell{tc("B")}}}}}},
		"two columns section": {Blocks: []kstt.Block{{Columns: counts[:2], Rows: []kstt.SheetRow{
			{Kind: kstt.SectionRow, Cells: []kstt.Cell{tc("B"), tc("DVCTT DO CƠ QUAN, UBND TỈNH CHỦ ĐỘNG TRIỂN KHAI")}}}}}},
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
		kind := kstt.DataRow
		if total {
			kind = kstt.TotalRow
		}
		// Fuzzed text goes in the cells only: a header line may begin with
		// anything, which would confuse checkAligned.
		s := &kstt.Sheet{Code: "Biểu số X", Title: "T", Blocks: []kstt.Block{{
			Columns:  []kstt.SheetColumn{{Num: 1, Kind: kstt.TextColumn}, {Num: 2, Kind: kstt.TextColumn}, {Num: 3, Kind: kstt.CountColumn}},
			HeadRows: row % 5,
			Head:     []kstt.HeadCell{{Text: head, Row: row % 7, Col: col % 7, RowSpan: rs, ColSpan: cs}, {Text: label, Row: 0, Col: 0, RowSpan: cs, ColSpan: rs}},
			Numbers:  []string{"(1)", head, label},
			Rows: []kstt.SheetRow{
				{Kind: kind, Cells: []kstt.Cell{{Kind: kstt.TextCell, Text: label}, {Kind: kstt.TextCell, Text: head}, {Kind: kstt.IntCell, Int: n}}},
				{Kind: kstt.SectionRow, Cells: []kstt.Cell{{}, {Kind: kstt.TextCell, Text: label}}},
			},
		}}}
		o := text.DefaultOptions()
		o.Width = width % 300
		checkAligned(t, renderString(t, o, s))
		o.NoNormalize = true
		checkAligned(t, renderString(t, o, s))
	})
}
