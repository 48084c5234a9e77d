package kstt

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// rateMatchesDecimal is rateMatches as decimal arithmetic decides it.
func rateMatchesDecimal(got decimal.Decimal, num, den int64, places int32) bool {
	if got.Equal(RateOf(num, den, places)) {
		return true
	}
	return got.Equal(RateOf(num, den, max(-got.Exponent(), 0)))
}

// The int64 path of rateMatches decides as decimal arithmetic does, or
// says it is not sure: on rates as forms write them (exact, rounded to
// fewer decimals, off by one in the last place) and on extremes.
func TestRateMatchesIntAgreesWithDecimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	nums := []int64{0, 1, 2, 3, 7, 99, 1000, 999_999_999_999, 1_000_000_000_000, math.MaxInt64, math.MinInt64, -1, -3}
	pick := func() int64 {
		if rng.IntN(4) == 0 {
			return nums[rng.IntN(len(nums))]
		}
		return rng.Int64N(5000) - 100
	}
	sure := 0
	for range 200_000 {
		num, den := pick(), pick()
		places := int32(rng.IntN(5))
		var got decimal.Decimal
		switch rng.IntN(5) {
		case 0:
			got = RateOf(num, den, places)
		case 1:
			got = RateOf(num, den, int32(rng.IntN(4)))
		case 2:
			got = RateOf(num, den, places).Add(decimal.New(int64(rng.IntN(3))-1, -places))
		case 3:
			got = decimal.New(rng.Int64N(20000)-100, -int32(rng.IntN(6)))
		default:
			got = decimal.New(nums[rng.IntN(len(nums))], int32(rng.IntN(40))-20)
		}
		want := rateMatchesDecimal(got, num, den, places)
		ok, s := rateMatchesInt(got, num, den, places)
		if s {
			sure++
			if ok != want {
				t.Fatalf("rate %s for %d/%d at %d places: int path %t, decimal %t", got, num, den, places, ok, want)
			}
		}
		if rateMatches(got, num, den, places) != want {
			t.Fatalf("rateMatches(%s, %d, %d, %d) != %t", got, num, den, places, want)
		}
	}
	if sure < 100_000 {
		t.Fatalf("the int path decided only %d cases", sure)
	}
}
