package tally

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"sort"
	"strings"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/baocaodinhky/vpcp/internal/strictjson"
)

// ReadJSONL reads a case list as JSON Lines: one JSON object per line,
// its keys matched as a header's labels are ("Mã hồ sơ", "code",
// "ngay_tiep_nhan" is not known: map it with ReadOptions.Columns), its
// values text or numbers; a key "pauses" may hold [{"from": …, "to": …}].
// A line that is not a JSON object stops the reader (ErrCorrupt); a line
// whose values cannot be read is a *RowError, and so is a line with two
// keys of one column holding different values ({"Mã hồ sơ": "H01",
// "code": "H02"}; an empty or null one gives way); blank lines are
// skipped.
// Each line must be strict JSON (internal/strictjson: no member name twice,
// also through escapes or in another case, and valid UTF-8), else the
// reader stops (ErrCorrupt) naming the JSON pointer at fault.
//
// A line is read in one pass of a jsontext decoder that checks it as it
// decodes it (jsonlLine); a line that pass does not take as it stands —
// an error, a value that is not text, a number or null, a key read two
// ways — is read again the way the reader always read it (jsonlSlow:
// strictjson.Check, then encoding/json), so that what is reported is the
// same.
func ReadJSONL(r io.Reader, opts ReadOptions) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		if err := opts.defaults(); err != nil {
			yield(Record{}, err)
			return
		}
		br := bufio.NewReaderSize(r, 64<<10)
		if head, _ := br.Peek(4096); IsPortal(head) { // the portal's sync records (portal.go)
			for rec, err := range ReadPortal(br, opts) {
				if !yield(rec, err) {
					return
				}
			}
			return
		}
		sc := bufio.NewScanner(br)
		sc.Buffer(make([]byte, 0, 64<<10), opts.MaxRowBytes+1)
		cols := map[string]Column{}
		jl := newJSONLLine()
		cache := newReadCache()
		line, data := 0, 0
		for sc.Scan() {
			line++
			b := bytes.TrimSpace(sc.Bytes())
			if line == 1 {
				b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
			}
			if len(b) == 0 {
				continue
			}
			data++
			if data > opts.MaxRows {
				yield(Record{}, &ReadError{Source: opts.Source, Row: line, Err: ErrOverLimit, Detail: fmt.Sprintf("more than MaxRows %d rows", opts.MaxRows)})
				return
			}
			rec, err, ok := jl.read(b, line, &opts, cache)
			if !ok {
				rec, err = jsonlSlow(b, line, cols, &opts, cache)
			}
			if err != nil {
				var re *ReadError
				if errors.As(err, &re) {
					yield(Record{}, err)
					return
				}
				if !yield(Record{}, err) {
					return
				}
				continue
			}
			if !yield(rec, nil) {
				return
			}
		}
		if err := sc.Err(); err != nil {
			e := &ReadError{Source: opts.Source, Row: line + 1, Err: err}
			if errors.Is(err, bufio.ErrTooLong) {
				e.Err, e.Detail = ErrOverLimit, fmt.Sprintf("a line longer than MaxRowBytes %d", opts.MaxRowBytes)
			}
			yield(Record{}, e)
		}
	}
}

