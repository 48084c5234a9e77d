package xlsx

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"iter"
	"path"
	"strconv"
	"strings"

	"github.com/baocaodinhky/vpcp/internal/vntext"
)

// Default bounds of Rows, larger than ReadWorkbook's: a case list may hold
// a million rows.
const (
	// DefaultRowsMaxBytes bounds the bytes Rows decompresses (the
	// worksheet, the shared strings, the styles) and the file's size: 2 GiB.
	DefaultRowsMaxBytes = 2 << 30
	// DefaultRowsMaxRows is a worksheet's rows: Excel's own limit.
	DefaultRowsMaxRows = 1 << 20
	// DefaultMaxSharedBytes bounds the shared-strings part, which Rows
	// keeps in memory: 256 MiB.
	DefaultMaxSharedBytes = 256 << 20
	// DefaultMaxCellBytes bounds the text of one cell: 64 KiB (Excel holds
	// at most 32,767 characters).
	DefaultMaxCellBytes = 64 << 10
)

// RowsOptions bound Rows, so that a workbook from anyone is streamed in
// bounded memory. A zero field takes its default; a negative one is an
// error (ErrOverLimit).
type RowsOptions struct {
	Sheet          string // the worksheet to read, by name; "" for the first
	MaxBytes       int64  // default DefaultRowsMaxBytes
	MaxRows        int    // default DefaultRowsMaxRows
	MaxCols        int    // default DefaultMaxCols
	MaxSharedBytes int64  // default DefaultMaxSharedBytes
	MaxCellBytes   int    // default DefaultMaxCellBytes
}

// RowCell is one cell as Rows streams it: the raw value (a number as
// stored, "45366.354" for a date; text NFC-normalised with spaces folded;
// a boolean "1" or "0"; a formula's cached value), whether it is a number,
// and whether its number format shows a date or a time (then Value is the
// date serial counted from 30/12/1899, whatever the workbook's date
// system).
type RowCell struct {
	Value  string
	Number bool
	Date   bool
}

// SheetRow is one row of a worksheet: its 1-based number and its cells
// from column A, blanks included up to the last cell holding a value. The
// slice is reused for the next row: copy what must outlive the iteration.
type SheetRow struct {
	Num   int
	Cells []RowCell
}

// Rows streams the rows of one worksheet of an XLSX workbook, in order,
// skipping rows without a cell, holding in memory one row and the shared
// strings (bounded by MaxSharedBytes): what a million-row case list needs.
// Errors are *ReadError values wrapping ErrNotXLSX, ErrEncrypted,
// ErrOverLimit or ErrCorrupt, as ReadWorkbook's; an error ends the
// sequence. It never panics.
func Rows(r io.ReaderAt, size int64, opts RowsOptions) iter.Seq2[SheetRow, error] {
	return func(yield func(SheetRow, error) bool) {
		rs, err := openRows(r, size, opts)
		if err != nil {
			yield(SheetRow{}, err)
			return
		}
		rc, err := rs.rd.open(rs.part)
		if err == nil && rc == nil {
			err = &ReadError{Part: rs.part, Sheet: rs.sheet, Err: ErrCorrupt, Detail: "the worksheet part is missing"}
		}
		if err != nil {
			yield(SheetRow{}, err)
			return
		}
		defer rc.Close()
		rs.d = xml.NewDecoder(rc)
		if err := rs.run(yield); err != nil {
			re, ok := err.(*ReadError)
			if !ok {
				re = rs.rd.partErr(rs.part, err).(*ReadError)
			}
			re.Part, re.Sheet = rs.part, rs.sheet
			yield(SheetRow{}, re)
		}
	}
}

type rowStream struct {
	rd      *wbReader
	part    string
	sheet   string
	d       *xml.Decoder
	maxCell int
	sst     []string // chunks of shared-string text
	sstIdx  []uint64 // string i: chunk, offset and length (see shared)
	row     SheetRow
	rows    int
	stopped bool
}

