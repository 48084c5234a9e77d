package bieu

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/decl"
)

// BenchmarkCheckDeclaredII06a checks the same clean II.06a of 20, 100,
// 2,000 and 10,000 lĩnh vực rows as the typed form (the floor: its
// generated fast path, then the engine) and as the form declared as data
// (testdata/ii06a.decl.json), each with a reused Checker. Target: the
// declared form within 3× of the typed one. "paired" alternates batches of
// the two in one loop and reports their CPU time (x-floor = declared ÷
// typed), the figure to read on a shared machine.
func BenchmarkCheckDeclaredII06a(b *testing.B) {
	for _, rows := range []int{20, 100, 2000, 10000} {
		b.Run(fmt.Sprint(rows), func(b *testing.B) { benchDeclared(b, rows) })
	}
}

func benchDeclared(b *testing.B, rows int) {
	typed := benchII06a(rows)
	s, _ := declaredII06a(b)
	gen := s.New(kstt.Header{})
	data, err := json.Marshal(typed)
	if err != nil {
		b.Fatal(err)
	}
	if err := json.Unmarshal(data, gen); err != nil {
		b.Fatal(err)
	}
	run := func(b *testing.B, spec *kstt.FormSpec, f kstt.Form) {
		c, err := kstt.NewChecker(spec, kstt.CheckOptions{})
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
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(rows), "ns/row")
	}
	b.Run("paired", func(b *testing.B) {
		ct, err := kstt.NewChecker(typed.Spec(), kstt.CheckOptions{})
		if err != nil {
			b.Fatal(err)
		}
		cd, err := kstt.NewChecker(s.Spec(), kstt.CheckOptions{})
		if err != nil {
			b.Fatal(err)
		}
		var dst kstt.Findings
		paired(b, max(1, 200_000/rows), func() {
			if dst, _ = cd.Check(gen); len(dst) != 0 {
				b.Fatal(dst)
			}
		}, func() {
			if dst, _ = ct.Check(typed); len(dst) != 0 {
				b.Fatal(dst)
			}
		})
	})
	b.Run("typed", func(b *testing.B) { run(b, typed.Spec(), typed) })
	b.Run("typed-engine-only", func(b *testing.B) { run(b, typed.Spec(), engineOnly{typed}) })
	b.Run("declared", func(b *testing.B) { run(b, s.Spec(), gen) })
	b.Run("declared-engine-only", func(b *testing.B) { run(b, s.Spec(), declEngineOnly{gen}) })
}

// declEngineOnly hides a declared form's fast path.
type declEngineOnly struct{ *decl.Form }

func (e declEngineOnly) Table(pi int) kstt.Table { return engineTable{e.Form.Table(pi)} }
