package xlsxsheet

import (
	"cmp"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Sentinel errors of the readers; render/xlsx exports them under the same
// names. Every error of Open, Scanner and Rows is a *ReadError wrapping
// one of them (or an I/O error).
var (
	ErrNotXLSX   = errors.New("xlsx: not an XLSX workbook")
	ErrEncrypted = errors.New("xlsx: workbook is encrypted (password-protected)")
	ErrOverLimit = errors.New("xlsx: workbook exceeds the read limits")
	ErrCorrupt   = errors.New("xlsx: workbook truncated or corrupt")
)

// ReadError says where (file, part of the package, worksheet, cell —
// whatever is known) and what; render/xlsx exports it as xlsx.ReadError.
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

// Internal errors, turned into *ReadError values by PartErr.
var (
	errBudget  = errors.New("read budget spent")
	errTextRun = errors.New("text run too long")
)

// syntaxError is malformed XML, at a line of the part.
type syntaxError struct {
	line int
	msg  string
}

func (e *syntaxError) Error() string {
	return fmt.Sprintf("XML syntax error on line %d: %s", e.line, e.msg)
}

// TextError is a text (a <v>, <f>, <t> run) longer than the Scanner's
// MaxText, or a shared string longer than ReadShared's limit; the
// readers turn it into their own ErrOverLimit message.
type TextError struct {
	Elem  string // "v", "f", "is" or "si"
	Limit int
}

func (e *TextError) Error() string {
	return fmt.Sprintf("a <%s> text longer than %d bytes", e.Elem, e.Limit)
}

// PartErr classifies an error met while reading a part: a *ReadError is
// given the part, the budget and text-run bounds become ErrOverLimit,
// malformed XML and anything else ErrCorrupt.
func PartErr(name string, err error) *ReadError {
	var re *ReadError
	switch {
	case errors.As(err, &re):
		re.Part = cmp.Or(re.Part, name)
		return re
	case errors.Is(err, errTextRun):
		return &ReadError{Part: name, Err: ErrOverLimit, Detail: fmt.Sprintf("more than %d bytes of text without markup: no cell holds that much (a spreadsheet cell holds at most 32,767 characters)", MaxTextRun)}
	case errors.Is(err, errBudget):
		return &ReadError{Part: name, Err: ErrOverLimit, Detail: "the decompressed parts exceed MaxBytes"}
	}
	var te *TextError
	if errors.As(err, &te) {
		return &ReadError{Part: name, Err: ErrOverLimit, Detail: te.Error()}
	}
	var se *syntaxError
	if errors.As(err, &se) {
		return &ReadError{Part: name, Err: ErrCorrupt, Detail: fmt.Sprintf("malformed XML at line %d: %s", se.line, se.msg)}
	}
	return &ReadError{Part: name, Err: ErrCorrupt, Detail: err.Error()}
}
