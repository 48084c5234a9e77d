package xlsx

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"errors"
	"io"
	"io/fs"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// How a workbook is written. excelize builds everything but the body rows:
// the styles, the workbook, the document properties and, for each sheet,
// its frame — the worksheet with its page setup, column widths, panes and
// merges, and only the rows above and below the tables (header lines,
// multi-level header, column numbers, notes). Its parts are kept in memory
// (partsZip); they are a few kilobytes whatever the number of rows. Then
// the parts are written to the destination in name order, one deflate
// stream each, and each body row is written straight into its worksheet's
// stream as it is read from the sheet, in the XML excelize's StreamWriter
// writes for the same cells. Nothing grows with the rows: no buffered
// workbook, no re-zipping, no per-cell allocation.

// partsZip is the excelize.ZipWriter that keeps each part in memory.
type partsZip struct {
	names []string
	parts map[string]*bytes.Buffer
}

func newPartsZip() *partsZip { return &partsZip{parts: map[string]*bytes.Buffer{}} }

func (z *partsZip) Create(name string) (io.Writer, error) {
	if _, dup := z.parts[name]; dup {
		return nil, errors.New("xlsx: part " + name + " written twice")
	}
	b := new(bytes.Buffer)
	z.names = append(z.names, name)
	z.parts[name] = b
	return b, nil
}

func (z *partsZip) AddFS(fs.FS) error {
	return errors.New("xlsx: unexpected file system part")
}

func (z *partsZip) Close() error { return nil }

// worksheetParts returns the worksheet parts, "xl/worksheets/sheetN.xml",
// in the order of N: the order the sheets were added in.
func (z *partsZip) worksheetParts() []string {
	var out []string
	num := func(name string) int {
		n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(name, "xl/worksheets/sheet"), ".xml"))
		return n
	}
	for _, n := range z.names {
		if strings.HasPrefix(n, "xl/worksheets/sheet") && strings.HasSuffix(n, ".xml") && num(n) > 0 {
			out = append(out, n)
		}
	}
	slices.SortFunc(out, func(a, b string) int { return num(a) - num(b) })
	return out
}

// writeParts writes the parts to w as a zip archive, in name order, each
// compressed at deflateLevel; body(name, bw) writes the body rows of the
// worksheet part name into bw at the place frameRows says.
func (z *partsZip) writeParts(w io.Writer, sheets map[string]*sheetWriter) error {
	names := slices.Clone(z.names)
	slices.Sort(names)
	zw := zip.NewWriter(w)
	var fw *flate.Writer
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		if fw == nil {
			var err error
			if fw, err = flate.NewWriter(out, deflateLevel); err != nil {
				return nil, err
			}
		} else {
			fw.Reset(out)
		}
		return fw, nil
	})
	bw := bufio.NewWriterSize(nil, 64<<10)
	for _, name := range names {
		out, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
		if err != nil {
			return err
		}
		part := z.parts[name].Bytes()
		sw := sheets[name]
		if sw == nil {
			if _, err := out.Write(part); err != nil {
				return err
			}
			continue
		}
		bw.Reset(out)
		if err := sw.splice(bw, part); err != nil {
			return err
		}
		if err := bw.Flush(); err != nil {
			return err
		}
	}
	return zw.Close()
}

