package tally

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/baocaodinhky/vpcp/kstt"
)

const (
	severityError   = kstt.Error
	severityWarning = kstt.Warning
	severityInfo    = kstt.Info
)

// Finding is what a tally says about a record it could not count as it is,
// a row a reader rejected, or the tally as a whole. It names the record by
// its code and, when it was read from a file, by file and row.
type Finding struct {
	Rule      string        `json:"rule"` // TALLY/R01 …
	Severity  kstt.Severity `json:"severity"`
	Problem   Problem       `json:"-"`
	Action    Action        `json:"action,omitempty"` // what was done with the record
	Code      string        `json:"code,omitempty"`   // Mã hồ sơ
	Source    string        `json:"source,omitempty"` // the file
	Row       int           `json:"row,omitempty"`    // the row of the file, 1-based
	Column    string        `json:"column,omitempty"` // the column of the file a rejected value sits in
	Policy    string        `json:"policy,omitempty"` // the policy a finding is about (TALLY/P…)
	Expected  string        `json:"expected,omitempty"`
	Actual    string        `json:"actual,omitempty"`
	Message   string        `json:"message"`    // Vietnamese
	MessageEN string        `json:"message_en"` // English
}

// Where returns where the finding is: "file:row", "hồ sơ CODE", or both.
func (f Finding) Where() string {
	var parts []string
	if f.Source != "" || f.Row > 0 {
		w := f.Source
		if f.Row > 0 {
			w += ":" + strconv.Itoa(f.Row)
		}
		parts = append(parts, w)
	}
	if f.Code != "" {
		parts = append(parts, "hồ sơ "+f.Code)
	}
	return strings.Join(parts, " ")
}

// String writes the finding in Vietnamese: severity, rule, where, message.
func (f Finding) String() string {
	return strings.TrimSpace(fmt.Sprintf("%s %s %s: %s", f.Severity.Vietnamese(), f.Rule, f.Where(), f.Message))
}

// English writes the finding in English.
func (f Finding) English() string {
	return strings.TrimSpace(fmt.Sprintf("%s %s %s: %s", f.Severity, f.Rule, f.Where(), f.MessageEN))
}

// Error makes a Finding an error: String, as kstt.Finding does.
func (f Finding) Error() string { return f.String() }

func recordFinding(r *Record, p Problem, a Action) Finding {
	info := problems[p]
	f := Finding{Rule: info.Rule, Severity: info.Severity, Problem: p, Action: a, Code: r.Code, Source: r.Source, Row: r.Row}
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
func (t *Tally) finding(f Finding) {
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

func (e *RowError) finding() Finding {
	f := Finding{Rule: RuleRejectedRow, Severity: severityError, Action: Skip, Code: e.Code, Source: e.Source, Row: e.Row, Column: e.Column, Actual: e.Value}
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
