package xlsxsheet

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"

	"github.com/baocaodinhky/vpcp/internal/vntext"
)

// Default bounds of Rows, larger than render/xlsx.ReadWorkbook's: a case
// list may hold a million rows.
const (
	// DefaultRowsMaxBytes bounds the bytes Rows decompresses (the
	// worksheet, the shared strings, the styles) and the file's size: 2 GiB.
	DefaultRowsMaxBytes = 2 << 30
	// DefaultRowsMaxRows is a worksheet's rows: Excel's own limit.
	DefaultRowsMaxRows = 1 << 20
	// DefaultMaxCols bounds the columns of a worksheet.
	DefaultMaxCols = 1024
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
// ErrOverLimit or ErrCorrupt; an error ends the sequence. It never
// panics.
func Rows(r io.ReaderAt, size int64, opts RowsOptions) iter.Seq2[SheetRow, error] {
	return func(yield func(SheetRow, error) bool) {
		rs, err := openRows(r, size, opts)
		if err != nil {
			yield(SheetRow{}, err)
			return
		}
		defer rs.sc.Close()
		if err := rs.run(yield); err != nil {
			yield(SheetRow{}, rs.sc.Err(err))
		}
	}
}

type rowStream struct {
	book    *Book
	sc      *Scanner
	sst     *Strings
	maxRows int
	maxCols int
	maxCell int
	row     SheetRow
}

func openRows(r io.ReaderAt, size int64, opts RowsOptions) (*rowStream, error) {
	if opts.MaxBytes < 0 || opts.MaxRows < 0 || opts.MaxCols < 0 || opts.MaxSharedBytes < 0 || opts.MaxCellBytes < 0 {
		return nil, &ReadError{Err: ErrOverLimit, Detail: "negative bound in RowsOptions"}
	}
	b, err := Open(r, size, cmp.Or(opts.MaxBytes, DefaultRowsMaxBytes))
	if err != nil {
		return nil, err
	}
	var sheet SheetRef
	var names []string
	for _, s := range b.Sheets {
		names = append(names, s.Name)
		if opts.Sheet == "" || vntext.Key(opts.Sheet) == vntext.Key(s.Name) {
			sheet = s
			break
		}
	}
	if sheet.Part == "" {
		return nil, &ReadError{Part: b.WorkbookPart, Sheet: opts.Sheet, Err: ErrNotXLSX, Detail: "no worksheet of that name; the workbook has " + strings.Join(names, ", ")}
	}
	rs := &rowStream{book: b, maxRows: cmp.Or(opts.MaxRows, DefaultRowsMaxRows), maxCols: cmp.Or(opts.MaxCols, DefaultMaxCols),
		maxCell: cmp.Or(opts.MaxCellBytes, DefaultMaxCellBytes)}
	maxShared := cmp.Or(opts.MaxSharedBytes, DefaultMaxSharedBytes)
	if n := b.PartSize(b.SharedPart); b.SharedPart != "" && n > maxShared {
		return nil, &ReadError{Part: b.SharedPart, Err: ErrOverLimit,
			Detail: fmt.Sprintf("the shared strings hold %d bytes, more than MaxSharedBytes %d", n, maxShared)}
	}
	rs.sst, err = b.ReadShared(SharedOptions{
		Limit: func() int { return rs.maxCell },
		Check: func(_ int, s string) error {
			if len(s) > rs.maxCell {
				return &ReadError{Part: b.SharedPart, Err: ErrOverLimit, Detail: fmt.Sprintf("a shared string of %d bytes, more than MaxCellBytes %d", len(s), rs.maxCell)}
			}
			return nil
		},
	})
	if err != nil {
		var te *TextError
		if errors.As(err, &te) {
			return nil, &ReadError{Part: b.SharedPart, Err: ErrOverLimit, Detail: rs.cellTooLong()}
		}
		return nil, err
	}
	rs.sc, err = b.Sheet(sheet)
	if err != nil {
		return nil, err
	}
	rs.sc.MaxText = rs.maxCell
	return rs, nil
}

func (rs *rowStream) cellTooLong() string {
	return fmt.Sprintf("a cell of more than MaxCellBytes %d", rs.maxCell)
}

// run streams the worksheet, yielding each row when it ends.
func (rs *rowStream) run(yield func(SheetRow, error) bool) error {
	sc := rs.sc
	for {
		ev, err := sc.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			// te is declared here, not per event: errors.As makes it
			// escape, and it was one allocation for every token read.
			var te *TextError
			if errors.As(err, &te) {
				return &ReadError{Err: ErrOverLimit, Detail: rs.cellTooLong()}
			}
			return err
		}
		switch ev {
		case RowStart:
			n := sc.Row + 1
			if n <= rs.row.Num {
				return &ReadError{Err: ErrCorrupt, Detail: fmt.Sprintf("row number %d after row %d", n, rs.row.Num)}
			}
			if n > rs.maxRows {
				return &ReadError{Err: ErrOverLimit, Detail: fmt.Sprintf("row %d beyond MaxRows %d", n, rs.maxRows)}
			}
			rs.row.Num, rs.row.Cells = n, rs.row.Cells[:0]
		case CellRead:
			if !sc.InRow {
				return &ReadError{Err: ErrCorrupt, Detail: "a cell outside a row"}
			}
			if err := rs.cell(&sc.Cell); err != nil {
				return err
			}
		case RowEnd:
			// Trailing blanks are not part of the row.
			cells := rs.row.Cells
			for len(cells) > 0 && cells[len(cells)-1].Value == "" {
				cells = cells[:len(cells)-1]
			}
			if len(cells) > 0 {
				if !yield(SheetRow{Num: rs.row.Num, Cells: cells}, nil) {
					return nil
				}
			}
		case DataEnd:
			return nil // nothing after the data is needed
		}
	}
}

