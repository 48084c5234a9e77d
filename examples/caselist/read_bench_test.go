package main

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/baocaodinhky/vpcp/bieu/tally"
	"github.com/baocaodinhky/vpcp/bieu/tally/xlsxlist"
)

// The case lists the reading benchmarks read: KSTT_CASELIST_XLSX and
// KSTT_CASELIST_CSV name existing files (a million rows: go run
// ./examples/caselist -n 1000000 -format xlsx -o big.xlsx); otherwise a
// 20,000-row list is generated once. Run each sub-benchmark in its own
// process under /usr/bin/time -v to compare peak memory:
//
//	go test -c -o cl.test ./examples/caselist
//	KSTT_CASELIST_XLSX=big.xlsx /usr/bin/time -v ./cl.test -test.run '^$' -test.bench 'ReadCaseList/xlsx/excelize' -test.benchtime 1x
var (
	benchOnce  sync.Once
	benchFiles = map[string]string{}
)

func caseFiles(b *testing.B) map[string]string {
	benchOnce.Do(func() {
		dir, err := os.MkdirTemp("", "caselist")
		if err != nil {
			b.Fatal(err)
		}
		for _, f := range []string{"xlsx", "csv"} {
			if p := os.Getenv("KSTT_CASELIST_" + map[string]string{"xlsx": "XLSX", "csv": "CSV"}[f]); p != "" {
				benchFiles[f] = p
				continue
			}
			p := filepath.Join(dir, "list."+f)
			if err := run(20_000, 2024, f, p); err != nil {
				b.Fatal(err)
			}
			benchFiles[f] = p
		}
	})
	return benchFiles
}

// BenchmarkReadCaseList reads one case list with this module's readers and,
// for the workbook, with excelize's Rows iterator (the floor: rows of
// strings, no header matching, no dates, no records).
func BenchmarkReadCaseList(b *testing.B) {
	files := caseFiles(b)
	b.Run("xlsx/xlsxlist", func(b *testing.B) {
		for b.Loop() {
			n := 0
			for _, err := range xlsxlist.ReadFile(files["xlsx"], xlsxlist.Options{}) {
				if _, ok := err.(*tally.RowError); err != nil && !ok {
					b.Fatal(err)
				}
				n++
			}
			b.ReportMetric(float64(n), "rows")
		}
	})
	b.Run("xlsx/excelize", func(b *testing.B) {
		for b.Loop() {
			f, err := excelize.OpenFile(files["xlsx"], excelize.Options{RawCellValue: true})
			if err != nil {
				b.Fatal(err)
			}
			rows, err := f.Rows(f.GetSheetName(0))
			if err != nil {
				b.Fatal(err)
			}
			n := 0
			for rows.Next() {
				if _, err := rows.Columns(); err != nil {
					b.Fatal(err)
				}
				n++
			}
			_ = rows.Close()
			_ = f.Close()
			b.ReportMetric(float64(n), "rows")
		}
	})
	b.Run("csv/tally", func(b *testing.B) {
		for b.Loop() {
			f, err := os.Open(files["csv"])
			if err != nil {
				b.Fatal(err)
			}
			n := 0
			for _, err := range tally.ReadCSV(f, tally.ReadOptions{}) {
				if _, ok := err.(*tally.RowError); err != nil && !ok {
					b.Fatal(err)
				}
				n++
			}
			_ = f.Close()
			b.ReportMetric(float64(n), "rows")
		}
	})
}
