package xlsx

import (
	"bufio"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/baocaodinhky/vpcp/kstt/layout"
)

// Page setup: A4 (paper size 9) landscape, one page wide and as many tall
// as needed, centred, page numbers in the footer.
const (
	paperA4     = 9
	footer      = "&CTrang &P/&N"
	marginSide  = 0.4 // inches
	marginTopBt = 0.6
	marginHdFt  = 0.3
)

// sheetWriter writes one planned sheet: its frame through excelize
// (writeSheet), then its body rows into the output (body).
type sheetWriter struct {
	f  *excelize.File
	st *styles
	p  *sheetPlan
	sw *excelize.StreamWriter

	cells []excelize.Cell // one row of cells, reused
	vals  []any           // pointers into cells, as SetRow wants them
	fbuf  []byte          // formula text being built
	xbuf  []byte          // XML being built
	nbuf  []byte          // a number's text
}

// writeSheet sets up the page of p's worksheet and writes its frame: every
// row but the body rows, which the returned sheetWriter writes later.
func writeSheet(f *excelize.File, st *styles, p *sheetPlan) (*sheetWriter, error) {
	name := p.name
	fail := func(what string, err error) (*sheetWriter, error) {
		return nil, fmt.Errorf("xlsx: sheet %q: %s: %w", name, what, err)
	}
	// Page setup goes before the StreamWriter: settings made after it are lost.
	size, orient, one, zero := paperA4, "landscape", 1, 0
	if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero,
	}); err != nil {
		return fail("page layout", err)
	}
	fit := true
	if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return fail("fit to page", err)
	}
	side, tb, hf, centre := marginSide, marginTopBt, marginHdFt, true
	if err := f.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{
		Left: &side, Right: &side, Top: &tb, Bottom: &tb, Header: &hf, Footer: &hf, Horizontally: &centre,
	}); err != nil {
		return fail("margins", err)
	}
	if err := f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{OddFooter: footer}); err != nil {
		return fail("footer", err)
	}
	first, last := p.printTitles()
	if first > 0 {
		if err := f.SetDefinedName(&excelize.DefinedName{
			Name:     "_xlnm.Print_Titles",
			RefersTo: quoteSheet(name) + "!$" + strconv.Itoa(first) + ":$" + strconv.Itoa(last),
			Scope:    name,
		}); err != nil {
			return fail("print titles", err)
		}
	}

	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return fail("stream", err)
	}
	for i := 0; i < len(p.widths); {
		j := i
		for j+1 < len(p.widths) && p.widths[j+1] == p.widths[i] {
			j++
		}
		if err := sw.SetColWidth(i+1, j+1, p.widths[i]); err != nil {
			return fail("column width", err)
		}
		i = j + 1
	}
	if last > 0 {
		top := "A" + strconv.Itoa(last+1)
		if err := sw.SetPanes(&excelize.Panes{
			Freeze: true, YSplit: last, TopLeftCell: top, ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: "bottomLeft"}},
		}); err != nil {
			return fail("panes", err)
		}
	}
	w := &sheetWriter{f: f, st: st, p: p, sw: sw, cells: make([]excelize.Cell, p.ncols), vals: make([]any, p.ncols)}
	for i := range w.cells {
		w.vals[i] = &w.cells[i]
	}
	if err := w.rows(); err != nil {
		return nil, err
	}
	if err := sw.Flush(); err != nil {
		return fail("flush", err)
	}
	w.sw, w.cells, w.vals = nil, nil, nil
	return w, nil
}

// quoteSheet quotes a sheet name for a reference: 'II.06a'.
func quoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}

func (w *sheetWriter) cell(col, row int) string {
	return w.p.letters[col] + strconv.Itoa(row)
}

// setRow writes the first n prepared cells at row.
func (w *sheetWriter) setRow(row, n int, height float64) error {
	if err := w.sw.SetRow("A"+strconv.Itoa(row), w.vals[:n], excelize.RowOpts{Height: height}); err != nil {
		return fmt.Errorf("xlsx: sheet %q: row %d: %w", w.p.name, row, err)
	}
	return nil
}

func (w *sheetWriter) merge(c1, r1, c2, r2 int) error {
	if c1 == c2 && r1 == r2 {
		return nil
	}
	if err := w.sw.MergeCell(w.cell(c1, r1), w.cell(c2, r2)); err != nil {
		return fmt.Errorf("xlsx: sheet %q: merge %s:%s: %w", w.p.name, w.cell(c1, r1), w.cell(c2, r2), err)
	}
	return nil
}

// rows streams every row of the frame in order: the lines, and each
// block's header and column-number rows.
func (w *sheetWriter) rows() error {
	p := w.p
	li := 0
	flushLines := func(before int) error {
		for ; li < len(p.lines) && p.lines[li].row < before; li++ {
			if err := w.line(&p.lines[li]); err != nil {
				return err
			}
		}
		return nil
	}
	for bi := range p.blocks {
		bp := &p.blocks[bi]
		if err := flushLines(bp.bodyRow); err != nil {
			return err
		}
		if err := w.head(bp); err != nil {
			return err
		}
		if err := w.numbers(bp); err != nil {
			return err
		}
	}
	return flushLines(p.lastRow + 1)
}

