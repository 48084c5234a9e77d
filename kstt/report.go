package kstt

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/baocaodinhky/vpcp/internal/safeint"
	"github.com/baocaodinhky/vpcp/internal/vntext"
	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/kstt/outline"
	"github.com/baocaodinhky/vpcp/period"
)

// Report is what one unit files for one period (Thông tư 01/2020/TT-VPCP,
// Điều 4 and Phụ lục II): the narrative report and its annexed forms. A
// Catalogue checks it as a whole, cross-form rules included. Build it with
// NewReport, which gives the header to every form that leaves it empty; a
// Report literal leaves the forms' headers as they are.
type Report struct {
	Header    Header             `json:"header"`
	Narrative *outline.Narrative `json:"narrative,omitempty"`
	Forms     []Form             `json:"-"` // written as "forms" by MarshalJSON
	// Origins[i], when the report was read from a file (bieu.Read),
	// records where each cell of Forms[i] was read from, so that the
	// findings of Catalogue.Check name their cell (Finding.Cell:
	// "II.06a!D12", "bao-cao.txt:L60:C7"). It is nil for a report built in
	// code or decoded from JSON, and is not part of the JSON; the forms
	// themselves stay plain values.
	Origins []*Origin `json:"-"`
}

// NewReport builds the report of one unit for one period with its header
// given once (Thông tư 01/2020/TT-VPCP, Phụ lục II: every form repeats the
// report's Đơn vị báo cáo, Đơn vị nhận báo cáo and Kỳ báo cáo). Each form
// of package bieu or kstt/decl (any form with an InheritHeader(Header)
// method) takes the report's value for every header field it leaves
// empty; a field the form already names is kept, so a form whose header
// disagrees with the report's is still a finding (KSTT/R01).
func NewReport(h Header, forms ...Form) *Report {
	for _, f := range forms {
		if hi, ok := f.(headerInheritor); ok {
			hi.InheritHeader(h)
		}
	}
	return &Report{Header: h, Forms: forms}
}

// Inherit returns h with each empty field (unit, recipient, a zero period)
// taken from from; a form's InheritHeader uses it (NewReport).
func (h Header) Inherit(from Header) Header {
	h.Unit = cmp.Or(h.Unit, from.Unit)
	h.Recipient = cmp.Or(h.Recipient, from.Recipient)
	if h.Period.IsZero() {
		h.Period = from.Period
	}
	return h
}

// Form returns the report's form with the given code, or nil.
func (r *Report) Form(code string) Form {
	for _, f := range r.Forms {
		if f.Spec().Code == code {
			return f
		}
	}
	return nil
}

