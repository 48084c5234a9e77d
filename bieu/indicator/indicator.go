// Package indicator computes the rates an office publishes from the forms
// of Thông tư 01/2020/TT-VPCP — the share of files resolved early or on
// time, resolved late, received online, pending past their deadline, the
// procedures at the one-stop desk, done "4 tại chỗ", the online public
// services deployed — declared as data, like the forms' rules.
//
// Each Indicator names its form and part, a formula over the form's
// official columns ((8)+(9))/(7), the decimals it is published with and
// its basis. A zero denominator gives no value (Value.OK is false), never
// 0 % or 100 %. Indicators are computed per row (Rows), on TỔNG CỘNG
// (Total, Report), per unit of a roll-up (Units, Rank) and compared
// between two periods (Compare); the results turn into layout.Sheet values
// with charts, for any renderer. INDICATORS.md lists the catalogue
// (written by WriteMarkdown).
package indicator

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/kstt/outline"
)

// Indicator is one published rate: Num ÷ Den × 100, each side a sum of
// columns of one form, rounded half away from zero to Places decimals.
type Indicator struct {
	ID     string `json:"id"`      // stable, e.g. "II.06a/ON_TIME"
	Name   string `json:"name"`    // Vietnamese, as offices publish it
	NameEN string `json:"name_en"` // English
	// Forms are the codes of the forms the indicator reads: its own form
	// first, then forms with the same columns (II.06b has II.06a's).
	Forms []string `json:"forms"`
	// Num and Den are the columns summed above and below the line, in
	// the row being computed. A Ref's Part picks the part (II.07b "I",
	// "II"); a denominator in another part is read from the row of that
	// part with the same lĩnh vực (kstt.MatchRow).
	Num    []kstt.Ref `json:"num"`
	Den    []kstt.Ref `json:"den"`
	Places int32      `json:"places"` // decimals published: 2 gives "99,71%"
	// Basis is where the indicator comes from: the form and its columns,
	// and the practice that publishes it.
	Basis string `json:"basis"`
	// Decision766 names the indicator group of Quyết định 766/QĐ-TTg
	// (23/6/2022, bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng
	// phục vụ người dân, doanh nghiệp trong thực hiện TTHC, dịch vụ công)
	// that the rate feeds; empty when none. The correspondence is
	// inferred from the forms' columns, not read from the decision's
	// scoring tables.
	Decision766 string `json:"decision_766,omitempty"`
	// Inferred marks an indicator whose formula is not the one offices
	// publish from the form but a documented default of this package
	// (the form prints neither the rate nor its formula).
	Inferred bool `json:"inferred,omitempty"`
	// LowerIsBetter: a lower value is the better one (late and overdue
	// shares); Rank orders by it.
	LowerIsBetter bool `json:"lower_is_better,omitempty"`
}

// Expr writes the formula the way the forms print theirs:
// "((8)+(9))/(7)", "Phần II (3)/Phần I (8)".
func (ind *Indicator) Expr() string {
	side := func(refs []kstt.Ref, other []kstt.Ref) string {
		var b strings.Builder
		for i, r := range refs {
			if i > 0 {
				b.WriteByte('+')
			}
			if r.Part != "" && !samePart(refs, other) {
				b.WriteString("Phần " + r.Part + " ")
			}
			b.WriteString("(" + strconv.Itoa(r.Col) + ")")
		}
		if len(refs) > 1 {
			return "(" + b.String() + ")"
		}
		return b.String()
	}
	return side(ind.Num, ind.Den) + "/" + side(ind.Den, ind.Num)
}

// samePart reports whether every ref of a and b is in one part.
func samePart(a, b []kstt.Ref) bool {
	for _, r := range append(slices.Clone(a), b...) {
		if r.Part != a[0].Part {
			return false
		}
	}
	return true
}

// AppliesTo reports whether the indicator reads the form with this code.
func (ind *Indicator) AppliesTo(code string) bool { return slices.Contains(ind.Forms, code) }

// Value is an indicator's value on one row: the two sums and the rate.
type Value struct {
	Num  int64           `json:"num"`
	Den  int64           `json:"den"`
	Rate decimal.Decimal `json:"rate"` // a percentage: 99.71 means 99.71 %
	// OK is false when Den is 0: there is no value, neither 0 % nor
	// 100 %. Rate is zero then. It is false too when a sum of columns
	// does not fit an int64 (a form Check reports as broken).
	OK bool `json:"ok"`
}

// Of returns num ÷ den × 100 rounded half away from zero to places
// decimals, with OK false when den is 0.
func Of(num, den int64, places int32) Value {
	if den == 0 {
		return Value{Num: num}
	}
	return Value{Num: num, Den: den, Rate: kstt.RateOf(num, den, places), OK: true}
}

// String writes the value the Vietnamese way, "99,71%", or "–" when there
// is none.
func (v Value) String() string {
	if !v.OK {
		return "–"
	}
	return outline.RateText(v.Rate)
}

