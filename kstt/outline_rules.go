package kstt

import (
	"fmt"
	"strconv"

	"github.com/baocaodinhky/vpcp/internal/safeint"
	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/kstt/outline"
)

// validateOutlineRule checks a report-level AtMost or Percentage rule:
// AtMost relates whole-number refs (narrative figures or form totals),
// Σ Target ≤ Σ Terms; Percentage has a decimal narrative figure as Target
// and a numerator and a denominator as Terms.
func (c *Catalogue) validateOutlineRule(r *Rule) error {
	switch r.Kind {
	case AtMost:
		if len(r.Terms) == 0 {
			return fmt.Errorf("%w: at-most needs at least one term", ErrBadRule)
		}
		for _, ref := range append([]Ref{r.Target}, r.Terms...) {
			if err := c.checkRef(ref); err != nil {
				return err
			}
		}
	case Percentage:
		if r.Target.Field == "" || !outline.IsDecimalKey(r.Target.Field) {
			return fmt.Errorf("%w: a report-level percentage targets a decimal narrative figure, not %s", ErrBadRule, r.Target)
		}
		if len(r.Terms) != 2 {
			return fmt.Errorf("%w: a percentage needs a numerator and a denominator", ErrBadRule)
		}
		for _, ref := range r.Terms {
			if err := c.checkRef(ref); err != nil {
				return err
			}
		}
	}
	return nil
}

// reportFinding fills the location of a report-level finding about
// rule.Target: a narrative figure ("báo cáo mục …") or a form's TỔNG CỘNG
// cell.
func (c *Catalogue) reportFinding(r *Report, rule *Rule, f Finding) Finding {
	f.Form, f.Part, f.Column, f.Row = rule.Target.Form, rule.Target.Part, rule.Target.Col, -1
	if rule.Target.Field != "" {
		f.RowLabel = "báo cáo " + rule.Target.Field
		return f
	}
	f.RowLabel = TotalLabel
	if ff := r.Form(rule.Target.Form); ff != nil {
		spec := ff.Spec()
		if pi := spec.PartIndex(rule.Target.Part); pi >= 0 {
			f.Row = MatchRow(ff.Table(pi), RowMeta{Kind: layout.TotalRow})
			f.Cell = r.CellAddress(rule.Target.Form, rule.Target.Part, f.Row, rule.Target.Col)
		}
	}
	return f
}

// checkAtMost evaluates a report-level AtMost rule: Σ Target ≤ Σ Terms.
// It is skipped when a ref is absent from the report.
func (c *Catalogue) checkAtMost(r *Report, rule *Rule, add func(Finding)) {
	left, lok := c.refSum(r, []Ref{rule.Target})
	right, rok := c.refSum(r, rule.Terms)
	if !lok || !rok || left <= right {
		return
	}
	add(c.reportFinding(r, rule, Finding{
		Expected: "≤ " + strconv.FormatInt(right, 10), Actual: strconv.FormatInt(left, 10), Difference: safeint.DiffText(left, right),
		Message:   fmt.Sprintf("%s = %d lớn hơn %s = %d", rule.Target, left, refsText(rule.Terms), right),
		MessageEN: fmt.Sprintf("%s = %d exceeds %s = %d", rule.Target, left, refsText(rule.Terms), right)}))
}

// checkNarrativeRate evaluates a report-level Percentage rule: the
// narrative's rate equals Terms[0] ÷ Terms[1] × 100 (RateOf; 0 when the
// denominator is 0), or that rate rounded to the decimals the report shows.
func (c *Catalogue) checkNarrativeRate(r *Report, rule *Rule, add func(Finding)) {
	got, ok := r.Narrative.DecimalFigure(rule.Target.Field)
	if !ok {
		return
	}
	num, ok1 := c.refSum(r, rule.Terms[:1])
	den, ok2 := c.refSum(r, rule.Terms[1:])
	if !ok1 || !ok2 || rateMatches(got, num, den, rule.Places) {
		return
	}
	want := RateOf(num, den, rule.Places)
	add(c.reportFinding(r, rule, Finding{
		Expected: want.String(), Actual: got.String(), Difference: got.Sub(want).String(),
		Message:   fmt.Sprintf("tỷ lệ ghi %s%%, nhưng %s ÷ %s × 100 = %d/%d × 100 = %s%%", got, rule.Terms[0], rule.Terms[1], num, den, want),
		MessageEN: fmt.Sprintf("the rate is %s%%, but %s ÷ %s × 100 = %d/%d × 100 = %s%%", got, rule.Terms[0], rule.Terms[1], num, den, want)}))
}
