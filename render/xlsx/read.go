package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strconv"
	"strings"

	"github.com/baocaodinhky/vpcp/internal/vntext"
	"github.com/baocaodinhky/vpcp/kstt/grid"
)

// Default bounds of the reader. They read anything the SDK writes for a
// national aggregate (an II.06a of 100,000 rows is 63 MB of sheet XML
// and a grid of about 62 MiB as MaxMemory counts it), and refuse a zip
// bomb in well under a second.
const (
	// DefaultMaxBytes bounds the bytes the reader decompresses (every
	// part it reads, together) and the size of the file: 256 MiB.
	DefaultMaxBytes = 256 << 20
	// DefaultMaxRows bounds the rows of one worksheet.
	DefaultMaxRows = 250_000
	// DefaultMaxCols bounds the columns of one worksheet (a form has 14).
	DefaultMaxCols = 1024
	// DefaultMaxMemory is the fixed cap of the grids' memory budget; see
	// ReadOptions.MaxMemory.
	DefaultMaxMemory = 160 << 20
	// MinMemory is the budget a small file gets whatever its size.
	MinMemory = 16 << 20
	// MemoryPerByte is the budget's share per byte of the file: a grid may
	// take 40 times the file's size.
	MemoryPerByte = 40
)

// ReadOptions bound what ReadWorkbook accepts, so that a file from anyone
// is read in bounded memory and time. A zero field takes its default; a
// negative one is an error.
//
// MaxMemory bounds the memory of the grids read, as counted while reading:
// grid.CellSize bytes per cell slot of a row (every slot up to the
// row's last cell that holds something, so a sparse sheet counts the
// rectangle it spans), plus the bytes of each cell's text — a shared
// string counted at each cell that uses it, as every later step reads it
// once per cell. The default is min(DefaultMaxMemory, max(MinMemory,
// MemoryPerByte × the file's size)); the reader's peak heap stays within
// about twice the budget plus a few MiB. The count is an upper bound: the
// grid stores its rows compactly (grid.Grid.AppendRow: a byte or two a
// cell besides its text), so an II.06a of 100,000 rows counted at about
// 62 MiB takes about 9 MiB. Beyond it, ReadWorkbook stops at
// once with ErrOverLimit, saying what it counted. A text of more than
// 1 MiB between two tags (no cell holds that much) is ErrOverLimit too.
//
// What the grids leave of MaxMemory is the formula calculator's budget
// (see ReadWorkbook). It charges each formula it evaluates 512 bytes, 8
// bytes per byte of its text, 640 bytes per cell of every range the
// formula references (a whole column or row counts the sheet's used rows
// or columns) and twice the bytes of each text it reads; and for the
// in-memory workbook it computes in, 96 bytes per row up to the last one
// it holds on each sheet, 224 bytes per cell slot (each row holds slots
// from column A to its last cell read) and 8 KiB per sheet (at most 256).
// A formula whose charge does not fit is left without a value — the read
// does not fail — and the next ones are tried; the peak heap stays within
// about twice the budget. A large workbook saved without its values (by
// an exporter that does not calculate) may need a larger MaxMemory to
// have every formula evaluated: an II.06a of 1,000 rows saved so (3,011
// formulas) is charged about 15 MiB and fits the default budget of its
// 83 kB file; one of 5,000 rows holds 15,011, beyond
// MaxFormulaEvaluations, and its first 10,000 are charged about 61 MiB.
type ReadOptions struct {
	MaxBytes  int64 // decompressed bytes of all the parts read, and the file's own size; default DefaultMaxBytes
	MaxRows   int   // rows of one worksheet, counted to its last row holding a value; default DefaultMaxRows
	MaxCols   int   // columns of one worksheet, counted to its last column holding a value; default DefaultMaxCols
	MaxMemory int64 // memory of the grids, as counted above; default from the file's size, see above
}

// MemoryBudget is the grids' memory budget of a file of size bytes under
// opts (see ReadOptions).
func (opts ReadOptions) MemoryBudget(size int64) int64 {
	if opts.MaxMemory > 0 {
		return opts.MaxMemory
	}
	return min(DefaultMaxMemory, max(MinMemory, MemoryPerByte*size))
}

