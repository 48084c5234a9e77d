package render

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/baocaodinhky/vpcp/internal/vntext"
	"github.com/baocaodinhky/vpcp/kstt/layout"
)

// CSV renders sheets as comma-separated values (RFC 4180, via
// encoding/csv) for spreadsheets and scripts. Its zero value is ready to
// use: comma separator, LF line ends, header lines included.
//
// Each sheet is written as: its header lines (form code, title, reporting
// unit, recipient, period, period range, unit of measure), one record each;
// then, block by block, the block title, the header rows (a merged header
// cell's text in its top-left field, the fields it covers empty), the
// column-number row and the body rows; then the notes. An empty record
// separates blocks and sheets. Every record of one Render call has the same
// number of fields, so encoding/csv reads the output back with its default
// settings.
//
// Counts are written as plain integers and rates as decimals with a dot and
// no per cent sign ("33.33"), so a spreadsheet reads them as numbers. Text
// is written in NFC with white space folded.
//
// Formula injection: a spreadsheet treats a field that begins with '=',
// '+', '-' or '@' (also tab or carriage return, and after leading spaces) as
// a formula. CSV neutralises every text field that would begin so, labels and
// header lines alike, by prefixing a single quote ('), as the OWASP advice on
// CSV injection recommends: "=1+1" is written as "'=1+1". Numeric cells
// (layout.IntCell, layout.DecimalCell) are numbers the renderer formats itself
// and are never prefixed, so a negative count stays a number.
type CSV struct {
	// Comma is the field delimiter; 0 means ','. It must be a valid rune
	// other than '"', '\r', '\n' and the Unicode replacement character, or
	// Render fails.
	Comma rune
	// UseCRLF ends records with \r\n instead of \n.
	UseCRLF bool
	// NoPreamble leaves out the header lines above each sheet's tables
	// (code, title, unit, recipient, period, measure) and the notes below.
	NoPreamble bool
}

// Format returns "csv".
func (CSV) Format() string { return "csv" }

// Render writes sheets to w as CSV. It returns an error wrapping
// ErrNilSheet, before writing anything, when a sheet is nil, and the error
// of w or of encoding/csv (an invalid Comma) otherwise.
func (c CSV) Render(w io.Writer, sheets ...*layout.Sheet) error {
	if err := CheckSheets(sheets); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if c.Comma != 0 {
		cw.Comma = c.Comma
	}
	cw.UseCRLF = c.UseCRLF

	width := 1
	for _, s := range sheets {
		for i := range s.Blocks {
			width = max(width, blockColumns(&s.Blocks[i]))
		}
	}
	rec := make([]string, width)
	write := func() error {
		err := cw.Write(rec)
		clear(rec)
		return err
	}
	line := func(s string) error {
		if s = vntext.NFC(s); s == "" {
			return nil
		}
		rec[0] = Neutralize(s)
		return write()
	}

	for si, s := range sheets {
		if si > 0 {
			if err := write(); err != nil {
				return err
			}
		}
		if !c.NoPreamble {
			for _, l := range []string{s.Code, s.Title, s.Unit, s.Recipient, s.Period, s.PeriodRange, s.Measure} {
				if err := line(l); err != nil {
					return err
				}
			}
		}
		for bi := range s.Blocks {
			b := &s.Blocks[bi]
			if bi > 0 || !c.NoPreamble {
				if err := write(); err != nil {
					return err
				}
			}
			if err := line(b.Title); err != nil {
				return err
			}
			n := blockColumns(b)
			for _, row := range headGrid(b, n) {
				copy(rec, row)
				if err := write(); err != nil {
					return err
				}
			}
			if len(b.Numbers) > 0 {
				for i, v := range b.Numbers {
					rec[i] = Neutralize(vntext.NFC(v))
				}
				if err := write(); err != nil {
					return err
				}
			}
			for _, row := range b.Rows {
				for i := range row.Cells {
					rec[i] = csvCell(&row.Cells[i])
				}
				if err := write(); err != nil {
					return err
				}
			}
		}
		if !c.NoPreamble && len(s.Notes) > 0 {
			if err := write(); err != nil {
				return err
			}
			for _, l := range s.Notes {
				if err := line(l); err != nil {
					return err
				}
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

func csvCell(c *layout.Cell) string {
	switch c.Kind {
	case layout.IntCell:
		return strconv.FormatInt(c.Int, 10)
	case layout.DecimalCell:
		return c.Dec.String()
	case layout.TextCell:
		return Neutralize(vntext.NFC(c.Text))
	}
	return ""
}

// Neutralize returns s made safe to put in a spreadsheet cell as text: when
// s begins with a character a spreadsheet reads as the start of a formula
// ('=', '+', '-', '@', tab or carriage return), possibly after spaces, it
// returns s with a single quote in front; otherwise s itself. CSV applies it
// to every text field; a renderer of your own that writes delimited text
// should too.
func Neutralize(s string) string {
	if t := strings.TrimLeft(s, " "); t != "" {
		switch t[0] {
		case '=', '+', '-', '@', '\t', '\r':
			return "'" + s
		}
	}
	return s
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

// headGrid lays b's header cells on a HeadRows × n grid, each text in the
// field of its top-left corner; cells outside the grid are dropped, and a
// cell whose corner another cell already covers is dropped too.
func headGrid(b *layout.Block, n int) [][]string {
	rows := b.HeadRows
	if rows <= 0 {
		for _, h := range b.Head {
			rows = max(rows, h.Row+1)
		}
	}
	rows = min(rows, MaxHeadRows)
	if rows <= 0 || n <= 0 {
		return nil
	}
	grid := make([][]string, rows)
	used := make([][]bool, rows)
	for i := range grid {
		grid[i] = make([]string, n)
		used[i] = make([]bool, n)
	}
	for _, h := range b.Head {
		if h.Row < 0 || h.Row >= rows || h.Col < 0 || h.Col >= n || used[h.Row][h.Col] {
			continue
		}
		grid[h.Row][h.Col] = Neutralize(vntext.NFC(h.Text))
		r1 := h.Row + min(max(h.RowSpan, 1), rows-h.Row)
		c1 := h.Col + min(max(h.ColSpan, 1), n-h.Col)
		for r := h.Row; r < r1; r++ {
			for c := h.Col; c < c1; c++ {
				used[r][c] = true
			}
		}
	}
	return grid
}

// MaxHeadRows is the most header rows a renderer of this module lays out
// for one block; header cells below it are dropped. No official form has
// more than three.
const MaxHeadRows = 64
