package bieu_test

import (
	"fmt"
	"time"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/period"
)

// A report's period selects the edition of the forms. Quý I năm 2026 ends
// after 15/02/2026, when Thông tư 5/2025/TT-VPCP replaced 01/2020: the
// report is checked against 01/2020 with an Info finding that says so, and
// the cấp huyện figure gets the Warning of the two-level government.
// Registering an edition for 2026 makes it the one applied.
func ExampleEditions() {
	q := period.Must(period.Quarter(2026, 1))
	h := kstt.Header{Unit: "Sở Tư pháp", Recipient: "UBND tỉnh", Period: q}
	b := &bieu.II07b{Header: h}
	b.PartI.Rows = []bieu.II07bDeskRow{{STT: "1", Field: "Hộ tịch", CompetentProvince: 4, CompetentDistrict: 1,
		OneStopProvince: 4, ProcessProvince: 4}}
	_ = b.Fill()
	rep := &kstt.Report{Header: h, Forms: []kstt.Form{b}}

	eds := bieu.DefaultEditions()
	ed, covered := eds.For(q)
	fmt.Println(ed.Name, covered)
	fs, _ := eds.Check(rep, kstt.CheckOptions{})
	for _, f := range fs {
		fmt.Println(f.Severity, f.Rule, f.Actual)
	}

	// The user's edition for periods ending from 15/02/2026 (here the
	// official catalogue, for the example; in practice forms declared as
	// data with package kstt/decl).
	mine := bieu.Edition{Catalogue: bieu.Official()}
	mine.Name = "Thông tư 5/2025/TT-VPCP"
	mine.ValidFrom = period.MustDate(2026, time.February, 15)
	if err := eds.Register(mine); err != nil {
		fmt.Println(err)
		return
	}
	ed, covered = eds.For(q)
	fmt.Println(ed.Name, covered)
	// Output:
	// Thông tư 01/2020/TT-VPCP false
	// info KSTT/R40 Thông tư 01/2020/TT-VPCP
	// warning KSTT/R41 1
	// Thông tư 5/2025/TT-VPCP true
}
