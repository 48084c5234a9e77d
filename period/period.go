package period

import (
	"strconv"
	"time"
)

// Kind is the kind of a reporting period under Nghị định 09/2019/NĐ-CP,
// Art. 12. The zero Kind is not a kind.
type Kind uint8

// The kinds of reporting period.
const (
	KindMonth      Kind = iota + 1 // báo cáo tháng: 15 of M−1 to 14 of M
	KindQuarter                    // báo cáo quý: 15 of the month before the quarter to 14 of its last month
	KindHalf                       // báo cáo 6 tháng: 15/12 (previous year) to 14/6, or 15/6 to 14/12
	KindNineMonths                 // báo cáo 9 tháng: 15/12 (previous year) to 14/9; inferred from practice
	KindYear                       // báo cáo năm: 15/12 (previous year) to 14/12
)

// kinds lists every kind, smallest first.
var kinds = [...]Kind{KindMonth, KindQuarter, KindHalf, KindNineMonths, KindYear}

// String returns "month", "quarter", "half", "nine-months" or "year".
func (k Kind) String() string {
	if k.valid() {
		return kindInfo[k].name
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// kindInfo is each kind's name (String), months (Months) and largest
// index (maxIndex, 0 for kinds without one), by Kind.
var kindInfo = [...]struct {
	name             string
	months, maxIndex int
}{
	KindMonth:      {"month", 1, 12},
	KindQuarter:    {"quarter", 3, 4},
	KindHalf:       {"half", 6, 2},
	KindNineMonths: {"nine-months", 9, 0},
	KindYear:       {"year", 12, 0},
}

// valid reports whether k is one of the kinds.
func (k Kind) valid() bool { return k >= KindMonth && k <= KindYear }

// Months returns how many months a period of kind k covers (1, 3, 6, 9 or
// 12), or 0 for an invalid Kind.
func (k Kind) Months() int {
	if k.valid() {
		return kindInfo[k].months
	}
	return 0
}

// maxIndex returns the largest index of kind k (0 for kinds without one).
func (k Kind) maxIndex() int {
	if k.valid() {
		return kindInfo[k].maxIndex
	}
	return 0
}

// Period is one reporting period (kỳ báo cáo) under Nghị định
// 09/2019/NĐ-CP, Art. 12, as used by Thông tư 01/2020/TT-VPCP: a kind, a
// year and an index (month, quarter or half). The zero Period means
// "unset". Periods are small values, comparable with ==, and can only be
// built valid: by the constructors, Containing, Parse or Identify.
//
// A period of year Y is named after the month in which it ends: the data
// run from the 15th of the month before its first month to the 14th of its
// last month, so "Quý I năm 2024" is 15/12/2023–14/3/2024.
type Period struct {
	year  int32
	kind  Kind
	index uint8
}

// New returns the period of the given kind, year and index: the month
// (1–12) for KindMonth, the quarter (1–4) for KindQuarter, the half (1–2)
// for KindHalf, and 0 for KindNineMonths and KindYear. The period must lie
// within years 1–9999 (so Year(1), whose data start on 15/12/0000, does not
// exist). Errors are *PeriodError (ErrInvalidPeriod).
func New(kind Kind, year, index int) (Period, error) {
	if msg := check(kind, year, index); msg != "" {
		return Period{}, &PeriodError{Kind: kind, Year: year, Index: index, Msg: msg}
	}
	return Period{year: int32(year), kind: kind, index: uint8(index)}, nil
}

func check(kind Kind, year, index int) string {
	if kind < KindMonth || kind > KindYear {
		return "unknown kind"
	}
	if max := kind.maxIndex(); max == 0 && index != 0 {
		return "index must be 0 for this kind"
	} else if max > 0 && (index < 1 || index > max) {
		return "index must be 1–" + strconv.Itoa(max)
	}
	if year < MinYear || year > MaxYear {
		return "year outside 1–9999"
	}
	if year == MinYear && firstMonth(kind, index) == 1 {
		return "the period would start in year 0"
	}
	return ""
}

// Month returns the monthly period (báo cáo tháng) m of year: from the 15th
// of the previous month to the 14th of m (Nghị định 09/2019/NĐ-CP, Art. 12).
// Month(2024, time.January) is 15/12/2023–14/1/2024.
func Month(year int, m time.Month) (Period, error) { return New(KindMonth, year, int(m)) }

// Quarter returns quarter q (1–4) of year (báo cáo quý): from the 15th of
// the month before the quarter to the 14th of its last month (Nghị định
// 09/2019/NĐ-CP, Art. 12). Quarter(2024, 1) is 15/12/2023–14/3/2024 and
// Quarter(2024, 2) is 15/3/2024–14/6/2024.
func Quarter(year, q int) (Period, error) { return New(KindQuarter, year, q) }

// Half returns half h of year (báo cáo 6 tháng): h = 1 is "6 tháng đầu năm",
// 15/12 of the previous year to 14/6; h = 2 is "6 tháng cuối năm", 15/6 to
// 14/12 (Nghị định 09/2019/NĐ-CP, Art. 12).
func Half(year, h int) (Period, error) { return New(KindHalf, year, h) }

// NineMonths returns the cumulative nine-months period of year ("9 tháng
// năm 2024"): 15/12 of the previous year to 14/9. Nghị định 09/2019/NĐ-CP,
// Art. 12 does not define it; the bounds follow provincial practice and
// the rule for the other kinds, and are inferred.
func NineMonths(year int) (Period, error) { return New(KindNineMonths, year, 0) }

// Year returns the annual period of year (báo cáo năm): 15/12 of the
// previous year to 14/12 (Nghị định 09/2019/NĐ-CP, Art. 12).
func Year(year int) (Period, error) { return New(KindYear, year, 0) }

// Must returns p, or panics if err is not nil. It is meant for literals in
// tests and examples: period.Must(period.Quarter(2024, 2)).
func Must(p Period, err error) Period {
	if err != nil {
		panic(err)
	}
	return p
}

// Containing returns the period of the given kind that holds day d. From
// the 15th on, a day belongs to the next month's period (Nghị định
// 09/2019/NĐ-CP, Art. 12): 14/12/2024 is in Quý IV năm 2024 and Năm 2024,
// 20/12/2024 is in Quý I năm 2025 and Năm 2025. Days from 15/9 to 14/12 are
// in no nine-months period (*NoPeriodError, ErrNoPeriod). An invalid d is a
// *DateError. Containing does not allocate when it succeeds.
func Containing(kind Kind, d Date) (Period, error) {
	if !d.IsValid() {
		return Period{}, &DateError{Date: d, Msg: d.problem()}
	}
	if kind < KindMonth || kind > KindYear {
		return Period{}, &PeriodError{Kind: kind, Msg: "unknown kind"}
	}
	if kind == KindNineMonths && inNineMonthsGap(d) {
		return Period{}, &NoPeriodError{Kind: kind, Date: d,
			Msg: "days from 15/9 to 14/12 are in no nine-months period"}
	}
	y, idx := rawContaining(kind, d)
	if y > MaxYear || (y == MinYear && firstMonth(kind, idx) == 1) {
		return Period{}, &NoPeriodError{Kind: kind, Date: d, Msg: "the period lies outside years 1–9999"}
	}
	return Period{year: int32(y), kind: kind, index: uint8(idx)}, nil
}

// inNineMonthsGap reports whether d lies from 15/9 to 14/12, when no
// nine-months period runs.
func inNineMonthsGap(d Date) bool {
	switch d.Month {
	case time.September:
		return d.Day >= 15
	case time.October, time.November:
		return true
	case time.December:
		return d.Day < 15
	}
	return false
}

// Kind returns the kind of p, or 0 for the zero Period.
func (p Period) Kind() Kind { return p.kind }

// Year returns the year p is named after (the year of its last day).
func (p Period) Year() int { return int(p.year) }

// Index returns the month (1–12), quarter (1–4) or half (1–2) of p, and 0
// for nine-months and year periods.
func (p Period) Index() int { return int(p.index) }

// Equal reports whether p and q are the same period (same kind, year and
// index); == gives the same answer. With it, github.com/google/go-cmp
// compares Periods, and structs holding them (kstt.Header), without options.
func (p Period) Equal(q Period) bool { return p == q }

// IsZero reports whether p is the zero (unset) Period.
func (p Period) IsZero() bool { return p.kind == 0 }

// firstMonth and lastMonth give the period months (1–12) p covers; the
// data run from the 15th of the month before firstMonth to the 14th of
// lastMonth.
func firstMonth(k Kind, idx int) int {
	switch k {
	case KindMonth:
		return idx
	case KindQuarter:
		return 3*idx - 2
	case KindHalf:
		return 6*idx - 5
	}
	return 1
}

func lastMonth(k Kind, idx int) int {
	switch k {
	case KindMonth:
		return idx
	case KindQuarter:
		return 3 * idx
	case KindHalf:
		return 6 * idx
	case KindNineMonths:
		return 9
	}
	return 12
}

// Start returns the first day of p (inclusive): the 15th of the month
// before its first month. The zero Period gives the zero Date. Start does
// not allocate.
func (p Period) Start() Date {
	if p.kind == 0 {
		return Date{}
	}
	y, m := int(p.year), firstMonth(p.kind, int(p.index))-1
	if m == 0 {
		y, m = y-1, 12
	}
	return Date{y, time.Month(m), 15}
}

// End returns the last day of p (inclusive): the 14th of its last month.
// The zero Period gives the zero Date. End does not allocate.
func (p Period) End() Date {
	if p.kind == 0 {
		return Date{}
	}
	return Date{int(p.year), time.Month(lastMonth(p.kind, int(p.index))), 14}
}

// Contains reports whether d lies within p, bounds included.
func (p Period) Contains(d Date) bool {
	return !p.IsZero() && d.Compare(p.Start()) >= 0 && d.Compare(p.End()) <= 0
}

// Days returns the number of days in p, bounds included (0 for the zero
// Period).
func (p Period) Days() int {
	if p.IsZero() {
		return 0
	}
	return p.End().days() - p.Start().days() + 1
}

// Next returns the period of the same kind that follows p: the next month,
// quarter or half, and for nine-months and year periods the one of the next
// year. It returns the zero Period after year 9999 and for the zero Period.
func (p Period) Next() Period { return p.step(1) }

// Prev returns the period of the same kind that precedes p, the zero Period
// before the first one that exists and for the zero Period.
func (p Period) Prev() Period { return p.step(-1) }

func (p Period) step(dir int) Period {
	if p.IsZero() {
		return Period{}
	}
	n := p.rawStep(dir)
	if check(n.kind, int(n.year), int(n.index)) != "" {
		return Period{}
	}
	return n
}

// Compare orders periods by start, then by end: -1, 0 or +1. Tháng 1 năm
// 2024 sorts before Quý I năm 2024 (same start, earlier end), which sorts
// before Tháng 2 năm 2024 (later start). The zero Period sorts first.
func (p Period) Compare(o Period) int {
	if c := p.Start().Compare(o.Start()); c != 0 {
		return c
	}
	return p.End().Compare(o.End())
}
