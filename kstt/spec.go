package kstt

import (
	"fmt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
	"strconv"
	"strings"
)

// Column declares one official column of a form: its number as printed in
// the column-number row, its leaf label exactly as the form prints it (NFC),
// the header groups above it and what it holds.
type Column struct {
	Num    int               `json:"num"`              // official column number (n)
	Key    string            `json:"key"`              // stable English key, used as the JSON field name
	Label  string            `json:"label"`            // leaf label as printed, e.g. "Trực tuyến"
	Groups []string          `json:"groups,omitempty"` // header groups, outermost first, e.g. ["Số lượng hồ sơ tiếp nhận", "Trong kỳ"]
	Kind   layout.ColumnKind `json:"kind"`
	Width  int               `json:"width,omitempty"` // suggested printed width in characters (0: derived from the label)
}

// PartSpec declares one table of a form. Most forms have one part with an
// empty ID; II.07b has Parts "I" and "II".
type PartSpec struct {
	ID      string   `json:"id,omitempty"`
	Title   string   `json:"title,omitempty"` // e.g. "I. SỐ LƯỢNG TTHC TRIỂN KHAI TẠI BỘ PHẬN MỘT CỬA"
	Columns []Column `json:"columns"`
}

// Column returns the column numbered n, or nil.
func (p *PartSpec) Column(n int) *Column {
	for i := range p.Columns {
		if p.Columns[i].Num == n {
			return &p.Columns[i]
		}
	}
	return nil
}

// MaxNum is the largest column number of the part.
func (p *PartSpec) MaxNum() int {
	m := 0
	for _, c := range p.Columns {
		m = max(m, c.Num)
	}
	return m
}

// FormSpec is the one declaration of an official form (one declaration,
// three uses): its code, title, unit of measure, parts with
// their columns, and its rules. Fill, Check and Layout all read it.
type FormSpec struct {
	Code  string     `json:"code"`  // short code, e.g. "II.06a"
	Title string     `json:"title"` // title as printed, upper case
	Unit  string     `json:"unit"`  // Đơn vị tính, e.g. "Số hồ sơ TTHC"
	Basis string     `json:"basis"` // legal basis of the form
	Parts []PartSpec `json:"parts"`
	Rules []Rule     `json:"rules"`

	// Printed is the code as the form prints it top left when it is not
	// "Biểu số <Code>/VPCP/KSTT" (a ministry's or a province's form, e.g.
	// "Biểu số 07a/BTP"); "" for the forms of Thông tư 01/2020/TT-VPCP.
	Printed string `json:"printed,omitempty"`
}

// Clone returns a deep copy of the declaration, to change without
// affecting the original (package bieu's declarations are shared).
func (s *FormSpec) Clone() *FormSpec {
	c := *s
	c.Parts = make([]PartSpec, len(s.Parts))
	for i, p := range s.Parts {
		p.Columns = append([]Column(nil), p.Columns...)
		for j := range p.Columns {
			p.Columns[j].Groups = append([]string(nil), p.Columns[j].Groups...)
		}
		c.Parts[i] = p
	}
	c.Rules = make([]Rule, len(s.Rules))
	for i, r := range s.Rules {
		r.Terms = append([]Ref(nil), r.Terms...)
		c.Rules[i] = r
	}
	return &c
}

// FullCode is the code as the form prints it top left:
// "Biểu số II.06a/VPCP/KSTT", or Printed when it is set.
func (s *FormSpec) FullCode() string {
	if s.Printed != "" {
		return s.Printed
	}
	return "Biểu số " + s.Code + "/VPCP/KSTT"
}

// Part returns the part with the given ID, or nil.
func (s *FormSpec) Part(id string) *PartSpec {
	if i := s.PartIndex(id); i >= 0 {
		return &s.Parts[i]
	}
	return nil
}

// PartIndex returns the index of the part with the given ID, or -1.
func (s *FormSpec) PartIndex(id string) int {
	for i := range s.Parts {
		if s.Parts[i].ID == id {
			return i
		}
	}
	return -1
}

// Rule returns the rule with the given ID, or nil.
func (s *FormSpec) Rule(id RuleID) *Rule {
	for i := range s.Rules {
		if s.Rules[i].ID == id {
			return &s.Rules[i]
		}
	}
	return nil
}