// Errors of this package.
var (
	// ErrNotApplicable: the indicator does not read this form.
	ErrNotApplicable = errors.New("indicator: the indicator does not read this form")
	// ErrNilForm: a nil form or report.
	ErrNilForm = errors.New("indicator: nil form or report")
)

// RowValue is an indicator's value on one body row of a form.
type RowValue struct {
	Row   int            `json:"row"` // index in the part's Table, as kstt.Finding.Row counts
	Kind  layout.RowKind `json:"kind"`
	Label string         `json:"label"` // lĩnh vực, or "TỔNG CỘNG"
	Group string         `json:"group,omitempty"`
	Value Value          `json:"value"`
}

// Rows computes the indicator on every lĩnh vực row and on TỔNG CỘNG of f
// (level and section rows carry no figures and are left out). It returns
// an error wrapping ErrNotApplicable when the indicator does not read f's
// form.
func (ind *Indicator) Rows(f kstt.Form) ([]RowValue, error) {
	if isNil(f) {
		return nil, ErrNilForm
	}
	spec := f.Spec()
	if !ind.AppliesTo(spec.Code) {
		return nil, fmt.Errorf("%w: %s reads %s, not %s", ErrNotApplicable, ind.ID, strings.Join(ind.Forms, ", "), spec.Code)
	}
	pi := spec.PartIndex(ind.Num[0].Part)
	if pi < 0 {
		return nil, fmt.Errorf("%w: %s has no part %q", ErrNotApplicable, spec.Code, ind.Num[0].Part)
	}
	t := f.Table(pi)
	var out []RowValue
	for i := 0; i < t.Len(); i++ {
		meta := t.Row(i)
		if meta.Kind != layout.DataRow && meta.Kind != layout.TotalRow {
			continue
		}
		out = append(out, RowValue{Row: i, Kind: meta.Kind, Label: rowLabel(meta), Group: meta.Group, Value: ind.at(f, pi, i)})
	}
	return out, nil
}

func rowLabel(meta kstt.RowMeta) string {
	if meta.Kind == layout.TotalRow {
		return kstt.TotalLabel
	}
	return meta.Label
}

// Total computes the indicator on the TỔNG CỘNG row of f.
func (ind *Indicator) Total(f kstt.Form) (Value, error) {
	rows, err := ind.Rows(f)
	if err != nil {
		return Value{}, err
	}
	for _, r := range rows {
		if r.Kind == layout.TotalRow {
			return r.Value, nil
		}
	}
	return Value{}, nil
}

// at computes the indicator on row i of part pi.
func (ind *Indicator) at(f kstt.Form, pi, i int) Value {
	spec := f.Spec()
	meta := f.Table(pi).Row(i)
	sum := func(refs []kstt.Ref) (int64, bool) {
		var s int64
		for _, r := range refs {
			p := spec.PartIndex(r.Part)
			if p < 0 {
				return 0, false
			}
			t, j := f.Table(p), i
			if p != pi {
				if j = kstt.MatchRow(t, meta); j < 0 {
					return 0, false
				}
			}
			buf := make([]int64, spec.Parts[p].MaxNum()+1)
			if r.Col >= len(buf) {
				return 0, false
			}
			t.Ints(j, buf)
			v := buf[r.Col]
			if v > 0 && s > math.MaxInt64-v || v < 0 && s < math.MinInt64-v {
				return 0, false // the sum overflows: no value (Check reports the counts)
			}
			s += v
		}
		return s, true
	}
	num, ok1 := sum(ind.Num)
	den, ok2 := sum(ind.Den)
	if !ok1 || !ok2 {
		return Value{}
	}
	return Of(num, den, ind.Places)
}

// Result is an indicator's value on the TỔNG CỘNG of one form of a report.
type Result struct {
	Indicator Indicator `json:"indicator"`
	Form      string    `json:"form"` // the form it was read from
	Value     Value     `json:"value"`
}

// Report computes every indicator of the catalogue on the TỔNG CỘNG of
// each form of r it reads, in catalogue order.
func Report(r *kstt.Report) ([]Result, error) {
	if r == nil {
		return nil, ErrNilForm
	}
	var out []Result
	for _, ind := range catalogue {
		for _, f := range r.Forms {
			if isNil(f) || !ind.AppliesTo(f.Spec().Code) {
				continue
			}
			v, err := ind.Total(f)
			if err != nil {
				return nil, err
			}
			out = append(out, Result{Indicator: clone(ind), Form: f.Spec().Code, Value: v})
			break
		}
	}
	return out, nil
}

// formOf returns the first form of r the indicator reads, or nil.
func formOf(r *kstt.Report, ind *Indicator) kstt.Form {
	for _, f := range r.Forms {
		if !isNil(f) && ind.AppliesTo(f.Spec().Code) {
			return f
		}
	}
	return nil
}

// isNil reports whether f is nil or holds a nil pointer.
func isNil(f kstt.Form) bool {
	if f == nil {
		return true
	}
	v := reflect.ValueOf(f)
	return v.Kind() == reflect.Pointer && v.IsNil()
}
