package xlsx

import (
	"fmt"
	"math"

	"github.com/xuri/excelize/v2"

	"github.com/baocaodinhky/vpcp/kstt/layout"
)

// Workbook limits and layout constants.
const (
	maxRows         = 1 << 20 // rows of a worksheet
	maxCols         = 1 << 14 // columns of a worksheet
	maxHeadRows     = 64      // header rows a block may declare; deeper cells are dropped
	labelCapUnits   = 40      // a text column without a declared width grows to this, then wraps
	minNumUnits     = 7       // narrowest numeric column
	minColUnits     = 4       // narrowest column
	defaultColUnits = 9       // a column no block uses
	headMaxLines    = 3       // a leaf header label is given room to wrap in at most this many lines
)

// lineKind is the role of a full-width line: the header block above the
// tables, a block title, a note.
type lineKind uint8

const (
	lineCode lineKind = iota
	lineTitle
	lineCentre
	lineItalic
	lineMeasure
	lineBlockTitle
	lineNote
)

// lineRow is one full-width line, merged across the table width.
type lineRow struct {
	row    int
	kind   lineKind
	text   string
	height float64
}

// blockPlan places one block of a sheet.
type blockPlan struct {
	b        *layout.Block
	width    int // columns of the block's table
	title    int // row of the block title, 0 when none
	headRow  int // first header row, 0 when none
	headRows int
	head     []layout.HeadCell // the header cells kept: inside the grid, not overlapping
	headHt   []float64         // height of each header row, points
	numRow   int               // row of the column-number row, 0 when none
	numHt    float64
	bodyRow  int         // row of body row 0
	colIdx   map[int]int // official column number → 0-based column index
}

// sheetPlan places every row and column of a sheet before it is streamed
// (a StreamWriter needs the widths before the first row).
type sheetPlan struct {
	s       *layout.Sheet
	name    string
	ncols   int
	widths  []float64
	letters []string // column letters, "A", "B" …
	lines   []lineRow
	blocks  []blockPlan
	lastRow int
}

// printTitles returns the header rows to repeat on every printed page and
// to freeze the panes below: those of the only block, or 0, 0.
func (p *sheetPlan) printTitles() (first, last int) {
	if len(p.blocks) != 1 {
		return 0, 0
	}
	bp := &p.blocks[0]
	switch {
	case bp.headRow > 0 && bp.numRow > 0:
		return bp.headRow, bp.numRow
	case bp.headRow > 0:
		return bp.headRow, bp.headRow + bp.headRows - 1
	case bp.numRow > 0:
		return bp.numRow, bp.numRow
	}
	return 0, 0
}

func boldRow(k layout.RowKind) bool {
	return k == layout.SectionRow || k == layout.LevelRow || k == layout.TotalRow
}

// planSheet lays out s: block widths, column widths, the row of every
// line, header row and body row, and the heights of the fixed rows.
func planSheet(s *layout.Sheet, name string) (*sheetPlan, error) {
	p := &sheetPlan{s: s, name: name, ncols: 1}
	p.blocks = make([]blockPlan, len(s.Blocks))
	for bi := range s.Blocks {
		b := &s.Blocks[bi]
		bp := &p.blocks[bi]
		bp.b = b
		bp.width = len(b.Columns)
		if bp.width == 0 {
			bp.width = len(b.Numbers)
			for _, r := range b.Rows {
				bp.width = max(bp.width, len(r.Cells))
			}
		}
		if bp.width > maxCols {
			return nil, fmt.Errorf("xlsx: sheet %q block %d: %d columns: %w", name, bi+1, bp.width, ErrTooLarge)
		}
		bp.colIdx = make(map[int]int, len(b.Columns))
		for ci, c := range b.Columns {
			if _, dup := bp.colIdx[c.Num]; !dup {
				bp.colIdx[c.Num] = ci
			}
		}
		bp.headRows, bp.head = headGrid(b, bp.width)
		p.ncols = max(p.ncols, bp.width)
	}
	p.letters = make([]string, p.ncols)
	for i := range p.letters {
		p.letters[i], _ = excelize.ColumnNumberToName(i + 1)
	}
	p.planWidths()
	total := 0.0
	for _, w := range p.widths {
		total += w
	}

	row := 1
	line := func(kind lineKind, text string) {
		if text == "" {
			return
		}
		size, bold := bodyPt, kind == lineTitle || kind == lineBlockTitle
		n := wrapLines(text, size, bold, usablePx(total))
		p.lines = append(p.lines, lineRow{row: row, kind: kind, text: text, height: linesPt(n, size)})
		row++
	}
	line(lineCode, s.Code)
	line(lineTitle, s.Title)
	line(lineCentre, s.Unit)
	line(lineCentre, s.Recipient)
	line(lineCentre, s.Period)
	line(lineItalic, s.PeriodRange)
	line(lineMeasure, s.Measure)
	for bi := range p.blocks {
		bp := &p.blocks[bi]
		if bi > 0 {
			row++ // a blank row between blocks
		}
		if bp.b.Title != "" {
			bp.title = row
			line(lineBlockTitle, bp.b.Title)
		}
		if bp.headRows > 0 {
			bp.headRow = row
			row += bp.headRows
			bp.headHt = p.headHeights(bp)
		}
		if len(bp.b.Numbers) > 0 && bp.width > 0 {
			bp.numRow = row
			bp.numHt = linesPt(1, headPt)
			for ci, t := range bp.b.Numbers[:min(len(bp.b.Numbers), bp.width)] {
				bp.numHt = max(bp.numHt, linesPt(wrapLines(t, headPt, false, usablePx(p.widths[ci])), headPt))
			}
			row++
		}
		bp.bodyRow = row
		if len(bp.b.Rows) > maxRows {
			return nil, fmt.Errorf("xlsx: sheet %q block %d: %d rows: %w", name, bi+1, len(bp.b.Rows), ErrTooLarge)
		}
		row += len(bp.b.Rows)
	}
	if len(s.Notes) > 0 {
		row++
		for _, n := range s.Notes {
			line(lineNote, n)
		}
	}
	p.lastRow = row - 1
	if p.lastRow > maxRows {
		return nil, fmt.Errorf("xlsx: sheet %q: %d rows: %w", name, p.lastRow, ErrTooLarge)
	}
	return p, nil
}

