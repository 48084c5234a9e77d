package period

import (
	"cmp"
	"strconv"
	"time"
)

// Range of years a valid Date may have.
const (
	MinYear = 1
	MaxYear = 9999
)

// Date is a civil (calendar) date with no time of day and no time zone, as
// printed on a report: "ngày 15/3/2024". The zero Date is "unset" and is not
// valid. Dates are comparable with ==.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// NewDate returns the date year-month-day, or a *DateError (ErrInvalidDate)
// if no such day exists in the proleptic Gregorian calendar or the year is
// outside MinYear..MaxYear.
func NewDate(year int, month time.Month, day int) (Date, error) {
	d := Date{year, month, day}
	if msg := d.problem(); msg != "" {
		return Date{}, &DateError{Date: d, Msg: msg}
	}
	return d, nil
}

// MustDate is like NewDate but panics on an invalid date. It is meant for
// literals in tests and examples.
func MustDate(year int, month time.Month, day int) Date {
	d, err := NewDate(year, month, day)
	if err != nil {
		panic(err)
	}
	return d
}

// DateOf returns the civil date of t in t's own location. Convert t with
// t.In first to take the date in another zone (Vietnam is UTC+7).
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// IsValid reports whether d is a real calendar day in years MinYear..MaxYear.
func (d Date) IsValid() bool { return d.problem() == "" }

func (d Date) problem() string {
	switch {
	case d.Year < MinYear || d.Year > MaxYear:
		return "year outside 1–9999"
	case d.Month < time.January || d.Month > time.December:
		return "month outside 1–12"
	case d.Day < 1 || d.Day > daysIn(d.Year, d.Month):
		return d.Month.String() + " " + strconv.Itoa(d.Year) + " has " +
			strconv.Itoa(daysIn(d.Year, d.Month)) + " days"
	}
	return ""
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// Time returns midnight UTC at the start of d.
func (d Date) Time() time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
}

// AddDays returns the date n days after d (before it when n < 0). On an
// invalid d it normalises like time.Date; the result is not checked
// against MinYear..MaxYear.
func (d Date) AddDays(n int) Date {
	return fromDays(d.days() + n)
}

// Compare returns -1, 0 or +1 as d is before, equal to or after o.
func (d Date) Compare(o Date) int {
	switch {
	case d.Year != o.Year:
		return cmp.Compare(d.Year, o.Year)
	case d.Month != o.Month:
		return cmp.Compare(int(d.Month), int(o.Month))
	default:
		return cmp.Compare(d.Day, o.Day)
	}
}

// Before reports whether d is before o.
func (d Date) Before(o Date) bool { return d.Compare(o) < 0 }

// After reports whether d is after o.
func (d Date) After(o Date) bool { return d.Compare(o) > 0 }

// String returns d in ISO 8601 form, "2024-03-15".
func (d Date) String() string {
	b := make([]byte, 0, 10)
	b = appendPadded(b, d.Year, 4)
	b = append(b, '-')
	b = appendPadded(b, int(d.Month), 2)
	b = append(b, '-')
	b = appendPadded(b, d.Day, 2)
	return string(b)
}

// Vietnamese returns d as Vietnamese forms print it, day/month/year without
// zero padding: "15/3/2024". Years below 1000 are padded to four digits so
// that ParseDate reads them back.
func (d Date) Vietnamese() string {
	b := make([]byte, 0, 10)
	b = d.appendVI(b)
	return string(b)
}

func (d Date) appendVI(b []byte) []byte {
	b = strconv.AppendInt(b, int64(d.Day), 10)
	b = append(b, '/')
	b = strconv.AppendInt(b, int64(d.Month), 10)
	b = append(b, '/')
	return appendPadded(b, d.Year, 4)
}

// english returns "15 Mar 2024".
func (d Date) english() string {
	b := strconv.AppendInt(nil, int64(d.Day), 10)
	b = append(b, ' ')
	if d.Month >= time.January && d.Month <= time.December {
		b = append(b, d.Month.String()[:3]...)
	} else {
		b = strconv.AppendInt(b, int64(d.Month), 10)
	}
	b = append(b, ' ')
	b = appendPadded(b, d.Year, 4)
	return string(b)
}

// MarshalText implements encoding.TextMarshaler with the ISO form
// "2024-03-15". The zero Date marshals to empty text; any other invalid
// date is an error.
func (d Date) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return []byte{}, nil
	}
	if msg := d.problem(); msg != "" {
		return nil, &DateError{Date: d, Msg: msg}
	}
	return []byte(d.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler. It accepts the ISO
// form and every form ParseDate accepts; empty text gives the zero Date.
func (d *Date) UnmarshalText(text []byte) error { return unmarshalText(d, text, ParseDate) }

// unmarshalText sets *dst to parse(text), or to the zero T for empty text;
// on an error *dst is left as it was.
func unmarshalText[T any](dst *T, text []byte, parse func(string) (T, error)) error {
	var v T
	if len(text) > 0 {
		var err error
		if v, err = parse(string(text)); err != nil {
			return err
		}
	}
	*dst = v
	return nil
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if isLeap(y) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// days returns the number of days from 1970-01-01 to d (proleptic
// Gregorian; H. Hinnant's days_from_civil). Month overflow is normalised.
func (d Date) days() int {
	y, m := d.Year, int(d.Month)-1
	y += floorDiv(m, 12)
	m = m - floorDiv(m, 12)*12 + 1 // 1..12
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d.Day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// fromDays is the inverse of days (civil_from_days).
func fromDays(z int) Date {
	z += 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if mp >= 10 {
		m = mp - 9
	}
	if m <= 2 {
		y++
	}
	return Date{y, time.Month(m), d}
}

// appendPadded appends n in decimal, zero-padded to width digits.
func appendPadded(b []byte, n, width int) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	var tmp [20]byte
	s := strconv.AppendInt(tmp[:0], int64(n), 10)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}