func openRows(r io.ReaderAt, size int64, opts RowsOptions) (*rowStream, error) {
	if opts.MaxBytes < 0 || opts.MaxRows < 0 || opts.MaxCols < 0 || opts.MaxSharedBytes < 0 || opts.MaxCellBytes < 0 {
		return nil, &ReadError{Err: ErrOverLimit, Detail: "negative bound in RowsOptions"}
	}
	rd := &wbReader{
		budget:  cmpOr(opts.MaxBytes, DefaultRowsMaxBytes),
		maxRows: cmpOr(opts.MaxRows, DefaultRowsMaxRows),
		maxCols: cmpOr(opts.MaxCols, DefaultMaxCols),
	}
	if size > rd.budget {
		return nil, &ReadError{Err: ErrOverLimit, Detail: fmt.Sprintf("the file has %d bytes, more than MaxBytes %d", size, rd.budget)}
	}
	if err := sniff(r, size); err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, &ReadError{Err: ErrCorrupt, Detail: "the zip archive cannot be opened (" + err.Error() + "); the file is probably truncated"}
	}
	rd.zr = zr
	rd.files = make(map[string]*zip.File, len(zr.File))
	for _, f := range zr.File {
		rd.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	wb := "xl/workbook.xml"
	root, err := rd.rels("_rels/.rels", "")
	if err != nil {
		return nil, err
	}
	for _, rel := range root {
		if strings.HasSuffix(rel.typ, "/officeDocument") {
			wb = rel.target
		}
	}
	if rd.files[wb] == nil {
		return nil, &ReadError{Err: ErrNotXLSX, Detail: "a zip archive without a workbook (" + rd.looksLike() + ")"}
	}
	dir := path.Dir(wb)
	wbRels, err := rd.rels(path.Join(dir, "_rels", path.Base(wb)+".rels"), dir)
	if err != nil {
		return nil, err
	}
	var names []string
	var part string
	err = rd.scan(wb, func(_ *xml.Decoder, t xml.StartElement) error {
		if t.Name.Local == "workbookPr" {
			for _, a := range t.Attr {
				if a.Name.Local == "date1904" {
					rd.date1904 = a.Value == "1" || a.Value == "true"
				}
			}
		}
		if t.Name.Local != "sheet" || part != "" {
			return nil
		}
		var name, id string
		for _, a := range t.Attr {
			switch a.Name.Local {
			case "name":
				name = vntext.NFC(a.Value)
			case "id":
				id = a.Value
			}
		}
		rel, ok := wbRels[id]
		if !ok || !strings.HasSuffix(rel.typ, "/worksheet") {
			return nil
		}
		names = append(names, name)
		if opts.Sheet == "" || vntext.Key(opts.Sheet) == vntext.Key(name) {
			part = rel.target
			opts.Sheet = name
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if part == "" {
		if len(names) == 0 {
			return nil, &ReadError{Part: wb, Err: ErrNotXLSX, Detail: "the workbook has no worksheet"}
		}
		return nil, &ReadError{Part: wb, Sheet: opts.Sheet, Err: ErrNotXLSX, Detail: "no worksheet of that name; the workbook has " + strings.Join(names, ", ")}
	}
	maxShared := cmpOr(opts.MaxSharedBytes, DefaultMaxSharedBytes)
	sst := ""
	for _, rel := range wbRels {
		switch {
		case strings.HasSuffix(rel.typ, "/sharedStrings"):
			if f := rd.files[rel.target]; f != nil && f.UncompressedSize64 > uint64(maxShared) {
				return nil, &ReadError{Part: rel.target, Err: ErrOverLimit,
					Detail: fmt.Sprintf("the shared strings hold %d bytes, more than MaxSharedBytes %d", f.UncompressedSize64, maxShared)}
			}
			sst = rel.target
		case strings.HasSuffix(rel.typ, "/styles"):
			if err := rd.readStyles(rel.target); err != nil {
				return nil, err
			}
		}
	}
	rs := &rowStream{rd: rd, part: part, sheet: opts.Sheet, maxCell: cmpOr(opts.MaxCellBytes, DefaultMaxCellBytes)}
	if sst != "" {
		if err := rs.readShared(sst); err != nil {
			return nil, err
		}
	}
	return rs, nil
}

// readShared reads the shared strings into chunks of 1 MiB of text and a
// packed index: a million short strings cost their bytes and 8 bytes
// each, not a string header and an allocation each, and the text is never
// copied to grow.
func (rs *rowStream) readShared(name string) error {
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			rs.sst = append(rs.sst, cur.String())
			cur = strings.Builder{}
		}
	}
	rs.sstIdx = rs.sstIdx[:0]
	err := rs.rd.scan(name, func(d *xml.Decoder, t xml.StartElement) error {
		if t.Name.Local != "si" {
			return nil
		}
		s, err := readText(d, int64(rs.maxCell))
		if errors.Is(err, errMemory) {
			return rs.cellTooLong()
		}
		if err != nil {
			return err
		}
		s = vntext.NFC(s)
		if len(s) > rs.maxCell || len(s) >= 1<<sstLenBits {
			return &ReadError{Err: ErrOverLimit, Detail: fmt.Sprintf("a shared string of %d bytes, more than MaxCellBytes %d", len(s), rs.maxCell)}
		}
		if cur.Len()+len(s) > sstChunk {
			flush()
		}
		if cur.Cap() == 0 {
			cur.Grow(max(sstChunk, len(s)))
		}
		rs.sstIdx = append(rs.sstIdx, uint64(len(rs.sst))<<(sstLenBits+sstOffBits)|uint64(cur.Len())<<sstLenBits|uint64(len(s)))
		cur.WriteString(s)
		return nil
	})
	flush()
	return err
}

const (
	sstChunk   = 1 << 20 // bytes of text per chunk
	sstOffBits = 21      // offset within a chunk
	sstLenBits = 21      // length of a string (a longer one is refused)
)

// shared returns shared string i.
func (rs *rowStream) shared(i int) (string, bool) {
	if i < 0 || i >= len(rs.sstIdx) {
		return "", false
	}
	e := rs.sstIdx[i]
	c, off, n := e>>(sstLenBits+sstOffBits), e>>sstLenBits&(1<<sstOffBits-1), e&(1<<sstLenBits-1)
	if c >= uint64(len(rs.sst)) {
		return "", false
	}
	return rs.sst[c][off : off+n], true
}

// run streams the worksheet, yielding each row when it ends.
func (rs *rowStream) run(yield func(SheetRow, error) bool) error {
	ended, inRow := false, false
	for {
		tok, err := rs.d.RawToken()
		if err == io.EOF {
			if !ended {
				return &ReadError{Err: ErrCorrupt, Detail: "the worksheet XML ends before </worksheet>"}
			}
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				n := rs.row.Num + 1
				for _, a := range t.Attr {
					if a.Name.Local == "r" {
						v, err := strconv.Atoi(a.Value)
						if err != nil || v < 1 || v <= rs.row.Num {
							return &ReadError{Err: ErrCorrupt, Detail: fmt.Sprintf("row number %q after row %d", a.Value, rs.row.Num)}
						}
						n = v
					}
				}
				if n > rs.rd.maxRows {
					return &ReadError{Err: ErrOverLimit, Detail: fmt.Sprintf("row %d beyond MaxRows %d", n, rs.rd.maxRows)}
				}
				rs.row.Num, rs.row.Cells, inRow = n, rs.row.Cells[:0], true
			case "c":
				if !inRow {
					return &ReadError{Err: ErrCorrupt, Detail: "a cell outside a row"}
				}
				if err := rs.cell(t); err != nil {
					return err
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "row":
				inRow = false
				// Trailing blanks are not part of the row.
				cells := rs.row.Cells
				for len(cells) > 0 && cells[len(cells)-1].Value == "" {
					cells = cells[:len(cells)-1]
				}
				if len(cells) > 0 {
					rs.rows++
					if !yield(SheetRow{Num: rs.row.Num, Cells: cells}, nil) {
						rs.stopped = true
						return nil
					}
				}
			case "sheetData", "worksheet":
				ended = true
				if t.Name.Local == "sheetData" {
					return nil // nothing after the data is needed
				}
			}
		}
	}
}

// cell reads one <c> element into the row.
func (rs *rowStream) cell(t xml.StartElement) error {
	col := len(rs.row.Cells)
	var typ string
	style := -1
	for _, a := range t.Attr {
		switch a.Name.Local {
		case "r":
			c, ok := refColumn(a.Value)
			if !ok || c < len(rs.row.Cells) {
				return &ReadError{Cell: a.Value, Err: ErrCorrupt, Detail: "a cell reference out of order"}
			}
			col = c
		case "t":
			typ = a.Value
		case "s":
			style, _ = strconv.Atoi(a.Value)
		}
	}
	if col >= rs.rd.maxCols {
		return &ReadError{Err: ErrOverLimit, Detail: fmt.Sprintf("column %d beyond MaxCols %d", col+1, rs.rd.maxCols)}
	}
	for len(rs.row.Cells) < col {
		rs.row.Cells = append(rs.row.Cells, RowCell{})
	}
	var raw, inline string
	for depth := 1; depth > 0; {
		tok, err := rs.d.RawToken()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "v":
				s, err := rs.text()
				if err != nil {
					return err
				}
				raw = s
			case "is":
				s, err := readText(rs.d, int64(rs.maxCell))
				if errors.Is(err, errMemory) {
					return rs.cellTooLong()
				}
				if err != nil {
					return err
				}
				if len(s) > rs.maxCell {
					return &ReadError{Err: ErrOverLimit, Detail: fmt.Sprintf("a cell of %d bytes, more than MaxCellBytes %d", len(s), rs.maxCell)}
				}
				inline = s
			default:
				depth++
			}
		case xml.EndElement:
			depth--
		}
	}
	c := RowCell{}
	switch typ {
	case "s":
		i, err := strconv.Atoi(raw)
		v, ok := rs.shared(i)
		if err != nil || !ok {
			return &ReadError{Err: ErrCorrupt, Detail: fmt.Sprintf("shared string %q out of range", raw)}
		}
		c.Value = v
	case "inlineStr":
		c.Value = vntext.NFC(inline)
	case "str", "e":
		c.Value = vntext.NFC(raw)
	case "b":
		c.Value = raw
	default: // a number
		c.Value, c.Number = raw, raw != ""
		if c.Number && style >= 0 && style < len(rs.rd.date) && rs.rd.date[style] {
			c.Date = true
			if rs.rd.date1904 {
				if f, err := strconv.ParseFloat(raw, 64); err == nil {
					c.Value = strconv.FormatFloat(f+1462, 'f', -1, 64)
				}
			}
		}
	}
	rs.row.Cells = append(rs.row.Cells, c)
	return nil
}

// cellTooLong is the error of a text longer than MaxCellBytes.
func (rs *rowStream) cellTooLong() error {
	return &ReadError{Err: ErrOverLimit, Detail: fmt.Sprintf("a cell of more than MaxCellBytes %d", rs.maxCell)}
}

// text reads the character data of the current element up to its end.
func (rs *rowStream) text() (string, error) {
	var b []byte
	for {
		tok, err := rs.d.RawToken()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return "", err
		}
		switch e := tok.(type) {
		case xml.CharData:
			b = append(b, e...)
			if len(b) > rs.maxCell {
				return "", &ReadError{Err: ErrOverLimit, Detail: fmt.Sprintf("a cell of more than MaxCellBytes %d", rs.maxCell)}
			}
		case xml.EndElement:
			return string(b), nil
		}
	}
}

// refColumn returns the 0-based column of a cell reference "AB12".
func refColumn(ref string) (int, bool) {
	c, i := 0, 0
	for ; i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z'; i++ {
		c = c*26 + int(ref[i]-'A'+1)
		if c > 1<<20 {
			return 0, false
		}
	}
	if i == 0 {
		return 0, false
	}
	return c - 1, true
}
