package grid

import (
	"encoding/binary"
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"strings"
	"unsafe"

	"github.com/shopspring/decimal"
)

// Grid is a raw sheet as a reader found it, before any form is recognised
// in it: the cells of one worksheet of a workbook (render/xlsx), or the
// lines of a document pasted from Word or a PDF (render/text), one row per
// line with tab-separated fields as cells. Package bieu recognises the
// official forms in grids by their headers.
//
// Row r, column c is the cell of spreadsheet row r+1 and column c+1 (for
// pasted text: line r+1, field c+1), so the address of a cell is computed,
// not stored (see Addr). Rows may differ in length; a missing cell is
// blank.
//
// A grid holds its rows in one of two ways. A grid built by hand sets
// Rows: Rows[r][c] is cell (r, c). The readers of render/xlsx and
// render/text store rows compactly instead (AppendRow: a flags byte a
// cell besides its text, where a Cell slot takes 40 bytes), so a sheet
// of 100,000 rows costs megabytes, not a hundred; their Rows stay nil. Len,
// Row and Cell read either kind; use them rather than Rows on a grid a
// reader returned.
type Grid struct {
	Name   string   `json:"name"`             // worksheet name ("II.06a"), or the document's name for pasted text
	Source string   `json:"source,omitempty"` // the file the grid was read from, when known
	Text   bool     `json:"text,omitempty"`   // pasted text: addresses are "name:L12:C3" instead of "Sheet!C12"
	Rows   [][]Cell `json:"rows"`             // the rows of a grid built by hand; nil in a grid a reader stored compactly (see Len, Row)
	Merges []Merge  `json:"merges,omitempty"` // merged ranges; the value sits in the top-left cell

	// Rows stored by AppendRow, when Rows is nil: packed[r] is the chunk
	// index << 32 | the offset in it of row r's bytes (see appendRow), or
	// emptyRow. chunks are append-only: bytes once written never change,
	// so a cell's strings point into them. owner is the grid that may
	// write into the spare capacity of the last chunk: not a copy of it.
	packed  []uint64
	chunks  [][]byte
	owner   *Grid
	scratch []byte // AppendRow's buffer
}

const (
	chunkSize = 64 << 10
	emptyRow  = ^uint64(0)
)

// row returns row r's bytes as a string that shares the chunk's memory.
func (g *Grid) row(r int) string {
	ref := g.packed[r]
	if ref == emptyRow {
		return ""
	}
	ch := g.chunks[ref>>32]
	off := int(uint32(ref))
	var n uint64
	i := off
	for shift := 0; i < len(ch) && shift < 64; shift += 7 {
		b := ch[i]
		i++
		n |= uint64(b&0x7f) << shift
		if b < 0x80 {
			break
		}
	}
	if n == 0 || uint64(len(ch)-i) < n {
		return ""
	}
	return unsafe.String(&ch[i], int(n))
}

// Cell is one raw cell. Text is NFC-normalised with spaces folded and
// trimmed. A number keeps the literal the file stores (a spreadsheet's raw
// value, "1234" or "0.25", never the display string "1.234" or "25%"), so
// reading it back loses nothing; Int and Decimal parse it on demand without
// allocating for whole numbers.
//
// The strings come first so that a cell takes 40 bytes (CellSize), not
// 48: readers count a grid's memory in cells.
type Cell struct {
	Text    string `json:"text,omitempty"`
	Formula string `json:"formula,omitempty"` // the cell's formula without the leading "=", if any
	IsNum   bool   `json:"num,omitempty"`     // the cell holds a number; Text is its literal
	Percent bool   `json:"percent,omitempty"` // the number is displayed as a percentage: 0.25 shows as 25 %
	Cached  bool   `json:"cached,omitempty"`  // a formula cell carries its stored value in Text; false: the file stored none, and Text is what the reader computed from the formula (render/xlsx evaluates it), or empty
}

