package decl

import (
	"errors"
	"fmt"

	"github.com/baocaodinhky/vpcp/period"
)

// Declaration is a form declared as data: what the JSON document of the
// package documentation holds, as a Go value. Compile checks it and turns
// it into a Schema.
type Declaration struct {
	Code    string  `json:"code"`              // short code, e.g. "II.06a"; rule IDs start with it and "/"
	Printed string  `json:"printed,omitempty"` // the code line as printed, when not "Biểu số <code>/VPCP/KSTT"
	Title   string  `json:"title"`             // title as printed, upper case
	Unit    string  `json:"unit"`              // Đơn vị tính, e.g. "Số hồ sơ TTHC"
	Basis   string  `json:"basis"`             // legal basis of the form
	Edition Edition `json:"edition"`           // the regime it belongs to and the periods it applies to
	// Doc says, for people, what the form holds and how it is used: the
	// doc comment of the Go type generated from the declaration (package
	// bieu's II06a, …), after a first sentence made of Printed or the
	// code, the edition, Title and Unit. Paragraphs are separated by a
	// blank line ("\n\n"). It changes nothing the engine does.
	Doc string `json:"doc,omitempty"`
	// Inferred says what of the declaration was not read from an official
	// text (a documented default a user may override), one item each.
	Inferred []string `json:"inferred,omitempty"`
	Parts    []Part   `json:"parts"`
	Rules    []Rule   `json:"rules"`
}

// Edition is the legal basis a declaration implements and the periods it
// applies to: the reporting periods (Nghị định 09/2019/NĐ-CP, Điều 12)
// whose last day falls within [ValidFrom, ValidTo]; a zero bound is open.
// Thông tư 01/2020/TT-VPCP (in force 15/12/2020) is replaced by Thông tư
// 5/2025/TT-VPCP from 15/02/2026, so its edition has ValidTo 14/02/2026.
type Edition struct {
	Name      string      `json:"name"`                // e.g. "Thông tư 01/2020/TT-VPCP"
	Basis     string      `json:"basis,omitempty"`     // the text and article, e.g. "Thông tư 01/2020/TT-VPCP, Phụ lục II"
	ValidFrom period.Date `json:"valid_from,omitzero"` // first day a covered period may end on
	ValidTo   period.Date `json:"valid_to,omitzero"`   // last day a covered period may end on
	Note      string      `json:"note,omitempty"`      // e.g. what is known of a newer edition
}

// Covers reports whether the edition applies to p: p's last day is within
// [ValidFrom, ValidTo] (a zero bound is open). The zero period is covered
// by no edition with a bound.
func (e Edition) Covers(p period.Period) bool {
	if p.IsZero() {
		return e.ValidFrom.IsZero() && e.ValidTo.IsZero()
	}
	end := p.End()
	return (e.ValidFrom.IsZero() || !end.Before(e.ValidFrom)) && (e.ValidTo.IsZero() || !end.After(e.ValidTo))
}

// Part declares one table of a form: its columns and its rows.
type Part struct {
	ID      string   `json:"id,omitempty"`    // "" for a form of one table; "I", "II" …
	Title   string   `json:"title,omitempty"` // e.g. "I. SỐ LƯỢNG TTHC TRIỂN KHAI TẠI BỘ PHẬN MỘT CỬA"
	Columns []Column `json:"columns"`
	Rows    Rows     `json:"rows,omitzero"`
}

// Column declares one official column: number as printed in the
// column-number row, a stable key (the JSON field name of the data), the
// leaf label as printed, the header groups above it (outermost first) and
// what it holds: "text" (only (1) STT and (2) the row label), "count",
// "rate" (a percentage) or "flag" (0 or 1).
type Column struct {
	Num    int      `json:"num"`
	Key    string   `json:"key"`
	Label  string   `json:"label"`
	Groups []string `json:"groups,omitempty"`
	Kind   string   `json:"kind"`
	Width  int      `json:"width,omitempty"` // suggested printed width in characters
}

// Rows declares the row structure of a part. Every part has data rows (one
// per lĩnh vực, or per unit) and ends with TỔNG CỘNG; Levels and Sections
// allow group rows ("I CẤP TỈNH", "B DVCTT …") between them. Fields, when
// given, are the rows a blank form lists (Schema.New creates them).
type Rows struct {
	Label    string   `json:"label,omitempty"`    // what a data row is, as column (2) says: "Lĩnh vực", "Đơn vị"
	Fields   []string `json:"fields,omitempty"`   // the lĩnh vực of a blank form, in order
	Levels   []Group  `json:"levels,omitempty"`   // level rows the part may have
	Sections []Group  `json:"sections,omitempty"` // section rows the part may have
}

// Group is a level or section row: the code printed in (1) and the title
// printed in (2).
type Group struct {
	Code  string `json:"code"`
	Title string `json:"title"`
}

// Rule declares one rule in the printed notation (see ParseRule), with
// what the catalogue says of it.
type Rule struct {
	ID   string `json:"id"`   // e.g. "II.06a/R01"; a form's own rules start with its code and "/"
	Rule string `json:"rule"` // the notation, e.g. "(3) = (4) + (5) + (6)"; kept as the rule's expression
	// Check makes a sum an identity that is checked but never derived nor
	// printed as the column's formula (kstt.Balance): "(3) = (7) + (11)"
	// of II.06a, which the form does not print.
	Check     bool        `json:"check,omitempty"`
	Severity  string      `json:"severity,omitempty"` // "error", "warning", "info" (or Lỗi, Cảnh báo, Thông tin); default by kind
	Places    int32       `json:"places,omitempty"`   // decimals of a rate; default 2
	From      period.Date `json:"from,omitzero"`      // a "= 0" rule applies only to periods that end on or after From
	Basis     string      `json:"basis,omitempty"`    // default: the form's basis
	Meaning   string      `json:"meaning,omitempty"`  // Vietnamese, one line; default from the notation
	MeaningEN string      `json:"meaning_en,omitempty"`
	Inferred  bool        `json:"inferred,omitempty"` // not read from the official text
	Note      string      `json:"note,omitempty"`     // a legitimate cause a person should consider
	NoteEN    string      `json:"note_en,omitempty"`
}

// ErrInvalid is what every declaration error matches (errors.Is).
var ErrInvalid = errors.New("invalid form declaration")

// Error is a declaration error: the JSON path of the offending value
// ("$.rules[2].rule", "$.parts[0].columns[3].num") and what is wrong. For
// a Go value the path names the same field. It matches ErrInvalid; Err,
// when set, is the cause (a *SyntaxError for a rule that does not parse).
type Error struct {
	Path string
	Msg  string
	Err  error
}

// Error returns "decl: $.rules[2].rule: …".
func (e *Error) Error() string {
	s := "decl: " + e.Path + ": " + e.Msg
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns ErrInvalid and the cause.
func (e *Error) Unwrap() []error {
	if e.Err != nil {
		return []error{ErrInvalid, e.Err}
	}
	return []error{ErrInvalid}
}

func errAt(path, format string, args ...any) *Error {
	return &Error{Path: path, Msg: fmt.Sprintf(format, args...)}
}