// line writes a full-width line, merged across the table.
func (w *sheetWriter) line(l *lineRow) error {
	st := w.st
	var id int
	switch l.kind {
	case lineCode:
		id = st.code
	case lineTitle:
		id = st.title
	case lineCentre:
		id = st.line
	case lineItalic:
		id = st.italic
	case lineMeasure:
		id = st.measure
	case lineBlockTitle:
		id = st.blockTitle
	default:
		id = st.note
	}
	w.cells[0] = excelize.Cell{StyleID: id, Value: l.text}
	if err := w.setRow(l.row, 1, l.height); err != nil {
		return err
	}
	return w.merge(0, l.row, w.p.ncols-1, l.row)
}

// head writes the multi-level header: every cell of the grid bordered
// (a merged range shows the borders of its own cells), the text in the
// top-left cell of each merge.
func (w *sheetWriter) head(bp *blockPlan) error {
	if bp.headRows == 0 {
		return nil
	}
	for r := range bp.headRows {
		for ci := range bp.width {
			w.cells[ci] = excelize.Cell{StyleID: w.st.head}
		}
		for _, h := range bp.head {
			if h.Row == r {
				w.cells[h.Col].Value = h.Text
			}
		}
		if err := w.setRow(bp.headRow+r, bp.width, bp.headHt[r]); err != nil {
			return err
		}
	}
	for _, h := range bp.head {
		r := bp.headRow + h.Row
		if err := w.merge(h.Col, r, h.Col+h.ColSpan-1, r+h.RowSpan-1); err != nil {
			return err
		}
	}
	return nil
}

// numbers writes the column-number row.
func (w *sheetWriter) numbers(bp *blockPlan) error {
	if bp.numRow == 0 {
		return nil
	}
	for ci := range bp.width {
		w.cells[ci] = excelize.Cell{StyleID: w.st.numbers}
		if ci < len(bp.b.Numbers) && bp.b.Numbers[ci] != "" {
			w.cells[ci].Value = bp.b.Numbers[ci]
		}
	}
	return w.setRow(bp.numRow, bp.width, bp.numHt)
}

// body writes body row ri of block bi into bw.
func (w *sheetWriter) body(bw *bufio.Writer, bi, ri int) error {
	p := w.p
	bp := &p.blocks[bi]
	row := &bp.b.Rows[ri]
	r := bp.bodyRow + ri
	bold := boldRow(row.Kind)
	bs := &w.st.body[0]
	if bold {
		bs = &w.st.body[1]
	}
	lines := 1
	for ci := range min(len(row.Cells), bp.width) {
		if c := &row.Cells[ci]; c.Kind == layout.TextCell {
			lines = max(lines, wrapLines(c.Text, bodyPt, bold, usablePx(p.widths[ci])))
		}
	}
	w.rowStart(bw, r, linesPt(lines, bodyPt))
	for ci := range bp.width {
		if ci >= len(row.Cells) {
			w.emptyCell(bw, ci, r, bs.empty)
			continue
		}
		c := &row.Cells[ci]
		var kind layout.ColumnKind
		if ci < len(bp.b.Columns) {
			kind = bp.b.Columns[ci].Kind
		}
		switch c.Kind {
		case layout.TextCell:
			style := bs.label
			switch {
			case ci == 0:
				style = bs.stt
			case kind.Numeric() || row.Kind == layout.TotalRow:
				style = bs.center
			}
			w.textCell(bw, ci, r, style, c.Text)
		case layout.IntCell:
			style := bs.flag
			if kind == layout.CountColumn {
				style = bs.count
			}
			w.nbuf = strconv.AppendInt(w.nbuf[:0], c.Int, 10)
			w.numberCell(bw, ci, r, style, w.formula(bi, ri, ci, c), w.nbuf)
		case layout.DecimalCell:
			places := max(-c.Dec.Exponent(), 0)
			percent := kind == layout.RateColumn
			var v float64
			formula := ""
			if percent {
				if c.Rel != nil && c.Rel.Kind == layout.RateRel {
					places = c.Rel.Places
				}
				v = c.Dec.Shift(-2).InexactFloat64()
				formula = w.formula(bi, ri, ci, c)
			} else {
				v = c.Dec.InexactFloat64()
			}
			style, err := w.st.number(bold, percent, places)
			if err != nil {
				return err
			}
			if math.IsNaN(v) || math.IsInf(v, 0) { // as excelize writes such a float: its text
				w.cellStart(bw, ci, r, style, "inlineStr")
				if formula != "" {
					bw.WriteString(`<f>`)
					escapeText(bw, formula, true)
					bw.WriteString(`</f>`)
				}
				w.inlineText(bw, strconv.FormatFloat(v, 'g', -1, 64))
				continue
			}
			w.nbuf = appendFloat(w.nbuf[:0], v)
			w.numberCell(bw, ci, r, style, formula, w.nbuf)
		default:
			w.emptyCell(bw, ci, r, bs.empty)
		}
	}
	_, err := bw.WriteString(`</row>`)
	return err
}

// numberStyles makes the styles of the sheet's decimal cells, in the order
// body meets them, before the workbook's styles are written.
func (st *styles) numberStyles(p *sheetPlan) error {
	for bi := range p.blocks {
		bp := &p.blocks[bi]
		for _, row := range bp.b.Rows {
			bold := boldRow(row.Kind)
			for ci := range min(len(row.Cells), bp.width) {
				c := &row.Cells[ci]
				if c.Kind != layout.DecimalCell {
					continue
				}
				places := max(-c.Dec.Exponent(), 0)
				percent := ci < len(bp.b.Columns) && bp.b.Columns[ci].Kind == layout.RateColumn
				if percent && c.Rel != nil && c.Rel.Kind == layout.RateRel {
					places = c.Rel.Places
				}
				if _, err := st.number(bold, percent, places); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
