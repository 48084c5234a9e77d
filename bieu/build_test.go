package bieu_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/period"
)

func TestNewReportSharesHeaderKeepsDisagreement(t *testing.T) {
	q3, _ := period.Parse("Quý III năm 2024")
	q2, _ := period.Parse("Quý II năm 2024")
	h := kstt.Header{Unit: "Sở Ngoại vụ", Recipient: "UBND tỉnh", Period: q3}
	a := &bieu.II06a{Rows: []bieu.II06aRow{{Field: "Lĩnh vực lãnh sự", Online: 1, OnTime: 1}}}
	b := &bieu.II08{Header: kstt.Header{Period: q2}}
	b.Add(bieu.SectionCodeB, bieu.ProvinceLevel, bieu.II08Row{Field: "Lĩnh vực lãnh sự", PartialAssigned: 1, PartialDeployed: 1, PartialFiles: 1})
	r := kstt.NewReport(h, a, b)
	for _, f := range []kstt.Form{a, b} {
		if err := f.(interface{ Fill() error }).Fill(); err != nil {
			t.Fatal(err)
		}
	}
	fs, err := bieu.Check(r, kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs.AtLeast(kstt.Warning) {
		got = append(got, string(f.Rule)+" "+f.Form+" "+f.RowLabel)
	}
	if len(got) != 1 || got[0] != "KSTT/R01 II.08 Kỳ báo cáo" {
		t.Fatalf("want only the II.08 period disagreement, got %q", got)
	}
	if a.Header != h || b.Header.Unit != h.Unit || b.Header.Period != q2 {
		t.Fatalf("headers %+v %+v", a.Header, b.Header)
	}
}

// TestReportLiteralSaysNewReport: a report built as a literal leaves its
// forms' headers empty; the findings say so, and name NewReport.
func TestReportLiteralSaysNewReport(t *testing.T) {
	q3, _ := period.Parse("Quý III năm 2024")
	h := kstt.Header{Unit: "Sở Ngoại vụ", Recipient: "UBND tỉnh", Period: q3}
	a := &bieu.II06a{Rows: []bieu.II06aRow{{Field: "Lĩnh vực lãnh sự", Online: 1, OnTime: 1}}}
	if err := a.Fill(); err != nil {
		t.Fatal(err)
	}
	fs, err := bieu.Check(&kstt.Report{Header: h, Forms: []kstt.Form{a}}, kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	hits := byRule(t, fs, bieu.RuleKSTTR30, bieu.RuleKSTTR31, bieu.RuleKSTTR32)
	if len(hits) != 3 {
		t.Fatalf("want R30, R31, R32: %v", fs)
	}
	for _, f := range hits {
		if !strings.Contains(f.Message, "kstt.NewReport") || !strings.Contains(f.MessageEN, "kstt.NewReport copies it") {
			t.Errorf("no NewReport hint: %s / %s", f.Message, f.MessageEN)
		}
	}
	if !strings.Contains(hits.Sort()[0].MessageEN+hits[1].MessageEN+hits[2].MessageEN, "«Quý III năm 2024»") {
		t.Errorf("the hint names the report's period: %v", hits)
	}
	// A form that names its unit beside one that does not (a report read
	// from files takes the first form's header): no hint, just the finding.
	b := &bieu.II08{Header: h}
	b.Add(bieu.SectionCodeB, bieu.ProvinceLevel, bieu.II08Row{Field: "Lĩnh vực lãnh sự", PartialAssigned: 1, PartialDeployed: 1, PartialFiles: 1})
	fs, _ = bieu.Check(&kstt.Report{Header: h, Forms: []kstt.Form{b, a}}, kstt.CheckOptions{})
	hits = byRule(t, fs, bieu.RuleKSTTR30)
	if len(hits) != 1 || hits[0].Form != "II.06a" || strings.Contains(hits[0].Message, "NewReport") {
		t.Errorf("mixed headers: %v", hits)
	}
	// Built with NewReport, the same form is complete.
	fs, _ = bieu.Check(kstt.NewReport(h, a), kstt.CheckOptions{})
	if got := byRule(t, fs, bieu.RuleKSTTR30, bieu.RuleKSTTR31, bieu.RuleKSTTR32); len(got) != 0 {
		t.Errorf("NewReport: %v", got)
	}
}

func TestFillNumbersBlankSTTOnly(t *testing.T) {
	f := &bieu.II06a{Rows: []bieu.II06aRow{{Field: "a"}, {STT: "x", Field: "b"}, {STT: " ", Field: "c"}}}
	if err := f.Fill(); err != nil {
		t.Fatal(err)
	}
	if f.Rows[0].STT != "1" || f.Rows[1].STT != "x" || f.Rows[2].STT != "3" || f.Total.STT != "" {
		t.Fatalf("%q %q %q %q", f.Rows[0].STT, f.Rows[1].STT, f.Rows[2].STT, f.Total.STT)
	}
	b := (&bieu.II06b{}).Add(bieu.CommuneLevel, bieu.II06aRow{Field: "c"}).Add(bieu.ProvinceLevel, bieu.II06aRow{Field: "p"})
	if err := b.Fill(); err != nil {
		t.Fatal(err)
	}
	if b.Levels[0].Title != bieu.LevelProvince || b.Levels[1].Code != "III" || b.Levels[0].Rows[0].STT != "1" || b.Levels[1].Rows[0].STT != "2" {
		t.Fatalf("%+v", b.Levels)
	}
	d := &bieu.II07b{}
	d.PartI.Rows = []bieu.II07bDeskRow{{Field: "a"}, {Field: "b"}}
	d.PartII.Rows = []bieu.II07bOnSpotRow{{Field: "a"}}
	if err := d.Fill(); err != nil {
		t.Fatal(err)
	}
	if d.PartI.Rows[1].STT != "2" || d.PartII.Rows[0].STT != "1" {
		t.Fatalf("%+v", d)
	}
}

func TestCheckWithoutFillIsOneHint(t *testing.T) {
	f := &bieu.II06a{Rows: []bieu.II06aRow{
		{STT: "1", Field: "a", Online: 3, OnTime: 2, PendingOnTime: 1},
		{STT: "2", Field: "b", CarriedOver: 2, Late: 2},
	}}
	fs, err := f.Check(kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 1 || fs[0].Rule != bieu.RuleII06aR01 || fs[0].Severity != kstt.Error ||
		!strings.Contains(fs[0].MessageEN, "call Fill") || !errors.Is(fs.Err(), bieu.RuleII06aR01) {
		t.Fatalf("want one call-Fill finding, got %v", fs)
	}
	// A form with one wrong derived cell is bad data, not a missing Fill.
	if err := f.Fill(); err != nil {
		t.Fatal(err)
	}
	f.Rows[1].Received = 0
	fs, _ = f.Check(kstt.CheckOptions{})
	if len(fs) < 2 || strings.Contains(fs.Err().Error(), "call Fill") {
		t.Fatalf("want the formula findings, got %v", fs)
	}
	// The same for II.07b (two parts, rates) and II.08 (only the total).
	d := &bieu.II07b{}
	d.PartI.Rows = []bieu.II07bDeskRow{{Field: "a", CompetentProvince: 5, OneStopProvince: 5}}
	d.PartII.Rows = []bieu.II07bOnSpotRow{{Field: "a", Province: 2}}
	fs, _ = d.Check(kstt.CheckOptions{})
	if len(fs) != 1 || !strings.Contains(fs[0].MessageEN, "call Fill") {
		t.Fatalf("II.07b: %v", fs)
	}
	o := (&bieu.II08{}).Add(bieu.SectionCodeB, bieu.ProvinceLevel, bieu.II08Row{Field: "a", PartialAssigned: 2, PartialDeployed: 1})
	fs, _ = o.Check(kstt.CheckOptions{})
	if len(fs) != 1 || !strings.Contains(fs[0].MessageEN, "call Fill") {
		t.Fatalf("II.08: %v", fs)
	}
}

func TestDuplicateFieldRows(t *testing.T) {
	nfd := "Lĩnh vực hộ tịch" // decomposed below
	nfd = "Li\u0303nh vu\u031b\u0323c ho\u0323\u0302 ti\u0323ch"
	f := &bieu.II06a{Rows: []bieu.II06aRow{
		{Field: "Lĩnh vực Hộ tịch", Direct: 1, OnTime: 1},
		{Field: "hộ   tịch", Direct: 1, OnTime: 1},
		{Field: nfd, Direct: 1, OnTime: 1},
		{Field: "Lĩnh vực chứng thực", Direct: 1, OnTime: 1},
	}}
	if err := f.Fill(); err != nil {
		t.Fatal(err)
	}
	fs, err := f.Check(kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := byRule(t, fs, bieu.RuleKSTTR45)
	if len(got) != 2 || got[0].Row != 1 || got[1].Row != 2 || got[0].Severity != kstt.Warning {
		t.Fatalf("want rows 2 and 3 as twins of row 1, got %v", fs)
	}
	// Through the report check too, once per twin; and switched off.
	r := kstt.NewReport(kstt.Header{Unit: "Sở Tư pháp", Recipient: "UBND tỉnh", Period: mustPeriod(t, "Quý III năm 2024")}, f)
	fs, err = bieu.Check(r, kstt.CheckOptions{})
	if err != nil || len(byRule(t, fs, bieu.RuleKSTTR45)) != 2 {
		t.Fatalf("report: %v %v", err, fs)
	}
	off := kstt.CheckOptions{Rules: map[kstt.RuleID]kstt.RuleOverride{bieu.RuleKSTTR45: {Off: true}}}
	if fs, err := f.Check(off); err != nil || len(fs) != 0 {
		t.Fatalf("off: %v %v", err, fs)
	}
	if _, err := f.Check(kstt.CheckOptions{Rules: map[kstt.RuleID]kstt.RuleOverride{"KSTT/R4": {Off: true}}}); !errors.Is(err, kstt.ErrUnknownRule) {
		t.Fatalf("misspelt override: %v", err)
	}
	// The same lĩnh vực under two levels of II.08 is no duplicate.
	o := (&bieu.II08{}).Add(bieu.SectionCodeB, bieu.ProvinceLevel, bieu.II08Row{Field: "Hộ tịch"}).
		Add(bieu.SectionCodeB, bieu.CommuneLevel, bieu.II08Row{Field: "Hộ tịch"})
	_ = o.Fill()
	if fs, _ := o.Check(kstt.CheckOptions{}); len(fs) != 0 {
		t.Fatalf("II.08 two levels: %v", fs)
	}
}

func mustPeriod(t *testing.T, s string) period.Period {
	p, err := period.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
