package tally

import (
	"fmt"
	"iter"
	"runtime"
	"testing"
	"time"
	"unsafe"

	"github.com/baocaodinhky/vpcp/kstt"
)

// benchPool is a pool of realistic records the benchmarks cycle through, so
// that 10 million records need no 2 GB of memory: the stream is the same
// for the hand-written loop and the tally.
var benchPool = history(7, 1<<12, time.Date(2024, 1, 1, 0, 0, 0, 0, Vietnam()), 330)

func stream(n int, codes []string) iter.Seq[Record] {
	return func(yield func(Record) bool) {
		for i := range n {
			r := benchPool[i&(len(benchPool)-1)]
			if codes != nil {
				r.Code = codes[i]
			}
			if !yield(r) {
				return
			}
		}
	}
}

// handLoop is what an integrator writes by hand for II.06a: the window,
// the channel, carried over, early/on time/late by calendar day, pending
// judged at the end — without policies, findings, levels or II.08.
func handLoop(seq iter.Seq[Record], from, to time.Time, loc *time.Location) map[string]*[14]int64 {
	out := map[string]*[14]int64{}
	day := func(t time.Time) int64 {
		y, m, d := t.In(loc).Date()
		return civilDays(y, m, d)
	}
	last := day(to.Add(-time.Second))
	for r := range seq {
		if !r.Received.Before(to) || (!r.Finished.IsZero() && r.Finished.Before(from)) {
			continue
		}
		row := out[r.Field]
		if row == nil {
			row = new([14]int64)
			out[r.Field] = row
		}
		switch {
		case r.Received.Before(from):
			row[6]++
		case r.Channel == Online:
			row[4]++
		default:
			row[5]++
		}
		if !r.Finished.IsZero() && r.Finished.Before(to) {
			fd, dd := day(r.Finished), day(r.Due)
			switch {
			case r.Outcome == Returned || r.Outcome == Withdrawn || r.Outcome == Stopped || fd == dd:
				row[9]++
			case fd < dd:
				row[8]++
			default:
				row[10]++
			}
		} else if day(r.Due) < last {
			row[13]++
		} else {
			row[12]++
		}
	}
	return out
}

// benchCodes returns n distinct codes ("HS" and 10 digits), backed by one
// buffer: 12 bytes a code, no string header kept per code, so that the
// 10M variants fit in memory. The same codes feed every variant.
func benchCodes(n int) []byte {
	buf := make([]byte, 12*n)
	for i := range n {
		c := buf[12*i : 12*i+12]
		c[0], c[1] = 'H', 'S'
		for j, v := 11, i; j >= 2; j-- {
			c[j] = byte('0' + v%10)
			v /= 10
		}
	}
	return buf
}

// codedStream is stream with the i-th record's code the i-th code of buf.
func codedStream(n int, buf []byte) iter.Seq[Record] {
	return func(yield func(Record) bool) {
		for i := range n {
			r := benchPool[i&(len(benchPool)-1)]
			r.Code = unsafe.String(&buf[12*i], 12)
			if !yield(r) {
				return
			}
		}
	}
}

// handMapLoop is handLoop that also detects duplicate codes, as an
// integrator would with a Go map: a code seen before is not counted.
func handMapLoop(seq iter.Seq[Record], from, to time.Time, loc *time.Location) (map[string]*[14]int64, map[string]struct{}, int) {
	seen := map[string]struct{}{}
	dups := 0
	return handLoop(func(yield func(Record) bool) {
		for r := range seq {
			if r.Received.IsZero() {
				continue
			}
			if _, ok := seen[r.Code]; ok || r.Code == "" {
				dups++
				continue
			}
			seen[r.Code] = struct{}{}
			if !yield(r) {
				return
			}
		}
	}, from, to, loc), seen, dups
}

