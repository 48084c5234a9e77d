package tally_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/bieu/tally"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/period"
)

func at(d, m, y, hh, mm int) time.Time {
	return time.Date(y, time.Month(m), d, hh, mm, 0, 0, tally.Vietnam())
}

func records() []tally.Record {
	return []tally.Record{
		// Received on the last minute of Quý III năm 2024, still open.
		{Code: "H01", Field: "Hộ tịch", Level: bieu.CommuneLevel, Channel: tally.Online, Service: tally.Full,
			Received: at(14, 9, 2024, 23, 59), Due: at(18, 9, 2024, 17, 0)},
		// Received at the first minute of Quý IV: not in Q3.
		{Code: "H02", Field: "Hộ tịch", Level: bieu.CommuneLevel, Channel: tally.Direct,
			Received: at(15, 9, 2024, 0, 0), Due: at(18, 9, 2024, 17, 0)},
		// Carried over from Q2, finished on its due day: đúng hạn.
		{Code: "D01", Field: "Lĩnh vực Đất đai", Level: bieu.DistrictLevel, Channel: tally.Postal,
			Received: at(10, 6, 2024, 9, 0), Due: at(24, 6, 2024, 17, 0), Finished: at(24, 6, 2024, 16, 30), Outcome: tally.Resolved},
		// Withdrawn by the applicant: counted as resolved on time (the default).
		{Code: "D02", Field: "Đất đai", Level: bieu.DistrictLevel, Channel: tally.Direct,
			Received: at(1, 8, 2024, 9, 0), Due: at(15, 8, 2024, 17, 0), Finished: at(5, 8, 2024, 10, 0), Outcome: tally.Withdrawn},
		// The same code again: a finding, not counted.
		{Code: "D02", Field: "Đất đai", Level: bieu.DistrictLevel, Channel: tally.Direct,
			Received: at(1, 8, 2024, 9, 0), Due: at(15, 8, 2024, 17, 0)},
	}
}

func Example() {
	q3, _ := period.Parse("Quý III năm 2024")
	t, err := tally.New(q3, tally.Policy{})
	if err != nil {
		panic(err)
	}
	for _, r := range records() {
		if err := t.Add(r); err != nil { // an error only for a problem whose action is Fail
			panic(err)
		}
	}
	res, err := t.Result(kstt.Header{Unit: "UBND huyện Cẩm Xuyên", Recipient: "UBND tỉnh Hà Tĩnh"})
	if err != nil {
		panic(err)
	}
	for _, r := range res.II06a.Rows {
		fmt.Printf("%s %-8s (3)=%d (4)=%d (5)=%d (6)=%d (8)=%d (9)=%d (10)=%d (12)=%d (13)=%d\n",
			r.STT, r.Field, r.Received, r.Online, r.Direct, r.CarriedOver, r.Early, r.OnTime, r.Late, r.PendingOnTime, r.PendingOverdue)
	}
	fmt.Println("II.08 (8) toàn trình:", res.II08.Total.FullFiles)
	for _, f := range res.Findings {
		fmt.Println(f)
	}
	found, _ := bieu.Check(res.Report(), kstt.CheckOptions{})
	fmt.Println("Check:", len(found), "findings")
	// The findings on records and on forms are one type, kstt.Finding:
	// one list, matched by rule ID.
	all := slices.Concat(res.Findings, found)
	fmt.Println(errors.Is(all.Err(), tally.RuleDuplicateCode), all[0].Record)
	// Output:
	// 1 Đất đai  (3)=2 (4)=0 (5)=1 (6)=1 (8)=0 (9)=2 (10)=0 (12)=0 (13)=0
	// 2 Hộ tịch  (3)=1 (4)=1 (5)=0 (6)=0 (8)=0 (9)=0 (10)=0 (12)=1 (13)=0
	// II.08 (8) toàn trình: 1
	// Lỗi TALLY/R06 hồ sơ D02: thực tế D02 — mã hồ sơ trùng (hoặc không có mã) (D02); không đếm
	// Check: 0 findings
	// true D02
}

func ExampleReadCSV() {
	list := "Mã hồ sơ,Tên TTHC,Lĩnh vực,Hình thức nộp,Ngày tiếp nhận,Ngày hẹn trả,Ngày trả kết quả,Trạng thái\n" +
		"H01,Đăng ký khai sinh,Hộ tịch,Trực tuyến,14/9/2024 23:59,18/9/2024,,Đang xử lý\n" +
		"H02,Đăng ký khai sinh,Hộ tịch,Trực tiếp,02/09/2024 08:30,05/09/2024,05/09/2024 16:00,Đã trả kết quả\n" +
		"H03,Đăng ký kết hôn,Hộ tịch,Trực tiếp,31/8/2024,9/9/2024,30/2/2024,Đã trả kết quả\n"
	q3, _ := period.Parse("Quý III năm 2024")
	t, _ := tally.New(q3, tally.Policy{Level: bieu.CommuneLevel})
	if err := t.AddSeq2(tally.ReadCSV(strings.NewReader(list), tally.ReadOptions{Source: "ds.csv"})); err != nil {
		panic(err) // a file that cannot be read at all
	}
	res, _ := t.Result(kstt.Header{Unit: "UBND xã Cẩm Bình", Recipient: "UBND huyện Cẩm Xuyên"})
	fmt.Printf("%+v\n", res.Files)
	for _, f := range res.Findings {
		fmt.Println(f.English())
	}
	// Output:
	// {Received:2 New:2 Online:1 Direct:1 CarriedOver:0 Resolved:1 Early:0 OnTime:1 Late:0 Pending:1 PendingOnTime:1 PendingOverdue:0}
	// error TALLY/R10 ds.csv:4 hồ sơ H03: actual 30/2/2024 — row rejected column “Ngày trả kết quả”: not a date (15/3/2024, 15/03/2024 08:30, 2024-03-15 or a spreadsheet date); not counted
}