// NumberLabel is the text of column n's cell in the column-number row: "(n)"
// or, for a column that a SumOfColumns rule derives, the printed formula
// "(3)=(4)+(5)+(6)".
func (s *FormSpec) NumberLabel(part string, n int) string {
	for i := range s.Rules {
		r := &s.Rules[i]
		if r.Kind == SumOfColumns && r.Target.Part == part && r.Target.Col == n {
			var b strings.Builder
			fmt.Fprintf(&b, "(%d)=", n)
			for j, t := range r.Terms {
				if j > 0 {
					b.WriteByte('+')
				}
				fmt.Fprintf(&b, "(%d)", t.Col)
			}
			return b.String()
		}
	}
	return "(" + strconv.Itoa(n) + ")"
}

// Validate checks the declaration: columns numbered 1… without gaps in each
// part, keys unique, every rule ID unique and prefixed by the form code,
// every rule of a valid kind and severity and referring to existing columns
// of the right kind. Catalogues call it once when they are built; a form of
// your own should too.
func (s *FormSpec) Validate() error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("kstt: form %s: %w: %s", s.Code, ErrBadRule, fmt.Sprintf(format, args...))
	}
	if s.Code == "" || len(s.Parts) == 0 {
		return bad("code and at least one part are required")
	}
	for pi := range s.Parts {
		p := &s.Parts[pi]
		keys := map[string]bool{}
		for i, c := range p.Columns {
			if c.Num != i+1 {
				return bad("part %q: column %d is numbered %d", p.ID, i+1, c.Num)
			}
			if c.Key == "" || keys[c.Key] {
				return bad("part %q: column (%d) has an empty or repeated key %q", p.ID, c.Num, c.Key)
			}
			keys[c.Key] = true
			if c.Kind < layout.TextColumn || c.Kind > layout.FlagColumn {
				return bad("part %q: column (%d) has no kind", p.ID, c.Num)
			}
		}
	}
	ids := map[RuleID]bool{}
	for i := range s.Rules {
		r := &s.Rules[i]
		if !strings.HasPrefix(string(r.ID), s.Code+"/") || ids[r.ID] {
			return bad("rule ID %q is repeated or not prefixed by %q", r.ID, s.Code+"/")
		}
		ids[r.ID] = true
		if !r.Severity.Valid() {
			return bad("rule %s has no severity", r.ID)
		}
		if r.Expr == "" || r.Meaning == "" || r.MeaningEN == "" || r.Basis == "" {
			return bad("rule %s lacks its expression, basis or meaning", r.ID)
		}
		refs := append([]Ref{r.Target}, r.Terms...)
		for _, ref := range refs {
			if ref.Form != "" && ref.Form != s.Code {
				return bad("rule %s refers to form %s: cross-form rules belong to a report", r.ID, ref.Form)
			}
			p := s.Part(ref.Part)
			if p == nil {
				return bad("rule %s refers to part %q that the form lacks", r.ID, ref.Part)
			}
			if ref.Col == 0 && (r.Kind == SumOfRows || r.Kind == NonNegative) {
				continue
			}
			c := p.Column(ref.Col)
			if c == nil || !c.Kind.Numeric() {
				return bad("rule %s refers to column (%d) of part %q, which is not a numeric column", r.ID, ref.Col, ref.Part)
			}
			want := layout.CountColumn
			switch {
			case r.Kind == Percentage && ref == r.Target:
				want = layout.RateColumn
			case r.Kind == FlagOnly:
				want = layout.FlagColumn
			}
			if c.Kind != want && !(want == layout.CountColumn && c.Kind == layout.FlagColumn && r.Kind != SumOfColumns) {
				return bad("rule %s: column (%d) is a %s column, want %s", r.ID, c.Num, c.Kind, want)
			}
		}
		switch r.Kind {
		case SumOfColumns, Balance:
			if len(r.Terms) < 2 {
				return bad("rule %s: a sum needs at least two terms", r.ID)
			}
		case AtMost:
			if len(r.Terms) != 1 {
				return bad("rule %s: at-most compares with one column", r.ID)
			}
		case Percentage:
			if len(r.Terms) != 2 {
				return bad("rule %s: a percentage needs a numerator and a denominator", r.ID)
			}
		case SumOfRows, NonNegative, FlagOnly:
		default:
			return bad("rule %s: kind %s does not belong to a form", r.ID, r.Kind)
		}
	}
	return nil
}
