package tally

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"io"
	"math/bits"
	"slices"
	"unicode/utf8"
	"unsafe"
)

// csvScanner splits a CSV text into records exactly as encoding/csv does
// with LazyQuotes set, FieldsPerRecord -1, no Comment and no
// TrimLeadingSpace — the configuration ReadCSV used to run encoding/csv in
// — without its per-field bookkeeping (field positions, rune decoding of a
// one-byte separator). FuzzCSVScanner holds it to encoding/csv on any
// input. Unlike encoding/csv, it allocates nothing per record: the
// fields' texts share its buffers (unsafe.String) and are valid only until
// the next call of next; a caller keeping one copies it (readRows keeps
// the code of each record, in readCache.keep).
//
// With LazyQuotes encoding/csv never reports a quote error: a quote inside
// an unquoted field is kept, a quote in a quoted field not followed by a
// separator or the line end is kept, and a quoted field open at the end of
// the input ends there. The scanner splits the same way but marks the
// last two (stray, the errors encoding/csv without LazyQuotes reports as
// ErrQuote): the field then runs on to the next quote, often on a later
// line, and swallows the rows between (ReadCSV refuses such a file). The
// only errors are the reader's and errRowTooLong, when one record spans
// more than max bytes of input.
type csvScanner struct {
	r    *bufio.Reader
	sep  byte // ',', ';' or '\t'
	max  int  // bound on the input bytes of one record
	line int  // lines read so far

	size   int    // input bytes of the record being read
	raw    []byte // a line longer than the bufio buffer
	buf    []byte // the unescaped fields of the record
	ends   []int  // where each field ends in buf
	fields []Cell
	// stray is the line of the first quote in a quoted field of the
	// record that is neither doubled nor followed by the separator or the
	// line end, or of a quoted field open at the end of the input; 0 if
	// none. open: the record ends inside a quoted field.
	stray int
	open  bool
}

func newCSVScanner(r *bufio.Reader, sep byte, max int) *csvScanner {
	return &csvScanner{r: r, sep: sep, max: max, buf: make([]byte, 0, 1024), ends: make([]int, 0, 32), fields: make([]Cell, 0, 32)}
}

// readLine is encoding/csv's readLine: the next line with its LF, CR LF
// folded to LF, a CR before the end of the input dropped.
func (s *csvScanner) readLine() ([]byte, error) {
	line, err := s.r.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		s.raw = append(s.raw[:0], line...)
		for err == bufio.ErrBufferFull {
			if s.size+len(s.raw) > s.max {
				return nil, errRowTooLong
			}
			line, err = s.r.ReadSlice('\n')
			s.raw = append(s.raw, line...)
		}
		line = s.raw
	}
	n := len(line)
	s.size += n
	if s.size > s.max {
		return nil, errRowTooLong
	}
	if n > 0 && err == io.EOF {
		err = nil
		if line[n-1] == '\r' {
			line = line[:n-1]
			n--
		}
	}
	if n == 0 {
		return line, err // nothing more: no line to count
	}
	s.line++
	if n >= 2 && line[n-2] == '\r' && line[n-1] == '\n' {
		line[n-2] = '\n'
		line = line[:n-1]
	}
	return line, err
}

// lengthNL is 1 when b ends in LF.
func lengthNL(b []byte) int {
	if len(b) > 0 && b[len(b)-1] == '\n' {
		return 1
	}
	return 0
}

// recordLine reads the next line that is not blank; blank lines are
// counted and skipped.
func (s *csvScanner) recordLine() ([]byte, error) {
	for {
		line, err := s.readLine()
		if err != nil || len(line) != lengthNL(line) {
			return line, err
		}
		s.size = 0
	}
}

// next returns the fields of the next record (as Cells of text) and the line it starts on;
// io.EOF after the last. Blank lines are skipped (and counted).
func (s *csvScanner) next() ([]Cell, int, error) {
	s.size, s.stray, s.open = 0, 0, false
	line, errRead := s.recordLine()
	if errRead == io.EOF {
		return nil, 0, errRead
	}
	if errRead != nil {
		return nil, s.line + 1, errRead
	}
	start := s.line
	s.fields = s.fields[:0]
	b := line[:len(line)-lengthNL(line)]
	if fields, ok := splitLine(b, s.sep, s.fields); ok {
		s.fields = fields // one line, each quoted field closed on it and without "": the line's bytes
		return fields, start, nil
	}
	return s.unquote(line, start)
}

