package decl

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/baocaodinhky/vpcp/internal/vntext"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/period"
)

// Schema is a compiled declaration: the kstt.FormSpec that Fill, Check and
// Layout read, the rules that reach beyond the form (cross-form and
// narrative rules, for a catalogue's report rules; "= 0" rules, as
// catalogue checks), and what a generic Form needs to hold the form's
// data. A Schema is immutable and safe for concurrent use.
type Schema struct {
	decl   Declaration
	spec   *kstt.FormSpec
	report []kstt.Rule
	checks []kstt.ReportCheck
	parts  []partInfo
	quick  quickPlan
}

type partInfo struct {
	width    int            // MaxNum()+1
	numeric  []int          // count and flag columns
	rates    []int          // rate columns
	keys     map[string]int // column key → number
	groups   bool           // the part may have level or section rows
	levels   []Group
	sections []Group
}

// Spec returns the form's declaration as the engine reads it. Treat it as
// read-only.
func (s *Schema) Spec() *kstt.FormSpec { return s.spec }

// Declaration returns a copy of the declaration the schema was compiled
// from.
func (s *Schema) Declaration() Declaration { return s.decl }

// Edition returns the regime the form belongs to and the periods it
// applies to.
func (s *Schema) Edition() Edition { return s.decl.Edition }

// ReportRules returns the declaration's rules that relate the form to other
// forms or to the narrative (kstt.Matches and the narrative's AtMost and
// Percentage), for a catalogue's report rules.
func (s *Schema) ReportRules() []kstt.Rule { return append([]kstt.Rule(nil), s.report...) }

// Checks returns the declaration's "= 0" rules as catalogue checks (rule
// kind kstt.Custom).
func (s *Schema) Checks() []kstt.ReportCheck { return append([]kstt.ReportCheck(nil), s.checks...) }

// AddTo adds the form to a catalogue: its declaration, a constructor of
// empty generic forms (for Catalogue.DecodeReport and the form readers),
// its report rules and checks. A form of the same code is replaced (an
// edition of a form that differs from the catalogue's). It fails when the
// catalogue, with the form, does not validate (a cross-form rule naming a
// form or column the catalogue lacks, a rule ID used twice); the catalogue
// is then left as it was.
func (s *Schema) AddTo(cat *kstt.Catalogue) error {
	next := kstt.Catalogue{New: map[string]func() kstt.Form{}}
	placed := false
	for _, f := range cat.Forms {
		if f.Code == s.spec.Code {
			f, placed = s.spec, true // in the old one's place
		}
		next.Forms = append(next.Forms, f)
	}
	maps.Copy(next.New, cat.New)
	next.Report = append([]kstt.Rule(nil), cat.Report...)
	next.Checks = append([]kstt.ReportCheck(nil), cat.Checks...)
	if !placed {
		next.Forms = append(next.Forms, s.spec)
	}
	next.New[s.spec.Code] = func() kstt.Form { return s.New(kstt.Header{}) }
	next.Report = append(next.Report, s.report...)
	next.Checks = append(next.Checks, s.checks...)
	if err := next.Validate(); err != nil {
		return &Error{Path: "$", Msg: "the catalogue with form " + s.spec.Code + " does not validate", Err: err}
	}
	*cat = next
	return nil
}

// NewCatalogue builds a catalogue of the given forms (each added with
// AddTo), with no other report rule.
func NewCatalogue(schemas ...*Schema) (*kstt.Catalogue, error) {
	cat := &kstt.Catalogue{New: map[string]func() kstt.Form{}}
	for _, s := range schemas {
		if err := s.AddTo(cat); err != nil {
			return nil, err
		}
	}
	return cat, nil
}

// MustCompile is Compile for declarations known to be valid (a package's
// own): it panics on an error.
func MustCompile(d *Declaration) *Schema {
	s, err := Compile(d)
	if err != nil {
		panic(err)
	}
	return s
}

// Compile checks a declaration and compiles it. Errors are *Error values
// naming the JSON path of the value at fault (the same path for a Go
// value: "$.parts[0].columns[3].num" is d.Parts[0].Columns[3].Num). It
// never panics and does not keep d.
func Compile(d *Declaration) (*Schema, error) {
	if d == nil {
		return nil, errAt("$", "no declaration")
	}
	c := compiler{d: d}
	s := c.compile()
	if c.err != nil {
		return nil, c.err
	}
	return s, nil
}

type compiler struct {
	d   *Declaration
	err *Error
}

