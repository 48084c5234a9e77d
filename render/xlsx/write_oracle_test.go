package xlsx

// The writer as it was before it streamed its worksheets itself: every row
// through excelize's StreamWriter, the workbook buffered and its parts
// re-zipped in name order. Kept as the oracle the streaming writer is
// compared with, byte for byte (TestStreamingMatchesExcelizeOracle).

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/render"
)

// RenderViaExcelize is the oracle, for the external tests.
var RenderViaExcelize = func(r *Renderer, w io.Writer, sheets ...*layout.Sheet) error {
	return renderViaExcelize(r, w, sheets...)
}

func renderViaExcelize(r *Renderer, w io.Writer, sheets ...*layout.Sheet) error {
	var opts Options
	if r != nil {
		opts = r.opts
	}
	if err := render.CheckSheets(sheets); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	if len(sheets) == 0 {
		return ErrNoSheets
	}
	if opts.Creator == "" {
		opts.Creator = DefaultCreator
	}
	if opts.CountFormat == "" {
		opts.CountFormat = DefaultCountFormat
	}

	f := excelize.NewFile()
	defer f.Close()
	f.SetZipWriter(oracleZipWriter)
	if err := f.SetDefaultFont(fontName); err != nil {
		return fmt.Errorf("xlsx: default font: %w", err)
	}
	st, err := newStyles(f, opts.CountFormat)
	if err != nil {
		return err
	}
	names := SheetNames(sheets...)
	for i, s := range sheets {
		if i == 0 {
			err = f.SetSheetName(f.GetSheetName(0), names[0])
		} else {
			_, err = f.NewSheet(names[i])
		}
		if err != nil {
			return fmt.Errorf("xlsx: sheet %q: %w", names[i], err)
		}
		p, err := planSheet(s, names[i])
		if err != nil {
			return err
		}
		if err := oracleWriteSheet(f, st, p); err != nil {
			return err
		}
	}
	if err := writeCharts(f, sheets, names); err != nil {
		return err
	}
	// The first sheet is the active one by default. (SetActiveSheet would
	// parse every streamed worksheet back into memory, for nothing.)
	if err := setDocProps(f, sheets, names, opts); err != nil {
		return err
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return fmt.Errorf("xlsx: write workbook: %w", err)
	}
	if err := oracleWriteSorted(w, buf.Bytes()); err != nil {
		return fmt.Errorf("xlsx: write workbook: %w", err)
	}
	return nil
}

// writeSorted copies the zip archive src to w with its entries in name
// order. excelize writes the parts of streamed worksheets in the order of
// a map, so two runs differ; the compressed data is copied as is.
func oracleWriteSorted(w io.Writer, src []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		return err
	}
	files := slices.Clone(zr.File)
	slices.SortFunc(files, func(a, b *zip.File) int { return strings.Compare(a.Name, b.Name) })
	zw := zip.NewWriter(w)
	for _, zf := range files {
		raw, err := zf.OpenRaw()
		if err != nil {
			return err
		}
		hdr := zf.FileHeader
		out, err := zw.CreateRaw(&hdr)
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, raw); err != nil {
			return err
		}
	}
	return zw.Close()
}

// oracleWriter streams one planned sheet.
type oracleWriter struct {
	f  *excelize.File
	st *styles
	p  *sheetPlan
	sw *excelize.StreamWriter

	cells []excelize.Cell // one row of cells, reused
	vals  []any           // pointers into cells, as SetRow wants them
}

// writeSheet sets up the page of p's worksheet and streams its rows.
func oracleWriteSheet(f *excelize.File, st *styles, p *sheetPlan) error {
	name := p.name
	wrap := func(what string, err error) error {
		return fmt.Errorf("xlsx: sheet %q: %s: %w", name, what, err)
	}
	// Page setup goes before the StreamWriter: settings made after it are lost.
	size, orient, one, zero := paperA4, "landscape", 1, 0
	if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero,
	}); err != nil {
		return wrap("page layout", err)
	}
	fit := true
	if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return wrap("fit to page", err)
	}
	side, tb, hf, centre := marginSide, marginTopBt, marginHdFt, true
	if err := f.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{
		Left: &side, Right: &side, Top: &tb, Bottom: &tb, Header: &hf, Footer: &hf, Horizontally: &centre,
	}); err != nil {
		return wrap("margins", err)
	}
	if err := f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{OddFooter: footer}); err != nil {
		return wrap("footer", err)
	}
	first, last := p.printTitles()
	if first > 0 {
		if err := f.SetDefinedName(&excelize.DefinedName{
			Name:     "_xlnm.Print_Titles",
			RefersTo: quoteSheet(name) + "!$" + strconv.Itoa(first) + ":$" + strconv.Itoa(last),
			Scope:    name,
		}); err != nil {
			return wrap("print titles", err)
		}
	}

	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return wrap("stream", err)
	}
	for i := 0; i < len(p.widths); {
		j := i
		for j+1 < len(p.widths) && p.widths[j+1] == p.widths[i] {
			j++
		}
		if err := sw.SetColWidth(i+1, j+1, p.widths[i]); err != nil {
			return wrap("column width", err)
		}
		i = j + 1
	}
	if last > 0 {
		top := "A" + strconv.Itoa(last+1)
		if err := sw.SetPanes(&excelize.Panes{
			Freeze: true, YSplit: last, TopLeftCell: top, ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: "bottomLeft"}},
		}); err != nil {
			return wrap("panes", err)
		}
	}
	w := &oracleWriter{f: f, st: st, p: p, sw: sw, cells: make([]excelize.Cell, p.ncols), vals: make([]any, p.ncols)}
	for i := range w.cells {
		w.vals[i] = &w.cells[i]
	}
	if err := w.rows(); err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return wrap("flush", err)
	}
	return nil
}