// Sentinel errors of the reader. The errors ReadWorkbook and ReadFile
// return are *ReadError values wrapping one of them; match with errors.Is.
var (
	// ErrNotXLSX: the file is not an XLSX workbook — another format
	// (a legacy .xls, a .docx, a PDF, text), or a zip archive without a
	// workbook.
	ErrNotXLSX = errors.New("xlsx: not an XLSX workbook")
	// ErrEncrypted: the workbook is password-protected (an encrypted
	// OOXML package in an OLE compound file); save it without a password.
	ErrEncrypted = errors.New("xlsx: workbook is encrypted (password-protected)")
	// ErrOverLimit: the file, its decompressed parts, or a worksheet's
	// rows or columns exceed ReadOptions.
	ErrOverLimit = errors.New("xlsx: workbook exceeds the read limits")
	// ErrCorrupt: the workbook is truncated or corrupt (a broken zip
	// archive, a checksum error, malformed XML).
	ErrCorrupt = errors.New("xlsx: workbook truncated or corrupt")
)

// ReadError is the error of ReadWorkbook and ReadFile: where (file, part
// of the package, worksheet, cell — whatever is known) and what.
type ReadError struct {
	File   string // the path given to ReadFile, or ""
	Part   string // the package part, e.g. "xl/worksheets/sheet1.xml"
	Sheet  string // the worksheet name
	Cell   string // the cell, e.g. "D12"
	Detail string // what was found, in English
	Err    error  // one of the sentinels, or the underlying I/O error
}

// Error returns e.g. `xlsx: read report.xlsx: sheet "II.06a" cell XFD1:
// xlsx: workbook exceeds the read limits: column 16384 beyond MaxCols 1024`.
func (e *ReadError) Error() string {
	var b strings.Builder
	b.WriteString("xlsx: read")
	if e.File != "" {
		b.WriteString(" " + e.File)
	}
	if e.Sheet != "" {
		b.WriteString(" sheet " + strconv.Quote(e.Sheet))
	} else if e.Part != "" {
		b.WriteString(" part " + e.Part)
	}
	if e.Cell != "" {
		b.WriteString(" cell " + e.Cell)
	}
	b.WriteString(": " + e.Err.Error())
	if e.Detail != "" {
		b.WriteString(": " + e.Detail)
	}
	return b.String()
}

// Unwrap returns the sentinel or the underlying error.
func (e *ReadError) Unwrap() error { return e.Err }

// ReadFile reads the workbook at path; see ReadWorkbook.
func ReadFile(path string, opts ReadOptions) ([]*grid.Grid, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &ReadError{File: path, Err: err}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, &ReadError{File: path, Err: err}
	}
	gs, err := ReadWorkbook(f, st.Size(), opts)
	if err != nil {
		var re *ReadError
		if errors.As(err, &re) {
			re.File = path
		}
		return nil, err
	}
	for _, g := range gs {
		g.Source = path
	}
	return gs, nil
}