// headGrid keeps the header cells of b that fit a grid of b's header rows
// (HeadRows, or as deep as the cells reach when it is not set) by width
// columns, in order, dropping a cell that lies outside the grid or
// overlaps one kept before it, and clipping spans at the grid's edge.
func headGrid(b *layout.Block, width int) (int, []layout.HeadCell) {
	rows := b.HeadRows
	if rows <= 0 { // not declared: as deep as the cells reach
		rows = 0
		for _, c := range b.Head {
			if c.Row >= 0 && c.Row < maxHeadRows {
				rows = max(rows, c.Row+min(max(c.RowSpan, 1), maxHeadRows))
			}
		}
	}
	rows = min(rows, maxHeadRows)
	if rows == 0 || width == 0 {
		return 0, nil
	}
	taken := make([]bool, rows*width)
	kept := make([]layout.HeadCell, 0, len(b.Head))
next:
	for _, c := range b.Head {
		if c.Row < 0 || c.Col < 0 || c.Row >= rows || c.Col >= width {
			continue
		}
		c.RowSpan = min(max(c.RowSpan, 1), rows-c.Row)
		c.ColSpan = min(max(c.ColSpan, 1), width-c.Col)
		for r := c.Row; r < c.Row+c.RowSpan; r++ {
			for k := c.Col; k < c.Col+c.ColSpan; k++ {
				if taken[r*width+k] {
					continue next
				}
			}
		}
		for r := c.Row; r < c.Row+c.RowSpan; r++ {
			for k := c.Col; k < c.Col+c.ColSpan; k++ {
				taken[r*width+k] = true
			}
		}
		kept = append(kept, c)
	}
	return rows, kept
}

// spanUnits is the width of columns [col, col+n).
func (p *sheetPlan) spanUnits(col, n int) float64 {
	w := 0.0
	for _, x := range p.widths[col : col+n] {
		w += x
	}
	return w
}

// headHeights gives each header row the height its single-row cells need,
// then adds to the last row of a taller cell what it still lacks.
func (p *sheetPlan) headHeights(bp *blockPlan) []float64 {
	ht := make([]float64, bp.headRows)
	for i := range ht {
		ht[i] = linesPt(1, headPt)
	}
	need := func(c layout.HeadCell) float64 {
		return linesPt(wrapLines(c.Text, headPt, true, usablePx(p.spanUnits(c.Col, c.ColSpan))), headPt)
	}
	for _, c := range bp.head {
		if c.RowSpan == 1 {
			ht[c.Row] = max(ht[c.Row], need(c))
		}
	}
	for _, c := range bp.head {
		if c.RowSpan > 1 {
			have := 0.0
			for _, h := range ht[c.Row : c.Row+c.RowSpan] {
				have += h
			}
			if n := need(c); n > have {
				last := c.Row + c.RowSpan - 1
				ht[last] = min(ht[last]+n-have, maxRowPt)
			}
		}
	}
	return ht
}

