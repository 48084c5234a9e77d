package bieu

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/decl"
	"github.com/baocaodinhky/vpcp/period"
)

// setPeriod moves the whole fixture to period p.
func (f *fixture) setPeriod(p period.Period) {
	f.rep.Header.Period = p
	f.a.Header.Period = p
	f.ab.Header.Period = p
	f.b.Header.Period = p
	f.c.Header.Period = p
	f.rep.Narrative.PeriodText = "(" + p.RangeText() + ")"
}

func init() {
	q32025 := period.Must(period.Quarter(2025, 3))
	ruleBreakers["KSTT/R40"] = func(f *fixture) { f.setPeriod(period.Must(period.Quarter(2026, 1))) }
	// The clean fixture has cấp huyện figures: legitimate in Q2 2024.
	ruleBreakers["KSTT/R41"] = func(f *fixture) { f.setPeriod(q32025) }
	ruleBreakers["KSTT/R42"] = func(f *fixture) { f.setPeriod(q32025) }
	ruleBreakers["KSTT/R43"] = func(f *fixture) { f.setPeriod(q32025) }
	ruleBreakers["KSTT/R44"] = func(f *fixture) {
		f.setPeriod(q32025)
		f.c.Sections[0].Levels = append(f.c.Sections[0].Levels, II08Level{Code: "II", Title: LevelDistrict,
			Rows: []II08Row{{STT: "1", Field: "Lĩnh vực hộ tịch", FullAssigned: 1}}})
	}
}

func rulesOf(fs kstt.Findings, prefix string) map[kstt.RuleID]kstt.Severity {
	out := map[kstt.RuleID]kstt.Severity{}
	for _, f := range fs {
		if strings.HasPrefix(string(f.Rule), prefix) {
			out[f.Rule] = f.Severity
		}
	}
	return out
}

