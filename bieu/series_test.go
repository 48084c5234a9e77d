package bieu_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/period"
	"github.com/baocaodinhky/vpcp/render/xlsx"
)

// seriesReport is one unit's II.06a for p: carried over c per lĩnh vực,
// pending n per lĩnh vực.
func seriesReport(t testing.TB, unit string, p period.Period, carried, pending [2]int64) *kstt.Report {
	h := kstt.Header{Unit: unit, Recipient: "UBND tỉnh Hà Tĩnh", Period: p}
	f := &bieu.II06a{Header: h, Rows: []bieu.II06aRow{
		{STT: "1", Field: "Lĩnh vực Hộ tịch", Direct: 10, CarriedOver: carried[0], OnTime: 10 + carried[0] - pending[0], PendingOnTime: pending[0]},
		{STT: "2", Field: "Đất đai", Online: 5, CarriedOver: carried[1], OnTime: 5 + carried[1] - pending[1], PendingOverdue: pending[1]},
	}}
	if err := f.Fill(); err != nil {
		t.Fatal(err)
	}
	return &kstt.Report{Header: h, Forms: []kstt.Form{f}}
}

func TestCheckSeries(t *testing.T) {
	q2, q3, q4 := period.Must(period.Quarter(2024, 2)), period.Must(period.Quarter(2024, 3)), period.Must(period.Quarter(2024, 4))
	const unit = "UBND huyện Cẩm Xuyên"
	good := []*kstt.Report{
		seriesReport(t, unit, q2, [2]int64{0, 0}, [2]int64{3, 1}),
		seriesReport(t, unit, q3, [2]int64{3, 1}, [2]int64{2, 0}),
		seriesReport(t, unit, q4, [2]int64{2, 0}, [2]int64{0, 0}),
	}
	found, err := bieu.CheckSeries(good, kstt.CheckOptions{})
	if err != nil || len(found) != 0 {
		t.Fatalf("a consistent series: %v %v", found, err)
	}
	// Q3 carries over 4 hộ tịch files where Q2 left 3: R50 on the row,
	// R51 on TỔNG CỘNG.
	bad := []*kstt.Report{good[0], seriesReport(t, unit, q3, [2]int64{4, 1}, [2]int64{2, 0})}
	found, _ = bieu.CheckSeries(bad, kstt.CheckOptions{})
	r50, r51 := byRule(t, found, "KSTT/R50"), byRule(t, found, "KSTT/R51")
	if len(r50) != 1 || r50[0].RowLabel != "Lĩnh vực Hộ tịch" || r50[0].Expected != "3" || r50[0].Actual != "4" || r50[0].Column != 6 {
		t.Errorf("R50: %v", r50)
	}
	if len(r51) != 1 || r51[0].Expected != "4" || r51[0].Actual != "5" {
		t.Errorf("R51: %v", r51)
	}
	// A lĩnh vực pending at the end of Q2 and gone from Q3.
	q3only := seriesReport(t, unit, q3, [2]int64{3, 0}, [2]int64{2, 0})
	a := q3only.Forms[0].(*bieu.II06a)
	a.Rows = a.Rows[:1]
	_ = a.Fill()
	found, _ = bieu.CheckSeries([]*kstt.Report{good[0], q3only}, kstt.CheckOptions{})
	if r := byRule(t, found, "KSTT/R50"); len(r) != 1 || r[0].RowLabel != "Đất đai" || r[0].Expected != "1" {
		t.Errorf("missing lĩnh vực: %v", found)
	}
	// Not consecutive, or another unit: R52, and the chain restarts.
	for _, rs := range [][]*kstt.Report{
		{good[0], good[2]},
		{good[0], seriesReport(t, "UBND huyện Kỳ Anh", q3, [2]int64{3, 1}, [2]int64{2, 0})},
	} {
		found, _ = bieu.CheckSeries(rs, kstt.CheckOptions{})
		if len(found) != 1 || found[0].Rule != "KSTT/R52" || found[0].Severity != kstt.Error {
			t.Errorf("R52: %v", found)
		}
	}
	// Options switch rules off and are validated.
	found, _ = bieu.CheckSeries(bad, kstt.CheckOptions{Rules: map[kstt.RuleID]kstt.RuleOverride{"KSTT/R50": {Off: true}, "KSTT/R51": {Severity: kstt.Error}}})
	if len(found) != 1 || found[0].Rule != "KSTT/R51" || found[0].Severity != kstt.Error {
		t.Errorf("options: %v", found)
	}
	if _, err := bieu.CheckSeries(bad, kstt.CheckOptions{Rules: map[kstt.RuleID]kstt.RuleOverride{"KSTT/R5O": {Off: true}}}); err == nil {
		t.Error("a misspelt rule ID is accepted")
	}
}

// TestCheckSeriesFromFiles: reports read back from workbooks carry their
// cells into the series findings.
func TestCheckSeriesFromFiles(t *testing.T) {
	q2, q3 := period.Must(period.Quarter(2024, 2)), period.Must(period.Quarter(2024, 3))
	var read []*kstt.Report
	for _, r := range []*kstt.Report{
		seriesReport(t, "UBND huyện Cẩm Xuyên", q2, [2]int64{0, 0}, [2]int64{3, 1}),
		seriesReport(t, "UBND huyện Cẩm Xuyên", q3, [2]int64{4, 1}, [2]int64{2, 0}),
	} {
		var b bytes.Buffer
		if err := xlsx.New(xlsx.Options{}).Render(&b, r.Sheets()...); err != nil {
			t.Fatal(err)
		}
		read = append(read, readWorkbook(t, b.Bytes()).Report())
	}
	found, err := bieu.CheckSeries(read, kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r50 := byRule(t, found, "KSTT/R50")
	if len(r50) != 1 || r50[0].Cell == "" {
		t.Errorf("R50 from a workbook: %v", found)
	}
}

func ExampleCheckSeries() {
	mk := func(q int, carried, pending int64) *kstt.Report {
		h := kstt.Header{Unit: "Sở Tư pháp", Recipient: "UBND tỉnh", Period: period.Must(period.Quarter(2024, q))}
		f := &bieu.II06a{Header: h, Rows: []bieu.II06aRow{
			{STT: "1", Field: "Hộ tịch", Direct: 20, CarriedOver: carried, OnTime: 20 + carried - pending, PendingOnTime: pending},
		}}
		_ = f.Fill()
		return &kstt.Report{Header: h, Forms: []kstt.Form{f}}
	}
	// Q2 leaves 4 files pending; Q3 carries over 5.
	found, _ := bieu.CheckSeries([]*kstt.Report{mk(2, 0, 4), mk(3, 5, 0)}, kstt.CheckOptions{})
	for _, f := range found {
		fmt.Println(f.Rule, f.RowLabel, f.Expected, f.Actual)
	}
	// Output:
	// KSTT/R50 Hộ tịch 4 5
	// KSTT/R51 TỔNG CỘNG 4 5
}
