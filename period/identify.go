package period

import "strconv"

// Identify returns the reporting period that runs exactly from from to to
// (both inclusive) under Nghị định 09/2019/NĐ-CP, Art. 12. When several
// kinds could match, the smallest wins; in fact no two kinds share both
// bounds, so 15/12/2023–14/3/2024 is Quý I năm 2024, 15/12/2023–14/6/2024
// is 6 tháng đầu năm 2024, 15/12/2023–14/9/2024 is 9 tháng năm 2024 and
// 15/12/2023–14/12/2024 is Năm 2024.
//
// An invalid date gives a *DateError. A range that is no period gives a
// *RangeError (ErrNotAPeriod) with a Vietnamese and an English reason, its
// length in months where meaningful, and Nearest, the period the author
// most likely meant, chosen by the first of these rules that applies:
//
//  1. One year mistyped: a period ending exactly on to whose start has
//     from's day and month (so the year is taken from the end date; the
//     smallest such kind). The heading "15/3/2023 – 14/6/2024" gives Quý II
//     năm 2024.
//  2. Calendar months: a range from the 1st of a month to the last day of a
//     month of the same year whose months are those of a period, counted
//     the calendar way, gives that period: 1/1/2024–31/3/2024 gives Quý I
//     năm 2024 (15/12/2023–14/3/2024).
//  3. A whole period's length on the wrong months: a range from a 15th to
//     a 14th that is 1, 3, 6, 9 or 12 months long gives the period of that
//     length whose bounds are closest (as in rule 4): 15/1/2024–14/4/2024
//     gives Quý I năm 2024.
//  4. Otherwise the period, among those of every kind that hold the end
//     date or the start date and their neighbours, whose bounds are closest
//     in total (days between the starts plus days between the ends); ties
//     go to the smaller kind, then to the earlier period. When the end date
//     is a period's last day this mostly agrees with the simpler rule "the
//     period of the smallest kind that holds the end date, with the closest
//     start" (1/3/2024–14/6/2024 gives Quý II năm 2024 either way), but it
//     also copes with a wrong end day: 15/3/2024–16/6/2024 gives Quý II năm
//     2024, where the simpler rule would pick 9 tháng năm 2024.
//
// When from is after to, rule 1 is tried as given and rules 2 to 4 with
// the dates swapped.
func Identify(from, to Date) (Period, error) {
	if m := from.problem(); m != "" {
		return Period{}, &DateError{Date: from, Msg: m}
	}
	if m := to.problem(); m != "" {
		return Period{}, &DateError{Date: to, Msg: m}
	}
	if !from.After(to) {
		for _, k := range kinds {
			p, err := Containing(k, to)
			if err == nil && p.End() == to && p.Start() == from {
				return p, nil
			}
		}
	}
	return Period{}, newRangeError(from, to)
}

// nearest returns the nearest period to the range (see Identify).
func nearest(from, to Date) Period {
	// Rule 1: a typo in one year.
	for _, k := range kinds {
		p, err := Containing(k, to)
		if err == nil && p.End() == to {
			if s := p.Start(); s.Month == from.Month && s.Day == from.Day {
				return p
			}
		}
	}
	if from.After(to) {
		from, to = to, from
	}
	// Rule 2: calendar months.
	if p, ok := calendarPeriod(from, to); ok {
		return p
	}
	// Rule 3: a whole period's length on the wrong months.
	if from.Day == 15 && to.Day == 14 {
		n := monthNumber(to) - monthNumber(from)
		for _, k := range kinds {
			if k.Months() == n {
				return closest(from, to, k, k)
			}
		}
	}
	// Rule 4: closest bounds.
	return closest(from, to, KindMonth, KindYear)
}

// closest returns the period of a kind in lo..hi whose bounds are closest
// to from and to (rules 3 and 4 of Identify).
func closest(from, to Date, lo, hi Kind) Period {
	var best Period
	bestScore := -1
	for k := lo; k <= hi; k++ {
		var cands [6]Period
		n := 0
		for _, x := range [2]Date{to, from} {
			y, idx := rawContaining(k, x)
			cur := Period{year: int32(y), kind: k, index: uint8(idx)}
			for _, c := range [3]Period{cur.rawStep(-1), cur, cur.rawStep(1)} {
				if check(c.kind, int(c.year), int(c.index)) == "" {
					cands[n] = c
					n++
				}
			}
		}
		for _, c := range cands[:n] {
			score := abs(c.Start().days()-from.days()) + abs(c.End().days()-to.days())
			if bestScore < 0 || score < bestScore || (score == bestScore && c.kind == best.kind && c.Compare(best) < 0) {
				best, bestScore = c, score
			}
		}
	}
	return best
}

