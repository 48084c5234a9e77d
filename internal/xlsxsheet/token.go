package xlsxsheet

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// tokenizer is a byte-level XML tokeniser of the parts of a workbook. It
// gives the tokens encoding/xml's RawToken gives — start and end tags
// with local names (prefixes dropped), character data with entities and
// CDATA sections decoded and line ends normalised — and skips comments,
// processing instructions and directives. A self-closing tag is a start
// followed by an end, as in encoding/xml. It checks what RawToken checks
// of well-formedness (names, quoted attributes, entities, UTF-8 and the
// XML character range) but, like RawToken, not that end tags match their
// start: the scanners do where it matters. Names and texts are slices of
// its buffer, valid until the next call of next. Nothing is allocated per
// token once the buffer has grown to the part's longest token; a token
// longer than maxToken is an error (the budget reader stops a text run
// of more than MaxTextRun bytes before).
type tokenizer struct {
	r        io.Reader
	buf      []byte
	pos, end int
	err      error // the reader's error, once met
	lines    int   // newlines before buf[0]

	kind     tokKind
	name     []byte // local name of a start or end tag
	text     []byte // character data
	attrs    []attr // attributes of a start tag, offsets into buf from tagPos
	tagPos   int
	selfEnd  bool // the start tag was self-closing: an end comes next
	pendName []byte
	scratch  []byte // decoded text and attribute values
}

type tokKind uint8

const (
	tokStart tokKind = iota + 1
	tokEnd
	tokText
)

// attr is an attribute: its local name and raw value, as offsets into
// the buffer from the tag's start.
type attr struct {
	name, value [2]int
	amp         bool // the value holds an entity
}

const (
	bufSize  = 32 << 10
	maxToken = 4 << 20
)

func newTokenizer(r io.Reader) *tokenizer {
	return &tokenizer{r: r, buf: make([]byte, bufSize)}
}

// fill reads more input after buf[end], first moving the unread bytes to
// the front and growing the buffer when they fill it. It reports whether
// bytes were added.
func (t *tokenizer) fill() bool {
	if t.err != nil {
		return false
	}
	if t.pos > 0 {
		t.lines += bytes.Count(t.buf[:t.pos], []byte{'\n'})
		t.end = copy(t.buf, t.buf[t.pos:t.end])
		t.pos = 0
	}
	if t.end == len(t.buf) {
		if len(t.buf) >= maxToken {
			t.err = errTextRun
			return false
		}
		nb := make([]byte, 2*len(t.buf))
		copy(nb, t.buf[:t.end])
		t.buf = nb
	}
	for range 100 {
		n, err := t.r.Read(t.buf[t.end:])
		t.end += n
		if err != nil {
			t.err = err
		}
		if n > 0 {
			return true
		}
		if err != nil {
			return false
		}
	}
	t.err = io.ErrNoProgress
	return false
}

// index returns the offset from pos of the first c at offset off or
// later, reading more as needed; -1 if the input ends first.
func (t *tokenizer) index(off int, c byte) int {
	for {
		if t.pos+off < t.end {
			if i := bytes.IndexByte(t.buf[t.pos+off:t.end], c); i >= 0 {
				return off + i
			}
		}
		off = max(off, t.end-t.pos)
		if !t.fill() {
			return -1
		}
	}
}

// at returns the byte at offset off from pos, reading more as needed.
func (t *tokenizer) at(off int) (byte, bool) {
	for t.pos+off >= t.end {
		if !t.fill() {
			return 0, false
		}
	}
	return t.buf[t.pos+off], true
}

// indexNear is index for a c expected within a few bytes (the end of a
// short tag, attribute value or cell text): the bytes are tested one by
// one first, without IndexByte's call, then index goes on.
func (t *tokenizer) indexNear(off int, c byte) int {
	ok := true
	for k := off; k < off+16; k++ {
		var b byte
		if p := t.pos + k; p < t.end {
			b = t.buf[p]
		} else if b, ok = t.at(k); !ok {
			return -1
		}
		if b == c {
			return k
		}
	}
	return t.index(off+16, c)
}

// indexSeq returns the offset from pos of the first seq at offset off or
// later; -1 if the input ends first.
func (t *tokenizer) indexSeq(off int, seq string) int {
	for {
		i := t.index(off, seq[len(seq)-1])
		if i < 0 {
			return -1
		}
		if i-off >= len(seq)-1 && string(t.buf[t.pos+i-len(seq)+1:t.pos+i+1]) == seq {
			return i - len(seq) + 1
		}
		off = i + 1
	}
}

// syntax is a syntax error at offset off from pos.
func (t *tokenizer) syntax(off int, format string, args ...any) error {
	end := min(t.pos+off, t.end)
	return &syntaxError{line: 1 + t.lines + bytes.Count(t.buf[:end], []byte{'\n'}), msg: fmt.Sprintf(format, args...)}
}

