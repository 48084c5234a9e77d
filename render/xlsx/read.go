package xlsx

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/baocaodinhky/vpcp/internal/xlsxsheet"
	"github.com/baocaodinhky/vpcp/kstt/grid"
)

// Default bounds of the reader. They read anything the SDK writes for a
// national aggregate (an II.06a of 100,000 rows is 63 MB of sheet XML
// and a grid of about 62 MiB as MaxMemory counts it), and refuse a zip
// bomb in well under a second.
const (
	// DefaultMaxBytes bounds the bytes the reader decompresses (every
	// part it reads, together) and the size of the file: 256 MiB.
	DefaultMaxBytes = 256 << 20
	// DefaultMaxRows bounds the rows of one worksheet.
	DefaultMaxRows = 250_000
	// DefaultMaxCols bounds the columns of one worksheet (a form has 14).
	DefaultMaxCols = 1024
	// DefaultMaxMemory is the fixed cap of the grids' memory budget; see
	// ReadOptions.MaxMemory.
	DefaultMaxMemory = 160 << 20
	// MinMemory is the budget a small file gets whatever its size.
	MinMemory = 16 << 20
	// MemoryPerByte is the budget's share per byte of the file: a grid may
	// take 40 times the file's size.
	MemoryPerByte = 40
)

// ReadOptions bound what ReadWorkbook accepts, so that a file from anyone
// is read in bounded memory and time. A zero field takes its default; a
// negative one is an error.
//
// MaxMemory bounds the memory of the grids read, as counted while reading:
// grid.CellSize bytes per cell slot of a row (every slot up to the
// row's last cell that holds something, so a sparse sheet counts the
// rectangle it spans), plus the bytes of each cell's text — a shared
// string counted at each cell that uses it, as every later step reads it
// once per cell. The default is min(DefaultMaxMemory, max(MinMemory,
// MemoryPerByte × the file's size)); the reader's peak heap stays within
// about twice the budget plus a few MiB. The count is an upper bound: the
// grid stores its rows compactly (grid.Grid.AppendRow: a byte or two a
// cell besides its text), so an II.06a of 100,000 rows counted at about
// 62 MiB takes about 9 MiB. Beyond it, ReadWorkbook stops at
// once with ErrOverLimit, saying what it counted. A text of more than
// 1 MiB between two tags (no cell holds that much) is ErrOverLimit too.
//
// What the grids leave of MaxMemory is the formula calculator's budget
// (see ReadWorkbook). It charges each formula it evaluates 512 bytes, 8
// bytes per byte of its text, 640 bytes per cell of every range the
// formula references (a whole column or row counts the sheet's used rows
// or columns) and twice the bytes of each text it reads; and for the
// in-memory workbook it computes in, 96 bytes per row up to the last one
// it holds on each sheet, 224 bytes per cell slot (each row holds slots
// from column A to its last cell read) and 8 KiB per sheet (at most 256).
// A formula whose charge does not fit is left without a value — the read
// does not fail — and the next ones are tried; the peak heap stays within
// about twice the budget. A large workbook saved without its values (by
// an exporter that does not calculate) may need a larger MaxMemory to
// have every formula evaluated: an II.06a of 1,000 rows saved so (3,011
// formulas) is charged about 15 MiB and fits the default budget of its
// 83 kB file; one of 5,000 rows holds 15,011, beyond
// MaxFormulaEvaluations, and its first 10,000 are charged about 61 MiB.
type ReadOptions struct {
	MaxBytes  int64 // decompressed bytes of all the parts read, and the file's own size; default DefaultMaxBytes
	MaxRows   int   // rows of one worksheet, counted to its last row holding a value; default DefaultMaxRows
	MaxCols   int   // columns of one worksheet, counted to its last column holding a value; default DefaultMaxCols
	MaxMemory int64 // memory of the grids, as counted above; default from the file's size, see above
}

// MemoryBudget is the grids' memory budget of a file of size bytes under
// opts (see ReadOptions).
func (opts ReadOptions) MemoryBudget(size int64) int64 {
	if opts.MaxMemory > 0 {
		return opts.MaxMemory
	}
	return min(DefaultMaxMemory, max(MinMemory, MemoryPerByte*size))
}

