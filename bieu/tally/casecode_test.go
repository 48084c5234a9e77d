package tally

import (
	"strings"
	"testing"
	"time"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/period"
)

func TestCaseCode(t *testing.T) {
	vn := Vietnam()
	for code, want := range map[string]bool{
		"000.21.31.H12-240710-000609": true, "000.00.00.H12-240710-0001": true,
		"000.21.31.H12-240710-001": false, "000.21.31.h12-240710-0001": false, "000.21.31.H12-241310-0001": false,
		"000.21.31.H12-240231-0001": false, "00.21.31.H12-240710-0001": false, "000.21.31.H12-240710-00000001": false,
	} {
		if _, _, _, ok := checkCode(code); ok != want {
			t.Errorf("checkCode(%q) = %v, want %v", code, ok, want)
		}
	}
	q, _ := period.Parse("Quý III năm 2024")
	tl, _ := New(q, Policy{})
	at := time.Date(2024, 7, 10, 8, 0, 0, 0, vn)
	for i, code := range []string{"000.21.31.H12-240710-0001", "000.21.31.H12-240711-0002", "000.21.31.H12-2407-0003", "H04", "000.21.31.H12-240710-0001x"} {
		_ = tl.Add(Record{Code: code, Field: "Hộ tịch", Channel: Direct, Received: at, Due: at.Add(72 * time.Hour), Source: "l.csv", Row: i + 2})
	}
	res, _ := tl.Result(kstt.Header{Unit: "u", Recipient: "r"})
	var got []string
	for _, f := range res.Findings {
		if f.Rule == RuleCaseCode || f.Rule == RuleCaseCodeDate {
			if f.Severity != kstt.Warning {
				t.Errorf("%s: severity %v", f.Rule, f.Severity)
			}
			got = append(got, string(f.Rule)+" "+f.Where())
			t.Log(f)
		}
	}
	want := "TALLY/R14 l.csv:3 hồ sơ 000.21.31.H12-240711-0002|TALLY/R13 l.csv:4 hồ sơ 000.21.31.H12-2407-0003|TALLY/R13 l.csv:6 hồ sơ 000.21.31.H12-240710-0001x"
	if strings.Join(got, "|") != want {
		t.Errorf("findings %q, want %q", strings.Join(got, "|"), want)
	}
	if res.II06a.Total.Received != 5 {
		t.Errorf("received %d: a code's Warning must not leave the record out", res.II06a.Total.Received)
	}
}

func TestCalendarQuarter(t *testing.T) {
	vn := Vietnam()
	q, _ := period.Parse("Quý III năm 2024") // 15/6/2024–14/9/2024
	run := func(from, to time.Time) []kstt.Finding {
		tl, _ := New(q, Policy{})
		n := 0
		for d := from; !d.After(to); d = d.Add(24 * time.Hour) {
			n++
			_ = tl.Add(Record{Code: "H" + d.Format("0102"), Field: "Hộ tịch", Channel: Direct, Received: d, Due: d.Add(72 * time.Hour)})
		}
		res, _ := tl.Result(kstt.Header{Unit: "u", Recipient: "r"})
		var fs []kstt.Finding
		for _, f := range res.Findings {
			if f.Rule == RuleCalendarQuarter {
				fs = append(fs, f)
			}
		}
		return fs
	}
	day := func(m time.Month, d int) time.Time { return time.Date(2024, m, d, 9, 0, 0, 0, vn) }
	// Extracted by calendar Q3 (1/7–30/9): starts from 1/7, inside the window.
	if fs := run(day(7, 1), day(9, 30)); len(fs) != 1 || fs[0].Severity != kstt.Info || fs[0].Actual != "01/07/2024" {
		t.Errorf("calendar Q3: %v", fs)
	} else {
		t.Log(fs[0].MessageEN)
	}
	// Extracted by calendar Q2 (1/4–30/6): stops at 30/6.
	if fs := run(day(4, 1), day(6, 30)); len(fs) != 1 {
		t.Errorf("calendar Q2: %v", fs)
	} else {
		t.Log(fs[0].MessageEN)
	}
	// Decree 09's own window, and a wider list: nothing.
	if fs := run(day(6, 15), day(9, 14)); len(fs) != 0 {
		t.Errorf("Decree 09 window: %v", fs)
	}
	if fs := run(day(5, 2), day(9, 30)); len(fs) != 0 {
		t.Errorf("wider list: %v", fs)
	}
	// period.Parse of a calendar quarter written as dates still names the
	// nearest Decree 09 period, as an error.
	if _, err := period.Parse("1/4/2024 – 30/6/2024"); err == nil || !strings.Contains(err.Error(), "Quý II năm 2024 (từ ngày 15/3/2024 đến ngày 14/6/2024)") {
		t.Errorf("period.Parse of a calendar quarter: %v", err)
	}
}

// TestCaseCodePastMaxFindings: past Policy.MaxFindings the code's findings
// are only counted (Suppressed), by rule, and the kept ones are the first.
func TestCaseCodePastMaxFindings(t *testing.T) {
	vn := Vietnam()
	q, _ := period.Parse("Quý III năm 2024")
	tl, _ := New(q, Policy{MaxFindings: 2})
	at := time.Date(2024, 7, 10, 8, 0, 0, 0, vn)
	for i, code := range []string{"000.21.31.H12-2407-0001", "000.21.31.H12-240711-0002", "000.21.31.H12-2407-0003", "000.21.31.H12-240712-0004", "000.21.31.H12-2407-0005"} {
		_ = tl.Add(Record{Code: code, Field: "Hộ tịch", Unit: "UBND xã Cẩm Bình", Channel: Direct, Received: at, Due: at.Add(72 * time.Hour), Source: "l.csv", Row: i + 2})
	}
	res, _ := tl.Result(kstt.Header{Unit: "u", Recipient: "r"})
	var got []string
	for _, f := range res.Findings {
		got = append(got, string(f.Rule)+" "+f.Where()+" "+f.Message)
	}
	want := []string{
		"TALLY/R13 l.csv:2 hồ sơ 000.21.31.H12-2407-0001 mã số hồ sơ (000.21.31.H12-2407-0001) không theo cấu trúc của Thông tư 01/2018/TT-VPCP, Điều 19 (V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX); vẫn đếm",
		"TALLY/R14 l.csv:3 hồ sơ 000.21.31.H12-240711-0002 ngày trong mã số hồ sơ (11/07/2024) khác ngày tiếp nhận (10/07/2024); vẫn đếm theo ngày tiếp nhận",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if res.Suppressed[RuleCaseCode] != 2 || res.Suppressed[RuleCaseCodeDate] != 1 {
		t.Errorf("suppressed %v, want R13 2, R14 1", res.Suppressed)
	}
}
