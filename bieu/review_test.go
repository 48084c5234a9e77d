package bieu

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/baocaodinhky/vpcp/kstt"
)

// Regression tests for the defects an independent review found.

func TestReviewNilReportAndNilFormAreErrors(t *testing.T) {
	if _, err := Check(nil, kstt.CheckOptions{}); !errors.Is(err, kstt.ErrInvalidReport) {
		t.Errorf("nil report: %v", err)
	}
	var nilForm *II06a
	for _, forms := range [][]kstt.Form{{nil}, {nilForm}} {
		if _, err := Check(&kstt.Report{Forms: forms}, kstt.CheckOptions{}); !errors.Is(err, kstt.ErrInvalidReport) {
			t.Errorf("nil form: %v", err)
		}
	}
}

func TestReviewBlankReportIsNotClean(t *testing.T) {
	fs, err := Check(&kstt.Report{}, kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(byRule(t, fs, "KSTT/R29")) != 1 || !fs.HasErrors() {
		t.Errorf("a report without forms: %v", fs)
	}
	rep, err := DecodeReport([]byte(`{"header":{},"forms":[{"code":"II.06a","form":null}]}`))
	if err != nil {
		t.Fatal(err)
	}
	fs, err = Check(rep, kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"KSTT/R30", "KSTT/R31", "KSTT/R32"} {
		if len(byRule(t, fs, kstt.RuleID(id))) != 1 {
			t.Errorf("blank header: no %s in %v", id, fs)
		}
	}
}

func TestReviewSameFormTwiceIsAFinding(t *testing.T) {
	f := cleanFixture()
	f.rep.Forms = append(f.rep.Forms, f.a)
	fs, err := Check(f.rep, kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := byRule(t, fs, "KSTT/R29")
	if len(got) != 1 || got[0].Form != "II.06a" || got[0].Actual != "2" {
		t.Errorf("duplicate form: %v", got)
	}
}

func TestReviewTextIsStoredNFC(t *testing.T) {
	nfd := norm.NFD.String
	f := &II06a{Header: kstt.Header{Unit: nfd("Sở Tư pháp"), Recipient: "UBND  tỉnh"},
		Rows: []II06aRow{{STT: "1", Field: nfd("Lĩnh vực Hộ tịch"), Online: 1, OnTime: 1}}}
	if err := f.Fill(); err != nil {
		t.Fatal(err)
	}
	if f.Header.Unit != "Sở Tư pháp" || f.Header.Recipient != "UBND tỉnh" || f.Rows[0].Field != "Lĩnh vực Hộ tịch" {
		t.Errorf("Fill did not normalise: %q %q %q", f.Header.Unit, f.Header.Recipient, f.Rows[0].Field)
	}
	data, _ := json.Marshal(kstt.Report{Forms: []kstt.Form{&II08{Sections: []II08Section{{Code: "B", Title: nfd(SectionB),
		Levels: []II08Level{{Code: "I", Title: nfd(LevelProvince), Rows: []II08Row{{Field: nfd("Lĩnh vực đối ngoại")}}}}}}}}})
	rep, err := DecodeReport(data)
	if err != nil {
		t.Fatal(err)
	}
	g := rep.Forms[0].(*II08)
	if !norm.NFC.IsNormalString(g.Sections[0].Title + g.Sections[0].Levels[0].Title + g.Sections[0].Levels[0].Rows[0].Field) {
		t.Error("DecodeReport did not normalise")
	}
}

func TestReviewFindingsReadInVietnameseByDefault(t *testing.T) {
	f := cleanFixture()
	f.a.Rows[0].Received++
	fs, _ := f.a.Check(kstt.CheckOptions{})
	if len(fs) == 0 {
		t.Fatal("no finding")
	}
	if s := fs[0].Error(); !strings.Contains(s, "đúng ra") || s != fs[0].String() {
		t.Errorf("Error() is not the Vietnamese line: %s", s)
	}
	if s := fs[0].English(); !strings.HasPrefix(s, "error II.06a/R01") || !strings.Contains(s, "expected 10, actual 11") {
		t.Errorf("English() = %s", s)
	}
	only := kstt.Finding{Rule: "READ/R04", Severity: kstt.Info, Form: "II.06a", Row: 0, Actual: "1.5"}
	if s := only.String(); strings.Contains(s, "đúng ra") || !strings.Contains(s, "thực tế 1.5") {
		t.Errorf("a finding without an expected value: %s", s)
	}
}

func TestReviewOverflowIsLanguageNeutralAndNamesTheRow(t *testing.T) {
	f := &II06a{Rows: []II06aRow{{Field: "Lĩnh vực A", Received: math.MinInt64, Online: math.MaxInt64, Direct: 1}}}
	fs, _ := f.Check(kstt.CheckOptions{})
	var got kstt.Finding
	for _, x := range byRule(t, fs, "II.06a/R01") {
		if x.Row == 0 {
			got = x
		}
	}
	if got.Expected != "> 9223372036854775807" {
		t.Errorf("overflow finding: %+v", got)
	}
	g := &II06a{Rows: []II06aRow{{Field: "Lĩnh vực A", Online: math.MaxInt64 - 1}, {Field: "Lĩnh vực B", Online: 5}}}
	err := g.Fill()
	if !errors.Is(err, kstt.ErrOverflow) || !strings.Contains(err.Error(), "TỔNG CỘNG of column (3)") || strings.Contains(err.Error(), `part ""`) {
		t.Errorf("Fill overflow across rows: %v", err)
	}
	h := &II06a{Rows: []II06aRow{{Field: "Lĩnh vực A", Online: math.MaxInt64, Direct: 1}}}
	if err := h.Fill(); !errors.Is(err, kstt.ErrOverflow) || !strings.Contains(err.Error(), "row 1 «Lĩnh vực A»") {
		t.Errorf("Fill overflow in a row: %v", err)
	}
}

func TestReviewFindingsNameTheLevelOfTheRow(t *testing.T) {
	f := cleanFixture()
	f.ab.Levels[0].Rows[0].Received = 99
	f.ab.Levels[1].Rows[0].Received = 99
	fs, _ := f.ab.Check(kstt.CheckOptions{})
	var where []string
	for _, x := range byRule(t, fs, "II.06b/R01") {
		where = append(where, x.Where())
	}
	want := []string{"II.06b «CẤP TỈNH › Lĩnh vực hộ tịch» (3)", "II.06b «CẤP HUYỆN › Lĩnh vực hộ tịch» (3)"}
	if strings.Join(where, "|") != strings.Join(want, "|") {
		t.Errorf("where = %q, want %q", where, want)
	}
}

func TestReviewRollupRefusesANilForm(t *testing.T) {
	f := cleanFixture()
	var nilForm *II08
	bad := &kstt.Report{Header: f.rep.Header, Forms: []kstt.Form{nilForm}}
	bad.Header.Unit = "UBND huyện Can Lộc"
	_, err := Rollup([]*kstt.Report{f.rep, bad, {Forms: []kstt.Form{nil}}}, RollupOptions{})
	if !errors.Is(err, kstt.ErrInvalidReport) {
		t.Fatalf("Rollup with a nil form: %v", err)
	}
}
