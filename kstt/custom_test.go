package kstt

import (
	"errors"
	"testing"
)

// A catalogue's ReportChecks are listed with its rules, validated, run by
// Check with the rule's severity and meaning, and switched off by options.
func TestCatalogueChecks(t *testing.T) {
	rule := Rule{ID: "LOCAL/R01", Kind: Custom, Severity: Warning, Expr: "báo cáo có đơn vị", Basis: "quy định địa phương",
		Meaning: "báo cáo ghi đơn vị", MeaningEN: "the report names its unit"}
	cat := &Catalogue{New: map[string]func() Form{}, Checks: []ReportCheck{{Rule: rule, Run: func(r *Report) Findings {
		if r.Header.Unit == "" {
			return Findings{{Row: -1, Message: "thiếu đơn vị", MessageEN: "no unit"}}
		}
		return nil
	}}}}
	if err := cat.Validate(); err != nil {
		t.Fatal(err)
	}
	if rs := cat.Rules(); len(rs) != 1 || rs[0].ID != "LOCAL/R01" {
		t.Fatalf("rules: %v", rs)
	}
	fs, err := cat.Check(&Report{}, CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 1 || fs[0].Rule != "LOCAL/R01" || fs[0].Severity != Warning || fs[0].Message != "thiếu đơn vị (báo cáo ghi đơn vị)" {
		t.Fatalf("findings: %v", fs)
	}
	fs, _ = cat.Check(&Report{}, CheckOptions{Rules: map[RuleID]RuleOverride{"LOCAL/R01": {Severity: Error}}})
	if len(fs) != 1 || fs[0].Severity != Error {
		t.Fatalf("override: %v", fs)
	}
	fs, _ = cat.Check(&Report{}, CheckOptions{Rules: map[RuleID]RuleOverride{"LOCAL/R01": {Off: true}}})
	if len(fs) != 0 {
		t.Fatalf("off: %v", fs)
	}
	for _, bad := range []ReportCheck{{Rule: rule}, {Rule: Rule{ID: "X", Kind: Matches, Severity: Info, Expr: "x", Basis: "b", Meaning: "m", MeaningEN: "m"}, Run: cat.Checks[0].Run}} {
		c := &Catalogue{Checks: []ReportCheck{bad}}
		if err := c.Validate(); !errors.Is(err, ErrBadRule) {
			t.Errorf("%+v: %v", bad.Rule, err)
		}
	}
	dup := &Catalogue{Checks: []ReportCheck{cat.Checks[0], cat.Checks[0]}}
	if err := dup.Validate(); !errors.Is(err, ErrBadRule) {
		t.Error("a repeated check ID must be refused")
	}
}