func TestEditionNoticeFor2026(t *testing.T) {
	f := cleanFixture()
	f.setPeriod(period.Must(period.Quarter(2026, 1)))
	fs, err := Check(f.rep, kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	n := byRule(t, fs, RuleKSTTR40)
	if len(n) != 1 || n[0].Severity != kstt.Info {
		t.Fatalf("want one Info %s, got %v", RuleKSTTR40, n)
	}
	msg := n[0].Message
	for _, want := range []string{"Quý I năm 2026", "Thông tư 01/2020/TT-VPCP", "Thông tư 5/2025/TT-VPCP", "15/02/2026", "không phải theo quy định mới"} {
		if !strings.Contains(msg, want) {
			t.Errorf("notice lacks %q: %s", want, msg)
		}
	}
	if n[0].Actual != "Thông tư 01/2020/TT-VPCP" {
		t.Errorf("Actual = %q, want the edition applied", n[0].Actual)
	}
	if strings.Contains(n[0].MessageEN, "checked against Thông tư 5/2025") {
		t.Errorf("the notice must not imply the 2026 rules were applied: %s", n[0].MessageEN)
	}
	// The Year 2025 report (ends 14/12/2025) and Quý I năm 2026 differ.
	f = cleanFixture()
	f.setPeriod(period.Must(period.Year(2025)))
	fs, _ = Check(f.rep, kstt.CheckOptions{})
	if len(byRule(t, fs, RuleKSTTR40)) != 0 {
		t.Errorf("Năm 2025 ends before 15/02/2026: no notice wanted, got %v", byRule(t, fs, RuleKSTTR40))
	}
	// The notice can be switched off like any rule.
	f = cleanFixture()
	f.setPeriod(period.Must(period.Quarter(2026, 1)))
	fs, err = Check(f.rep, kstt.CheckOptions{Rules: map[kstt.RuleID]kstt.RuleOverride{RuleKSTTR40: {Off: true}}})
	if err != nil || len(byRule(t, fs, RuleKSTTR40)) != 0 {
		t.Errorf("off: %v %v", err, byRule(t, fs, RuleKSTTR40))
	}
}

func TestTwoLevelWarningsQ32025(t *testing.T) {
	f := cleanFixture()
	f.setPeriod(period.Must(period.Quarter(2025, 3)))
	fs, err := Check(f.rep, kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := rulesOf(fs, "KSTT/R4")
	want := map[kstt.RuleID]kstt.Severity{"KSTT/R41": kstt.Warning, "KSTT/R42": kstt.Warning, "KSTT/R43": kstt.Warning}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for id, sev := range want {
		if got[id] != sev {
			t.Errorf("%s: got %v, want %v", id, got[id], sev)
		}
	}
	// II.07b Part I (5) of "Lĩnh vực hộ tịch" is 3: named with its cell.
	r41 := byRule(t, fs, "KSTT/R41")
	if len(r41) != 3 || r41[0].Column != 5 || r41[0].Actual != "3" || r41[0].RowLabel != "Lĩnh vực hộ tịch" {
		t.Fatalf("R41 findings: %v", r41)
	}
	for _, want := range []string{"Quý III năm 2025", "15/6/2025", "Luật Tổ chức chính quyền địa phương 2025", "hai cấp", "không còn cấp huyện"} {
		if !strings.Contains(r41[0].Message, want) {
			t.Errorf("R41 message lacks %q: %s", want, r41[0].Message)
		}
	}
	rule, _ := Official().Rule("KSTT/R41")
	if !strings.Contains(rule.Basis, "01/7/2025") {
		t.Errorf("R41 basis does not cite the change: %s", rule.Basis)
	}
}

func TestQ22024GetsNeither(t *testing.T) {
	f := cleanFixture() // Q2 2024, with cấp huyện figures
	fs, err := Check(f.rep, kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := rulesOf(fs, "KSTT/R4"); len(got) != 0 {
		t.Fatalf("Q2 2024: want no KSTT/R40–R44, got %v", got)
	}
}

func TestUserEditionTakesPrecedence(t *testing.T) {
	eds := DefaultEditions()
	// A user's 2026 edition: here the official catalogue without II.06a/R06.
	cat := Official()
	for _, s := range cat.Forms {
		if s.Code == "II.06a" {
			s.Rules = s.Rules[:5]
		}
	}
	ed := Edition{Catalogue: cat}
	ed.Name = "Thông tư 5/2025/TT-VPCP"
	ed.ValidFrom = period.MustDate(2026, 2, 15)
	if err := eds.Register(ed); err != nil {
		t.Fatal(err)
	}
	got, exact := eds.For(period.Must(period.Quarter(2026, 1)))
	if !exact || got.Name != ed.Name {
		t.Fatalf("Q1 2026: got %q exact=%v", got.Name, exact)
	}
	got, exact = eds.For(period.Must(period.Quarter(2024, 2)))
	if !exact || got.Name != Edition0120.Name {
		t.Fatalf("Q2 2024: got %q exact=%v", got.Name, exact)
	}
	f := cleanFixture()
	f.setPeriod(period.Must(period.Quarter(2026, 1)))
	f.a.Rows[0].Online++
	f.a.Rows[0].Received++ // breaks II.06a/R06, which the user's edition lacks
	fs, err := eds.Check(f.rep, kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(byRule(t, fs, RuleKSTTR40)) != 0 || len(byRule(t, fs, "II.06a/R06")) != 0 {
		t.Fatalf("user edition not applied: %v", fs)
	}
	if err := eds.Register(Edition{}); err == nil {
		t.Error("an edition without catalogue must be refused")
	}
}

func TestGuessLevelAtAndRollupNoDistrict(t *testing.T) {
	q4 := period.Must(period.Quarter(2025, 4)) // 15/9–14/12/2025
	q3 := period.Must(period.Quarter(2025, 3)) // 15/6–14/9/2025: still district days
	if GuessLevelAt("UBND huyện Cẩm Xuyên", q4) != LevelUnknown || GuessLevelAt("UBND huyện Cẩm Xuyên", q3) != DistrictLevel {
		t.Fatal("GuessLevelAt does not know that a huyện no longer reports")
	}
	if GuessLevelAt("UBND xã Cẩm Xuyên", q4) != CommuneLevel {
		t.Fatal("a commune still reports")
	}
	mk := func(unit string, p period.Period) *kstt.Report {
		h := kstt.Header{Unit: unit, Recipient: "UBND tỉnh", Period: p}
		a := &II06a{Header: h, Rows: []II06aRow{{STT: "1", Field: "Hộ tịch", Direct: 1, OnTime: 1}}}
		_ = a.Fill()
		return &kstt.Report{Header: h, Forms: []kstt.Form{a}}
	}
	_, err := Rollup([]*kstt.Report{mk("Sở Tư pháp", q4), mk("UBND huyện Cẩm Xuyên", q4)}, RollupOptions{})
	if !errors.Is(err, ErrNoDistrict) {
		t.Fatalf("Q4 2025 with a huyện: want ErrNoDistrict, got %v", err)
	}
	agg, err := Rollup([]*kstt.Report{mk("Sở Tư pháp", q3), mk("UBND huyện Cẩm Xuyên", q3)}, RollupOptions{})
	if err != nil {
		t.Fatalf("Q3 2025 still has district days: %v", err)
	}
	fs, err := agg.Check(kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(byRule(t, fs, "KSTT/R43")) == 0 {
		t.Errorf("the aggregate's II.06b CẤP HUYỆN rows in Q3 2025 want KSTT/R43: %v", fs)
	}
}

// Forms declared as data roll up too: each unit's II.07b by unit is summed
// by its schema, and the aggregate is checked with its rules.
func TestRollupDeclaredForm(t *testing.T) {
	data, err := os.ReadFile("../examples/decl/ii07b-don-vi.json")
	if err != nil {
		t.Fatal(err)
	}
	s, err := decl.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	q := period.Must(period.Quarter(2024, 2))
	mk := func(unit string, n int64) *kstt.Report {
		h := kstt.Header{Unit: unit, Recipient: "UBND tỉnh", Period: q}
		f := s.New(h)
		if err := f.AddRow(0, unit, map[string]int64{"competent_province": n, "one_stop_province": n, "process_province": n}); err != nil {
			t.Fatal(err)
		}
		if err := f.Fill(); err != nil {
			t.Fatal(err)
		}
		a := &II06a{Header: h, Rows: []II06aRow{{STT: "1", Field: "Hộ tịch", Direct: n, OnTime: n}}}
		_ = a.Fill()
		return &kstt.Report{Header: h, Forms: []kstt.Form{a, f}}
	}
	agg, err := Rollup([]*kstt.Report{mk("Sở Tư pháp", 3), mk("Sở Xây dựng", 4)}, RollupOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(agg.Declared) != 1 {
		t.Fatalf("declared aggregates: %d", len(agg.Declared))
	}
	d := agg.Declared[0]
	if len(d.Parts[0].Rows) != 2 || d.Value(0, 2, 3) != 7 || d.Header.Unit != "UBND tỉnh" {
		t.Fatalf("aggregate: %+v", d.Parts[0])
	}
	if agg.Report().Form("II.07b-DV") == nil {
		t.Fatal("the aggregate's report lacks the declared form")
	}
	d.Parts[0].Total.Values[4] = 99 // break its TỔNG CỘNG
	fs, err := agg.Check(kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(declaredRule(fs, "II.07b-DV/R04")) == 0 {
		t.Fatalf("the declared aggregate is not checked: %v", fs)
	}
}

func TestRollupEditionNotice(t *testing.T) {
	mk := func(unit string, p period.Period) *kstt.Report {
		h := kstt.Header{Unit: unit, Recipient: "UBND tỉnh", Period: p}
		a := &II06a{Header: h, Rows: []II06aRow{{STT: "1", Field: "Hộ tịch", Direct: 1, OnTime: 1}}}
		_ = a.Fill()
		return &kstt.Report{Header: h, Forms: []kstt.Form{a}}
	}
	for _, c := range []struct {
		p    period.Period
		want int
	}{{period.Must(period.Quarter(2026, 1)), 1}, {period.Must(period.Quarter(2025, 4)), 0}} {
		agg, err := Rollup([]*kstt.Report{mk("Sở Tư pháp", c.p), mk("UBND xã Cẩm Xuyên", c.p)}, RollupOptions{})
		if err != nil {
			t.Fatal(err)
		}
		fs, err := agg.Check(kstt.CheckOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if got := len(byRule(t, fs, RuleKSTTR40)); got != c.want {
			t.Errorf("%s: %d notices, want %d", c.p, got, c.want)
		}
		fs, err = agg.Check(kstt.CheckOptions{Rules: map[kstt.RuleID]kstt.RuleOverride{RuleKSTTR40: {Off: true}, "II.06a/R06": {Severity: kstt.Info}}})
		if err != nil || len(byRule(t, fs, RuleKSTTR40)) != 0 {
			t.Errorf("off: %v %v", err, fs)
		}
	}
}
