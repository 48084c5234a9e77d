package tally

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/period"
)

// A tally's findings are kstt.Findings: typed rule IDs, the record named
// by Record, Source and Line, and the methods of every finding (Where,
// errors.Is with the rule ID, JSON).
func TestFindingsAreKsttFindings(t *testing.T) {
	const list = "STT,Mã hồ sơ,Lĩnh vực,Cấp,Kênh,Ngày tiếp nhận,Ngày hẹn trả,Ngày trả kết quả\n" +
		"1,H1,Hộ tịch,Cấp xã,Trực tuyến,02/07/2024,05/07/2024,01/07/2024\n" +
		"2,H2,Hộ tịch,Cấp xã,Trực tuyến,02/07/2024,05/07/2024,30/2/2024\n"
	q3, err := period.Parse("Quý III năm 2024")
	if err != nil {
		t.Fatal(err)
	}
	tl, err := New(q3, Policy{})
	if err != nil {
		t.Fatal(err)
	}
	if err := tl.AddSeq2(ReadCSV(strings.NewReader(list), ReadOptions{Source: "l.csv"})); err != nil {
		t.Fatal(err)
	}
	res, err := tl.Result(kstt.Header{Unit: "u", Recipient: "r"})
	if err != nil {
		t.Fatal(err)
	}
	var fs kstt.Findings = res.Findings
	early := fs.Filter(func(f kstt.Finding) bool { return f.Rule == RuleFinishedBeforeReceived })
	bad := fs.Filter(func(f kstt.Finding) bool { return f.Rule == RuleRejectedRow })
	if len(early) != 1 || len(bad) != 1 {
		t.Fatalf("findings %v", fs)
	}
	f := early[0]
	if f.Record != "H1" || f.Source != "l.csv" || f.Line != 2 || f.Row != -1 || f.Form != "" || f.Action != "skip" {
		t.Errorf("TALLY/R01: %+v", f)
	}
	if l := f.Location(); l.File != "l.csv" || l.Line != 2 || l.Row != -1 {
		t.Errorf("Location %+v", l)
	}
	if w := f.Where(); w != "l.csv:2 hồ sơ H1" {
		t.Errorf("Where %q", w)
	}
	if !errors.Is(fs.Err(), RuleFinishedBeforeReceived) || ProblemFinishedBeforeReceived.Rule() != RuleFinishedBeforeReceived {
		t.Errorf("errors.Is with the rule ID")
	}
	if b := bad[0]; b.SourceColumn != "Ngày trả kết quả" || b.Line != 3 || b.Actual != "30/2/2024" {
		t.Errorf("TALLY/R10: %+v", b)
	}
	data, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"rule":"TALLY/R01"`, `"row":-1`, `"record":"H1"`, `"source":"l.csv"`, `"line":2`, `"action":"skip"`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("JSON %s lacks %s", data, want)
		}
	}
}