// cell puts one cell into the row.
func (rs *rowStream) cell(sc *Cell) error {
	col := len(rs.row.Cells)
	if sc.Ref != nil {
		if sc.Col < col {
			return &ReadError{Cell: string(sc.Ref), Err: ErrCorrupt, Detail: "a cell reference out of order"}
		}
		col = sc.Col
	}
	if col >= rs.maxCols {
		return &ReadError{Err: ErrOverLimit, Detail: fmt.Sprintf("column %d beyond MaxCols %d", col+1, rs.maxCols)}
	}
	for len(rs.row.Cells) < col {
		rs.row.Cells = append(rs.row.Cells, RowCell{})
	}
	c := RowCell{}
	switch sc.Type {
	case TypeShared:
		i, ok := atoi(sc.V)
		v, ok2 := rs.sst.Get(i)
		if !ok || !ok2 {
			return &ReadError{Err: ErrCorrupt, Detail: fmt.Sprintf("shared string %q out of range", sc.V)}
		}
		c.Value = v
	case TypeInline:
		c.Value = nfc(sc.IS)
	case TypeStr, TypeError:
		c.Value = nfc(sc.V)
	case TypeBool:
		c.Value = SmallString(sc.V)
	default: // a number
		c.Value, c.Number = SmallString(sc.V), len(sc.V) > 0
		if c.Number && sc.Style >= 0 && sc.Style < len(rs.book.Date) && rs.book.Date[sc.Style] {
			c.Date = true
			if rs.book.Date1904 {
				if f, err := strconv.ParseFloat(c.Value, 64); err == nil {
					c.Value = strconv.FormatFloat(f+1462, 'f', -1, 64)
				}
			}
		}
	}
	rs.row.Cells = append(rs.row.Cells, c)
	return nil
}

// small holds "0" … "999": the values most cells of a form hold, shared
// instead of allocated per cell.
var small = func() (t [1000]string) {
	for i := range t {
		t[i] = strconv.Itoa(i)
	}
	return t
}()

// SmallString is string(b), shared for "0" … "999".
func SmallString(b []byte) string {
	if n := len(b); n > 0 && n <= 3 && (n == 1 || b[0] != '0') {
		v := 0
		for _, c := range b {
			if c < '0' || c > '9' {
				return string(b)
			}
			v = v*10 + int(c-'0')
		}
		return small[v]
	}
	return string(b)
}
