package text

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/baocaodinhky/vpcp/internal/vntext"
	"github.com/baocaodinhky/vpcp/kstt/grid"
)

// Default bounds of ReadPasted. A report with its forms is a few hundred
// lines of a few hundred bytes.
const (
	DefaultPasteMaxBytes     = 50 << 20 // 50 MiB of input
	DefaultPasteMaxLineBytes = 1 << 20  // 1 MiB in one line
	DefaultPasteMaxLines     = 250_000  // as many as render/xlsx reads rows of a worksheet
	DefaultPasteMaxFields    = 1024     // tab-separated fields in one line
	// DefaultPasteMaxMemory is the fixed cap of the grid's memory budget;
	// see PasteOptions.
	DefaultPasteMaxMemory = 160 << 20
	// PasteMemoryPerByte is the budget's share per byte of input.
	PasteMemoryPerByte = 40
	// PasteMinMemory is the budget of a short text whatever its size.
	PasteMinMemory = 16 << 20
)

// PasteOptions bound what ReadPastedOptions accepts. A zero field takes its
// default (DefaultPaste…); a negative one is an error.
type PasteOptions struct {
	MaxBytes     int64 // input bytes, after decoding UTF-16 if the text came with a UTF-16 byte order mark
	MaxLineBytes int   // bytes in one line
	MaxLines     int   // lines in the document
	MaxFields    int   // fields (cells) in one line
	// MaxMemory bounds the memory of reading as counted while the grid is
	// built: the input (its lines are held meanwhile), plus
	// grid.CellSize bytes per cell up to a line's last non-empty
	// field, plus the bytes of the cells' text. The default is
	// min(DefaultPasteMaxMemory, max(PasteMinMemory, PasteMemoryPerByte ×
	// the input's size)); beyond it the reader stops with
	// ErrPasteTooLarge, saying what it counted. The peak heap stays within
	// about twice the budget.
	MaxMemory int64
}

// Sentinel errors of the pasted-text reader; the errors it returns are
// *PasteError values wrapping one of them (or an I/O error of the reader
// it was given). Match them with errors.Is.
var (
	// ErrPasteTooLarge: the input is longer than PasteOptions.MaxBytes,
	// has more lines than MaxLines or a line with more fields than
	// MaxFields.
	ErrPasteTooLarge = errors.New("pasted text too large")
	// ErrLineTooLong: one line is longer than PasteOptions.MaxLineBytes.
	ErrLineTooLong = errors.New("line too long")
	// ErrNotText: the input is not UTF-8 text (a NUL byte, invalid UTF-8
	// — e.g. a legacy TCVN3 or VNI document, or a binary file such as an
	// XLSX).
	ErrNotText = errors.New("not UTF-8 text")
)

// PasteError is the error ReadPasted returns: the document, the line (1-based,
// 0 when the error is not about one line) and the cause.
type PasteError struct {
	Name string
	Line int
	Err  error
}

// Error returns e.g. "text: bao-cao.txt:12: line too long (more than 1048576 bytes)".
func (e *PasteError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("text: %s:%d: %v", e.Name, e.Line, e.Err)
	}
	return fmt.Sprintf("text: %s: %v", e.Name, e.Err)
}

// Unwrap returns the cause.
func (e *PasteError) Unwrap() error { return e.Err }

// ReadPasted reads a document as it comes out of Word or a PDF copy — the
// report with its forms, tables as tab-separated lines — into one grid,
// with the default bounds. See ReadPastedOptions.
func ReadPasted(r io.Reader, name string) ([]*grid.Grid, error) {
	return ReadPastedOptions(r, name, PasteOptions{})
}