func (c *compiler) fail(path, format string, args ...any) {
	if c.err == nil {
		c.err = errAt(path, format, args...)
	}
}

var columnKinds = map[string]layout.ColumnKind{"text": layout.TextColumn, "count": layout.CountColumn, "rate": layout.RateColumn, "flag": layout.FlagColumn}

// reservedKeys are JSON field names of a generic form's rows.
var reservedKeys = map[string]bool{"level": true, "section": true, "title": true, "kind": true}

func (c *compiler) compile() *Schema {
	d := c.d
	code := strings.TrimSpace(d.Code)
	switch {
	case code == "":
		c.fail("$.code", "a form needs a code, e.g. \"II.06a\"")
	case code != d.Code || strings.ContainsAny(code, " \t\n"):
		c.fail("$.code", "a code has no spaces: %q", d.Code)
	case strings.TrimSpace(d.Title) == "":
		c.fail("$.title", "a form needs its title as printed")
	case len(d.Parts) == 0:
		c.fail("$.parts", "a form needs at least one part (table)")
	}
	if c.err != nil {
		return nil
	}
	e := d.Edition
	if !e.ValidFrom.IsZero() && !e.ValidFrom.IsValid() {
		c.fail("$.edition.valid_from", "not a valid date")
	}
	if !e.ValidFrom.IsZero() && !e.ValidTo.IsZero() && e.ValidTo.Before(e.ValidFrom) {
		c.fail("$.edition.valid_to", "%s is before valid_from %s", e.ValidTo, e.ValidFrom)
	}
	s := &Schema{decl: cloneDecl(d)}
	spec := &kstt.FormSpec{Code: code, Title: vntext.NFC(d.Title), Unit: vntext.NFC(d.Unit), Basis: vntext.NFC(d.Basis), Printed: vntext.NFC(d.Printed)}
	partIDs := map[string]int{}
	for pi, p := range d.Parts {
		pp := fmt.Sprintf("$.parts[%d]", pi)
		if _, dup := partIDs[p.ID]; dup {
			c.fail(pp+".id", "part %q is declared twice", p.ID)
			return nil
		}
		if len(d.Parts) > 1 && p.ID == "" {
			c.fail(pp+".id", "a form of several parts names each (\"I\", \"II\")")
			return nil
		}
		partIDs[p.ID] = pi
		ps := kstt.PartSpec{ID: p.ID, Title: vntext.NFC(p.Title)}
		info := partInfo{keys: map[string]int{}}
		seen := map[int]int{}
		for ci, col := range p.Columns {
			cp := fmt.Sprintf("%s.columns[%d]", pp, ci)
			kind, ok := columnKinds[col.Kind]
			switch {
			case col.Num < 1 || col.Num > 200:
				c.fail(cp+".num", "column numbers run from 1 to 200, found %d", col.Num)
			case seen[col.Num] > 0:
				c.fail(cp+".num", "duplicate column number (%d): also %s.columns[%d]", col.Num, pp, seen[col.Num]-1)
			case col.Num != ci+1:
				c.fail(cp+".num", "columns are declared in order (1), (2), … without gaps: want (%d), found (%d)", ci+1, col.Num)
			case col.Key == "" || strings.ContainsAny(col.Key, " \"\\"):
				c.fail(cp+".key", "a column needs a key without spaces or quotes (the JSON field of its data), found %q", col.Key)
			case reservedKeys[col.Key]:
				c.fail(cp+".key", "%q is reserved for the rows' JSON", col.Key)
			case info.keys[col.Key] > 0:
				c.fail(cp+".key", "key %q is also column (%d)", col.Key, info.keys[col.Key])
			case strings.TrimSpace(col.Label) == "":
				c.fail(cp+".label", "a column needs its label as printed")
			case !ok:
				c.fail(cp+".kind", "want text, count, rate or flag, found %q", col.Kind)
			case col.Num <= 2 && kind != layout.TextColumn:
				c.fail(cp+".kind", "columns (1) STT and (2) the row label are text")
			case col.Num > 2 && kind == layout.TextColumn:
				c.fail(cp+".kind", "only columns (1) and (2) are text; column (%d) holds numbers (count, rate or flag)", col.Num)
			}
			if c.err != nil {
				return nil
			}
			seen[col.Num] = ci + 1
			info.keys[col.Key] = col.Num
			groups := make([]string, len(col.Groups))
			for gi, g := range col.Groups {
				if strings.TrimSpace(g) == "" {
					c.fail(fmt.Sprintf("%s.groups[%d]", cp, gi), "a header group is empty")
					return nil
				}
				groups[gi] = vntext.NFC(g)
			}
			if len(groups) == 0 {
				groups = nil
			}
			ps.Columns = append(ps.Columns, kstt.Column{Num: col.Num, Key: col.Key, Label: vntext.NFC(col.Label), Groups: groups, Kind: kind, Width: col.Width})
			switch kind {
			case layout.CountColumn, layout.FlagColumn:
				info.numeric = append(info.numeric, col.Num)
			case layout.RateColumn:
				info.rates = append(info.rates, col.Num)
			}
		}
		if len(p.Columns) < 3 {
			c.fail(pp+".columns", "a part needs (1) STT, (2) the row label and at least one number column")
			return nil
		}
		info.width = len(p.Columns) + 1
		for _, kind := range []struct {
			name string
			list []Group
		}{{"levels", p.Rows.Levels}, {"sections", p.Rows.Sections}} {
			for gi, g := range kind.list {
				if strings.TrimSpace(g.Title) == "" {
					c.fail(fmt.Sprintf("%s.rows.%s[%d].title", pp, kind.name, gi), "a group row needs its title")
					return nil
				}
			}
		}
		info.levels, info.sections = p.Rows.Levels, p.Rows.Sections
		info.groups = len(p.Rows.Levels) > 0 || len(p.Rows.Sections) > 0
		s.parts = append(s.parts, info)
		spec.Parts = append(spec.Parts, ps)
	}
	ids := map[string]int{}
	for ri := range d.Rules {
		rp := fmt.Sprintf("$.rules[%d]", ri)
		r := &d.Rules[ri]
		if r.ID == "" {
			c.fail(rp+".id", "a rule needs an ID, e.g. %q", code+"/R01")
			return nil
		}
		if j, dup := ids[r.ID]; dup {
			c.fail(rp+".id", "rule ID %q is also $.rules[%d]", r.ID, j)
			return nil
		}
		ids[r.ID] = ri
		c.rule(s, spec, partIDs, rp, r)
		if c.err != nil {
			return nil
		}
	}
	if err := spec.Validate(); err != nil {
		c.err = &Error{Path: "$", Msg: "the compiled form does not validate", Err: err}
		return nil
	}
	s.spec = spec
	s.quick = planQuick(spec, s.parts)
	return s
}

