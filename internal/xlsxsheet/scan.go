package xlsxsheet

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/baocaodinhky/vpcp/internal/vntext"
)

// Event is what Scanner.Next found.
type Event uint8

const (
	RowStart  Event = iota + 1 // a <row>: Scanner.Row is its 0-based index
	RowEnd                     // its </row>
	CellRead                   // a <c>: Scanner.Cell
	MergeRead                  // a <mergeCell>: Scanner.MergeRef
	DataEnd                    // </sheetData>: the cells are all read
)

// Cell types: the t attribute of a <c>, as Cell.Type holds it.
const (
	TypeNumber    = ""          // n, absent, or one not listed here
	TypeShared    = "s"         // an index into the shared strings
	TypeInline    = "inlineStr" // an inline string, <is>
	TypeStr       = "str"       // a formula's text result
	TypeError     = "e"         // an error value, #REF!
	TypeBool      = "b"         // 1 or 0
	TypeISODate   = "d"         // an ISO 8601 date as text
	typeMaxLength = 9
)

// Cell is one <c> element as Scanner reads it. Its byte slices are the
// scanner's buffers, valid until the next call of Next.
type Cell struct {
	Row, Col int    // 0-based: the reference's, or the current row and the cell after the last
	Ref      []byte // the r attribute as written, or nil
	Type     string // one of the Type constants
	Style    int    // the s attribute; -1 when absent, 0 when not a number
	V        []byte // the <v> text
	HasV     bool
	IS       []byte // the <is> text: its <t> runs, phonetic runs left out
	HasIS    bool
	F        []byte // the <f> text
	HasF     bool
	SI       []byte // the <f si="…"> of a shared formula
}

// Scanner streams one worksheet part element by element, with a
// byte-level tokeniser: rows, cells (their value, inline string, formula,
// type and style, undecoded), merged ranges. It checks what both readers
// need — cell references in A1 style, row numbers, <c> closed by </c>, the
// part ending after </worksheet> — and bounds each text by MaxText
// (*TextError); the readers apply their own bounds on rows and columns.
type Scanner struct {
	Part, Sheet string
	// MaxText bounds each <v>, <f> and <is> text; it may change between
	// calls of Next. Zero is MaxTextRun.
	MaxText  int
	Row      int // 0-based index of the current row element; -1 before the first
	Cell     Cell
	MergeRef string
	InRow    bool // inside a <row>

	t      *tokenizer
	rc     io.Closer
	col    int
	ended  bool
	v, f   []byte
	is, si []byte
	ref    []byte
}

// Sheet opens the worksheet s for scanning.
func (b *Book) Sheet(s SheetRef) (*Scanner, error) {
	rc, err := b.open(s.Part)
	if err != nil {
		if re, ok := err.(*ReadError); ok {
			re.Sheet = s.Name
		}
		return nil, err
	}
	if rc == nil {
		return nil, &ReadError{Part: s.Part, Sheet: s.Name, Err: ErrCorrupt, Detail: "the worksheet part is missing"}
	}
	return &Scanner{Part: s.Part, Sheet: s.Name, Row: -1, col: -1, t: newTokenizer(rc), rc: rc}, nil
}

// Close closes the part.
func (s *Scanner) Close() error { return s.rc.Close() }

// Err turns an error of Next into a *ReadError naming the part and sheet.
func (s *Scanner) Err(err error) *ReadError {
	re := PartErr(s.Part, err)
	re.Part, re.Sheet = s.Part, s.Sheet
	return re
}

