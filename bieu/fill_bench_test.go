package bieu

import (
	"strconv"
	"testing"
)

// BenchmarkFill fills each official form of 20 and 10,000 rows (the
// printed formulas of every row, TỔNG CỘNG, the rates of II.07b), next to
// the floor: a loop written by hand for II.06a's three formulas and its
// total.
//
//	go test -run '^$' -bench Fill -count 8 ./bieu
func BenchmarkFill(b *testing.B) {
	for _, n := range []int{20, 10000} {
		forms := []struct {
			code string
			fill func() error
		}{
			{"II.06a", benchII06a(n).Fill},
			{"II.06b", scaleII06b(n / 3).Fill},
			{"II.07b", scaleII07b(n).Fill},
			{"II.08", scaleII08(n / 3).Fill},
		}
		for _, f := range forms {
			b.Run(f.code+"/rows="+strconv.Itoa(n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if err := f.fill(); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		b.Run("floor/II.06a-by-hand/rows="+strconv.Itoa(n), func(b *testing.B) {
			f := benchII06a(n)
			for b.Loop() {
				var t II06aRow
				for i := range f.Rows {
					r := &f.Rows[i]
					r.Received = r.Online + r.Direct + r.CarriedOver
					r.Resolved = r.Early + r.OnTime + r.Late
					r.Pending = r.PendingOnTime + r.PendingOverdue
					addRowII06a(&t, r)
				}
				t.STT, t.Field = f.Total.STT, f.Total.Field
				f.Total = t
			}
		})
	}
}
