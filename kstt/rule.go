package kstt

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// RuleKind is what a rule asserts. Rules are data: a kind plus the cells it
// relates, so the same declaration drives Fill, Check and the formulas a
// renderer writes.
type RuleKind uint8

// Rule kinds for one form (the first six) and for a whole report (the last
// three).
const (
	// SumOfColumns: Target = Σ Terms in every data row and the TỔNG CỘNG
	// row, as printed in the column-number row, e.g. "(3)=(4)+(5)+(6)".
	SumOfColumns RuleKind = iota + 1
	// SumOfRows: in the TỔNG CỘNG row every count and flag column of
	// Target.Part equals the sum of the data (lĩnh vực) rows.
	SumOfRows
	// AtMost: Target ≤ Terms[0] in every data row; Terms[0] may sit in
	// another part, in the row of the same lĩnh vực.
	AtMost
	// Percentage: Target = Terms[0] ÷ Terms[1] × 100, rounded half away
	// from zero to Places decimals; 0 when Terms[1] is 0 (a level with no
	// procedure has rate 0). Applies to data rows and TỔNG CỘNG. Fill
	// writes Places decimals; Check also accepts the exact rate rounded to
	// the decimals the cell itself shows (33.3 or 33 for 1/3 with Places
	// 2), since a form printed with fewer decimals is not wrong.
	Percentage
	// FlagOnly: Target is 0 or 1 in every data row.
	FlagOnly
	// NonNegative: every count and flag column of Target.Part is ≥ 0 in
	// every row.
	NonNegative
	// Matches: report level. Σ Target equals Σ Terms, where each Ref names a
	// form's TỔNG CỘNG column or a narrative figure (Ref.Field).
	Matches
	// SameHeader: report level. Every form names the report's unit,
	// recipient and period.
	SameHeader
	// ValidPeriodText: report level. The period the narrative heading writes
	// is a Decree 09 period and equals the forms' period.
	ValidPeriodText
	// Balance: Target = Σ Terms in every data and total row, checked but
	// never used to derive a value (an identity the form does not print,
	// such as II.06a (3) = (7) + (11)).
	Balance
	// Reading: a remark of a form reader (bieu.Read) on a cell it had to
	// interpret — a blank read as 0, a formula without a stored value — or
	// a header it could not read. Checked by the reader, never by Check.
	Reading
	// Complete: report level. What Target.Field names is present: "forms"
	// (at least one form, each code once), "header.unit",
	// "header.recipient" or "header.period" (every form names it).
	Complete
	// Custom: report level. A rule whose test is Go code the catalogue
	// supplies (Catalogue.Checks), such as the rules that depend on the
	// legal regime of the report's period (no cấp huyện from 1/7/2025).
	Custom
)

var ruleKindNames = [...]string{
	SumOfColumns: "sum-of-columns", SumOfRows: "sum-of-rows", AtMost: "at-most",
	Percentage: "percentage", FlagOnly: "flag", NonNegative: "non-negative",
	Matches: "matches", SameHeader: "same-header", ValidPeriodText: "valid-period-text",
	Balance: "balance", Reading: "reading", Complete: "complete", Custom: "custom",
}

// String returns the kind's stable name, e.g. "sum-of-columns".
func (k RuleKind) String() string {
	if int(k) < len(ruleKindNames) && ruleKindNames[k] != "" {
		return ruleKindNames[k]
	}
	return "rule-kind(" + strconv.Itoa(int(k)) + ")"
}

// MarshalText writes String.
func (k RuleKind) MarshalText() ([]byte, error) {
	if int(k) >= len(ruleKindNames) || ruleKindNames[k] == "" {
		return nil, fmt.Errorf("kstt: %w: kind %d", ErrBadRule, uint8(k))
	}
	return []byte(ruleKindNames[k]), nil
}

// UnmarshalText reads a name written by MarshalText.
func (k *RuleKind) UnmarshalText(b []byte) error {
	for i, n := range ruleKindNames {
		if n != "" && n == string(b) {
			*k = RuleKind(i)
			return nil
		}
	}
	return fmt.Errorf("kstt: %w: kind %q", ErrBadRule, b)
}

// Ref names a cell a rule reads: a column of a part of a form (in the row
// the rule is evaluating, or in TỔNG CỘNG for report-level rules), or a
// figure of the report's narrative.
type Ref struct {
	Form  string `json:"form,omitempty"`  // form code; empty inside a form's own rules
	Part  string `json:"part,omitempty"`  // part ID; empty for single-part forms
	Col   int    `json:"col,omitempty"`   // official column number
	Field string `json:"field,omitempty"` // narrative figure key, e.g. "files.received"
}