// Sentinel errors of the reader. The errors ReadWorkbook and ReadFile
// return are *ReadError values wrapping one of them; match with errors.Is.
// They are the errors of package bieu/tally/xlsxlist too, which shares
// the workbook scanner.
var (
	// ErrNotXLSX: the file is not an XLSX workbook — another format
	// (a legacy .xls, a .docx, a PDF, text), or a zip archive without a
	// workbook.
	ErrNotXLSX = xlsxsheet.ErrNotXLSX
	// ErrEncrypted: the workbook is password-protected (an encrypted
	// OOXML package in an OLE compound file); save it without a password.
	ErrEncrypted = xlsxsheet.ErrEncrypted
	// ErrOverLimit: the file, its decompressed parts, or a worksheet's
	// rows or columns exceed ReadOptions.
	ErrOverLimit = xlsxsheet.ErrOverLimit
	// ErrCorrupt: the workbook is truncated or corrupt (a broken zip
	// archive, a checksum error, malformed XML).
	ErrCorrupt = xlsxsheet.ErrCorrupt
)

// ReadError is the error of ReadWorkbook and ReadFile: where (file, part
// of the package, worksheet, cell — whatever is known) and what. Its
// Error method returns e.g. `xlsx: read report.xlsx: sheet "II.06a" cell
// XFD1: xlsx: workbook exceeds the read limits: column 16384 beyond
// MaxCols 1024`.
type ReadError = xlsxsheet.ReadError

// ReadFile reads the workbook at path; see ReadWorkbook.
func ReadFile(path string, opts ReadOptions) ([]*grid.Grid, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &ReadError{File: path, Err: err}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, &ReadError{File: path, Err: err}
	}
	gs, err := ReadWorkbook(f, st.Size(), opts)
	if err != nil {
		var re *ReadError
		if errors.As(err, &re) {
			re.File = path
		}
		return nil, err
	}
	for _, g := range gs {
		g.Source = path
	}
	return gs, nil
}

// ReadWorkbook reads every worksheet of an XLSX workbook into a
// grid.Grid, in workbook order: the raw value of each cell (a number as
// stored, 1234 or 0.25, never its display string "1.234" or "25%"), text
// NFC-normalised with spaces folded, the formula of a formula cell with
// whether a value was stored beside it (a workbook saved by a program that
// does not calculate has none), whether a number is displayed as a
// percentage, a date cell as its day ("15/3/2024"), and the merged ranges. Package bieu recognises the forms in
// the grids.
//
// It streams each worksheet, so memory is the grids themselves plus the
// shared strings, and it is bounded by opts: the file's size and the bytes
// decompressed (ErrOverLimit; a zip bomb stops at the limit), the rows
// and columns of a worksheet (ErrOverLimit). It fails fast with a
// *ReadError on what is not a workbook (ErrNotXLSX, saying what it looks
// like: a legacy .xls, a Word document …), on a password-protected
// workbook (ErrEncrypted) and on a truncated or corrupt one (ErrCorrupt).
// It never panics.
//
// A formula cell saved without its value (by a program that does not
// calculate) gets the value of the workbook's own formula, computed once
// every worksheet is read, so that package bieu can compare it with the
// form's rule (grid.Cell.Cached is false, Text the computed value). The
// calculator is bounded by construction; a formula beyond a bound is left
// without a value (Text empty), as a reader without a calculator leaves
// it, and bieu then reports the cell (READ/R02: computed with the form's
// rule; READ/R03: an input column read as 0). It evaluates only numbers,
// strings, TRUE and FALSE, the operators + - * / ^ % = <> < <= > >=, the
// functions SUM, COUNT, COUNTA, AVERAGE, MIN, MAX, ABS, INT, ROUND,
// ROUNDUP, ROUNDDOWN, IF, IFERROR, AND, OR and NOT, and references to
// cells, ranges, whole columns or rows of the workbook's sheets (a shared
// formula's too). It refuses a volatile function (NOW, RAND), one that
// builds references (INDIRECT, OFFSET) or matches criteria (SUMIF), a
// defined name, a 3-D or external reference, an array constant, the text
// operator &, a formula longer than MaxFormulaLength or nested deeper
// than MaxFormulaDepth, one reading an error value, one on a cycle (a
// formula reaching its own cell), and one at the end of a chain of
// formula cells without values longer than MaxFormulaDepth. A result
// that is not a finite number (=10^400, a division that overflows) is the
// error value #NUM!, a text cell, as the spreadsheet shows it. At most
// MaxFormulaEvaluations formula cells are examined, each sheet from its
// last row up (a form's TỔNG CỘNG row first), and what they cost is
// charged against MaxMemory (see ReadOptions). It computes in memory with
// excelize over a workbook of only the cells the formulas read, built
// from the grids: the file is never opened a second time nor written to
// disk.
func ReadWorkbook(r io.ReaderAt, size int64, opts ReadOptions) ([]*grid.Grid, error) {
	if opts.MaxBytes < 0 || opts.MaxRows < 0 || opts.MaxCols < 0 || opts.MaxMemory < 0 {
		return nil, &ReadError{Err: ErrOverLimit, Detail: "negative bound in ReadOptions"}
	}
	rd := &wbReader{
		maxRows: cmp.Or(opts.MaxRows, DefaultMaxRows),
		maxCols: cmp.Or(opts.MaxCols, DefaultMaxCols),
		memory:  opts.MemoryBudget(size),
	}
	rd.memLeft = rd.memory
	book, err := xlsxsheet.Open(r, size, cmp.Or(opts.MaxBytes, DefaultMaxBytes))
	if err != nil {
		return nil, err
	}
	rd.book = book
	rd.calc = &calculator{}
	return rd.read()
}