// CellSize is the memory of one Cell slot in a row, in bytes (on
// 64-bit platforms; less on 32-bit ones). Readers charge every slot of a
// row, up to its last cell that holds something, against their memory
// budget, and the bytes of each cell's text besides — an upper bound of
// what the compactly stored grid takes (see AppendRow).
const CellSize = 40

// Blank reports whether the cell holds neither text, a number nor a
// formula.
func (c Cell) Blank() bool { return c.Text == "" && c.Formula == "" }

// Int returns the cell as a whole number: a number cell whose value is
// integral ("31", "31.0", "3.1E1"), or text that reads as one ("02", "1.234"
// with dots or commas grouping thousands, " 7 "). It reports false for
// anything else, blank included.
func (c Cell) Int() (int64, bool) {
	if c.IsNum {
		if v, err := strconv.ParseInt(c.Text, 10, 64); err == nil {
			return v, true
		}
		f, ok := numLiteral(c.Text)
		if !ok || f != math.Trunc(f) || math.Abs(f) > 1<<53 {
			return 0, false
		}
		return int64(f), true
	}
	return ParseCount(c.Text)
}

// Decimal returns the cell as a decimal number: a number cell's value, or
// text that reads as one ("33,33", "0.5", "25%" — a trailing percent sign
// is dropped, the value stays 25). It reports false for anything else.
func (c Cell) Decimal() (decimal.Decimal, bool) {
	if c.IsNum {
		if _, ok := numLiteral(c.Text); !ok {
			return decimal.Decimal{}, false
		}
		d, err := decimal.NewFromString(c.Text)
		return d, err == nil
	}
	return ParseDecimal(c.Text)
}

// numLiteral parses a stored number literal ("31", "0.25", "1E-3") and
// reports false for anything that is not a finite number of a sane size
// (a literal like "1E999999999" would make exact decimal arithmetic
// allocate without bound).
func numLiteral(s string) (float64, bool) {
	if s == "" || len(s) > 64 {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) || math.Abs(f) > 1e18 {
		return 0, false
	}
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		e, err := strconv.Atoi(s[i+1:])
		if err != nil || e > 30 || e < -30 {
			return 0, false
		}
	}
	return f, true
}

// ParseCount reads a count as people type it in a form: digits with an
// optional sign, leading zeros ("02"), and dots, commas or spaces grouping
// thousands ("1.234", "1,234", "1 234"). It rejects fractions, exponents
// and anything else, and a grouping whose first group starts with a zero
// ("0.064", "00.064", "01.234"): no number is grouped so, and such text
// is a fraction, not the count 64 or 1234.
func ParseCount(s string) (int64, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 40 {
		return 0, false
	}
	neg := false
	switch s[0] {
	case '-', '+':
		neg = s[0] == '-'
		s = strings.TrimSpace(s[1:])
	}
	if s == "" {
		return 0, false
	}
	var v int64
	digits, group, sep := 0, 0, byte(0)
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case ch >= '0' && ch <= '9':
			if v > (1<<62)/10 {
				return 0, false
			}
			v = v*10 + int64(ch-'0')
			digits++
			group++
		case ch == '.' || ch == ',' || ch == ' ':
			// A grouping separator: the same one throughout, after 1–3
			// digits first and exactly 3 digits between separators.
			if sep != 0 && ch != sep || sep == 0 && (digits == 0 || digits > 3 || s[0] == '0') || sep != 0 && group != 3 {
				return 0, false
			}
			sep, group = ch, 0
		default:
			return 0, false
		}
	}
	if digits == 0 || sep != 0 && group != 3 {
		return 0, false
	}
	if neg {
		v = -v
	}
	return v, true
}

