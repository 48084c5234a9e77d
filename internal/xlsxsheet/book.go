package xlsxsheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/baocaodinhky/vpcp/internal/vntext"
)

// MaxTextRun bounds the bytes between two tags of a part: a spreadsheet
// holds at most 32,767 characters in a cell (under 200 KB as escaped
// UTF-8), so a longer run is no cell's text.
const MaxTextRun = 1 << 20

// Book is an opened workbook package: its worksheets, date system and
// cell styles, read; the worksheets and shared strings are read on
// demand, every part decompressed charged to one budget.
type Book struct {
	zr       *zip.Reader
	files    map[string]*zip.File
	budget   int64 // decompressed bytes left
	Sheets   []SheetRef
	Date1904 bool   // the workbook counts days from 1904 (old Mac workbooks)
	Percent  []bool // by cell style index: the number format shows a percentage
	Date     []bool // by cell style index: the number format shows a date
	// SharedPart is the shared-strings part, or "".
	SharedPart string
	// WorkbookPart is the workbook part, e.g. "xl/workbook.xml".
	WorkbookPart string
}

// SheetRef is a worksheet of the workbook: its name (NFC) and its part.
type SheetRef struct{ Name, Part string }

// Open checks that r holds an XLSX workbook of at most maxBytes bytes and
// reads its package relationships, workbook part and styles, the
// decompressed bytes charged to maxBytes. A file that is not a workbook
// is ErrNotXLSX (saying what it looks like), an encrypted one
// ErrEncrypted, a truncated one ErrCorrupt.
func Open(r io.ReaderAt, size, maxBytes int64) (*Book, error) {
	if size > maxBytes {
		return nil, &ReadError{Err: ErrOverLimit, Detail: fmt.Sprintf("the file has %d bytes, more than MaxBytes %d", size, maxBytes)}
	}
	if err := sniff(r, size); err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, &ReadError{Err: ErrCorrupt, Detail: "the zip archive cannot be opened (" + err.Error() + "); the file is probably truncated"}
	}
	b := &Book{zr: zr, budget: maxBytes, files: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		b.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	wb := "xl/workbook.xml"
	root, err := b.rels("_rels/.rels", "")
	if err != nil {
		return nil, err
	}
	for _, rel := range root {
		if strings.HasSuffix(rel.typ, "/officeDocument") {
			wb = rel.target
		}
	}
	if b.files[wb] == nil {
		return nil, &ReadError{Err: ErrNotXLSX, Detail: "a zip archive without a workbook (" + b.looksLike() + ")"}
	}
	b.WorkbookPart = wb
	dir := path.Dir(wb)
	wbRels, err := b.rels(path.Join(dir, "_rels", path.Base(wb)+".rels"), dir)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]relationship, len(wbRels))
	for _, rel := range wbRels {
		byID[rel.id] = rel
	}
	err = b.scan(wb, func(t *tokenizer) error {
		switch string(t.name) {
		case "workbookPr":
			for i := range t.attrs {
				if string(t.attrName(i)) == "date1904" {
					v, err := t.attrValue(i)
					if err != nil {
						return err
					}
					b.Date1904 = string(v) == "1" || string(v) == "true"
				}
			}
		case "sheet":
			v, err := t.attrStrings("name", "id")
			if err != nil {
				return err
			}
			name, id := v[0], v[1]
			if rel, ok := byID[id]; ok && strings.HasSuffix(rel.typ, "/worksheet") {
				b.Sheets = append(b.Sheets, SheetRef{vntext.NFC(name), rel.target})
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(b.Sheets) == 0 {
		return nil, &ReadError{Part: wb, Err: ErrNotXLSX, Detail: "the workbook has no worksheet"}
	}
	styles := ""
	for _, rel := range wbRels {
		switch {
		case strings.HasSuffix(rel.typ, "/sharedStrings") && b.SharedPart == "":
			b.SharedPart = rel.target
		case strings.HasSuffix(rel.typ, "/styles") && styles == "":
			styles = rel.target
		}
	}
	if styles != "" {
		if err := b.readStyles(styles); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// PartSize is the decompressed size a part declares, or -1 if it is
// missing.
func (b *Book) PartSize(name string) int64 {
	f := b.files[name]
	if f == nil {
		return -1
	}
	return int64(min(f.UncompressedSize64, 1<<62))
}

// sniff tells an XLSX (a zip archive) from what people send instead.
func sniff(r io.ReaderAt, size int64) error {
	var head [8]byte
	n, err := r.ReadAt(head[:], 0)
	if n < 4 {
		if err != nil && err != io.EOF {
			return &ReadError{Err: err}
		}
		return &ReadError{Err: ErrNotXLSX, Detail: fmt.Sprintf("only %d bytes", size)}
	}
	switch {
	case bytes.HasPrefix(head[:], []byte("PK\x03\x04")), bytes.HasPrefix(head[:], []byte("PK\x05\x06")):
		return nil
	case bytes.Equal(head[:], []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		// An OLE compound file: an encrypted OOXML package holds an
		// "EncryptedPackage" stream; otherwise it is a legacy .xls.
		if cfbHas(r, size, "EncryptedPackage") {
			return &ReadError{Err: ErrEncrypted, Detail: "an encrypted OOXML package; open it with its password and save it without one"}
		}
		return &ReadError{Err: ErrNotXLSX, Detail: "a legacy Excel 97–2003 (.xls) or other OLE file; save it as .xlsx"}
	case bytes.HasPrefix(head[:], []byte("%PDF")):
		return &ReadError{Err: ErrNotXLSX, Detail: "a PDF document"}
	}
	return &ReadError{Err: ErrNotXLSX, Detail: fmt.Sprintf("the file starts with %q, not with a zip archive's PK signature", head[:n])}
}

// cfbHas scans a compound file (at most its first 64 MiB) for a directory
// entry name, stored in UTF-16LE.
func cfbHas(r io.ReaderAt, size int64, name string) bool {
	var pat []byte
	for _, c := range name {
		pat = append(pat, byte(c), 0)
	}
	buf := make([]byte, 64<<10)
	for off := int64(0); off < size && off < 64<<20; off += int64(len(buf) - len(pat)) {
		n, _ := r.ReadAt(buf, off)
		if n <= 0 {
			return false
		}
		if bytes.Contains(buf[:n], pat) {
			return true
		}
		if n < len(buf) {
			return false
		}
	}
	return false
}

// budgetReader fails with errBudget once the shared budget is spent, or
// with errTextRun when a run of text without markup exceeds MaxTextRun.
type budgetReader struct {
	r   io.Reader
	b   *Book
	run int // bytes since the last '<'
}

func (br *budgetReader) Read(p []byte) (int, error) {
	if br.b.budget <= 0 {
		return 0, errBudget
	}
	if int64(len(p)) > br.b.budget {
		p = p[:br.b.budget]
	}
	n, err := br.r.Read(p)
	br.b.budget -= int64(n)
	if first := bytes.IndexByte(p[:n], '<'); first < 0 {
		br.run += n
	} else {
		br.run += first
		if br.run <= MaxTextRun {
			br.run = n - bytes.LastIndexByte(p[:n], '<') - 1
		}
	}
	if br.run > MaxTextRun {
		return n, errTextRun
	}
	return n, err
}

// open opens a part for streaming, charged to the budget; nil if the
// package has no such part.
func (b *Book) open(name string) (io.ReadCloser, error) {
	f := b.files[name]
	if f == nil {
		return nil, nil
	}
	if f.UncompressedSize64 > uint64(b.budget) {
		return nil, &ReadError{Part: name, Err: ErrOverLimit,
			Detail: fmt.Sprintf("the part holds %d bytes decompressed, more than what is left of MaxBytes (%d)", f.UncompressedSize64, b.budget)}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, PartErr(name, err)
	}
	return struct {
		io.Reader
		io.Closer
	}{&budgetReader{r: rc, b: b}, rc}, nil
}

// scan streams a part, calling fn for every start tag.
func (b *Book) scan(name string, fn func(t *tokenizer) error) error {
	rc, err := b.open(name)
	if err != nil || rc == nil {
		return err
	}
	defer rc.Close()
	t := newTokenizer(rc)
	for {
		err := t.next()
		if err == io.EOF {
			return nil
		}
		if err == nil && t.kind == tokStart {
			err = fn(t)
		}
		if err != nil {
			var te *TextError
			if errors.As(err, &te) {
				return te
			}
			if ce, ok := err.(checkError); ok {
				return ce.err
			}
			return PartErr(name, err)
		}
	}
}

type relationship struct{ id, target, typ string }

// rels reads a relationships part in document order, targets resolved
// against base; external ones left out.
func (b *Book) rels(name, base string) ([]relationship, error) {
	var out []relationship
	err := b.scan(name, func(t *tokenizer) error {
		if string(t.name) != "Relationship" {
			return nil
		}
		v, err := t.attrStrings("Id", "Target", "Type", "TargetMode")
		if err != nil {
			return err
		}
		r, mode := relationship{id: v[0], target: v[1], typ: v[2]}, v[3]
		if mode == "External" || r.target == "" {
			return nil
		}
		if strings.HasPrefix(r.target, "/") {
			r.target = strings.TrimPrefix(r.target, "/")
		} else {
			r.target = path.Join(base, r.target)
		}
		out = append(out, r)
		return nil
	})
	return out, err
}

// looksLike names the kind of a zip archive that is not a workbook.
func (b *Book) looksLike() string {
	switch {
	case b.files["word/document.xml"] != nil:
		return "a Word document, .docx"
	case b.files["ppt/presentation.xml"] != nil:
		return "a PowerPoint presentation, .pptx"
	case b.files["content.xml"] != nil:
		return "an OpenDocument file: save it as .xlsx"
	}
	var names []string
	for _, f := range b.zr.File {
		if len(names) == 3 {
			names = append(names, "…")
			break
		}
		names = append(names, f.Name)
	}
	return "holding " + strings.Join(names, ", ")
}

// readStyles finds, for every cell format (cellXfs), whether its number
// format shows a percentage (built-in formats 9 and 10, or a custom one
// with a % outside quotes) or a date.
func (b *Book) readStyles(name string) error {
	custom := map[string]bool{}
	customDate := map[string]bool{}
	inXfs := false
	return b.scan(name, func(t *tokenizer) error {
		switch string(t.name) {
		case "numFmt":
			v, err := t.attrStrings("numFmtId", "formatCode")
			if err != nil {
				return err
			}
			id, code := v[0], v[1]
			custom[id] = percentFormat(code)
			customDate[id] = dateFormat(code)
		case "cellXfs":
			inXfs = true
		case "cellStyleXfs", "dxfs":
			inXfs = false
		case "xf":
			if !inXfs {
				return nil
			}
			id := "0"
			for i := range t.attrs {
				if string(t.attrName(i)) == "numFmtId" {
					var err error
					if id, err = t.attrString(i); err != nil {
						return err
					}
				}
			}
			p, ok := custom[id]
			if !ok {
				p = id == "9" || id == "10"
			}
			d, ok := customDate[id]
			if !ok {
				n, _ := strconv.Atoi(id)
				d = n >= 14 && n <= 17 || n == 22 || n >= 27 && n <= 36 || n >= 50 && n <= 58
			}
			if len(b.Percent) < 1<<16 {
				b.Percent = append(b.Percent, p)
				b.Date = append(b.Date, d)
			}
		}
		return nil
	})
}

// dateFormat reports whether a number format code shows a date: a d, m
// or y outside quotes, brackets and escapes (and no digit placeholder, so
// "0.0 \"ngày\"" is no date).
func dateFormat(code string) bool {
	if i := strings.IndexByte(code, ';'); i >= 0 {
		code = code[:i]
	}
	quoted, date := false, false
	for i := 0; i < len(code); i++ {
		switch c := code[i]; {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\\' || c == '_' || c == '*':
			i++
		case c == '[':
			if j := strings.IndexByte(code[i:], ']'); j > 0 {
				i += j
			}
		case c == '0' || c == '#' || c == '?':
			return false
		case c == 'd' || c == 'D' || c == 'y' || c == 'Y' || c == 'm' || c == 'M':
			date = true
		}
	}
	return date
}

// percentFormat reports whether a number format code multiplies by 100:
// a % outside quotes and not escaped.
func percentFormat(code string) bool {
	quoted := false
	for i := 0; i < len(code); i++ {
		switch c := code[i]; {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\\' || c == '_' || c == '*':
			i++
		case c == '%':
			return true
		}
	}
	return false
}
