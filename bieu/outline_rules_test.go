package bieu

import (
	"maps"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/outline"
)

// outlineBreakers break the report rules on the narrative's sections I.4,
// I.5, I.6 and I.12 (KSTT/R20 on), starting from the lead's clean fixture
// (whose narrative states only section I.6). They join ruleBreakers so that
// TestEveryRuleHasPassingAndFailingCase walks them too.
var outlineBreakers = map[kstt.RuleID]func(f *fixture){
	"KSTT/R20": func(f *fixture) {
		f.rep.Narrative.Feedback = &outline.FeedbackFigures{Total: new(int64(5)), New: 3, CarriedOver: 1, Regulations: 5, Handled: 5}
	},
	"KSTT/R21": func(f *fixture) {
		f.rep.Narrative.Feedback = &outline.FeedbackFigures{Total: new(int64(4)), New: 3, CarriedOver: 1, Regulations: 1, Conduct: 1, Handled: 4}
	},
	"KSTT/R22": func(f *fixture) {
		f.rep.Narrative.Feedback = &outline.FeedbackFigures{Total: new(int64(4)), New: 4, Regulations: 4, Handled: 1, InProgress: 1}
	},
	"KSTT/R23": func(f *fixture) {
		f.rep.Narrative.Feedback = &outline.FeedbackFigures{New: 1, Regulations: 1, Handled: 1, Published: 2}
	},
	"KSTT/R24": func(f *fixture) { f.narr.Received, f.narr.CarriedOver = 15, 2 },
	"KSTT/R25": func(f *fixture) { f.rep.Narrative.Review = &outline.ReviewFigures{Planned: 3, Reviewed: 3, Kept: 1} },
	"KSTT/R26": func(f *fixture) {
		f.rep.Narrative.Review = &outline.ReviewFigures{Planned: 4, Reviewed: 2, Kept: 2, CompletionRate: decimal.NewFromInt(40)}
	},
	"KSTT/R27": func(f *fixture) {
		f.rep.Narrative.Online = &outline.OnlineFigures{Deployed: 6, PartialOnly: 7}
	},
	"KSTT/R28": func(f *fixture) { f.rep.Narrative.Online = &outline.OnlineFigures{Deployed: 9} },
}

func init() { maps.Copy(ruleBreakers, outlineBreakers) }

// fullFixture is the clean fixture with every figure of the narrative
// stated and consistent: every rule of the catalogue runs on it, none
// fires.
func fullFixture() *fixture {
	f := cleanFixture()
	n := f.rep.Narrative
	n.Impact = &outline.ImpactFigures{Assessed: 2, IssuedAssessed: 1}
	n.Review = &outline.ReviewFigures{Planned: 3, Reviewed: 2, Kept: 1, Amended: 1, Linked: 1, Electronic: 1,
		MoneySaved: decimal.NewFromInt(1_250_000), CostSavingRate: decimal.RequireFromString("12.5"),
		CompletionRate: decimal.RequireFromString("66.67")}
	n.Feedback = &outline.FeedbackFigures{Total: new(int64(5)), New: 4, CarriedOver: 1, Regulations: 3, Conduct: 2,
		Handled: 4, Published: 3, InProgress: 1}
	n.OneStop = &outline.OneStopFigures{SurveyResponses: 18}
	// II.08 of the fixture: Σ(4) = 3, Σ(7) = 3.
	n.Online = &outline.OnlineFigures{Deployed: 6, PartialOnly: 3}
	return f
}

