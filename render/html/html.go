// Package html renders layout.Sheet values as an HTML document laid out as
// the official forms print: the header block (form code, title, Đơn vị báo
// cáo, Đơn vị nhận báo cáo, Kỳ báo cáo, Đơn vị tính), the table with its
// merged multi-level header and the column-number row ("(3)=(4)+(5)+(6)"),
// numbers right-aligned, text in NFC. A print stylesheet puts each form on
// A4 landscape pages. The page needs no script; everything the sheets hold
// is escaped, so a lĩnh vực named "<script>" prints as text.
//
// Findings passed in Options are shown on their cells: the cell gets the
// class "f-error", "f-warning" or "f-info" and a title (a tooltip) with
// the rule and the message; findings about a whole row mark the row, and
// those about no row of a sheet are listed under it. Charts a sheet
// carries (layout.Chart) are drawn as inline SVG (see WriteChart).
//
// The renderer registers under "html" in a render.Registry, like render/text
// and render/xlsx.
package html

import (
	"bufio"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/baocaodinhky/vpcp/internal/vntext"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/render"
)

var _ render.Renderer = (*Renderer)(nil)

// Options configure a Renderer. The zero value writes a whole document,
// counts as stored, messages in Vietnamese, no findings.
type Options struct {
	// Findings are shown on the cells they are about. A finding belongs
	// to the sheet whose Name is its Form; its Part picks the block ("" or
	// "I" the first, "II" the second, …), its Row the body row and its
	// Column the column whose official number it is. Findings of several
	// units (Finding.Unit set) should be filtered by the caller: the
	// renderer does not know which unit a sheet is of.
	Findings kstt.Findings
	// English writes the findings' messages in English.
	English bool
	// PadCounts prints counts 1 to 9 as "01"…"09", as official documents
	// print them.
	PadCounts bool
	// Fragment writes only the sheets' <section> elements, for a page
	// that embeds them and includes Style itself; otherwise Render writes
	// a whole document.
	Fragment bool
	// Title is the document's <title>; "" takes the first sheet's title.
	Title string
}

// Renderer writes sheets as HTML. It has no mutable state and is safe for
// concurrent use; the zero Renderer and a nil *Renderer use the zero
// Options.
type Renderer struct{ opts Options }

// New returns a Renderer with the given options.
func New(opts Options) *Renderer { return &Renderer{opts: opts} }

// Format returns "html".
func (r *Renderer) Format() string { return "html" }

// Style is the stylesheet of the documents Render writes: the forms'
// table layout on screen and, for printing, A4 landscape pages with one
// form per page and the table header repeated. A page that embeds
// fragments (Options.Fragment) includes it in its own <style>.
const Style = `body{font-family:"Times New Roman",Times,serif;color:#000;background:#fff;margin:16px}
.sheet{margin:0 0 32px}
.sheet .code{font-size:13px}
.sheet h2{font-size:16px;text-align:center;margin:6px auto 8px;max-width:48em}
.sheet .hd{margin:2px 0;font-size:14px}
.sheet .period{text-align:center}
.sheet .measure{text-align:right;font-style:italic}
.sheet h3{font-size:14px;margin:12px 0 4px}
table.form{border-collapse:collapse;font-size:13px;margin:4px 0 8px}
table.form th,table.form td{border:1px solid #000;padding:2px 5px;vertical-align:middle}
table.form th{font-weight:bold;text-align:center}
table.form tr.nums th{font-weight:normal;font-style:italic;font-size:12px}
table.form td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
table.form td.c{text-align:center}
table.form tr.total td,table.form tr.section td,table.form tr.level td{font-weight:bold}
table.form .f-error{background:#fcd4d4;outline:2px solid #c00;outline-offset:-2px}
table.form .f-warning{background:#ffedb8;outline:2px solid #c80;outline-offset:-2px}
table.form .f-info{background:#dbe9ff}
.findings{font-size:13px;margin:4px 0 12px;padding-left:20px}
.findings .error{color:#a00}
.findings .warning{color:#850}
.notes{font-size:13px}
figure.chart{margin:8px 0 16px;break-inside:avoid}
figure.chart figcaption{font-weight:bold;font-size:14px;margin-bottom:4px}
@media print{
@page{size:A4 landscape;margin:12mm}
body{margin:0}
.sheet{break-after:page}
.sheet:last-child{break-after:auto}
table.form thead{display:table-header-group}
table.form tr{break-inside:avoid}
.noprint{display:none}
}
`