// jsonlSlow reads one line as ReadJSONL always did: strictjson.Check,
// encoding/json into a map, the keys in sorted order (jsonRecord). A
// *ReadError stops the reader; a *RowError is the line's.
func jsonlSlow(b []byte, line int, cols map[string]Column, o *ReadOptions, c *readCache) (Record, error) {
	if _, err := strictjson.Check(b); err != nil {
		return Record{}, &ReadError{Source: o.Source, Row: line, Err: ErrCorrupt, Detail: "not strict JSON: " + err.Error()}
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(b, &obj); err != nil {
		return Record{}, &ReadError{Source: o.Source, Row: line, Err: ErrCorrupt, Detail: "not a JSON object: " + err.Error()}
	}
	if len(obj) > o.MaxCols {
		return Record{}, &ReadError{Source: o.Source, Row: line, Err: ErrOverLimit, Detail: fmt.Sprintf("%d keys, more than MaxCols %d", len(obj), o.MaxCols)}
	}
	return jsonRecord(obj, cols, line, o, c)
}

// jsonRecord reads one object through the same layout as a table row: keys
// in sorted order are the header, values the cells.
func jsonRecord(obj map[string]json.RawMessage, cols map[string]Column, line int, o *ReadOptions, cache *readCache) (Record, error) {
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var lay layout
	for i := range lay.idx {
		lay.idx[i] = -1
	}
	cells := make([]Cell, 0, len(keys))
	var pauses json.RawMessage
	for _, k := range keys {
		if strings.EqualFold(k, "pauses") {
			pauses = obj[k]
			continue
		}
		c, ok := cols[k]
		if !ok {
			c = MatchHeader(k, o.Columns)
			if len(cols) < maxCache {
				cols[k] = c
			}
		}
		if c == ColNone {
			continue
		}
		v := obj[k]
		var text string
		switch {
		case len(v) > 0 && v[0] == '"':
			if err := json.Unmarshal(v, &text); err != nil {
				return Record{}, &RowError{Source: o.Source, Row: line, Column: k, Detail: err.Error(), Err: ErrBadRow}
			}
		case string(v) == "null":
		case len(v) > 0 && (v[0] == '-' || v[0] >= '0' && v[0] <= '9'):
			text = string(v)
		default:
			return Record{}, &RowError{Source: o.Source, Row: line, Column: k, Value: string(v), Detail: "not a text or a number", Err: ErrBadRow}
		}
		if i := lay.idx[c]; i >= 0 {
			switch {
			case text == "" || text == cells[i].Text:
			case cells[i].Text == "":
				cells[i], lay.names[c] = Cell{Text: text}, k
			default:
				return Record{}, twoKeys(o, line, lay.names[c], k, c, cells[i].Text, text)
			}
			continue
		}
		lay.idx[c], lay.names[c] = len(cells), k
		cells = append(cells, Cell{Text: text})
	}
	return jsonFinish(&lay, cells, pauses, line, o, cache)
}

// twoKeys is the error of a line whose two keys, read as one column, hold
// different values ({"Mã hồ sơ": "H01", "code": "H02"}): which one the
// one-stop system meant cannot be told, so the line is rejected rather than
// read by one of them. Two keys with the same value are read as one, and
// a key that is empty or null gives way to the other.
func twoKeys(o *ReadOptions, line int, a, b string, c Column, va, vb string) error {
	if a > b {
		a, b, va, vb = b, a, vb, va
	}
	return &RowError{Source: o.Source, Row: line, Column: a, Value: va, Err: ErrBadRow,
		Detail: fmt.Sprintf("keys %q (%q) and %q (%q) both name the column %s", a, va, b, vb, c)}
}

// jsonFinish makes the record of a line's cells, with its pauses.
func jsonFinish(lay *layout, cells []Cell, pauses []byte, line int, o *ReadOptions, cache *readCache) (Record, error) {
	rec, rerr := lay.recordWith(Row{Num: line, Cells: cells}, o, cache)
	if rerr != nil {
		return rec, rerr
	}
	if len(pauses) > 0 && string(pauses) != "null" {
		var ps []struct {
			From string `json:"from"`
			To   string `json:"to"`
		}
		if err := json.Unmarshal(pauses, &ps); err != nil {
			return Record{}, &RowError{Source: o.Source, Row: line, Column: "pauses", Code: rec.Code, Detail: "want [{\"from\": …, \"to\": …}]", Err: ErrBadRow}
		}
		rec.Pauses = rec.Pauses[:0]
		for _, p := range ps {
			var q Pause
			var ok bool
			if q.From, _, ok = parseDate(p.From, o.Location); !ok {
				return Record{}, &RowError{Source: o.Source, Row: line, Column: "pauses", Value: p.From, Code: rec.Code, Detail: "not a date", Err: ErrBadDate}
			}
			if p.To != "" {
				if q.To, _, ok = parseDate(p.To, o.Location); !ok {
					return Record{}, &RowError{Source: o.Source, Row: line, Column: "pauses", Value: p.To, Code: rec.Code, Detail: "not a date", Err: ErrBadDate}
				}
			}
			rec.Pauses = append(rec.Pauses, q)
		}
	}
	return rec, nil
}

// jsonlLine reads a line of JSON Lines in one pass of a jsontext decoder,
// which refuses duplicate names (also through escapes) and invalid UTF-8
// as it reads; a name whose lower case another name of the object shares
// (strictjson's case twins) is told by the class of its lower case, kept
// per distinct name. Values are text, numbers or null; the texts of the
// columns that repeat (procedure, lĩnh vực, unit, channel, kind of
// service, status, level) are interned.
type jsonlLine struct {
	dec     *jsontext.Decoder
	buf     bytes.Buffer
	keys    map[string]jsonKey // by the name as written, quotes included
	classes map[string]int32   // by strings.ToLower of the name
	seen    []int32
	cells   []Cell
	pauses  []byte
	unq     []byte
	texts   memo[string] // by the value as written, quotes included
}

// jsonKey is what a name of an object is to the reader.
type jsonKey struct {
	name   string // unescaped
	col    Column
	class  int32
	pauses bool
}

func newJSONLLine() *jsonlLine {
	return &jsonlLine{dec: jsontext.NewDecoder(bytes.NewReader(nil)), keys: map[string]jsonKey{}, classes: map[string]int32{}}
}

// key returns what the raw name is; false when it is not kept (the
// bound maxCache reached): the line is then read by jsonlSlow.
func (j *jsonlLine) key(raw []byte, o *ReadOptions) (jsonKey, bool) {
	if k, ok := j.keys[string(raw)]; ok {
		return k, true
	}
	if len(j.keys) >= maxCache || len(j.classes) >= maxCache {
		return jsonKey{}, false
	}
	u, err := jsontext.AppendUnquote(j.unq[:0], raw)
	if err != nil {
		return jsonKey{}, false
	}
	j.unq = u
	k := jsonKey{name: string(u)}
	if strings.EqualFold(k.name, "pauses") {
		k.pauses = true
	} else {
		k.col = MatchHeader(k.name, o.Columns)
	}
	folded := strings.ToLower(k.name)
	cl, ok := j.classes[folded]
	if !ok {
		cl = int32(len(j.classes))
		j.classes[folded] = cl
	}
	k.class = cl
	j.keys[string(raw)] = k
	return k, true
}

// text is the text of a raw string value; interned for the columns whose
// values repeat.
func (j *jsonlLine) text(raw []byte, col Column) (string, bool) {
	repeats := col != ColCode && col != ColReceived && col != ColDue && col != ColFinished && col != ColPauseFrom && col != ColPauseTo
	var slot uint
	if repeats {
		if s, i, ok := j.texts.get(string(raw)); ok {
			return s, true
		} else {
			slot = i
		}
	}
	var text string
	if inner := raw[1 : len(raw)-1]; bytes.IndexByte(inner, '\\') < 0 {
		text = string(inner)
	} else {
		u, err := jsontext.AppendUnquote(j.unq[:0], raw)
		if err != nil {
			return "", false
		}
		j.unq = u
		text = string(u)
	}
	if repeats {
		j.texts.put(slot, string(raw), text)
	}
	return text, true
}

// read reads one line; ok is false when the line is to be read by
// jsonlSlow instead (see ReadJSONL), and then nothing else it returns
// counts.
func (j *jsonlLine) read(b []byte, line int, o *ReadOptions, cache *readCache) (rec Record, err error, ok bool) {
	j.buf.Reset()
	j.buf.Write(b)
	j.dec.Reset(&j.buf)
	if tok, err := j.dec.ReadToken(); err != nil || tok.Kind() != '{' {
		return Record{}, nil, false
	}
	var lay layout
	for i := range lay.idx {
		lay.idx[i] = -1
	}
	j.cells, j.seen, j.pauses = j.cells[:0], j.seen[:0], j.pauses[:0]
	havePauses := false
	n := 0
	for j.dec.PeekKind() != '}' {
		name, err := j.dec.ReadValue()
		if err != nil {
			return Record{}, nil, false
		}
		k, ok := j.key(name, o)
		if !ok {
			return Record{}, nil, false
		}
		for _, cl := range j.seen {
			if cl == k.class { // strictjson's case twin
				return Record{}, nil, false
			}
		}
		j.seen = append(j.seen, k.class)
		n++
		v, err := j.dec.ReadValue()
		if err != nil {
			return Record{}, nil, false
		}
		kind := v.Kind()
		if kind == '{' || kind == '[' {
			// Nested: strict as a whole (the decoder checked all but case
			// twins); only pauses may hold one.
			if !k.pauses || havePauses {
				return Record{}, nil, false
			}
			if _, err := strictjson.Check(v); err != nil {
				return Record{}, nil, false
			}
		}
		if k.pauses {
			if havePauses {
				return Record{}, nil, false
			}
			havePauses = true
			j.pauses = append(j.pauses, v...)
			continue
		}
		if k.col == ColNone {
			continue
		}
		var text string
		switch kind {
		case '"':
			if text, ok = j.text(v, k.col); !ok {
				return Record{}, nil, false
			}
		case '0':
			text = string(v)
		case 'n':
		default:
			return Record{}, nil, false
		}
		// As jsonRecord: two names of one column must agree, or one be
		// empty; when they do not, the slow path reports them.
		if i := lay.idx[k.col]; i >= 0 {
			switch {
			case text == "" || text == j.cells[i].Text:
			case j.cells[i].Text == "":
				j.cells[i], lay.names[k.col] = Cell{Text: text}, k.name
			default:
				return Record{}, nil, false
			}
			continue
		}
		lay.idx[k.col], lay.names[k.col] = len(j.cells), k.name
		j.cells = append(j.cells, Cell{Text: text})
	}
	if _, err := j.dec.ReadToken(); err != nil { // the closing brace
		return Record{}, nil, false
	}
	if _, err := j.dec.ReadToken(); err != io.EOF { // nothing after it
		return Record{}, nil, false
	}
	if n > o.MaxCols {
		return Record{}, &ReadError{Source: o.Source, Row: line, Err: ErrOverLimit, Detail: fmt.Sprintf("%d keys, more than MaxCols %d", n, o.MaxCols)}, true
	}
	var pauses []byte
	if havePauses {
		pauses = j.pauses
	}
	rec, err = jsonFinish(&lay, j.cells, pauses, line, o, cache)
	return rec, err, true
}