// Next reads up to the next event; io.EOF after </worksheet>, a
// *ReadError with ErrCorrupt if the part ends before it.
func (s *Scanner) Next() (Event, error) {
	t := s.t
	for {
		if cellFastPath && !t.selfEnd {
			if s.plainCell() {
				return CellRead, nil
			}
			if ev, ok := s.plainRow(); ok {
				return ev, nil
			}
		}
		err := t.next()
		if err == io.EOF {
			if !s.ended {
				return 0, &ReadError{Err: ErrCorrupt, Detail: "the worksheet XML ends before </worksheet>"}
			}
			return 0, io.EOF
		}
		if err != nil {
			return 0, err
		}
		switch t.kind {
		case tokEnd:
			switch string(t.name) {
			case "row":
				if s.InRow {
					s.InRow = false
					return RowEnd, nil
				}
			case "sheetData":
				return DataEnd, nil
			case "worksheet":
				s.ended = true
			}
		case tokStart:
			switch string(t.name) {
			case "row":
				r := s.Row + 1
				for i := range t.attrs {
					if string(t.attrName(i)) == "r" {
						v, err := t.attrValue(i)
						if err != nil {
							return 0, err
						}
						n, ok := atoi(v)
						if !ok || n < 1 {
							return 0, &ReadError{Err: ErrCorrupt, Detail: fmt.Sprintf("row number %q", v)}
						}
						r = n - 1
					}
				}
				s.Row, s.col, s.InRow = r, -1, true
				return RowStart, nil
			case "c":
				if err := s.cell(); err != nil {
					return 0, err
				}
				return CellRead, nil
			case "mergeCell":
				for i := range t.attrs {
					if string(t.attrName(i)) == "ref" {
						v, err := t.attrString(i)
						if err != nil {
							return 0, err
						}
						s.MergeRef = v
						return MergeRead, nil
					}
				}
			}
		}
	}
}