// Render writes sheets to w as one HTML document (or, with
// Options.Fragment, as one <section class="sheet"> per sheet). It checks
// sheets with render.CheckSheets first: a nil sheet gives an error wrapping
// render.ErrNilSheet and nothing is written. No sheet writes an empty
// document (or nothing, for a fragment). Odd sheets (short rows, header
// cells outside the grid) are written as well as they can be, never with
// a panic.
func (r *Renderer) Render(w io.Writer, sheets ...*layout.Sheet) error {
	var opts Options
	if r != nil {
		opts = r.opts
	}
	if err := render.CheckSheets(sheets); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 16<<10)
	p := &printer{w: bw, opts: &opts}
	if !opts.Fragment {
		title := opts.Title
		if title == "" && len(sheets) > 0 {
			title = sheets[0].Title
		}
		p.raw(`<!DOCTYPE html>` + "\n" + `<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>`)
		p.text(title)
		p.raw("</title>\n<style>\n" + Style + "</style></head>\n<body>\n")
	}
	for _, s := range sheets {
		p.sheet(s)
	}
	if !opts.Fragment {
		p.raw("</body></html>\n")
	}
	return bw.Flush()
}

type printer struct {
	w    *bufio.Writer
	opts *Options
	buf  []byte
}

func (p *printer) raw(s string) { _, _ = p.w.WriteString(s) }

// text writes s in NFC, escaped for element content and attribute values.
func (p *printer) text(s string) {
	p.buf = appendEscaped(p.buf[:0], vntext.NFC(s))
	_, _ = p.w.Write(p.buf)
}

// elem writes s as text between the markup open and end.
func (p *printer) elem(open, s, end string) {
	p.raw(open)
	p.text(s)
	p.raw(end)
}

// appendEscaped appends s with & < > " ' escaped.
func appendEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case 0:
			esc = "\uFFFD"
		default:
			continue
		}
		b = append(b, s[last:i]...)
		b = append(b, esc...)
		last = i + 1
	}
	return append(b, s[last:]...)
}

// cellKey addresses a body cell: block, row, column index (-1: the row).
type cellKey struct{ block, row, col int }

// partIndex maps a finding's part to a block index: "" and "I" the first
// block, "II" the second, and so on (Roman numerals, as the forms number
// their parts); -1 when the part is no Roman numeral.
func partIndex(part string) int {
	if part == "" {
		return 0
	}
	vals := map[byte]int{'I': 1, 'V': 5, 'X': 10}
	n, prev := 0, 0
	for i := len(part) - 1; i >= 0; i-- {
		v := vals[part[i]]
		if v == 0 {
			return -1
		}
		if v < prev {
			n -= v
		} else {
			n += v
		}
		prev = v
	}
	return n - 1
}

