package kstt

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Finding is one outcome of a rule: which rule, how serious, where (form,
// part, row, column and, for a form read from a workbook, the cell address),
// the expected and actual values, their difference for arithmetic rules, and
// a message in Vietnamese with its English rendering. Finding is an error,
// so a list of them unwraps into errors.As-able values.
//
// The same type carries what a tally (package bieu/tally) says about a case
// record it could not count as it is, a row of a case list it rejected, or
// the tally as a whole: Form is then empty and Row is -1, and Record,
// Source, Line, SourceColumn, Action and Policy say which record, where in
// which file and what was done. Those fields are empty in the findings of
// forms and reports, and left out of their JSON.
type Finding struct {
	// Unit is the reporting unit the finding is about, set when findings
	// of many units are gathered (a roll-up: bieu.Aggregate.Check); empty
	// for a single report's own check.
	Unit       string   `json:"unit,omitempty"`
	Rule       RuleID   `json:"rule"` // the rule's ID: compare with the generated constants (bieu.RuleII06aR01 …)
	Severity   Severity `json:"severity"`
	Form       string   `json:"form,omitempty"`
	Part       string   `json:"part,omitempty"`
	Row        int      `json:"row"`                 // 0-based index in the part's printed body; -1 for report-level and tally findings
	RowLabel   string   `json:"row_label,omitempty"` // lĩnh vực, or "TỔNG CỘNG"
	Group      string   `json:"group,omitempty"`     // the level or section the row stands under, e.g. "CẤP TỈNH"
	Column     int      `json:"column,omitempty"`    // official column number (n); 0 when the finding is about a row or a report
	Cell       string   `json:"cell,omitempty"`      // workbook address, e.g. "II.06a!D12", when the form came from a file
	Expected   string   `json:"expected,omitempty"`
	Actual     string   `json:"actual,omitempty"`
	Difference string   `json:"difference,omitempty"` // actual − expected, for arithmetic rules
	Message    string   `json:"message"`              // Vietnamese
	MessageEN  string   `json:"message_en"`           // English

	// Record is the code (Mã hồ sơ, Thông tư 01/2018/TT-VPCP, Điều 19)
	// of the case record a tally finding is about.
	Record string `json:"record,omitempty"`
	// Source is the file the record or the rejected row was read from.
	Source string `json:"source,omitempty"`
	// Line is the 1-based row of Source: the line of a CSV or JSON Lines
	// file, the row of a worksheet; 0 when the finding names no row.
	Line int `json:"line,omitempty"`
	// SourceColumn is the header of the column of Source a rejected value
	// sits in, as the file writes it (e.g. "Ngày tiếp nhận").
	SourceColumn string `json:"source_column,omitempty"`
	// Action is what the tally did with the record: "count", "skip" or
	// "fail" (tally.Action's String).
	Action string `json:"action,omitempty"`
	// Policy is the ID of the tally policy the finding is about, e.g.
	// "TALLY/P04" (tally.Policies).
	Policy string `json:"policy,omitempty"`
}

// Where writes the location as one short phrase: "II.06a «TỔNG CỘNG» (3)
// [II.06a!C9]", or for a tally finding the file, row and record:
// "ho-so.csv:12 hồ sơ 000.20.31.H12-240502-000542".
func (f Finding) Where() string {
	var b strings.Builder
	if f.Unit != "" {
		b.WriteString(f.Unit + ":")
		if f.Form != "" {
			b.WriteByte(' ')
		}
	}
	b.WriteString(f.Form)
	if f.Part != "" {
		b.WriteString(" Phần " + f.Part)
	}
	if f.RowLabel != "" && f.Group != "" {
		b.WriteString(" «" + f.Group + " › " + f.RowLabel + "»")
	} else if f.RowLabel != "" {
		b.WriteString(" «" + f.RowLabel + "»")
	} else if f.Row >= 0 && f.Form != "" {
		b.WriteString(" dòng " + strconv.Itoa(f.Row+1))
	}
	if f.Column > 0 {
		b.WriteString(" (" + strconv.Itoa(f.Column) + ")")
	}
	if f.Cell != "" {
		b.WriteString(" [" + f.Cell + "]")
	}
	if f.Source != "" || f.Line > 0 {
		b.WriteString(" " + f.Source)
		if f.Line > 0 {
			b.WriteString(":" + strconv.Itoa(f.Line))
		}
	}
	if f.Record != "" {
		b.WriteString(" hồ sơ " + f.Record)
	}
	return strings.TrimSpace(b.String())
}

// Error makes a Finding an error. Like String it is Vietnamese, the
// language of the officials who read findings (fmt prints a Finding with
// Error): "Lỗi II.06a/R01 II.06a «TỔNG CỘNG» (3): đúng ra 33, thực tế 34,
// chênh +1 — …". English gives the English line.
func (f Finding) Error() string { return f.line(true) }

// String is the one-line Vietnamese form of the finding.
func (f Finding) String() string { return f.line(true) }

// English is the one-line English form of the finding: "error II.06a/R01
// II.06a «TỔNG CỘNG» (3): expected 33, actual 34, difference +1 — …".
func (f Finding) English() string { return f.line(false) }

func (f Finding) line(vi bool) string {
	var b strings.Builder
	if vi {
		b.WriteString(f.Severity.Vietnamese())
	} else {
		b.WriteString(f.Severity.String())
	}
	b.WriteString(" " + string(f.Rule))
	if w := f.Where(); w != "" {
		b.WriteString(" " + w)
	}
	if f.Expected == "" && f.Actual != "" {
		if vi {
			b.WriteString(": thực tế " + f.Actual)
		} else {
			b.WriteString(": actual " + f.Actual)
		}
	} else if f.Expected != "" || f.Actual != "" {
		if vi {
			fmt.Fprintf(&b, ": đúng ra %s, thực tế %s", f.Expected, f.Actual)
		} else {
			fmt.Fprintf(&b, ": expected %s, actual %s", f.Expected, f.Actual)
		}
		if f.Difference != "" {
			if vi {
				b.WriteString(", chênh " + f.Difference)
			} else {
				b.WriteString(", difference " + f.Difference)
			}
		}
	}
	msg := f.MessageEN
	if vi {
		msg = f.Message
	}
	if msg != "" {
		b.WriteString(" — " + msg)
	}
	return b.String()
}

// Findings is the list a check returns. The zero value is an empty list.
type Findings []Finding

// Compare orders findings by unit (when findings of many units are
// gathered), form, part, row (report-level ones first), the file, row and
// record of a tally finding, column, then rule ID.
func Compare(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(a.Unit, b.Unit),
		cmp.Compare(a.Form, b.Form),
		cmp.Compare(a.Part, b.Part),
		cmp.Compare(a.Row, b.Row),
		cmp.Compare(a.Source, b.Source),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Record, b.Record),
		cmp.Compare(a.Column, b.Column),
		cmp.Compare(a.Rule, b.Rule),
		cmp.Compare(a.Message, b.Message),
	)
}

