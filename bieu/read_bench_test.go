package bieu_test

import (
	"bytes"
	"fmt"
	"runtime"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/internal/heapwatch"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/render/xlsx"
)

// bigII06a is an II.06a of n lĩnh vực rows, filled.
func bigII06a(tb testing.TB, n int) *bieu.II06a {
	f := &bieu.II06a{Header: kstt.Header{Unit: "UBND tỉnh Hà Tĩnh", Recipient: "Văn phòng Chính phủ", Period: q2}}
	f.Rows = make([]bieu.II06aRow, n)
	for i := range f.Rows {
		v := int64(i % 97)
		f.Rows[i] = bieu.II06aRow{STT: fmt.Sprint(i + 1), Field: fmt.Sprintf("Lĩnh vực số %d", i+1),
			Online: v, Direct: v / 2, CarriedOver: v % 5, Early: v / 3, OnTime: v, Late: v % 7, PendingOnTime: v % 11, PendingOverdue: v % 2}
	}
	return fill(tb, f)
}

// BenchmarkReadII06a reads an II.06a of 1,000, 10,000 and 100,000 rows
// written by render/xlsx: excelize's own Rows iterator over the same
// worksheet (raw values, each row's strings — what a user writes by hand,
// and recognises nothing; the floor) next to ReadWorkbook (the grid:
// values, formulas, merges) and ReadWorkbook plus Read (recognised, typed,
// every cell's address kept). peak-MB is the peak heap of one more run,
// sampled (internal/heapwatch): compare it with the floor's.
func BenchmarkReadII06a(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		data := writeWorkbook(b, bigII06a(b, n))
		rows := float64(n)
		b.Run(fmt.Sprintf("rows=%d/excelize-Rows", n), func(b *testing.B) {
			b.ReportAllocs()
			cells := 0
			for b.Loop() {
				f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true})
				if err != nil {
					b.Fatal(err)
				}
				it, err := f.Rows("II.06a")
				if err != nil {
					b.Fatal(err)
				}
				for it.Next() {
					cols, err := it.Columns(excelize.Options{RawCellValue: true})
					if err != nil {
						b.Fatal(err)
					}
					cells += len(cols)
				}
				it.Close()
				f.Close()
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/rows, "ns/row")
			b.ReportMetric(peakMB(func() {
				f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true})
				if err != nil {
					b.Fatal(err)
				}
				it, err := f.Rows("II.06a")
				if err != nil {
					b.Fatal(err)
				}
				for it.Next() {
					if _, err := it.Columns(excelize.Options{RawCellValue: true}); err != nil {
						b.Fatal(err)
					}
				}
				it.Close()
				f.Close()
			}), "peak-MB")
		})
		b.Run(fmt.Sprintf("rows=%d/ReadWorkbook", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := xlsx.ReadWorkbook(bytes.NewReader(data), int64(len(data)), xlsx.ReadOptions{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/rows, "ns/row")
			b.ReportMetric(peakMB(func() {
				gs, err := xlsx.ReadWorkbook(bytes.NewReader(data), int64(len(data)), xlsx.ReadOptions{})
				if err != nil {
					b.Fatal(err)
				}
				runtime.KeepAlive(gs)
			}), "peak-MB")
		})
		b.Run(fmt.Sprintf("rows=%d/ReadWorkbook+Read", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				gs, err := xlsx.ReadWorkbook(bytes.NewReader(data), int64(len(data)), xlsx.ReadOptions{})
				if err != nil {
					b.Fatal(err)
				}
				res, err := bieu.ReadGridsForTest(gs, bieu.ReadOptions{})
				if err != nil || len(res.Forms[0].(*bieu.II06a).Rows) != n {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/rows, "ns/row")
			b.ReportMetric(retained(b, data)/rows, "kept-B/row")
			b.ReportMetric(peakMB(func() {
				gs, err := xlsx.ReadWorkbook(bytes.NewReader(data), int64(len(data)), xlsx.ReadOptions{})
				if err != nil {
					b.Fatal(err)
				}
				res, err := bieu.ReadGridsForTest(gs, bieu.ReadOptions{})
				if err != nil {
					b.Fatal(err)
				}
				runtime.KeepAlive(res)
			}), "peak-MB")
		})
	}
}

// retained is the heap a read form keeps alive: the typed form with the
// address of every cell (the grid is garbage once Read returns).
func retained(b *testing.B, data []byte) float64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	gs, err := xlsx.ReadWorkbook(bytes.NewReader(data), int64(len(data)), xlsx.ReadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	res, err := bieu.ReadGridsForTest(gs, bieu.ReadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	gs = nil
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(res)
	return float64(after.HeapAlloc) - float64(before.HeapAlloc)
}

// peakMB is the peak heap of fn in MB (10^6 bytes).
func peakMB(fn func()) float64 { return float64(heapwatch.Peak(fn)) / 1e6 }
