package bieu

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/baocaodinhky/vpcp/kstt"
)

// engineOnly hides a form's QuickClean (given by its table) so the rule
// engine runs in full.
type engineOnly struct{ kstt.Form }

func (e engineOnly) Table(i int) kstt.Table { return engineTable{e.Form.Table(i)} }

// engineTable is a form's table without its optional interfaces.
type engineTable struct{ kstt.Table }

// TestQuickCleanAgreesWithTheEngine: the generated fast path reports clean
// exactly when the engine finds nothing, on random valid forms and on forms
// with one cell changed to a random value, extremes included.
func TestQuickCleanAgreesWithTheEngine(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	extremes := []int64{-1, 0, 1, 1 << 57, 1 << 58, math.MaxInt64, math.MinInt64, math.MaxInt64 / 3}
	agreeClean, agreeDirty := 0, 0
	for iter := 0; iter < 3000; iter++ {
		for _, f := range randomForms(rng) {
			q, ok := f.Table(0).(interface{ QuickClean() bool })
			if !ok {
				continue
			}
			if err := kstt.Fill(f); err != nil {
				t.Fatal(err)
			}
			if iter%2 == 1 {
				tab := f.Table(0).(kstt.MutableTable)
				i := rng.IntN(tab.Len())
				buf := make([]int64, 16)
				tab.Ints(i, buf)
				col := 3 + rng.IntN(f.Spec().Parts[0].MaxNum()-2)
				if rng.IntN(3) == 0 {
					buf[col] = extremes[rng.IntN(len(extremes))]
				} else {
					buf[col] += int64(rng.IntN(5)) - 2
				}
				tab.SetInts(i, buf)
			}
			fs, err := kstt.Check(engineOnly{f}, kstt.CheckOptions{})
			if err != nil {
				t.Fatal(err)
			}
			quick := q.QuickClean()
			if quick && len(fs) > 0 {
				t.Fatalf("%s: QuickClean true but the engine finds %v", f.Spec().Code, fs)
			}
			if !quick && len(fs) == 0 {
				// Allowed only for values the fast path declines (≥ 2^58).
				t.Logf("%s: QuickClean declined a clean form", f.Spec().Code)
				continue
			}
			if quick {
				agreeClean++
			} else {
				agreeDirty++
			}
		}
	}
	if agreeClean < 1000 || agreeDirty < 1000 {
		t.Fatalf("too few cases: %d clean, %d dirty", agreeClean, agreeDirty)
	}
}

// A catalogue whose rules a user changed is never short-cut by the fast
// path generated from the official rules.
func TestChangedCatalogueBypassesTheFastPath(t *testing.T) {
	f := cleanFixture()
	cat := Official()
	spec := cat.Spec("II.08")
	spec.Rules = append(spec.Rules, kstt.Rule{ID: "II.08/LOCAL1", Kind: kstt.AtMost, Severity: kstt.Error,
		Expr: "(5) ≤ (3)", Basis: "local policy", Meaning: "m", MeaningEN: "m",
		Target: kstt.Ref{Col: 5}, Terms: []kstt.Ref{{Col: 3}}})
	if !f.c.quickClean() {
		t.Fatal("fixture II.08 should be clean for the official rules")
	}
	fs, err := cat.Check(f.rep, kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(declaredRule(fs, "II.08/LOCAL1")) == 0 {
		t.Fatalf("the local rule did not run: %v", fs)
	}
	// The official spec is untouched.
	if Official().Spec("II.08").Rule("II.08/LOCAL1") != nil || f.c.Spec().Rule("II.08/LOCAL1") != nil {
		t.Fatal("changing one catalogue changed the shared declaration")
	}
}
