package kstt_test

import (
	"fmt"

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