// ParseDecimal reads a decimal number as people type it: "33.33", "33,33"
// (a decimal comma), "1.234,5", "25%" (the percent sign is dropped; the
// value stays 25). It reports false for anything else.
func ParseDecimal(s string) (decimal.Decimal, bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
	if s == "" || len(s) > 60 {
		return decimal.Decimal{}, false
	}
	dot, comma := strings.Count(s, "."), strings.Count(s, ",")
	lastDot, lastComma := strings.LastIndexByte(s, '.'), strings.LastIndexByte(s, ',')
	switch {
	case dot+comma <= 1:
		// One separator at most: it is the decimal point ("33,33", "0.5").
		s = strings.Replace(s, ",", ".", 1)
	case dot > 0 && comma > 0 && lastComma > lastDot && comma == 1:
		s = strings.Replace(strings.ReplaceAll(s, ".", ""), ",", ".", 1) // 1.234,5
	case dot > 0 && comma > 0 && lastDot > lastComma && dot == 1:
		s = strings.ReplaceAll(s, ",", "") // 1,234.5
	default:
		// The same separator several times groups thousands: 1.234.567.
		v, ok := ParseCount(s)
		if !ok {
			return decimal.Decimal{}, false
		}
		return decimal.NewFromInt(v), true
	}
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if !(ch >= '0' && ch <= '9' || ch == '.' || (i == 0 && (ch == '-' || ch == '+'))) {
			return decimal.Decimal{}, false
		}
	}
	d, err := decimal.NewFromString(s)
	return d, err == nil
}

// Merge is a merged range of a grid, 0-based and inclusive: Top and Bottom
// are row indices, Left and Right column indices.
type Merge struct {
	Top    int `json:"top"`
	Left   int `json:"left"`
	Bottom int `json:"bottom"`
	Right  int `json:"right"`
}

// Contains reports whether the cell (r, c) lies in the range.
func (m Merge) Contains(r, c int) bool {
	return r >= m.Top && r <= m.Bottom && c >= m.Left && c <= m.Right
}

// Cell returns the cell at row r and column c, both 0-based; a blank cell
// for any index outside the grid, negative ones included.
func (g *Grid) Cell(r, c int) Cell {
	if g == nil || r < 0 || c < 0 {
		return Cell{}
	}
	if g.packed != nil {
		if r >= len(g.packed) {
			return Cell{}
		}
		return packedCell(g.row(r), r, c)
	}
	if r >= len(g.Rows) || c >= len(g.Rows[r]) {
		return Cell{}
	}
	return g.Rows[r][c]
}

// Len is the number of rows.
func (g *Grid) Len() int {
	if g == nil {
		return 0
	}
	if g.packed != nil {
		return len(g.packed)
	}
	return len(g.Rows)
}

// Row returns the cells of row r (0-based) up to its last one holding
// something; nil for an empty row or an index outside the grid. The slice
// of a grid built by hand is Rows[r] itself; a compactly stored row is
// decoded into a new slice, which the caller may keep or change.
func (g *Grid) Row(r int) []Cell {
	if g == nil || r < 0 || r >= g.Len() {
		return nil
	}
	if g.packed == nil {
		return g.Rows[r]
	}
	return decodeRow(g.row(r), r)
}

// RowWidth is the length of row r: 1 + the column of its last cell that
// a reader stored (or len(Rows[r])); 0 for an empty row or an index outside
// the grid.
func (g *Grid) RowWidth(r int) int {
	if g == nil || r < 0 || r >= g.Len() {
		return 0
	}
	if g.packed == nil {
		return len(g.Rows[r])
	}
	w, _ := uvarint(g.row(r), 0)
	return int(w)
}

