package render_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"golang.org/x/text/unicode/norm"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/render"
)

func TestNeutralize(t *testing.T) {
	for in, want := range map[string]string{
		"=1+1": "'=1+1", "+1": "'+1", "-1": "'-1", "@x": "'@x", "\tx": "'\tx", "\rx": "'\rx",
		" =x": "' =x", "   @x": "'   @x",
		"": "", " ": " ", "x=1": "x=1", "'=1": "'=1", "Lĩnh vực": "Lĩnh vực", "(3)=(4)+(5)": "(3)=(4)+(5)", "1-2": "1-2",
	} {
		if got := render.Neutralize(in); got != want {
			t.Errorf("Neutralize(%q) = %q, want %q", in, got, want)
		}
	}
}

func csvSheet() *layout.Sheet {
	tc := func(s string) layout.Cell { return layout.Cell{Kind: layout.TextCell, Text: s} }
	return &layout.Sheet{
		Code: "Biểu số II.07b/VPCP/KSTT", Title: "=TITLE()", Unit: "Đơn vị báo cáo: Sở Ngoại vụ",
		Measure: "Đơn vị tính: TTHC, %",
		Blocks: []layout.Block{{
			Title:    "II. KẾT QUẢ",
			Columns:  []layout.Column{{Num: 1, Kind: layout.TextColumn}, {Num: 2, Kind: layout.TextColumn}, {Num: 3, Kind: layout.CountColumn}, {Num: 4, Kind: layout.RateColumn}},
			HeadRows: 2,
			Head: []layout.HeadCell{
				{Text: "STT", Row: 0, Col: 0, RowSpan: 2, ColSpan: 1},
				{Text: "Lĩnh vực", Row: 0, Col: 1, RowSpan: 2, ColSpan: 1},
				{Text: "Cấp tỉnh", Row: 0, Col: 2, RowSpan: 1, ColSpan: 2},
				{Text: "Số lượng TTHC", Row: 1, Col: 2, RowSpan: 1, ColSpan: 1},
				{Text: "Tỷ lệ", Row: 1, Col: 3, RowSpan: 1, ColSpan: 1},
				{Text: "trùng", Row: 1, Col: 0, RowSpan: 1, ColSpan: 1}, // covered by STT: dropped
			},
			Numbers: []string{"(1)", "(2)", "(3)", "(4)"},
			Rows: []layout.Row{
				{Kind: layout.DataRow, Cells: []layout.Cell{tc("1"), tc(norm.NFD.String("Lĩnh vực đối ngoại")), {Kind: layout.IntCell, Int: -3}, {Kind: layout.DecimalCell, Dec: decimal.RequireFromString("33.33")}}},
				{Kind: layout.DataRow, Cells: []layout.Cell{tc("2"), tc("@cmd|' /C calc'!A0"), {Kind: layout.IntCell, Int: 12}}},
				{Kind: layout.TotalRow, Cells: []layout.Cell{{}, tc(kstt.TotalLabel), {Kind: layout.IntCell, Int: 9}, {Kind: layout.DecimalCell}}},
			},
		}},
		Notes: []string{"-ghi chú"},
	}
}

func TestCSV(t *testing.T) {
	var b bytes.Buffer
	if err := (render.CSV{}).Render(&b, csvSheet(), csvSheet()); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(b.String())).ReadAll()
	if err != nil {
		t.Fatalf("encoding/csv cannot read the output back: %v\n%s", err, b.String())
	}
	want := [][]string{
		{"Biểu số II.07b/VPCP/KSTT", "", "", ""},
		{"'=TITLE()", "", "", ""},
		{"Đơn vị báo cáo: Sở Ngoại vụ", "", "", ""},
		{"Đơn vị tính: TTHC, %", "", "", ""},
		{"", "", "", ""},
		{"II. KẾT QUẢ", "", "", ""},
		{"STT", "Lĩnh vực", "Cấp tỉnh", ""},
		{"", "", "Số lượng TTHC", "Tỷ lệ"},
		{"(1)", "(2)", "(3)", "(4)"},
		{"1", "Lĩnh vực đối ngoại", "-3", "33.33"},
		{"2", "'@cmd|' /C calc'!A0", "12", ""},
		{"", "TỔNG CỘNG", "9", "0"},
		{"", "", "", ""},
		{"'-ghi chú", "", "", ""},
	}
	if len(recs) != 2*len(want)+1 {
		t.Fatalf("%d records, want %d:\n%s", len(recs), 2*len(want)+1, b.String())
	}
	for i, w := range want {
		for _, got := range [][]string{recs[i], recs[len(want)+1+i]} {
			if strings.Join(got, "\x00") != strings.Join(w, "\x00") {
				t.Errorf("record %d = %q, want %q", i, got, w)
			}
		}
	}
}

func TestCSVOptions(t *testing.T) {
	var b bytes.Buffer
	if err := (render.CSV{Comma: ';', UseCRLF: true, NoPreamble: true}).Render(&b, csvSheet()); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.HasPrefix(out, "II. KẾT QUẢ;;;\r\nSTT;Lĩnh vực;Cấp tỉnh;\r\n") || strings.Contains(out, "TITLE") || strings.Contains(out, "ghi chú") {
		t.Errorf("unexpected output:\n%q", out)
	}
	if err := (render.CSV{Comma: '"'}).Render(&b, csvSheet()); err == nil {
		t.Error("Comma '\"' accepted")
	}
	if err := (render.CSV{}).Render(&b, nil); !errors.Is(err, render.ErrNilSheet) {
		t.Errorf("nil sheet: %v", err)
	}
	b.Reset()
	if err := (render.CSV{}).Render(&b); err != nil || b.Len() != 0 {
		t.Errorf("no sheets: %v, %q", err, b.String())
	}
	// Odd sheets: no panic.
	for _, s := range []*layout.Sheet{{}, {Blocks: []layout.Block{{}}}, {Blocks: []layout.Block{{HeadRows: 1 << 30, Head: []layout.HeadCell{{Row: -1, Col: 5}, {Row: 0, Col: 0, RowSpan: -1, ColSpan: 1 << 40}}, Numbers: []string{"(1)"}}}}} {
		if err := (render.CSV{}).Render(&b, s); err != nil {
			t.Errorf("odd sheet: %v", err)
		}
	}
}