// eof is the error of an input that ends inside a token: the reader's
// own error, or unexpected EOF.
func (t *tokenizer) eof() error {
	if t.err != nil && t.err != io.EOF {
		return t.err
	}
	return t.syntax(t.end-t.pos, "unexpected EOF")
}

// next reads the next token; io.EOF at the end of the input.
func (t *tokenizer) next() error {
	if t.selfEnd {
		t.selfEnd = false
		t.kind, t.name = tokEnd, t.pendName
		return nil
	}
	for {
		if t.pos >= t.end && !t.fill() {
			if t.err == io.EOF {
				return io.EOF
			}
			return t.err
		}
		if t.buf[t.pos] != '<' {
			i := t.indexNear(0, '<')
			if i < 0 {
				if t.err != io.EOF {
					return t.err
				}
				i = t.end - t.pos
			}
			raw := t.buf[t.pos : t.pos+i]
			txt, err := t.decode(raw, 0)
			if err != nil {
				return err
			}
			t.pos += i
			t.kind, t.text = tokText, txt
			return nil
		}
		c, ok := t.at(1)
		if !ok {
			return t.eof()
		}
		switch c {
		case '/':
			gt := t.indexNear(2, '>')
			if gt < 0 {
				return t.eof()
			}
			name := t.buf[t.pos+2 : t.pos+gt]
			for len(name) > 0 && isSpace(name[len(name)-1]) { // bytes.TrimRight(name, " \t\r\n") without its cutset
				name = name[:len(name)-1]
			}
			if !validName(name) {
				return t.syntax(0, "invalid end tag name %q", name)
			}
			t.pos += gt + 1
			t.kind, t.name = tokEnd, local(name)
			return nil
		case '?':
			e := t.indexSeq(2, "?>")
			if e < 0 {
				return t.eof()
			}
			if err := t.procInst(t.buf[t.pos+2 : t.pos+e]); err != nil {
				return err
			}
			t.pos += e + 2
			continue
		case '!':
			if err := t.bang(); err != nil {
				return err
			}
			if t.kind == tokText {
				return nil
			}
			continue
		}
		return t.start()
	}
}

// procInst checks the XML declaration's encoding: a workbook part in
// another encoding than UTF-8 is refused, as encoding/xml does without a
// CharsetReader.
func (t *tokenizer) procInst(b []byte) error {
	target, rest, _ := bytes.Cut(b, []byte{' '})
	if string(target) != "xml" {
		return nil
	}
	i := bytes.Index(rest, []byte("encoding="))
	if i < 0 || len(rest) < i+10 {
		return nil
	}
	q := rest[i+9]
	v := rest[i+10:]
	if j := bytes.IndexByte(v, q); j >= 0 {
		v = v[:j]
	}
	if !bytes.EqualFold(v, []byte("utf-8")) && !bytes.EqualFold(v, []byte("utf8")) {
		return t.syntax(0, "encoding %q declared: only UTF-8 is read", v)
	}
	return nil
}