// unquote reads the record that starts with line as encoding/csv does
// (LazyQuotes), the fields unescaped into s.buf: the path of a record that
// splitLine leaves, one with a quoted field that holds "", goes on past
// its line, or has text after its closing quote.
func (s *csvScanner) unquote(line []byte, start int) ([]Cell, int, error) {
	sep := s.sep
	var errRead error
	s.buf, s.ends = s.buf[:0], s.ends[:0]
fields:
	for {
		if len(line) == 0 || line[0] != '"' {
			i := bytes.IndexByte(line, sep)
			f := line
			if i >= 0 {
				f = f[:i]
			} else {
				f = f[:len(f)-lengthNL(f)]
			}
			s.buf = append(s.buf, f...)
			s.ends = append(s.ends, len(s.buf))
			if i >= 0 {
				line = line[i+1:]
				continue
			}
			break
		}
		line = line[1:] // a quoted field
		for {
			i := bytes.IndexByte(line, '"')
			switch {
			case i >= 0:
				s.buf = append(s.buf, line[:i]...)
				line = line[i+1:]
				switch {
				case len(line) > 0 && line[0] == '"': // "" is a quote
					s.buf = append(s.buf, '"')
					line = line[1:]
				case len(line) > 0 && line[0] == sep:
					line = line[1:]
					s.ends = append(s.ends, len(s.buf))
					continue fields
				case lengthNL(line) == len(line):
					s.ends = append(s.ends, len(s.buf))
					break fields
				default: // a bare quote, kept (LazyQuotes)
					s.buf = append(s.buf, '"')
					if s.stray == 0 {
						s.stray = s.line
					}
				}
			case len(line) > 0: // the field goes on on the next line
				s.buf = append(s.buf, line...)
				if errRead != nil {
					break fields
				}
				line, errRead = s.readLine()
				if errRead == io.EOF {
					errRead = nil
				}
			default: // the input ends inside the field
				s.ends = append(s.ends, len(s.buf))
				if s.stray == 0 {
					s.stray = s.line
				}
				s.open = true
				break fields
			}
		}
	}
	if errRead != nil {
		return nil, start, errRead
	}
	str := unsafe.String(unsafe.SliceData(s.buf), len(s.buf)) // valid until the next record: see csvScanner
	prev := 0
	for _, e := range s.ends {
		s.fields = append(s.fields, Cell{Text: str[prev:e]})
		prev = e
	}
	return s.fields, start, nil
}

const (
	ones = 0x0101010101010101
	lo7  = 0x7F7F7F7F7F7F7F7F
)

// zeroBytes has the high bit of each byte of x that is 0, and no other
// bit set.
func zeroBytes(x uint64) uint64 {
	return ^((x&lo7 + lo7) | x | lo7)
}

// splitLine appends to fields the fields of b, a line without its LF,
// when each of its quoted fields closes on it and holds no "": the
// fields' texts are then slices of the line (unsafe.String, valid until
// the next read: see csvScanner), a quoted one without its quotes. ok
// false leaves the record to unquote: a quoted field not closed on the
// line (it goes on on the next, or the input ends in it), or one whose
// closing quote is followed by anything but a separator or the line's
// end ("" inside, or text after it: "abc"def). A quote inside an
// unquoted field is text, as in encoding/csv.
//
// The separators outside quotes are found eight bytes at a time (SWAR,
// appendFields), a quote by bytes.IndexByte. Before it, a line with a
// quote went to unquote, which copies every field:
// BenchmarkReadCSV/100k (a quarter of the lines with a quoted field)
// read at 72.7 ms/op, 1.49 × its encoding/csv floor (3 rounds,
// 72.6–73.2); see the figures of csvScanner.
func splitLine(b []byte, sep byte, fields []Cell) ([]Cell, bool) {
	str := unsafe.String(unsafe.SliceData(b), len(b))
	start, pos := 0, 0 // the field being read starts at start; the scan goes on at pos
	for {
		q := bytes.IndexByte(b[pos:], '"')
		if q < 0 {
			fields, start = appendFields(fields, b, pos, len(b), start, sep)
			return append(fields, Cell{Text: str[start:]}), true
		}
		q += pos
		fields, start = appendFields(fields, b, pos, q, start, sep)
		if start != q {
			pos = q + 1 // a quote inside an unquoted field: text
			continue
		}
		c := bytes.IndexByte(b[q+1:], '"')
		if c < 0 {
			return fields, false
		}
		c += q + 1
		fields = append(fields, Cell{Text: str[q+1 : c]})
		if c+1 == len(b) {
			return fields, true
		}
		if b[c+1] != sep {
			return fields, false
		}
		start, pos = c+2, c+2
	}
}

