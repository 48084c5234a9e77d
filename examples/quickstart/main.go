// Command quickstart builds the whole sample report of the Sở Ngoại vụ of
// Hà Tĩnh for Quý II năm 2024 — the narrative outline with every figure,
// date, name and label the real report prints (the prose shortened), its
// mistaken heading period included, and the three forms II.06a, II.07b and
// II.08 it annexes —, checks it as a whole (form rules and report rules),
// prints every finding on one line, then prints the whole report as plain
// text (render/text) and writes its forms as an XLSX workbook
// (render/xlsx), one worksheet per form.
//
//	go run ./examples/quickstart [-o kstt-quickstart.xlsx]
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/render/text"
	"github.com/baocaodinhky/vpcp/render/xlsx"
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
	if err := text.New(text.DefaultOptions()).RenderReport(w, report); err != nil {
		return err
	}
	if err := writeXLSX(xlsxPath, report); err != nil {
		return err
	}
	abs, err := filepath.Abs(xlsxPath)
	if err != nil {
		abs = xlsxPath
	}
	fmt.Fprintf(w, "\nĐã ghi bảng tính XLSX (wrote the XLSX workbook): %s\n", abs)
	return nil
}

// writeXLSX writes the forms of the report to path, one worksheet each.
func writeXLSX(path string, r *kstt.Report) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(path) // no half-written workbook left behind
		}
	}()
	return xlsx.New(xlsx.Options{}).RenderReport(f, r)
}