func ExampleResult_Trail() {
	q3, _ := period.Parse("Quý III năm 2024")
	t, _ := tally.New(q3, tally.Policy{Audit: &tally.AuditOptions{MaxRecords: 1000}})
	_ = t.AddSeq(func(yield func(tally.Record) bool) {
		for _, r := range records() {
			if !yield(r) {
				return
			}
		}
	})
	res, _ := t.Result(kstt.Header{Unit: "UBND huyện Cẩm Xuyên", Recipient: "UBND tỉnh Hà Tĩnh"})
	tr, _ := res.Trail("D02")
	for _, c := range tr.Cells {
		if c.Form == "II.06a" {
			fmt.Println(c.Form, c.Field, c.Column, c.Policy)
		}
	}
	codes, _ := res.Codes("II.06a", kstt.TotalLabel, bieu.LevelUnknown, 9)
	fmt.Println("(9) TỔNG CỘNG:", codes)
	tr, _ = res.Trail("H02")
	fmt.Println("H02:", tr.Status)
	// Output:
	// II.06a Đất đai 3 TALLY/P03
	// II.06a Đất đai 5 TALLY/P03
	// II.06a Đất đai 7 TALLY/P06
	// II.06a Đất đai 9 TALLY/P06
	// (9) TỔNG CỘNG: [D01 D02]
	// H02: outside
}

func ExamplePolicies() {
	for _, p := range tally.Policies() {
		fmt.Println(p.ID, p.Name)
	}
	// Output:
	// TALLY/P01 window
	// TALLY/P02 carried over
	// TALLY/P03 channel
	// TALLY/P04 timeliness
	// TALLY/P05 pending
	// TALLY/P06 closing without a result
	// TALLY/P07 supplement pauses
	// TALLY/P08 online service
	// TALLY/P09 bad records
}

func ExampleTally_Merge() {
	q3, _ := period.Parse("Quý III năm 2024")
	// One tally per unit (or per goroutine), merged: the same counts as one
	// tally of every record.
	byUnit := map[bieu.UnitLevel]*tally.Tally{}
	for _, r := range records()[:4] {
		t := byUnit[r.Level]
		if t == nil {
			t, _ = tally.New(q3, tally.Policy{})
			byUnit[r.Level] = t
		}
		_ = t.Add(r)
	}
	all, _ := tally.New(q3, tally.Policy{})
	for _, l := range []bieu.UnitLevel{bieu.DistrictLevel, bieu.CommuneLevel} {
		if err := all.Merge(byUnit[l]); err != nil {
			panic(err)
		}
	}
	res, _ := all.Result(kstt.Header{Unit: "UBND huyện Cẩm Xuyên", Recipient: "UBND tỉnh Hà Tĩnh"})
	fmt.Println(res.Files.Received, res.Files.Resolved, res.Files.Pending)
	// Output:
	// 3 2 1
}

func ExampleReadJSONL() {
	lines := `{"code": "J1", "field": "Hộ tịch", "channel": "trực tuyến", "service": "toàn trình", "received": "2024-09-01T08:00:00+07:00", "due": "2024-09-04", "finished": "2024-09-03 15:00", "status": "Đã trả kết quả"}
{"Mã hồ sơ": "J2", "Lĩnh vực": "Hộ tịch", "Kênh": "trực tiếp", "Ngày tiếp nhận": "10/9/2024 09:00", "Ngày hẹn trả": "12/9/2024", "pauses": [{"from": "11/9/2024 10:00"}]}
`
	for r, err := range tally.ReadJSONL(strings.NewReader(lines), tally.ReadOptions{}) {
		if err != nil {
			panic(err)
		}
		fmt.Println(r.Code, r.Channel, r.Service, r.Received.Format("02/01/2006 15:04"), r.Outcome, len(r.Pauses))
	}
	// Output:
	// J1 trực tuyến toàn trình 01/09/2024 08:00 đã giải quyết 0
	// J2 trực tiếp  10/09/2024 09:00  1
}

func ExampleParsePolicy() {
	p, err := tally.ParsePolicy([]byte(`{"closing": "leave-out", "actions": {"TALLY/R02": "skip"}}`))
	if err != nil {
		panic(err)
	}
	fmt.Println(p.Closing == tally.LeaveOut, p.Actions[tally.ProblemNoDueDate])
	_, err = tally.ParsePolicy([]byte(`{"closing": "sometimes"}`))
	fmt.Println(err != nil)
	// Output:
	// true skip
	// true
}

func ExampleMatchHeader() {
	for _, h := range []string{"Mã hồ sơ", "NGÀY HẸN TRẢ KẾT QUẢ", "Ngày tiếp nhận (dd/mm/yyyy)", "Hình thức nộp", "Số biên nhận"} {
		fmt.Println(h, "→", tally.MatchHeader(h, nil))
	}
	// Output:
	// Mã hồ sơ → code
	// NGÀY HẸN TRẢ KẾT QUẢ → due
	// Ngày tiếp nhận (dd/mm/yyyy) → received
	// Hình thức nộp → channel
	// Số biên nhận → code
}
