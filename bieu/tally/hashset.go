package tally

import (
	"math/bits"
	"runtime"
)

// hashSet is a set of 64-bit code hashes with open addressing: 8 bytes a
// slot, at most three quarters full, so a million codes take 16 MiB (a Go
// map[string]struct{} of the same codes keeps about 56 bytes a code,
// BenchmarkTally/1M/hand+map).
//
// What else was measured (BenchmarkTally/*/default, cpu-ns/record, on a
// 2-core virtual machine where the classification-only hand loop takes
// 28–30): this table, as flush drives it (addBatch: one pending record of
// 64 bytes written in place, counted at once, 64 loads then 64 inserts;
// grow reinserting with no compare), 87–104 at 1M codes and 116–140 at
// 10M (median 91 and 119 in 8 paired rounds against 114 and 142 with a
// 96-byte pending record holding the whole classification, a per-record
// add and a grow through add). Of the 91, the table (its loads and
// inserts, its growths) takes about 43 in the profile: the loads wait on
// memory (16 MiB of table span 4,096 pages, so most loads likely miss the
// TLB as well as the caches), and the growths, which move about three
// times the table's bytes, on its bandwidth: a branch-free growth placing
// each hash at max(home, cursor) was no faster (85–93 against 84–88, 3
// alternating rounds). Batches of 32 or 256 in place of 64 showed no
// difference beyond the noise. The same table sized for all the codes in
// advance, with no growth, took 84–94 with the earlier pending record; a
// PREFETCHT0 per record in place of the batched loads, 3 % faster at 1M
// and 1 % at 10M, not worth assembly; madvise(MADV_HUGEPAGE) slower (the
// kernel compacts at the fault); and 4,096 shards of 256-byte buckets
// keeping 48 bits a code in 6 bytes (the shard's index the other 12),
// each growing by 1.3× on its own, 7.3–7.5 bytes a code but 124 at 1M and
// 170–183 at 10M, slower from the many small growths and their
// allocations.
type hashSet struct {
	slots []uint64 // 0 marks an empty slot
	n     int
	shift uint // 64 − log2(len(slots))
}

// add inserts h and reports whether it was not there.
func (s *hashSet) add(h uint64) bool {
	if h == 0 {
		h = 1
	}
	if 4*(s.n+1) > 3*len(s.slots) {
		s.grow()
	}
	mask := uint64(len(s.slots) - 1)
	for i := (h * 0x9E3779B97F4A7C15) >> s.shift; ; i = (i + 1) & mask {
		switch s.slots[i] {
		case 0:
			s.slots[i] = h
			s.n++
			return true
		case h:
			return false
		}
	}
}

func (s *hashSet) grow() {
	old := s.slots
	size := max(1024, 2*len(old))
	slots := make([]uint64, size)
	shift := uint(64 - bits.TrailingZeros(uint(size)))
	mask := uint64(size - 1)
	// The hashes of old are distinct and not 0: each goes to the first
	// free slot from its home, with no comparison and no check of the
	// load. A slot's home is the top bits of the hash's product, so old
	// is read and slots written in nearly sequential order.
	for _, h := range old {
		if h == 0 {
			continue
		}
		i := (h * 0x9E3779B97F4A7C15) >> shift
		for slots[i] != 0 {
			i = (i + 1) & mask
		}
		slots[i] = h
	}
	s.slots, s.shift = slots, shift
}

// each calls fn for every hash in the set.
func (s *hashSet) each(fn func(uint64)) {
	for _, h := range s.slots {
		if h != 0 {
			fn(h)
		}
	}
}

// addBatch adds the hashes of ps, in their order, and returns a mask
// whose bit i is set when ps[i]'s hash was in the set already (before it
// or an earlier one of ps). It first makes room for them all, then loads
// the slot each starts probing at: the loads do not depend on one another,
// so the processor overlaps their cache misses, and the inserts that
// follow find the slots cached.
func (s *hashSet) addBatch(ps []pending) (present uint64) {
	for 4*(s.n+len(ps)) > 3*len(s.slots) {
		s.grow()
	}
	var home [64]uint64
	home1 := home[:len(ps)] // len(ps) ≤ 64 (pendCap)
	slots, shift := s.slots, s.shift
	mask := uint64(len(slots) - 1)
	var sink uint64
	for i := range home1 {
		h := ps[i].h
		if h == 0 {
			h = 1
		}
		j := (h * 0x9E3779B97F4A7C15) >> shift
		home1[i] = j
		sink += slots[j]
	}
	runtime.KeepAlive(sink) // the loads are the point: keep them
	n := s.n
	for i, j := range home1 {
		h := ps[i].h
		if h == 0 {
			h = 1
		}
		for {
			v := slots[j]
			if v == 0 {
				slots[j] = h
				n++
				break
			}
			if v == h {
				present |= 1 << i
				break
			}
			j = (j + 1) & mask
		}
	}
	s.n = n
	return present
}
