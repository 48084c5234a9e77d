package html_test

import (
	htmltemplate "html/template"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/render/html"
)

// The floor: the same table written with html/template, as a user would
// write it by hand — header rows, the column-number row, body cells right-
// aligned when numeric, TỔNG CỘNG across (1) and (2), everything escaped
// by the template engine.
var floor = htmltemplate.Must(htmltemplate.New("t").Funcs(htmltemplate.FuncMap{
	"headRow": func(b *layout.Block, row int) []layout.HeadCell {
		var out []layout.HeadCell
		for _, h := range b.Head {
			if h.Row == row {
				out = append(out, h)
			}
		}
		return out
	},
	"rows": func(b *layout.Block) []int {
		out := make([]int, b.HeadRows)
		for i := range out {
			out[i] = i
		}
		return out
	},
	"cell": func(c layout.Cell, kind layout.ColumnKind) string {
		switch c.Kind {
		case layout.TextCell:
			return c.Text
		case layout.IntCell:
			return strconv.FormatInt(c.Int, 10)
		case layout.DecimalCell:
			s := strings.ReplaceAll(c.Dec.String(), ".", ",")
			if kind == layout.RateColumn {
				s += "%"
			}
			return s
		}
		return ""
	},
	"numeric": func(c layout.Cell) bool { return c.Kind == layout.IntCell || c.Kind == layout.DecimalCell },
	"kind":    func(b *layout.Block, i int) layout.ColumnKind { return b.Columns[i].Kind },
	"total":   func(r layout.Row) bool { return r.Kind == layout.TotalRow },
	"tail":    func(cs []layout.Cell) []layout.Cell { return cs[2:] },
	"add2":    func(i int) int { return i + 2 },
}).Parse(`{{range .Blocks}}{{$b := .}}<table class="form">
<thead>
{{range rows $b}}<tr>{{range headRow $b .}}<th{{if gt .RowSpan 1}} rowspan="{{.RowSpan}}"{{end}}{{if gt .ColSpan 1}} colspan="{{.ColSpan}}"{{end}} scope="col">{{.Text}}</th>{{end}}</tr>
{{end}}<tr class="nums">{{range .Numbers}}<th>{{.}}</th>{{end}}</tr>
</thead>
<tbody>
{{range .Rows}}{{if total .}}<tr class="total"><td colspan="2" class="c">{{cell (index .Cells 1) 0}}</td>{{range $i, $c := tail .Cells}}<td class="n">{{cell $c (kind $b (add2 $i))}}</td>{{end}}</tr>
{{else}}<tr>{{range $i, $c := .Cells}}<td{{if numeric $c}} class="n"{{else if eq $i 0}} class="c"{{end}}>{{cell $c (kind $b $i)}}</td>{{end}}</tr>
{{end}}{{end}}</tbody>
</table>
{{end}}`))

func benchSheet(b *testing.B, n int) *layout.Sheet {
	f := &bieu.II06a{}
	for i := range n {
		f.Rows = append(f.Rows, bieu.II06aRow{STT: strconv.Itoa(i + 1), Field: "Lĩnh vực thứ " + strconv.Itoa(i+1) + " & <đất đai>",
			Online: int64(i), Direct: 7, CarriedOver: 3, Early: 2, OnTime: int64(i) + 5, Late: 3, PendingOnTime: 1})
	}
	if err := f.Fill(); err != nil {
		b.Fatal(err)
	}
	s := kstt.Layout(f)
	s.Code, s.Title, s.Unit, s.Recipient, s.Period, s.PeriodRange, s.Measure = "", "", "", "", "", "", ""
	return s
}

// BenchmarkTable compares the renderer (a fragment: the table only) with
// html/template writing the same 500-row II.06a table.
func BenchmarkTable(b *testing.B) {
	s := benchSheet(b, 500)
	b.Run("html", func(b *testing.B) {
		r := html.New(html.Options{Fragment: true})
		b.ReportAllocs()
		for b.Loop() {
			if err := r.Render(io.Discard, s); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("template", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := floor.Execute(io.Discard, s); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// The floor writes the same table cells as the renderer (checked so the
// comparison is fair).
func TestFloorSameCells(t *testing.T) {
	s := benchSheet(nil, 3)
	var a, b strings.Builder
	if err := html.New(html.Options{Fragment: true}).Render(&a, s); err != nil {
		t.Fatal(err)
	}
	if err := floor.Execute(&b, s); err != nil {
		t.Fatal(err)
	}
	cells := func(s string) string {
		i, j := strings.Index(s, "<table"), strings.LastIndex(s, "</table>")
		return s[i:j]
	}
	// html/template also escapes "+" (as &#43;); the text is the same.
	if cells(a.String()) != strings.ReplaceAll(cells(b.String()), "&#43;", "+") {
		t.Errorf("different tables:\n%s\n---\n%s", cells(a.String()), cells(b.String()))
	}
}
