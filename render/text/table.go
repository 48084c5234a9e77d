package text

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/render"
)

// A table is one block laid out on a grid of R rows (header rows, the
// column-number row, body rows) by C columns. Each grid slot is owned by
// one cell; a merged cell owns a rectangle of slots. Cell text lives in the
// arena; spans address it.
type table struct {
	arena   []byte
	cells   []cell
	lines   []span  // wrapped lines of all cells, cell.line0 … line0+nline-1
	owner   []int32 // R*C: index into cells of the slot's owner
	R, C    int
	body    int     // first body row
	numbers bool    // row body-1 is the column-number row
	h       []int   // lines per row
	w       []int   // width per column, padding and rules excluded
	rule    []uint8 // per boundary 0…R: noRule, singleRule or doubleRule
	kinds   []layout.ColumnKind
	sugg    []int  // suggested widths (layout.Column.Width), 0 if none
	tmp     []span // scratch for widthFor
}

// span is a piece of text in the arena: bytes [off, off+n), display width
// w, and the width of its widest unbreakable piece (set for cell texts,
// not for wrapped lines).
type span struct{ off, n, w, word int }

type align uint8

const (
	alignLeft align = iota
	alignRight
	alignCenter
)

const (
	noRule uint8 = iota
	singleRule
	doubleRule
)

type cell struct {
	r, c, rs, cs int
	txt          span
	line0, nline int
	al           align
	head         bool // header or column-number row: centred both ways, width capped by the suggested width
	wrap         bool // text that may wrap (numbers never do)
}

// layout lays b out within width columns. It returns nil when b has no
// columns (nothing to draw).
func (p *printer) layout(b *layout.Block) *table {
	C := blockColumns(b)
	if C == 0 {
		return nil
	}
	t := &table{C: C}
	t.kinds = make([]layout.ColumnKind, C)
	t.sugg = make([]int, C)
	for i := range min(C, len(b.Columns)) {
		t.kinds[i] = b.Columns[i].Kind
		t.sugg[i] = max(b.Columns[i].Width, 0)
	}
	hr := headRows(b)
	t.body = hr
	if len(b.Numbers) > 0 {
		t.body++
		t.numbers = true
	}
	t.R = t.body + len(b.Rows)
	t.owner = make([]int32, t.R*C)
	t.cells = make([]cell, 0, t.R*C)
	t.arena = make([]byte, 0, 8*t.R*C)

	// Header: place each cell, clipped to the grid and to the slots still
	// free, then fill the holes with empty cells.
	for i := range t.owner[:hr*C] {
		t.owner[i] = -1
	}
	for _, hc := range b.Head {
		if hc.Row < 0 || hc.Row >= hr || hc.Col < 0 || hc.Col >= C || t.owner[hc.Row*C+hc.Col] >= 0 {
			continue
		}
		cs := 1
		for cs < hc.ColSpan && hc.Col+cs < C && t.owner[hc.Row*C+hc.Col+cs] < 0 {
			cs++
		}
		rs := 1
	rows:
		for rs < hc.RowSpan && hc.Row+rs < hr {
			for c := hc.Col; c < hc.Col+cs; c++ {
				if t.owner[(hc.Row+rs)*C+c] >= 0 {
					break rows
				}
			}
			rs++
		}
		t.add(cell{r: hc.Row, c: hc.Col, rs: rs, cs: cs, txt: p.text(&t.arena, hc.Text), al: alignCenter, head: true, wrap: true})
	}
	for r := range hr {
		for c := range C {
			if t.owner[r*C+c] < 0 {
				t.add(cell{r: r, c: c, rs: 1, cs: 1, al: alignCenter, head: true})
			}
		}
	}
	if len(b.Numbers) > 0 {
		for c := range C {
			var s string
			if c < len(b.Numbers) {
				s = b.Numbers[c]
			}
			t.add(cell{r: hr, c: c, rs: 1, cs: 1, txt: p.text(&t.arena, s), al: alignCenter, head: true, wrap: true})
		}
	}
	for i := range b.Rows {
		p.bodyRow(t, t.body+i, &b.Rows[i])
	}

	// Rules: around the table, between header rows, under the column-number
	// row; a double rule above each TỔNG CỘNG row; none between body rows.
	t.rule = make([]uint8, t.R+1)
	t.rule[0], t.rule[t.R] = singleRule, singleRule
	for h := 1; h < t.R; h++ {
		if h <= t.body {
			t.rule[h] = singleRule
		}
		if h >= t.body && b.Rows[h-t.body].Kind == layout.TotalRow {
			t.rule[h] = doubleRule
		}
	}

	p.widths(t)
	p.wrapAll(t)
	t.heights()
	return t
}

