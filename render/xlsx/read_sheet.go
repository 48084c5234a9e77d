package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/baocaodinhky/vpcp/internal/vntext"
	"github.com/baocaodinhky/vpcp/internal/xlsxsheet"
	"github.com/baocaodinhky/vpcp/kstt/grid"
)

// readSheet streams one worksheet into a grid.
func (rd *wbReader) readSheet(s xlsxsheet.SheetRef) (*grid.Grid, error) {
	g := &grid.Grid{Name: s.Name}
	sc, err := rd.book.Sheet(s)
	if err != nil {
		return nil, err
	}
	defer sc.Close()
	sr := sheetReader{rd: rd, g: g, sc: sc, curRow: -1}
	err = sr.run()
	sr.flush()
	if err != nil {
		var re *ReadError
		var te *xlsxsheet.TextError
		switch {
		case errors.As(err, &te):
			c := &sc.Cell
			re = &ReadError{Cell: grid.CellName(c.Row, c.Col), Err: ErrOverLimit, Detail: fmt.Sprintf(
				"a cell text (<%s>) longer than what is left of MaxMemory (%d bytes)", te.Elem, rd.memory)}
			if te.Elem == "is" {
				re.Detail = fmt.Sprintf("an inline string longer than what is left of MaxMemory (%d bytes)", rd.memory)
			}
		case errors.Is(err, errMemory):
			re = rd.memoryError()
		default:
			re = sc.Err(err)
		}
		re.Part, re.Sheet = s.Part, s.Name
		return nil, re
	}
	return g, nil
}

// sheetReader is the state of streaming one worksheet into a grid.
type sheetReader struct {
	rd *wbReader
	g  *grid.Grid
	sc *xlsxsheet.Scanner

	// The row being stored: cur holds its cells until the next row
	// starts (flush), curRow is its index (-1 before the first cell).
	cur       []grid.Cell
	curRow    int
	nrows     int // rows charged to the budget so far
	slots     int // GridCell slots charged for the current row
	prevWidth int // cells of the row flushed last
}

func (sr *sheetReader) run() error {
	for {
		sr.sc.MaxText = int(min(max(sr.rd.memLeft, 1), 1<<40))
		ev, err := sr.sc.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch ev {
		case xlsxsheet.CellRead:
			if err := sr.cell(&sr.sc.Cell); err != nil {
				return err
			}
		case xlsxsheet.MergeRead:
			if m, ok := parseRange(sr.sc.MergeRef); ok && len(sr.g.Merges) < 1<<16 {
				sr.g.Merges = append(sr.g.Merges, m)
			}
		}
	}
}

// cell stores one <c> element when it holds a value or a formula.
func (sr *sheetReader) cell(sc *xlsxsheet.Cell) error {
	if !sc.HasV && !sc.HasF && !sc.HasIS {
		return nil // a styled blank
	}
	rd := sr.rd
	row, col := sc.Row, sc.Col
	style := max(sc.Style, 0)
	var c grid.Cell
	value := sc.V
	if sc.HasIS {
		value = sc.IS
	}
	switch {
	case sc.HasIS || sc.Type == xlsxsheet.TypeInline:
		c.Text = vntext.NFC(string(value))
	case sc.Type == xlsxsheet.TypeShared:
		i, err := strconv.Atoi(strings.TrimSpace(string(value)))
		s, ok := rd.sst.Get(i)
		if err != nil || !ok {
			return &ReadError{Cell: grid.CellName(row, col), Err: ErrCorrupt, Detail: fmt.Sprintf("shared string %q does not exist", value)}
		}
		c.Text = s
	case sc.Type == xlsxsheet.TypeStr || sc.Type == xlsxsheet.TypeError || sc.Type == xlsxsheet.TypeISODate:
		c.Text = vntext.NFC(string(value))
	case sc.Type == xlsxsheet.TypeBool:
		c.Text, c.IsNum = "0", true
		if v := bytes.TrimSpace(value); string(v) == "1" || strings.EqualFold(string(v), "true") {
			c.Text = "1"
		}
	default:
		c.Text = xlsxsheet.SmallString(bytes.TrimSpace(value))
		c.IsNum = c.Text != ""
		if c.IsNum && style < len(rd.book.Percent) {
			c.Percent = rd.book.Percent[style]
			if rd.book.Date[style] {
				if d, ok := serialDate(c.Text, rd.book.Date1904); ok {
					c.Text, c.IsNum, c.Percent = d, false, false
				}
			}
		}
	}
	hasV := sc.HasV || sc.HasIS
	if !hasV {
		c.Text, c.IsNum, c.Percent = "", false, false
	}
	if sc.HasF {
		c.Formula = string(sc.F)
		shared := string(sc.SI)
		if c.Formula == "" {
			c.Formula = sharedPrefix + shared + ")"
		} else if shared != "" {
			rd.calc.shared(rd.sheet, shared, c.Formula, row, col)
		}
		c.Cached = hasV
		if !hasV {
			// The workbook's own formula, evaluated once every sheet is
			// read (read_calc.go).
			rd.calc.add(rd.sheet, row, col)
		}
	}
	return sr.put(row, col, c)
}

