package xlsxlist

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime"
	"strconv"
	"testing"

	"github.com/baocaodinhky/vpcp/bieu/tally"
	"github.com/baocaodinhky/vpcp/internal/heapwatch"
)

// benchWorkbook scales the shipped case list to n data rows: its data
// rows repeated, renumbered, the other parts (shared strings, styles with
// the date formats) as shipped.
func benchWorkbook(b *testing.B, n int) []byte {
	zr, err := zip.OpenReader(shipped)
	if err != nil {
		b.Fatal(err)
	}
	defer zr.Close()
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	ref := regexp.MustCompile(`r="([A-Z]*)[0-9]+"`)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			b.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			b.Fatal(err)
		}
		if f.Name == "xl/worksheets/sheet1.xml" {
			start := bytes.Index(data, []byte(`<row r="2"`))
			end := bytes.Index(data, []byte(`</sheetData>`))
			rows := bytes.SplitAfter(data[start:end], []byte("</row>"))
			rows = rows[:len(rows)-1]
			var s bytes.Buffer
			s.Write(data[:start])
			for i := range n {
				num := []byte(`r="${1}` + strconv.Itoa(i+2) + `"`)
				s.Write(ref.ReplaceAll(rows[i%len(rows)], num))
			}
			s.Write(data[end:])
			data = s.Bytes()
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			b.Fatal(err)
		}
		_, _ = w.Write(data)
	}
	if err := zw.Close(); err != nil {
		b.Fatal(err)
	}
	return out.Bytes()
}

// floorScan is the floor of any reader of the sheet: open the archive,
// inflate sharedStrings.xml and sheet1.xml and touch every byte (counting
// the cells with bytes.Count over 64 KiB chunks; a "<c " split across
// chunks is missed, which only flatters the floor). With tokens it also
// runs encoding/xml's RawToken over sheet1.xml, the tokeniser today's
// reader is built on. It returns the cells counted.
func floorScan(b *testing.B, data []byte, tokens bool) int {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		b.Fatal(err)
	}
	cells := 0
	buf := make([]byte, 64<<10)
	for _, f := range zr.File {
		if f.Name != "xl/worksheets/sheet1.xml" && f.Name != "xl/sharedStrings.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			b.Fatal(err)
		}
		if tokens && f.Name == "xl/worksheets/sheet1.xml" {
			d := xml.NewDecoder(rc)
			for {
				t, err := d.RawToken()
				if err == io.EOF {
					break
				}
				if err != nil {
					b.Fatal(err)
				}
				if se, ok := t.(xml.StartElement); ok && se.Name.Local == "c" {
					cells++
				}
			}
		} else {
			for {
				k, err := rc.Read(buf)
				if f.Name == "xl/worksheets/sheet1.xml" {
					cells += bytes.Count(buf[:k], []byte("<c "))
				}
				if err == io.EOF {
					break
				}
				if err != nil {
					b.Fatal(err)
				}
			}
		}
		rc.Close()
	}
	return cells
}

// BenchmarkRead reads the same workbook with Read (records with dates,
// shared strings resolved) and with two floors: inflate-and-count
// (bytes), and inflate plus encoding/xml RawToken (xmltoken). Goal: the
// reader ≤ 1.5× floor-xmltoken; peak-MiB (the reader's peak heap) the
// same at 10k and 100k rows. B/op grows with rows: each record's strings
// (code, dates as text) are allocated, about 250 bytes a row.
//
//	go test -run '^$' -bench BenchmarkRead -count 6 ./bieu/tally/xlsxlist | benchstat -
//
// Measured (2-core shared machine, -cpu 1, 4 alternating runs, medians):
// reader 22.5 ms at 10k rows and 216 ms at 100k, against floor-xmltoken
// 110 ms and 1.02 s (0.20×, 0.21×) and floor-bytes 12.8 ms and 119 ms
// (1.8×); before the fast paths of xlsxsheet (plainCell, plainRow) 42.5 ms
// and 434 ms (3.6×), and before the byte-level scanner 1.8× floor-xmltoken. peak-MiB
// grows from 10k to 100k rows (2.3 → 8.4) though the reader holds one
// row: it counts unswept garbage, which the collector lets grow with the
// live heap, and the live heap holds the input (input-MiB), probably the
// cause. Read from a file (/usr/bin/time -v, an inline-string list) the
// peak RSS is the same 10 MB at 100,000 and 1,000,000 rows.
func BenchmarkRead(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		data := benchWorkbook(b, n)
		if os.Getenv("KSTT_XLSXLIST_BENCH_OUT") != "" {
			_ = os.WriteFile(fmt.Sprintf("%s-%d.xlsx", os.Getenv("KSTT_XLSXLIST_BENCH_OUT"), n), data, 0o644)
		}
		name := fmt.Sprintf("%dk", n/1000)
		b.Run(name+"/reader", func(b *testing.B) {
			b.ReportAllocs()
			// The peak heap of one read (live and unswept objects,
			// sampled): flat in rows if the reader holds one row.
			runtime.GC()
			peak := heapwatch.Peak(func() {
				for range Read(bytes.NewReader(data), int64(len(data)), Options{}) {
				}
			})
			for b.Loop() {
				got := 0
				for _, err := range Read(bytes.NewReader(data), int64(len(data)), Options{}) {
					if _, ok := err.(*tally.RowError); err != nil && !ok {
						b.Fatal(err)
					}
					got++
				}
				if got != n {
					b.Fatalf("%d records, want %d", got, n)
				}
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-MiB")
			b.ReportMetric(float64(len(data))/(1<<20), "input-MiB")
		})
		b.Run(name+"/floor-bytes", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if floorScan(b, data, false) == 0 {
					b.Fatal("no cells")
				}
			}
		})
		b.Run(name+"/floor-xmltoken", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if floorScan(b, data, true) == 0 {
					b.Fatal("no cells")
				}
			}
		})
	}
}
