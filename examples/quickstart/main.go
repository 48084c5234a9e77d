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
)

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
	if err := kstt.WriteNarrative(w, report); err != nil {
		return err
	}
	fmt.Fprintln(w)
	return printForms(w, report, xlsxPath)
}