// ReadWorkbook reads every worksheet of an XLSX workbook into a
// grid.Grid, in workbook order: the raw value of each cell (a number as
// stored, 1234 or 0.25, never its display string "1.234" or "25%"), text
// NFC-normalised with spaces folded, the formula of a formula cell with
// whether a value was stored beside it (a workbook saved by a program that
// does not calculate has none), whether a number is displayed as a
// percentage, a date cell as its day ("15/3/2024"), and the merged ranges. Package bieu recognises the forms in
// the grids.
//
// It streams each worksheet, so memory is the grids themselves plus the
// shared strings, and it is bounded by opts: the file's size and the bytes
// decompressed (ErrOverLimit; a zip bomb stops at the limit), the rows
// and columns of a worksheet (ErrOverLimit). It fails fast with a
// *ReadError on what is not a workbook (ErrNotXLSX, saying what it looks
// like: a legacy .xls, a Word document …), on a password-protected
// workbook (ErrEncrypted) and on a truncated or corrupt one (ErrCorrupt).
// It never panics.
//
// A formula cell saved without its value (by a program that does not
// calculate) gets the value of the workbook's own formula, computed once
// every worksheet is read, so that package bieu can compare it with the
// form's rule (grid.Cell.Cached is false, Text the computed value). The
// calculator is bounded by construction; a formula beyond a bound is left
// without a value (Text empty), as a reader without a calculator leaves
// it, and bieu then reports the cell (READ/R02: computed with the form's
// rule; READ/R03: an input column read as 0). It evaluates only numbers,
// strings, TRUE and FALSE, the operators + - * / ^ % = <> < <= > >=, the
// functions SUM, COUNT, COUNTA, AVERAGE, MIN, MAX, ABS, INT, ROUND,
// ROUNDUP, ROUNDDOWN, IF, IFERROR, AND, OR and NOT, and references to
// cells, ranges, whole columns or rows of the workbook's sheets (a shared
// formula's too). It refuses a volatile function (NOW, RAND), one that
// builds references (INDIRECT, OFFSET) or matches criteria (SUMIF), a
// defined name, a 3-D or external reference, an array constant, the text
// operator &, a formula longer than MaxFormulaLength or nested deeper
// than MaxFormulaDepth, one reading an error value, one on a cycle (a
// formula reaching its own cell), and one at the end of a chain of
// formula cells without values longer than MaxFormulaDepth. A result
// that is not a finite number (=10^400, a division that overflows) is the
// error value #NUM!, a text cell, as the spreadsheet shows it. At most
// MaxFormulaEvaluations formula cells are examined, each sheet from its
// last row up (a form's TỔNG CỘNG row first), and what they cost is
// charged against MaxMemory (see ReadOptions). It computes in memory with
// excelize over a workbook of only the cells the formulas read, built
// from the grids: the file is never opened a second time nor written to
// disk.
func ReadWorkbook(r io.ReaderAt, size int64, opts ReadOptions) ([]*grid.Grid, error) {
	if opts.MaxBytes < 0 || opts.MaxRows < 0 || opts.MaxCols < 0 || opts.MaxMemory < 0 {
		return nil, &ReadError{Err: ErrOverLimit, Detail: "negative bound in ReadOptions"}
	}
	rd := &wbReader{
		budget:  cmpOr(opts.MaxBytes, DefaultMaxBytes),
		maxRows: cmpOr(opts.MaxRows, DefaultMaxRows),
		maxCols: cmpOr(opts.MaxCols, DefaultMaxCols),
		memory:  opts.MemoryBudget(size),
	}
	rd.memLeft = rd.memory
	if size > rd.budget {
		return nil, &ReadError{Err: ErrOverLimit, Detail: fmt.Sprintf("the file has %d bytes, more than MaxBytes %d", size, rd.budget)}
	}
	if err := sniff(r, size); err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, &ReadError{Err: ErrCorrupt, Detail: "the zip archive cannot be opened (" + err.Error() + "); the file is probably truncated"}
	}
	rd.zr = zr
	rd.calc = &calculator{}
	rd.files = make(map[string]*zip.File, len(zr.File))
	for _, f := range zr.File {
		rd.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	return rd.read()
}

