package indicator_test

import (
	"math"
	"testing"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/bieu/indicator"
	"github.com/baocaodinhky/vpcp/kstt"
)

// Any counts — negative, zero, huge — give a value or no value, never a
// panic; no value exactly when the denominator is 0.
func FuzzIndicators(f *testing.F) {
	f.Add(int64(31), int64(0), int64(2), int64(0), int64(33), int64(0), int64(0), int64(0))
	f.Add(int64(0), int64(0), int64(0), int64(0), int64(0), int64(0), int64(0), int64(0))
	f.Add(int64(math.MaxInt64), int64(-1), int64(math.MinInt64), int64(7), int64(math.MaxInt64), int64(-5), int64(3), int64(1))
	f.Fuzz(func(t *testing.T, online, direct, carried, early, onTime, late, pendOK, pendLate int64) {
		form := &bieu.II06a{Rows: []bieu.II06aRow{{STT: "1", Field: "x", Online: online, Direct: direct, CarriedOver: carried,
			Early: early, OnTime: onTime, Late: late, PendingOnTime: pendOK, PendingOverdue: pendLate}}}
		_ = form.Fill() // may refuse an overflow; the indicators read what is there
		for _, ind := range indicator.For("II.06a") {
			rows, err := ind.Rows(form)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rows {
				if r.Value.OK != (r.Value.Den != 0) {
					t.Fatalf("%s: OK %v with denominator %d", ind.ID, r.Value.OK, r.Value.Den)
				}
			}
		}
		r := &kstt.Report{Forms: []kstt.Form{form}}
		if _, err := indicator.Compare(r, r); err != nil {
			t.Fatal(err)
		}
		_ = indicator.Sheet(r)
	})
}
