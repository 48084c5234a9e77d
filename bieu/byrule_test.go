package bieu

import (
	"testing"

	"github.com/baocaodinhky/vpcp/kstt"
)

// byRule selects findings by rule ID through ByRule, so a test that names
// an undeclared ID fails instead of selecting nothing.
func byRule(t testing.TB, fs kstt.Findings, ids ...kstt.RuleID) kstt.Findings {
	t.Helper()
	got, err := ByRule(fs, ids...)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// declaredRule selects findings of rules a test declares itself (a form
// declared as data, a custom rule), which ByRule does not know.
func declaredRule(fs kstt.Findings, id kstt.RuleID) kstt.Findings {
	return fs.Filter(func(f kstt.Finding) bool { return f.Rule == id })
}
