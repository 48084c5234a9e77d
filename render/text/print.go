package text

import (
	"io"

	"github.com/baocaodinhky/vpcp/kstt/layout"
)

// printer accumulates output in buf and hands it to w in large pieces,
// keeping the first write error.
type printer struct {
	w         io.Writer
	opts      Options
	buf       []byte
	lineStart int
	nlines    int // lines ended so far
	err       error
	g         glyphs
	scratch   []byte
}

// glyphs are the characters rules are drawn with: the vertical rule, the
// horizontal rule per rule kind, and the junction per rule kind and arms
// (up<<3 | down<<2 | left<<1 | right).
type glyphs struct {
	v string
	h [3]string
	j [3][16]string
}

// Junction tables, indexed by arms: up<<3 | down<<2 | left<<1 | right.
const (
	boxSingle   = " ╶╴─╷┌┐┬╵└┘┴│├┤┼"
	boxDouble   = " ═══╷╒╕╤╵╘╛╧│╞╡╪"
	asciiSingle = " ---|+++|+++|+++"
	asciiDouble = " ===|+++|+++|+++"
)

func newGlyphs(s Style) glyphs {
	g := glyphs{v: "│", h: [3]string{" ", "─", "═"}}
	single, double := boxSingle, boxDouble
	if s == ASCIIStyle {
		g = glyphs{v: "|", h: [3]string{" ", "-", "="}}
		single, double = asciiSingle, asciiDouble
	}
	fill := func(dst *[16]string, set string) {
		for i, r := range []rune(set) {
			dst[i] = string(r)
		}
	}
	fill(&g.j[singleRule], single)
	fill(&g.j[doubleRule], double)
	fill(&g.j[noRule], single)
	return g
}

const flushAt = 64 << 10

func newPrinter(w io.Writer, opts Options) *printer {
	return &printer{w: w, opts: opts, g: newGlyphs(opts.Style), buf: make([]byte, 0, flushAt+4096)}
}

// endLine ends the current line, dropping its trailing spaces.
func (p *printer) endLine() {
	n := len(p.buf)
	for n > p.lineStart && p.buf[n-1] == ' ' {
		n--
	}
	p.buf = append(p.buf[:n], '\n')
	p.lineStart = len(p.buf)
	p.nlines++
	if len(p.buf) >= flushAt {
		p.flush()
	}
}

func (p *printer) flush() error {
	if p.err == nil && len(p.buf) > 0 {
		_, p.err = p.w.Write(p.buf)
	}
	p.buf = p.buf[:0]
	p.lineStart = 0
	return p.err
}

func (p *printer) spaces(n int) {
	for ; n > 0; n-- {
		p.buf = append(p.buf, ' ')
	}
}

func (p *printer) repeat(s string, n int) {
	for ; n > 0; n-- {
		p.buf = append(p.buf, s...)
	}
}

// sheet prints one sheet: the header block, each block, the notes.
func (p *printer) sheet(s *layout.Sheet) {
	tables := make([]*table, len(s.Blocks))
	tw := 0
	for i := range s.Blocks {
		if tables[i] = p.layout(&s.Blocks[i]); tables[i] != nil {
			tw = max(tw, tables[i].width())
		}
	}
	// The header block is as wide as the widest table, but at least
	// min(Width, 60) so that a narrow table does not squeeze the title.
	hw := max(tw, min(p.opts.Width, 60))
	start := p.nlines

	p.para(s.Code, hw, alignLeft)
	p.para(s.Title, hw, alignCenter)
	p.para(s.Period, hw, alignCenter)
	p.para(s.PeriodRange, hw, alignCenter)
	p.para(s.Unit, hw, alignLeft)
	p.para(s.Recipient, hw, alignLeft)
	p.para(s.Measure, hw, alignRight)
	for i := range s.Blocks {
		if p.nlines > start {
			p.endLine()
		}
		width := hw
		if tables[i] != nil {
			width = tables[i].width()
		}
		p.para(s.Blocks[i].Title, max(width, min(hw, 60)), alignLeft)
		if tables[i] != nil {
			p.draw(tables[i])
		}
	}
	if len(s.Notes) > 0 {
		if p.nlines > start {
			p.endLine()
		}
		for _, n := range s.Notes {
			p.para(n, hw, alignLeft)
		}
	}
}