func (t *table) add(c cell) {
	id := int32(len(t.cells))
	t.cells = append(t.cells, c)
	for r := c.r; r < c.r+c.rs; r++ {
		for x := c.c; x < c.c+c.cs; x++ {
			t.owner[r*t.C+x] = id
		}
	}
}

// bodyRow adds the cells of one body row. The TỔNG CỘNG label spans the STT
// column when STT is empty; a section or level label spans the empty cells
// to its right.
func (p *printer) bodyRow(t *table, r int, row *layout.Row) {
	C := t.C
	first := 0
	switch {
	case C >= 2 && row.Kind == layout.TotalRow && isEmpty(row, 0) && !isEmpty(row, 1):
		t.add(cell{r: r, c: 0, rs: 1, cs: 2, txt: p.cellText(t, 1, &row.Cells[1]), al: alignCenter, wrap: true})
		first = 2
	case C >= 3 && (row.Kind == layout.SectionRow || row.Kind == layout.LevelRow) && !isEmpty(row, 1) && allEmpty(row, 2, C):
		var stt span
		if len(row.Cells) > 0 {
			stt = p.cellText(t, 0, &row.Cells[0])
		}
		t.add(cell{r: r, c: 0, rs: 1, cs: 1, txt: stt, al: alignCenter, wrap: true})
		t.add(cell{r: r, c: 1, rs: 1, cs: C - 1, txt: p.cellText(t, 1, &row.Cells[1]), al: alignLeft, wrap: true})
		return
	}
	for c := first; c < C; c++ {
		cl := cell{r: r, c: c, rs: 1, cs: 1}
		if c < len(row.Cells) {
			x := &row.Cells[c]
			cl.txt = p.cellText(t, c, x)
			switch {
			case x.Kind == layout.IntCell || x.Kind == layout.DecimalCell || t.kinds[c].Numeric():
				cl.al = alignRight
				cl.wrap = x.Kind == layout.TextCell
			case c == 0:
				cl.al, cl.wrap = alignCenter, true
			default:
				cl.wrap = true
			}
		}
		t.add(cl)
	}
}

func isEmpty(row *layout.Row, c int) bool {
	if c >= len(row.Cells) {
		return true
	}
	x := &row.Cells[c]
	return x.Kind == layout.EmptyCell || x.Kind == layout.TextCell && blank(x.Text)
}

func allEmpty(row *layout.Row, from, to int) bool {
	for c := from; c < to; c++ {
		if !isEmpty(row, c) {
			return false
		}
	}
	return true
}

// cellText formats a body cell into the arena.
func (p *printer) cellText(t *table, col int, x *layout.Cell) span {
	switch x.Kind {
	case layout.TextCell:
		return p.text(&t.arena, x.Text)
	case layout.IntCell:
		start := len(t.arena)
		if p.opts.PadCounts && t.kinds[col] == layout.CountColumn && x.Int >= 1 && x.Int <= 9 {
			t.arena = append(t.arena, '0', byte('0'+x.Int))
		} else {
			t.arena = strconv.AppendInt(t.arena, x.Int, 10)
		}
		n := len(t.arena) - start
		return span{start, n, n, n}
	case layout.DecimalCell:
		start := len(t.arena)
		t.arena = append(t.arena, x.Dec.String()...)
		if p.opts.DecimalComma {
			for i := start; i < len(t.arena); i++ {
				if t.arena[i] == '.' {
					t.arena[i] = ','
				}
			}
		}
		if t.kinds[col] == layout.RateColumn {
			t.arena = append(t.arena, '%')
		}
		n := len(t.arena) - start
		return span{start, n, n, n}
	}
	return span{off: len(t.arena)}
}

// headRows is the number of header rows of b: HeadRows, or when it is not
// set the rows the header cells start on; at most render.MaxHeadRows.
func headRows(b *layout.Block) int {
	hr := b.HeadRows
	if hr <= 0 {
		hr = 0
		for _, h := range b.Head {
			if h.Row < render.MaxHeadRows {
				hr = max(hr, h.Row+1)
			}
		}
	}
	return min(hr, render.MaxHeadRows)
}

