package tally

import (
	"fmt"
	"strings"

	"github.com/baocaodinhky/vpcp/kstt"
)

const (
	severityError   = kstt.Error
	severityWarning = kstt.Warning
	severityInfo    = kstt.Info
)

// A tally's findings are kstt.Findings: Form is empty and Row is -1, and
// Record, Source and Line name the record (kstt.Finding documents them).

func recordFinding(r *Record, p Problem, a Action) kstt.Finding {
	info := problems[p]
	f := kstt.Finding{Rule: info.Rule, Severity: info.Severity, Row: -1, Action: a.String(), Record: r.Code, Source: r.Source, Line: r.Row}
	what := ""
	switch p {
	case ProblemFinishedBeforeReceived:
		f.Expected = "≥ " + r.Received.Format("02/01/2006 15:04")
		f.Actual = r.Finished.Format("02/01/2006 15:04")
	case ProblemFutureDate:
		f.Actual = r.Finished.Format("02/01/2006 15:04")
		if r.Finished.IsZero() || r.Received.After(r.Finished) {
			f.Actual = r.Received.Format("02/01/2006 15:04")
		}
	case ProblemUnknownField:
		f.Actual = r.Field
	case ProblemUnknownChannel:
		f.Actual = r.Channel.String()
	case ProblemDuplicateCode:
		f.Actual = r.Code
	}
	if f.Actual != "" {
		what = " (" + f.Actual + ")"
	}
	act := map[Action]string{Count: "vẫn đếm: ", Skip: "không đếm", Fail: "dừng"}[a]
	actEN := map[Action]string{Count: "counted: ", Skip: "not counted", Fail: "stopped"}[a]
	if a == Count {
		act += countAsVI[p]
		actEN += info.CountAs
	}
	f.Message = fmt.Sprintf("%s%s; %s", info.Meaning, what, act)
	f.MessageEN = fmt.Sprintf("%s%s; %s", info.MeaningEN, what, actEN)
	return f
}

var countAsVI = [numProblems]string{
	ProblemFinishedBeforeReceived: "coi như có kết quả ngay khi tiếp nhận",
	ProblemNoDueDate:              "tính đúng hạn (9) hoặc trong hạn (12)",
	ProblemFutureDate:             "bỏ ngày không thể có, coi là đang giải quyết",
	ProblemUnknownChannel:         "tính vào cột (5)",
	ProblemUnknownField:           "tính vào dòng “" + OtherField + "”",
	ProblemDuplicateCode:          "đếm thêm lần nữa",
	ProblemNoReceivedDate:         "không thể đếm",
	ProblemUnknownLevel:           "tính vào CẤP TỈNH",
}

// finding keeps f, up to Policy.MaxFindings, and counts it by rule.
func (t *Tally) finding(f kstt.Finding) {
	t.flush() // the findings of the records before this one first
	t.byRule[f.Rule]++
	if len(t.findings) < t.pol.MaxFindings {
		t.findings = append(t.findings, f)
	}
}

// RecordError is the error of a record whose problem's action is Fail.
type RecordError struct {
	Problem Problem
	Code    string
	Source  string
	Row     int
	Err     error // ErrBadRecord
}

// Error names the record and the problem.
func (e *RecordError) Error() string {
	where := ""
	if e.Source != "" || e.Row > 0 {
		where = fmt.Sprintf(" (%s:%d)", e.Source, e.Row)
	}
	return fmt.Sprintf("%v: record %q%s: %s (%s)", e.Err, e.Code, where, problems[e.Problem].MeaningEN, e.Problem.Rule())
}

// Unwrap returns ErrBadRecord.
func (e *RecordError) Unwrap() error { return e.Err }

// RowError is a row of a case list a reader could not read into a record:
// which file, row and column, and why. Readers yield it through an
// iter.Seq2 and go on with the next row; Tally.AddSeq2 turns it into a
// finding (RuleRejectedRow).
type RowError struct {
	Source string // the file
	Row    int    // 1-based row (line of a CSV or JSONL file, row of a worksheet)
	Column string // the header of the column, when one value is at fault
	Value  string // the value rejected
	Code   string // the record's code, when it was read
	Detail string // what is wrong, English
	Err    error  // ErrBadDate, ErrUnknownValue, ErrBadRow
}

// Error writes file:row, column and what is wrong.
func (e *RowError) Error() string {
	var b strings.Builder
	b.WriteString("tally: ")
	if e.Source != "" {
		b.WriteString(e.Source + ":")
	}
	fmt.Fprintf(&b, "row %d", e.Row)
	if e.Column != "" {
		fmt.Fprintf(&b, ", column %q", e.Column)
	}
	if e.Value != "" {
		fmt.Fprintf(&b, ", value %q", e.Value)
	}
	b.WriteString(": ")
	b.WriteString(e.Detail)
	return b.String()
}

// Unwrap returns the sentinel.
func (e *RowError) Unwrap() error { return e.Err }

func (e *RowError) finding() kstt.Finding {
	f := kstt.Finding{Rule: RuleRejectedRow, Severity: severityError, Row: -1, Action: Skip.String(), Record: e.Code, Source: e.Source, Line: e.Row, SourceColumn: e.Column, Actual: e.Value}
	col := ""
	if e.Column != "" {
		col = " cột “" + e.Column + "”"
	}
	f.Message = fmt.Sprintf("dòng không đọc được%s: %s; không đếm", col, vietnameseDetail(e))
	f.MessageEN = fmt.Sprintf("row rejected%s: %s; not counted", strings.ReplaceAll(col, "cột", "column"), e.Detail)
	return f
}

func vietnameseDetail(e *RowError) string {
	switch e.Err {
	case ErrBadDate:
		return "ngày không hợp lệ (" + e.Value + ")"
	case ErrUnknownValue:
		return "giá trị không nhận ra (" + e.Value + ")"
	}
	return e.Detail
}
