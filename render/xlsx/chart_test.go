package xlsx_test

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/render/xlsx"
)

func chartSheet() *layout.Sheet {
	d := func(s string) decimal.Decimal { return decimal.RequireFromString(s) }
	return &layout.Sheet{
		Name: "Xếp hạng", Title: "XẾP HẠNG",
		Blocks: []layout.Block{{
			Columns: []layout.Column{{Num: 1, Kind: layout.TextColumn}, {Num: 2, Kind: layout.RateColumn}},
			Numbers: []string{"(1)", "(2)"},
			Rows: []layout.Row{
				{Kind: layout.DataRow, Cells: []layout.Cell{{Kind: layout.TextCell, Text: "Sở Tư pháp"}, {Kind: layout.DecimalCell, Dec: d("100")}}},
				{Kind: layout.DataRow, Cells: []layout.Cell{{Kind: layout.TextCell, Text: "UBND huyện Cẩm Xuyên"}, {Kind: layout.DecimalCell, Dec: d("95.06")}}},
			},
		}},
		Charts: []layout.Chart{
			{Kind: layout.BarChart, Title: "Tỷ lệ trước hạn và đúng hạn theo đơn vị (%)", Percent: true, Places: 2,
				Categories: []string{"Sở Tư pháp", "UBND huyện Cẩm Xuyên", "Sở Ngoại vụ"},
				Series:     []layout.ChartSeries{{Name: "Quý II năm 2024", Values: []decimal.Decimal{d("100"), d("95.06"), d("0")}, Missing: []bool{false, false, true}}}},
			{Kind: layout.ColumnChart, Title: "Quý II so với Quý I", Percent: true,
				Categories: []string{"Đúng hạn", "Trực tuyến"},
				Series: []layout.ChartSeries{
					{Name: "Quý I năm 2024", Values: []decimal.Decimal{d("90.38"), d("50")}},
					{Name: "Quý II năm 2024", Values: []decimal.Decimal{d("95.06"), d("57.14")}},
				}},
		},
	}
}

func TestCharts(t *testing.T) {
	var a, b bytes.Buffer
	r := xlsx.New(xlsx.Options{})
	if err := r.Render(&a, chartSheet()); err != nil {
		t.Fatal(err)
	}
	if err := r.Render(&b, chartSheet()); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("a workbook with charts is not the same bytes twice")
	}
	zr, err := zip.NewReader(bytes.NewReader(a.Bytes()), int64(a.Len()))
	if err != nil {
		t.Fatal(err)
	}
	charts := 0
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/charts/chart") {
			charts++
			rc, _ := zf.Open()
			var buf bytes.Buffer
			_, _ = buf.ReadFrom(rc)
			rc.Close()
			if !strings.Contains(buf.String(), "Xếp hạng – biểu đồ&#39;!$A$") {
				t.Errorf("%s does not read the chart sheet's data", zf.Name)
			}
		}
	}
	if charts != 2 {
		t.Errorf("%d charts, want 2", charts)
	}
	f, err := excelize.OpenReader(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 || got[1] != "Xếp hạng – biểu đồ" {
		t.Fatalf("sheets %q", got)
	}
	rows, err := f.GetRows("Xếp hạng – biểu đồ", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	// Title, series names, then the data: percentages as fractions, a
	// missing value as an empty cell.
	want := [][]string{
		{"Tỷ lệ trước hạn và đúng hạn theo đơn vị (%)"},
		{"", "Quý II năm 2024"},
		{"Sở Tư pháp", "1"},
		{"UBND huyện Cẩm Xuyên", "0.9506"},
		{"Sở Ngoại vụ"},
	}
	for i, w := range want {
		if strings.Join(rows[i], "|") != strings.Join(w, "|") {
			t.Errorf("row %d = %q, want %q", i+1, rows[i], w)
		}
	}
	// A sheet without charts gets no chart sheet.
	plain := chartSheet()
	plain.Charts = nil
	var c bytes.Buffer
	if err := r.Render(&c, plain); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(c.Bytes(), []byte("xl/charts/")) {
		t.Error("charts in a workbook whose sheets carry none")
	}
}
