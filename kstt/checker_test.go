package kstt_test

import (
	"errors"
	"testing"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
)

// A Checker has the shape of kstt.Check: the same sorted findings, and an
// error (not a finding) for a form of another spec.
func TestCheckerShape(t *testing.T) {
	f := &bieu.II06a{Rows: []bieu.II06aRow{{STT: "1", Field: "Lĩnh vực hộ tịch", Online: 5, OnTime: 5}}}
	if err := f.Fill(); err != nil {
		t.Fatal(err)
	}
	f.Total.Online = 6
	f.Rows[0].Online = -1
	c, err := kstt.NewChecker(f.Spec(), kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.Check(f)
	if err != nil {
		t.Fatal(err)
	}
	want, err := kstt.Check(f, kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) < 2 || len(got) != len(want) {
		t.Fatalf("Checker.Check: %d findings, kstt.Check: %d", len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("finding %d: Checker.Check %v, kstt.Check %v", i, got[i], want[i])
		}
	}
	fs, err := c.Check(&bieu.II08{})
	if !errors.Is(err, kstt.ErrUnknownForm) || fs != nil {
		t.Errorf("an II.08 through the II.06a checker: %v, %v; want ErrUnknownForm", fs, err)
	}
}
