package tally

import (
	"strings"
	"testing"

	"github.com/baocaodinhky/vpcp/kstt"
)

// A due date before the received date, and an ended status with no finish
// date, were counted with no finding. Each is now a Warning that leaves the
// counts as they were.
func TestDateFindings(t *testing.T) {
	const list = "Mã hồ sơ,Lĩnh vực,Cấp,Kênh,Ngày tiếp nhận,Ngày hẹn trả,Ngày trả kết quả,Trạng thái\n" +
		"H01,Hộ tịch,Cấp xã,Trực tiếp,10/07/2024 08:00,12/07/2024,11/07/2024 09:00,Đã trả kết quả\n" + // clean
		"H02,Hộ tịch,Cấp xã,Trực tiếp,10/07/2024 08:00,09/07/2024,,Đang xử lý\n" + // due before received
		"H03,Hộ tịch,Cấp xã,Trực tiếp,10/07/2024 08:00,10/07/2024,,Đang xử lý\n" + // due the same day: clean
		"H04,Hộ tịch,Cấp xã,Trực tiếp,10/07/2024 08:00,12/07/2024,,Đã trả kết quả\n" + // ended, no finish date
		"H05,Hộ tịch,Cấp xã,Trực tiếp,10/07/2024 08:00,12/07/2024,,Trả lại\n" + // ended, no finish date
		"H06,Hộ tịch,Cấp xã,Trực tiếp,10/07/2024 08:00,12/07/2024,,Chờ bổ sung\n" // open: clean
	var recs []Record
	for r, err := range ReadCSV(strings.NewReader(list), ReadOptions{Source: "l.csv"}) {
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, r)
	}
	run := func(pol Policy) *Result { return tallyOf(t, q3, pol, recs...) }
	res := run(Policy{})
	var got []string
	for _, f := range res.Findings {
		if f.Rule != RuleDueBeforeReceived && f.Rule != RuleStatusWithoutFinish {
			continue
		}
		if f.Severity != kstt.Warning {
			t.Errorf("%s: severity %v", f.Rule, f.Severity)
		}
		got = append(got, string(f.Rule)+" "+f.Where()+" "+f.Actual)
		t.Log(f)
	}
	want := "TALLY/R16 l.csv:3 hồ sơ H02 09/07/2024|TALLY/R17 l.csv:5 hồ sơ H04 đã giải quyết|TALLY/R17 l.csv:6 hồ sơ H05 trả lại"
	if strings.Join(got, "|") != want {
		t.Errorf("findings\n %q\nwant\n %q", strings.Join(got, "|"), want)
	}
	tot := res.II06a.Total
	if tot.Received != 6 || tot.Resolved != 1 || tot.Pending != 5 {
		t.Errorf("received %d, resolved %d, pending %d: the Warnings must not change what is counted", tot.Received, tot.Resolved, tot.Pending)
	}
	// Past the cap they are only counted.
	res = run(Policy{MaxFindings: 1})
	if n := res.Suppressed[RuleStatusWithoutFinish]; n != 2 {
		t.Errorf("suppressed %s: %d, want 2 (%v)", RuleStatusWithoutFinish, n, res.Suppressed)
	}
}