// AppendRow adds row Len() with the given cells, stored compactly (one
// string for the row, blank cells omitted) when the grid does not use
// Rows; the cells are copied. Readers build grids with it, so that a large
// sheet does not cost 40 bytes a cell slot. Trailing blank cells are
// dropped.
func (g *Grid) AppendRow(cells []Cell) {
	for len(cells) > 0 && cells[len(cells)-1] == (Cell{}) {
		cells = cells[:len(cells)-1]
	}
	if g.Rows != nil {
		g.Rows = append(g.Rows, append([]Cell(nil), cells...))
		return
	}
	if len(cells) == 0 {
		g.packed = append(g.packed, emptyRow)
		return
	}
	if g.owner != g {
		// A new grid, or a copy of one: the copy must not write where the
		// original may, nor the original where the copy does.
		g.chunks = slices.Clip(g.chunks)
		g.packed = slices.Clip(g.packed)
		g.owner, g.scratch = g, nil
		g.chunks = append(g.chunks, nil)
	}
	g.scratch = appendRow(g.scratch[:0], cells, len(g.packed))
	n := len(g.scratch)
	total := uvarintLen(uint64(n)) + n
	if last := g.chunks[len(g.chunks)-1]; cap(last)-len(last) < total {
		g.chunks = append(g.chunks, make([]byte, 0, max(chunkSize, total)))
	}
	k := len(g.chunks) - 1
	ch := g.chunks[k]
	off := len(ch)
	ch = binary.AppendUvarint(ch, uint64(n))
	ch = append(ch, g.scratch...)
	g.chunks[k] = ch
	g.packed = append(g.packed, uint64(k)<<32|uint64(off))
}

// Width is the length of the longest row.
func (g *Grid) Width() int {
	w := 0
	for r := range g.Len() {
		w = max(w, g.RowWidth(r))
	}
	return w
}

// A packed row is uvarint length, then the row's bytes: uvarint width,
// then for each cell that is not the zero Cell a flags byte, uvarint
// (column − previous column − 1) unless packNext, and, as the flags say,
// the text (uvarint value 0…999 with packSmall, else uvarint length +
// bytes) and the formula (uvarint length + bytes; with packFormulaRow each
// 0 byte stands for the row's number, so "D342+E342" in row 342 takes
// "D\x00+E\x00"). Rows are written one after the other into chunks of 64
// KiB; a cell's text points into its chunk (unsafe.String over bytes that
// are never written again): reading it allocates nothing, and keeping it
// keeps the chunk alive. A formula with the row's number is rebuilt, and
// allocated, when read.
const (
	packNum = 1 << iota
	packPercent
	packCached
	packText
	packFormula
	packSmall      // the text is "0"…"999", stored as its value
	packNext       // the cell is in the column after the previous one
	packFormulaRow // the formula's 0 bytes stand for the row's number
)

// smallNums are the texts "0" … "999", shared.
var smallNums = func() (t [1000]string) {
	for i := range t {
		t[i] = strconv.Itoa(i)
	}
	return t
}()

// smallValue reports whether s is one of smallNums, and its value.
func smallValue(s string) (int, bool) {
	if len(s) == 0 || len(s) > 3 || len(s) > 1 && s[0] == '0' {
		return 0, false
	}
	v := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		v = v*10 + int(s[i]-'0')
	}
	return v, true
}

// appendRow appends the packed form of cells, the cells of row r, to b.
func appendRow(b []byte, cells []Cell, r int) []byte {
	b = binary.AppendUvarint(b, uint64(len(cells)))
	var num [20]byte
	rowNum := strconv.AppendInt(num[:0], int64(r)+1, 10)
	prev := -1
	for i, c := range cells {
		if c == (Cell{}) {
			continue
		}
		var f byte
		if c.IsNum {
			f |= packNum
		}
		if c.Percent {
			f |= packPercent
		}
		if c.Cached {
			f |= packCached
		}
		small, isSmall := smallValue(c.Text)
		if isSmall {
			f |= packSmall
		} else if c.Text != "" {
			f |= packText
		}
		formulaRow := false
		if c.Formula != "" {
			f |= packFormula
			formulaRow = strings.Contains(c.Formula, string(rowNum)) && strings.IndexByte(c.Formula, 0) < 0
			if formulaRow {
				f |= packFormulaRow
			}
		}
		if i == prev+1 {
			f |= packNext
		}
		b = append(b, f)
		if i != prev+1 {
			b = binary.AppendUvarint(b, uint64(i-prev-1))
		}
		prev = i
		switch {
		case isSmall:
			b = binary.AppendUvarint(b, uint64(small))
		case c.Text != "":
			b = binary.AppendUvarint(b, uint64(len(c.Text)))
			b = append(b, c.Text...)
		}
		if formulaRow {
			t := strings.ReplaceAll(c.Formula, string(rowNum), "\x00")
			b = binary.AppendUvarint(b, uint64(len(t)))
			b = append(b, t...)
		} else if c.Formula != "" {
			b = binary.AppendUvarint(b, uint64(len(c.Formula)))
			b = append(b, c.Formula...)
		}
	}
	return b
}

