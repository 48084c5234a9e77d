package bieu

import (
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/outline"
	"github.com/baocaodinhky/vpcp/period"
)

// fixture is a small, clean report: every rule of the catalogue passes.
type fixture struct {
	rep  *kstt.Report
	a    *II06a
	ab   *II06b
	b    *II07b
	c    *II08
	narr *outline.FileFigures
}

func cleanFixture() *fixture {
	h := kstt.Header{Unit: "Sở Tư pháp", Recipient: "UBND tỉnh", Period: period.Must(period.Quarter(2024, 2))}
	a := &II06a{Header: h, Rows: []II06aRow{
		{STT: "1", Field: "Lĩnh vực hộ tịch", Online: 6, Direct: 3, CarriedOver: 1, Early: 1, OnTime: 7, PendingOnTime: 1, PendingOverdue: 1},
		{STT: "2", Field: "Lĩnh vực luật sư", Online: 4, OnTime: 4},
	}}
	b := &II07b{Header: h}
	b.PartI.Rows = []II07bDeskRow{
		{STT: "1", Field: "Lĩnh vực hộ tịch", CompetentProvince: 5, CompetentDistrict: 3, CompetentCommune: 2,
			OneStopProvince: 4, OneStopDistrict: 2, OneStopCommune: 1, ProcessProvince: 3, ProcessDistrict: 2, ProcessCommune: 1},
		{STT: "2", Field: "Lĩnh vực luật sư", CompetentProvince: 3, OneStopProvince: 3, ProcessProvince: 3},
	}
	b.PartII.Rows = []II07bOnSpotRow{
		{STT: "1", Field: "Lĩnh vực hộ tịch", Province: 2, District: 1},
		{STT: "2", Field: "Lĩnh vực luật sư", Province: 1},
	}
	c := &II08{Header: h, Sections: []II08Section{{Code: "B", Title: SectionB, Levels: []II08Level{
		{Code: "I", Title: LevelProvince, Rows: []II08Row{
			{STT: "1", Field: "Lĩnh vực hộ tịch", PartialAssigned: 4, PartialDeployed: 3, PartialFiles: 5, FullAssigned: 2, FullDeployed: 2, FullFiles: 3, Integrated: 1},
			{STT: "2", Field: "Lĩnh vực luật sư", FullAssigned: 1, FullDeployed: 1, FullFiles: 2},
		}},
	}}}}
	ab := &II06b{Header: h, Levels: []II06bLevel{
		{Code: "I", Title: LevelProvince, Rows: []II06aRow{a.Rows[0], a.Rows[1]}},
		{Code: "II", Title: LevelDistrict, Rows: []II06aRow{{STT: "1", Field: "Lĩnh vực hộ tịch", Direct: 2, Early: 2}}},
	}}
	for _, f := range []interface{ Fill() error }{a, ab, b, c} {
		if err := f.Fill(); err != nil {
			panic(err)
		}
	}
	narr := &outline.FileFigures{Received: 14, New: 13, Online: 10, Direct: 3, CarriedOver: 1,
		Resolved: 12, Early: 1, OnTime: 11, Pending: 2, PendingOnTime: 1, PendingOverdue: 1}
	rep := &kstt.Report{Header: h,
		Narrative: &outline.Narrative{PeriodText: "(Từ ngày 15/3/2024 đến ngày 14/6/2024)", Files: narr},
		Forms:     []kstt.Form{a, ab, b, c}}
	return &fixture{rep: rep, a: a, ab: ab, b: b, c: c, narr: narr}
}