// TestReportRulesPassAndFail is the table test of the report-level rules
// (KSTT/…): for each, the fully stated clean report passes, and one change
// to the figures it relates makes it fail with its numbers.
func TestReportRulesPassAndFail(t *testing.T) {
	cases := []struct {
		rule           string
		breakIt        func(f *fixture)
		expected, diff string // of the finding ("" = not checked)
	}{
		{"KSTT/R01", func(f *fixture) { f.b.Header.Unit = "Sở Tư Pháp " }, "", ""}, // case and spacing only: passes; then another unit fails
		{"KSTT/R02", func(f *fixture) { f.rep.Narrative.PeriodText = "Quý I năm 2024" }, "", ""},
		{"KSTT/R03", func(f *fixture) {
			f.a.Rows[1].Online, f.a.Rows[1].Received, f.a.Total.Online, f.a.Total.Received = 5, 5, 11, 15
		}, "10", "+1"},
		{"KSTT/R04", func(f *fixture) { f.narr.Received = 13 }, "14", "-1"},
		{"KSTT/R16", func(f *fixture) { f.narr.Received = 15 }, "14", "+1"},
		{"KSTT/R20", func(f *fixture) { *f.rep.Narrative.Feedback.Total = 6 }, "5", "+1"},
		{"KSTT/R21", func(f *fixture) { f.rep.Narrative.Feedback.Conduct = 1 }, "4", "+1"},
		{"KSTT/R22", func(f *fixture) { f.rep.Narrative.Feedback.InProgress = 0 }, "4", "+1"},
		{"KSTT/R23", func(f *fixture) { f.rep.Narrative.Feedback.Published = 5 }, "≤ 4", "+1"},
		{"KSTT/R24", func(f *fixture) { f.narr.Pending, f.narr.PendingOnTime = 1, 0 }, "13", "+1"},
		{"KSTT/R25", func(f *fixture) { f.rep.Narrative.Review.Abolished = 1 }, "3", "-1"},
		{"KSTT/R26", func(f *fixture) { f.rep.Narrative.Review.CompletionRate = decimal.NewFromInt(50) }, "66.67", "-16.67"},
		{"KSTT/R27", func(f *fixture) { f.rep.Narrative.Online.PartialOnly = 7 }, "≤ 6", "+1"},
		{"KSTT/R28", func(f *fixture) { f.rep.Narrative.Online.Deployed = 5 }, "6", "-1"},
	}
	clean, err := Check(fullFixture().rep, kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(clean) != 0 {
		t.Fatalf("the fully stated clean report raises %v", clean)
	}
	for _, c := range cases {
		t.Run(c.rule, func(t *testing.T) {
			f := fullFixture()
			c.breakIt(f)
			fs, err := Check(f.rep, kstt.CheckOptions{})
			if err != nil {
				t.Fatal(err)
			}
			hit := byRule(t, fs, kstt.RuleID(c.rule))
			if c.rule == "KSTT/R01" {
				// Case and spacing alone are no difference.
				if len(hit) != 0 {
					t.Fatalf("a unit written in another case must match: %v", hit)
				}
				f.b.Header.Unit = "Sở Tài chính"
				fs, _ = Check(f.rep, kstt.CheckOptions{})
				hit = byRule(t, fs, kstt.RuleID(c.rule))
			}
			if len(hit) == 0 {
				t.Fatalf("%s does not fire; findings: %v", c.rule, fs)
			}
			h := hit[0]
			if c.expected != "" && (h.Expected != c.expected || h.Difference != c.diff) {
				t.Errorf("finding = expected %q diff %q, want %q %q: %v", h.Expected, h.Difference, c.expected, c.diff, h)
			}
			if h.Message == "" || h.MessageEN == "" || (h.Form == "" && h.Row != -1) {
				t.Errorf("report finding without messages or with a row: %+v", h)
			}
		})
	}
}

// TestOutlineRulesSkipUnstatedFigures: a figure the narrative does not
// state switches off the rules that read it, rather than reading it as 0.
func TestOutlineRulesSkipUnstatedFigures(t *testing.T) {
	f := fullFixture()
	f.rep.Narrative.Feedback.Total = nil
	f.rep.Narrative.Feedback.New = 99
	fs, err := Check(f.rep, kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := byRule(t, fs, "KSTT/R20", "KSTT/R21", "KSTT/R22"); len(got) != 0 {
		t.Fatalf("rules on an unstated total fired: %v", got)
	}
	f.rep.Narrative.Online = nil
	f.rep.Narrative.Review = nil
	if fs, _ := Check(f.rep, kstt.CheckOptions{}); len(fs) != 0 {
		t.Fatalf("absent sections raised %v", fs)
	}
}

func TestOutlineRuleMessagesNameTheFigures(t *testing.T) {
	f := fullFixture()
	f.rep.Narrative.Feedback.Published = 5
	fs, _ := Check(f.rep, kstt.CheckOptions{})
	h := byRule(t, fs, "KSTT/R23")
	if len(h) != 1 || !strings.Contains(h[0].Message, "feedback.published = 5") || !strings.Contains(h[0].MessageEN, "exceeds") {
		t.Fatalf("message: %v", h)
	}
}
