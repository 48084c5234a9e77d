package tally

import (
	"fmt"
	"strings"
	"time"

	"github.com/baocaodinhky/vpcp/kstt"
)

// Rules of the mã số hồ sơ (casecode.go) and of the calendar quarter
// (calendar.go).
const (
	// RuleCaseCode (Warning): the record's code (mã số hồ sơ) does not
	// have the structure of Thông tư 01/2018/TT-VPCP, Điều 19:
	// V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX — the unit's code (mã định danh,
	// Thông tư 10/2016/TT-BTTTT), the day received, the number of the
	// file that day. The record is counted.
	RuleCaseCode kstt.RuleID = "TALLY/R13"
	// RuleCaseCodeDate (Warning): the code's YYMMDD is not the day the
	// record says it was received. The record is counted, by its
	// received date.
	RuleCaseCodeDate kstt.RuleID = "TALLY/R14"
	// RuleCalendarQuarter (Info): the list's received dates start from,
	// or stop at, a calendar-quarter boundary inside the Decree 09
	// period: it was likely extracted by calendar quarter, and the
	// period's figures lack the days on the other side.
	RuleCalendarQuarter kstt.RuleID = "TALLY/R15"
)

// checkCode validates the structure of a mã số hồ sơ, as Thông tư
// 01/2018/TT-VPCP, Điều 19 sets it (read in a Q&A page quoting the
// article, seongay.com/ma-tu-tang-cua-ho-so-la-gi): "V1V2V3.Z1Z2.Y1Y2.MX1X2
// -YYMMDD-XXXX", with V, Z, Y, X digits and M a letter. The article's XXXX
// has four digits; the shipped list (examples/caselist) numbers with six,
// as systems that count past 9999 do, so four to six digits are accepted
// (inferred tolerance). The structure of Thông tư 4/2025/TT-VPCP was not
// found with the search tool and is not checked: a code of another shape
// is reported, never rejected. It returns the code's day (ok false when
// the structure does not hold).
func checkCode(code string) (y int, m time.Month, d int, ok bool) {
	// 000.21.31.H12-240710-000609
	const unit = len("000.00.00.H00")
	if len(code) < unit+1+6+1+4 || len(code) > unit+1+6+1+6 {
		return 0, 0, 0, false
	}
	for i := 0; i < unit; i++ {
		c := code[i]
		switch i {
		case 3, 6, 9:
			if c != '.' {
				return 0, 0, 0, false
			}
		case 10:
			if c < 'A' || c > 'Z' {
				return 0, 0, 0, false
			}
		default:
			if c < '0' || c > '9' {
				return 0, 0, 0, false
			}
		}
	}
	if code[unit] != '-' || code[unit+7] != '-' {
		return 0, 0, 0, false
	}
	var n [3]int
	for k := range 3 {
		for j := range 2 {
			c := code[unit+1+2*k+j]
			if c < '0' || c > '9' {
				return 0, 0, 0, false
			}
			n[k] = n[k]*10 + int(c-'0')
		}
	}
	for i := unit + 8; i < len(code); i++ {
		if code[i] < '0' || code[i] > '9' {
			return 0, 0, 0, false
		}
	}
	y, d = 2000+n[0], n[2]
	if n[1] < 1 || n[1] > 12 || d < 1 || d > daysIn(n[1], y) {
		return 0, 0, 0, false
	}
	return y, time.Month(n[1]), d, true
}

// codeLike reports a code that is meant as a mã số hồ sơ: a dotted unit
// code before its first hyphen ("000.21.31.H12-…"). Other codes — a
// system's own receipt numbers (số biên nhận) such as "H01" — are not
// checked (inferred: such lists predate or ignore the structure).
func codeLike(code string) bool {
	i := strings.IndexByte(code, '-')
	return i > 0 && strings.IndexByte(code[:i], '.') > 0
}

// codeFindings gives the Warnings of a record's code: its structure, and
// its day against the received date.
func (t *Tally) codeFindings(r *Record) {
	if r.Code == "" {
		return // TALLY/R06 says it
	}
	if !codeLike(r.Code) {
		return
	}
	base := kstt.Finding{Severity: severityWarning, Row: -1, Action: Count.String(), Record: r.Code, Source: r.Source, Line: r.Row, Actual: r.Code}
	y, m, d, ok := checkCode(r.Code)
	if !ok {
		if len(t.findings) >= t.pol.MaxFindings { // past the cap only counted, as resolve does: not formatted to be dropped
			t.byRule[RuleCaseCode]++
			return
		}
		f := base
		f.Rule, f.Expected = RuleCaseCode, "V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX"
		f.Message = fmt.Sprintf("mã số hồ sơ (%s) không theo cấu trúc của Thông tư 01/2018/TT-VPCP, Điều 19 (V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX); vẫn đếm", r.Code)
		f.MessageEN = fmt.Sprintf("case code (%s) lacks the structure of Thông tư 01/2018/TT-VPCP, Article 19 (V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX); counted", r.Code)
		t.finding(f)
		return
	}
	if civilDays(y, m, d) != t.day(r.Received) {
		recv, day := r.Received.In(t.loc), time.Date(y, m, d, 0, 0, 0, 0, t.loc)
		if len(t.findings) >= t.pol.MaxFindings {
			t.byRule[RuleCaseCodeDate]++
			return
		}
		f := base
		f.Rule, f.Expected, f.Actual = RuleCaseCodeDate, recv.Format("060102"), day.Format("060102")
		f.Message = fmt.Sprintf("ngày trong mã số hồ sơ (%s) khác ngày tiếp nhận (%s); vẫn đếm theo ngày tiếp nhận", day.Format("02/01/2006"), recv.Format("02/01/2006"))
		f.MessageEN = fmt.Sprintf("the day in the case code (%s) is not the received day (%s); counted by the received date", day.Format("02/01/2006"), recv.Format("02/01/2006"))
		t.finding(f)
	}
}