func cloneDecl(d *Declaration) Declaration {
	out := *d
	out.Inferred = append([]string(nil), d.Inferred...)
	out.Parts = make([]Part, len(d.Parts))
	for i, p := range d.Parts {
		p.Columns = append([]Column(nil), p.Columns...)
		for j := range p.Columns {
			p.Columns[j].Groups = append([]string(nil), p.Columns[j].Groups...)
		}
		p.Rows.Fields = append([]string(nil), p.Rows.Fields...)
		p.Rows.Levels = append([]Group(nil), p.Rows.Levels...)
		p.Rows.Sections = append([]Group(nil), p.Rows.Sections...)
		out.Parts[i] = p
	}
	out.Rules = append([]Rule(nil), d.Rules...)
	return out
}

// rule compiles one rule declaration into spec's rules, the schema's
// report rules or its checks.
func (c *compiler) rule(s *Schema, spec *kstt.FormSpec, partIDs map[string]int, rp string, r *Rule) {
	code := spec.Code
	e, err := ParseRule(r.Rule)
	if err != nil {
		c.err = &Error{Path: rp + ".rule", Msg: "the rule does not parse", Err: err}
		return
	}
	// Refs to the form itself lose the code; refs to another form or the
	// narrative make a report rule.
	cross := false
	own := func(x *kstt.Ref) {
		if x.Form == code {
			x.Form = ""
		}
		if x.Form != "" || x.Field != "" {
			cross = true
		}
	}
	own(&e.Target)
	for i := range e.Terms {
		own(&e.Terms[i])
	}
	for i := range e.Targets {
		own(&e.Targets[i])
	}
	sev := kstt.Error
	switch {
	case e.Op == OpAtMost || e.Op == OpRate || e.Op == OpZero || r.Check:
		sev = kstt.Warning
	}
	if r.Severity != "" {
		v, err := kstt.ParseSeverity(r.Severity)
		if err != nil {
			c.err = &Error{Path: rp + ".severity", Msg: "want error, warning or info", Err: err}
			return
		}
		sev = v
	}
	if r.Check && e.Op != OpSum {
		c.fail(rp+".check", "only a sum \"(a) = (b) + (c)\" can be declared a check-only identity")
		return
	}
	if !r.From.IsZero() && e.Op != OpZero {
		c.fail(rp+".from", "only a \"= 0\" rule can depend on the period (from)")
		return
	}
	if r.Places != 0 && e.Op != OpRate {
		c.fail(rp+".places", "only a rate has decimal places")
		return
	}
	basis := cmp.Or(r.Basis, spec.Basis)
	if basis == "" {
		c.fail(rp+".basis", "a rule needs its legal basis (or the form its basis)")
		return
	}
	kr := kstt.Rule{ID: kstt.RuleID(r.ID), Severity: sev, Expr: vntext.NFC(strings.TrimSpace(r.Rule)), Basis: vntext.NFC(basis),
		Meaning: vntext.NFC(r.Meaning), MeaningEN: r.MeaningEN, Inferred: r.Inferred, Note: vntext.NFC(r.Note), NoteEN: r.NoteEN,
		Target: e.Target, Terms: e.Terms}
	// Resolve and check the cells of the form's own parts.
	check := func(x *kstt.Ref, want ...layout.ColumnKind) bool {
		if x.Form != "" || x.Field != "" {
			return true
		}
		pi, ok := partIDs[x.Part]
		if !ok {
			if x.Part == "" && len(spec.Parts) > 1 {
				c.fail(rp+".rule", "the form has parts %s: name one (\"Phần I: …\" or \"Phần I (8)\")", partList(spec))
			} else {
				c.fail(rp+".rule", "the form has no part %q (parts: %s)", x.Part, partList(spec))
			}
			return false
		}
		if x.Col == 0 {
			return true
		}
		col := spec.Parts[pi].Column(x.Col)
		if col == nil {
			c.fail(rp+".rule", "column (%d) does not exist in %s (columns (1) to (%d))", x.Col, partName(x.Part), len(spec.Parts[pi].Columns))
			return false
		}
		if slices.Contains(want, col.Kind) {
			return true
		}
		c.fail(rp+".rule", "column (%d) of %s is a %s column, want %s", x.Col, partName(x.Part), col.Kind, kindList(want))
		return false
	}
	num := []layout.ColumnKind{layout.CountColumn, layout.FlagColumn}
	switch e.Op {
	case OpTotal, OpNonNegative:
		if cross {
			c.fail(rp+".rule", "a TỔNG CỘNG or \"≥ 0\" rule belongs to the form's own parts")
			return
		}
		if !check(&kr.Target) {
			return
		}
		kr.Kind = kstt.SumOfRows
		if e.Op == OpNonNegative {
			kr.Kind = kstt.NonNegative
		}
		c.ownRule(spec, rp, &kr, e)
	case OpFlag:
		if cross {
			c.fail(rp+".rule", "a flag rule belongs to the form's own columns")
			return
		}
		if !check(&kr.Target, layout.FlagColumn) {
			return
		}
		kr.Kind = kstt.FlagOnly
		c.ownRule(spec, rp, &kr, e)
	case OpSum, OpAtMost, OpRate:
		if cross {
			switch e.Op {
			case OpSum:
				kr.Kind = kstt.Matches
			case OpAtMost:
				kr.Kind = kstt.AtMost
			default:
				kr.Kind = kstt.Percentage
				kr.Places = placesOf(r)
			}
			for _, x := range append([]kstt.Ref{kr.Target}, kr.Terms...) {
				if x.Form == "" && x.Field == "" {
					// A cell of this form in a report rule: name the form.
					if !check(&x, num...) {
						return
					}
				}
			}
			for i := range kr.Terms {
				if kr.Terms[i].Form == "" && kr.Terms[i].Field == "" {
					kr.Terms[i].Form = code
				}
			}
			if kr.Target.Form == "" && kr.Target.Field == "" {
				kr.Target.Form = code
			}
			c.defaults(&kr, e)
			s.report = append(s.report, kr)
			return
		}
		switch e.Op {
		case OpSum:
			kr.Kind = kstt.SumOfColumns
			if r.Check {
				kr.Kind = kstt.Balance
			}
			if len(kr.Terms) < 2 {
				c.fail(rp+".rule", "a sum of one column is no formula: write (a) = (b) + (c)")
				return
			}
			if !check(&kr.Target, layout.CountColumn) {
				return
			}
			for i := range kr.Terms {
				if !check(&kr.Terms[i], layout.CountColumn) {
					return
				}
				if kr.Terms[i].Part != kr.Target.Part {
					c.fail(rp+".rule", "the terms of a sum are in the target's part")
					return
				}
			}
		case OpAtMost:
			kr.Kind = kstt.AtMost
			if !check(&kr.Target, num...) || !check(&kr.Terms[0], num...) {
				return
			}
		case OpRate:
			kr.Kind = kstt.Percentage
			kr.Places = placesOf(r)
			if !check(&kr.Target, layout.RateColumn) || !check(&kr.Terms[0], num...) || !check(&kr.Terms[1], num...) {
				return
			}
		}
		c.ownRule(spec, rp, &kr, e)
	case OpZero:
		if cross && len(e.Targets) > 0 {
			for _, x := range e.Targets {
				if x.Form != "" || x.Field != "" {
					c.fail(rp+".rule", "a \"= 0\" rule of a declaration names its own columns")
					return
				}
			}
		}
		pi, ok := partIDs[e.Part]
		if len(e.Targets) > 0 {
			for i := range e.Targets {
				if !check(&e.Targets[i], num...) {
					return
				}
				if e.Targets[i].Part != e.Targets[0].Part {
					c.fail(rp+".rule", "the columns of a \"= 0\" rule are in one part")
					return
				}
			}
			pi = partIDs[e.Targets[0].Part]
		} else if !ok {
			c.fail(rp+".rule", "the form has no part %q (parts: %s)", e.Part, partList(spec))
			return
		} else if len(s.parts[pi].levels) == 0 && len(s.parts[pi].sections) == 0 {
			c.fail(rp+".rule", "«%s» = 0 needs group rows: %s declares no levels or sections", e.Group, partName(e.Part))
			return
		}
		kr.Kind = kstt.Custom
		kr.Target = kstt.Ref{Form: code, Part: spec.Parts[pi].ID}
		kr.Terms = nil
		for _, x := range e.Targets {
			kr.Terms = append(kr.Terms, kstt.Ref{Form: code, Part: x.Part, Col: x.Col})
		}
		c.defaults(&kr, e)
		if !r.From.IsValid() && !r.From.IsZero() {
			c.fail(rp+".from", "not a valid date")
			return
		}
		s.checks = append(s.checks, ZeroCheck(kr, e.Group, r.From))
	}
}

