package period

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Sentinel errors. Every error this package returns matches exactly one of
// them with errors.Is, and is one of the typed errors below for errors.As.
var (
	// ErrSyntax reports text that cannot be read as a date, a date range or
	// a reporting period. Errors matching it are *SyntaxError.
	ErrSyntax = errors.New("period: syntax error")

	// ErrNotAPeriod reports a date range that is not a reporting period
	// (kỳ báo cáo) under Nghị định 09/2019/NĐ-CP, Art. 12. Errors matching
	// it are *RangeError, which names the nearest valid period.
	ErrNotAPeriod = errors.New("period: not a reporting period under Decree 09/2019/ND-CP")

	// ErrNoPeriod reports that no period of the requested kind holds a day
	// (a day from 15/9 to 14/12 is in no nine-months period), or that the
	// period holding it falls outside years 1–9999. Errors matching it are
	// *NoPeriodError.
	ErrNoPeriod = errors.New("period: no period of that kind holds the day")

	// ErrInvalidDate reports a civil date that does not exist (31/2/2024) or
	// lies outside years 1–9999. Errors matching it are *DateError.
	ErrInvalidDate = errors.New("period: invalid date")

	// ErrInvalidPeriod reports constructor arguments that name no period
	// (quarter 5, month 13, an unknown Kind, a year out of range). Errors
	// matching it are *PeriodError.
	ErrInvalidPeriod = errors.New("period: invalid period")
)

// SyntaxError reports text that Parse, ParseRange or ParseDate cannot read.
// It matches ErrSyntax; when the text was readable but named a day or a
// period that does not exist ("31/2/2024", "Quý 5/2024"), Err holds the
// underlying *DateError or *PeriodError and errors.Is sees through it.
type SyntaxError struct {
	Input string // the text as given
	Msg   string // what is wrong, in English
	MsgVI string // what is wrong, in Vietnamese
	Err   error  // underlying error, or nil
}

// Error returns the English message followed by the Vietnamese one.
func (e *SyntaxError) Error() string {
	var b strings.Builder
	b.WriteString("period: cannot read ")
	b.WriteString(strconv.Quote(shorten(e.Input, 80)))
	b.WriteString(": ")
	b.WriteString(e.Msg)
	if e.MsgVI != "" {
		b.WriteString(" (")
		b.WriteString(e.MsgVI)
		b.WriteString(")")
	}
	return b.String()
}

// Is reports whether target is ErrSyntax.
func (e *SyntaxError) Is(target error) bool { return target == ErrSyntax }

// Unwrap returns the underlying error, if any.
func (e *SyntaxError) Unwrap() error { return e.Err }

// RangeError reports a date range that is not a reporting period under
// Nghị định 09/2019/NĐ-CP, Art. 12 (a period runs from the 15th of a month
// to the 14th of a later month, on fixed boundaries). It matches
// ErrNotAPeriod. Nearest is the period the author most likely meant; see
// Identify for how it is chosen.
type RangeError struct {
	From, To Date

	// Months is the length of the range in months when that is meaningful:
	// for a range from a 15th to a 14th (15 for 15/3/2023–14/6/2024) and
	// for a range of whole calendar months (3 for 1/1/2024–31/3/2024);
	// otherwise 0.
	Months int

	Reason   string // one-line reason in Vietnamese
	ReasonEN string // the same in English
	Nearest  Period // the nearest valid period; never zero
}

// Error gives the English reason and the nearest period with its range,
// then the same in Vietnamese.
func (e *RangeError) Error() string {
	var b strings.Builder
	b.WriteString("period: ")
	b.WriteString(e.ReasonEN)
	if !e.Nearest.IsZero() {
		b.WriteString("; nearest period: ")
		b.WriteString(e.Nearest.English())
	}
	b.WriteString(" — ")
	b.WriteString(e.Reason)
	if !e.Nearest.IsZero() {
		b.WriteString("; kỳ gần nhất: ")
		b.WriteString(e.Nearest.String())
		b.WriteString(" (từ ngày ")
		b.WriteString(e.Nearest.Start().Vietnamese())
		b.WriteString(" đến ngày ")
		b.WriteString(e.Nearest.End().Vietnamese())
		b.WriteString(")")
	}
	return b.String()
}

// Is reports whether target is ErrNotAPeriod.
func (e *RangeError) Is(target error) bool { return target == ErrNotAPeriod }

// NoPeriodError is returned by Containing when no period of Kind holds
// Date. It matches ErrNoPeriod.
type NoPeriodError struct {
	Kind Kind
	Date Date
	Msg  string // English
}

// Error describes the day and the kind.
func (e *NoPeriodError) Error() string {
	return "period: no " + e.Kind.String() + " period holds " + e.Date.Vietnamese() + ": " + e.Msg
}

// Is reports whether target is ErrNoPeriod.
func (e *NoPeriodError) Is(target error) bool { return target == ErrNoPeriod }

// DateError reports a date that does not exist. It matches ErrInvalidDate.
type DateError struct {
	Date Date   // the fields as given, possibly out of range
	Msg  string // English
}

// Error describes the date.
func (e *DateError) Error() string {
	return "period: invalid date " + e.Date.Vietnamese() + ": " + e.Msg
}

// Is reports whether target is ErrInvalidDate.
func (e *DateError) Is(target error) bool { return target == ErrInvalidDate }

// PeriodError reports constructor arguments that name no period. It
// matches ErrInvalidPeriod.
type PeriodError struct {
	Kind  Kind
	Year  int
	Index int
	Msg   string // English
}

// Error describes the arguments.
func (e *PeriodError) Error() string {
	return "period: invalid " + e.Kind.String() + " period (year " + strconv.Itoa(e.Year) +
		", index " + strconv.Itoa(e.Index) + "): " + e.Msg
}

// Is reports whether target is ErrInvalidPeriod.
func (e *PeriodError) Is(target error) bool { return target == ErrInvalidPeriod }

// shorten cuts s to at most n runes, marking the cut with "…".
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i, k := 0, 0
	for i = range s {
		if k == n {
			break
		}
		k++
	}
	return s[:i] + "…"
}
