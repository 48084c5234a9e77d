package xlsx_test

import (
	"archive/zip"
	"compress/flate"
	"io"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/render/xlsx"
)

// Benchmarks: an II.06a-like sheet of 10,000 lĩnh vực rows written as
// XLSX by the renderer (styles, merged header, formulas with cached
// values), against excelize's StreamWriter writing the same cells with no
// style and no formula (the floor), and against the SetCellValue loop a
// user writes by hand. Each reports ns/row, allocs/row and B/row.
//
//	go test -run '^$' -bench . -benchmem ./render/xlsx

const benchRows = 10_000

func benchSheet(b *testing.B) *layout.Sheet {
	b.Helper()
	return bigII06a(benchRows).sheet(b)
}

// perRow runs write b.N times and reports its cost per body row: wall
// time, CPU time of the process (steadier than wall time on a shared
// machine), allocations and bytes allocated.
func perRow(b *testing.B, rows int, write func() error) {
	b.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	cpu0 := cpuTime()
	n := 0
	for b.Loop() {
		if err := write(); err != nil {
			b.Fatal(err)
		}
		n++
	}
	cpu := cpuTime() - cpu0
	runtime.ReadMemStats(&after)
	total := float64(n * rows)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/total, "ns/row")
	if cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/total, "cpu-ns/row")
	}
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/total, "allocs/row")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/total, "B/row")
}

func BenchmarkRender(b *testing.B) {
	s := benchSheet(b)
	r := xlsx.New(xlsx.Options{})
	perRow(b, benchRows, func() error { return r.Render(io.Discard, s) })
}

// BenchmarkRenderVsFloor alternates the renderer and the floor in every
// iteration and reports the ratio of their CPU times, x-floor, which the
// load of a shared machine shifts far less than two separate runs.
func BenchmarkRenderVsFloor(b *testing.B) {
	s := benchSheet(b)
	r := xlsx.New(xlsx.Options{})
	var tr, tf time.Duration
	for b.Loop() {
		c0 := cpuTime()
		if err := r.Render(io.Discard, s); err != nil {
			b.Fatal(err)
		}
		c1 := cpuTime()
		if err := floor(s); err != nil {
			b.Fatal(err)
		}
		tr, tf = tr+c1-c0, tf+cpuTime()-c1
	}
	if tf > 0 {
		b.ReportMetric(float64(tr)/float64(tf), "x-floor")
	}
}

// cellValue is the plain value of a sheet cell, as a user would write it.
func cellValue(c *layout.Cell) any {
	switch c.Kind {
	case layout.TextCell:
		return c.Text
	case layout.IntCell:
		return c.Int
	case layout.DecimalCell:
		return c.Dec.InexactFloat64()
	}
	return nil
}

// BenchmarkFloorStreamWriter writes the same body cells with excelize's
// StreamWriter and nothing else: no header, style or formula, at the
// renderer's compression (deflate BestSpeed), written to io.Discard.
func BenchmarkFloorStreamWriter(b *testing.B) {
	s := benchSheet(b)
	perRow(b, benchRows, func() error { return floor(s) })
}

func floor(s *layout.Sheet) error {
	f := excelize.NewFile()
	defer f.Close()
	f.SetZipWriter(bestSpeedZip)
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	vals := make([]any, len(s.Blocks[0].Columns))
	for i, row := range s.Blocks[0].Rows {
		for c := range row.Cells {
			vals[c] = cellValue(&row.Cells[c])
		}
		if err := sw.SetRow("A"+strconv.Itoa(i+1), vals); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.Write(io.Discard)
}

// bestSpeedZip is the zip writer of the floor: deflate at BestSpeed, the
// level the renderer writes with.
func bestSpeedZip(w io.Writer) excelize.ZipWriter {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestSpeed)
	})
	return zw
}

// BenchmarkSetCellValue writes the same body cells one SetCellValue at a
// time, the loop users write by hand.
func BenchmarkSetCellValue(b *testing.B) {
	s := benchSheet(b)
	perRow(b, benchRows, func() error {
		f := excelize.NewFile()
		defer f.Close()
		for i, row := range s.Blocks[0].Rows {
			for c := range row.Cells {
				v := cellValue(&row.Cells[c])
				if v == nil {
					continue
				}
				cell, err := excelize.CoordinatesToCellName(c+1, i+1)
				if err != nil {
					return err
				}
				if err := f.SetCellValue("Sheet1", cell, v); err != nil {
					return err
				}
			}
		}
		return f.Write(io.Discard)
	})
}

// BenchmarkWriter100k is issue 17's writer question at 100,000 rows: the
// renderer (write.go, write_stream.go: styles, merged header, formulas
// with cached values) against excelize's StreamWriter writing the same
// body cells with nothing else (floor), each reporting ns/row, cpu-ns/row,
// allocs/row and B/row (bytes allocated), and a paired run of the two in
// every iteration reporting the CPU-time ratio (x-floor). Peak RSS at
// 100,000 rows is BenchmarkWriteRSS.
//
//	go test -run '^$' -bench Writer100k -benchtime 3x -count 4 ./render/xlsx
func BenchmarkWriter100k(b *testing.B) {
	const n = 100_000
	s := bigII06a(n).sheet(b)
	r := xlsx.New(xlsx.Options{})
	b.Run("ours", func(b *testing.B) { perRow(b, n, func() error { return r.Render(io.Discard, s) }) })
	b.Run("streamwriter", func(b *testing.B) { perRow(b, n, func() error { return floor(s) }) })
	b.Run("paired", func(b *testing.B) {
		var tr, tf time.Duration
		for b.Loop() {
			c0 := cpuTime()
			if err := r.Render(io.Discard, s); err != nil {
				b.Fatal(err)
			}
			c1 := cpuTime()
			if err := floor(s); err != nil {
				b.Fatal(err)
			}
			tr, tf = tr+c1-c0, tf+cpuTime()-c1
		}
		if tf > 0 {
			b.ReportMetric(float64(tr)/float64(tf), "x-floor")
		}
	})
}