// ReadPastedOptions reads pasted text into one grid.Grid (returned in a
// slice, like render/xlsx.ReadWorkbook, so package bieu reads both the same
// way). Row r of the grid is line r+1 of the text: a table line becomes a
// row of cells split at tabs, and every other line a row of one cell, so
// the lines around the tables ("Biểu số II.06a/VPCP/KSTT", "Kỳ báo cáo: Quý
// II năm 2024", "(Từ ngày … đến ngày …)", "Đơn vị báo cáo: …") stay
// where a form reader looks for them; blank lines are empty rows. Cell
// addresses read "name:L12:C3".
//
// It accepts LF, CRLF and CR line ends, a UTF-8 byte order mark, UTF-16
// text with its byte order mark (Word's "Unicode text"), text in NFD (made
// NFC), non-breaking and repeated spaces (folded), Markdown emphasis
// around a cell ("**BÁO CÁO**"), Markdown pipe tables ("| a | b |", the
// |---| line read as an empty row) and cells quoted as a spreadsheet's
// clipboard quotes them ("Trực tiếp,<line break>dịch vụ bưu chính", the
// record's further lines left as empty rows so that row r stays line r+1). Cells are text: numbers are read by
// the form reader, which knows the columns. Trailing empty cells are
// dropped.
//
// It fails fast, with a *PasteError, on input beyond the bounds of opts
// (ErrPasteTooLarge, ErrLineTooLong) and on input that is not UTF-8 text
// (ErrNotText).
func ReadPastedOptions(r io.Reader, name string, opts PasteOptions) ([]*grid.Grid, error) {
	fail := func(line int, err error) ([]*grid.Grid, error) {
		return nil, &PasteError{Name: name, Line: line, Err: err}
	}
	if opts.MaxBytes < 0 || opts.MaxLineBytes < 0 || opts.MaxLines < 0 || opts.MaxFields < 0 || opts.MaxMemory < 0 {
		return fail(0, errors.New("negative bound in PasteOptions"))
	}
	maxBytes := cmp.Or(opts.MaxBytes, DefaultPasteMaxBytes)
	maxLine := cmp.Or(opts.MaxLineBytes, DefaultPasteMaxLineBytes)
	maxLines := cmp.Or(opts.MaxLines, DefaultPasteMaxLines)
	maxFields := cmp.Or(opts.MaxFields, DefaultPasteMaxFields)

	br := bufio.NewReaderSize(r, 4096)
	head, _ := br.Peek(2)
	var src io.Reader = br
	if len(head) == 2 && (head[0] == 0xFF && head[1] == 0xFE || head[0] == 0xFE && head[1] == 0xFF) {
		// UTF-16 with a byte order mark: decode to UTF-8.
		src = transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder())
	}
	lim := &limitReader{r: src, n: maxBytes}
	sc := bufio.NewScanner(lim)
	sc.Buffer(make([]byte, 0, min(64<<10, maxLine)), maxLine)
	sc.Split(scanLines)

	g := &grid.Grid{Name: name, Source: name, Text: true}
	var lines []string
	for sc.Scan() {
		n := len(lines) + 1
		if n > maxLines {
			return fail(n, fmt.Errorf("%w: more than %d lines", ErrPasteTooLarge, maxLines))
		}
		b := sc.Bytes()
		if n == 1 {
			b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
		}
		if bytes.IndexByte(b, 0) >= 0 || !utf8.Valid(b) {
			if lim.n < 0 {
				// The input went past MaxBytes: the line may have been cut
				// inside a character. Too large is what to say.
				return fail(0, fmt.Errorf("%w: more than %d bytes", ErrPasteTooLarge, maxBytes))
			}
			return fail(n, fmt.Errorf("%w: a NUL byte or invalid UTF-8 (a legacy TCVN3/VNI document or a binary file?)", ErrNotText))
		}
		lines = append(lines, string(b))
	}
	if err := sc.Err(); err != nil {
		switch {
		case errors.Is(err, bufio.ErrTooLong):
			return fail(len(lines)+1, fmt.Errorf("%w (more than %d bytes)", ErrLineTooLong, maxLine))
		case errors.Is(err, errLimit):
			return fail(0, fmt.Errorf("%w: more than %d bytes", ErrPasteTooLarge, maxBytes))
		default:
			return fail(len(lines)+1, err)
		}
	}
	budget := cmp.Or(opts.MaxMemory,
		min(DefaultPasteMaxMemory, max(PasteMinMemory, PasteMemoryPerByte*(maxBytes-lim.n))))
	// The input's lines are held while the grid is built: they count too.
	cells, text := int64(0), maxBytes-lim.n
	charge := func(line int, row []grid.Cell) error {
		cells += int64(len(row)) + 1 // the row's slice header counts as a cell
		for _, c := range row {
			text += int64(len(c.Text))
		}
		if cells*grid.CellSize+text > budget {
			return fmt.Errorf("%w: the grid would take more than MaxMemory (%d bytes): counted %d cells (%d bytes each) and %d bytes of input and text in %d lines",
				ErrPasteTooLarge, budget, cells, grid.CellSize, text, line)
		}
		return nil
	}
	if err := charge(0, nil); err != nil {
		return fail(0, err)
	}
	for i := 0; i < len(lines); i++ {
		s := lines[i]
		if strings.IndexByte(s, '\t') >= 0 && strings.IndexByte(s, '"') >= 0 {
			// A spreadsheet's clipboard quotes a cell that holds a line
			// break or a quote: "Trực tiếp,<LF>dịch vụ bưu chính".
			if fields, used, ok := splitQuoted(lines[i:]); ok {
				if len(fields) > maxFields {
					return fail(i+1, fmt.Errorf("%w: %d fields in one line, more than %d", ErrPasteTooLarge, len(fields), maxFields))
				}
				row := cellsOf(fields)
				if err := charge(i+1, row); err != nil {
					return fail(i+1, err)
				}
				g.AppendRow(row)
				for k := 1; k < used; k++ {
					g.AppendRow(nil) // the record's other lines: row r stays line r+1
				}
				clear(lines[i : i+used]) // the cells keep what they need
				i += used - 1
				continue
			}
		}
		row, err := splitLine(s, maxFields)
		if err == nil {
			err = charge(i+1, row)
		}
		if err != nil {
			return fail(i+1, err)
		}
		g.AppendRow(row) // stored compactly: the line can go
		lines[i] = ""
	}
	return []*grid.Grid{g}, nil
}

