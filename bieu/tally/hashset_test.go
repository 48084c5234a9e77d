package tally

import (
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/google/go-cmp/cmp"
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

// TestHashSetProperty checks the set against a Go map across many
// growths, with hashes drawn so that many share a home slot or sit next to
// one another (long probe runs), repeated ones, and 0 (kept as 1), and
// that each gives back exactly what was added. Odd seeds add through
// addBatch (what flush uses), in batches of 1 to 64 that repeat hashes of
// their own and of earlier batches, and check its mask bit by bit.
func TestHashSetProperty(t *testing.T) {
	for seed := range uint64(6) {
		rng := rand.New(rand.NewPCG(seed, 19))
		var s hashSet
		want := map[uint64]bool{}
		var added []uint64
		var batch []pending
		for i := 0; i < 100_000; {
			batch = batch[:0]
			size := 1
			if seed%2 == 1 {
				size = 1 + rng.IntN(64)
			}
			for range size {
				var h uint64
				switch k := rng.IntN(10); {
				case k < 5 || len(added) == 0:
					h = rng.Uint64()
				case k < 7:
					h = added[rng.IntN(len(added))] // a duplicate
				case k < 8:
					h = uint64(rng.IntN(4)) // 0 and 1 are one hash to the set
				default:
					h = added[rng.IntN(len(added))] + uint64(rng.IntN(64)) // a near one
				}
				if rng.IntN(8) == 0 && len(batch) > 0 {
					h = batch[rng.IntN(len(batch))].h // a duplicate within the batch
				}
				batch = append(batch, pending{h: h})
			}
			var present uint64
			if seed%2 == 1 {
				present = s.addBatch(batch)
			}
			for j, p := range batch {
				h := p.h
				key := max(h, 1)
				got := present>>j&1 == 0
				if seed%2 == 0 {
					got = s.add(h)
				}
				if got != !want[key] {
					t.Fatalf("seed %d, %d: add(%#x) = %v, added before: %v", seed, i, h, got, want[key])
				}
				if !want[key] {
					want[key] = true
					added = append(added, h)
				}
				i++
			}
		}
		got := map[uint64]bool{}
		s.each(func(h uint64) {
			if got[h] {
				t.Fatalf("seed %d: %#x twice", seed, h)
			}
			got[h] = true
		})
		if d := cmp.Diff(want, got); d != "" || s.n != len(want) {
			t.Fatalf("seed %d: each (-added +each), n %d\n%s", seed, s.n, d)
		}
		if 4*s.n > 3*len(s.slots) {
			t.Errorf("seed %d: load %d/%d", seed, s.n, len(s.slots))
		}
	}
}

// TestDuplicateAcrossShards pins what Merge documents: codes in both
// shards are one finding with their number, and counted twice; within a
// shard the duplicate is skipped as in a single tally.
func TestDuplicateAcrossShards(t *testing.T) {
	r := rec("D1", at(1, 9, 2024, 8, 0), at(10, 9, 2024, 17, 0), time0)
	r2 := rec("D2", at(2, 9, 2024, 8, 0), at(10, 9, 2024, 17, 0), time0)
	a, _ := New(q3, Policy{})
	b, _ := New(q3, Policy{})
	_ = a.Add(r)
	_ = a.Add(r2)
	_ = b.Add(r)
	_ = b.Add(r2)
	_ = b.Add(r2) // a duplicate within b
	if err := a.Merge(b); err != nil {
		t.Fatal(err)
	}
	res, _ := a.Result(kstt.Header{Unit: "Sở Tư pháp", Recipient: "UBND tỉnh"})
	var rules []kstt.RuleID
	for _, f := range res.Findings {
		rules = append(rules, f.Rule)
	}
	if d := cmp.Diff([]kstt.RuleID{RuleCrossShardDuplicate, "TALLY/R06"}, rules); d != "" {
		t.Errorf("findings (-want +got)\n%s", d)
	}
	if f := res.Findings[0]; f.Actual != "2" {
		t.Errorf("cross-shard finding %+v, want 2 codes", f)
	}
	if res.Files.Received != 4 || res.Stats.Skipped != 1 {
		t.Errorf("received %d, skipped %d: want 4 (D1 and D2 twice) and 1", res.Files.Received, res.Stats.Skipped)
	}
}

// TestBatchedDuplicateCheckSameAsDirect: the default tally leaves the
// duplicate check of clean records to a batch (flush); the result —
// counts, stats, findings in order, counts by rule — is the one of the
// check made record by record (t.pend nil, as with the audit on), on
// histories with every problem, duplicates, empty codes, rejected rows,
// records of other periods, Stats read midway, a findings cap reached, and
// an AsOf that makes a record's every date impossible.
func TestBatchedDuplicateCheckSameAsDirect(t *testing.T) {
	for seed := range uint64(12) {
		rs := withProblems(seed, history(seed, 3000, at(1, 5, 2024, 0, 0), 200))
		rng := rand.New(rand.NewPCG(seed, 3))
		for i := range rs {
			switch rng.IntN(40) {
			case 0:
				rs[i].Code = rs[rng.IntN(len(rs))].Code // a duplicate, maybe of a record later or of another period
			case 1:
				rs[i].Code = ""
			}
		}
		for _, pol := range []Policy{{}, {MaxFindings: 5}, {AsOf: at(15, 9, 2024, 0, 0)},
			{Actions: map[Problem]Action{ProblemDuplicateCode: Count}}} {
			var got [2]*Result
			var stats [2][]Stats
			for k := range got {
				tl, err := New(q3, pol)
				if err != nil {
					t.Fatal(err)
				}
				if tl.pend == nil {
					t.Fatalf("policy %+v: not batched", pol)
				}
				if k == 1 {
					tl.pend = nil // the direct check
				}
				i := 0
				err = tl.AddSeq2(func(yield func(Record, error) bool) {
					for _, r := range rs {
						i++
						if i%997 == 0 {
							stats[k] = append(stats[k], tl.Stats())
						}
						if i%501 == 0 && !yield(Record{}, &RowError{Source: "x.csv", Row: i, Err: ErrUnknownValue}) {
							return
						}
						if !yield(r, nil) {
							return
						}
					}
				})
				if err != nil {
					t.Fatal(err)
				}
				if got[k], err = tl.Result(kstt.Header{Unit: "Sở Tư pháp", Recipient: "UBND tỉnh"}); err != nil {
					t.Fatal(err)
				}
			}
			if d := cmp.Diff(formsOf(got[1]), formsOf(got[0])); d != "" {
				t.Errorf("seed %d, policy %+v: counts differ (-direct +batched)\n%s", seed, pol, d)
			}
			if d := cmp.Diff(got[1].Findings, got[0].Findings); d != "" {
				t.Errorf("seed %d, policy %+v: findings differ (-direct +batched)\n%s", seed, pol, d)
			}
			if d := cmp.Diff(stats[1], stats[0]); d != "" {
				t.Errorf("seed %d, policy %+v: stats midway differ\n%s", seed, pol, d)
			}
			dups := 0
			for _, f := range got[0].Findings {
				if f.Rule == problems[ProblemDuplicateCode].Rule {
					dups++
				}
			}
			if dups == 0 && pol.MaxFindings == 0 {
				t.Errorf("seed %d: no duplicate found", seed)
			}
		}
	}
}
