package tally

import (
	"math"
	"strings"
	"time"
)

// parseDate reads a date as case lists write it: "15/3/2024",
// "15/03/2024 08:30", "15/03/2024 08:30:15", "15-03-2024", "15.3.2024
// 8h30", "15/03/2024 - 08:30", "08:30 15/03/2024", ISO "2024-03-15",
// "2024-03-15 08:30", RFC 3339 "2024-03-15T08:30:00+07:00". A date
// without a time reads as 00:00 in loc; dateOnly says so. Two-digit years,
// impossible days and times, signs ("-15/3/2024", "15/3/2024 -8:30"), a
// separator not between two numbers ("15//3/2024") and mixed date
// separators ("15/3-2024") are rejected, and so is a second date after
// the first ("01/05/2024, 02/05/20": / or - between the numbers of the
// time).
func parseDate(s string, loc *time.Location) (t time.Time, dateOnly bool, ok bool) {
	return parseDateIn(s, loc, nil)
}

// parseDateIn is parseDate, the midnight of each day looked up in days
// (nil: none).
func parseDateIn(s string, loc *time.Location, days *dayCache) (t time.Time, dateOnly bool, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 40 {
		return time.Time{}, false, false
	}
	if d, mo, y, hh, mm, ss, only, fixed := fixedDate(s); fixed {
		return dateAt(y, mo, d, hh, mm, ss, only, loc, days)
	}
	return parseAnyDate(s, loc, days)
}

// parseAnyDate is parseDateIn without the fast path of fixedDate: s is
// trimmed, not empty and at most 40 bytes.
func parseAnyDate(s string, loc *time.Location, days *dayCache) (t time.Time, dateOnly bool, ok bool) {
	if len(s) >= 11 && s[4] == '-' && (s[10] == 'T' || s[10] == ' ') && (strings.HasSuffix(s, "Z") || hasOffset(s)) {
		for _, layout := range []string{time.RFC3339Nano, "2006-01-02 15:04:05Z07:00", "2006-01-02T15:04Z07:00"} {
			if t, err := time.Parse(layout, s); err == nil {
				return t, false, true
			}
		}
		return time.Time{}, false, false
	}
	var n [6]int
	var w [6]int // digits of each number
	k := 0
	timeFirst := false
	sepDate := byte(0)
	dash := false // the one " - " between the date and the time
	for i := 0; i < len(s); {
		c := s[i]
		if c >= '0' && c <= '9' {
			if k == len(n) {
				return time.Time{}, false, false
			}
			v, j := 0, i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' && j-i < 9 {
				v = v*10 + int(s[j]-'0')
				j++
			}
			if j < len(s) && s[j] >= '0' && s[j] <= '9' {
				return time.Time{}, false, false
			}
			n[k], w[k] = v, j-i
			k++
			i = j
			continue
		}
		switch c {
		case '/', '-', '.', ':':
			// A separator stands between two numbers: "-15/3/2024",
			// "15/3/-2024", "15/3/2024 -8:30" and "15//3/2024" are
			// not dates. A dash between spaces parts the date from
			// the time ("15/03/2024 - 08:30").
			if c == '-' && k == 3 && !dash && i > 0 && i+1 < len(s) && s[i-1] == ' ' && s[i+1] == ' ' {
				dash = true
				break
			}
			if i == 0 || !isDigit(s[i-1]) || i+1 == len(s) || !isDigit(s[i+1]) {
				return time.Time{}, false, false
			}
			switch {
			case c == ':':
				if k == 1 && sepDate == 0 {
					timeFirst = true
				}
			case sepDate == 0:
				sepDate = c
			case k < 3 && !timeFirst && c != sepDate:
				return time.Time{}, false, false // "15/3-2024"
			case k >= 3 && !timeFirst && (c == '/' || c == '-'):
				// A date separator in the time: a second date
				// ("01/05/2024, 02/05/20" is not 02:05:20).
				return time.Time{}, false, false
			}
		case ' ', 'T', 'h', 'H', ',':
			if i == 0 {
				return time.Time{}, false, false
			}
		default:
			return time.Time{}, false, false
		}
		i++
	}
	if timeFirst {
		// hh:mm[:ss] dd/mm/yyyy: move the time after the date.
		nt := 2
		if k == 6 {
			nt = 3
		}
		if k != nt+3 {
			return time.Time{}, false, false
		}
		var m [6]int
		var mw [6]int
		copy(m[:], n[nt:k])
		copy(mw[:], w[nt:k])
		copy(m[3:], n[:nt])
		copy(mw[3:], w[:nt])
		n, w = m, mw
	}
	if k < 3 {
		return time.Time{}, false, false
	}
	var y, mo, d int
	switch {
	case w[0] == 4: // ISO
		y, mo, d = n[0], n[1], n[2]
	case w[2] == 4:
		d, mo, y = n[0], n[1], n[2]
	default:
		return time.Time{}, false, false
	}
	hh, mm, ss := 0, 0, 0
	switch k {
	case 3:
		dateOnly = true
	case 4:
		hh = n[3] // "15/3/2024 8h"
	case 5:
		hh, mm = n[3], n[4]
	case 6:
		hh, mm, ss = n[3], n[4], n[5]
	}
	return dateAt(y, mo, d, hh, mm, ss, dateOnly, loc, days)
}