// Fill fills every form of the report (Fill, Thông tư 01/2020/TT-VPCP,
// Phụ lục II): the sums of each data row ((3) = (4) + (5) + (6) …), the
// TỔNG CỘNG row and the rates. A form with a Fill method of its own, as
// every form of bieu and kstt/decl has, is filled by it (the forms of bieu
// also number a blank STT); any other by the function Fill. Every form is
// filled even when one fails; the error joins each failure, each naming
// its form and cell. A nil report, or a nil form, is ErrInvalidReport.
func (r *Report) Fill() error {
	if r == nil {
		return fmt.Errorf("kstt: fill: nil report: %w", ErrInvalidReport)
	}
	var errs []error
	for i, f := range r.Forms {
		if f == nil || isNilForm(f) {
			errs = append(errs, fmt.Errorf("kstt: fill: form %d is nil: %w", i+1, ErrInvalidReport))
			continue
		}
		var err error
		if own, ok := f.(interface{ Fill() error }); ok {
			err = own.Fill()
		} else {
			err = Fill(f)
		}
		if err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// CellAddress returns the address a cell of the first form of the given
// code was read from ("II.06a!D12"), by part, 0-based printed row and
// official column (n); "" when the report (or that form) was not read from
// a file, or the cell was not in it.
func (r *Report) CellAddress(code, part string, row, col int) string {
	if r == nil {
		return ""
	}
	for i, f := range r.Forms {
		if f == nil || isNilForm(f) {
			continue
		}
		if f.Spec().Code == code {
			return r.origin(i).CellAddress(part, row, col)
		}
	}
	return ""
}

// origin returns Origins[i], or nil.
func (r *Report) origin(i int) *Origin {
	if i < len(r.Origins) {
		return r.Origins[i]
	}
	return nil
}

// locate fills the cell of each finding of fs about a cell (a column of a
// row) of form i that names none.
func (r *Report) locate(i int, fs Findings) {
	o := r.origin(i)
	if o == nil {
		return
	}
	for k := range fs {
		f := &fs[k]
		if f.Cell == "" && f.Column > 0 && f.Row >= 0 {
			f.Cell = o.CellAddress(f.Part, f.Row, f.Column)
		}
	}
}

// locateByCode is locate for findings of report-level rules, which name
// their form by code: the first form of that code.
func (r *Report) locateByCode(fs Findings) {
	if len(r.Origins) == 0 {
		return
	}
	for k := range fs {
		f := &fs[k]
		if f.Cell == "" && f.Column > 0 && f.Row >= 0 && f.Form != "" {
			f.Cell = r.CellAddress(f.Form, f.Part, f.Row, f.Column)
		}
	}
}

type reportForm struct {
	Code string          `json:"code"`
	Form json.RawMessage `json:"form"`
}

// reportFormIn is a reportForm as read: the form's text is decoded once
// its code gives its type.
type reportFormIn struct {
	Code string         `json:"code"`
	Form jsontext.Value `json:"form"`
}

type reportJSON struct {
	Header    Header             `json:"header"`
	Narrative *outline.Narrative `json:"narrative,omitempty"`
	Forms     []reportForm       `json:"forms"`
}

// MarshalJSON writes the report with its forms as
// [{"code": "II.06a", "form": {…}}, …] in report order.
func (r Report) MarshalJSON() ([]byte, error) {
	out := reportJSON{Header: r.Header, Narrative: r.Narrative, Forms: []reportForm{}}
	for _, f := range r.Forms {
		b, err := json.Marshal(f)
		if err != nil {
			return nil, err
		}
		out.Forms = append(out.Forms, reportForm{f.Spec().Code, b})
	}
	return json.Marshal(out)
}

// UnmarshalJSON fails: the forms of a report are typed, and only a
// Catalogue knows their types. Use Catalogue.DecodeReport.
func (r *Report) UnmarshalJSON([]byte) error {
	return errors.New("kstt: a Report is decoded by Catalogue.DecodeReport (bieu.Official().DecodeReport), which knows the form types")
}

// Catalogue is a set of form declarations with their constructors, and the
// report-level rules that relate them. Package bieu builds the official one
// (bieu.Official); a unit can build its own with local forms.
type Catalogue struct {
	Forms  []*FormSpec            // form declarations, in catalogue order
	New    map[string]func() Form // constructors by form code, for decoding
	Report []Rule                 // report-level rules (Matches, AtMost, Percentage, SameHeader, ValidPeriodText)
	Checks []ReportCheck          // report-level rules written in Go (kind Custom), run after Report
}

// Spec returns the declaration of the form with the given code, or nil.
func (c *Catalogue) Spec(code string) *FormSpec {
	for _, s := range c.Forms {
		if s.Code == code {
			return s
		}
	}
	return nil
}

// Rules lists every rule of the catalogue: each form's, then the report's.
func (c *Catalogue) Rules() []Rule {
	var out []Rule
	for _, s := range c.Forms {
		out = append(out, s.Rules...)
	}
	out = append(out, c.Report...)
	for i := range c.Checks {
		out = append(out, c.Checks[i].Rule)
	}
	return out
}

// Rule returns the rule with the given ID.
func (c *Catalogue) Rule(id RuleID) (Rule, error) {
	for _, r := range c.Rules() {
		if r.ID == id {
			return r, nil
		}
	}
	return Rule{}, fmt.Errorf("kstt: %w: %q", ErrUnknownRule, id)
}

// ByRule returns the findings of the given rule IDs, and an error matching
// ErrUnknownRule when an ID is none of the catalogue's rules: a misspelt ID
// is an error, never an empty selection. Findings has no ByRule of its own
// for that reason; Findings.Filter selects by any other test.
func (c *Catalogue) ByRule(fs Findings, ids ...RuleID) (Findings, error) {
	known := map[RuleID]bool{}
	for _, r := range c.Rules() {
		known[r.ID] = true
	}
	for _, id := range ids {
		if !known[id] {
			return nil, fmt.Errorf("kstt: %w: %q", ErrUnknownRule, string(id))
		}
	}
	return fs.byRule(ids), nil
}

// Validate checks every form declaration and every report rule: unique IDs
// across the catalogue, references to declared forms, columns and narrative
// figures.
func (c *Catalogue) Validate() error {
	ids := map[RuleID]bool{}
	for _, s := range c.Forms {
		if err := s.Validate(); err != nil {
			return err
		}
		if c.New[s.Code] == nil {
			return fmt.Errorf("kstt: catalogue: %w: form %s has no constructor", ErrBadRule, s.Code)
		}
		for _, r := range s.Rules {
			ids[r.ID] = true
		}
	}
	for i := range c.Report {
		r := &c.Report[i]
		if ids[r.ID] || r.ID == "" || !r.Severity.Valid() || r.Meaning == "" || r.MeaningEN == "" || r.Expr == "" || r.Basis == "" {
			return fmt.Errorf("kstt: catalogue: %w: report rule %q is repeated or incomplete", ErrBadRule, r.ID)
		}
		ids[r.ID] = true
		switch r.Kind {
		case Matches:
			for _, ref := range append([]Ref{r.Target}, r.Terms...) {
				if err := c.checkRef(ref); err != nil {
					return fmt.Errorf("kstt: catalogue: rule %s: %w", r.ID, err)
				}
			}
		case AtMost, Percentage:
			if err := c.validateOutlineRule(r); err != nil {
				return fmt.Errorf("kstt: catalogue: rule %s: %w", r.ID, err)
			}
		case Complete:
			switch r.Target.Field {
			case "forms", "header.unit", "header.recipient", "header.period":
			default:
				return fmt.Errorf("kstt: catalogue: %w: rule %s: complete needs Target.Field forms, header.unit, header.recipient or header.period", ErrBadRule, r.ID)
			}
		case SameHeader, ValidPeriodText:
		default:
			return fmt.Errorf("kstt: catalogue: %w: rule %s of kind %s is not a report rule", ErrBadRule, r.ID, r.Kind)
		}
	}
	return c.validateChecks(ids)
}

func (c *Catalogue) checkRef(ref Ref) error {
	if ref.Field != "" {
		if outline.IsFigureKey(ref.Field) {
			return nil
		}
		return fmt.Errorf("%w: narrative figure %q", ErrBadRule, ref.Field)
	}
	s := c.Spec(ref.Form)
	if s == nil {
		return fmt.Errorf("%w: %q", ErrUnknownForm, ref.Form)
	}
	p := s.Part(ref.Part)
	if p == nil || p.Column(ref.Col) == nil || !p.Column(ref.Col).Kind.Numeric() {
		return fmt.Errorf("%w: %s has no numeric column %s", ErrBadRule, ref.Form, ref)
	}
	return nil
}

// DecodeOptions bound what DecodeReportWith accepts. A zero field takes
// its default.
type DecodeOptions struct {
	MaxRows int // elements of any one array (the rows of a form); default DefaultMaxRows
}

// DecodeReport reads a report written by Report.MarshalJSON, with the
// default DecodeOptions; see DecodeReportWith.
func (c *Catalogue) DecodeReport(data []byte) (*Report, error) {
	return c.DecodeReportWith(data, DecodeOptions{})
}

// DecodeReportWith reads a report written by Report.MarshalJSON. It is
// strict (github.com/go-json-experiment/json, with UnmarshalStrict's
// rules): a key that names no field, at any level, is an error with its
// JSON pointer (ErrUnknownField: "/forms/0/form/rows/3/recieved" — a typo
// never reads as 0), so is a fractional or out-of-range count
// (ErrBadNumber), an array of more than opts.MaxRows elements
// (ErrTooManyRows, found before anything is decoded, so memory stays
// proportional to what is accepted) and data after the report
// (ErrTrailingData); these errors are *JSONError values. A form code the
// catalogue does not know fails with ErrUnknownForm.
func (c *Catalogue) DecodeReportWith(data []byte, opts DecodeOptions) (*Report, error) {
	if opts.MaxRows < 0 {
		return nil, errors.New("kstt: decode report: negative MaxRows")
	}
	maxRows := cmp.Or(opts.MaxRows, DefaultMaxRows)
	fail := func(err error) (*Report, error) { return nil, fmt.Errorf("kstt: decode report: %w", err) }
	// Duplicate and case-twin member names, invalid UTF-8, lone
	// surrogates, arrays over MaxRows and trailing data are refused, with
	// their JSON pointer, before anything is decoded; a byte order mark is
	// dropped.
	data, err := checkStrict(data, maxRows)
	if err != nil {
		return fail(err)
	}
	var in struct {
		Header    Header             `json:"header"`
		Narrative *outline.Narrative `json:"narrative,omitempty"`
		Forms     []reportFormIn     `json:"forms"`
	}
	if err := unmarshalChecked(data, &in, ""); err != nil {
		return fail(err)
	}
	r := &Report{Header: in.Header, Narrative: in.Narrative}
	for i, rf := range in.Forms {
		mk := c.New[rf.Code]
		if mk == nil {
			return nil, fmt.Errorf("kstt: decode report: form %d: %w: %q", i+1, ErrUnknownForm, rf.Code)
		}
		f := mk()
		if err := unmarshalChecked(rf.Form, f, fmt.Sprintf("/forms/%d/form", i)); err != nil {
			return fail(err)
		}
		if n, ok := textNormalizerOf(f); ok {
			n.NormalizeText()
		}
		r.Forms = append(r.Forms, f)
	}
	r.Header = r.Header.Normalize()
	return r, nil
}

// Check checks a whole report: every form's own rules, then the report
// rules (same header on every form, the narrative's period and figures,
// cross-form totals). The findings come sorted. It fails only when opts
// names a rule the catalogue lacks or a form is not in the catalogue.
func (c *Catalogue) Check(r *Report, opts CheckOptions) (Findings, error) {
	if r == nil {
		return nil, fmt.Errorf("kstt: check: %w: nil report", ErrInvalidReport)
	}
	for i, f := range r.Forms {
		if f == nil || isNilForm(f) {
			return nil, fmt.Errorf("kstt: check: %w: form %d is nil", ErrInvalidReport, i+1)
		}
	}
	if len(opts.Rules) > 0 {
		if err := opts.Validate(c.Rules()); err != nil {
			return nil, err
		}
	}
	var out Findings
	for i, f := range r.Forms {
		from := len(out)
		spec := c.Spec(f.Spec().Code)
		if spec == nil {
			return nil, fmt.Errorf("kstt: %w: %q", ErrUnknownForm, f.Spec().Code)
		}
		var sub CheckOptions
		for _, rule := range spec.Rules {
			if ov, ok := opts.Rules[rule.ID]; ok {
				if sub.Rules == nil {
					sub.Rules = map[RuleID]RuleOverride{}
				}
				sub.Rules[rule.ID] = ov
			}
		}
		if len(sub.Rules) == 0 {
			// The catalogue's own rules, compiled once for every report.
			var err error
			if out, err = checkCompiledSpec(spec, f, out); err != nil {
				return nil, err
			}
			r.locate(i, out[from:])
			continue
		}
		ch, err := NewChecker(spec, sub)
		if err != nil {
			return nil, err
		}
		out = ch.check(f, out)
		r.locate(i, out[from:])
	}
	h := reportHeaders(r)
	for i := range c.Report {
		rule := &c.Report[i]
		sev, on := opts.resolve(rule)
		if !on {
			continue
		}
		out = c.checkReportRule(r, h, rule, sev, out)
	}
	from := len(out)
	out = c.runChecks(r, opts, out)
	r.locateByCode(out[from:])
	return out.Sort(), nil
}

// headers are the normalised headers of a report, computed once for all
// its report rules: the report's own (or its first form's when its own is
// empty), and each form's.
type headers struct {
	want  Header
	forms []Header
}

func reportHeaders(r *Report) *headers {
	h := &headers{want: r.Header.Normalize(), forms: make([]Header, len(r.Forms))}
	for i, f := range r.Forms {
		h.forms[i] = f.FormHeader().Normalize()
	}
	if h.want.Unit == "" && h.want.Recipient == "" && h.want.Period.IsZero() && len(r.Forms) > 0 {
		h.want = h.forms[0]
	}
	return h
}

func (c *Catalogue) checkReportRule(r *Report, h *headers, rule *Rule, sev Severity, out Findings) Findings {
	add := func(f Finding) {
		f.Rule, f.Severity = rule.ID, sev
		f.Message, f.MessageEN = compose(rule, f.Message, f.MessageEN)
		out = append(out, f)
	}
	want := h.want
	switch rule.Kind {
	case Complete:
		checkComplete(r, h.forms, rule.Target.Field, add)
	case SameHeader:
		for i, f := range r.Forms {
			got := h.forms[i]
			code := f.Spec().Code
			if vntext.Key(got.Unit) != vntext.Key(want.Unit) {
				add(Finding{Form: code, Row: -1, RowLabel: "Đơn vị báo cáo", Expected: want.Unit, Actual: got.Unit,
					Message: "đơn vị báo cáo khác với báo cáo", MessageEN: "reporting unit differs from the report's"})
			}
			if vntext.Key(got.Recipient) != vntext.Key(want.Recipient) {
				add(Finding{Form: code, Row: -1, RowLabel: "Đơn vị nhận báo cáo", Expected: want.Recipient, Actual: got.Recipient,
					Message: "đơn vị nhận báo cáo khác với báo cáo", MessageEN: "recipient differs from the report's"})
			}
			if got.Period != want.Period {
				add(Finding{Form: code, Row: -1, RowLabel: "Kỳ báo cáo", Expected: periodText(want.Period), Actual: periodText(got.Period),
					Message: "kỳ báo cáo khác với báo cáo", MessageEN: "reporting period differs from the report's"})
			}
		}
	case ValidPeriodText:
		if r.Narrative == nil || r.Narrative.PeriodText == "" {
			return out
		}
		text := r.Narrative.PeriodText
		p, err := period.Parse(text)
		var re *period.RangeError
		switch {
		case errors.As(err, &re):
			add(Finding{Row: -1, RowLabel: "Kỳ báo cáo (tiêu đề)", Expected: periodText(re.Nearest), Actual: text,
				Message:   re.Reason + "; kỳ gần nhất: " + periodText(re.Nearest),
				MessageEN: re.ReasonEN + "; nearest period: " + re.Nearest.English()})
		case err != nil:
			add(Finding{Row: -1, RowLabel: "Kỳ báo cáo (tiêu đề)", Expected: periodText(want.Period), Actual: text,
				Message: "không đọc được kỳ báo cáo", MessageEN: "the period text cannot be read: " + err.Error()})
		case !want.Period.IsZero() && p != want.Period:
			add(Finding{Row: -1, RowLabel: "Kỳ báo cáo (tiêu đề)", Expected: periodText(want.Period), Actual: periodText(p),
				Message: "kỳ ghi ở tiêu đề khác kỳ của các biểu", MessageEN: "the heading's period differs from the forms' period"})
		}
	case AtMost:
		c.checkAtMost(r, rule, add)
	case Percentage:
		c.checkNarrativeRate(r, rule, add)
	case Matches:
		left, lok := c.refSum(r, []Ref{rule.Target})
		right, rok := c.refSum(r, rule.Terms)
		if !lok || !rok || left == right {
			return out
		}
		f := Finding{Form: rule.Target.Form, Row: -1, Column: rule.Target.Col, Part: rule.Target.Part,
			Expected: strconv.FormatInt(right, 10), Actual: strconv.FormatInt(left, 10), Difference: safeint.DiffText(left, right),
			Message:   fmt.Sprintf("%s = %d, nhưng %s = %d", rule.Target, left, refsText(rule.Terms), right),
			MessageEN: fmt.Sprintf("%s = %d, but %s = %d", rule.Target, left, refsText(rule.Terms), right)}
		if rule.Target.Field != "" {
			f.RowLabel = "báo cáo " + rule.Target.Field
		} else {
			f.RowLabel = TotalLabel
			if ff := r.Form(rule.Target.Form); ff != nil {
				spec := ff.Spec()
				t := ff.Table(spec.PartIndex(rule.Target.Part))
				f.Row = MatchRow(t, RowMeta{Kind: layout.TotalRow})
				f.Cell = r.CellAddress(rule.Target.Form, rule.Target.Part, f.Row, rule.Target.Col)
			}
		}
		add(f)
	}
	return out
}

func refsText(refs []Ref) string {
	s := make([]string, len(refs))
	for i, r := range refs {
		s[i] = r.String()
	}
	return strings.Join(s, " + ")
}

// refSum adds up refs: a narrative figure, or a form's TỔNG CỘNG column.
// It returns false when any is absent from the report.
func (c *Catalogue) refSum(r *Report, refs []Ref) (int64, bool) {
	var sum int64
	for _, ref := range refs {
		var v int64
		if ref.Field != "" {
			var ok bool
			if v, ok = r.Narrative.Figure(ref.Field); !ok {
				return 0, false
			}
		} else {
			f := r.Form(ref.Form)
			if f == nil {
				return 0, false
			}
			spec := f.Spec()
			pi := spec.PartIndex(ref.Part)
			if pi < 0 {
				return 0, false
			}
			t := f.Table(pi)
			j := MatchRow(t, RowMeta{Kind: layout.TotalRow})
			if j < 0 {
				return 0, false
			}
			buf := make([]int64, spec.Parts[pi].MaxNum()+1)
			t.Ints(j, buf)
			v = buf[ref.Col]
		}
		var ok bool
		if sum, ok = safeint.Add(sum, v); !ok {
			return 0, false
		}
	}
	return sum, true
}

func periodText(p period.Period) string {
	if p.IsZero() {
		return "(chưa ghi)"
	}
	return p.String() + " (" + p.RangeText() + ")"
}