// bang reads a token starting "<!": a comment or a directive (skipped)
// or a CDATA section (text).
func (t *tokenizer) bang() error {
	t.kind = 0
	c2, _ := t.at(2)
	c3, ok := t.at(3)
	if !ok {
		return t.eof()
	}
	if c2 == '-' && c3 == '-' {
		e := t.indexSeq(4, "-->")
		if e < 0 {
			return t.eof()
		}
		t.pos += e + 3
		return nil
	}
	if c2 == '[' {
		for i, c := range []byte("CDATA[") {
			if b, ok := t.at(3 + i); !ok {
				return t.eof()
			} else if b != c {
				return t.syntax(0, "invalid <![ sequence")
			}
		}
		e := t.indexSeq(9, "]]>")
		if e < 0 {
			return t.eof()
		}
		raw := t.buf[t.pos+9 : t.pos+e]
		if err := t.check(raw, 9); err != nil {
			return err
		}
		txt := raw
		if bytes.IndexByte(raw, '\r') >= 0 {
			txt = crlf(append(t.scratch[:0], raw...))
			t.scratch = txt
		}
		t.pos += e + 3
		t.kind, t.text = tokText, txt
		return nil
	}
	if c2 == '-' {
		return t.syntax(0, "invalid sequence <!- not part of <!--")
	}
	// A directive (<!DOCTYPE …>), with nested <…>, quoted strings and
	// comments, skipped as encoding/xml reads it (the byte after "<!" is
	// taken as is).
	depth, quote := 0, byte(0)
	for off := 3; ; {
		c, ok := t.at(off)
		if !ok {
			return t.eof()
		}
		off++
		if quote == 0 && c == '>' && depth == 0 {
			t.pos += off
			return nil
		}
	handle:
		switch {
		case c == quote:
			quote = 0
		case quote != 0:
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			depth--
		case c == '<':
			for i := range 3 {
				if c, ok = t.at(off); !ok {
					return t.eof()
				}
				off++
				if c != "!--"[i] {
					depth++
					goto handle
				}
			}
			e := t.indexSeq(off, "-->")
			if e < 0 {
				return t.eof()
			}
			off = e + 3
		}
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// start reads a start tag and its attributes.
func (t *tokenizer) start() error {
	off, ok := 1, true
	for {
		var c byte
		if p := t.pos + off; p < t.end { // the byte at off, read in place when buffered
			c = t.buf[p]
		} else if c, ok = t.at(off); !ok {
			return t.eof()
		}
		if isSpace(c) || c == '/' || c == '>' {
			break
		}
		off++
	}
	nameEnd := off
	if !validName(t.buf[t.pos+1 : t.pos+nameEnd]) {
		return t.syntax(0, "invalid tag name %q", t.buf[t.pos+1:t.pos+nameEnd])
	}
	t.attrs = t.attrs[:0]
	self := false
	for {
		var c byte
		if p := t.pos + off; p < t.end { // the byte at off, read in place when buffered
			c = t.buf[p]
		} else if c, ok = t.at(off); !ok {
			return t.eof()
		}
		if isSpace(c) {
			off++
			continue
		}
		if c == '>' {
			off++
			break
		}
		if c == '/' {
			if c, ok := t.at(off + 1); !ok {
				return t.eof()
			} else if c != '>' {
				return t.syntax(off, "expected /> in element")
			}
			off += 2
			self = true
			break
		}
		var a attr
		a.name[0] = off
		for {
			var c byte
			if p := t.pos + off; p < t.end { // the byte at off, read in place when buffered
				c = t.buf[p]
			} else if c, ok = t.at(off); !ok {
				return t.eof()
			}
			if isSpace(c) || c == '=' || c == '>' || c == '/' {
				break
			}
			off++
		}
		a.name[1] = off
		if !validName(t.buf[t.pos+a.name[0] : t.pos+a.name[1]]) {
			return t.syntax(off, "invalid attribute name")
		}
		for {
			var c byte
			if p := t.pos + off; p < t.end { // the byte at off, read in place when buffered
				c = t.buf[p]
			} else if c, ok = t.at(off); !ok {
				return t.eof()
			}
			if !isSpace(c) {
				break
			}
			off++
		}
		if c, _ := t.at(off); c != '=' {
			return t.syntax(off, "attribute name without = in element")
		}
		off++
		var q byte
		for {
			var c byte
			if p := t.pos + off; p < t.end { // the byte at off, read in place when buffered
				c = t.buf[p]
			} else if c, ok = t.at(off); !ok {
				return t.eof()
			}
			if !isSpace(c) {
				q = c
				break
			}
			off++
		}
		if q != '"' && q != '\'' {
			return t.syntax(off, "unquoted or missing attribute value in element")
		}
		e := t.indexNear(off+1, q)
		if e < 0 {
			return t.eof()
		}
		a.value = [2]int{off + 1, e}
		v := t.buf[t.pos+off+1 : t.pos+e]
		lt, amp := false, false
		if len(v) <= 16 { // the usual short value ("A2", "s"): one pass, not three
			for _, c := range v {
				lt = lt || c == '<'
				amp = amp || c == '&' || c == '\r'
			}
		} else {
			lt = bytes.IndexByte(v, '<') >= 0
			amp = bytes.IndexByte(v, '&') >= 0 || bytes.IndexByte(v, '\r') >= 0
		}
		if lt {
			return t.syntax(off, "unescaped < inside quoted string")
		}
		if err := t.check(v, off+1); err != nil {
			return err
		}
		a.amp = amp
		t.attrs = append(t.attrs, a)
		off = e + 1
	}
	t.kind = tokStart
	t.name = local(t.buf[t.pos+1 : t.pos+nameEnd])
	if self {
		t.pendName = append(t.pendName[:0], t.name...)
		t.selfEnd = true
	}
	// The offsets stay valid until the next token: pos moves, the bytes
	// stay where they are.
	t.tagPos = t.pos
	t.pos += off
	return nil
}

// attrName is the local name of attribute i of the current start tag.
func (t *tokenizer) attrName(i int) []byte {
	a := t.attrs[i]
	return local(t.buf[t.tagPos+a.name[0] : t.tagPos+a.name[1]])
}

// attrValue is the value of attribute i, decoded; valid until the next
// token or the next decoded value.
func (t *tokenizer) attrValue(i int) ([]byte, error) {
	a := t.attrs[i]
	v := t.buf[t.tagPos+a.value[0] : t.tagPos+a.value[1]]
	if !a.amp {
		return v, nil
	}
	out, err := unescape(t.scratch[:0], v)
	if err != nil {
		return nil, t.syntax(0, "%v", err)
	}
	t.scratch = out
	return out, nil
}

// attrString is attribute i's value as a string.
func (t *tokenizer) attrString(i int) (string, error) {
	v, err := t.attrValue(i)
	return string(v), err
}

// attrStrings returns the values of the named attributes of the element,
// in the order named ("" for one it does not have). It is for the few
// elements of the package parts (a sheet, a relationship, a number
// format), not for cells.
func (t *tokenizer) attrStrings(names ...string) ([]string, error) {
	vals := make([]string, len(names))
	for i := range t.attrs {
		n := t.attrName(i)
		for k, name := range names {
			if string(n) == name {
				v, err := t.attrString(i)
				if err != nil {
					return nil, err
				}
				vals[k] = v
				break
			}
		}
	}
	return vals, nil
}

// decode checks a text and decodes its entities and line ends.
func (t *tokenizer) decode(raw []byte, off int) ([]byte, error) {
	if err := t.check(raw, off); err != nil {
		return nil, err
	}
	if bytes.IndexByte(raw, '&') < 0 && bytes.IndexByte(raw, '\r') < 0 {
		return raw, nil
	}
	out, err := unescape(t.scratch[:0], raw)
	if err != nil {
		return nil, t.syntax(off, "%v", err)
	}
	t.scratch = out
	return out, nil
}

// check reports a byte outside the XML character range or invalid UTF-8.
func (t *tokenizer) check(b []byte, off int) error {
	high := byte(0)
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return t.syntax(off, "illegal character code U+%04X", c)
		}
		high |= c
	}
	if high >= 0x80 && !utf8.Valid(b) {
		return t.syntax(off, "invalid UTF-8")
	}
	return nil
}

