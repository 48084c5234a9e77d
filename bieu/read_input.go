package bieu

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/grid"
)

// DefaultMaxJSONBytes bounds a JSON report read by Read when
// ReadOptions.MaxBytes is zero: 50 MiB, the pasted-text reader's default.
const DefaultMaxJSONBytes = 50 << 20

// ErrNoReader is returned by Read for an input no registered format reads:
// a workbook (zip or OLE file) when package render/xlsx is not imported,
// text when render/text is not.
var ErrNoReader = errors.New("bieu: no reader for this input")

// ErrTooLarge is returned by Read for a JSON report larger than
// ReadOptions.MaxBytes (DefaultMaxJSONBytes by default); the workbook and
// text readers have errors of their own for their bounds.
var ErrTooLarge = errors.New("bieu: input too large")

// Read is the one way in: it reads a filled report from any input of the
// kinds KSTT reports come in, checks it, and returns the report with the
// reader's findings and the checker's, sorted, each carrying the cell it
// is about ("II.06a!D12", "bao-cao.txt:L148:C3").
//
// It tells the kind from the first bytes, the way image.Decode does:
//
//   - a JSON object (after an optional UTF-8 byte order mark and blanks)
//     is a report written by kstt.Report.MarshalJSON, decoded strictly
//     (a misspelt member is an error with its path) and checked by
//     Check, or by opts.Editions or opts.Catalogue when set;
//
//   - anything else goes to the first registered grid.Format whose Match
//     accepts it — render/xlsx registers "xlsx" (a zip or OLE file, or a
//     name ending .xlsx or .xlsm: an encrypted or legacy workbook gets the
//     reader's clear error) and render/text registers "text" (pasted text
//     and Markdown, the fallback) — and the grids it reads are searched for
//     the official forms by their headers, as described below. A program
//     reading workbooks imports render/xlsx, for its registration if
//     nothing else:
//
//     import _ "github.com/baocaodinhky/vpcp/render/xlsx"
//
// A user adds a format (a CSV export, an ODS reader) with
// grid.RegisterFormat, without touching this package.
//
// The forms are found by any of: their code line ("Biểu số
// II.06a/VPCP/KSTT", in any case, spacing or Unicode normalisation; a
// worksheet named after the code counts too); the column-number row ("(1)
// (2) (3)=(4)+(5)+(6) …", or 1 2 3 … without parentheses); or the header
// labels in official order ("STT", "Lĩnh vực giải quyết", "Tổng số",
// "Trực tuyến" …), with the variants real templates print ("Trong đó" for
// "Trong kỳ", "Tiếp nhận" as the first group, "Đơn vị" for "Lĩnh vực" in
// II.07b). Columns are mapped by the column-number row when there is one,
// else by the labels; extra blank columns and rows are skipped. The body
// runs to TỔNG CỘNG; II.08's section (A, B) and level (I, II, III) rows and
// II.07b's Parts I and II are read as such. A sheet may hold several
// forms, a workbook one form per sheet.
//
// Values: numbers stored as numbers or as text ("02", "1.234", "33,33",
// "0%"), a percentage cell's fraction (0.25 shown as 25 %) as 25. What the
// reader had to interpret is a finding of the READ/ rules (ReadRules): a
// blank cell is read as 0 (Info); a formula without a stored value is
// computed (Info); text that is no number is an Error and read as 0. The
// header block gives kstt.Header: Đơn vị báo cáo, Đơn vị nhận báo cáo,
// Kỳ báo cáo (period.Parse, Nghị định 09/2019/NĐ-CP, Điều 12) checked
// against the "(Từ ngày … đến ngày …)" line.
//
// opts.Rules switches rules off or changes their severity, READ rules and
// form rules alike; a misspelt rule ID is an error (kstt.ErrUnknownRule).
//
// Read fails with an error — never a finding — when the input cannot be
// read at all: a *ReadError when no form is found (ErrNoForm) or a code
// line heads no readable table (ErrUnrecognized); the workbook or text
// reader's own error (render/xlsx.ErrEncrypted, ErrNotXLSX, ErrOverLimit,
// ErrCorrupt; render/text.ErrNotText, ErrPasteTooLarge); a
// *kstt.JSONError for a JSON report; ErrNoReader; ErrTooLarge.
func Read(r io.ReaderAt, size int64, opts ReadOptions) (*kstt.Report, kstt.Findings, error) {
	if size < 0 {
		return nil, nil, fmt.Errorf("bieu: read: negative size %d", size)
	}
	if opts.MaxBytes < 0 || opts.MaxRows < 0 || opts.MaxMemory < 0 {
		return nil, nil, errors.New("bieu: read: negative bound in ReadOptions")
	}
	head := make([]byte, min(size, grid.SniffLen))
	if n, err := r.ReadAt(head, 0); n < len(head) {
		if err == nil || err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, nil, fmt.Errorf("bieu: read: %w", err)
	}
	if isJSONObject(head) {
		return readJSON(r, size, opts)
	}
	f, ok := grid.Sniff(head, opts.Name)
	if !ok {
		return nil, nil, fmt.Errorf("%w (registered formats: %v; a workbook needs an import of render/xlsx, text one of render/text)", ErrNoReader, grid.Formats())
	}
	grids, err := f.Read(r, size, opts.Name, grid.Limits{MaxBytes: opts.MaxBytes, MaxRows: opts.MaxRows, MaxMemory: opts.MaxMemory})
	if err != nil {
		return nil, nil, err
	}
	return readChecked(grids, opts)
}

