package tally

import (
	"math"
	"strings"
	"time"
)

// parseDate reads a date as case lists write it: "15/3/2024",
// "15/03/2024 08:30", "15/03/2024 08:30:15", "15-03-2024", "08:30
// 15/03/2024", ISO "2024-03-15", "2024-03-15 08:30", RFC 3339
// "2024-03-15T08:30:00+07:00". A date without a time reads as 00:00 in loc;
// dateOnly says so. Two-digit years, impossible days and times are
// rejected.
func parseDate(s string, loc *time.Location) (t time.Time, dateOnly bool, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 40 {
		return time.Time{}, false, false
	}
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
		case '/', '-', '.':
			if sepDate == 0 {
				sepDate = c
			}
		case ':':
			if k == 1 && sepDate == 0 {
				timeFirst = true
			}
		case ' ', 'T', 'h', 'H', ',':
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
	if mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1900 || y > 2200 || hh > 23 || mm > 59 || ss > 59 {
		return time.Time{}, false, false
	}
	t = time.Date(y, time.Month(mo), d, hh, mm, ss, 0, loc)
	if t.Day() != d { // 31/4
		return time.Time{}, false, false
	}
	return t, dateOnly, true
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