// Sort orders the list in place with Compare and returns it.
func (fs Findings) Sort() Findings {
	slices.SortStableFunc(fs, Compare)
	return fs
}

// Filter returns the findings for which keep is true, in a new list.
func (fs Findings) Filter(keep func(Finding) bool) Findings {
	var out Findings
	for _, f := range fs {
		if keep(f) {
			out = append(out, f)
		}
	}
	return out
}

// AtLeast returns the findings of severity s or worse.
func (fs Findings) AtLeast(s Severity) Findings {
	return fs.Filter(func(f Finding) bool { return f.Severity >= s })
}

// byRule returns the findings of the given rule IDs (the selection
// behind Catalogue.ByRule, once the IDs are known to be declared).
func (fs Findings) byRule(ids []RuleID) Findings {
	return fs.Filter(func(f Finding) bool { return slices.Contains(ids, f.Rule) })
}

// ByForm returns the findings about the given form code ("" selects the
// report-level findings).
func (fs Findings) ByForm(code string) Findings {
	return fs.Filter(func(f Finding) bool { return f.Form == code })
}

// Count returns how many findings have severity s.
func (fs Findings) Count(s Severity) int {
	n := 0
	for _, f := range fs {
		if f.Severity == s {
			n++
		}
	}
	return n
}

// HasErrors reports whether any finding is an Error.
func (fs Findings) HasErrors() bool { return fs.Count(Error) > 0 }

// MarshalJSON writes the list as a JSON array, [] when empty (never null).
func (fs Findings) MarshalJSON() ([]byte, error) {
	if fs == nil {
		return []byte("[]"), nil
	}
	return json.Marshal([]Finding(fs))
}

// Err returns nil for an empty list, else one error whose Unwrap() []error
// gives each Finding, and which matches ErrFindings with errors.Is.
func (fs Findings) Err() error {
	if len(fs) == 0 {
		return nil
	}
	return &FindingsError{Findings: slices.Clone(fs)}
}

// FindingsError is the error Findings.Err returns.
type FindingsError struct{ Findings Findings }

// Error summarises the counts and the first finding.
func (e *FindingsError) Error() string {
	return fmt.Sprintf("kstt: %d error(s), %d warning(s), %d info: %s",
		e.Findings.Count(Error), e.Findings.Count(Warning), e.Findings.Count(Info), e.Findings[0].English())
}

// Unwrap gives each finding as an error.
func (e *FindingsError) Unwrap() []error {
	out := make([]error, len(e.Findings))
	for i, f := range e.Findings {
		out[i] = f
	}
	return out
}

// Is matches ErrFindings. A RuleID target matches through Unwrap, when
// one of the findings is of that rule.
func (e *FindingsError) Is(target error) bool { return target == ErrFindings }

var _ error = Finding{}