// BenchmarkTally compares the tally with the loop an integrator writes by
// hand, over the same records with distinct codes:
//
//   - hand: classification only (handLoop), the floor;
//   - hand+map: the same loop detecting duplicate codes with a Go map;
//   - default: the zero Policy, as shipped (duplicate check on);
//   - tally: the duplicate check off (NoDuplicateCheck);
//   - tally+audit: the audit on, the duplicate check off.
//
// ns/record is per record; cpu-ns/record the process's CPU time per
// record (with -test.cpu 1, the steadier figure on a shared machine; the
// collector's work included); B/code is the memory a variant keeps (live heap
// after the run, less before) per distinct code. The 10M variants are
// skipped under -short.
func BenchmarkTally(b *testing.B) {
	for _, n := range []int{1_000_000, 10_000_000} {
		name := fmt.Sprintf("%dM", n/1_000_000)
		if n > 1_000_000 && testing.Short() {
			b.Run(name, func(b *testing.B) { b.Skip("-short") })
			continue
		}
		var buf []byte
		codes := func() []byte {
			if buf == nil {
				buf = benchCodes(n)
			}
			return buf
		}
		tl, _ := New(q3, Policy{})
		from, to := tl.Window()
		var cpu0 time.Duration
		perRecord := func(b *testing.B) {
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/record")
			if cpu, ok := processCPU(); ok && cpu0 > 0 {
				b.ReportMetric(float64(cpu-cpu0-heapCPU)/float64(b.N)/float64(n), "cpu-ns/record")
			}
		}
		startCPU := func() { cpu0, _ = processCPU(); heapCPU = 0 }
		b.Run(name+"/hand", func(b *testing.B) {
			c := codes()
			b.ReportAllocs()
			startCPU()
			for b.Loop() {
				if len(handLoop(codedStream(n, c), from, to, Vietnam())) == 0 {
					b.Fatal("nothing counted")
				}
			}
			perRecord(b)
		})
		b.Run(name+"/hand+map", func(b *testing.B) {
			c := codes()
			b.ReportAllocs()
			startCPU()
			var kept uint64
			for b.Loop() {
				before := heapOnce(b, kept)
				out, seen, dups := handMapLoop(codedStream(n, c), from, to, Vietnam())
				if len(out) == 0 || dups != 0 {
					b.Fatal("nothing counted, or duplicates in distinct codes")
				}
				if kept == 0 {
					kept = heapOnce(b, 0) - before
				}
				runtime.KeepAlive(seen)
			}
			perRecord(b)
			b.ReportMetric(float64(kept)/float64(n), "B/code")
		})
		b.Run(name+"/default", func(b *testing.B) {
			c := codes()
			b.ReportAllocs()
			startCPU()
			var kept uint64
			for b.Loop() {
				before := heapOnce(b, kept)
				tl, _ := New(q3, Policy{})
				if err := tl.AddSeq(codedStream(n, c)); err != nil {
					b.Fatal(err)
				}
				if kept == 0 {
					kept = heapOnce(b, 0) - before
				}
				res, _ := tl.Result(kstt.Header{Unit: "Sở Tư pháp"})
				if res.Files.Received == 0 || tl.Stats().Skipped != 0 {
					b.Fatal("nothing counted, or records skipped")
				}
			}
			perRecord(b)
			b.ReportMetric(float64(kept)/float64(n), "B/code")
		})
		b.Run(name+"/tally", func(b *testing.B) {
			c := codes()
			b.ReportAllocs()
			startCPU()
			for b.Loop() {
				tl, _ := New(q3, Policy{NoDuplicateCheck: true})
				if err := tl.AddSeq(codedStream(n, c)); err != nil {
					b.Fatal(err)
				}
				res, _ := tl.Result(kstt.Header{Unit: "Sở Tư pháp"})
				if res.Files.Received == 0 {
					b.Fatal("nothing counted")
				}
			}
			perRecord(b)
		})
		if n > 1_000_000 {
			continue
		}
		b.Run(name+"/tally+audit", func(b *testing.B) {
			c := codes()
			b.ReportAllocs()
			for b.Loop() {
				tl, _ := New(q3, Policy{NoDuplicateCheck: true, Audit: &AuditOptions{}})
				if err := tl.AddSeq(codedStream(n, c)); err != nil {
					b.Fatal(err)
				}
			}
			perRecord(b)
		})
	}
}

// heapCPU is the CPU time heapOnce took since the benchmark started, left
// out of cpu-ns/record as the timer leaves it out of ns/record.
var heapCPU time.Duration

// heapOnce returns the live heap, measured with the timer stopped, while
// kept is 0 (the first iteration); 0 after.
func heapOnce(b *testing.B, kept uint64) uint64 {
	if kept != 0 {
		return 0
	}
	b.StopTimer()
	defer b.StartTimer()
	c0, _ := processCPU()
	defer func() { c1, _ := processCPU(); heapCPU += c1 - c0 }()
	return liveHeap()
}

// liveHeap returns the live heap after a collection.
func liveHeap() uint64 {
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// TestTallyAllocsPerRecord pins 0 allocations per record with the audit
// and the duplicate check off (AllocsPerRun counts, it does not time).
func TestTallyAllocsPerRecord(t *testing.T) {
	tl, _ := New(q3, Policy{NoDuplicateCheck: true})
	_ = tl.AddSeq(stream(len(benchPool), nil)) // warm the caches of lĩnh vực and units
	i := 0
	allocs := testing.AllocsPerRun(10000, func() {
		_ = tl.Add(benchPool[i&(len(benchPool)-1)])
		i++
	})
	if allocs != 0 {
		t.Errorf("%v allocations per record, want 0", allocs)
	}
}