func uvarintLen(v uint64) int {
	n := 1
	for ; v >= 0x80; v >>= 7 {
		n++
	}
	return n
}

// uvarint reads a uvarint of s at i; it returns the value and the index
// after it (len(s)+1 when s is cut short).
func uvarint(s string, i int) (uint64, int) {
	var v uint64
	for shift := 0; i < len(s) && shift < 64; shift += 7 {
		b := s[i]
		i++
		v |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return v, i
		}
	}
	return v, len(s) + 1
}

// nextCell decodes the cell of s, a row of index r, at i, whose column
// follows prev; it returns the cell, its column and the index after it, or
// ok false at the end of the row.
func nextCell(s string, r, i, prev int) (c Cell, col, next int, ok bool) {
	if i >= len(s) {
		return Cell{}, 0, i, false
	}
	f := s[i]
	i++
	col = prev + 1
	if f&packNext == 0 {
		var d uint64
		d, i = uvarint(s, i)
		if i > len(s) {
			return Cell{}, 0, len(s), false
		}
		col += int(d)
	}
	c.IsNum, c.Percent, c.Cached = f&packNum != 0, f&packPercent != 0, f&packCached != 0
	switch {
	case f&packSmall != 0:
		v, j := uvarint(s, i)
		if j > len(s) || v >= uint64(len(smallNums)) {
			return Cell{}, 0, len(s), false
		}
		c.Text, i = smallNums[v], j
	case f&packText != 0:
		n, j := uvarint(s, i)
		if j > len(s) || n > uint64(len(s)-j) {
			return Cell{}, 0, len(s), false
		}
		c.Text, i = s[j:j+int(n)], j+int(n)
	}
	if f&packFormula != 0 {
		n, j := uvarint(s, i)
		if j > len(s) || n > uint64(len(s)-j) {
			return Cell{}, 0, len(s), false
		}
		c.Formula, i = s[j:j+int(n)], j+int(n)
		if f&packFormulaRow != 0 && r >= 0 { // r < 0: a cell skipped, its formula unused
			c.Formula = withRow(c.Formula, r)
		}
	}
	return c, col, i, true
}

// withRow returns the formula template t with each 0 byte replaced by the
// number of row r, in one allocation.
func withRow(t string, r int) string {
	var nb [20]byte
	num := strconv.AppendInt(nb[:0], int64(r)+1, 10)
	var b strings.Builder
	b.Grow(len(t) + strings.Count(t, "\x00")*(len(num)-1))
	for {
		i := strings.IndexByte(t, 0)
		if i < 0 {
			b.WriteString(t)
			return b.String()
		}
		b.WriteString(t[:i])
		b.Write(num)
		t = t[i+1:]
	}
}

func packedCell(s string, r, want int) Cell {
	w, i := uvarint(s, 0)
	if want >= int(w) {
		return Cell{}
	}
	for col := -1; ; {
		// Skip cells before want without rebuilding their formulas.
		if i < len(s) && s[i]&packFormulaRow != 0 {
			at, ok := peekCol(s, i, col)
			if ok && at < want {
				_, _, next, ok := nextCell(s, -1, i, col)
				if !ok {
					return Cell{}
				}
				col, i = at, next
				continue
			}
		}
		c, at, next, ok := nextCell(s, r, i, col)
		if !ok || at > want {
			return Cell{}
		}
		if at == want {
			return c
		}
		col, i = at, next
	}
}

