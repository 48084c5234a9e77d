package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
)

// TestSeedFindings asserts what FORMS.md says the seed must yield: no
// arithmetic error on any form, and exactly these findings with their
// numbers.
func TestSeedFindings(t *testing.T) {
	fs, err := bieu.Check(seedReport(), kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		rule, form, label string
		col               int
		expected, actual  string
		sev               kstt.Severity
	}
	want := []key{
		{"KSTT/R02", "", "Kỳ báo cáo (tiêu đề)", 0, "Quý II năm 2024 (Từ ngày 15/3/2024 đến ngày 14/6/2024)", "(Từ ngày 15/3/2023 – 14/6/2024)", kstt.Error},
		{"KSTT/R03", "II.06a", "TỔNG CỘNG", 4, "0", "31", kstt.Warning},
		{"II.07b/R06", "II.07b", "Lĩnh vực đối ngoại", 7, "≤ 1", "5", kstt.Warning},
		{"II.07b/R07", "II.07b", "Lĩnh vực đối ngoại", 8, "≤ 1", "5", kstt.Warning},
	}
	var got []key
	for _, f := range fs {
		got = append(got, key{string(f.Rule), f.Form, f.RowLabel, f.Column, f.Expected, f.Actual, f.Severity})
	}
	if len(got) != len(want) {
		t.Fatalf("got %d findings, want %d:\n%v", len(got), len(want), fs)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("finding %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
	if !strings.Contains(fs[0].Message, "15 tháng") || !strings.Contains(fs[0].MessageEN, "15 months") {
		t.Errorf("the period finding does not say 15 months: %s / %s", fs[0].Message, fs[0].MessageEN)
	}
	for _, f := range fs {
		if f.Rule[0] == 'I' && f.Severity == kstt.Error {
			t.Errorf("arithmetic error on a form: %v", f)
		}
	}
}

// TestSeedFiguresHold checks the seed's printed totals and the II.07b
// Part II rates that FORMS.md says hold.
func TestSeedFiguresHold(t *testing.T) {
	r := seedReport()
	a := r.Form("II.06a").(*bieu.II06a)
	if a.Total != (bieu.II06aRow{Received: 33, Online: 31, CarriedOver: 2, Resolved: 33, OnTime: 33}) {
		t.Errorf("II.06a TỔNG CỘNG = %+v", a.Total)
	}
	b := r.Form("II.07b").(*bieu.II07b)
	if b.PartI.Total.OneStop != 5 || b.PartI.Total.Competent != 1 || !b.PartII.Rows[0].ProvinceRate.IsZero() || !b.PartII.Total.ProvinceRate.IsZero() {
		t.Errorf("II.07b = %+v", b)
	}
	c := r.Form("II.08").(*bieu.II08)
	if c.Total != (bieu.II08Row{PartialAssigned: 4, PartialDeployed: 4, FullAssigned: 1, FullDeployed: 1, Integrated: 1}) {
		t.Errorf("II.08 TỔNG CỘNG = %+v", c.Total)
	}
}

func TestRunPrintsFindingsAndForms(t *testing.T) {
	var out bytes.Buffer
	path := filepath.Join(t.TempDir(), "q.xlsx")
	if err := run(&out, path); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(path); err != nil || st.Size() < 1000 {
		t.Fatalf("workbook not written: %v", err)
	}
	if err := run(&out, filepath.Join(t.TempDir(), "no-such-dir", "q.xlsx")); err == nil {
		t.Fatal("writing into a missing folder must fail")
	}
	for _, s := range []string{"1 lỗi, 3 cảnh báo", "KSTT/R02", "Biểu số II.06a/VPCP/KSTT", "Lĩnh vực lãnh sự", "TỔNG CỘNG", "q.xlsx"} {
		if !strings.Contains(out.String(), s) {
			t.Errorf("output lacks %q", s)
		}
	}
}
