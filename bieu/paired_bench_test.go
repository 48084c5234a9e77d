package bieu

import "testing"

// paired runs ours and then floor batch times each, in every iteration of
// b, and reports the CPU time of one call of each (cpu-ns/ours,
// cpu-ns/floor) and their ratio (x-floor). Alternating the two in one run,
// and counting CPU time rather than wall time, keeps the ratio steady on a
// machine other programs load.
func paired(b *testing.B, batch int, ours, floor func()) {
	b.Helper()
	var to, tf int64
	n := 0
	for b.Loop() {
		c0 := cpuTime()
		for range batch {
			ours()
		}
		c1 := cpuTime()
		for range batch {
			floor()
		}
		c2 := cpuTime()
		to, tf = to+int64(c1-c0), tf+int64(c2-c1)
		n += batch
	}
	if tf > 0 {
		b.ReportMetric(float64(to)/float64(n), "cpu-ns/ours")
		b.ReportMetric(float64(tf)/float64(n), "cpu-ns/floor")
		b.ReportMetric(float64(to)/float64(tf), "x-floor")
	}
}