// String writes the reference as an official reads it: "(4)", "Phần I (8)",
// "II.08 (5)", "báo cáo: files.received".
func (r Ref) String() string {
	if r.Field != "" {
		return "báo cáo mục " + r.Field
	}
	var b strings.Builder
	if r.Form != "" {
		b.WriteString(r.Form)
		b.WriteByte(' ')
	}
	if r.Part != "" {
		b.WriteString("Phần ")
		b.WriteString(r.Part)
		b.WriteByte(' ')
	}
	if r.Col > 0 {
		b.WriteString("(" + strconv.Itoa(r.Col) + ")")
	}
	return strings.TrimSpace(b.String())
}

// Rule is one official or plausibility rule, declared once as data.
type Rule struct {
	ID        RuleID   `json:"id"`                // stable, e.g. "II.06a/R01"
	Kind      RuleKind `json:"kind"`              // what it asserts
	Severity  Severity `json:"severity"`          // default severity (CheckOptions may change it)
	Expr      string   `json:"expr"`              // as the form prints it, e.g. "(3) = (4) + (5) + (6)"
	Basis     string   `json:"basis"`             // legal basis, e.g. "Thông tư 01/2020/TT-VPCP, Biểu số II.06a/VPCP/KSTT"
	Meaning   string   `json:"meaning"`           // one line, Vietnamese
	MeaningEN string   `json:"meaning_en"`        // one line, English
	Inferred  bool     `json:"inferred"`          // not read from the official text: a documented default
	Note      string   `json:"note,omitempty"`    // Vietnamese: a legitimate cause a person should consider, added to messages
	NoteEN    string   `json:"note_en,omitempty"` // English rendering of Note
	Target    Ref      `json:"target"`            // the cell the rule constrains
	Terms     []Ref    `json:"terms,omitempty"`   // the cells it is computed from or compared with
	Places    int32    `json:"places,omitempty"`  // decimals of a Percentage
}

// RuleOverride changes one rule for a check: switch it off, or give it
// another severity. The zero value changes nothing.
type RuleOverride struct {
	Off      bool     `json:"off,omitempty"`
	Severity Severity `json:"severity,omitempty"`
}

// CheckOptions configure a check as data, so a unit can keep its policy in
// a JSON file: {"rules": {"II.07b/R04": {"severity": "info"}}}. The zero
// value runs every rule at its default severity.
type CheckOptions struct {
	Rules map[RuleID]RuleOverride `json:"rules,omitempty"`
}

// resolve returns the severity a rule runs at, and false when it is off.
func (o *CheckOptions) resolve(r *Rule) (Severity, bool) {
	sev := r.Severity
	if o != nil && o.Rules != nil {
		if ov, ok := o.Rules[r.ID]; ok {
			if ov.Off {
				return 0, false
			}
			if ov.Severity.Valid() {
				sev = ov.Severity
			}
		}
	}
	return sev, true
}

// Validate reports overrides that name no rule of the given catalogue (a
// misspelt ID would otherwise silently change nothing) and overrides with an
// invalid severity. Errors match ErrUnknownRule or ErrBadSeverity.
func (o CheckOptions) Validate(rules []Rule) error {
	known := make(map[RuleID]bool, len(rules))
	for i := range rules {
		known[rules[i].ID] = true
	}
	ids := slices.Sorted(maps.Keys(o.Rules))
	for _, id := range ids {
		if !known[id] {
			return fmt.Errorf("kstt: check options: %w: %q", ErrUnknownRule, id)
		}
		if s := o.Rules[id].Severity; s != 0 && !s.Valid() {
			return fmt.Errorf("kstt: check options: rule %s: %w", id, ErrBadSeverity)
		}
	}
	return nil
}

// ParseCheckOptions reads options from JSON and validates them against the
// given rules.
func ParseCheckOptions(data []byte, rules []Rule) (CheckOptions, error) {
	// Severities are read as text first so that an error names the rule.
	var raw struct {
		Rules map[RuleID]struct {
			Off      bool   `json:"off,omitempty"`
			Severity string `json:"severity,omitempty"`
		} `json:"rules,omitempty"`
	}
	if err := UnmarshalStrict(data, &raw, 0); err != nil {
		return CheckOptions{}, fmt.Errorf("kstt: check options: %w", err)
	}
	o := CheckOptions{}
	if raw.Rules != nil {
		o.Rules = make(map[RuleID]RuleOverride, len(raw.Rules))
	}
	for id, r := range raw.Rules {
		ov := RuleOverride{Off: r.Off}
		if r.Severity != "" {
			sev, err := ParseSeverity(r.Severity)
			if err != nil {
				return CheckOptions{}, fmt.Errorf("kstt: check options: rule %s: %w", id, err)
			}
			ov.Severity = sev
		}
		o.Rules[id] = ov
	}
	return o, o.Validate(rules)
}
