package xlsx

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/baocaodinhky/vpcp/internal/vntext"
	"github.com/baocaodinhky/vpcp/kstt/grid"
)

// readSheet streams one worksheet into a grid.
func (rd *wbReader) readSheet(s sheetRef) (*grid.Grid, error) {
	g := &grid.Grid{Name: s.name}
	rc, err := rd.open(s.part)
	if err != nil {
		return nil, err
	}
	if rc == nil {
		return nil, &ReadError{Part: s.part, Sheet: s.name, Err: ErrCorrupt, Detail: "the worksheet part is missing"}
	}
	defer rc.Close()
	sr := sheetReader{rd: rd, g: g, d: xml.NewDecoder(rc), row: -1, curRow: -1}
	err = sr.run()
	sr.flush()
	if err != nil {
		var re *ReadError
		if e, ok := err.(*ReadError); ok {
			re = e
		} else if errors.Is(err, errMemory) {
			re = rd.memoryError()
		} else if errors.Is(err, errTextRun) || errors.Is(err, errBudget) {
			re = rd.partErr(s.part, err).(*ReadError)
		} else {
			re = rd.partErr(s.part, err).(*ReadError)
		}
		re.Part, re.Sheet = s.part, s.name
		return nil, re
	}
	return g, nil
}

// sheetReader is the state of streaming one worksheet.
type sheetReader struct {
	rd  *wbReader
	g   *grid.Grid
	d   *xml.Decoder
	row int // 0-based index of the current row
	col int // 0-based index of the last cell read in the row
	buf []byte

	// The row being stored: cur holds its cells until the next row
	// starts (flush), curRow is its index (-1 before the first cell).
	cur       []grid.Cell
	curRow    int
	nrows     int // rows charged to the budget so far
	slots     int // GridCell slots charged for the current row
	prevWidth int // cells of the row flushed last
}

func (sr *sheetReader) run() error {
	ended := false
	for {
		tok, err := sr.d.RawToken()
		if err == io.EOF {
			if !ended {
				return &ReadError{Err: ErrCorrupt, Detail: "the worksheet XML ends before </worksheet>"}
			}
			return nil
		}
		if err != nil {
			return err
		}
		if e, ok := tok.(xml.EndElement); ok && e.Name.Local == "worksheet" {
			ended = true
		}
		t, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch t.Name.Local {
		case "row":
			r := sr.row + 1
			for _, a := range t.Attr {
				if a.Name.Local == "r" {
					n, err := strconv.Atoi(a.Value)
					if err != nil || n < 1 {
						return &ReadError{Err: ErrCorrupt, Detail: fmt.Sprintf("row number %q", a.Value)}
					}
					r = n - 1
				}
			}
			sr.row, sr.col = r, -1
		case "c":
			if err := sr.cell(t); err != nil {
				return err
			}
		case "mergeCell":
			for _, a := range t.Attr {
				if a.Name.Local == "ref" {
					if m, ok := parseRange(a.Value); ok && len(sr.g.Merges) < 1<<16 {
						sr.g.Merges = append(sr.g.Merges, m)
					}
				}
			}
		}
	}
}

