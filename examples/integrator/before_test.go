package integrator

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/period"
	"github.com/baocaodinhky/vpcp/render/text"
	"github.com/baocaodinhky/vpcp/render/xlsx"
)

func TestQ3ReportBefore(t *testing.T) {
	q3, err := period.Parse("Quý III năm 2024")
	if err != nil {
		t.Fatal(err)
	}
	h := kstt.Header{Unit: "Sở Ngoại vụ", Recipient: "UBND tỉnh", Period: q3}
	files := &bieu.II06a{Header: h, Rows: []bieu.II06aRow{
		{STT: "1", Field: "Lĩnh vực lãnh sự", Online: 12, Direct: 3, OnTime: 15},
		{STT: "2", Field: "Lĩnh vực HTQT", CarriedOver: 2, OnTime: 2},
	}}
	desk := &bieu.II07b{Header: h}
	desk.PartI.Rows = []bieu.II07bDeskRow{{STT: "1", Field: "Lĩnh vực đối ngoại",
		CompetentProvince: 5, OneStopProvince: 5, ProcessProvince: 5}}
	desk.PartII.Rows = []bieu.II07bOnSpotRow{{STT: "1", Field: "Lĩnh vực đối ngoại", Province: 2}}
	online := &bieu.II08{Header: h, Sections: []bieu.II08Section{{
		Code: "B", Title: bieu.SectionB,
		Levels: []bieu.II08Level{{Code: "I", Title: bieu.LevelProvince, Rows: []bieu.II08Row{
			{STT: "1", Field: "Lĩnh vực lãnh sự", PartialAssigned: 4, PartialDeployed: 4, PartialFiles: 12,
				FullAssigned: 1, FullDeployed: 1, Integrated: 1},
		}}},
	}}}
	for _, f := range []interface{ Fill() error }{files, desk, online} {
		if err := f.Fill(); err != nil {
			t.Fatal(err)
		}
	}
	report := &kstt.Report{Header: h, Forms: []kstt.Form{files, desk, online}}
	findings, err := bieu.Check(report, kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if findings.HasErrors() {
		t.Fatalf("clean report: %v", findings)
	}

	// A wrong form: (3) is one more than (4)+(5)+(6) in the first row.
	files.Rows[0].Received++
	findings, err = bieu.Check(report, kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	const sumRule = "II.06a/R01" // no constant: a typo would match nothing
	var hit *kstt.Finding
	for _, e := range findings.Err().(interface{ Unwrap() []error }).Unwrap() {
		if f, ok := e.(kstt.Finding); ok && f.Rule == sumRule && f.Row == 0 {
			hit = &f
			break
		}
	}
	if hit == nil {
		t.Fatalf("no %s finding in %v", sumRule, findings)
	}
	diff, err := strconv.ParseInt(strings.TrimPrefix(hit.Difference, "+"), 10, 64)
	if err != nil || diff != 1 {
		t.Fatalf("difference %q: %v", hit.Difference, err)
	}
	files.Rows[0].Received--

	var txt, book bytes.Buffer
	if err := text.New(text.DefaultOptions()).Render(&txt, report.Sheets()...); err != nil {
		t.Fatal(err)
	}
	if err := xlsx.New(xlsx.Options{}).RenderReport(&book, report); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(txt.String(), "TỔNG CỘNG") || book.Len() == 0 {
		t.Fatal("nothing rendered")
	}
}