func (w *oracleWriter) cell(col, row int) string {
	return w.p.letters[col] + strconv.Itoa(row)
}

// setRow writes the first n prepared cells at row.
func (w *oracleWriter) setRow(row, n int, height float64) error {
	if err := w.sw.SetRow("A"+strconv.Itoa(row), w.vals[:n], excelize.RowOpts{Height: height}); err != nil {
		return fmt.Errorf("xlsx: sheet %q: row %d: %w", w.p.name, row, err)
	}
	return nil
}

func (w *oracleWriter) merge(c1, r1, c2, r2 int) error {
	if c1 == c2 && r1 == r2 {
		return nil
	}
	if err := w.sw.MergeCell(w.cell(c1, r1), w.cell(c2, r2)); err != nil {
		return fmt.Errorf("xlsx: sheet %q: merge %s:%s: %w", w.p.name, w.cell(c1, r1), w.cell(c2, r2), err)
	}
	return nil
}

// rows streams every row of the sheet in order.
func (w *oracleWriter) rows() error {
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
		for ri := range bp.b.Rows {
			if err := w.body(bi, ri); err != nil {
				return err
			}
		}
	}
	return flushLines(p.lastRow + 1)
}

// line writes a full-width line, merged across the table.
func (w *oracleWriter) line(l *lineRow) error {
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
func (w *oracleWriter) head(bp *blockPlan) error {
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
func (w *oracleWriter) numbers(bp *blockPlan) error {
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

// body writes body row ri of block bi.
func (w *oracleWriter) body(bi, ri int) error {
	p := w.p
	bp := &p.blocks[bi]
	row := &bp.b.Rows[ri]
	bold := boldRow(row.Kind)
	bs := &w.st.body[0]
	if bold {
		bs = &w.st.body[1]
	}
	lines := 1
	for ci := range bp.width {
		out := &w.cells[ci]
		*out = excelize.Cell{StyleID: bs.empty}
		if ci >= len(row.Cells) {
			continue
		}
		c := &row.Cells[ci]
		var kind layout.ColumnKind
		if ci < len(bp.b.Columns) {
			kind = bp.b.Columns[ci].Kind
		}
		switch c.Kind {
		case layout.TextCell:
			out.Value = c.Text
			switch {
			case ci == 0:
				out.StyleID = bs.stt
			case kind.Numeric() || row.Kind == layout.TotalRow:
				out.StyleID = bs.center
			default:
				out.StyleID = bs.label
			}
			lines = max(lines, wrapLines(c.Text, bodyPt, bold, usablePx(p.widths[ci])))
		case layout.IntCell:
			out.Value = c.Int
			out.StyleID = bs.flag
			if kind == layout.CountColumn {
				out.StyleID = bs.count
			}
			out.Formula = (&sheetWriter{p: w.p}).formula(bi, ri, ci, c)
		case layout.DecimalCell:
			places := max(-c.Dec.Exponent(), 0)
			percent := kind == layout.RateColumn
			if percent {
				if c.Rel != nil && c.Rel.Kind == layout.RateRel {
					places = c.Rel.Places
				}
				out.Value = c.Dec.Shift(-2).InexactFloat64()
				out.Formula = (&sheetWriter{p: w.p}).formula(bi, ri, ci, c)
			} else {
				out.Value = c.Dec.InexactFloat64()
			}
			id, err := w.st.number(bold, percent, places)
			if err != nil {
				return err
			}
			out.StyleID = id
		}
	}
	return w.setRow(bp.bodyRow+ri, bp.width, linesPt(lines, bodyPt))
}

// oracleZipWriter is the zip writer the oracle writes with: one flate
// compressor at deflateLevel, reused for every part.
func oracleZipWriter(w io.Writer) excelize.ZipWriter {
	zw := zip.NewWriter(w)
	var fw *flate.Writer
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		if fw == nil {
			var err error
			if fw, err = flate.NewWriter(out, deflateLevel); err != nil {
				return nil, err
			}
		} else {
			fw.Reset(out)
		}
		return fw, nil
	})
	return zw
}