// planWidths estimates every column's width so that no label is cut:
// the declared width, the widest word of any header label, the widest
// word of a text cell up to labelCapUnits (or the declared width if
// wider), a text cell in full up to the declared width or labelCapUnits
// (then it wraps), the
// column-number label and the numbers in full, room for a leaf header
// label in headMaxLines lines; then widens the columns under a spanning
// header cell that its widest word does not fit.
func (p *sheetPlan) planWidths() {
	p.widths = make([]float64, p.ncols)
	used := make([]bool, p.ncols)
	for bi := range p.blocks {
		bp := &p.blocks[bi]
		b := bp.b
		w := make([]float64, bp.width)
		textPxMax := make([]float64, bp.width)
		wordPxMax := make([]float64, bp.width) // widest word of the body's text
		headPxMax := make([]float64, bp.width) // widest word of a one-column header label
		numPxMax := make([]float64, bp.width)
		for _, r := range b.Rows {
			bold := boldRow(r.Kind)
			for ci := range min(len(r.Cells), bp.width) {
				c := &r.Cells[ci]
				switch c.Kind {
				case layout.TextCell:
					px := textPx(c.Text, bodyPt, bold)
					if px > wordPxMax[ci] {
						wordPxMax[ci] = max(wordPxMax[ci], longestWordPx(c.Text, bodyPt, bold))
					}
					textPxMax[ci] = max(textPxMax[ci], px)
				case layout.IntCell:
					numPxMax[ci] = max(numPxMax[ci], digitsPx(intDigits(c.Int)))
				case layout.DecimalCell:
					numPxMax[ci] = max(numPxMax[ci], digitsPx(len(c.Dec.String())+2))
				}
			}
		}
		for _, h := range bp.head {
			if h.ColSpan == 1 {
				ci := h.Col
				headPxMax[ci] = max(headPxMax[ci], longestWordPx(h.Text, headPt, true))
				w[ci] = max(w[ci], colUnits(textPx(h.Text, headPt, true)/headMaxLines))
			}
		}
		for ci := range bp.width {
			declared := 0.0
			numeric := false
			if ci < len(b.Columns) {
				declared = float64(max(b.Columns[ci].Width, 0))
				numeric = b.Columns[ci].Kind.Numeric()
			}
			capUnits := float64(labelCapUnits)
			if declared > 0 {
				capUnits = declared
			}
			// A body word wider than the cap is broken across lines, as
			// spreadsheet programs break it; header words never are.
			wordCap := max(capUnits, labelCapUnits)
			w[ci] = min(w[ci], max(capUnits, colUnits(headPxMax[ci])))
			w[ci] = max(w[ci], declared, colUnits(headPxMax[ci]), min(colUnits(wordPxMax[ci]), wordCap),
				min(colUnits(textPxMax[ci]), capUnits), colUnits(numPxMax[ci]))
			if ci < len(b.Numbers) {
				w[ci] = max(w[ci], colUnits(textPx(b.Numbers[ci], headPt, false)))
			}
			if numeric {
				w[ci] = max(w[ci], minNumUnits)
			}
		}
		for _, h := range bp.head {
			if h.ColSpan > 1 {
				need := colUnits(longestWordPx(h.Text, headPt, true))
				have := 0.0
				for _, x := range w[h.Col : h.Col+h.ColSpan] {
					have += x
				}
				if need > have {
					for k := h.Col; k < h.Col+h.ColSpan; k++ {
						w[k] += (need - have) / float64(h.ColSpan)
					}
				}
			}
		}
		for ci := range bp.width {
			p.widths[ci] = max(p.widths[ci], w[ci])
			used[ci] = true
		}
	}
	for i := range p.widths {
		switch {
		case !used[i]:
			p.widths[i] = defaultColUnits
		default:
			p.widths[i] = math.Ceil(min(max(p.widths[i], minColUnits), maxColWidth)*4) / 4
		}
	}
}

// intDigits is the number of characters n prints with, at least 2 (the
// "00" format).
func intDigits(n int64) int {
	d := 1
	if n < 0 {
		d++ // the sign; -9223372036854775808 has 19 digits and the loop below sees it
	}
	for n >= 10 || n <= -10 {
		n /= 10
		d++
	}
	return max(d, 2)
}

// digitsPx is the width of n digits of body text.
func digitsPx(n int) float64 {
	return float64(n) * float64(runeEm('0', true)) / 1000 * bodyPt * 96 / 72
}