// blockColumns is the number of columns of b: the most of its declared
// columns, column numbers and row cells.
func blockColumns(b *layout.Block) int {
	n := max(len(b.Columns), len(b.Numbers))
	for i := range b.Rows {
		n = max(n, len(b.Rows[i].Cells))
	}
	return n
}

// spanWidth is the width inside a cell's box: its columns and the rules
// between them (" │ ", three columns each).
func (t *table) spanWidth(c *cell) int {
	w := 3 * (c.cs - 1)
	for x := c.c; x < c.c+c.cs; x++ {
		w += t.w[x]
	}
	return w
}

// Width returns the width of the drawn table.
func (t *table) width() int {
	w := 1
	for _, x := range t.w {
		w += x + 3
	}
	return w
}

// widths chooses the column widths. Every cell asks for a width at each
// of seven tiers, from generous to tight:
//
//	0  its text on one line (a header cell at most the column's suggested
//	   width, when the column has one)
//	1  body text and the column-number row on one line, header cells in
//	   at most two lines
//	2  the same, header cells in at most three lines
//	3  the same, header cells wrapped at every space if need be
//	4  body text on one line, formulas wrapped too
//	5  every text wrapped at spaces (its longest word)
//	6  words broken too (three columns of text); numbers and STT whole
//
// A column asks for the most any of its cells asks; a merged cell widens
// the columns it spans. The first tier whose columns fit Width sets the
// minimum, the tier before it the maximum, and the widest columns are
// narrowed first between the two. When not even tier 6 fits, the table is
// printed wider than Width.
func (p *printer) widths(t *table) {
	C := t.C
	var tiers [7][]int
	for i := range tiers {
		tiers[i] = make([]int, C)
	}
	var multi []int
	for i := range t.cells {
		c := &t.cells[i]
		if c.cs > 1 {
			multi = append(multi, i)
			continue
		}
		for k, v := range t.asks(c) {
			tiers[k][c.c] = max(tiers[k][c.c], v)
		}
	}
	slices.SortStableFunc(multi, func(a, b int) int { return cmp.Compare(t.cells[a].cs, t.cells[b].cs) })
	for _, i := range multi {
		c := &t.cells[i]
		for k, v := range t.asks(c) {
			widen(tiers[k][c.c:c.c+c.cs], v-3*(c.cs-1))
		}
	}
	last := len(tiers) - 1
	for x := range C {
		tiers[last][x] = max(tiers[last][x], 1)
		for k := last - 1; k >= 0; k-- {
			tiers[k][x] = max(tiers[k][x], tiers[k+1][x])
		}
	}
	avail := p.opts.Width - (3*C + 1)
	for k := 1; k <= last; k++ {
		if sum(tiers[k]) <= avail {
			t.w = waterfill(tiers[k], tiers[k-1], avail)
			return
		}
	}
	t.w = tiers[last]
}

// asks returns the width c asks for at each tier (see widths).
func (t *table) asks(c *cell) [7]int {
	n := c.txt.w
	if !c.wrap {
		return [7]int{n, n, n, n, n, n, n}
	}
	s := c.txt.word
	h := min(s, 3)
	switch {
	case !c.head && c.c == 0:
		return [7]int{n, n, n, n, n, s, s} // STT: broken at spaces only
	case !c.head:
		return [7]int{n, n, n, n, n, s, h}
	case c.r == t.body-1 && t.numbers:
		return [7]int{n, n, n, n, s, s, h}
	}
	if c.cs == 1 && t.sugg[c.c] > 0 {
		n = min(n, max(t.sugg[c.c], s))
	}
	return [7]int{n, min(n, t.widthFor(c, 2, s)), min(n, t.widthFor(c, 3, s)), s, s, s, h}
}