// ownRule adds a rule of the form's own cells to spec.
func (c *compiler) ownRule(spec *kstt.FormSpec, rp string, kr *kstt.Rule, e *Expr) {
	c.defaults(kr, e)
	if !strings.HasPrefix(string(kr.ID), spec.Code+"/") {
		c.fail(rp+".id", "a rule of the form's own cells has an ID that starts with %q", spec.Code+"/")
		return
	}
	spec.Rules = append(spec.Rules, *kr)
}

func placesOf(r *Rule) int32 {
	if r.Places == 0 {
		return 2
	}
	return r.Places
}

func partList(spec *kstt.FormSpec) string {
	var ids []string
	for _, p := range spec.Parts {
		ids = append(ids, strconv.Quote(p.ID))
	}
	return strings.Join(ids, ", ")
}

func partName(id string) string {
	if id == "" {
		return "the form"
	}
	return "Phần " + id
}

func kindList(ks []layout.ColumnKind) string {
	var s []string
	for _, k := range ks {
		s = append(s, k.String())
	}
	return strings.Join(s, " or ")
}

// defaults fills a rule's meaning from its notation when the declaration
// gives none.
func (c *compiler) defaults(kr *kstt.Rule, e *Expr) {
	if kr.Meaning != "" && kr.MeaningEN != "" {
		return
	}
	cols := func(refs []kstt.Ref) string {
		var s []string
		for _, r := range refs {
			s = append(s, r.String())
		}
		return strings.Join(s, ", ")
	}
	var vi, en string
	switch kr.Kind {
	case kstt.SumOfColumns, kstt.Balance, kstt.Matches:
		vi = fmt.Sprintf("%s bằng tổng %s", kr.Target, cols(kr.Terms))
		en = fmt.Sprintf("%s equals the sum of %s", kr.Target, cols(kr.Terms))
	case kstt.SumOfRows:
		vi, en = "mỗi cột số của dòng TỔNG CỘNG bằng tổng các dòng", "every count column of TỔNG CỘNG equals the sum of the rows"
	case kstt.NonNegative:
		vi, en = "số lượng không được âm", "counts are never negative"
	case kstt.AtMost:
		vi = fmt.Sprintf("%s không lớn hơn %s", kr.Target, kr.Terms[0])
		en = fmt.Sprintf("%s does not exceed %s", kr.Target, kr.Terms[0])
	case kstt.Percentage:
		vi = fmt.Sprintf("tỷ lệ %s = %s ÷ %s × 100", kr.Target, kr.Terms[0], kr.Terms[1])
		en = fmt.Sprintf("rate %s = %s ÷ %s × 100", kr.Target, kr.Terms[0], kr.Terms[1])
	case kstt.FlagOnly:
		vi = fmt.Sprintf("%s chỉ nhận 0 (không) hoặc 1 (có)", kr.Target)
		en = fmt.Sprintf("%s is 0 (no) or 1 (yes)", kr.Target)
	case kstt.Custom:
		if e.Group != "" {
			vi = fmt.Sprintf("các dòng thuộc «%s» ghi 0", e.Group)
			en = fmt.Sprintf("the rows under «%s» hold 0", e.Group)
		} else {
			vi = fmt.Sprintf("%s ghi 0", cols(e.Targets))
			en = fmt.Sprintf("%s hold 0", cols(e.Targets))
		}
	}
	kr.Meaning = cmp.Or(kr.Meaning, vi)
	kr.MeaningEN = cmp.Or(kr.MeaningEN, en)
}

