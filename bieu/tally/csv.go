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

	"github.com/baocaodinhky/vpcp/internal/strictjson"
)

// ReadCSV reads a case list exported as CSV (encoding/csv: quoted fields,
// a UTF-8 byte-order mark dropped; the separator — comma, semicolon or tab
// — told from the first line). Line ends may be LF, CRLF or a lone CR (old
// Excel for Mac): a CR not followed by LF reads as LF, also inside a quoted
// field, so a quoted line break is "\n" whichever way it was saved (as
// encoding/csv already makes of a quoted CRLF). The header is found and
// matched as ReadRows says; each row below it is a record or a *RowError
// with its line number, counted the same whatever the line ends (the N-th
// line of the file is line N). Memory is one row: the file is streamed. A file that is not
// UTF-8, a broken quote or a row beyond the bounds stops the reader with a
// *ReadError (ErrCorrupt, ErrOverLimit).
func ReadCSV(r io.Reader, opts ReadOptions) iter.Seq2[Record, error] {
	return ReadRows(csvRows(r, opts), opts)
}

var errRowTooLong = errors.New("row too long")

func csvRows(r io.Reader, opts ReadOptions) iter.Seq2[Row, error] {
	return func(yield func(Row, error) bool) {
		if err := opts.defaults(); err != nil {
			yield(Row{}, err)
			return
		}
		br := bufio.NewReaderSize(r, 64<<10)
		if b, _ := br.Peek(3); bytes.Equal(b, []byte("\xEF\xBB\xBF")) {
			_, _ = br.Discard(3)
		}
		head, _ := br.Peek(4096)
		sep := sniffSeparator(head)
		sc := newCSVScanner(bufio.NewReaderSize(&loneCRReader{br: br}, 64<<10), byte(sep), opts.MaxRowBytes+64<<10)
		cells := make([]Cell, 0, 32)
		for {
			rec, line, err := sc.next()
			if err == io.EOF {
				return
			}
			if err != nil {
				if errors.Is(err, errRowTooLong) {
					yield(Row{}, &ReadError{Source: opts.Source, Row: line, Err: ErrOverLimit, Detail: fmt.Sprintf("a row longer than MaxRowBytes %d", opts.MaxRowBytes)})
				} else {
					yield(Row{}, &ReadError{Source: opts.Source, Row: line, Err: err})
				}
				return
			}
			if len(rec) > opts.MaxCols {
				yield(Row{}, &ReadError{Source: opts.Source, Row: line, Err: ErrOverLimit, Detail: fmt.Sprintf("%d columns, more than MaxCols %d", len(rec), opts.MaxCols)})
				return
			}
			if sc.bad {
				yield(Row{}, &ReadError{Source: opts.Source, Row: line, Err: ErrCorrupt, Detail: "the text is not UTF-8 (save the file as CSV UTF-8)"})
				return
			}
			size := 0
			cells = cells[:0]
			for _, f := range rec {
				size += len(f)
				cells = append(cells, Cell{Text: f})
			}
			if size > opts.MaxRowBytes {
				yield(Row{}, &ReadError{Source: opts.Source, Row: line, Err: ErrOverLimit, Detail: fmt.Sprintf("a row of %d bytes, more than MaxRowBytes %d", size, opts.MaxRowBytes)})
				return
			}
			if !yield(Row{Num: line, Cells: cells}, nil) {
				return
			}
		}
	}
}

// loneCRReader turns each CR that is not followed by LF into LF, byte for
// byte, so that encoding/csv (which knows LF and CRLF only) reads a CR-only
// file line by line. It streams: a CR at the end of a read is decided by
// peeking the next byte, so a CR/LF pair split across two reads stays
// CRLF. It does not know quotes: a lone CR in a quoted field becomes LF
// too (ReadCSV documents this).
type loneCRReader struct {
	br *bufio.Reader
}

func (l *loneCRReader) Read(p []byte) (int, error) {
	n, err := l.br.Read(p)
	b := p[:n]
	for i := bytes.IndexByte(b, '\r'); i >= 0; {
		switch {
		case i+1 < len(b):
			if b[i+1] != '\n' {
				b[i] = '\n'
			}
		default: // the last byte read: look at the next one
			if next, _ := l.br.Peek(1); len(next) == 0 || next[0] != '\n' {
				b[i] = '\n'
			}
		}
		j := bytes.IndexByte(b[i+1:], '\r')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return n, err
}

// sniffSeparator picks the separator of the first line: the most frequent
// of comma, semicolon and tab outside quotes. The first line ends at the
// first LF or CR.
func sniffSeparator(head []byte) rune {
	if i := bytes.IndexAny(head, "\r\n"); i >= 0 {
		head = head[:i]
	}
	var n [3]int
	quoted := false
	for _, c := range head {
		switch c {
		case '"':
			quoted = !quoted
		case ',':
			if !quoted {
				n[0]++
			}
		case ';':
			if !quoted {
				n[1]++
			}
		case '\t':
			if !quoted {
				n[2]++
			}
		}
	}
	switch {
	case n[1] > n[0] && n[1] >= n[2]:
		return ';'
	case n[2] > n[0] && n[2] > n[1]:
		return '\t'
	}
	return ','
}

// ReadJSONL reads a case list as JSON Lines: one JSON object per line,
// its keys matched as a header's labels are ("Mã hồ sơ", "code",
// "ngay_tiep_nhan" is not known: map it with ReadOptions.Columns), its
// values text or numbers; a key "pauses" may hold [{"from": …, "to": …}].
// A line that is not a JSON object stops the reader (ErrCorrupt); a line
// whose values cannot be read is a *RowError; blank lines are skipped.
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
			if _, err := strictjson.Check(b); err != nil {
				yield(Record{}, &ReadError{Source: opts.Source, Row: line, Err: ErrCorrupt, Detail: "not strict JSON: " + err.Error()})
				return
			}
			var obj map[string]json.RawMessage
			if err := json.Unmarshal(b, &obj); err != nil {
				yield(Record{}, &ReadError{Source: opts.Source, Row: line, Err: ErrCorrupt, Detail: "not a JSON object: " + err.Error()})
				return
			}
			if len(obj) > opts.MaxCols {
				yield(Record{}, &ReadError{Source: opts.Source, Row: line, Err: ErrOverLimit, Detail: fmt.Sprintf("%d keys, more than MaxCols %d", len(obj), opts.MaxCols)})
				return
			}
			rec, rerr := jsonRecord(obj, cols, line, &opts)
			if rerr != nil {
				if !yield(Record{}, rerr) {
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

// jsonRecord reads one object through the same layout as a table row: keys
// in sorted order are the header, values the cells.
func jsonRecord(obj map[string]json.RawMessage, cols map[string]Column, line int, o *ReadOptions) (Record, error) {
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
		if c == ColNone || lay.idx[c] >= 0 {
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
		lay.idx[c], lay.names[c] = len(cells), k
		cells = append(cells, Cell{Text: text})
	}
	rec, rerr := lay.record(Row{Num: line, Cells: cells}, o)
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
