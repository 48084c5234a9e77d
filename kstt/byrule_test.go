package kstt_test

import (
	"slices"
	"testing"

	"github.com/baocaodinhky/vpcp/kstt"
)

// byRule selects the findings of rules the tests declare themselves; the
// IDs are checked against those declared rules, so a misspelt one fails.
func byRule(t testing.TB, fs kstt.Findings, ids ...kstt.RuleID) kstt.Findings {
	t.Helper()
	for _, id := range ids {
		if !slices.ContainsFunc(miniSpec.Rules, func(r kstt.Rule) bool { return r.ID == id }) {
			t.Fatalf("rule %q is not declared by these tests", id)
		}
	}
	return fs.Filter(func(f kstt.Finding) bool { return slices.Contains(ids, f.Rule) })
}
