// Package safeint does the int64 arithmetic every sum of the module needs
// (the engine, the reader, the roll-up of declared forms, the XLSX writer's
// cached sums) with its overflow check: a sum past int64 is refused, never
// wrapped, and a difference that does not fit is not printed.
package safeint

import (
	"math"
	"strconv"
)

// Add returns a+b, and false when the sum overflows int64.
func Add(a, b int64) (int64, bool) {
	s := a + b
	if (b > 0 && s < a) || (b < 0 && s > a) {
		return 0, false
	}
	return s, true
}

// DiffText writes got − want with its sign, as findings print it ("+2",
// "-3", "0"), or "" when the difference overflows int64.
func DiffText(got, want int64) string {
	if (want < 0 && got > math.MaxInt64+want) || (want > 0 && got < math.MinInt64+want) {
		return ""
	}
	d := got - want
	if d > 0 {
		return "+" + strconv.FormatInt(d, 10)
	}
	return strconv.FormatInt(d, 10)
}