// rawContaining returns the year and index of the period of kind k that
// holds x, unchecked: the year may be out of range, and for a day from 15/9
// to 14/12 the nine-months period is that of the year of x, which ends
// before it.
func rawContaining(k Kind, x Date) (year, index int) {
	y, m := x.Year, int(x.Month)
	if x.Day >= 15 {
		m++
		if m == 13 {
			m, y = 1, y+1
		}
	}
	switch k {
	case KindMonth:
		return y, m
	case KindQuarter:
		return y, (m + 2) / 3
	case KindHalf:
		return y, (m + 5) / 6
	case KindNineMonths:
		if m > 9 {
			return x.Year, 0
		}
	}
	return y, 0
}

// rawStep is step without the range check; it never fails.
func (p Period) rawStep(dir int) Period {
	y, i := int(p.year), int(p.index)
	if max := p.kind.maxIndex(); max == 0 {
		y += dir
	} else {
		i += dir
		if i > max {
			y, i = y+1, 1
		} else if i < 1 {
			y, i = y-1, max
		}
	}
	return Period{year: int32(y), kind: p.kind, index: uint8(i)}
}

// calendarPeriod implements rule 2 of Identify.
func calendarPeriod(from, to Date) (Period, bool) {
	if from.Day != 1 || to.Day != daysIn(to.Year, to.Month) || from.Year != to.Year || from.Month > to.Month {
		return Period{}, false
	}
	f, l := int(from.Month), int(to.Month)
	for _, k := range kinds {
		for idx := 0; idx <= k.maxIndex(); idx++ {
			if (idx == 0) != (k.maxIndex() == 0) {
				continue
			}
			if firstMonth(k, idx) == f && lastMonth(k, idx) == l {
				if p, err := New(k, to.Year, idx); err == nil {
					return p, true
				}
			}
		}
	}
	return Period{}, false
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func monthNumber(d Date) int { return d.Year*12 + int(d.Month) }

// newRangeError explains why from–to is not a period.
func newRangeError(from, to Date) *RangeError {
	e := &RangeError{From: from, To: to, Nearest: nearest(from, to)}
	r := from.Vietnamese() + " – " + to.Vietnamese()
	const decreeVI = "Nghị định 09/2019/NĐ-CP"
	const decreeEN = "Decree 09/2019/ND-CP"
	switch {
	case from.After(to):
		e.Reason = "ngày bắt đầu " + from.Vietnamese() + " sau ngày kết thúc " + to.Vietnamese()
		e.ReasonEN = "the start " + from.Vietnamese() + " is after the end " + to.Vietnamese()

	case from.Day == 15 && to.Day == 14:
		e.Months = monthNumber(to) - monthNumber(from)
		n := strconv.Itoa(e.Months)
		switch e.Months {
		case 1, 3, 6, 9, 12:
			e.Reason = "khoảng " + r + " dài " + n + " tháng nhưng không trùng với kỳ báo cáo nào theo " + decreeVI
			e.ReasonEN = "the range " + r + " is " + n + " months long but matches no reporting period under " + decreeEN
		default:
			e.Reason = "khoảng " + r + " dài " + n + " tháng, không phải kỳ báo cáo theo " + decreeVI
			e.ReasonEN = "the range " + r + " is " + n + " months long, which is no reporting period under " + decreeEN
		}

	case from.Day == 1 && to.Day == daysIn(to.Year, to.Month):
		e.Months = monthNumber(to) - monthNumber(from) + 1
		e.Reason = "khoảng " + r + " tính theo tháng dương lịch; kỳ báo cáo theo " + decreeVI +
			" tính từ ngày 15 tháng trước đến ngày 14"
		e.ReasonEN = "the range " + r + " follows calendar months; reporting periods under " + decreeEN +
			" run from the 15th of the previous month to the 14th"

	default:
		var vi, en string
		if from.Day != 15 {
			vi = "ngày bắt đầu " + from.Vietnamese() + " không phải ngày 15"
			en = "starts on " + from.Vietnamese() + ", not on a 15th"
		}
		if to.Day != 14 {
			if vi != "" {
				vi += ", "
				en += " and "
			}
			vi += "ngày kết thúc " + to.Vietnamese() + " không phải ngày 14"
			en += "ends on " + to.Vietnamese() + ", not on a 14th"
		}
		if vi == "" { // from on a 15th, to on a 14th: handled above
			vi, en = "không khớp", "does not match"
		}
		e.Reason = "khoảng " + r + ": " + vi + " (kỳ báo cáo theo " + decreeVI + " bắt đầu ngày 15, kết thúc ngày 14)"
		e.ReasonEN = "the range " + r + " " + en + "; reporting periods under " + decreeEN +
			" start on the 15th and end on the 14th"
	}
	return e
}