func cmpOr[T int | int64](v, def T) T {
	if v == 0 {
		return def
	}
	return v
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

// wbReader holds the state of one ReadWorkbook call.
type wbReader struct {
	zr               *zip.Reader
	files            map[string]*zip.File
	budget           int64
	maxRows, maxCols int
	memory, memLeft  int64 // the grids' memory budget, and what is left of it
	cells, text      int64 // cell slots and text bytes counted so far
	sst              []string
	percent          []bool // by cell style index: the number format shows a percentage
	date             []bool // by cell style index: the number format shows a date
	date1904         bool   // the workbook counts days from 1904 (old Mac workbooks)
	calc             *calculator
	sheet            int // index of the worksheet being read
}

// budgetReader fails with ErrOverLimit once the shared budget is spent,
// or when a run of text without markup exceeds maxTextRun (the XML decoder
// would buffer it whole).
type budgetReader struct {
	r   io.Reader
	rd  *wbReader
	run int // bytes since the last '<'
}

// maxTextRun bounds the bytes between two tags of a part: a spreadsheet
// holds at most 32,767 characters in a cell (under 200 KB as escaped
// UTF-8), so a longer run is no cell's text.
const maxTextRun = 1 << 20

func (b *budgetReader) Read(p []byte) (int, error) {
	if b.rd.budget <= 0 {
		return 0, errBudget
	}
	if int64(len(p)) > b.rd.budget {
		p = p[:b.rd.budget]
	}
	n, err := b.r.Read(p)
	b.rd.budget -= int64(n)
	if first := bytes.IndexByte(p[:n], '<'); first < 0 {
		b.run += n
	} else {
		b.run += first
		if b.run <= maxTextRun {
			b.run = n - bytes.LastIndexByte(p[:n], '<') - 1
		}
	}
	if b.run > maxTextRun {
		return n, errTextRun
	}
	return n, err
}

var (
	errBudget  = errors.New("read budget spent")
	errTextRun = errors.New("text run too long")
)

// errMemory: the grids' memory budget is spent; partErr turns it into
// ErrOverLimit with what was counted.
var errMemory = errors.New("memory budget spent")

// charge counts cells slots and text bytes against the memory budget.
func (rd *wbReader) charge(cells, text int64) error {
	rd.cells += cells
	rd.text += text
	rd.memLeft -= cells*grid.CellSize + text
	if rd.memLeft < 0 {
		return errMemory
	}
	return nil
}

// memoryError says what the reader counted when the budget ran out.
func (rd *wbReader) memoryError() *ReadError {
	return &ReadError{Err: ErrOverLimit, Detail: fmt.Sprintf(
		"the grids would take more than MaxMemory (%d bytes): counted %d cell slots (%d bytes each, a sparse row counts up to its last cell) and %d bytes of text (a shared string once per cell that uses it)",
		rd.memory, rd.cells, grid.CellSize, rd.text)}
}

// open opens a part of the package for streaming, charged to the budget.
func (rd *wbReader) open(name string) (io.ReadCloser, error) {
	f := rd.files[name]
	if f == nil {
		return nil, nil
	}
	if f.UncompressedSize64 > uint64(rd.budget) {
		return nil, &ReadError{Part: name, Err: ErrOverLimit,
			Detail: fmt.Sprintf("the part holds %d bytes decompressed, more than what is left of MaxBytes (%d)", f.UncompressedSize64, rd.budget)}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, rd.partErr(name, err)
	}
	return struct {
		io.Reader
		io.Closer
	}{&budgetReader{r: rc, rd: rd}, rc}, nil
}

// partErr classifies an error met while reading a part.
func (rd *wbReader) partErr(name string, err error) error {
	var re *ReadError
	switch {
	case errors.As(err, &re):
		if re.Part == "" {
			re.Part = name
		}
		return re
	case errors.Is(err, errMemory):
		re := rd.memoryError()
		re.Part = name
		return re
	case errors.Is(err, errTextRun):
		return &ReadError{Part: name, Err: ErrOverLimit, Detail: fmt.Sprintf("more than %d bytes of text without markup: no cell holds that much (a spreadsheet cell holds at most 32,767 characters)", maxTextRun)}
	case errors.Is(err, errBudget):
		return &ReadError{Part: name, Err: ErrOverLimit, Detail: "the decompressed parts exceed MaxBytes"}
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return &ReadError{Part: name, Err: ErrCorrupt, Detail: fmt.Sprintf("malformed XML at line %d: %s", se.Line, se.Msg)}
	}
	return &ReadError{Part: name, Err: ErrCorrupt, Detail: err.Error()}
}

type relationship struct{ target, typ string }

// rels reads a relationships part: Id → target resolved against base.
func (rd *wbReader) rels(name, base string) (map[string]relationship, error) {
	out := map[string]relationship{}
	err := rd.scan(name, func(d *xml.Decoder, t xml.StartElement) error {
		if t.Name.Local != "Relationship" {
			return nil
		}
		var id, target, typ, mode string
		for _, a := range t.Attr {
			switch a.Name.Local {
			case "Id":
				id = a.Value
			case "Target":
				target = a.Value
			case "Type":
				typ = a.Value
			case "TargetMode":
				mode = a.Value
			}
		}
		if mode == "External" || target == "" {
			return nil
		}
		if strings.HasPrefix(target, "/") {
			target = strings.TrimPrefix(target, "/")
		} else {
			target = path.Join(base, target)
		}
		out[id] = relationship{target, typ}
		return nil
	})
	return out, err
}

// scan streams a part, calling fn for every start element.
func (rd *wbReader) scan(name string, fn func(d *xml.Decoder, t xml.StartElement) error) error {
	rc, err := rd.open(name)
	if err != nil || rc == nil {
		return err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return rd.partErr(name, err)
		}
		if t, ok := tok.(xml.StartElement); ok {
			if err := fn(d, t); err != nil {
				return rd.partErr(name, err)
			}
		}
	}
}

type sheetRef struct{ name, part string }