var errLimit = errors.New("input limit reached")

// limitReader fails with errLimit once more than n bytes are read.
type limitReader struct {
	r io.Reader
	n int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.n < 0 {
		return 0, errLimit
	}
	if int64(len(p)) > l.n+1 {
		p = p[:l.n+1]
	}
	k, err := l.r.Read(p)
	l.n -= int64(k)
	if l.n < 0 {
		return k, errLimit
	}
	return k, err
}

// scanLines splits at LF, CRLF or a lone CR, dropping the line end.
func scanLines(data []byte, atEOF bool) (int, []byte, error) {
	if atEOF && len(data) == 0 {
		return 0, nil, nil
	}
	if i := bytes.IndexAny(data, "\r\n"); i >= 0 {
		if data[i] == '\n' {
			return i + 1, data[:i], nil
		}
		if i+1 < len(data) {
			if data[i+1] == '\n' {
				return i + 2, data[:i], nil
			}
			return i + 1, data[:i], nil
		}
		if atEOF {
			return i + 1, data[:i], nil
		}
		return 0, nil, nil // a CR at the end of the buffer: is an LF next?
	}
	if atEOF {
		return len(data), data, nil
	}
	return 0, nil, nil
}

// splitLine turns one line into cells: tab-separated fields, a Markdown
// pipe-table row, or one cell.
func splitLine(s string, maxFields int) ([]grid.Cell, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var fields []string
	switch t := strings.TrimSpace(s); {
	case strings.IndexByte(s, '\t') >= 0:
		if n := strings.Count(s, "\t") + 1; n > maxFields {
			return nil, fmt.Errorf("%w: %d fields in one line, more than %d", ErrPasteTooLarge, n, maxFields)
		}
		fields = strings.Split(s, "\t")
	case len(t) >= 2 && t[0] == '|' && t[len(t)-1] == '|':
		if isPipeRule(t) {
			return nil, nil
		}
		fields = splitPipes(t[1 : len(t)-1])
		if len(fields) > maxFields {
			return nil, fmt.Errorf("%w: %d fields in one line, more than %d", ErrPasteTooLarge, len(fields), maxFields)
		}
	default:
		fields = []string{stripHeading(t)}
	}
	return cellsOf(fields), nil
}