// put stores a cell in the row being read, charging the memory budget as
// a grid of GridCell slots would cost: a slot for every row skipped or
// added, the row's slots up to its last cell (the first allocation at the
// previous row's width, then doubling), and the cell's text. The row goes
// into the grid, compactly, when the next row starts (flush).
func (sr *sheetReader) put(row, col int, c grid.Cell) error {
	rd := sr.rd
	if row >= rd.maxRows {
		return &ReadError{Cell: grid.CellName(row, col), Err: ErrOverLimit, Detail: fmt.Sprintf("row %d beyond MaxRows %d", row+1, rd.maxRows)}
	}
	if col >= rd.maxCols {
		return &ReadError{Cell: grid.CellName(row, col), Err: ErrOverLimit, Detail: fmt.Sprintf("column %d beyond MaxCols %d", col+1, rd.maxCols)}
	}
	if row != sr.curRow {
		if row < sr.curRow {
			return &ReadError{Cell: grid.CellName(row, col), Err: ErrCorrupt,
				Detail: fmt.Sprintf("row %d comes after row %d: a worksheet's rows are in ascending order", row+1, sr.curRow+1)}
		}
		sr.flush()
		if row > sr.curRow+1 {
			sr.prevWidth = 0 // the row above is empty
		}
		// Row headers count as 1 slot per row skipped or added: a sheet
		// of a million empty rows is not free.
		if err := rd.charge(int64(row+1-sr.nrows), 0); err != nil {
			return err
		}
		sr.nrows, sr.curRow, sr.slots = row+1, row, 0
	}
	if err := rd.charge(0, int64(len(c.Text)+len(c.Formula))); err != nil {
		return err
	}
	if col >= sr.slots {
		n := max(col+1, 2*sr.slots, 8)
		if sr.slots == 0 && row > 0 {
			n = max(col+1, sr.prevWidth)
		}
		if err := rd.charge(int64(n-sr.slots), 0); err != nil {
			return err
		}
		sr.slots = n
	}
	for len(sr.cur) <= col {
		sr.cur = append(sr.cur, grid.Cell{})
	}
	sr.cur[col] = c
	return nil
}

// flush appends the row being read to the grid, after blank rows up to
// it.
func (sr *sheetReader) flush() {
	if sr.curRow < 0 {
		return
	}
	for sr.g.Len() < sr.curRow {
		sr.g.AppendRow(nil)
	}
	sr.g.AppendRow(sr.cur)
	sr.prevWidth = len(sr.cur)
	clear(sr.cur)
	sr.cur = sr.cur[:0]
}

// parseRange reads "A1:M1" (or a single cell) as a Merge.
func parseRange(s string) (grid.Merge, bool) {
	a, b, found := strings.Cut(s, ":")
	if !found {
		b = a
	}
	r1, c1, ok1 := xlsxsheet.ParseCellRef(a)
	r2, c2, ok2 := xlsxsheet.ParseCellRef(b)
	if !ok1 || !ok2 {
		return grid.Merge{}, false
	}
	return grid.Merge{Top: min(r1, r2), Left: min(c1, c2), Bottom: max(r1, r2), Right: max(c1, c2)}, true
}

// serialDate turns a spreadsheet's date serial into the day as Vietnamese
// writes it, "15/3/2024" (the time of day, if any, is dropped).
func serialDate(v string, date1904 bool) (string, bool) {
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f < 1 || f > 2958465 { // 1/1/1900 … 31/12/9999
		return "", false
	}
	days := int(f)
	var base time.Time
	switch {
	case date1904:
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	case days < 60:
		base = time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC)
	case days == 60:
		return "29/2/1900", true // the day Lotus and Excel believe in
	default:
		base = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	}
	t := base.AddDate(0, 0, days)
	return fmt.Sprintf("%d/%d/%d", t.Day(), int(t.Month()), t.Year()), true
}
