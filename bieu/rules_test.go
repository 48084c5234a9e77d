package bieu

import (
	"bytes"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/period"
)

// ruleBreakers makes each rule of the catalogue fail, starting from the
// clean fixture. TestEveryRuleHasPassingAndFailingCase walks the catalogue
// and requires an entry for every rule.
var ruleBreakers = map[kstt.RuleID]func(f *fixture){
	"II.06a/R01": func(f *fixture) { f.a.Rows[0].Received++ },
	"II.06a/R02": func(f *fixture) { f.a.Rows[0].Resolved-- },
	"II.06a/R03": func(f *fixture) { f.a.Rows[1].Pending = 5 },
	"II.06a/R04": func(f *fixture) { f.a.Total.Direct = 4 },
	"II.06a/R05": func(f *fixture) { f.a.Rows[1].Late = -1 },
	"II.06a/R06": func(f *fixture) { f.a.Rows[0].Online++; f.a.Rows[0].Received++ },

	"II.06b/R01": func(f *fixture) { f.ab.Levels[1].Rows[0].Received = 3 },
	"II.06b/R02": func(f *fixture) { f.ab.Levels[0].Rows[0].Resolved = 1 },
	"II.06b/R03": func(f *fixture) { f.ab.Levels[0].Rows[1].Pending = 1 },
	"II.06b/R04": func(f *fixture) { f.ab.Total.Direct = 3 },
	"II.06b/R05": func(f *fixture) { f.ab.Levels[1].Rows[0].Late = -1 },
	"II.06b/R06": func(f *fixture) { f.ab.Levels[1].Rows[0].Direct++; f.ab.Levels[1].Rows[0].Received++ },

	"II.07b/R01": func(f *fixture) { f.b.PartI.Rows[0].Competent = 0 },
	"II.07b/R02": func(f *fixture) { f.b.PartI.Rows[0].OneStop = 1 },
	"II.07b/R03": func(f *fixture) { f.b.PartI.Rows[1].Process = 7 },
	"II.07b/R04": func(f *fixture) { f.b.PartI.Total.CompetentCommune = 9 },
	"II.07b/R05": func(f *fixture) { f.b.PartI.Rows[1].CompetentCommune = -2 },
	"II.07b/R06": func(f *fixture) { f.b.PartI.Rows[1].OneStop = 30 },
	"II.07b/R07": func(f *fixture) { f.b.PartI.Rows[0].OneStopProvince = 6 },
	"II.07b/R08": func(f *fixture) { f.b.PartI.Rows[0].OneStopDistrict = 4 },
	"II.07b/R09": func(f *fixture) { f.b.PartI.Rows[0].OneStopCommune = 3 },
	"II.07b/R10": func(f *fixture) { f.b.PartI.Rows[0].Process = 8 },
	"II.07b/R11": func(f *fixture) { f.b.PartI.Rows[0].ProcessProvince = 5 },
	"II.07b/R12": func(f *fixture) { f.b.PartI.Rows[0].ProcessDistrict = 3 },
	"II.07b/R13": func(f *fixture) { f.b.PartI.Rows[0].ProcessCommune = 2 },
	"II.07b/R14": func(f *fixture) { f.b.PartII.Total.District = 0 },
	"II.07b/R15": func(f *fixture) { f.b.PartII.Rows[1].District = -1 },
	"II.07b/R16": func(f *fixture) { f.b.PartII.Rows[0].ProvinceRate = decimal.NewFromInt(40) },
	"II.07b/R17": func(f *fixture) { f.b.PartII.Total.DistrictRate = decimal.RequireFromString("33.33") },
	"II.07b/R18": func(f *fixture) { f.b.PartII.Rows[1].Province = 4 },
	"II.07b/R19": func(f *fixture) { f.b.PartII.Rows[0].District = 3 },

	"II.08/R01": func(f *fixture) { f.c.Sections[0].Levels[0].Rows[0].PartialDeployed = 5 },
	"II.08/R02": func(f *fixture) { f.c.Sections[0].Levels[0].Rows[1].FullDeployed = 2 },
	"II.08/R03": func(f *fixture) { f.c.Sections[0].Levels[0].Rows[1].Integrated = 2 },
	"II.08/R04": func(f *fixture) { f.c.Total.PartialAssigned = 3 },
	"II.08/R05": func(f *fixture) { f.c.Sections[0].Levels[0].Rows[1].PartialFiles = -1 },

	"KSTT/R01": func(f *fixture) { f.c.Header.Recipient = "Văn phòng UBND tỉnh" },
	"KSTT/R02": func(f *fixture) { f.rep.Narrative.PeriodText = "(Từ ngày 15/3/2023 – 14/6/2024)" },
	"KSTT/R03": func(f *fixture) {
		f.c.Sections[0].Levels[0].Rows[1].FullFiles = 9
		f.c.Total.FullFiles = 12
	},
	"KSTT/R29": func(f *fixture) { f.rep.Forms = append(f.rep.Forms, f.a) },
	"KSTT/R30": func(f *fixture) { f.b.Header.Unit = " " },
	"KSTT/R45": func(f *fixture) { f.a.Rows[1].Field = "HỘ  TỊCH" },
	"KSTT/R31": func(f *fixture) { f.c.Header.Period = period.Period{} },
	"KSTT/R32": func(f *fixture) { f.a.Header.Recipient = "" },
	"KSTT/R04": func(f *fixture) { f.narr.Received = 15 },
	"KSTT/R05": func(f *fixture) { f.narr.New = 12 },
	"KSTT/R06": func(f *fixture) { f.narr.Online = 9 },
	"KSTT/R07": func(f *fixture) { f.narr.Direct = 4 },
	"KSTT/R08": func(f *fixture) { f.narr.CarriedOver = 2 },
	"KSTT/R09": func(f *fixture) { f.narr.Resolved = 11 },
	"KSTT/R10": func(f *fixture) { f.narr.Early = 2 },
	"KSTT/R11": func(f *fixture) { f.narr.OnTime = 10 },
	"KSTT/R12": func(f *fixture) { f.narr.Late = 1 },
	"KSTT/R13": func(f *fixture) { f.narr.Pending = 3 },
	"KSTT/R14": func(f *fixture) { f.narr.PendingOnTime = 0 },
	"KSTT/R15": func(f *fixture) { f.narr.PendingOverdue = 2 },
	"KSTT/R16": func(f *fixture) { f.narr.Received = 20 },
	"KSTT/R17": func(f *fixture) { f.narr.New = 99 },
	"KSTT/R18": func(f *fixture) { f.narr.Resolved = 3 },
	"KSTT/R19": func(f *fixture) { f.narr.Pending = 0 },
}

