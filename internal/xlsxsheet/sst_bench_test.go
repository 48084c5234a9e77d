package xlsxsheet

import (
	"bytes"
	"runtime"
	"testing"
)

// BenchmarkReadShared reads a shared-strings part of 200,000 distinct
// codes of 27 bytes (bigShared) and reports what the table costs:
// table-B/string, the live heap it holds after a collection divided by
// the strings (the text is 27 of it; the index 8), beside B/op and
// allocs/op, which count the garbage made on the way too.
//
//	go test -run '^$' -bench ReadShared -benchmem -cpu 1 ./internal/xlsxsheet
func BenchmarkReadShared(b *testing.B) {
	const n = 200_000
	data := bigShared(b, n)
	bk, err := Open(bytes.NewReader(data), int64(len(data)), 1<<30)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var table float64
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		st, err := bk.ReadShared(SharedOptions{Limit: func() int { return 1 << 20 }})
		if err != nil || st.Len() != n {
			b.Fatal(err, st.Len())
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		table = float64(after.HeapAlloc-before.HeapAlloc) / n
		runtime.KeepAlive(st)
	}
	b.ReportMetric(table, "table-B/string")
}
