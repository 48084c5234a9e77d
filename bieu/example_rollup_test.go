package bieu_test

import (
	"errors"
	"fmt"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/outline"
	"github.com/baocaodinhky/vpcp/period"
)

// A whole report: the narrative outline with its figures, and the forms
// it annexes. The check relates them: here section I.5's figures do not
// add up, and section I.6 disagrees with II.06a.
func Example_report() {
	q2 := period.Must(period.Quarter(2024, 2))
	h := kstt.Header{Unit: "Sở Tư pháp", Recipient: "UBND tỉnh", Period: q2}
	files := &bieu.II06a{Header: h, Rows: []bieu.II06aRow{
		{STT: "1", Field: "Lĩnh vực hộ tịch", Online: 12, Direct: 3, OnTime: 15},
	}}
	if err := files.Fill(); err != nil {
		panic(err)
	}
	report := &kstt.Report{
		Header: h,
		Narrative: &outline.Narrative{
			Heading:    &outline.Heading{Symbol: "BC-STP", Place: "Hà Tĩnh", Date: outline.DocDate{Day: 16, Month: 6, Year: 2024}, Title: "Công tác kiểm soát thủ tục hành chính"},
			PeriodText: "(Từ ngày 15/3/2024 đến ngày 14/6/2024)",
			Feedback:   &outline.FeedbackFigures{Total: new(int64(3)), New: 2, CarriedOver: 0, Regulations: 3, Handled: 3},
			Files: &outline.FileFigures{Received: 15, New: 15, Online: 12, Direct: 3,
				Resolved: 14, OnTime: 14},
			Tasks:     []string{"Tiếp tục rà soát, đơn giản hóa TTHC."},
			Signature: &outline.Signature{Authority: "KT. GIÁM ĐỐC", Title: "PHÓ GIÁM ĐỐC", Name: "Nguyễn Văn A"},
		},
		Forms: []kstt.Form{files},
	}
	findings, err := bieu.Check(report, kstt.CheckOptions{})
	if err != nil {
		panic(err)
	}
	for _, f := range findings {
		fmt.Println(f.Rule, f.Severity, f.RowLabel, "expected", f.Expected, "actual", f.Actual)
	}
	// Output:
	// KSTT/R09 error báo cáo files.resolved expected 15 actual 14
	// KSTT/R11 error báo cáo files.on_time expected 15 actual 14
	// KSTT/R20 error báo cáo feedback.total expected 2 actual 3
	// KSTT/R24 warning báo cáo files.received expected 14 actual 15
}

// Rolling up: the province sums the II.06a of its units into one II.06a by
// lĩnh vực — "Lĩnh vực Hộ tịch" and "hộ tịch" are one — and into II.06b by
// level, keeping which units fed each row.
func ExampleRollup() {
	q2 := period.Must(period.Quarter(2024, 2))
	unit := func(name string, rows ...bieu.II06aRow) *kstt.Report {
		h := kstt.Header{Unit: name, Recipient: "UBND tỉnh", Period: q2}
		f := &bieu.II06a{Header: h, Rows: rows}
		if err := f.Fill(); err != nil {
			panic(err)
		}
		return &kstt.Report{Header: h, Forms: []kstt.Form{f}}
	}
	reports := []*kstt.Report{
		unit("Sở Tư pháp", bieu.II06aRow{Field: "Lĩnh vực Hộ tịch", Online: 10, OnTime: 10}),
		unit("UBND huyện Kỳ Anh", bieu.II06aRow{Field: "hộ tịch", Direct: 4, Early: 3, PendingOnTime: 1},
			bieu.II06aRow{Field: "Lĩnh vực Đất đai", Online: 2, OnTime: 2}),
		unit("UBND xã Kỳ Tân", bieu.II06aRow{Field: "Hộ tịch", Direct: 1, OnTime: 1}),
	}
	agg, err := bieu.Rollup(reports, bieu.RollupOptions{Recipient: "Văn phòng Chính phủ"})
	if err != nil {
		panic(err)
	}
	for i, r := range agg.II06a.Rows {
		fmt.Printf("%s %s: received %d, resolved %d, pending %d, from %v\n",
			r.STT, r.Field, r.Received, r.Resolved, r.Pending, agg.SourcesOf("II.06a", "", i))
	}
	fmt.Println("TỔNG CỘNG:", agg.II06a.Total.Received)
	for _, l := range agg.II06b.Levels {
		fmt.Println(l.Code, l.Title, len(l.Rows), "lĩnh vực")
	}

	// A unit reporting for another quarter is refused, by name.
	late := unit("UBND xã Kỳ Hoa", bieu.II06aRow{Field: "Hộ tịch"})
	late.Header.Period = period.Must(period.Quarter(2024, 1))
	_, err = bieu.Rollup(append(reports, late), bieu.RollupOptions{})
	fmt.Println(errors.Is(err, bieu.ErrPeriodMismatch), err)
	// Output:
	// 1 Lĩnh vực Hộ tịch: received 15, resolved 14, pending 1, from [Sở Tư pháp UBND huyện Kỳ Anh UBND xã Kỳ Tân]
	// 2 Lĩnh vực Đất đai: received 2, resolved 2, pending 0, from [UBND huyện Kỳ Anh]
	// TỔNG CỘNG: 17
	// I CẤP TỈNH 1 lĩnh vực
	// II CẤP HUYỆN 2 lĩnh vực
	// III CẤP XÃ 1 lĩnh vực
	// true bieu: rollup: report 4 "UBND xã Kỳ Hoa": period differs from the roll-up's: Quý I năm 2024, want Quý II năm 2024
}
