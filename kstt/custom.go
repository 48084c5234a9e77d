package kstt

import "fmt"

// ReportCheck is a report-level rule whose test is Go code rather than one
// of the rule kinds the engine evaluates: Rule declares it (ID, severity,
// expression, basis, meaning — Kind is Custom), Run tests a report. A
// Catalogue lists its checks' rules with its own, so CheckOptions may name
// them and the rule catalogue documents them; Catalogue.Check runs them
// after the report rules. Package bieu declares the rules of the
// two-level local government this way (no cấp huyện from 1/7/2025).
type ReportCheck struct {
	Rule Rule
	// Run returns the findings of the rule on r. It need not set Rule and
	// Severity, nor add the rule's meaning and note to the messages:
	// Catalogue.Check does. It must not modify r.
	Run func(r *Report) Findings
}

// validateChecks checks the catalogue's ReportChecks: complete rules of
// kind Custom with a test, IDs unique across the catalogue.
func (c *Catalogue) validateChecks(ids map[RuleID]bool) error {
	for i := range c.Checks {
		r := &c.Checks[i].Rule
		if ids[r.ID] || r.ID == "" || r.Kind != Custom || !r.Severity.Valid() || r.Meaning == "" || r.MeaningEN == "" ||
			r.Expr == "" || r.Basis == "" || c.Checks[i].Run == nil {
			return fmt.Errorf("kstt: catalogue: %w: check %q is repeated, incomplete, not of kind custom or has no test", ErrBadRule, r.ID)
		}
		ids[r.ID] = true
	}
	return nil
}

// runChecks appends the findings of the catalogue's ReportChecks.
func (c *Catalogue) runChecks(r *Report, opts CheckOptions, out Findings) Findings {
	for i := range c.Checks {
		ch := &c.Checks[i]
		sev, on := opts.resolve(&ch.Rule)
		if !on || ch.Run == nil {
			continue
		}
		for _, f := range ch.Run(r) {
			f.Rule, f.Severity = ch.Rule.ID, sev
			f.Message, f.MessageEN = compose(&ch.Rule, f.Message, f.MessageEN)
			out = append(out, f)
		}
	}
	return out
}