func (p *printer) sheet(s *layout.Sheet) {
	// The findings of this sheet, by cell; those on no cell go below.
	var at map[cellKey][]*kstt.Finding
	var loose []*kstt.Finding
	for i := range p.opts.Findings {
		f := &p.opts.Findings[i]
		if f.Form != s.Name {
			continue
		}
		bi := partIndex(f.Part)
		if f.Row < 0 || bi < 0 || bi >= len(s.Blocks) || f.Row >= len(s.Blocks[bi].Rows) {
			loose = append(loose, f)
			continue
		}
		col := -1
		if f.Column > 0 {
			col = slices.IndexFunc(s.Blocks[bi].Columns, func(c layout.Column) bool { return c.Num == f.Column })
			if col < 0 {
				loose = append(loose, f)
				continue
			}
		}
		if at == nil {
			at = map[cellKey][]*kstt.Finding{}
		}
		k := cellKey{bi, f.Row, col}
		at[k] = append(at[k], f)
	}

	p.raw(`<section class="sheet">` + "\n")
	if s.Code != "" {
		p.elem(`<div class="code">`, s.Code, "</div>\n")
	}
	if s.Title != "" {
		p.elem("<h2>", s.Title, "</h2>\n")
	}
	for _, line := range []struct{ cls, s string }{
		{"hd", s.Unit}, {"hd", s.Recipient}, {"hd period", s.Period}, {"hd period", s.PeriodRange}, {"hd measure", s.Measure},
	} {
		if line.s != "" {
			p.elem(`<p class="`+line.cls+`">`, line.s, "</p>\n")
		}
	}
	for bi := range s.Blocks {
		p.block(bi, &s.Blocks[bi], at)
	}
	if len(loose) > 0 {
		p.raw(`<ul class="findings">` + "\n")
		for _, f := range loose {
			p.elem(`<li class="`+sevClass(f.Severity)+`">`, p.findingLine(f, true), "</li>\n")
		}
		p.raw("</ul>\n")
	}
	if len(s.Notes) > 0 {
		p.raw(`<div class="notes">`)
		for _, n := range s.Notes {
			p.elem("<p>", n, "</p>")
		}
		p.raw("</div>\n")
	}
	for i := range s.Charts {
		p.raw(`<figure class="chart">`)
		if t := s.Charts[i].Title; t != "" {
			p.elem("<figcaption>", t, "</figcaption>")
		}
		_ = writeChart(p, &s.Charts[i])
		p.raw("</figure>\n")
	}
	p.raw("</section>\n")
}

func sevClass(s kstt.Severity) string {
	switch s {
	case kstt.Error:
		return "error"
	case kstt.Warning:
		return "warning"
	}
	return "info"
}

// findingLine is one finding as a tooltip line: severity, rule, message,
// expected and actual.
func (p *printer) findingLine(f *kstt.Finding, where bool) string {
	sev, msg := f.Severity.Vietnamese(), f.Message
	exp, act := "cần", "có"
	if p.opts.English {
		sev, msg, exp, act = f.Severity.String(), f.MessageEN, "expected", "actual"
	}
	var b strings.Builder
	b.WriteString(sev + " " + string(f.Rule))
	if where {
		if w := f.Where(); w != "" {
			b.WriteString(" (" + w + ")")
		}
	}
	b.WriteString(": " + msg)
	if f.Expected != "" || f.Actual != "" {
		b.WriteString(" [" + exp + " " + f.Expected + "; " + act + " " + f.Actual + "]")
	}
	return b.String()
}

// worst returns the class of the most severe finding.
func worst(fs []*kstt.Finding) string {
	best := kstt.Severity(0)
	for _, f := range fs {
		best = max(best, f.Severity)
	}
	return "f-" + sevClass(best)
}

// marks writes ` class="… f-error" title="…"` for the findings on a cell,
// or just the class attribute when there are none.
func (p *printer) marks(cls string, fs []*kstt.Finding) {
	if len(fs) > 0 {
		if cls != "" {
			cls += " "
		}
		cls += worst(fs)
	}
	if cls != "" {
		p.raw(` class="`)
		p.raw(cls)
		p.raw(`"`)
	}
	if len(fs) > 0 {
		p.raw(` title="`)
		for i, f := range fs {
			if i > 0 {
				p.raw("&#10;")
			}
			p.text(p.findingLine(f, false))
		}
		p.raw(`"`)
	}
}