// peekCol is the column of the cell of s at i.
func peekCol(s string, i, prev int) (int, bool) {
	if s[i]&packNext != 0 {
		return prev + 1, true
	}
	d, j := uvarint(s, i+1)
	return prev + 1 + int(d), j <= len(s)
}

func decodeRow(s string, r int) []Cell {
	w, i := uvarint(s, 0)
	if w == 0 || i > len(s) {
		return nil
	}
	row := make([]Cell, w)
	for col := -1; ; {
		c, at, next, ok := nextCell(s, r, i, col)
		if !ok || at >= len(row) {
			return row
		}
		row[at] = c
		col, i = at, next
	}
}

// MergeAt returns the merged range holding (r, c), if any.
func (g *Grid) MergeAt(r, c int) (Merge, bool) {
	for _, m := range g.Merges {
		if m.Contains(r, c) {
			return m, true
		}
	}
	return Merge{}, false
}

// Addr returns the address of cell (r, c) as a person finds it in the
// source: "II.06a!D12" in a workbook (the sheet name quoted when it holds
// spaces or punctuation, as a spreadsheet writes it: "'Biểu 1'!D12"), or
// "bao-cao.txt:L123:C4" (line and field, 1-based) in pasted text. Negative
// indices give "".
func (g *Grid) Addr(r, c int) string {
	if g == nil || r < 0 || c < 0 {
		return ""
	}
	if g.Text {
		b := make([]byte, 0, len(g.Name)+16)
		b = append(b, g.Name...)
		b = append(b, ":L"...)
		b = strconv.AppendInt(b, int64(r)+1, 10)
		b = append(b, ":C"...)
		b = strconv.AppendInt(b, int64(c)+1, 10)
		return string(b)
	}
	b := make([]byte, 0, len(g.Name)+12)
	b = appendSheetName(b, g.Name)
	b = append(b, '!')
	b = AppendCellName(b, r, c)
	return string(b)
}

// CellName returns the A1-style name of the 0-based cell (r, c): "A1",
// "D12", "AA3". Negative indices give "".
func CellName(r, c int) string {
	if r < 0 || c < 0 {
		return ""
	}
	return string(AppendCellName(nil, r, c))
}

// AppendCellName appends the A1-style name of the 0-based cell (r, c) to b.
func AppendCellName(b []byte, r, c int) []byte {
	b = AppendColumnName(b, c)
	return strconv.AppendInt(b, int64(r)+1, 10)
}

// AppendColumnName appends the letters of the 0-based column c: "A" for 0,
// "Z" for 25, "AA" for 26.
func AppendColumnName(b []byte, c int) []byte {
	var tmp [16]byte
	i := len(tmp)
	for n := c + 1; n > 0 && i > 0; n = (n - 1) / 26 {
		i--
		tmp[i] = byte('A' + (n-1)%26)
	}
	return append(b, tmp[i:]...)
}

func appendSheetName(b []byte, name string) []byte {
	plain := name != ""
	for _, r := range name {
		if !(r == '.' || r == '_' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r > 0x7f && r != 0xa0) {
			plain = false
			break
		}
	}
	if plain && (name[0] < '0' || name[0] > '9') {
		return append(b, name...)
	}
	b = append(b, '\'')
	b = append(b, strings.ReplaceAll(name, "'", "''")...)
	return append(b, '\'')
}

// MarshalJSON writes the grid with its rows under "rows" however they are
// stored, so a grid a reader returned loses nothing in JSON.
func (g Grid) MarshalJSON() ([]byte, error) {
	type plain Grid
	p := plain(g)
	if g.packed != nil {
		p.Rows = make([][]Cell, len(g.packed))
		for r := range g.packed {
			p.Rows[r] = decodeRow(g.row(r), r)
		}
		p.packed, p.chunks, p.owner = nil, nil, nil
	}
	return json.Marshal(p)
}
