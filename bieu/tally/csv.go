package tally

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"iter"
)

// ReadCSV reads a case list exported as CSV (encoding/csv: quoted fields,
// a UTF-8 byte-order mark dropped; the separator — comma, semicolon or tab
// — told from the first line). Line ends may be LF, CRLF or a lone CR (old
// Excel for Mac): a CR not followed by LF reads as LF, also inside a quoted
// field, so a quoted line break is "\n" whichever way it was saved (as
// encoding/csv already makes of a quoted CRLF). The header is found and
// matched as ReadRows says; each row below it is a record or a *RowError
// with its line number, counted the same whatever the line ends (the N-th
// line of the file is line N). Memory is one row: the file is streamed. A
// file that is not UTF-8, a row beyond the bounds or a broken quote stops
// the reader with a *ReadError (ErrCorrupt, ErrOverLimit). A quote is
// broken when, inside a quoted field, it is neither doubled nor followed by
// the separator or the line end, or when a quoted field is still open at
// the end of the file: the field would run on to the next quote and
// swallow the rows between ("Chứng thực"x or an unclosed "Chứng thực).
// A quote inside a field that does not start with one (Chứng "thực") is
// kept as it is, and a quoted field may hold line breaks.
func ReadCSV(r io.Reader, opts ReadOptions) iter.Seq2[Record, error] {
	return readRows(csvRows(r, opts), opts, true)
}

// errNotUTF8 is the error of a row of CSV that is not UTF-8.
func errNotUTF8(o *ReadOptions, line int) error {
	return &ReadError{Source: o.Source, Row: line, Err: ErrCorrupt, Detail: "the text is not UTF-8 (save the file as CSV UTF-8)"}
}

var errRowTooLong = errors.New("row too long")

// strayQuote is the error of a record of CSV, from line start to line end,
// whose quotes do not pair (csvScanner.stray: the first stray quote on
// line at; open: a quoted field open at the end of the file).
func strayQuote(o *ReadOptions, start, at, end int, open bool) error {
	d := fmt.Sprintf("a quote on line %d is neither doubled (\"\") nor followed by the separator or the line end", at)
	if open && at == end {
		d = "a quoted field is still open at the end of the file"
	}
	if end > start {
		d += fmt.Sprintf(", so lines %d–%d would read as one row", start, end)
	}
	return &ReadError{Source: o.Source, Row: start, Err: ErrCorrupt, Detail: d + " (close the quote, double a quote inside the field or remove it)"}
}

func csvRows(r io.Reader, opts ReadOptions) iter.Seq2[Row, error] {
	return func(yield func(Row, error) bool) {
		if err := opts.defaults(); err != nil {
			yield(Row{}, err)
			return
		}
		// br holds the head of the file (Peek) and otherwise is passed
		// through: the scanner's buffer asks for more than br's 4 KiB at
		// a time, so bufio reads into it directly, one copy of the file
		// fewer than with a 64 KiB br (BenchmarkReadCSV/100k/reader
		// 64.6 → 64.4 ms/op, 3 paired rounds).
		br := bufio.NewReaderSize(r, 4096)
		if b, _ := br.Peek(3); bytes.Equal(b, []byte("\xEF\xBB\xBF")) {
			_, _ = br.Discard(3)
		}
		head, _ := br.Peek(4096)
		sep := sniffSeparator(head)
		sc := newCSVScanner(bufio.NewReaderSize(&loneCRReader{br: br}, 64<<10), byte(sep), opts.MaxRowBytes+64<<10)
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
			if sc.stray > 0 {
				yield(Row{}, strayQuote(&opts, line, sc.stray, sc.line, sc.open))
				return
			}
			if len(rec) > opts.MaxCols {
				yield(Row{}, &ReadError{Source: opts.Source, Row: line, Err: ErrOverLimit, Detail: fmt.Sprintf("%d columns, more than MaxCols %d", len(rec), opts.MaxCols)})
				return
			}
			size := 0
			if sc.size > opts.MaxRowBytes { // the fields' texts are at most the record's input bytes
				for _, c := range rec {
					size += len(c.Text)
				}
			}
			cells := rec
			if size > opts.MaxRowBytes {
				if !validCells(cells, 0) { // the UTF-8 of a row is checked first (readRows)
					yield(Row{}, errNotUTF8(&opts, line))
					return
				}
				yield(Row{}, &ReadError{Source: opts.Source, Row: line, Err: ErrOverLimit, Detail: fmt.Sprintf("a row of %d bytes, more than MaxRowBytes %d", size, opts.MaxRowBytes)})
				return
			}
			if !yield(Row{Num: line, Cells: cells}, nil) { // cells valid until the next row (csvScanner)
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