// ZeroCheck is the catalogue check of a "= 0" rule: in every form of code
// rule.Target.Form in a report, the columns rule.Terms (or, when group is
// set, every count and flag column of the data rows under the level or
// section row titled group, matched after NFC, space and case folding)
// hold 0 — when from is set, only for periods that reach from (their last
// day is on or after it). A finding names the row, the column and the
// cell; for a period that starts before from it says that the figures of
// the days before may be legitimate. rule is returned as the check's Rule
// with Kind kstt.Custom.
func ZeroCheck(rule kstt.Rule, group string, from period.Date) kstt.ReportCheck {
	rule.Kind = kstt.Custom
	code, part := rule.Target.Form, rule.Target.Part
	var cols []int
	for _, t := range rule.Terms {
		cols = append(cols, t.Col)
	}
	gkey := vntext.Key(group)
	run := func(r *kstt.Report) kstt.Findings {
		var out kstt.Findings
		for _, f := range r.Forms {
			if f == nil || f.Spec().Code != code {
				continue
			}
			p := f.FormHeader().Period
			if p.IsZero() {
				p = r.Header.Period
			}
			if !from.IsZero() && (p.IsZero() || p.End().Before(from)) {
				continue
			}
			spec := f.Spec()
			pi := spec.PartIndex(part)
			if pi < 0 {
				continue
			}
			ps := &spec.Parts[pi]
			check := cols
			if group != "" {
				check = nil
				for _, c := range ps.Columns {
					if c.Kind == layout.CountColumn || c.Kind == layout.FlagColumn {
						check = append(check, c.Num)
					}
				}
			}
			t := f.Table(pi)
			buf := make([]int64, ps.MaxNum()+1)
			for i := 0; i < t.Len(); i++ {
				meta := t.Row(i)
				if meta.Kind != layout.DataRow || (group != "" && vntext.Key(meta.Group) != gkey) {
					continue
				}
				t.Ints(i, buf)
				for _, col := range check {
					if col >= len(buf) || buf[col] == 0 {
						continue
					}
					v := buf[col]
					fd := kstt.Finding{Form: code, Part: part, Row: i, RowLabel: meta.Label, Group: meta.Group, Column: col,
						Expected: "0", Actual: strconv.FormatInt(v, 10)}
					fd.Message = fmt.Sprintf("(%d) ghi %d ở kỳ %s", col, v, periodName(p))
					fd.MessageEN = fmt.Sprintf("(%d) is %d in %s", col, v, periodEN(p))
					if !from.IsZero() && !p.IsZero() && p.Start().Before(from) {
						fd.Message += fmt.Sprintf(" (kỳ bắt đầu %s, trước %s: số liệu của những ngày trước đó có thể hợp lệ)", p.Start().Vietnamese(), from.Vietnamese())
						fd.MessageEN += fmt.Sprintf(" (the period starts %s, before %s: figures of the days before may be legitimate)", p.Start().Vietnamese(), from.Vietnamese())
					}
					out = append(out, fd)
				}
			}
		}
		return out
	}
	return kstt.ReportCheck{Rule: rule, Run: run}
}

func periodName(p period.Period) string {
	if p.IsZero() {
		return "(chưa ghi)"
	}
	return p.String()
}

func periodEN(p period.Period) string {
	if p.IsZero() {
		return "(no period)"
	}
	return p.English()
}