// unescape appends b to dst with its entities decoded and its line ends
// normalised to \n.
func unescape(dst, b []byte) ([]byte, error) {
	for len(b) > 0 {
		i := bytes.IndexAny(b, "&\r")
		if i < 0 {
			return append(dst, b...), nil
		}
		dst = append(dst, b[:i]...)
		if b[i] == '\r' {
			dst = append(dst, '\n')
			b = b[i+1:]
			if len(b) > 0 && b[0] == '\n' {
				b = b[1:]
			}
			continue
		}
		b = b[i+1:]
		semi := bytes.IndexByte(b, ';')
		if semi < 1 || semi > 12 {
			return nil, fmt.Errorf("invalid character entity &%s", firstN(b, 8))
		}
		ent := b[:semi]
		b = b[semi+1:]
		switch string(ent) {
		case "amp":
			dst = append(dst, '&')
		case "lt":
			dst = append(dst, '<')
		case "gt":
			dst = append(dst, '>')
		case "apos":
			dst = append(dst, '\'')
		case "quot":
			dst = append(dst, '"')
		default:
			if ent[0] != '#' || len(ent) < 2 {
				return nil, fmt.Errorf("invalid character entity &%s;", ent)
			}
			var n uint64
			var err error
			if ent[1] == 'x' {
				n, err = strconv.ParseUint(string(ent[2:]), 16, 32)
			} else {
				n, err = strconv.ParseUint(string(ent[1:]), 10, 32)
			}
			r := rune(n)
			if err != nil || !inCharRange(r) {
				return nil, fmt.Errorf("invalid character entity &%s;", ent)
			}
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst, nil
}

func firstN(b []byte, n int) []byte { return b[:min(n, len(b))] }

func inCharRange(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// crlf normalises line ends to \n in place.
func crlf(b []byte) []byte {
	w := 0
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == '\r' {
			c = '\n'
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
		}
		b[w] = c
		w++
	}
	return b[:w]
}

// validName reports whether b can be an XML name: not empty, not starting
// with a digit, '-' or '.', and without markup characters.
func validName(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	if c := b[0]; c >= '0' && c <= '9' || c == '-' || c == '.' {
		return false
	}
	for _, c := range b {
		switch c {
		case '<', '>', '"', '\'', '=', '&', '/', '!', '?', ' ', '\t', '\n', '\r':
			return false
		}
	}
	return true
}

// local drops a name's prefix as encoding/xml does: a name with one
// colon between two non-empty parts has a prefix; any other is all local.
func local(b []byte) []byte {
	i := bytes.IndexByte(b, ':')
	if i < 1 || i == len(b)-1 || bytes.IndexByte(b[i+1:], ':') >= 0 {
		return b
	}
	return b[i+1:]
}
