// Package xlsxlist reads case lists (danh sách hồ sơ) that one-stop
// systems export as XLSX workbooks into tally records, streaming the rows
// of one worksheet with the module's byte-level sheet scanner (the one
// render/xlsx.ReadWorkbook reads forms with): a million rows are read in
// bounded memory — one row, and the shared strings, which Excel writes
// one per distinct text, so a list of a million distinct codes holds them
// all, at their bytes and 8 more each (about 120 MB peak RSS for the
// whole kstt tally of such a workbook, 30 MB at 100,000 rows; a list of
// inline strings reads in the same 10 MB at 100,000 and 1,000,000 rows).
// Reading takes about 2× the CPU time of only inflating the sheet and its
// shared strings (1M rows, 14 columns, every text a shared string: about
// 2.0 s against 1.15 s; encoding/xml's RawToken over the same sheet takes
// 10.4 s), the cells spreadsheet programs write most being read without
// tokens. It is a package of its own so that package tally does not link
// the workbook reader; it does not link the renderer nor excelize either.
package xlsxlist

import (
	"cmp"
	"fmt"
	"io"
	"iter"
	"os"

	"github.com/baocaodinhky/vpcp/bieu/tally"
	"github.com/baocaodinhky/vpcp/internal/xlsxsheet"
)

// RowsOptions bound the workbook reader, so that a workbook from anyone
// is streamed in bounded memory; a zero field takes its default, a
// negative one is an error (ErrOverLimit):
//
//	Sheet          string // the worksheet to read, by name (matched as vntext.Key); "" for the first
//	MaxBytes       int64  // decompressed bytes (sheet, shared strings, styles) and the file's size; default 2 GiB
//	MaxRows        int    // rows of the worksheet; default 1,048,576 (Excel's own limit)
//	MaxCols        int    // columns; default 1,024
//	MaxSharedBytes int64  // the shared-strings part, kept in memory; default 256 MiB
//	MaxCellBytes   int    // the text of one cell; default 64 KiB (Excel holds at most 32,767 characters)
type RowsOptions = xlsxsheet.RowsOptions

// Options configure Read: the case-list options of package tally (header
// mapping, time zone, bounds on rows and columns) and the workbook reader's
// bounds and sheet.
type Options struct {
	tally.ReadOptions
	Rows RowsOptions
}

// Read reads the case list in a worksheet (Options.Rows.Sheet, or the
// first) of an XLSX workbook: the header is matched by its Vietnamese
// labels (tally.MatchHeader), dates are real spreadsheet dates or the text
// forms offices write, and every row below the header is a record or a
// *tally.RowError naming its row. A workbook that cannot be read ends the
// sequence with a *render/xlsx.ReadError (wrapping xlsx.ErrNotXLSX,
// ErrEncrypted, ErrOverLimit or ErrCorrupt, as ReadWorkbook's); a missing
// header with a *tally.ReadError (ErrNoHeader).
func Read(r io.ReaderAt, size int64, opts Options) iter.Seq2[tally.Record, error] {
	rows := func(yield func(tally.Row, error) bool) {
		cells := make([]tally.Cell, 0, 32)
		for row, err := range xlsxsheet.Rows(r, size, opts.Rows) {
			if err != nil {
				yield(tally.Row{}, err)
				return
			}
			cells = cells[:0]
			for _, c := range row.Cells {
				cells = append(cells, tally.Cell{Text: c.Value, Serial: c.Date, Number: c.Number})
			}
			if !yield(tally.Row{Num: row.Num, Cells: cells}, nil) {
				return
			}
		}
	}
	return tally.ReadRows(rows, opts.ReadOptions)
}

// ReadFile reads the case list of the workbook at path (see Read); the
// file is closed when the sequence ends. Options.Source defaults to path.
func ReadFile(path string, opts Options) iter.Seq2[tally.Record, error] {
	return func(yield func(tally.Record, error) bool) {
		f, err := os.Open(path)
		if err != nil {
			yield(tally.Record{}, &tally.ReadError{Source: path, Err: err})
			return
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			yield(tally.Record{}, &tally.ReadError{Source: path, Err: err})
			return
		}
		opts.Source = cmp.Or(opts.Source, path)
		for rec, err := range Read(f, st.Size(), opts) {
			if err != nil {
				if _, ok := err.(*tally.RowError); !ok {
					err = fmt.Errorf("%s: %w", path, err)
				}
			}
			if !yield(rec, err) || (err != nil && !isRowError(err)) {
				return
			}
		}
	}
}

func isRowError(err error) bool { _, ok := err.(*tally.RowError); return ok }