// splice writes the worksheet frame with the body rows of the sheet put in
// their place: the frame's rows are in row order, and each block's body
// rows go before the first frame row below them.
func (w *sheetWriter) splice(bw *bufio.Writer, frame []byte) error {
	open := bytes.Index(frame, []byte("<sheetData>"))
	end := bytes.LastIndex(frame, []byte("</sheetData>"))
	if open < 0 || end < open {
		return errors.New("xlsx: sheet " + strconv.Quote(w.p.name) + ": worksheet frame without sheetData")
	}
	open += len("<sheetData>")
	bw.Write(frame[:open])
	rows := frame[open:end]
	bi := 0 // next block whose body is to be written
	flushBodies := func(before int) error {
		for ; bi < len(w.p.blocks) && w.p.blocks[bi].bodyRow < before; bi++ {
			if err := w.bodies(bw, bi); err != nil {
				return err
			}
		}
		return nil
	}
	marker := []byte(`<row r="`)
	for len(rows) > 0 {
		if !bytes.HasPrefix(rows, marker) {
			return errors.New("xlsx: sheet " + strconv.Quote(w.p.name) + ": unexpected worksheet frame")
		}
		next := bytes.Index(rows[len(marker):], marker)
		if next < 0 {
			next = len(rows)
		} else {
			next += len(marker)
		}
		numEnd := bytes.IndexByte(rows[len(marker):], '"')
		r, err := strconv.Atoi(string(rows[len(marker) : len(marker)+max(numEnd, 0)]))
		if err != nil {
			return errors.New("xlsx: sheet " + strconv.Quote(w.p.name) + ": unexpected worksheet frame")
		}
		if err := flushBodies(r); err != nil {
			return err
		}
		bw.Write(rows[:next])
		rows = rows[next:]
	}
	if err := flushBodies(math.MaxInt); err != nil {
		return err
	}
	_, err := bw.Write(frame[end:])
	return err
}

// bodies writes the body rows of block bi.
func (w *sheetWriter) bodies(bw *bufio.Writer, bi int) error {
	for ri := range w.p.blocks[bi].b.Rows {
		if err := w.body(bw, bi, ri); err != nil {
			return err
		}
	}
	return nil
}

// The XML of a row and its cells, byte for byte as excelize's StreamWriter
// writes them (SetRow with excelize.Cell values and RowOpts{Height}).

func (w *sheetWriter) rowStart(bw *bufio.Writer, row int, height float64) {
	b := append(w.xbuf[:0], `<row r="`...)
	b = strconv.AppendInt(b, int64(row), 10)
	b = append(b, `" ht="`...)
	b = strconv.AppendFloat(b, height, 'f', -1, 64)
	b = append(b, `" customHeight="1">`...)
	bw.Write(b)
	w.xbuf = b
}

// cellStart writes `<c r="D12" s="5"` and the type attribute.
func (w *sheetWriter) cellStart(bw *bufio.Writer, col, row, style int, typ string) {
	b := append(w.xbuf[:0], `<c r="`...)
	b = append(b, w.p.letters[col]...)
	b = strconv.AppendInt(b, int64(row), 10)
	b = append(b, '"')
	if style != 0 {
		b = append(b, ` s="`...)
		b = strconv.AppendInt(b, int64(style), 10)
		b = append(b, '"')
	}
	if typ != "" {
		b = append(b, ` t="`...)
		b = append(b, typ...)
		b = append(b, '"')
	}
	b = append(b, '>')
	bw.Write(b)
	w.xbuf = b
}

// emptyCell writes a cell with a style and no value.
func (w *sheetWriter) emptyCell(bw *bufio.Writer, col, row, style int) {
	w.cellStart(bw, col, row, style, "")
	bw.WriteString(`</c>`)
}

// textCell writes an inline string, as excelize does: cut to the 32,767
// UTF-16 units a cell holds, xml:space="preserve" when it starts or ends
// with white space, escaped (new lines kept as they are), "_xHHHH_"
// sequences escaped.
func (w *sheetWriter) textCell(bw *bufio.Writer, col, row, style int, text string) {
	w.cellStart(bw, col, row, style, "inlineStr")
	w.inlineText(bw, text)
}

// inlineText writes the inline string of a text cell and closes the cell.
func (w *sheetWriter) inlineText(bw *bufio.Writer, text string) {
	if len(text) > maxCellChars { // a UTF-16 unit takes at least one byte
		text = cutUTF16(text, maxCellChars)
	}
	bw.WriteString(`<is><t`)
	if text != "" {
		switch text[0] {
		case 9, 10, 13, 32:
			bw.WriteString(` xml:space="preserve"`)
		default:
			switch text[len(text)-1] {
			case 9, 10, 13, 32:
				bw.WriteString(` xml:space="preserve"`)
			}
		}
	}
	bw.WriteByte('>')
	if strings.Contains(text, "_x") {
		var sb strings.Builder
		escapeText(&sb, text, false)
		bw.WriteString(bstrMarshal(sb.String()))
	} else {
		escapeText(bw, text, false)
	}
	bw.WriteString(`</t></is></c>`)
}

