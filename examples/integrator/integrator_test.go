// Package integrator is the task a new integrator does with the SDK, as a
// test over the public API only: build the Q3 report with one header,
// check it, see a wrong form caught by rule (3)=(4)+(5)+(6), render it.
package integrator

import (
	"bytes"
	"errors"
	"testing"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/period"
	"github.com/baocaodinhky/vpcp/render/text"
	"github.com/baocaodinhky/vpcp/render/xlsx"
)

func TestQ3Report(t *testing.T) {
	files := &bieu.II06a{Rows: []bieu.II06aRow{
		{Field: "Lĩnh vực lãnh sự", Online: 12, Direct: 3, OnTime: 15},
		{Field: "Lĩnh vực HTQT", CarriedOver: 2, OnTime: 2},
	}}
	desk := &bieu.II07b{PartI: bieu.II07bPartI{Rows: []bieu.II07bDeskRow{{Field: "Lĩnh vực đối ngoại", CompetentProvince: 5, OneStopProvince: 5, ProcessProvince: 5}}},
		PartII: bieu.II07bPartII{Rows: []bieu.II07bOnSpotRow{{Field: "Lĩnh vực đối ngoại", Province: 2}}}}
	online := (&bieu.II08{}).Add(bieu.SectionCodeB, bieu.ProvinceLevel, bieu.II08Row{Field: "Lĩnh vực lãnh sự",
		PartialAssigned: 4, PartialDeployed: 4, PartialFiles: 12, FullAssigned: 1, FullDeployed: 1, Integrated: 1})
	report := kstt.NewReport(kstt.Header{Unit: "Sở Ngoại vụ", Recipient: "UBND tỉnh", Period: period.Must(period.Parse("Quý III năm 2024"))}, files, desk, online)
	if err := report.Fill(); err != nil {
		t.Fatal(err)
	}
	if fs, err := bieu.Check(report, kstt.CheckOptions{}); err != nil || fs.HasErrors() {
		t.Fatalf("clean report: %v %v", err, fs)
	}

	files.Rows[0].Received++ // a wrong form: (3) is one more than (4)+(5)+(6)
	fs, _ := bieu.Check(report, kstt.CheckOptions{})
	hits, err := bieu.ByRule(fs, bieu.RuleII06aR01)
	if err != nil || !errors.Is(fs.Err(), bieu.RuleII06aR01) || len(hits) != 1 {
		t.Fatalf("no single %s in %v", bieu.RuleII06aR01, fs)
	}
	if d, _ := hits[0].DifferenceValue(); d.IntPart() != 1 || hits[0].Location().Row != 0 || hits[0].Location().Column != 3 {
		t.Fatalf("difference %v at %+v", d, hits[0].Location())
	}

	var page, book bytes.Buffer
	if err := errors.Join(text.New(text.DefaultOptions()).RenderReport(&page, report), xlsx.New(xlsx.Options{}).RenderReport(&book, report)); err != nil || page.Len() == 0 || book.Len() == 0 {
		t.Fatal(err)
	}
}