// readChecked recognises the forms in grids a grid.Format has read,
// checks the report and returns it with the findings, as Read does.
func readChecked(grids []*grid.Grid, opts ReadOptions) (*kstt.Report, kstt.Findings, error) {
	res, err := readGrids(grids, opts)
	if err != nil {
		return nil, nil, err
	}
	fs, err := res.Check(opts.Rules)
	if err != nil {
		return nil, nil, err
	}
	return res.Report(), fs, nil
}

// isJSONObject reports whether an input's first bytes open a JSON object,
// after an optional UTF-8 byte order mark and blanks.
func isJSONObject(head []byte) bool {
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")), " \t\r\n")
	return len(head) > 0 && head[0] == '{'
}

// readJSON decodes and checks a JSON report of size bytes.
func readJSON(r io.ReaderAt, size int64, opts ReadOptions) (*kstt.Report, kstt.Findings, error) {
	max := cmp.Or(opts.MaxBytes, DefaultMaxJSONBytes)
	if size > max {
		return nil, nil, fmt.Errorf("%w: %d bytes of JSON, more than the %d read (MaxBytes)", ErrTooLarge, size, max)
	}
	data := make([]byte, size)
	if _, err := r.ReadAt(data, 0); err != nil && err != io.EOF {
		return nil, nil, fmt.Errorf("bieu: read: %w", err)
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")) // a byte order mark, as Notepad writes
	dec := kstt.DecodeOptions{MaxRows: opts.MaxRows}
	var (
		rep *kstt.Report
		err error
	)
	switch {
	case opts.Catalogue != nil:
		rep, err = opts.Catalogue.DecodeReportWith(data, dec)
	case opts.Editions != nil:
		rep, err = opts.Editions.List()[0].Catalogue.DecodeReportWith(data, dec)
	default:
		rep, err = DecodeReportWith(data, dec)
	}
	if err != nil {
		return nil, nil, err
	}
	var fs kstt.Findings
	opts.Rules = withoutReadRules(opts.Rules)
	switch {
	case opts.Catalogue != nil:
		fs, err = opts.Catalogue.Check(rep, opts.Rules)
	case opts.Editions != nil:
		fs, err = opts.Editions.Check(rep, opts.Rules)
	default:
		fs, err = Check(rep, opts.Rules)
	}
	if err != nil {
		return nil, nil, err
	}
	return rep, fs, nil
}

// withoutReadRules is opts without the READ rules, which a JSON report has
// no reader findings for.
func withoutReadRules(opts kstt.CheckOptions) kstt.CheckOptions {
	if len(opts.Rules) == 0 {
		return opts
	}
	out := opts
	out.Rules = make(map[kstt.RuleID]kstt.RuleOverride, len(opts.Rules))
	for id, ov := range opts.Rules {
		if !isReadRule(id) {
			out.Rules[id] = ov
		}
	}
	return out
}

func isReadRule(id kstt.RuleID) bool {
	return slices.ContainsFunc(readRules, func(r kstt.Rule) bool { return r.ID == id })
}