// appendFields appends to fields the fields of b[start:] that end at a
// sep in b[from:to] (start ≤ from), testing eight bytes at a time, the
// last up to seven in a word that overlaps the ones before (masked), and
// returns where the field after the last one starts. The room for the
// fields is made first (at most one a byte), so that each is one store
// without append's capacity test, and a field's text is made from the
// line's pointer (unsafe.String) without the bounds tests of slicing:
// 146 → 125 ns a line of BenchmarkReadCSV's list without quotes (a
// loop over 7,500 of its lines, 3 rounds each; two words a turn instead
// of one: 127 ns), BenchmarkReadCSV/100k/reader 63.4 → 62.9 ms/op (3
// paired rounds).
func appendFields(fields []Cell, b []byte, from, to, start int, sep byte) ([]Cell, int) {
	fields = slices.Grow(fields, to-from+1)
	n := len(fields)
	out := fields[:cap(fields)]
	p := unsafe.Pointer(unsafe.SliceData(b)) // valid until the next read: see csvScanner
	sw := uint64(sep) * ones
	b = b[:to]
	i := from
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i:]) // one load, one bounds check
		for m := zeroBytes(w ^ sw); m != 0; m &= m - 1 {
			e := i + bits.TrailingZeros64(m)/8
			out[n] = Cell{Text: unsafe.String((*byte)(unsafe.Add(p, start)), e-start)} // start ≤ e < to
			n++
			start = e + 1
		}
	}
	if i < to && to >= 8 {
		at := to - 8
		m := zeroBytes(binary.LittleEndian.Uint64(b[at:])^sw) &^ (1<<(8*uint(i-at)) - 1)
		for ; m != 0; m &= m - 1 {
			e := at + bits.TrailingZeros64(m)/8
			out[n] = Cell{Text: unsafe.String((*byte)(unsafe.Add(p, start)), e-start)}
			n++
			start = e + 1
		}
		return out[:n], start
	}
	for ; i < to; i++ {
		if b[i] == sep {
			out[n] = Cell{Text: unsafe.String((*byte)(unsafe.Add(p, start)), i-start)}
			n++
			start = i + 1
		}
	}
	return out[:n], start
}

// validUTF8 is utf8.Valid, faster on text such as Vietnamese where a
// multi-byte character comes every few letters: after each one it goes
// back to testing eight bytes at a time.
func validUTF8(b string) bool {
	for len(b) > 0 {
		if len(b) >= 8 {
			hi := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
				uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
			hi &= 0x8080808080808080
			if hi == 0 {
				b = b[8:]
				continue
			}
			b = b[bits.TrailingZeros64(hi)/8:]
		} else if b[0] < utf8.RuneSelf {
			b = b[1:]
			continue
		}
		// The two- and three-byte forms (all of Vietnamese) inline, as
		// RFC 3629 §4 bounds them; the four-byte ones by DecodeRune.
		switch c := b[0]; {
		case c >= 0xC2 && c <= 0xDF:
			if len(b) < 2 || b[1]&0xC0 != 0x80 {
				return false
			}
			b = b[2:]
		case c >= 0xE0 && c <= 0xEF:
			if len(b) < 3 || b[1]&0xC0 != 0x80 || b[2]&0xC0 != 0x80 ||
				c == 0xE0 && b[1] < 0xA0 || c == 0xED && b[1] > 0x9F {
				return false
			}
			b = b[3:]
		default:
			r, n := utf8.DecodeRuneInString(b)
			if r == utf8.RuneError && n == 1 {
				return false
			}
			b = b[n:]
		}
	}
	return true
}

// validCells reports whether the cells' texts are UTF-8, but for those
// marked in skip (bit i: cell i), known to be. It visits only the cells
// not marked (the set bits of the complement), not every cell: on a row
// of the 14 columns of BenchmarkReadCSV, of which recordWith knows 13,
// that is one call of validUTF8 instead of a loop over 14.
func validCells(cells []Cell, skip uint64) bool {
	n := min(len(cells), 64)
	todo := ^skip
	if n < 64 {
		todo &= 1<<n - 1
	}
	for ; todo != 0; todo &= todo - 1 {
		if t := cells[bits.TrailingZeros64(todo)].Text; t != "" && !validUTF8(t) { // an empty cell without a call
			return false
		}
	}
	for _, c := range cells[n:] {
		if !validUTF8(c.Text) {
			return false
		}
	}
	return true
}
