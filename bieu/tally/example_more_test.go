package tally_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/bieu/tally"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/period"
)

// A tally's window is its period's days under Nghị định 09/2019/NĐ-CP, Điều
// 12, in Vietnam's time: Quý II năm 2024 runs from 00:00 on 15/3 to 00:00 on
// 15/6 (exclusive). An invalid policy is an error wrapping ErrPolicy.
func ExampleNew() {
	t, err := tally.New(period.Must(period.Quarter(2024, 2)), tally.Policy{})
	if err != nil {
		panic(err)
	}
	from, to := t.Window()
	fmt.Println(t.Period(), "|", from.Format("02/01/2006 15:04 -07:00"), "|", to.Format("02/01/2006 15:04 -07:00"))

	_, err = tally.New(period.Must(period.Quarter(2024, 2)), tally.Policy{Section: "C"})
	fmt.Println(errors.Is(err, tally.ErrPolicy))
	// Output:
	// Quý II năm 2024 | 15/03/2024 00:00 +07:00 | 15/06/2024 00:00 +07:00
	// true
}

// Vietnam is the default zone of a tally: UTC+7 all year, so 23:30 UTC on
// 14/6/2024 is already 15/6/2024, outside Quý II năm 2024.
func ExampleVietnam() {
	t := time.Date(2024, time.June, 14, 23, 30, 0, 0, time.UTC).In(tally.Vietnam())
	_, offset := t.Zone()
	q, _ := period.Containing(period.KindQuarter, period.DateOf(t))
	fmt.Println(t.Format("02/01/2006 15:04"), offset/3600, q)
	// Output:
	// 15/06/2024 06:30 7 Quý III năm 2024
}

// Problems lists what can be wrong with a record, as data: the rule of its
// finding, the severity and what the tally does by default.
func ExampleProblems() {
	for _, p := range tally.Problems() {
		fmt.Println(p.Rule, p.Problem.Rule() == p.Rule, p.Severity, p.Default, p.Default.Vietnamese())
	}
	// Output:
	// TALLY/R01 true error skip bỏ qua
	// TALLY/R02 true warning count đếm
	// TALLY/R03 true error skip bỏ qua
	// TALLY/R04 true error skip bỏ qua
	// TALLY/R05 true error skip bỏ qua
	// TALLY/R06 true error skip bỏ qua
	// TALLY/R07 true error skip bỏ qua
	// TALLY/R08 true warning count đếm
}

// Stats says what the tally did with each record given: counted, outside
// the period, or skipped for a problem; HasErrors tells whether a finding is
// an error.
func ExampleTally_Stats() {
	t, err := tally.New(period.Must(period.Quarter(2024, 2)), tally.Policy{})
	if err != nil {
		panic(err)
	}
	for _, r := range []tally.Record{
		// Received on the first minute of the quarter.
		{Code: "000.00.31.H12-240315-0001", Field: "Hộ tịch", Level: bieu.CommuneLevel, Channel: tally.Direct,
			Received: at(15, 3, 2024, 0, 0), Due: at(18, 3, 2024, 17, 0), Finished: at(18, 3, 2024, 9, 0), Outcome: tally.Resolved},
		// Received on the first minute of the next quarter: outside.
		{Code: "000.00.31.H12-240615-0001", Field: "Hộ tịch", Level: bieu.CommuneLevel, Channel: tally.Direct,
			Received: at(15, 6, 2024, 0, 0), Due: at(18, 6, 2024, 17, 0)},
		// Finished before it was received: a finding, not counted.
		{Code: "000.00.31.H12-240401-0002", Field: "Hộ tịch", Level: bieu.CommuneLevel, Channel: tally.Direct,
			Received: at(1, 4, 2024, 8, 0), Due: at(5, 4, 2024, 17, 0), Finished: at(31, 3, 2024, 8, 0), Outcome: tally.Resolved},
	} {
		if err := t.Add(r); err != nil {
			panic(err)
		}
	}
	fmt.Printf("%+v\n", t.Stats())
	res, err := t.Result(kstt.Header{Unit: "UBND xã Kỳ Tân", Recipient: "UBND huyện Kỳ Anh"})
	if err != nil {
		panic(err)
	}
	for _, f := range res.Findings {
		fmt.Println(f.Rule, f.Severity, f.Record, f.Action)
	}
	fmt.Println(res.HasErrors(), res.II06a.Total.Received)
	// Output:
	// {Records:3 Counted:1 Outside:1 Skipped:1 LeftOut:0 Rejected:0}
	// TALLY/R01 error 000.00.31.H12-240401-0002 skip
	// true 1
}

// Explain traces a finding of Check on the tallied forms to the records
// behind its cell: here an official raised II.06a (4) by hand.
func ExampleResult_Explain() {
	t, err := tally.New(period.Must(period.Quarter(2024, 2)), tally.Policy{Audit: &tally.AuditOptions{}})
	if err != nil {
		panic(err)
	}
	for i, d := range []int{3, 4} {
		r := tally.Record{Code: fmt.Sprintf("H%02d", i+1), Field: "Lĩnh vực hộ tịch", Level: bieu.CommuneLevel,
			Channel: tally.Online, Service: tally.Full, Received: at(d, 4, 2024, 9, 0), Due: at(10, 4, 2024, 17, 0)}
		if err := t.Add(r); err != nil {
			panic(err)
		}
	}
	res, err := t.Result(kstt.Header{Unit: "UBND xã Kỳ Tân", Recipient: "UBND huyện Kỳ Anh"})
	if err != nil {
		panic(err)
	}
	res.II06a.Rows[0].Online++
	fs, err := kstt.Check(res.II06a, kstt.CheckOptions{})
	if err != nil {
		panic(err)
	}
	for _, f := range fs {
		codes, complete := res.Explain(f)
		fmt.Println(f.Rule, f.RowLabel, f.Column, codes, complete)
	}
	// Output:
	// II.06a/R01 Lĩnh vực hộ tịch 3 [H01 H02] true
	// II.06a/R04 TỔNG CỘNG 4 [H01 H02] true
}
