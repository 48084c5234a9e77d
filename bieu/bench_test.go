package bieu

import (
	"fmt"
	"testing"

	"github.com/baocaodinhky/vpcp/kstt"
)

func benchII06a(n int) *II06a {
	f := &II06a{Rows: make([]II06aRow, n)}
	for i := range f.Rows {
		v := int64(i % 97)
		f.Rows[i] = II06aRow{STT: fmt.Sprint(i + 1), Field: fmt.Sprintf("Lĩnh vực %d", i),
			Online: v, Direct: v / 2, CarriedOver: 3, Early: v, OnTime: v / 2, Late: 1, PendingOnTime: 1, PendingOverdue: 1}
	}
	if err := f.Fill(); err != nil {
		panic(err)
	}
	return f
}

// BenchmarkCheckII06a checks a clean II.06a of 10,000 lĩnh vực rows with a
// reused Checker (every rule of the form: the three printed formulas, the
// total, non-negative counts and the (3)=(7)+(11) balance), next to the loop
// a user would write by hand for the three printed formulas only.
func BenchmarkCheckII06a(b *testing.B) {
	const rows = 10000
	f := benchII06a(rows)
	b.Run("kstt.Checker", func(b *testing.B) {
		c, err := kstt.NewChecker(f.Spec(), kstt.CheckOptions{})
		if err != nil {
			b.Fatal(err)
		}
		var dst kstt.Findings
		b.ReportAllocs()
		for b.Loop() {
			dst, _ = c.Check(f)
		}
		if len(dst) != 0 {
			b.Fatal(dst)
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/rows, "ns/row")
	})
	b.Run("kstt.Checker/engine-without-fast-path", func(b *testing.B) {
		c, err := kstt.NewChecker(f.Spec(), kstt.CheckOptions{})
		if err != nil {
			b.Fatal(err)
		}
		var dst kstt.Findings
		b.ReportAllocs()
		for b.Loop() {
			dst, _ = c.Check(engineOnly{f})
		}
		if len(dst) != 0 {
			b.Fatal(dst)
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/rows, "ns/row")
	})
	b.Run("hand-written/same-rules", func(b *testing.B) {
		bad := 0
		b.ReportAllocs()
		for b.Loop() {
			var t II06aRow
			for i := range f.Rows {
				r := &f.Rows[i]
				if r.Received < 0 || r.Online < 0 || r.Direct < 0 || r.CarriedOver < 0 || r.Resolved < 0 || r.Early < 0 ||
					r.OnTime < 0 || r.Late < 0 || r.Pending < 0 || r.PendingOnTime < 0 || r.PendingOverdue < 0 {
					bad++
				}
				if r.Received != r.Online+r.Direct+r.CarriedOver || r.Resolved != r.Early+r.OnTime+r.Late ||
					r.Pending != r.PendingOnTime+r.PendingOverdue || r.Received != r.Resolved+r.Pending {
					bad++
				}
				addRowII06a(&t, r)
			}
			t.STT, t.Field = f.Total.STT, f.Total.Field
			if t != f.Total {
				bad++
			}
		}
		if bad != 0 {
			b.Fatal(bad)
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/rows, "ns/row")
	})
	b.Run("hand-written/three-formulas", func(b *testing.B) {
		bad := 0
		b.ReportAllocs()
		for b.Loop() {
			for i := range f.Rows {
				r := &f.Rows[i]
				if r.Received != r.Online+r.Direct+r.CarriedOver {
					bad++
				}
				if r.Resolved != r.Early+r.OnTime+r.Late {
					bad++
				}
				if r.Pending != r.PendingOnTime+r.PendingOverdue {
					bad++
				}
			}
		}
		if bad != 0 {
			b.Fatal(bad)
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/rows, "ns/row")
	})
}

func TestCheckerAllocatesNothingOnACleanForm(t *testing.T) {
	f := benchII06a(200)
	c, err := kstt.NewChecker(f.Spec(), kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var dst kstt.Findings
	if n := testing.AllocsPerRun(20, func() { dst, err = c.Check(f) }); n != 0 {
		t.Fatalf("Check of a clean II.06a allocates %v times", n)
	}
	if err != nil || len(dst) != 0 {
		t.Fatalf("Check of a clean II.06a: %v, %v", dst, err)
	}
}