func (p *printer) block(bi int, b *layout.Block, at map[cellKey][]*kstt.Finding) {
	if b.Title != "" {
		p.elem("<h3>", b.Title, "</h3>\n")
	}
	ncol := len(b.Columns)
	for _, r := range b.Rows {
		ncol = max(ncol, len(r.Cells))
	}
	p.raw(`<table class="form">` + "\n<thead>\n")
	// The header grid: each cell in the row it starts on, clipped to the
	// grid, overlaps dropped.
	hr := min(max(b.HeadRows, 0), render.MaxHeadRows)
	for _, h := range b.Head {
		if h.Row >= 0 && h.Row < render.MaxHeadRows {
			hr = max(hr, h.Row+1)
		}
	}
	if hr > 0 && ncol > 0 {
		taken := make([]bool, hr*ncol)
		for row := 0; row < hr; row++ {
			p.raw("<tr>")
			for _, h := range b.Head {
				if h.Row != row || h.Col < 0 || h.Col >= ncol || taken[row*ncol+h.Col] {
					continue
				}
				rs := min(max(h.RowSpan, 1), hr-row)
				cs := min(max(h.ColSpan, 1), ncol-h.Col)
				for y := row; y < row+rs; y++ {
					for x := h.Col; x < h.Col+cs; x++ {
						taken[y*ncol+x] = true
					}
				}
				p.raw("<th")
				if rs > 1 {
					p.raw(` rowspan="` + strconv.Itoa(rs) + `"`)
				}
				if cs > 1 {
					p.raw(` colspan="` + strconv.Itoa(cs) + `"`)
				}
				p.elem(` scope="col">`, h.Text, "</th>")
			}
			p.raw("</tr>\n")
		}
	}
	if len(b.Numbers) > 0 {
		p.raw(`<tr class="nums">`)
		for c := 0; c < ncol; c++ {
			p.raw("<th>")
			if c < len(b.Numbers) {
				p.text(b.Numbers[c])
			}
			p.raw("</th>")
		}
		p.raw("</tr>\n")
	}
	p.raw("</thead>\n<tbody>\n")
	for ri := range b.Rows {
		row := &b.Rows[ri]
		p.raw("<tr")
		p.marks(rowClass(row.Kind), at[cellKey{bi, ri, -1}])
		p.raw(">")
		c := 0
		// TỔNG CỘNG with no STT spans (1) and (2), as the forms print it.
		if row.Kind == layout.TotalRow && ncol >= 2 && len(row.Cells) >= 2 && blankCell(&row.Cells[0]) {
			fs := append(slices.Clone(at[cellKey{bi, ri, 0}]), at[cellKey{bi, ri, 1}]...)
			p.raw(`<td colspan="2"`)
			p.marks("c", fs)
			p.raw(">")
			p.cellText(b, 1, &row.Cells[1])
			p.raw("</td>")
			c = 2
		}
		for ; c < ncol; c++ {
			var cell *layout.Cell
			if c < len(row.Cells) {
				cell = &row.Cells[c]
			}
			cls := ""
			switch {
			case cell != nil && (cell.Kind == layout.IntCell || cell.Kind == layout.DecimalCell):
				cls = "n"
			case c == 0:
				cls = "c"
			case c < len(b.Columns) && b.Columns[c].Kind.Numeric():
				cls = "n"
			}
			p.raw("<td")
			p.marks(cls, at[cellKey{bi, ri, c}])
			p.raw(">")
			if cell != nil {
				p.cellText(b, c, cell)
			}
			p.raw("</td>")
		}
		p.raw("</tr>\n")
	}
	p.raw("</tbody>\n</table>\n")
}

func blankCell(c *layout.Cell) bool {
	return c.Kind == layout.EmptyCell || c.Kind == layout.TextCell && strings.TrimSpace(c.Text) == ""
}

func rowClass(k layout.RowKind) string {
	switch k {
	case layout.TotalRow:
		return "total"
	case layout.SectionRow:
		return "section"
	case layout.LevelRow:
		return "level"
	}
	return ""
}

// cellText writes a body cell's value: text escaped, counts as integers
// (padded with Options.PadCounts), decimals with a decimal comma and, in a
// rate column, a per cent sign ("99,71%").
func (p *printer) cellText(b *layout.Block, col int, x *layout.Cell) {
	var kind layout.ColumnKind
	if col < len(b.Columns) {
		kind = b.Columns[col].Kind
	}
	switch x.Kind {
	case layout.TextCell:
		p.text(x.Text)
	case layout.IntCell:
		p.buf = p.buf[:0]
		if p.opts.PadCounts && kind == layout.CountColumn && x.Int >= 1 && x.Int <= 9 {
			p.buf = append(p.buf, '0')
		}
		p.buf = strconv.AppendInt(p.buf, x.Int, 10)
		_, _ = p.w.Write(p.buf)
	case layout.DecimalCell:
		p.buf = append(p.buf[:0], x.Dec.String()...)
		for i, c := range p.buf {
			if c == '.' {
				p.buf[i] = ','
			}
		}
		if kind == layout.RateColumn {
			p.buf = append(p.buf, '%')
		}
		_, _ = p.w.Write(p.buf)
	}
}