// cell reads one <c> element and stores it when it holds a value or a
// formula.
func (sr *sheetReader) cell(start xml.StartElement) error {
	var ref, typ string
	style := 0
	for _, a := range start.Attr {
		switch a.Name.Local {
		case "r":
			ref = a.Value
		case "t":
			typ = a.Value
		case "s":
			style, _ = strconv.Atoi(a.Value)
		}
	}
	row, col := sr.row, sr.col+1
	if ref != "" {
		r, c, ok := parseCellRef(ref)
		if !ok {
			return &ReadError{Cell: ref, Err: ErrCorrupt, Detail: "a cell reference that is not A1-style"}
		}
		row, col = r, c
		if sr.row < 0 {
			sr.row = r
		}
	}
	if row < 0 {
		row = 0
	}
	sr.col = col
	var value, formula, shared string
	hasV, hasF, inline := false, false, false
	depth := 1
	for depth > 0 {
		tok, err := sr.d.RawToken()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "v":
				v, err := sr.charData("v")
				if err != nil {
					return err
				}
				value, hasV = v, true
			case "f":
				hasF = true
				for _, a := range t.Attr {
					if a.Name.Local == "si" {
						shared = a.Value
					}
				}
				f, err := sr.charData("f")
				if err != nil {
					return err
				}
				formula = f
			case "is":
				s, err := readText(sr.d, sr.rd.memLeft)
				if errors.Is(err, errMemory) {
					return &ReadError{Cell: grid.CellName(row, col), Err: ErrOverLimit, Detail: fmt.Sprintf(
						"an inline string longer than what is left of MaxMemory (%d bytes)", sr.rd.memory)}
				}
				if err != nil {
					return err
				}
				value, hasV, inline = s, true, true
			default:
				depth++
			}
		case xml.EndElement:
			depth--
			if depth == 0 && t.Name.Local != "c" {
				return mismatched("c", t.Name.Local)
			}
		}
	}
	if !hasV && !hasF {
		return nil // a styled blank
	}
	var c grid.Cell
	switch {
	case inline || typ == "inlineStr":
		c.Text = vntext.NFC(value)
	case typ == "s":
		i, err := strconv.Atoi(strings.TrimSpace(value))
		if err != nil || i < 0 || i >= len(sr.rd.sst) {
			return &ReadError{Cell: grid.CellName(row, col), Err: ErrCorrupt, Detail: fmt.Sprintf("shared string %q does not exist", value)}
		}
		c.Text = sr.rd.sst[i]
	case typ == "str" || typ == "e" || typ == "d":
		c.Text = vntext.NFC(value)
	case typ == "b":
		c.Text, c.IsNum = "0", true
		if strings.TrimSpace(value) == "1" || strings.EqualFold(strings.TrimSpace(value), "true") {
			c.Text = "1"
		}
	default:
		c.Text = strings.TrimSpace(value)
		c.IsNum = c.Text != ""
		if c.IsNum && style >= 0 && style < len(sr.rd.percent) {
			c.Percent = sr.rd.percent[style]
			if sr.rd.date[style] {
				if d, ok := serialDate(c.Text, sr.rd.date1904); ok {
					c.Text, c.IsNum, c.Percent = d, false, false
				}
			}
		}
	}
	if !hasV {
		c.Text, c.IsNum, c.Percent = "", false, false
	}
	if hasF {
		c.Formula = formula
		if c.Formula == "" {
			c.Formula = sharedPrefix + shared + ")"
		} else if shared != "" {
			sr.rd.calc.shared(sr.rd.sheet, shared, formula, row, col)
		}
		c.Cached = hasV
		if !hasV {
			// The workbook's own formula, evaluated once every sheet is
			// read (read_calc.go).
			sr.rd.calc.add(sr.rd.sheet, row, col)
		}
	}
	return sr.put(row, col, c)
}

// mismatched reports an end tag that does not close the open element.
func mismatched(open, end string) error {
	return &ReadError{Err: ErrCorrupt, Detail: fmt.Sprintf("malformed XML: <%s> closed by </%s>", open, end)}
}

// charData reads the text of a simple element up to its end.
func (sr *sheetReader) charData(name string) (string, error) {
	sr.buf = sr.buf[:0]
	depth := 1
	for depth > 0 {
		tok, err := sr.d.RawToken()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
			if depth == 0 && t.Name.Local != name {
				return "", mismatched(name, t.Name.Local)
			}
		case xml.CharData:
			if depth == 1 && len(sr.buf) < 1<<20 {
				sr.buf = append(sr.buf, t...)
			}
		}
	}
	return smallString(sr.buf), nil
}

// small holds "0" … "999": the values most cells of a form hold, shared
// instead of allocated per cell.
var small = func() (t [1000]string) {
	for i := range t {
		t[i] = strconv.Itoa(i)
	}
	return t
}()

// smallString is string(b), shared for "0" … "999".
func smallString(b []byte) string {
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

// parseCellRef reads "D12" as the 0-based (11, 3); "$D$12" too.
func parseCellRef(s string) (row, col int, ok bool) {
	i, c := 0, 0
	for i < len(s) && s[i] == '$' {
		i++
	}
	start := i
	for i < len(s) {
		ch := s[i] | 0x20
		if ch < 'a' || ch > 'z' {
			break
		}
		c = c*26 + int(ch-'a'+1)
		if c > 1<<20 {
			return 0, 0, false
		}
		i++
	}
	if i == start {
		return 0, 0, false
	}
	if i < len(s) && s[i] == '$' {
		i++
	}
	r, err := strconv.Atoi(s[i:])
	if err != nil || r < 1 || r > 1<<24 {
		return 0, 0, false
	}
	return r - 1, c - 1, true
}

// parseRange reads "A1:M1" (or a single cell) as a Merge.
func parseRange(s string) (grid.Merge, bool) {
	a, b, found := strings.Cut(s, ":")
	if !found {
		b = a
	}
	r1, c1, ok1 := parseCellRef(a)
	r2, c2, ok2 := parseCellRef(b)
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
