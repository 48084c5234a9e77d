package kstt

import (
	"errors"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// RuleID is the stable ID of a rule, e.g. "II.06a/R01". Package bieu
// declares one constant per official rule (bieu.RuleII06aR01 …), generated
// from the same declarations as its rule catalogue, so that a misspelt ID
// does not compile. Rule.ID, Finding.Rule and the keys of
// CheckOptions.Rules are RuleIDs, so a finding compares with a constant
// directly (f.Rule == bieu.RuleII06aR01) and an option names one
// (CheckOptions{Rules: map[RuleID]RuleOverride{bieu.RuleKSTTR03: {Off: true}}}).
//
// A RuleID is an error value so that a finding matches its rule with
// errors.Is, directly or through Findings.Err:
//
//	errors.Is(findings.Err(), bieu.RuleII06aR01)
type RuleID string

// Error returns the ID, so that a RuleID can be the target of errors.Is.
func (id RuleID) Error() string { return string(id) }

// String returns the ID.
func (id RuleID) String() string { return string(id) }

// Is reports whether target is the finding's rule (a RuleID) or
// ErrFindings: errors.Is(err, bieu.RuleII06aR01) is true for a finding of
// II.06a/R01 and for a Findings.Err holding one.
func (f Finding) Is(target error) bool {
	var id RuleID
	if errors.As(target, &id) {
		return id == f.Rule
	}
	return target == ErrFindings
}

// ExpectedValue returns Expected as a number: "33" → 33, "≤ 1" → 1 (the
// bound; the relation stays in the text), "33.33" → 33.33. ok is false when
// Expected is not a number (a period, a label, "0 hoặc 1", empty).
func (f Finding) ExpectedValue() (v decimal.Decimal, ok bool) { return findingNumber(f.Expected) }

// ActualValue returns Actual as a number, like ExpectedValue.
func (f Finding) ActualValue() (v decimal.Decimal, ok bool) { return findingNumber(f.Actual) }

// DifferenceValue returns Difference (actual − expected, for arithmetic
// rules) as a number: "+1" → 1, "-4" → -4, "0.01" → 0.01. ok is false when
// the finding gives no difference.
func (f Finding) DifferenceValue() (v decimal.Decimal, ok bool) {
	return findingNumber(f.Difference)
}

// findingNumber parses the number a finding's text holds, after an optional
// relation ("≤ ", "≥ ", "< ", "> ") and sign.
func findingNumber(s string) (decimal.Decimal, bool) {
	s = strings.TrimSpace(s)
	for _, rel := range []string{"≤", "≥", "<", ">", "="} {
		if rest, ok := strings.CutPrefix(s, rel); ok {
			s = strings.TrimSpace(rest)
			break
		}
	}
	s = strings.TrimPrefix(s, "+")
	if s == "" || strings.ContainsAny(s, " eE") {
		return decimal.Decimal{}, false
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, false
	}
	return d, true
}

// Location is where a finding points, as fields: the form, part, printed
// row and official column the engine checked, and — for a form read from a
// file — the place in the file, parsed from Finding.Cell: the worksheet and
// its 1-based row and column for a workbook ("II.06a!D12" → Sheet
// "II.06a", SheetRow 12, SheetColumn 4), or the file and its 1-based line
// and field for pasted text ("bao-cao.txt:L60:C7" → File "bao-cao.txt", Line 60,
// Field 7), as encoding/csv's ParseError gives a line and a column.
type Location struct {
	Form   string // form code, "" for a report-level finding
	Part   string // part ID, "" for single-part forms
	Row    int    // 0-based printed body row; -1 for report-level findings
	Column int    // official column number (n); 0 when none

	Sheet       string // worksheet name, for a workbook
	SheetRow    int    // 1-based worksheet row; 0 when not from a workbook
	SheetColumn int    // 1-based worksheet column (A = 1)

	File  string // file name, for pasted text or a tally's case list (Finding.Source)
	Line  int    // 1-based line (a case list's row: Finding.Line); 0 when not from text
	Field int    // 1-based field (cell) on the line
}

// Location returns where the finding points, the printed Cell parsed into
// its parts; for a tally's finding, File and Line are its Source and Line.
func (f Finding) Location() Location {
	l := Location{Form: f.Form, Part: f.Part, Row: f.Row, Column: f.Column}
	c := f.Cell
	if c == "" {
		if f.Source != "" || f.Line > 0 { // a tally's finding: the case list and its row
			l.File, l.Line = f.Source, f.Line
		}
		return l
	}
	if i := strings.LastIndex(c, ":L"); i >= 0 {
		if j := strings.LastIndex(c, ":C"); j > i {
			line, err1 := strconv.Atoi(c[i+2 : j])
			field, err2 := strconv.Atoi(c[j+2:])
			if err1 == nil && err2 == nil {
				l.File, l.Line, l.Field = c[:i], line, field
				return l
			}
		}
	}
	if i := strings.LastIndexByte(c, '!'); i >= 0 {
		if r, col, ok := parseCellName(c[i+1:]); ok {
			name := c[:i]
			if len(name) >= 2 && name[0] == '\'' && name[len(name)-1] == '\'' {
				name = strings.ReplaceAll(name[1:len(name)-1], "''", "'")
			}
			l.Sheet, l.SheetRow, l.SheetColumn = name, r, col
		}
	}
	return l
}

// parseCellName reads an A1-style name into a 1-based row and column.
func parseCellName(s string) (row, col int, ok bool) {
	i := 0
	for i < len(s) && s[i] >= 'A' && s[i] <= 'Z' {
		col = col*26 + int(s[i]-'A'+1)
		i++
		if col > 1<<20 {
			return 0, 0, false
		}
	}
	if i == 0 || i == len(s) {
		return 0, 0, false
	}
	row, err := strconv.Atoi(s[i:])
	if err != nil || row < 1 {
		return 0, 0, false
	}
	return row, col, true
}
