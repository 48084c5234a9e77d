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
// 28): this table 100–107 at 1M codes and 124 at 10M; the same table
// sized for all the codes in advance, with no growth, 84–94 and 95, so
// growth is about a quarter of the cost and the rest mostly the table's
// memory (its pages faulted in, a cache miss per code); a PREFETCHT0 per record in place of the batched loads,
// 3 % faster at 1M and 1 % at 10M, not worth assembly; and 4,096 shards
// of 256-byte buckets keeping 48 bits a code in 6 bytes (the shard's
// index the other 12), each growing by 1.3× on its own, 7.3–7.5 bytes a
// code but 124 at 1M and 170–183 at 10M, slower from the many small
// growths and their allocations.
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
	s.slots = make([]uint64, size)
	s.shift = uint(64 - bits.TrailingZeros(uint(size)))
	s.n = 0
	for _, h := range old {
		if h != 0 {
			s.add(h)
		}
	}
}

// each calls fn for every hash in the set.
func (s *hashSet) each(fn func(uint64)) {
	for _, h := range s.slots {
		if h != 0 {
			fn(h)
		}
	}
}

// touch makes room for the hashes of ps, then loads the slot each would
// start probing at. The loads do not depend on one another, so the
// processor overlaps their cache misses; add then finds the slots cached.
func (s *hashSet) touch(ps []pending) {
	for 4*(s.n+len(ps)) > 3*len(s.slots) {
		s.grow()
	}
	var sink uint64
	for i := range ps {
		h := ps[i].h
		if h == 0 {
			h = 1
		}
		sink += s.slots[(h*0x9E3779B97F4A7C15)>>s.shift]
	}
	runtime.KeepAlive(sink) // the loads are the point: keep them
}
