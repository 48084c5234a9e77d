package period_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/baocaodinhky/vpcp/period"
)

// New builds a period from its kind, year and index; an index the kind does
// not have (quarter 5), or Năm 1 whose data would start in year 0, is a
// *PeriodError matching ErrInvalidPeriod.
func ExampleNew() {
	for _, a := range []struct {
		kind        period.Kind
		year, index int
	}{
		{period.KindQuarter, 2024, 2},
		{period.KindNineMonths, 2024, 0},
		{period.KindQuarter, 2024, 5},
		{period.KindYear, 1, 0},
	} {
		p, err := period.New(a.kind, a.year, a.index)
		if err != nil {
			fmt.Println(errors.Is(err, period.ErrInvalidPeriod), err)
			continue
		}
		fmt.Println(p.Code(), p, p.Kind(), p.Kind().Months(), p.Year(), p.Index())
	}
	// Output:
	// 2024-Q2 Quý II năm 2024 quarter 3 2024 2
	// 2024-9M 9 tháng năm 2024 nine-months 9 2024 0
	// true period: invalid quarter period (year 2024, index 5): index must be 1–4
	// true period: invalid year period (year 1, index 0): the period would start in year 0
}

// Month names a monthly period after the month it ends in: Tháng 1 năm 2024
// starts on 15/12/2023 (Nghị định 09/2019/NĐ-CP, Art. 12).
func ExampleMonth() {
	p, err := period.Month(2024, time.January)
	if err != nil {
		panic(err)
	}
	fmt.Println(p, p.Start().Vietnamese(), p.End().Vietnamese(), p.Days())
	_, err = period.Month(2024, 13)
	fmt.Println(errors.Is(err, period.ErrInvalidPeriod))
	// Output:
	// Tháng 1 năm 2024 15/12/2023 14/1/2024 31
	// true
}

// Half gives the two six-month reports of a year: the first ends on 14/6,
// the second on 14/12.
func ExampleHalf() {
	for h := 1; h <= 3; h++ {
		p, err := period.Half(2024, h)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(p.Code(), p, "–", p.RangeText())
	}
	// Output:
	// 2024-H1 6 tháng đầu năm 2024 – Từ ngày 15/12/2023 đến ngày 14/6/2024
	// 2024-H2 6 tháng cuối năm 2024 – Từ ngày 15/6/2024 đến ngày 14/12/2024
	// period: invalid half period (year 2024, index 3): index must be 1–2
}

// Start and End are the Article 12 bounds; Contains includes both, so the
// 14th is the last day of a quarter and the 15th the first of the next.
func ExamplePeriod_Contains() {
	q2 := period.Must(period.Quarter(2024, 2))
	fmt.Println(q2.Start(), q2.End())
	for _, d := range []period.Date{
		period.MustDate(2024, time.March, 14),
		period.MustDate(2024, time.March, 15),
		period.MustDate(2024, time.June, 14),
		period.MustDate(2024, time.June, 15),
	} {
		fmt.Println(d.Vietnamese(), q2.Contains(d))
	}
	// Output:
	// 2024-03-15 2024-06-14
	// 14/3/2024 false
	// 15/3/2024 true
	// 14/6/2024 true
	// 15/6/2024 false
}

// Compare orders periods by start, then end: a month sorts before the
// quarter that starts on the same day. The zero Period sorts first.
func ExamplePeriod_Compare() {
	m1 := period.Must(period.Month(2024, time.January))
	q1 := period.Must(period.Quarter(2024, 1))
	m2 := period.Must(period.Month(2024, time.February))
	var zero period.Period
	fmt.Println(m1.Compare(q1), q1.Compare(m2), m2.Compare(m2), zero.Compare(m1))
	fmt.Println(zero.IsZero(), zero.String() == "", zero.Start().IsZero())
	// Output:
	// -1 -1 0 -1
	// true true true
}

// ParseRange reads the date line under a report's heading; it checks only
// that both ends are real days (Identify decides whether it is a period).
func ExampleParseRange() {
	for _, s := range []string{
		"(Từ ngày 15/3/2024 đến ngày 14/6/2024)",
		"từ 15/03/2024 đến 14/06/2024",
		"15/3/2024 - 30/2/2024",
	} {
		from, to, err := period.ParseRange(s)
		if err != nil {
			fmt.Println(errors.Is(err, period.ErrSyntax), errors.Is(err, period.ErrInvalidDate))
			continue
		}
		p, err := period.Identify(from, to)
		fmt.Println(from, to, p, err)
	}
	// Output:
	// 2024-03-15 2024-06-14 Quý II năm 2024 <nil>
	// 2024-03-15 2024-06-14 Quý II năm 2024 <nil>
	// true true
}

// NewDate refuses a day that does not exist; 29 February exists only in
// leap years.
func ExampleNewDate() {
	for _, y := range []int{2024, 2025} {
		d, err := period.NewDate(y, time.February, 29)
		if err != nil {
			fmt.Println(errors.Is(err, period.ErrInvalidDate), err)
			continue
		}
		fmt.Println(d.Vietnamese(), d.IsValid())
	}
	fmt.Println(period.Date{Year: 2024, Month: time.February, Day: 30}.IsValid())
	// Output:
	// 29/2/2024 true
	// true period: invalid date 29/2/2025: February 2025 has 28 days
	// false
}

// DateOf takes the civil date of a time in its own location: 20:00 UTC on
// 14/3/2024 is already 15/3/2024 in Vietnam (UTC+7), the first day of
// Quý II năm 2024.
func ExampleDateOf() {
	t := time.Date(2024, time.March, 14, 20, 0, 0, 0, time.UTC)
	vn := time.FixedZone("ICT", 7*60*60)
	for _, d := range []period.Date{period.DateOf(t), period.DateOf(t.In(vn))} {
		q, _ := period.Containing(period.KindQuarter, d)
		fmt.Println(d.Vietnamese(), q)
	}
	// Output:
	// 14/3/2024 Quý I năm 2024
	// 15/3/2024 Quý II năm 2024
}

// AddDays, Before, After and Compare do calendar arithmetic on civil dates;
// Time gives midnight UTC of the day.
func ExampleDate_AddDays() {
	end := period.Must(period.Quarter(2024, 1)).End()
	next := end.AddDays(1)
	fmt.Println(end.Vietnamese(), next.Vietnamese(), end.AddDays(-14).Vietnamese())
	fmt.Println(end.Before(next), end.After(next), end.Compare(next), next.Compare(next))
	fmt.Println(next.Time().Format(time.RFC3339))
	var zero period.Date
	fmt.Println(zero.IsZero(), zero.IsValid())
	// Output:
	// 14/3/2024 15/3/2024 29/2/2024
	// true false -1 0
	// 2024-03-15T00:00:00Z
	// true false
}