// cellsOf turns fields into cells, dropping trailing empty ones.
func cellsOf(fields []string) []grid.Cell {
	n := len(fields)
	for n > 0 && strings.TrimSpace(fields[n-1]) == "" {
		n--
	}
	row := make([]grid.Cell, n)
	for i := range row {
		row[i].Text = cleanCell(fields[i])
	}
	return row
}

// maxQuotedLines bounds how many lines one quoted cell may span.
const maxQuotedLines = 20

// splitQuoted reads a tab-separated record whose fields may be quoted as
// a spreadsheet's clipboard quotes them ("a ""b""", a line break inside
// quotes), from lines[0] on. It returns the fields and the number of lines
// the record spans, or false when a quote opened is not closed within
// maxQuotedLines lines (the line is then read as it is).
func splitQuoted(lines []string) ([]string, int, bool) {
	var fields []string
	var b strings.Builder
	line, pos, used := lines[0], 0, 1
	inQ, start := false, true
	for {
		if pos == len(line) {
			if !inQ {
				return append(fields, b.String()), used, true
			}
			if used == len(lines) || used == maxQuotedLines {
				return nil, 0, false
			}
			b.WriteByte('\n')
			line, pos = lines[used], 0
			used++
			continue
		}
		c := line[pos]
		switch {
		case start && c == '"':
			inQ, start = true, false
			pos++
		case inQ && c == '"':
			if pos+1 < len(line) && line[pos+1] == '"' {
				b.WriteByte('"')
				pos += 2
			} else {
				inQ = false
				pos++
			}
		case !inQ && c == '\t':
			fields = append(fields, b.String())
			b.Reset()
			start = true
			pos++
		default:
			b.WriteByte(c)
			start = false
			pos++
		}
	}
}

// cleanCell normalises a cell: NFC, spaces folded and trimmed, Markdown
// emphasis markers at its ends removed (a bold title pasted over several
// lines opens on one and closes on another).
func cleanCell(s string) string {
	s = vntext.NFC(s)
	for _, m := range [...]string{"**", "__"} {
		s = strings.TrimPrefix(s, m)
		s = strings.TrimSuffix(s, m)
	}
	return strings.TrimSpace(s)
}

// stripHeading drops a Markdown heading mark ("## II. ĐÁNH GIÁ CHUNG").
func stripHeading(s string) string {
	t := strings.TrimLeft(s, "#")
	if t != s && (t == "" || t[0] == ' ') {
		return t
	}
	return s
}

// isPipeRule reports whether a pipe-table line is the |---|:---:| rule.
func isPipeRule(t string) bool {
	for _, r := range t {
		switch r {
		case '|', '-', ':', ' ', '\t':
		default:
			return false
		}
	}
	return strings.Contains(t, "-")
}

// splitPipes splits a pipe-table row at unescaped '|'.
func splitPipes(s string) []string {
	var out []string
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s) && s[i+1] == '|':
			b.WriteByte('|')
			i++
		case s[i] == '|':
			out = append(out, b.String())
			b.Reset()
		default:
			b.WriteByte(s[i])
		}
	}
	return append(out, b.String())
}
