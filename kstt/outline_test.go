package kstt_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/outline"
	"github.com/baocaodinhky/vpcp/period"
)

// smallNarrative states a heading, one figure section and the tasks; the
// whole outline is tested in package outline.
func smallNarrative() *outline.Narrative {
	return &outline.Narrative{
		Heading:  &outline.Heading{Authority: "UBND TỈNH HÀ TĨNH", Issuer: "SỞ NGOẠI VỤ", Title: "Công tác kiểm soát thủ tục hành chính"},
		Feedback: &outline.FeedbackFigures{New: 2, Handled: 2},
		Review:   &outline.ReviewFigures{MoneySaved: decimal.RequireFromString("1250000.5")},
		Tasks:    []string{"Việc một."},
	}
}

var decimalEqual = cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) })

// TestWriteNarrativeNamesTheNextPeriod: the report's period names part III.
func TestWriteNarrativeNamesTheNextPeriod(t *testing.T) {
	r := &kstt.Report{Header: kstt.Header{Period: period.Must(period.Quarter(2024, 4))}, Narrative: smallNarrative()}
	var b bytes.Buffer
	if err := kstt.WriteNarrative(&b, r); err != nil {
		t.Fatal(err)
	}
	if want := "\nIII. PHƯƠNG HƯỚNG NHIỆM VỤ CHỦ YẾU QUÝ I NĂM 2025\n\n1. Việc một.\n"; !strings.Contains(b.String(), want) {
		t.Errorf("missing %q in\n%s", want, b.String())
	}
	b.Reset()
	if err := kstt.WriteNarrative(&b, &kstt.Report{}); err != nil || b.Len() != 0 {
		t.Errorf("no narrative: %q %v", b.String(), err)
	}
}

func TestReportWithNarrativeRoundTrip(t *testing.T) {
	r := &kstt.Report{Header: kstt.Header{Unit: "Sở Ngoại vụ", Recipient: "UBND tỉnh", Period: period.Must(period.Quarter(2024, 2))},
		Narrative: smallNarrative()}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	c := &kstt.Catalogue{}
	back, err := c.DecodeReport(b)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(r, back, decimalEqual, cmp.Comparer(func(a, b period.Period) bool { return a == b })); d != "" {
		t.Errorf("round trip (-want +got):\n%s", d)
	}
}

// TestCatalogueValidatesOutlineRules: report-level AtMost and Percentage
// rules must name figures that exist, of the right kind.
func TestCatalogueValidatesOutlineRules(t *testing.T) {
	base := kstt.Rule{ID: "X/R1", Severity: kstt.Warning, Expr: "e", Basis: "b", Meaning: "m", MeaningEN: "m"}
	for _, c := range []struct {
		name string
		r    func(kstt.Rule) kstt.Rule
		ok   bool
	}{
		{"at-most on figures", func(r kstt.Rule) kstt.Rule {
			r.Kind, r.Target, r.Terms = kstt.AtMost, kstt.Ref{Field: "feedback.published"}, []kstt.Ref{{Field: "feedback.handled"}}
			return r
		}, true},
		{"at-most without terms", func(r kstt.Rule) kstt.Rule {
			r.Kind, r.Target = kstt.AtMost, kstt.Ref{Field: "feedback.published"}
			return r
		}, false},
		{"at-most on an unknown figure", func(r kstt.Rule) kstt.Rule {
			r.Kind, r.Target, r.Terms = kstt.AtMost, kstt.Ref{Field: "feedback.nope"}, []kstt.Ref{{Field: "feedback.handled"}}
			return r
		}, false},
		{"rate on a decimal figure", func(r kstt.Rule) kstt.Rule {
			r.Kind, r.Target = kstt.Percentage, kstt.Ref{Field: "review.completion_rate"}
			r.Terms = []kstt.Ref{{Field: "review.reviewed"}, {Field: "review.planned"}}
			return r
		}, true},
		{"rate on a whole-number figure", func(r kstt.Rule) kstt.Rule {
			r.Kind, r.Target = kstt.Percentage, kstt.Ref{Field: "review.reviewed"}
			r.Terms = []kstt.Ref{{Field: "review.reviewed"}, {Field: "review.planned"}}
			return r
		}, false},
		{"rate with one term", func(r kstt.Rule) kstt.Rule {
			r.Kind, r.Target = kstt.Percentage, kstt.Ref{Field: "review.completion_rate"}
			r.Terms = []kstt.Ref{{Field: "review.reviewed"}}
			return r
		}, false},
	} {
		cat := &kstt.Catalogue{Report: []kstt.Rule{c.r(base)}}
		err := cat.Validate()
		if (err == nil) != c.ok {
			t.Errorf("%s: Validate() = %v, want ok=%v", c.name, err, c.ok)
		}
		if err != nil && !errors.Is(err, kstt.ErrBadRule) {
			t.Errorf("%s: %v does not match ErrBadRule", c.name, err)
		}
	}
}
