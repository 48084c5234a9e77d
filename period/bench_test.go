package period

import (
	"testing"
	"time"
)

var (
	benchPeriod Period
	benchErr    error
	benchDate   Date
)

func BenchmarkContaining(b *testing.B) {
	day := d(2024, 12, 20)
	for b.Loop() {
		benchPeriod, benchErr = Containing(KindQuarter, day)
	}
}

// BenchmarkContainingByHand is the plain alternative a user would write:
// scan the quarters of the day's year and the next with time.Time bounds.
func BenchmarkContainingByHand(b *testing.B) {
	day := time.Date(2024, 12, 20, 0, 0, 0, 0, time.UTC)
	for b.Loop() {
		for y := day.Year(); y <= day.Year()+1; y++ {
			for q := 1; q <= 4; q++ {
				start := time.Date(y, time.Month(3*q-3), 15, 0, 0, 0, 0, time.UTC)
				end := time.Date(y, time.Month(3*q), 14, 0, 0, 0, 0, time.UTC)
				if !day.Before(start) && !day.After(end) {
					benchPeriod = Period{year: int32(y), kind: KindQuarter, index: uint8(q)}
				}
			}
		}
	}
}

func BenchmarkStartEnd(b *testing.B) {
	p := Must(Quarter(2024, 1))
	for b.Loop() {
		benchDate = p.Start()
		benchDate = p.End()
	}
}

func BenchmarkParse(b *testing.B) {
	for _, in := range []string{
		"Quý II năm 2024",
		"2024-Q2",
		"(Từ ngày 15/3/2024 đến ngày 14/6/2024)",
	} {
		b.Run(in, func(b *testing.B) {
			for b.Loop() {
				benchPeriod, benchErr = Parse(in)
			}
		})
	}
}

func BenchmarkString(b *testing.B) {
	p := Must(Quarter(2024, 2))
	var s string
	for b.Loop() {
		s = p.String()
	}
	_ = s
}
