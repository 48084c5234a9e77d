package bieu

import (
	"bytes"
	"errors"
	"os"
	"regexp"
	"testing"

	"github.com/baocaodinhky/vpcp/kstt"
)

func TestRuleIDsInSync(t *testing.T) {
	// rule_ids.go is what WriteRuleIDs writes: .ci/run regenerates it
	// (go generate ./...) and fails on any difference.
	disk, err := os.ReadFile("rule_ids.go")
	if err != nil {
		t.Fatal(err)
	}
	// Every rule ID the catalogue documents has its constant.
	doc, err := os.ReadFile("RULES.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile("`([A-Z][A-Za-z0-9.-]*/[A-Za-z0-9]+)`").FindAllStringSubmatch(string(doc), -1) {
		if !bytes.Contains(disk, []byte(`= "`+m[1]+`"`)) {
			t.Errorf("RULES.md documents %s, rule_ids.go has no constant for it", m[1])
		}
	}
	// The constants the tests below use are the declared IDs.
	for id, want := range map[kstt.RuleID]string{RuleII06aR01: "II.06a/R01", RuleKSTTR40: "KSTT/R40", RuleREADR07: "READ/R07"} {
		if string(id) != want {
			t.Errorf("%s != %s", id, want)
		}
	}
}

func TestByRuleUnknownIsError(t *testing.T) {
	fs := kstt.Findings{{Rule: "II.06a/R01", Severity: kstt.Error}}
	if got, err := ByRule(fs, RuleII06aR01, RuleREADR07); err != nil || len(got) != 1 {
		t.Fatalf("%v %v", got, err)
	}
	if _, err := ByRule(fs, "II.06a/R1"); !errors.Is(err, kstt.ErrUnknownRule) {
		t.Fatalf("misspelt ID: %v", err)
	}
	if _, err := Official().ByRule(fs, "II.06a/R1"); !errors.Is(err, kstt.ErrUnknownRule) {
		t.Fatalf("catalogue, misspelt ID: %v", err)
	}
}