func TestOfficialCatalogueIsValid(t *testing.T) {
	if err := Official().Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestCleanFixturePassesEveryRule(t *testing.T) {
	fs, err := Check(cleanFixture().rep, kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		t.Errorf("unexpected finding on the clean fixture: %v", f)
	}
}

func TestEveryRuleHasPassingAndFailingCase(t *testing.T) {
	rules := Rules()
	known := map[kstt.RuleID]bool{}
	for _, r := range rules {
		known[r.ID] = true
		t.Run(string(r.ID), func(t *testing.T) {
			breakIt, ok := ruleBreakers[r.ID]
			if !ok {
				t.Fatalf("rule %s has no failing case in ruleBreakers", r.ID)
			}
			// Passing case: the clean fixture raises nothing for this rule.
			clean, err := Check(cleanFixture().rep, kstt.CheckOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if got := byRule(t, clean, r.ID); len(got) != 0 {
				t.Fatalf("clean fixture: %v", got)
			}
			// Failing case.
			f := cleanFixture()
			breakIt(f)
			fs, err := Check(f.rep, kstt.CheckOptions{})
			if err != nil {
				t.Fatal(err)
			}
			hit := byRule(t, fs, r.ID)
			if len(hit) == 0 {
				t.Fatalf("broken fixture does not raise %s; findings: %v", r.ID, fs)
			}
			for _, h := range hit {
				if h.Severity != r.Severity || h.Message == "" || h.MessageEN == "" {
					t.Errorf("finding lacks severity %s or a message: %+v", r.Severity, h)
				}
				if (r.Kind == kstt.SumOfColumns || r.Kind == kstt.SumOfRows || r.Kind == kstt.Matches || r.Kind == kstt.AtMost) &&
					(h.Expected == "" || h.Actual == "") {
					t.Errorf("arithmetic finding without expected/actual: %+v", h)
				}
			}
			// Switched off, the rule is silent.
			off := kstt.CheckOptions{Rules: map[kstt.RuleID]kstt.RuleOverride{r.ID: {Off: true}}}
			fs, err = Check(f.rep, off)
			if err != nil {
				t.Fatal(err)
			}
			if got := byRule(t, fs, r.ID); len(got) != 0 {
				t.Fatalf("rule switched off still reports: %v", got)
			}
		})
	}
	for id := range ruleBreakers {
		if !known[id] {
			t.Errorf("ruleBreakers names %s, which the catalogue lacks", id)
		}
	}
}

func TestSeverityOverride(t *testing.T) {
	f := cleanFixture()
	f.a.Rows[0].Received++
	opts := kstt.CheckOptions{Rules: map[kstt.RuleID]kstt.RuleOverride{"II.06a/R01": {Severity: kstt.Info}}}
	fs, err := Check(f.rep, opts)
	if err != nil {
		t.Fatal(err)
	}
	got := byRule(t, fs, "II.06a/R01")
	if len(got) != 1 || got[0].Severity != kstt.Info {
		t.Fatalf("override not applied: %v", got)
	}
	if _, err := Check(f.rep, kstt.CheckOptions{Rules: map[kstt.RuleID]kstt.RuleOverride{"II.06a/R1": {Off: true}}}); err == nil {
		t.Fatal("a misspelt rule ID must be an error, not silently ignored")
	}
}

func TestRulesMarkdownInSync(t *testing.T) {
	var b bytes.Buffer
	if err := WriteRulesMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	for _, r := range Rules() {
		if !strings.Contains(b.String(), "`"+string(r.ID)+"`") {
			t.Errorf("RULES.md lacks %s", r.ID)
		}
	}
}