// dateAt is the instant of a date and time read, if they are possible.
func dateAt(y, mo, d, hh, mm, ss int, dateOnly bool, loc *time.Location, days *dayCache) (time.Time, bool, bool) {
	if mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1900 || y > 2200 || hh > 23 || mm > 59 || ss > 59 {
		return time.Time{}, false, false
	}
	if d > daysIn(mo, y) { // 31/4
		return time.Time{}, false, false
	}
	return days.at(y, mo, d, hh, mm, ss, loc), dateOnly, true
}

// fixedDate reads the forms one-stop systems export, "15/03/2024",
// "15/03/2024 08:30" and "15/03/2024 08:30:15", by the position of their
// digits; fixed is false for any other text, which the general reader of
// parseDateIn then reads (to the same result for these forms).
func fixedDate(s string) (d, mo, y, hh, mm, ss int, dateOnly, fixed bool) {
	n := len(s)
	if n != 10 && n != 16 && n != 19 {
		return
	}
	// Eight bytes at a time: each byte within its bounds (a digit, or
	// the one separator allowed) when no high bit is set in w − lo,
	// w + (0x7F − hi) or w; the bytes of w − lo are then the digits.
	w := le64(s)
	v := w - 0x3030_2F30_302F_3030 // "00/00/00"
	if (v|(w+0x4646_5046_4650_4646)|w)&0x8080_8080_8080_8080 != 0 {
		return
	}
	d = int(v&0xFF)*10 + int(v>>8&0xFF)
	mo = int(v>>24&0xFF)*10 + int(v>>32&0xFF)
	y = int(v>>48&0xFF)*1000 + int(v>>56&0xFF)*100
	if n == 10 {
		a, b := s[8]-'0', s[9]-'0'
		if a > 9 || b > 9 {
			return 0, 0, 0, 0, 0, 0, false, false
		}
		return d, mo, y + int(a)*10 + int(b), 0, 0, 0, true, true
	}
	w = le64(s[8:])
	v = w - 0x3030_3A30_3020_3030 // "00 00:00"
	if (v|(w+0x4646_4546_465F_4646)|w)&0x8080_8080_8080_8080 != 0 {
		return 0, 0, 0, 0, 0, 0, false, false
	}
	y += int(v&0xFF)*10 + int(v>>8&0xFF)
	hh = int(v>>24&0xFF)*10 + int(v>>32&0xFF)
	mm = int(v>>48&0xFF)*10 + int(v>>56&0xFF)
	if n == 19 {
		a, b := s[17]-'0', s[18]-'0'
		if s[16] != ':' || a > 9 || b > 9 {
			return 0, 0, 0, 0, 0, 0, false, false
		}
		ss = int(a)*10 + int(b)
	}
	return d, mo, y, hh, mm, ss, false, true
}

