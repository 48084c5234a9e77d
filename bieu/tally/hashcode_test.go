package tally

import (
	"fmt"
	"testing"
)

// TestHashCodeDistinct: hashCode gives distinct hashes to a million codes
// of each usual form, to codes one byte apart at every position and to
// codes that are prefixes of one another, across the lengths where it
// reads overlapping words (8 to 32 bytes) and the maphash ones around
// them. A 64-bit hash meets a collision among a million codes with a
// chance of about 3·10⁻⁸, so one found here is a flaw of the hash.
func TestHashCodeDistinct(t *testing.T) {
	forms := []func(i int) string{
		func(i int) string { return fmt.Sprintf("HS%010d", i) },
		func(i int) string { return fmt.Sprintf("000.20.31.H12-%06d", i) },
		func(i int) string { return fmt.Sprintf("H12.31-241015-%04d", i%10000) + fmt.Sprint(i/10000) },
		func(i int) string { return fmt.Sprintf("%d", i) },
	}
	n := 1_000_000
	if testing.Short() {
		n = 100_000
	}
	for fi, form := range forms {
		seen := make(map[uint64]string, n)
		for i := range n {
			c := form(i)
			h := hashCode(c)
			if o, ok := seen[h]; ok {
				t.Fatalf("form %d: %q and %q share hash %x", fi, o, c, h)
			}
			seen[h] = c
		}
	}
	seen := map[uint64]string{}
	add := func(c string) {
		h := hashCode(c)
		if o, ok := seen[h]; ok && o != c {
			t.Fatalf("%q and %q share hash %x", o, c, h)
		}
		seen[h] = c
	}
	base := "0123456789abcdefghijklmnopqrstuvwxyz0123"
	for n := 0; n <= len(base); n++ {
		add(base[:n]) // prefixes
		for i := range n {
			for _, d := range []byte{0, 1, 0x80, 'Z'} {
				b := []byte(base[:n])
				b[i] ^= d | 1
				add(string(b))
			}
		}
	}
}