// widthFor is the narrowest width, from lo up, at which c's text wraps
// into at most k lines.
func (t *table) widthFor(c *cell, k, lo int) int {
	hi := c.txt.w
	for lo < hi {
		m := (lo + hi) / 2
		t.tmp = wrap(t.tmp[:0], t.arena, c.txt, m)
		if len(t.tmp) <= k {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return hi
}

// widen grows the columns of ws so that together (without the rules
// between them) they are at least need wide, spreading the difference
// evenly, the remainder to the last columns.
func widen(ws []int, need int) {
	d := need - sum(ws)
	if d <= 0 {
		return
	}
	n := len(ws)
	for i := range ws {
		ws[i] += d / n
		if i >= n-d%n {
			ws[i]++
		}
	}
}

func sum(xs []int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

// waterfill returns widths between lo and hi that add up to at most avail:
// hi if it fits, lo if not even lo fits, and otherwise every column capped
// at one level L (never below its lo), the level as high as avail allows,
// the remaining columns handed out one each from the left.
func waterfill(lo, hi []int, avail int) []int {
	w := slices.Clone(hi)
	if sum(hi) <= avail {
		return w
	}
	if sum(lo) >= avail {
		copy(w, lo)
		return w
	}
	at := func(L int) int {
		s := 0
		for i := range lo {
			s += max(lo[i], min(hi[i], L))
		}
		return s
	}
	// Largest L with at(L) <= avail; at(0) = sum(lo) < avail.
	L, H := 0, slices.Max(hi)
	for L < H {
		m := (L + H + 1) / 2
		if at(m) <= avail {
			L = m
		} else {
			H = m - 1
		}
	}
	left := avail - at(L)
	for i := range w {
		w[i] = max(lo[i], min(hi[i], L))
	}
	for i := range w {
		if left == 0 {
			break
		}
		if w[i] < hi[i] && w[i] == L {
			w[i]++
			left--
		}
	}
	return w
}

// wrapAll wraps every cell to its box width, narrows each column to the
// widest line it ended up holding, and widens columns again where a merged
// cell needs it.
func (p *printer) wrapAll(t *table) {
	t.lines = t.lines[:0]
	for i := range t.cells {
		t.wrapCell(&t.cells[i])
	}
	used := make([]int, t.C)
	for i := range t.cells {
		c := &t.cells[i]
		if c.cs == 1 {
			used[c.c] = max(used[c.c], t.maxLine(c))
		}
	}
	for x := range t.C {
		t.w[x] = min(t.w[x], max(used[x], 1))
	}
	for i := range t.cells {
		c := &t.cells[i]
		if c.cs == 1 {
			continue
		}
		widen(t.w[c.c:c.c+c.cs], t.maxLine(c)-3*(c.cs-1))
	}
}

// wrapCell wraps c to its box width. A cell that fits on one line keeps
// its text as its only line (line0 -1) and adds nothing to t.lines.
func (t *table) wrapCell(c *cell) {
	c.line0 = -1
	W := t.spanWidth(c)
	if c.txt.n == 0 {
		c.nline = 0
		return
	}
	if !c.wrap || c.txt.w <= W {
		c.nline = 1
		return
	}
	c.line0 = len(t.lines)
	if c.head {
		W = balance(t.arena, c.txt, W)
	}
	t.lines = wrap(t.lines, t.arena, c.txt, W)
	c.nline = len(t.lines) - c.line0
}

// line returns line k of c.
func (t *table) line(c *cell, k int) span {
	if c.line0 < 0 {
		return c.txt
	}
	return t.lines[c.line0+k]
}

// maxLine is the width of c's widest line.
func (t *table) maxLine(c *cell) int {
	m := 0
	for k := range c.nline {
		m = max(m, t.line(c, k).w)
	}
	return m
}

// heights sets the number of lines of every row: its tallest cell, and
// more for a cell spanning several rows that needs it.
func (t *table) heights() {
	t.h = make([]int, t.R)
	for r := range t.h {
		t.h[r] = 1
	}
	for i := range t.cells {
		c := &t.cells[i]
		if c.rs == 1 {
			t.h[c.r] = max(t.h[c.r], c.nline)
		}
	}
	for i := range t.cells {
		c := &t.cells[i]
		if c.rs > 1 {
			if have := t.boxHeight(c); c.nline > have {
				t.h[c.r+c.rs-1] += c.nline - have
			}
		}
	}
}

// boxHeight is the number of lines inside c's box, rules crossed included.
func (t *table) boxHeight(c *cell) int {
	last := c.r + c.rs - 1
	return t.base(c, last) + t.h[last]
}

// base is the line of c's box at which row r starts.
func (t *table) base(c *cell, r int) int {
	n := 0
	for i := c.r; i < r; i++ {
		n += t.h[i]
		if t.rule[i+1] != noRule {
			n++
		}
	}
	return n
}
