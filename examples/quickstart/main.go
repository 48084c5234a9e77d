// Command quickstart builds the sample report of the Sở Ngoại vụ of Hà Tĩnh
// for Quý II năm 2024 (the three forms II.06a, II.07b and II.08 with the
// figures the real report prints, and the heading period as it writes it),
// checks it, prints every finding on one line, then prints the forms as
// plain text and writes them as an XLSX workbook.
//
//	go run ./examples/quickstart [-o kstt-quickstart.xlsx]
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/period"
)

// seedReport builds the sample report with its figures exactly as printed.
func seedReport() *kstt.Report {
	q2 := period.Must(period.Quarter(2024, 2))
	header := kstt.Header{Unit: "Sở Ngoại vụ", Recipient: "UBND tỉnh", Period: q2}

	files := &bieu.II06a{Header: header, Rows: []bieu.II06aRow{
		{STT: "1", Field: "Lĩnh vực lãnh sự", Online: 31, OnTime: 31},
		{STT: "2", Field: "Lĩnh vực HTQT", CarriedOver: 2, OnTime: 2},
	}}

	desk := &bieu.II07b{Header: header}
	desk.PartI.Rows = []bieu.II07bDeskRow{{STT: "1", Field: "Lĩnh vực đối ngoại",
		CompetentProvince: 1, OneStopProvince: 5, ProcessProvince: 5}}
	desk.PartII.Rows = []bieu.II07bOnSpotRow{{STT: "1", Field: "Lĩnh vực đối ngoại"}}

	online := &bieu.II08{Header: header, Sections: []bieu.II08Section{{
		Code: "B", Title: bieu.SectionB,
		Levels: []bieu.II08Level{{Code: "I", Title: bieu.LevelProvince, Rows: []bieu.II08Row{
			{STT: "1", Field: "Lĩnh vực đối ngoại", PartialAssigned: 4, PartialDeployed: 4,
				FullAssigned: 1, FullDeployed: 1, Integrated: 1},
		}}},
	}}}

	// Derive the totals, (3), (7), (11) and the rates from the inputs, as a
	// system that builds the forms from its database would.
	for _, f := range []interface{ Fill() error }{files, desk, online} {
		if err := f.Fill(); err != nil {
			panic(err) // cannot happen with these small figures
		}
	}

	return &kstt.Report{
		Header: header,
		Narrative: &kstt.Narrative{
			// The heading as the report writes it: 15 months, not a period.
			PeriodText: "(Từ ngày 15/3/2023 – 14/6/2024)",
			Files: &kstt.FileFigures{Received: 33, New: 31, Online: 31, Direct: 0, CarriedOver: 2,
				Resolved: 33, Early: 0, OnTime: 33, Late: 0, Pending: 0, PendingOnTime: 0, PendingOverdue: 0},
		},
		Forms: []kstt.Form{files, desk, online},
	}
}

func main() {
	out := flag.String("o", "kstt-quickstart.xlsx", "where to write the XLSX workbook")
	flag.Parse()
	if err := run(os.Stdout, *out); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, xlsxPath string) error {
	report := seedReport()
	findings, err := bieu.Check(report, kstt.CheckOptions{})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Kiểm tra báo cáo %s, %s: %d lỗi, %d cảnh báo, %d thông tin\n",
		report.Header.Unit, report.Header.Period, findings.Count(kstt.Error), findings.Count(kstt.Warning), findings.Count(kstt.Info))
	for _, f := range findings {
		fmt.Fprintln(w, f.String())
	}
	fmt.Fprintln(w)
	return printForms(w, report, xlsxPath)
}