// wbReader holds the state of one ReadWorkbook call.
type wbReader struct {
	book             *xlsxsheet.Book
	maxRows, maxCols int
	memory, memLeft  int64 // the grids' memory budget, and what is left of it
	cells, text      int64 // cell slots and text bytes counted so far
	sst              *xlsxsheet.Strings
	calc             *calculator
	sheet            int // index of the worksheet being read
}

// errMemory: the grids' memory budget is spent; readSheet turns it into
// ErrOverLimit with what was counted.
var errMemory = errors.New("memory budget spent")

// charge counts cells slots and text bytes against the memory budget.
func (rd *wbReader) charge(cells, text int64) error {
	rd.cells += cells
	rd.text += text
	rd.memLeft -= cells*grid.CellSize + text
	if rd.memLeft < 0 {
		return errMemory
	}
	return nil
}

// memoryError says what the reader counted when the budget ran out.
func (rd *wbReader) memoryError() *ReadError {
	return &ReadError{Err: ErrOverLimit, Detail: fmt.Sprintf(
		"the grids would take more than MaxMemory (%d bytes): counted %d cell slots (%d bytes each, a sparse row counts up to its last cell) and %d bytes of text (a shared string once per cell that uses it)",
		rd.memory, rd.cells, grid.CellSize, rd.text)}
}

func (rd *wbReader) read() ([]*grid.Grid, error) {
	// The shared strings, each charged to the memory budget and bounded
	// by half of what is left of it.
	var limit int64
	count := 0
	sst, err := rd.book.ReadShared(xlsxsheet.SharedOptions{
		Limit: func() int {
			limit = rd.memLeft / 2
			return int(min(limit, 1<<40))
		},
		Check: func(_ int, s string) error {
			count++
			return rd.charge(0, int64(len(s))+16)
		},
	})
	if err != nil {
		var te *xlsxsheet.TextError
		switch {
		case errors.As(err, &te):
			return nil, &ReadError{Part: rd.book.SharedPart, Err: ErrOverLimit, Detail: fmt.Sprintf(
				"shared string %d is longer than %d bytes, half of what is left of MaxMemory (%d bytes)", count, limit, rd.memory)}
		case errors.Is(err, errMemory):
			re := rd.memoryError()
			re.Part = rd.book.SharedPart
			return nil, re
		}
		return nil, err
	}
	rd.sst = sst
	grids := make([]*grid.Grid, 0, len(rd.book.Sheets))
	for i, s := range rd.book.Sheets {
		rd.sheet = i
		g, err := rd.readSheet(s)
		if err != nil {
			return nil, err
		}
		grids = append(grids, g)
	}
	// The formulas without a stored value, evaluated with what the grids
	// left of the memory budget (read_calc.go).
	return rd.calc.run(grids, rd.memLeft), nil
}
