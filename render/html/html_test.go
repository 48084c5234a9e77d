package html_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/period"
	"github.com/baocaodinhky/vpcp/render"
	"github.com/baocaodinhky/vpcp/render/html"
)

func seedForm(t testing.TB, field string) *bieu.II06a {
	q, _ := period.Parse("Quý II năm 2024")
	f := &bieu.II06a{
		Header: kstt.Header{Unit: "Sở Ngoại vụ", Recipient: "UBND tỉnh", Period: q},
		Rows: []bieu.II06aRow{
			{STT: "1", Field: field, Online: 31, OnTime: 31},
			{STT: "2", Field: "Lĩnh vực HTQT", CarriedOver: 2, OnTime: 2},
		},
	}
	if err := f.Fill(); err != nil {
		t.Fatal(err)
	}
	return f
}

func renderString(t testing.TB, opts html.Options, sheets ...*layout.Sheet) string {
	t.Helper()
	var b bytes.Buffer
	if err := html.New(opts).Render(&b, sheets...); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestLayout(t *testing.T) {
	f := seedForm(t, "Lĩnh vực lãnh sự")
	out := renderString(t, html.Options{}, kstt.Layout(f))
	for _, want := range []string{
		"<!DOCTYPE html>", `<html lang="vi">`, "@page{size:A4 landscape",
		"Biểu số II.06a/VPCP/KSTT", "<h2>TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT",
		"Đơn vị báo cáo: Sở Ngoại vụ", "Kỳ báo cáo: Quý II năm 2024",
		// The merged header: (1) and (2) span the three header rows,
		// "Số lượng hồ sơ tiếp nhận" spans (3)–(6).
		`<th rowspan="3" scope="col">STT</th>`,
		`<th colspan="4" scope="col">Số lượng hồ sơ tiếp nhận</th>`,
		`<th colspan="2" scope="col">Trong kỳ</th>`,
		// The column-number row with the printed formulas.
		`<tr class="nums"><th>(1)</th><th>(2)</th><th>(3)=(4)+(5)+(6)</th>`,
		// Numbers right-aligned; TỔNG CỘNG across (1) and (2).
		`<td class="n">31</td>`,
		`<tr class="total"><td colspan="2" class="c">TỔNG CỘNG</td><td class="n">33</td>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q", want)
		}
	}
	if strings.Contains(out, "<script") {
		t.Error("the page has a script")
	}
}

func TestEscapedAndNFC(t *testing.T) {
	nfd := norm.NFD.String("Lĩnh vực <script>alert('x')</script> & \"hộ tịch\"")
	f := seedForm(t, nfd)
	out := renderString(t, html.Options{}, kstt.Layout(f))
	if strings.Contains(out, "<script>") || strings.Contains(out, "alert('x')") {
		t.Fatal("a lĩnh vực named <script> is markup")
	}
	want := "Lĩnh vực &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &#34;hộ tịch&#34;"
	if !strings.Contains(out, want) {
		t.Errorf("escaped NFC text missing:\n%s", out)
	}
	if !norm.NFC.IsNormalString(out) {
		t.Error("output is not NFC")
	}
}

func TestFindingsOnCells(t *testing.T) {
	f := seedForm(t, "Lĩnh vực lãnh sự")
	f.Rows[0].Received = 30 // breaks (3)=(4)+(5)+(6)
	found, err := f.Check(kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(found) == 0 {
		t.Fatal("no finding")
	}
	found = append(found,
		kstt.Finding{Rule: "X/R1", Severity: kstt.Warning, Form: "II.06a", Row: -1, Message: "về cả biểu <b>", MessageEN: "about the form"},
		kstt.Finding{Rule: "X/R2", Severity: kstt.Info, Form: "II.08", Row: 0, Column: 3, Message: "biểu khác"},
	)
	out := renderString(t, html.Options{Findings: found}, kstt.Layout(f))
	// The cell (3) of row 1 is marked as an error, with the rule in its title.
	i := strings.Index(out, `class="n f-error" title="Lỗi II.06a/R01`)
	if i < 0 {
		t.Fatalf("no marked cell:\n%s", out)
	}
	if !strings.HasPrefix(out[strings.Index(out[i:], ">")+i+1:], "30</td>") {
		t.Errorf("the marked cell is not (3) = 30: %s", out[i:i+300])
	}
	// A finding on no cell is listed under the sheet, escaped; another
	// form's is left out.
	if !strings.Contains(out, `<li class="warning">Cảnh báo X/R1`) || !strings.Contains(out, "về cả biểu &lt;b&gt;") {
		t.Error("the form-level finding is not listed")
	}
	if strings.Contains(out, "X/R2") {
		t.Error("a finding of another form is shown")
	}
	en := renderString(t, html.Options{Findings: found, English: true}, kstt.Layout(f))
	if !strings.Contains(en, `title="error II.06a/R01`) {
		t.Error("English messages not used")
	}
}

func TestOddSheets(t *testing.T) {
	var b bytes.Buffer
	if err := html.New(html.Options{}).Render(&b, nil); !errors.Is(err, render.ErrNilSheet) || b.Len() != 0 {
		t.Errorf("nil sheet: %v, %d bytes", err, b.Len())
	}
	odd := &layout.Sheet{Name: "x", Blocks: []layout.Block{
		{},
		{HeadRows: 2, Head: []layout.HeadCell{{Text: "a", Row: 0, Col: 5, RowSpan: 9, ColSpan: 9}, {Text: "b", Row: -1, Col: -1}, {Text: "c", Row: 0, Col: 0, RowSpan: 0, ColSpan: 40}},
			Columns: []layout.Column{{Num: 1}}, Rows: []layout.Row{{Kind: layout.TotalRow}, {Cells: make([]layout.Cell, 5)}}},
	}, Charts: []layout.Chart{{Title: "<t>", Categories: []string{"a", "b"}, Series: []layout.ChartSeries{{Name: "s", Values: nil}}}}}
	out := renderString(t, html.Options{Findings: kstt.Findings{{Form: "x", Part: "IX", Row: 99, Column: 7}}}, odd)
	if !strings.Contains(out, "&lt;t&gt;") {
		t.Error("chart title not escaped")
	}
	var frag bytes.Buffer
	if err := html.New(html.Options{Fragment: true}).Render(&frag); err != nil || frag.Len() != 0 {
		t.Errorf("no sheet as a fragment: %v, %q", err, frag.String())
	}
}

func TestChart(t *testing.T) {
	c := &layout.Chart{Kind: layout.BarChart, Title: "Tỷ lệ đúng hạn", Percent: true, Categories: []string{"Sở A", "Sở B"},
		Series: []layout.ChartSeries{{Name: "Quý I", Values: decs("99.71", "0"), Missing: []bool{false, true}}, {Name: "Quý II", Values: decs("50", "100")}}}
	var b bytes.Buffer
	if err := html.WriteChart(&b, c); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{`<svg xmlns="http://www.w3.org/2000/svg"`, "99,71%", "<title>Tỷ lệ đúng hạn</title>", ">Quý II</text>", ">–</text>"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if n := strings.Count(out, `class="bar"`); n != 3 {
		t.Errorf("%d bars, want 3 (one value missing)", n)
	}
}