// le64 is the first eight bytes of s, little-endian; len(s) >= 8.
func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// daysIn is the number of days of month mo of year y.
func daysIn(mo, y int) int {
	switch mo {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// dayCache remembers the midnight of the last days a case list named (a
// list spans a few hundred days and repeats them on every row), so that a
// date is its day's midnight plus the time of day instead of a time.Date.
// A day is remembered only when it is 24 hours long in the location, so
// that the sum is what time.Date gives.
type dayCache struct {
	loc *time.Location
	key [256]int32
	mid [256]int64 // Unix seconds
}

// at is time.Date(y, mo, d, hh, mm, ss, 0, loc) for a valid date and time.
func (c *dayCache) at(y, mo, d, hh, mm, ss int, loc *time.Location) time.Time {
	return c.atPlus(y, mo, d, hh, mm, ss, 0, loc)
}

// atPlus is at(…).Add(plus seconds).
func (c *dayCache) atPlus(y, mo, d, hh, mm, ss, plus int, loc *time.Location) time.Time {
	if c == nil {
		return time.Date(y, time.Month(mo), d, hh, mm, ss, 0, loc).Add(time.Duration(plus) * time.Second)
	}
	if c.loc != loc {
		*c = dayCache{loc: loc}
	}
	k := int32(y*512 + mo*32 + d)
	i := uint32(k) * 2654435761 >> 24
	if c.key[i] != k {
		mid := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, loc)
		if time.Date(y, time.Month(mo), d+1, 0, 0, 0, 0, loc).Sub(mid) != 24*time.Hour {
			// a day of a clock change
			return time.Date(y, time.Month(mo), d, hh, mm, ss, 0, loc).Add(time.Duration(plus) * time.Second)
		}
		c.key[i], c.mid[i] = k, mid.Unix()
	}
	return time.Unix(c.mid[i]+int64(hh*3600+mm*60+ss+plus), 0).In(loc)
}

// fixedDateIn is what the date function of recordWith makes of a text in
// one of fixedDate's forms: parseDateIn's instant, to the end of its day
// (plus 24 h − 1 s) for a date-only text when endOfDay. fixed tells s is
// in such a form, so plain ASCII (UTF-8); ok that the date is possible.
// When fixed is false, nothing is known and parseDateIn reads s.
func (c *dayCache) fixedDateIn(s string, loc *time.Location, endOfDay bool) (t time.Time, fixed, ok bool) {
	d, mo, y, hh, mm, ss, only, fixed := fixedDate(s)
	if !fixed {
		return time.Time{}, false, false
	}
	if mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1900 || y > 2200 || hh > 23 || mm > 59 || ss > 59 || d > daysIn(mo, y) {
		return time.Time{}, true, false // as dateAt
	}
	plus := 0
	if only && endOfDay {
		plus = 24*3600 - 1
	}
	return c.atPlus(y, mo, d, hh, mm, ss, plus, loc), true, true
}

func hasOffset(s string) bool {
	if len(s) < 6 {
		return false
	}
	tail := s[len(s)-6:]
	return (tail[0] == '+' || tail[0] == '-') && tail[3] == ':'
}

// serialDate converts a spreadsheet date serial (days since 30/12/1899,
// the fraction the time of day) to an instant in loc; date1904 for
// workbooks that count from 1904. dateOnly when there is no fraction.
func serialDate(v float64, date1904 bool, loc *time.Location) (time.Time, bool, bool) {
	if math.IsNaN(v) || v < 1 || v > 200000 {
		return time.Time{}, false, false
	}
	if date1904 {
		v += 1462
	}
	days := math.Floor(v)
	secs := math.Round((v - days) * 86400)
	t := time.Date(1899, 12, 30+int(days), 0, 0, int(secs), 0, loc)
	return t, secs == 0, true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
