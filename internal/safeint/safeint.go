// Package safeint adds counts with the overflow check every sum of the
// module needs (the engine, the reader, the roll-up of declared forms, the
// XLSX writer's cached sums): a sum past int64 is refused, never wrapped.
package safeint

// Add returns a+b, and false when the sum overflows int64.
func Add(a, b int64) (int64, bool) {
	s := a + b
	if (b > 0 && s < a) || (b < 0 && s > a) {
		return 0, false
	}
	return s, true
}