// numberCell writes a number cell, with its formula when it has one.
func (w *sheetWriter) numberCell(bw *bufio.Writer, col, row, style int, formula string, value []byte) {
	w.cellStart(bw, col, row, style, "")
	if formula != "" {
		bw.WriteString(`<f>`)
		escapeText(bw, formula, true)
		bw.WriteString(`</f>`)
	}
	bw.WriteString(`<v>`)
	bw.Write(value)
	bw.WriteString(`</v></c>`)
}

// maxCellChars is the most UTF-16 units a cell holds.
const maxCellChars = 32767

// cutUTF16 cuts s to n UTF-16 units.
func cutUTF16(s string, n int) string {
	cnt := 0
	for i, r := range s {
		if cnt += utf16.RuneLen(r); cnt > n {
			return s[:i]
		}
	}
	return s
}

// stringWriter is what escapeText writes to.
type stringWriter interface {
	WriteString(string) (int, error)
}

// escapeText writes s escaped as encoding/xml's EscapeText escapes it, new
// lines included only when nl is set.
func escapeText(w stringWriter, s string, nl bool) {
	last := 0
	for i := 0; i < len(s); {
		r, width := utf8.DecodeRuneInString(s[i:])
		i += width
		var esc string
		switch r {
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\t':
			esc = "&#x9;"
		case '\n':
			if !nl {
				continue
			}
			esc = "&#xA;"
		case '\r':
			esc = "&#xD;"
		default:
			if !xmlChar(r) || (r == utf8.RuneError && width == 1) {
				esc = "\uFFFD"
				break
			}
			continue
		}
		w.WriteString(s[last : i-width])
		w.WriteString(esc)
		last = i
	}
	w.WriteString(s[last:])
}

// xmlChar reports whether r may appear in XML text.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

var (
	bstrExp       = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)
	bstrEscapeExp = regexp.MustCompile(`x[a-fA-F\d]{4}_`)
)

// bstrMarshal escapes the "_xHHHH_" sequences of s that a reader would
// take for an escaped character, exactly as excelize does (so that the
// workbook reads back as the text written).
func bstrMarshal(s string) (result string) {
	matches, l, cursor := bstrExp.FindAllStringSubmatchIndex(s, -1), len(s), 0
	for _, match := range matches {
		result += s[cursor:match[0]]
		subStr := s[match[0]:match[1]]
		if subStr == "_x005F_" {
			cursor = match[1]
			if match[1]+6 <= l && bstrEscapeExp.MatchString(s[match[1]:match[1]+6]) {
				_, err := strconv.Unquote(`"\u` + s[match[1]+1:match[1]+5] + `"`)
				if err == nil {
					result += subStr + "x005F" + subStr
					continue
				}
			}
			result += subStr + "x005F_"
			continue
		}
		if bstrExp.MatchString(subStr) {
			cursor = match[1]
			if _, err := strconv.Unquote(`"\u` + s[match[0]+2:match[1]-1] + `"`); err == nil {
				result += "_x005F" + subStr
				continue
			}
		}
	}
	if cursor < l {
		result += s[cursor:]
	}
	return result
}

// appendFloat appends v as excelize writes a float: the shortest decimal
// that reads back as v, cut to Excel's 15 significant digits.
func appendFloat(b []byte, v float64) []byte {
	from := len(b)
	b = strconv.AppendFloat(b, v, 'f', -1, 64)
	if math.Abs(v) == math.MaxFloat64 {
		return b
	}
	str := b[from:]
	const maxPrec = 15
	dot := bytes.IndexByte(str, '.')
	significant := 0
	for idx := range str {
		if str[idx] < '0' || str[idx] > '9' || significant == 0 && str[idx] == '0' {
			continue
		}
		significant++
		if significant <= maxPrec {
			continue
		}
		if dot >= 0 && idx > dot {
			b = b[:from+idx]
			if b[len(b)-1] == '.' {
				b = b[:len(b)-1]
			}
			return b
		}
		if dot < 0 {
			dot = len(str)
		}
		for ; idx < dot; idx++ {
			str[idx] = '0'
		}
		return b[:from+dot]
	}
	return b
}
