package tally

import (
	"testing"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
)

// byRule selects findings by rule ID through bieu.ByRule, so a test that
// names an undeclared ID fails instead of selecting nothing.
func byRule(t testing.TB, fs kstt.Findings, ids ...kstt.RuleID) kstt.Findings {
	t.Helper()
	got, err := bieu.ByRule(fs, ids...)
	if err != nil {
		t.Fatal(err)
	}
	return got
}