// atoi reads a decimal number as strconv.Atoi does, without allocating
// for plain digits.
func atoi(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 18 {
		n, err := strconv.Atoi(string(b))
		return n, err == nil
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			n, err := strconv.Atoi(string(b))
			return n, err == nil
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func cellType(b []byte) string {
	switch string(b) {
	case "s":
		return TypeShared
	case "inlineStr":
		return TypeInline
	case "str":
		return TypeStr
	case "e":
		return TypeError
	case "b":
		return TypeBool
	case "d":
		return TypeISODate
	}
	return TypeNumber
}

// cell reads one <c> element, up to its end.
func (s *Scanner) cell() error {
	t := s.t
	c := &s.Cell
	*c = Cell{Style: -1, Row: s.Row, Col: s.col + 1}
	for i := range t.attrs {
		name := t.attrName(i)
		if len(name) != 1 {
			continue
		}
		v, err := t.attrValue(i)
		if err != nil {
			return err
		}
		switch name[0] {
		case 'r':
			s.ref = append(s.ref[:0], v...)
			c.Ref = s.ref
			r, col, ok := ParseCellRef(v)
			if !ok {
				return &ReadError{Cell: string(v), Err: ErrCorrupt, Detail: "a cell reference that is not A1-style"}
			}
			c.Row, c.Col = r, col
			if s.Row < 0 {
				s.Row = r
			}
		case 't':
			c.Type = cellType(v)
		case 's':
			c.Style, _ = atoi(v)
		}
	}
	if c.Row < 0 {
		c.Row = 0
	}
	s.col = c.Col
	limit := s.MaxText
	if limit <= 0 {
		limit = MaxTextRun
	}
	if cellFastPath && !t.selfEnd && s.plainValue(limit) {
		return nil
	}
	for depth := 1; depth > 0; {
		if err := t.next(); err != nil {
			return unexpected(err)
		}
		switch t.kind {
		case tokStart:
			switch string(t.name) {
			case "v":
				v, err := s.charData("v", s.v[:0], limit)
				if err != nil {
					return err
				}
				s.v, c.V, c.HasV = v, v, true
			case "f":
				s.si = s.si[:0]
				for i := range t.attrs {
					if string(t.attrName(i)) == "si" {
						v, err := t.attrValue(i)
						if err != nil {
							return err
						}
						s.si = append(s.si, v...)
					}
				}
				c.SI = s.si
				f, err := s.charData("f", s.f[:0], limit)
				if err != nil {
					return err
				}
				s.f, c.F, c.HasF = f, f, true
			case "is":
				is, err := readText(t, s.is[:0], limit, "is")
				if err != nil {
					return err
				}
				s.is, c.IS, c.HasIS = is, is, true
			default:
				depth++
			}
		case tokEnd:
			depth--
			if depth == 0 && string(t.name) != "c" {
				return mismatched("c", string(t.name))
			}
		}
	}
	return nil
}

// cellFastPath turns plainValue on; the tests turn it off to compare.
var cellFastPath = true

// plainValue reads the content of the usual cell, "<v>TEXT</v></c>" right
// after its start tag, with TEXT free of markup, entities and CR and
// within limit, when all of it is in the tokenizer's buffer: the tokens
// the general loop would read (a start, a text, two ends) give the same
// Cell, without their calls. It reports false, having read nothing, for
// any other content; the general loop then reads it (and reports its
// errors).
func (s *Scanner) plainValue(limit int) bool {
	t := s.t
	n, ok := plainValueLen(t.buf[t.pos:t.end], limit)
	if !ok {
		return false
	}
	s.v = append(s.v[:0], t.buf[t.pos+3:t.pos+3+n]...)
	s.Cell.V, s.Cell.HasV = s.v, true
	t.pos += 3 + n + len("</v></c>")
	return true
}

// plainValueLen reports whether b starts "<v>TEXT</v></c>" with TEXT of
// printable ASCII but '&' (no "]]>"), at most limit bytes, and gives
// TEXT's length.
func plainValueLen(b []byte, limit int) (int, bool) {
	if len(b) < 3+len("</v></c>") || string(b[:3]) != "<v>" {
		return 0, false
	}
	n := 0
	for ; 3+n < len(b) && n <= limit; n++ {
		c := b[3+n]
		if c == '<' {
			break
		}
		if c < 0x20 || c >= 0x80 || c == '&' || c == '>' && n >= 2 && b[3+n-1] == ']' && b[3+n-2] == ']' {
			return 0, false // control characters, CR, UTF-8, entities and "]]>" left to the general loop
		}
	}
	rest := b[3+n:]
	if n > limit || len(rest) < len("</v></c>") || string(rest[:len("</v></c>")]) != "</v></c>" {
		return 0, false
	}
	return n, true
}

// plainCell reads, when the tokenizer is at one and has all of it
// buffered, a cell as spreadsheet programs write most of them:
// <c r="A1"> with t="…" and s="N" in either order or absent, then
// plainValue's content or an inline string of one plain run,
// <is><t>TEXT</t></is></c>. It sets Cell as cell would and reports true; it
// reports false, having read nothing, for any other input.
func (s *Scanner) plainCell() bool {
	t := s.t
	b := t.buf[t.pos:t.end]
	if len(b) < 8 || string(b[:6]) != `<c r="` {
		return false
	}
	k := 6
	for k < len(b) && b[k] >= 'A' && b[k] <= 'Z' {
		k++
	}
	for k < len(b) && b[k] >= '0' && b[k] <= '9' {
		k++
	}
	if k >= len(b) || b[k] != '"' {
		return false
	}
	ref := b[6:k]
	row, col, ok := ParseCellRef(ref)
	if !ok {
		return false
	}
	k++
	var typ []byte
	style, hasT, hasS := -1, false, false
	for k+5 <= len(b) && b[k] == ' ' && b[k+2] == '=' && b[k+3] == '"' && (b[k+1] == 't' && !hasT || b[k+1] == 's' && !hasS) {
		name := b[k+1]
		e := k + 4
		for e < len(b) && (b[e] >= 'a' && b[e] <= 'z' || b[e] >= 'A' && b[e] <= 'Z' || b[e] >= '0' && b[e] <= '9') {
			e++
		}
		if e >= len(b) || b[e] != '"' || e-(k+4) > 18 {
			return false
		}
		v := b[k+4 : e]
		if name == 't' {
			typ, hasT = v, true
		} else {
			if len(v) == 0 || v[0] < '0' || v[0] > '9' {
				return false
			}
			style, _ = atoi(v)
			hasS = true
		}
		k = e + 1
	}
	if k >= len(b) || b[k] != '>' {
		return false
	}
	k++
	limit := s.MaxText
	if limit <= 0 {
		limit = MaxTextRun
	}
	c := &s.Cell
	if n, ok := plainValueLen(b[k:], limit); ok {
		s.v = append(s.v[:0], b[k+3:k+3+n]...)
		*c = Cell{V: s.v, HasV: true}
		k += 3 + n + len("</v></c>")
	} else if n, ok := plainInlineLen(b[k:], limit); ok {
		s.is = append(s.is[:0], b[k+len("<is><t>"):k+len("<is><t>")+n]...)
		*c = Cell{IS: s.is, HasIS: true}
		k += len("<is><t>") + n + len("</t></is></c>")
	} else {
		return false
	}
	s.ref = append(s.ref[:0], ref...)
	c.Row, c.Col, c.Ref, c.Type, c.Style = row, col, s.ref, cellType(typ), style
	if s.Row < 0 {
		s.Row = row
	}
	s.col = col
	t.pos += k
	return true
}

// plainRow reads, when the tokenizer is at one and has it buffered, a
// row's end </row> inside a row, or a start <row r="N" …> with N of 1 to 9
// digits first and plain attributes after it, as Next would; it reports false, having
// read nothing, for any other input.
func (s *Scanner) plainRow() (Event, bool) {
	t := s.t
	b := t.buf[t.pos:t.end]
	if len(b) < len("</row>") || b[0] != '<' {
		return 0, false
	}
	if s.InRow && string(b[:len("</row>")]) == "</row>" {
		t.pos += len("</row>")
		s.InRow = false
		return RowEnd, true
	}
	if len(b) < len(`<row r="1">`) || string(b[:len(`<row r="`)]) != `<row r="` {
		return 0, false
	}
	k, n := len(`<row r="`), 0
	for ; k < len(b) && b[k] >= '0' && b[k] <= '9' && k < len(`<row r="`)+9; k++ {
		n = n*10 + int(b[k]-'0')
	}
	if n < 1 || k >= len(b) || b[k] != '"' {
		return 0, false
	}
	k++
	// Other attributes, as spreadsheet programs write them (spans="1:14",
	// x14ac:dyDescent="0.25"): a name of letters, digits and ":_.-" not
	// starting with a digit, '-' or '.', whose local name is not r, and a
	// value of printable ASCII but '"', '<' and '&'.
	for k < len(b) && b[k] == ' ' {
		e := k + 1
		for e < len(b) && (b[e] >= 'a' && b[e] <= 'z' || b[e] >= 'A' && b[e] <= 'Z' || b[e] >= '0' && b[e] <= '9' ||
			b[e] == ':' || b[e] == '_' || b[e] == '.' || b[e] == '-') {
			e++
		}
		name := b[k+1 : e]
		if len(name) == 0 || name[0] >= '0' && name[0] <= '9' || name[0] == '-' || name[0] == '.' ||
			string(local(name)) == "r" || e+1 >= len(b) || b[e] != '=' || b[e+1] != '"' {
			return 0, false
		}
		v := e + 2
		for v < len(b) && b[v] >= 0x20 && b[v] < 0x7f && b[v] != '"' && b[v] != '<' && b[v] != '&' {
			v++
		}
		if v >= len(b) || b[v] != '"' {
			return 0, false
		}
		k = v + 1
	}
	if k >= len(b) || b[k] != '>' {
		return 0, false
	}
	t.pos += k + 1
	s.Row, s.col, s.InRow = n-1, -1, true
	return RowStart, true
}

// plainInlineLen reports whether b starts "<is><t>TEXT</t></is></c>" with
// TEXT of UTF-8 without markup, entities, CR or other control
// characters (no "]]>"), at most limit bytes, and gives TEXT's length.
func plainInlineLen(b []byte, limit int) (int, bool) {
	return plainRunLen(b, limit, "<is><t>", "</t></is></c>")
}

// plainRunLen is plainInlineLen for b starting open+TEXT+end.
func plainRunLen(b []byte, limit int, open, end string) (int, bool) {
	if len(b) < len(open)+len(end) || string(b[:len(open)]) != open {
		return 0, false
	}
	n, high := 0, byte(0)
	for ; len(open)+n < len(b) && n <= limit; n++ {
		c := b[len(open)+n]
		if c == '<' {
			break
		}
		high |= c
		if c < 0x20 || c == '&' || c == '>' && n >= 2 && b[len(open)+n-1] == ']' && b[len(open)+n-2] == ']' {
			return 0, false // control characters, CR, entities and "]]>" left to the general loop
		}
	}
	rest := b[len(open)+n:]
	if n > limit || len(rest) < len(end) || string(rest[:len(end)]) != end {
		return 0, false
	}
	if high >= 0x80 && !utf8.Valid(b[len(open):len(open)+n]) {
		return 0, false
	}
	return n, true
}

func unexpected(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// mismatched reports an end tag that does not close the open element.
func mismatched(open, end string) error {
	return &ReadError{Err: ErrCorrupt, Detail: fmt.Sprintf("malformed XML: <%s> closed by </%s>", open, end)}
}

// charData appends to buf the text of a simple element up to its end
// (the text of nested elements left out).
func (s *Scanner) charData(name string, buf []byte, limit int) ([]byte, error) {
	t := s.t
	for depth := 1; depth > 0; {
		if err := t.next(); err != nil {
			return nil, unexpected(err)
		}
		switch t.kind {
		case tokStart:
			depth++
		case tokEnd:
			depth--
			if depth == 0 && string(t.name) != name {
				return nil, mismatched(name, string(t.name))
			}
		case tokText:
			if depth == 1 {
				if len(buf)+len(t.text) > limit {
					return nil, &TextError{Elem: name, Limit: limit}
				}
				buf = append(buf, t.text...)
			}
		}
	}
	return buf, nil
}

// readText appends to buf the text of an <si> or <is> element: its <t>
// elements, the runs' included, the phonetic runs (<rPh>) left out.
func readText(t *tokenizer, buf []byte, limit int, elem string) ([]byte, error) {
	depth, inT, skip := 1, false, 0
	for depth > 0 {
		if err := t.next(); err != nil {
			return nil, unexpected(err)
		}
		switch t.kind {
		case tokStart:
			depth++
			switch {
			case string(t.name) == "rPh":
				skip = depth
			case string(t.name) == "t" && skip == 0:
				inT = true
			}
		case tokEnd:
			if string(t.name) == "t" {
				inT = false
			}
			if depth == skip {
				skip = 0
			}
			depth--
		case tokText:
			if inT {
				if len(buf)+len(t.text) > limit {
					return nil, &TextError{Elem: elem, Limit: limit}
				}
				buf = append(buf, t.text...)
			}
		}
	}
	return buf, nil
}

// Strings is the shared-strings table: chunks of 1 MiB of text and a
// packed index, so that a million short strings cost their bytes and 8
// bytes each, not a string header and an allocation each, and the text
// is never copied to grow.
type Strings struct {
	chunks []string
	idx    []uint64 // string i: chunk, offset and length
	cur    strings.Builder
}

const (
	sstChunk   = 1 << 20 // bytes of text per chunk
	sstOffBits = 21      // offset within a chunk
	sstLenBits = 21      // length of a string
	// MaxSharedString is the longest shared string the table holds.
	MaxSharedString = 1<<sstLenBits - 1
)

// Len is the number of strings.
func (st *Strings) Len() int { return len(st.idx) }

// Get returns string i.
func (st *Strings) Get(i int) (string, bool) {
	if i < 0 || i >= len(st.idx) {
		return "", false
	}
	e := st.idx[i]
	c, off, n := e>>(sstLenBits+sstOffBits), e>>sstLenBits&(1<<sstOffBits-1), e&(1<<sstLenBits-1)
	if c >= uint64(len(st.chunks)) {
		return "", false
	}
	return st.chunks[c][off : off+n], true
}

func (st *Strings) add(s string) {
	if st.cur.Len()+len(s) > sstChunk {
		st.flush()
	}
	if st.cur.Cap() == 0 {
		st.cur.Grow(max(sstChunk, len(s)))
	}
	st.idx = append(st.idx, uint64(len(st.chunks))<<(sstLenBits+sstOffBits)|uint64(st.cur.Len())<<sstLenBits|uint64(len(s)))
	st.cur.WriteString(s)
}

func (st *Strings) flush() {
	if st.cur.Len() > 0 {
		st.chunks = append(st.chunks, st.cur.String())
		st.cur = strings.Builder{}
	}
}

// SharedOptions bound ReadShared.
type SharedOptions struct {
	// Limit bounds the raw text of the next string; called before each.
	Limit func() int
	// Check is called with each string, NFC-normalised, before it is
	// stored (for a memory budget); an error stops the reading. The
	// string may share the reader's buffer: it is valid during the call
	// only.
	Check func(i int, s string) error
}

// ReadShared reads the shared-strings part (Book.SharedPart) into a
// table; an empty table if there is none. A string whose text exceeds
// Limit is a *TextError (Elem "si").
func (b *Book) ReadShared(opts SharedOptions) (*Strings, error) {
	st := &Strings{}
	if b.SharedPart == "" {
		return st, nil
	}
	var buf []byte
	err := b.scan(b.SharedPart, func(t *tokenizer) error {
		if string(t.name) != "si" {
			return nil
		}
		limit := min(opts.Limit(), MaxSharedString)
		if n, ok := plainRunLen(t.buf[t.pos:t.end], limit, "<t>", "</t></si>"); cellFastPath && !t.selfEnd && ok {
			// <si><t>TEXT</t></si>, TEXT plain and buffered: what
			// readText gives, read in place.
			buf = append(buf[:0], t.buf[t.pos+len("<t>"):t.pos+len("<t>")+n]...)
			t.pos += len("<t>") + n + len("</t></si>")
		} else {
			var err error
			buf, err = readText(t, buf[:0], limit, "si")
			if err != nil {
				return err
			}
		}
		// s aliases buf when buf is already NFC (vntext.NFC returns a
		// clean text as is): it is read only until add copies it into the
		// table, and buf is not written before the next string.
		s := vntext.NFC(unsafe.String(unsafe.SliceData(buf), len(buf)))
		if opts.Check != nil {
			if err := opts.Check(st.Len(), s); err != nil {
				return checkError{err}
			}
		}
		if len(s) > MaxSharedString {
			return &TextError{Elem: "si", Limit: MaxSharedString}
		}
		st.add(s)
		return nil
	})
	st.flush()
	if err != nil {
		return nil, err
	}
	return st, nil
}

// checkError carries an error of SharedOptions.Check out of scan as is.
type checkError struct{ err error }

func (e checkError) Error() string { return e.err.Error() }

// nfc is vntext.NFC of b, as a new string.
func nfc(b []byte) string { return vntext.NFC(string(b)) }

// ParseCellRef reads "D12" as the 0-based (11, 3); "$D$12" and "d12"
// too.
func ParseCellRef[T string | []byte](s T) (row, col int, ok bool) {
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
	// The row number, as strconv.Atoi reads it: an optional sign, digits.
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	if i == len(s) {
		return 0, 0, false
	}
	r := 0
	for ; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, 0, false
		}
		r = r*10 + int(s[i]-'0')
		if r > 1<<24 {
			return 0, 0, false
		}
	}
	if neg || r < 1 {
		return 0, 0, false
	}
	return r - 1, c - 1, true
}
