package bieu

import (
	"fmt"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/baocaodinhky/vpcp/kstt"
)

const (
	benchUnits  = 10_000
	benchFields = 20
)

// benchReports builds 10,000 units' reports of II.06a with 20 lĩnh vực
// each, a third at each level; unit u spells the lĩnh vực one of two ways.
var benchReports = sync.OnceValue(func() []*kstt.Report {
	out := make([]*kstt.Report, benchUnits)
	for u := range benchUnits {
		name := []string{"Sở số %d", "UBND huyện %d", "UBND xã %d"}[u%3]
		h := kstt.Header{Unit: fmt.Sprintf(name, u), Recipient: "UBND tỉnh", Period: rollupQ2}
		a := &II06a{Header: h, Rows: make([]II06aRow, benchFields)}
		for i := range a.Rows {
			label := fmt.Sprintf("Lĩnh vực số %d", i)
			if u%2 == 1 {
				label = fmt.Sprintf("lĩnh vực  SỐ %d", i)
			}
			v := int64(u%7 + i)
			a.Rows[i] = II06aRow{STT: fmt.Sprint(i + 1), Field: label, Online: v, Direct: 1, CarriedOver: 2,
				Early: v, OnTime: 2, Late: 1, PendingOnTime: 0, PendingOverdue: 0}
		}
		if err := a.Fill(); err != nil {
			panic(err)
		}
		out[u] = &kstt.Report{Header: h, Forms: []kstt.Form{a}}
	}
	return out
})

// handSum is what a user would write by hand: sum the rows of every
// II.06a into a map keyed by the label as written (no normalisation, no
// checks, no provenance, no II.06b).
func handSum(reps []*kstt.Report) map[string]*[14]int64 {
	m := map[string]*[14]int64{}
	for _, r := range reps {
		a := r.Forms[0].(*II06a)
		for i := range a.Rows {
			x := &a.Rows[i]
			s := m[x.Field]
			if s == nil {
				s = new([14]int64)
				m[x.Field] = s
			}
			s[3] += x.Received
			s[4] += x.Online
			s[5] += x.Direct
			s[6] += x.CarriedOver
			s[7] += x.Resolved
			s[8] += x.Early
			s[9] += x.OnTime
			s[10] += x.Late
			s[11] += x.Pending
			s[12] += x.PendingOnTime
			s[13] += x.PendingOverdue
		}
	}
	return m
}

// peakHeap runs f and returns the largest growth of the heap (live and not
// yet collected objects) seen while it ran, sampling every 100 µs.
func peakHeap(f func()) uint64 {
	runtime.GC()
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	base := s[0].Value.Uint64()
	peak := base
	done, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		ss := []metrics.Sample{{Name: s[0].Name}}
		for {
			metrics.Read(ss)
			peak = max(peak, ss[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-time.After(100 * time.Microsecond):
			}
		}
	}()
	f()
	close(done)
	<-stopped
	metrics.Read(s)
	return max(peak, s[0].Value.Uint64()) - base
}

// BenchmarkRollup rolls up 10,000 units × 20 lĩnh vực (II.06a into II.06a
// and II.06b, with provenance); BenchmarkRollupHandSum is the plain loop a
// user would write over the same data. Both report ns per unit and the
// peak heap growth of one roll-up.
func BenchmarkRollup(b *testing.B) {
	reps := benchReports()
	var agg *Aggregate
	peak := peakHeap(func() {
		var err error
		if agg, err = Rollup(reps, RollupOptions{}); err != nil {
			b.Fatal(err)
		}
	})
	if len(agg.II06a.Rows) != benchFields {
		b.Fatalf("%d rows, want %d", len(agg.II06a.Rows), benchFields)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Rollup(reps, RollupOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*benchUnits), "ns/unit")
	b.ReportMetric(float64(peak)/(1<<20), "peak-MiB")
}

func BenchmarkRollupHandSum(b *testing.B) {
	reps := benchReports()
	var m map[string]*[14]int64
	peak := peakHeap(func() { m = handSum(reps) })
	if len(m) != 2*benchFields { // two spellings, not merged
		b.Fatalf("%d keys", len(m))
	}
	b.ReportAllocs()
	for b.Loop() {
		handSum(reps)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*benchUnits), "ns/unit")
	b.ReportMetric(float64(peak)/(1<<20), "peak-MiB")
}

// handSumKeyed is the floor of the roll-up: the hand summing loop with the
// same key normalisation (FieldKey, computed once per spelling as any
// hand loop over thousands of units would), the rows of II.06a summed
// into one map by lĩnh vực key and into one per level, each row keeping
// the units that fed it — what Rollup computes before it builds the
// forms.
func handSumKeyed(reps []*kstt.Report) map[string]*handRow {
	keys := map[string]string{}
	m := map[string]*handRow{}
	var byLevel [4]map[string]*handRow
	for l := range byLevel {
		byLevel[l] = map[string]*handRow{}
	}
	add := func(m map[string]*handRow, key string, x *II06aRow, u int32) {
		s := m[key]
		if s == nil {
			s = new(handRow)
			m[key] = s
		}
		s.v[3] += x.Received
		s.v[4] += x.Online
		s.v[5] += x.Direct
		s.v[6] += x.CarriedOver
		s.v[7] += x.Resolved
		s.v[8] += x.Early
		s.v[9] += x.OnTime
		s.v[10] += x.Late
		s.v[11] += x.Pending
		s.v[12] += x.PendingOnTime
		s.v[13] += x.PendingOverdue
		s.units = append(s.units, u)
	}
	for u, r := range reps {
		level := GuessLevel(r.Header.Unit)
		a := r.Forms[0].(*II06a)
		for i := range a.Rows {
			x := &a.Rows[i]
			k, ok := keys[x.Field]
			if !ok {
				k = FieldKey(x.Field)
				keys[x.Field] = k
			}
			add(m, k, x, int32(u))
			add(byLevel[level], k, x, int32(u))
		}
	}
	return m
}

type handRow struct {
	v     [14]int64
	units []int32
}

// BenchmarkRollupVsFloor runs Rollup and its floor, handSumKeyed, on the
// same 10,000 units × 20 lĩnh vực in one run. Goal: Rollup ≤ 2× the floor.
func BenchmarkRollupVsFloor(b *testing.B) {
	reps := benchReports()
	b.Run("Rollup", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Rollup(reps, RollupOptions{}); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*benchUnits), "ns/unit")
	})
	b.Run("paired", func(b *testing.B) {
		paired(b, 1, func() {
			if _, err := Rollup(reps, RollupOptions{}); err != nil {
				b.Fatal(err)
			}
		}, func() { handSumKeyed(reps) })
	})
	b.Run("floor/hand-sum-keyed", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if m := handSumKeyed(reps); len(m) != benchFields {
				b.Fatalf("%d keys", len(m))
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*benchUnits), "ns/unit")
	})
}
