package tally

import (
	"fmt"
	"time"

	"github.com/baocaodinhky/vpcp/kstt"
)

// span is the range of received dates the tally saw, over every record
// (of the period or not).
type span struct {
	min, max time.Time
}

func (s *span) add(t time.Time) {
	if t.IsZero() {
		return
	}
	if s.min.IsZero() || t.Before(s.min) {
		s.min = t
	}
	if s.max.IsZero() || t.After(s.max) {
		s.max = t
	}
}

func (s *span) merge(o span) {
	s.add(o.min)
	s.add(o.max)
}

// calendarFinding says when the received dates start from, or stop at, a
// calendar-quarter boundary (1/1, 1/4, 1/7, 1/10) inside the window, as a
// list extracted by calendar quarter does (some vendors' statistics cut
// so): the first received date within two days after the boundary and
// none before it, or the last one within two days before it and none
// after. The figures of the Decree 09 period then lack the days on the
// other side of the boundary. One Info finding at most; nil otherwise.
func (t *Tally) calendarFinding() *kstt.Finding {
	s := t.recv
	if s.min.IsZero() {
		return nil
	}
	first := time.Date(t.start.Year(), t.start.Month(), t.start.Day(), 0, 0, 0, 0, t.loc)
	for b := time.Date(first.Year(), first.Month()+1, 1, 0, 0, 0, 0, t.loc); b.Before(t.end); b = b.AddDate(0, 1, 0) {
		if (b.Month()-1)%3 != 0 {
			continue
		}
		const near = 48 * time.Hour
		var vi, en string
		switch {
		case !s.min.Before(b) && s.min.Before(b.Add(near)):
			vi = fmt.Sprintf("hồ sơ trong danh sách bắt đầu từ ngày %s (đầu quý dương lịch), không có hồ sơ tiếp nhận từ %s đến %s", s.min.In(t.loc).Format("02/01/2006"), t.start.Format("02/01/2006"), b.AddDate(0, 0, -1).Format("02/01/2006"))
			en = fmt.Sprintf("the list's records start on %s (a calendar quarter's first day): none received from %s to %s", s.min.In(t.loc).Format("02/01/2006"), t.start.Format("02/01/2006"), b.AddDate(0, 0, -1).Format("02/01/2006"))
		case s.max.Before(b) && !s.max.Before(b.Add(-near)):
			last := t.end.AddDate(0, 0, -1)
			vi = fmt.Sprintf("hồ sơ trong danh sách dừng ở ngày %s (cuối quý dương lịch), không có hồ sơ tiếp nhận từ %s đến %s", s.max.In(t.loc).Format("02/01/2006"), b.Format("02/01/2006"), last.Format("02/01/2006"))
			en = fmt.Sprintf("the list's records stop on %s (a calendar quarter's last day): none received from %s to %s", s.max.In(t.loc).Format("02/01/2006"), b.Format("02/01/2006"), last.Format("02/01/2006"))
		default:
			continue
		}
		return &kstt.Finding{Rule: RuleCalendarQuarter, Severity: severityInfo, Row: -1, Expected: t.per.String(), Actual: b.Format("02/01/2006"),
			Message:   vi + ": có thể danh sách được trích theo quý dương lịch, khác kỳ báo cáo theo Nghị định 09/2019/NĐ-CP (" + t.per.String() + ")",
			MessageEN: en + ": the list may have been extracted by calendar quarter, not by the Decree 09/2019 period"}
	}
	return nil
}