func (rd *wbReader) read() ([]*grid.Grid, error) {
	// The workbook part, from the package relationships.
	wb := "xl/workbook.xml"
	if root, err := rd.rels("_rels/.rels", ""); err != nil {
		return nil, err
	} else {
		for _, r := range root {
			if strings.HasSuffix(r.typ, "/officeDocument") {
				wb = r.target
			}
		}
	}
	if rd.files[wb] == nil {
		return nil, &ReadError{Err: ErrNotXLSX, Detail: "a zip archive without a workbook (" + rd.looksLike() + ")"}
	}
	dir := path.Dir(wb)
	wbRels, err := rd.rels(path.Join(dir, "_rels", path.Base(wb)+".rels"), dir)
	if err != nil {
		return nil, err
	}
	var sheets []sheetRef
	err = rd.scan(wb, func(_ *xml.Decoder, t xml.StartElement) error {
		if t.Name.Local == "workbookPr" {
			for _, a := range t.Attr {
				if a.Name.Local == "date1904" {
					rd.date1904 = a.Value == "1" || a.Value == "true"
				}
			}
		}
		if t.Name.Local != "sheet" {
			return nil
		}
		var name, id string
		for _, a := range t.Attr {
			switch {
			case a.Name.Local == "name":
				name = a.Value
			case a.Name.Local == "id":
				id = a.Value
			}
		}
		if rel, ok := wbRels[id]; ok && strings.HasSuffix(rel.typ, "/worksheet") {
			sheets = append(sheets, sheetRef{vntext.NFC(name), rel.target})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(sheets) == 0 {
		return nil, &ReadError{Part: wb, Err: ErrNotXLSX, Detail: "the workbook has no worksheet"}
	}
	for _, r := range wbRels {
		switch {
		case strings.HasSuffix(r.typ, "/sharedStrings"):
			if err := rd.readSST(r.target); err != nil {
				return nil, err
			}
		case strings.HasSuffix(r.typ, "/styles"):
			if err := rd.readStyles(r.target); err != nil {
				return nil, err
			}
		}
	}
	grids := make([]*grid.Grid, 0, len(sheets))
	for i, s := range sheets {
		rd.sheet = i
		g, err := rd.readSheet(s)
		if err != nil {
			return nil, err
		}
		grids = append(grids, g)
	}
	// The formulas without a stored value, evaluated with what the grids
	// left of the memory budget (read_calc.go).
	return rd.calc.run(grids, rd.memLeft), nil
}

// looksLike names the kind of a zip archive that is not a workbook.
func (rd *wbReader) looksLike() string {
	switch {
	case rd.files["word/document.xml"] != nil:
		return "a Word document, .docx"
	case rd.files["ppt/presentation.xml"] != nil:
		return "a PowerPoint presentation, .pptx"
	case rd.files["content.xml"] != nil:
		return "an OpenDocument file: save it as .xlsx"
	}
	var names []string
	for _, f := range rd.zr.File {
		if len(names) == 3 {
			names = append(names, "…")
			break
		}
		names = append(names, f.Name)
	}
	return "holding " + strings.Join(names, ", ")
}

// readText collects the text of an <si> or <is> element: its <t>
// elements, the runs' included, the phonetic runs (<rPh>) left out.
func readText(d *xml.Decoder, limit int64) (string, error) {
	var b strings.Builder
	depth, inT, skip := 1, false, 0
	for depth > 0 {
		tok, err := d.RawToken()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch {
			case t.Name.Local == "rPh":
				skip = depth
			case t.Name.Local == "t" && skip == 0:
				inT = true
			}
		case xml.EndElement:
			if t.Name.Local == "t" {
				inT = false
			}
			if depth == skip {
				skip = 0
			}
			depth--
		case xml.CharData:
			if inT {
				if int64(b.Len()+len(t)) > limit {
					return "", errMemory
				}
				b.Write(t)
			}
		}
	}
	return b.String(), nil
}

func (rd *wbReader) readSST(name string) error {
	return rd.scan(name, func(d *xml.Decoder, t xml.StartElement) error {
		if t.Name.Local != "si" {
			return nil
		}
		limit := rd.memLeft / 2
		s, err := readText(d, limit)
		if errors.Is(err, errMemory) {
			return &ReadError{Err: ErrOverLimit, Detail: fmt.Sprintf(
				"shared string %d is longer than %d bytes, half of what is left of MaxMemory (%d bytes)", len(rd.sst), limit, rd.memory)}
		}
		if err != nil {
			return err
		}
		s = vntext.NFC(s)
		if err := rd.charge(0, int64(len(s))+16); err != nil {
			return err
		}
		rd.sst = append(rd.sst, s)
		return nil
	})
}

// readStyles finds, for every cell format (cellXfs), whether its number
// format shows a percentage: built-in formats 9 and 10, or a custom one
// with a % outside quotes.
func (rd *wbReader) readStyles(name string) error {
	custom := map[string]bool{}
	customDate := map[string]bool{}
	inXfs := false
	return rd.scan(name, func(d *xml.Decoder, t xml.StartElement) error {
		switch t.Name.Local {
		case "numFmt":
			var id, code string
			for _, a := range t.Attr {
				switch a.Name.Local {
				case "numFmtId":
					id = a.Value
				case "formatCode":
					code = a.Value
				}
			}
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
			for _, a := range t.Attr {
				if a.Name.Local == "numFmtId" {
					id = a.Value
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
			if len(rd.percent) < 1<<16 {
				rd.percent = append(rd.percent, p)
				rd.date = append(rd.date, d)
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
