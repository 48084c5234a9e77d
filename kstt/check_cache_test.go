package kstt_test

import (
	"sync"
	"testing"

	"github.com/baocaodinhky/vpcp/kstt"
)

// specForm is miniForm under a spec of the test's own.
type specForm struct {
	*miniForm
	spec *kstt.FormSpec
}

func (f specForm) Spec() *kstt.FormSpec { return f.spec }

// Check compiles a spec once, but a spec changed in place after a check is
// compiled afresh: the next check runs the changed rules.
func TestCheckRecompilesASpecChangedInPlace(t *testing.T) {
	spec := miniSpec.Clone()
	f := specForm{newMini(t, [3]int64{5, 1, 1}), spec} // (4)=5 > (5)=1: X.01/R5, a warning
	fs, err := kstt.Check(f, kstt.CheckOptions{})
	if err != nil || len(byRule(t, fs, "X.01/R5")) != 1 || fs[0].Severity != kstt.Warning {
		t.Fatalf("first check: %v, %v", fs, err)
	}
	spec.Rules[4].Severity = kstt.Error
	if fs, _ = kstt.Check(f, kstt.CheckOptions{}); len(fs) != 1 || fs[0].Severity != kstt.Error {
		t.Fatalf("after the severity changed in place: %v", fs)
	}
	spec.Rules[4].Terms[0].Col = 4 // (4) ≤ (4) always holds
	if fs, _ = kstt.Check(f, kstt.CheckOptions{}); len(fs) != 0 {
		t.Fatalf("after the term changed in place: %v", fs)
	}
	spec.Rules[4].Expr = "" // now invalid: the error a fresh compile gives
	if _, err = kstt.Check(f, kstt.CheckOptions{}); err == nil {
		t.Fatal("an invalid spec changed in place was still checked")
	}
}

// Check is safe for concurrent use and gives every goroutine the findings
// of its own form.
func TestCheckConcurrent(t *testing.T) {
	clean := newMini(t, [3]int64{1, 2, 1})
	dirty := newMini(t, [3]int64{5, 1, 1})
	want, err := kstt.Check(dirty, kstt.CheckOptions{})
	if err != nil || len(want) == 0 {
		t.Fatal(want, err)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 200 {
				f := clean
				if (g+i)%2 == 1 {
					f = dirty
				}
				fs, err := kstt.Check(f, kstt.CheckOptions{})
				if err != nil || (f == clean) != (len(fs) == 0) || (f == dirty && len(fs) != len(want)) {
					t.Errorf("goroutine %d: %v, %v", g, fs, err)
					return
				}
			}
		})
	}
	wg.Wait()
}
