package tally

import (
	"fmt"

	"github.com/baocaodinhky/vpcp/kstt"
)

// Rules of a record whose dates disagree with each other or with its
// status, in the data a one-stop system stores for the case logbook (Sổ
// theo dõi hồ sơ, Thông tư 01/2018/TT-VPCP, mẫu số 06). Both are Warnings:
// the record is counted as its dates say, and the finding tells the list's
// owner what to correct.
const (
	// RuleDueBeforeReceived (Warning): the ngày hẹn trả kết quả is a day
	// before the ngày tiếp nhận. Timeliness (II.06a columns (8)–(10) and
	// (12)–(13)) is judged against that due date as written, so such a
	// file counts as late (quá hạn) once it is open past it.
	RuleDueBeforeReceived kstt.RuleID = "TALLY/R16"
	// RuleStatusWithoutFinish (Warning): the record's status (Trạng thái)
	// says the file ended ("Đã trả kết quả", "Trả lại", "Xin rút", "Dừng
	// xử lý") but it has no ngày trả kết quả. A record is judged from its
	// dates alone, so the file counts as pending (II.06a columns (11)–(13)).
	RuleStatusWithoutFinish kstt.RuleID = "TALLY/R17"
)

// dateFindings gives the Warnings of a record counted in the period whose
// due date or status disagree with its other dates.
func (t *Tally) dateFindings(r *Record) {
	// A due instant not before the received one cannot fall on an
	// earlier day: the day is computed only when it is.
	if !r.Due.IsZero() && r.Due.Before(r.Received) {
		due, recv := r.Due.In(t.loc), r.Received.In(t.loc)
		dy, dm, dd := due.Date()
		ry, rm, rd := recv.Date()
		if dy < ry || (dy == ry && (dm < rm || (dm == rm && dd < rd))) {
			if len(t.findings) >= t.pol.MaxFindings {
				t.byRule[RuleDueBeforeReceived]++ // past the cap only counted
			} else {
				t.finding(kstt.Finding{Rule: RuleDueBeforeReceived, Severity: severityWarning, Row: -1, Action: Count.String(),
					Record: r.Code, Source: r.Source, Line: r.Row,
					Expected: "≥ " + recv.Format("02/01/2006"), Actual: due.Format("02/01/2006"),
					Message:   fmt.Sprintf("ngày hẹn trả kết quả (%s) trước ngày tiếp nhận (%s); vẫn đếm, thời hạn tính theo ngày hẹn đã ghi", due.Format("02/01/2006"), recv.Format("02/01/2006")),
					MessageEN: fmt.Sprintf("the due date (%s) is before the received date (%s); counted, timeliness judged against the due date as written", due.Format("02/01/2006"), recv.Format("02/01/2006")),
				})
			}
		}
	}
	if r.Finished.IsZero() && r.Outcome != OutcomeNone {
		if len(t.findings) >= t.pol.MaxFindings {
			t.byRule[RuleStatusWithoutFinish]++
			return
		}
		t.finding(kstt.Finding{Rule: RuleStatusWithoutFinish, Severity: severityWarning, Row: -1, Action: Count.String(),
			Record: r.Code, Source: r.Source, Line: r.Row,
			Expected: "ngày trả kết quả", Actual: r.Outcome.String(),
			Message:   fmt.Sprintf("trạng thái «%s» nhưng không có ngày trả kết quả; vẫn đếm là hồ sơ đang giải quyết", r.Outcome),
			MessageEN: fmt.Sprintf("the status says «%s» but there is no finish date; counted as pending", r.Outcome),
		})
	}
}
