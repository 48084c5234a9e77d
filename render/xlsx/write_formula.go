package xlsx

import (
	"slices"
	"strconv"

	"github.com/baocaodinhky/vpcp/internal/safeint"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
)

// Formula limits of the workbook format.
const (
	maxFormulaLen  = 8000 // characters (the format allows 8,192)
	maxFormulaArgs = 255  // arguments of one function call
)

// formula returns the formula of cell c (block bi, row ri, column index
// ci) for its relation, or "" when it has none, when the relation points
// outside the sheet or at a cell that is not a number, or when the formula
// evaluated on the sheet's own values would not give c's value. Writing a
// formula only when it agrees with the cached value means a spreadsheet
// that recalculates shows exactly the figures the sheet holds.
func (w *sheetWriter) formula(bi, ri, ci int, c *layout.Cell) string {
	p := w.p
	bp := &p.blocks[bi]
	if ci >= len(bp.b.Columns) {
		return ""
	}
	if c.Rel == nil {
		return ""
	}
	own := bp.b.Columns[ci].Num
	b := w.fbuf[:0]
	switch c.Rel.Kind {
	case layout.SumColumnsRel:
		if c.Kind != layout.IntCell || len(c.Rel.Cols) == 0 || len(c.Rel.Cols) > maxFormulaArgs {
			return ""
		}
		var sum int64
		for i, col := range c.Rel.Cols {
			if col == own {
				return ""
			}
			v, ok := p.intAt(bi, ri, col)
			if !ok {
				return ""
			}
			if sum, ok = safeint.Add(sum, v); !ok {
				return ""
			}
			if i > 0 {
				b = append(b, '+')
			}
			b = p.appendRef(b, bi, ri, col)
		}
		if sum != c.Int {
			return ""
		}
	case layout.SumRowsRel:
		if c.Kind != layout.IntCell {
			return ""
		}
		var ok bool
		if b, ok = w.sumRows(b, bi, ri, ci, own, c); !ok {
			return ""
		}
	case layout.RateRel:
		if c.Kind != layout.DecimalCell {
			return ""
		}
		num, ok1 := p.intAt(c.Rel.Num.Block, c.Rel.Num.Row, c.Rel.Num.Col)
		den, ok2 := p.intAt(c.Rel.Den.Block, c.Rel.Den.Row, c.Rel.Den.Col)
		if !ok1 || !ok2 || !kstt.RateOf(num, den, c.Rel.Places).Equal(c.Dec) {
			return ""
		}
		// IF(den=0,0,ROUND(num/den,places+2)): the fraction rounded half
		// away from zero, as kstt.RateOf rounds the percentage.
		b = append(b, "IF("...)
		b = p.appendRef(b, c.Rel.Den.Block, c.Rel.Den.Row, c.Rel.Den.Col)
		b = append(b, "=0,0,ROUND("...)
		b = p.appendRef(b, c.Rel.Num.Block, c.Rel.Num.Row, c.Rel.Num.Col)
		b = append(b, '/')
		b = p.appendRef(b, c.Rel.Den.Block, c.Rel.Den.Row, c.Rel.Den.Col)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(c.Rel.Places)+2, 10)
		b = append(b, "))"...)
	default:
		return ""
	}
	w.fbuf = b
	if len(b) > maxFormulaLen {
		return ""
	}
	return string(b)
}

// sumRows appends SUM(…) over the rows of a SumRowsRel: contiguous rows as
// one range, and a gap whose cells in this column are all empty bridged
// too (II.08's section and level rows), so the usual total is one range.
// It reports false when a row is out of the block, is the total's own row,
// holds no number, or the sum differs from the cell's value.
func (w *sheetWriter) sumRows(b []byte, bi, ri, ci, col int, c *layout.Cell) ([]byte, bool) {
	p := w.p
	rows := c.Rel.Rows
	if len(rows) == 0 {
		return b, false
	}
	if !slices.IsSorted(rows) {
		rows = slices.Sorted(slices.Values(rows))
	}
	rows = compactSorted(rows)
	var sum int64
	for _, r := range rows {
		if r == ri {
			return b, false
		}
		v, ok := p.intAt(bi, r, col)
		if !ok {
			return b, false
		}
		if sum, ok = safeint.Add(sum, v); !ok {
			return b, false
		}
	}
	if sum != c.Int {
		return b, false
	}
	bp := &p.blocks[bi]
	emptyGap := func(from, to int) bool { // rows (from, to) exclusive
		if ri > from && ri < to {
			return false
		}
		for r := from + 1; r < to; r++ {
			cells := bp.b.Rows[r].Cells
			if ci < len(cells) && cells[ci].Kind != layout.EmptyCell {
				return false
			}
		}
		return true
	}
	b = append(b, "SUM("...)
	args := 0
	for i := 0; i < len(rows); {
		j := i
		for j+1 < len(rows) && emptyGap(rows[j], rows[j+1]) {
			j++
		}
		if args > 0 {
			b = append(b, ',')
		}
		if args++; args > maxFormulaArgs {
			return b, false
		}
		b = p.appendRef(b, bi, rows[i], col)
		if j > i {
			b = append(b, ':')
			b = p.appendRef(b, bi, rows[j], col)
		}
		if len(b) > maxFormulaLen {
			return b, false
		}
		i = j + 1
	}
	return append(b, ')'), true
}

// compactSorted drops repeated values of a sorted slice, copying it only
// when there is one.
func compactSorted(s []int) []int {
	for i := 1; i < len(s); i++ {
		if s[i] == s[i-1] {
			return slices.Compact(slices.Clone(s))
		}
	}
	return s
}

// intAt returns the value of official column col of row ri of block bi as
// a spreadsheet reads it: an integer cell's value, 0 for an empty or
// missing cell; false when the cell is outside the sheet or holds text or
// a decimal.
func (p *sheetPlan) intAt(bi, ri, col int) (int64, bool) {
	if bi < 0 || bi >= len(p.blocks) {
		return 0, false
	}
	bp := &p.blocks[bi]
	ci, ok := bp.colIdx[col]
	if !ok || ri < 0 || ri >= len(bp.b.Rows) {
		return 0, false
	}
	cells := bp.b.Rows[ri].Cells
	if ci >= len(cells) {
		return 0, true
	}
	switch cells[ci].Kind {
	case layout.EmptyCell:
		return 0, true
	case layout.IntCell:
		return cells[ci].Int, true
	}
	return 0, false
}

// appendRef appends the A1 address of official column col of row ri of
// block bi; the caller has checked it exists.
func (p *sheetPlan) appendRef(b []byte, bi, ri, col int) []byte {
	bp := &p.blocks[bi]
	b = append(b, p.letters[bp.colIdx[col]]...)
	return strconv.AppendInt(b, int64(bp.bodyRow+ri), 10)
}
