package bieu_test

import (
	"testing"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/period"
)

func TestNewReportSharesHeaderKeepsDisagreement(t *testing.T) {
	q3, _ := period.Parse("Quý III năm 2024")
	q2, _ := period.Parse("Quý II năm 2024")
	h := kstt.Header{Unit: "Sở Ngoại vụ", Recipient: "UBND tỉnh", Period: q3}
	a := &bieu.II06a{Rows: []bieu.II06aRow{{Field: "Lĩnh vực lãnh sự", Online: 1, OnTime: 1}}}
	b := &bieu.II08{Header: kstt.Header{Period: q2}}
	b.Add(bieu.SectionCodeB, bieu.ProvinceLevel, bieu.II08Row{Field: "Lĩnh vực lãnh sự", PartialAssigned: 1, PartialDeployed: 1, PartialFiles: 1})
	r := kstt.NewReport(h, a, b)
	for _, f := range []kstt.Form{a, b} {
		if err := f.(interface{ Fill() error }).Fill(); err != nil {
			t.Fatal(err)
		}
	}
	fs, err := bieu.Check(r, kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs.AtLeast(kstt.Warning) {
		got = append(got, f.Rule+" "+f.Form+" "+f.RowLabel)
	}
	if len(got) != 1 || got[0] != "KSTT/R01 II.08 Kỳ báo cáo" {
		t.Fatalf("want only the II.08 period disagreement, got %q", got)
	}
	if a.Header != h || b.Header.Unit != h.Unit || b.Header.Period != q2 {
		t.Fatalf("headers %+v %+v", a.Header, b.Header)
	}
}

func TestFillNumbersBlankSTTOnly(t *testing.T) {
	f := &bieu.II06a{Rows: []bieu.II06aRow{{Field: "a"}, {STT: "x", Field: "b"}, {STT: " ", Field: "c"}}}
	if err := f.Fill(); err != nil {
		t.Fatal(err)
	}
	if f.Rows[0].STT != "1" || f.Rows[1].STT != "x" || f.Rows[2].STT != "3" || f.Total.STT != "" {
		t.Fatalf("%q %q %q %q", f.Rows[0].STT, f.Rows[1].STT, f.Rows[2].STT, f.Total.STT)
	}
	b := (&bieu.II06b{}).Add(bieu.CommuneLevel, bieu.II06aRow{Field: "c"}).Add(bieu.ProvinceLevel, bieu.II06aRow{Field: "p"})
	if err := b.Fill(); err != nil {
		t.Fatal(err)
	}
	if b.Levels[0].Title != bieu.LevelProvince || b.Levels[1].Code != "III" || b.Levels[0].Rows[0].STT != "1" || b.Levels[1].Rows[0].STT != "2" {
		t.Fatalf("%+v", b.Levels)
	}
	d := &bieu.II07b{}
	d.PartI.Rows = []bieu.II07bDeskRow{{Field: "a"}, {Field: "b"}}
	d.PartII.Rows = []bieu.II07bOnSpotRow{{Field: "a"}}
	if err := d.Fill(); err != nil {
		t.Fatal(err)
	}
	if d.PartI.Rows[1].STT != "2" || d.PartII.Rows[0].STT != "1" {
		t.Fatalf("%+v", d)
	}
}