// para prints s wrapped to width, each line aligned; nothing when s is
// empty.
func (p *printer) para(s string, width int, al align) {
	p.scratch = p.scratch[:0]
	sp := p.text(&p.scratch, s)
	if sp.n == 0 {
		return
	}
	var lines []span
	switch {
	case sp.w <= width:
		lines = append(lines, sp)
	case al == alignCenter:
		lines = wrap(nil, p.scratch, sp, balance(p.scratch, sp, width))
	default:
		lines = wrap(nil, p.scratch, sp, width)
	}
	for _, l := range lines {
		p.aligned(p.scratch[l.off:l.off+l.n], l.w, width, al)
		p.endLine()
	}
}

func (p *printer) aligned(b []byte, w, width int, al align) {
	pad := max(width-w, 0)
	switch al {
	case alignRight:
		p.spaces(pad)
		p.buf = append(p.buf, b...)
	case alignCenter:
		p.spaces(pad / 2)
		p.buf = append(p.buf, b...)
		p.spaces(pad - pad/2)
	default:
		p.buf = append(p.buf, b...)
		p.spaces(pad)
	}
}

// draw prints a laid-out table.
func (p *printer) draw(t *table) {
	for r := 0; r <= t.R; r++ {
		if t.rule[r] != noRule {
			p.ruleLine(t, r)
		}
		if r == t.R {
			break
		}
		for k := range t.h[r] {
			p.contentLine(t, r, k)
		}
	}
}

// vline reports whether a vertical rule runs at boundary v in row r.
func (t *table) vline(r, v int) bool {
	return v == 0 || v == t.C || t.owner[r*t.C+v-1] != t.owner[r*t.C+v]
}

// hline reports whether a horizontal rule runs at boundary h over column c.
func (t *table) hline(h, c int) bool {
	return h == 0 || h == t.R || t.owner[(h-1)*t.C+c] != t.owner[h*t.C+c]
}

// ruleLine prints the rule at boundary h, with the text of any cell that
// spans across it.
func (p *printer) ruleLine(t *table, h int) {
	kind := t.rule[h]
	for v := 0; ; {
		arms := 0
		if h > 0 && t.vline(h-1, v) {
			arms |= 8
		}
		if h < t.R && t.vline(h, v) {
			arms |= 4
		}
		if v > 0 && t.hline(h, v-1) {
			arms |= 2
		}
		if v < t.C && t.hline(h, v) {
			arms |= 1
		}
		p.buf = append(p.buf, p.g.j[kind][arms]...)
		if v == t.C {
			break
		}
		if t.hline(h, v) {
			p.repeat(p.g.h[kind], t.w[v]+2)
			v++
			continue
		}
		c := &t.cells[t.owner[h*t.C+v]]
		p.cellLine(t, c, t.base(c, h)-1)
		v = c.c + c.cs
	}
	p.endLine()
}

// contentLine prints line k of row r.
func (p *printer) contentLine(t *table, r, k int) {
	row := t.owner[r*t.C : (r+1)*t.C]
	for v := 0; v < t.C; {
		c := &t.cells[row[v]]
		p.buf = append(p.buf, p.g.v...)
		idx := k
		if c.rs > 1 {
			idx += t.base(c, r)
		}
		p.cellLine(t, c, idx)
		v = c.c + c.cs
	}
	p.buf = append(p.buf, p.g.v...)
	p.endLine()
}

// cellLine prints line idx of c's box, padded to the box width, with one
// space either side.
func (p *printer) cellLine(t *table, c *cell, idx int) {
	W := t.w[c.c]
	if c.cs > 1 {
		W = t.spanWidth(c)
	}
	p.buf = append(p.buf, ' ')
	if c.head && c.nline > 0 {
		H := t.h[c.r]
		if c.rs > 1 {
			H = t.boxHeight(c)
		}
		idx -= (H - c.nline) / 2
	}
	if idx >= 0 && idx < c.nline {
		l := t.line(c, idx)
		p.aligned(t.arena[l.off:l.off+l.n], l.w, W, c.al)
	} else {
		p.spaces(W)
	}
	p.buf = append(p.buf, ' ')
}
