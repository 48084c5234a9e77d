package kstt_test

import (
	"fmt"
	"math"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/period"
)

// NewReport gives the header once: each form takes every field it leaves
// empty, and a field a form names differently stays, to be reported.
func ExampleNewReport() {
	q3, _ := period.Parse("Quý III năm 2024")
	a := &bieu.II06a{}
	b := &bieu.II07b{Header: kstt.Header{Unit: "Sở Tư pháp"}}
	kstt.NewReport(kstt.Header{Unit: "Sở Ngoại vụ", Recipient: "UBND tỉnh", Period: q3}, a, b)
	fmt.Println(a.Header.Unit, "|", a.Header.Recipient, "|", a.Header.Period)
	fmt.Println(b.Header.Unit, "|", b.Header.Recipient, "|", b.Header.Period)
	// Output:
	// Sở Ngoại vụ | UBND tỉnh | Quý III năm 2024
	// Sở Tư pháp | UBND tỉnh | Quý III năm 2024
}

// Fill derives every form of a report at once: each data row's (3), (7),
// (11), the TỔNG CỘNG rows and the rates, and a blank STT. A form that
// overflows int64 is an error naming its cell; the others are still filled.
func ExampleReport_Fill() {
	files := &bieu.II06a{Rows: []bieu.II06aRow{{Field: "Lĩnh vực hộ tịch", Online: 5, Direct: 2, OnTime: 6, PendingOnTime: 1}}}
	desk := &bieu.II07b{PartI: bieu.II07bPartI{Rows: []bieu.II07bDeskRow{{Field: "Lĩnh vực hộ tịch", CompetentProvince: 4, OneStopProvince: 4, ProcessProvince: 4}}}}
	report := kstt.NewReport(kstt.Header{Unit: "Sở Tư pháp", Period: period.Must(period.Quarter(2024, 3))}, files, desk)
	if err := report.Fill(); err != nil {
		panic(err)
	}
	fmt.Println(files.Rows[0].STT, files.Rows[0].Received, files.Total.Resolved, desk.PartI.Total.Competent)

	files.Rows[0].Online = math.MaxInt64
	fmt.Println(report.Fill())
	// Output:
	// 1 7 6 4
	// kstt: fill II.06a: the sum of column (3) in row 1 «Lĩnh vực hộ tịch»: sum overflows int64
}
