package tally

import (
	"strconv"
	"testing"
	"time"

	"github.com/baocaodinhky/vpcp/kstt"
)

var time0 time.Time

func TestHashSet(t *testing.T) {
	var s hashSet
	for i := range 100_000 {
		if !s.add(hashCode("H" + strconv.Itoa(i))) {
			t.Fatalf("%d: reported present", i)
		}
	}
	for i := range 100_000 {
		if s.add(hashCode("H" + strconv.Itoa(i))) {
			t.Fatalf("%d: reported absent", i)
		}
	}
	if !s.add(0) || s.add(0) || s.add(1) {
		t.Error("0 is stored as 1")
	}
	n := 0
	s.each(func(uint64) { n++ })
	if n != s.n || n != 100_001 {
		t.Errorf("each: %d, n %d", n, s.n)
	}
	if 4*s.n > 3*len(s.slots) {
		t.Errorf("load %d/%d", s.n, len(s.slots))
	}
}

func TestDuplicateAcrossShards(t *testing.T) {
	r := rec("D1", at(1, 9, 2024, 8, 0), at(10, 9, 2024, 17, 0), time0)
	a, _ := New(q3, Policy{})
	b, _ := New(q3, Policy{})
	_ = a.Add(r)
	_ = b.Add(r)
	if err := a.Merge(b); err != nil {
		t.Fatal(err)
	}
	res, _ := a.Result(kstt.Header{Unit: "Sở Tư pháp", Recipient: "UBND tỉnh"})
	if len(res.Findings) != 1 || res.Findings[0].Rule != RuleCrossShardDuplicate || res.Files.Received != 2 {
		t.Errorf("%v %+v", res.Findings, res.Files)
	}
}
