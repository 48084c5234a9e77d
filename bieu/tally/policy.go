package tally

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/internal/strictjson"
	"github.com/baocaodinhky/vpcp/kstt"
)

// Sentinel errors. The errors of this package wrap one of them; match with
// errors.Is.
var (
	// ErrBadRecord: a record the policy says must fail the call
	// (Action Fail). The error is a *RecordError naming the record.
	ErrBadRecord = errors.New("tally: bad record")
	// ErrUnknownValue: a channel, service or status text that is none
	// of the known spellings.
	ErrUnknownValue = errors.New("tally: unknown value")
	// ErrPolicy: a Policy with an invalid setting.
	ErrPolicy = errors.New("tally: invalid policy")
	// ErrMerge: tallies of different periods or policies merged.
	ErrMerge = errors.New("tally: tallies cannot be merged")
)

// Timeliness decides trước hạn, đúng hạn and quá hạn for a resolved file
// (II.06a (8), (9), (10)).
type Timeliness uint8

// Timeliness rules.
const (
	// ByDay (the default) compares the calendar day of the finish date
	// with the calendar day of the due date: before is trước hạn, the same
	// day đúng hạn, after quá hạn. Basis: the receipt (Giấy tiếp nhận hồ
	// sơ và hẹn trả kết quả) promises a day, and the forms count days.
	ByDay Timeliness = iota
	// ByTimestamp compares instants: a file finished on its due day but
	// after the due time is quá hạn; finished on an earlier day, trước
	// hạn; otherwise đúng hạn.
	ByTimestamp
)

// Closing decides how files that ended without a result — returned or
// refused (trả lại), withdrawn (xin rút) or stopped (dừng xử lý) — count
// in II.06a.
type Closing uint8

// Closing rules.
const (
	// CountOnTime (the default) counts them as resolved on time, column
	// (9) Đúng hạn, as provincial templates print on the column's own
	// header: "Đúng hạn (bao gồm cả hồ sơ chờ bổ sung và trả lại/xin rút)".
	// (3) = (7) + (11) then holds.
	CountOnTime Closing = iota
	// LeaveOut counts them neither as resolved nor as pending. Files
	// received in the period still count in (3), so (3) = (7) + (11) no
	// longer holds: the tally says so with a finding (RuleBalance) naming
	// this policy.
	LeaveOut
)

// Pauses decides whether a supplement pause (yêu cầu bổ sung) moves the due
// date.
type Pauses uint8

// Pause rules.
const (
	// ShiftDue (the default) moves the due date later by the time the file
	// waited for the applicant, up to the moment it is judged: the time to
	// supplement a file is not part of the time to resolve it (Nghị định
	// 61/2018/NĐ-CP on the one-stop mechanism; inferred as a default).
	ShiftDue Pauses = iota
	// IgnorePauses keeps the due date as recorded (systems that reissue
	// the receipt with a new due date when the supplement arrives).
	IgnorePauses
)

// Action is what the tally does with a record that has a Problem.
type Action uint8

// Actions. Whatever the action, the record is a finding naming its code.
const (
	// DefaultAction takes the problem's default (see Problems).
	DefaultAction Action = iota
	// Count counts the record as well as it can, as each Problem says.
	Count
	// Skip leaves the record out of every column.
	Skip
	// Fail stops the call with a *RecordError wrapping ErrBadRecord.
	Fail
)

var actionNames = [...]string{"mặc định", "đếm", "bỏ qua", "dừng"}
var actionNamesEN = [...]string{"default", "count", "skip", "fail"}

// String returns the action in English: "count", "skip", "fail".
func (a Action) String() string {
	if int(a) < len(actionNamesEN) {
		return actionNamesEN[a]
	}
	return fmt.Sprintf("action(%d)", uint8(a))
}

// Vietnamese returns "đếm", "bỏ qua", "dừng".
func (a Action) Vietnamese() string {
	if int(a) < len(actionNames) {
		return actionNames[a]
	}
	return a.String()
}

// MarshalText writes String.
func (a Action) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// UnmarshalText reads "count", "skip", "fail" (or their Vietnamese).
func (a *Action) UnmarshalText(b []byte) error {
	k := key(string(b))
	for i := range actionNamesEN {
		if k == actionNamesEN[i] || k == actionNames[i] {
			*a = Action(i)
			return nil
		}
	}
	return fmt.Errorf("%w: action %q", ErrPolicy, b)
}

// Problem is what can be wrong with a record.
type Problem uint8

// Problems, each with the rule ID of its finding and a default action.
const (
	// ProblemFinishedBeforeReceived (TALLY/R01): the finish date is before
	// the received date. Count treats it as finished when received.
	// Default Skip.
	ProblemFinishedBeforeReceived Problem = iota + 1
	// ProblemNoDueDate (TALLY/R02): no due date. Count counts the file
	// as resolved on time, or pending in time: no deadline was missed.
	// Default Count.
	ProblemNoDueDate
	// ProblemFutureDate (TALLY/R03): a date after Policy.AsOf, the moment
	// the records were extracted. Count drops the impossible date (the
	// file is open). Default Skip.
	ProblemFutureDate
	// ProblemUnknownChannel (TALLY/R04): the channel is unknown. Count
	// counts it in (5), with the files not received online. Default Skip.
	ProblemUnknownChannel
	// ProblemUnknownField (TALLY/R05): no lĩnh vực, or one not in
	// Policy.Fields. Count counts it in a row "Lĩnh vực khác". Default
	// Skip.
	ProblemUnknownField
	// ProblemDuplicateCode (TALLY/R06): a code seen before (or no code).
	// Count counts it again. Default Skip.
	ProblemDuplicateCode
	// ProblemNoReceivedDate (TALLY/R07): no received date; the record
	// cannot be placed in any period. Count cannot count it and skips it.
	// Default Skip.
	ProblemNoReceivedDate
	// ProblemUnknownLevel (TALLY/R08): no level, none told by the record's
	// unit and no Policy.Level. Count counts it under CẤP TỈNH in II.06b
	// and II.08. Default Count.
	ProblemUnknownLevel
	numProblems
)

// ProblemInfo describes a Problem as data: its finding's rule ID, severity
// and default action, with what Count does.
type ProblemInfo struct {
	Problem   Problem       `json:"-"`
	Rule      kstt.RuleID   `json:"rule"`
	Severity  kstt.Severity `json:"severity"`
	Default   Action        `json:"default"`
	Meaning   string        `json:"meaning"`    // Vietnamese
	MeaningEN string        `json:"meaning_en"` // English
	CountAs   string        `json:"count_as"`   // what Action Count does, English
}

// The rule IDs of the findings on records, one per Problem.
const (
	RuleFinishedBeforeReceived kstt.RuleID = "TALLY/R01" // ProblemFinishedBeforeReceived
	RuleNoDueDate              kstt.RuleID = "TALLY/R02" // ProblemNoDueDate
	RuleFutureDate             kstt.RuleID = "TALLY/R03" // ProblemFutureDate
	RuleUnknownChannel         kstt.RuleID = "TALLY/R04" // ProblemUnknownChannel
	RuleUnknownField           kstt.RuleID = "TALLY/R05" // ProblemUnknownField
	RuleDuplicateCode          kstt.RuleID = "TALLY/R06" // ProblemDuplicateCode
	RuleNoReceivedDate         kstt.RuleID = "TALLY/R07" // ProblemNoReceivedDate
	RuleUnknownLevel           kstt.RuleID = "TALLY/R08" // ProblemUnknownLevel
)

var problems = [numProblems]ProblemInfo{
	ProblemFinishedBeforeReceived: {Rule: RuleFinishedBeforeReceived, Severity: kstt.Error, Default: Skip,
		Meaning: "ngày trả kết quả trước ngày tiếp nhận", MeaningEN: "finished before it was received",
		CountAs: "finished when received"},
	ProblemNoDueDate: {Rule: RuleNoDueDate, Severity: kstt.Warning, Default: Count,
		Meaning: "không có ngày hẹn trả", MeaningEN: "no due date",
		CountAs: "resolved on time (9), or pending in time (12): no deadline was missed"},
	ProblemFutureDate: {Rule: RuleFutureDate, Severity: kstt.Error, Default: Skip,
		Meaning: "ngày sau thời điểm trích xuất dữ liệu", MeaningEN: "a date after the records were extracted",
		CountAs: "the impossible finish date dropped: the file counts as open"},
	ProblemUnknownChannel: {Rule: RuleUnknownChannel, Severity: kstt.Error, Default: Skip,
		Meaning: "không rõ kênh tiếp nhận", MeaningEN: "unknown channel",
		CountAs: "not received online: column (5)"},
	ProblemUnknownField: {Rule: RuleUnknownField, Severity: kstt.Error, Default: Skip,
		Meaning: "không rõ lĩnh vực", MeaningEN: "unknown lĩnh vực",
		CountAs: "in a row “" + OtherField + "”"},
	ProblemDuplicateCode: {Rule: RuleDuplicateCode, Severity: kstt.Error, Default: Skip,
		Meaning: "mã hồ sơ trùng (hoặc không có mã)", MeaningEN: "the same code twice (or no code)",
		CountAs: "counted again"},
	ProblemNoReceivedDate: {Rule: RuleNoReceivedDate, Severity: kstt.Error, Default: Skip,
		Meaning: "không có ngày tiếp nhận", MeaningEN: "no received date",
		CountAs: "cannot be counted: skipped"},
	ProblemUnknownLevel: {Rule: RuleUnknownLevel, Severity: kstt.Warning, Default: Count,
		Meaning: "không rõ cấp (tỉnh, huyện, xã)", MeaningEN: "unknown level (province, district, commune)",
		CountAs: "under CẤP TỈNH in II.06b and II.08"},
}

// OtherField is the row a record of an unknown lĩnh vực counts in under
// Action Count.
const OtherField = "Lĩnh vực khác"

// Problems lists every Problem with its rule ID, severity and default
// action, in order.
func Problems() []ProblemInfo {
	out := make([]ProblemInfo, 0, numProblems-1)
	for p := Problem(1); p < numProblems; p++ {
		info := problems[p]
		info.Problem = p
		out = append(out, info)
	}
	return out
}

// Rule returns the rule ID of the problem's finding, e.g. "TALLY/R01".
func (p Problem) Rule() kstt.RuleID {
	if p > 0 && p < numProblems {
		return problems[p].Rule
	}
	return ""
}

// Other findings of a tally, not about one record.
const (
	// RuleBalance (Warning): a policy left files out so that (3) = (7) +
	// (11) of II.06a no longer holds; the finding names the policy.
	RuleBalance kstt.RuleID = "TALLY/R09"
	// RuleRejectedRow (Error): a row of a case list that could not be
	// read into a record (a reader's *RowError), with its row number.
	RuleRejectedRow kstt.RuleID = "TALLY/R10"
	// RuleOpenPeriod (Warning): the period ends after Policy.AsOf, so
	// its figures are not final.
	RuleOpenPeriod kstt.RuleID = "TALLY/R11"
	// RuleCrossShardDuplicate (Error): Merge found codes in both
	// tallies; the finding gives their number, and both records of each
	// were counted (see Tally.Merge).
	RuleCrossShardDuplicate kstt.RuleID = "TALLY/R12"
)

// Policy holds every counting decision of a tally as data. The zero value
// is the documented default of each field; Policies lists them with their
// basis.
type Policy struct {
	// Location is the time zone of the window and of calendar days (not
	// part of the JSON form: the default is the law's).
	// Default: Asia/Ho_Chi_Minh (UTC+7, no daylight saving), or a fixed
	// UTC+7 zone when the system has no time-zone database.
	Location *time.Location `json:"-"`
	// Timeliness: ByDay (default) or ByTimestamp.
	Timeliness Timeliness `json:"timeliness"`
	// Closing: CountOnTime (default) or LeaveOut, for returned,
	// withdrawn and stopped files.
	Closing Closing `json:"closing"`
	// Pauses: ShiftDue (default) or IgnorePauses.
	Pauses Pauses `json:"pauses"`
	// OnlineService is the service an online file with no Service counts
	// under in II.08: Partial (the default) or Full.
	OnlineService Service `json:"online_service,omitempty"`
	// Level is the level of records with none (and a unit that tells
	// none); LevelUnknown: ProblemUnknownLevel.
	Level bieu.UnitLevel `json:"level,omitempty"`
	// Fields, when not empty, lists the known lĩnh vực (matched like
	// bieu.FieldKey); a record of another is ProblemUnknownField.
	Fields []string `json:"fields,omitempty"`
	// Actions overrides the default action of a problem.
	Actions map[Problem]Action `json:"actions,omitempty"`
	// AsOf is when the records were extracted: a date after it is
	// ProblemFutureDate, and a period ending after it is RuleOpenPeriod.
	// Zero: not checked.
	AsOf time.Time `json:"as_of,omitzero"`
	// NoDuplicateCheck switches off ProblemDuplicateCode, which keeps a
	// 64-bit hash per distinct code in a table at most three quarters
	// full, grown by doubling: 11 to 21 bytes per code (16.8 MB for a
	// million). Set it for a stream already known to hold each code once,
	// to keep memory flat.
	NoDuplicateCheck bool `json:"no_duplicate_check,omitempty"`
	// MaxFindings bounds the findings kept (beyond it, findings are only
	// counted, by rule). Default 1000; negative: no finding kept.
	MaxFindings int `json:"max_findings,omitempty"`
	// Audit switches the audit trail on when not nil.
	Audit *AuditOptions `json:"audit,omitempty"`
	// Section is the section of II.08 the files-arising rows stand in:
	// "B" (the default, DVCTT do cơ quan, UBND tỉnh chủ động triển khai) or
	// "A".
	Section string `json:"section,omitempty"`
}

// action returns the action for a problem.
func (p *Policy) action(pr Problem) Action {
	if a, ok := p.Actions[pr]; ok && a != DefaultAction {
		return a
	}
	return problems[pr].Default
}

func (p *Policy) validate() error {
	if p.Timeliness > ByTimestamp || p.Closing > LeaveOut || p.Pauses > IgnorePauses || p.OnlineService > Full || p.Level > bieu.CommuneLevel {
		return fmt.Errorf("%w: a setting out of range", ErrPolicy)
	}
	for pr, a := range p.Actions {
		if pr == 0 || pr >= numProblems || a > Fail {
			return fmt.Errorf("%w: action %d for problem %d", ErrPolicy, a, pr)
		}
	}
	if p.Section != "" && p.Section != "A" && p.Section != "B" {
		return fmt.Errorf("%w: II.08 section %q, want A or B", ErrPolicy, p.Section)
	}
	return nil
}

// defaultLocation is Asia/Ho_Chi_Minh, or UTC+7 without the database.
func defaultLocation() *time.Location {
	if loc, err := time.LoadLocation("Asia/Ho_Chi_Minh"); err == nil {
		return loc
	}
	return time.FixedZone("ICT", 7*3600)
}

var vietnam = defaultLocation()

// Vietnam returns the default Policy.Location: Asia/Ho_Chi_Minh when the
// system's time-zone database has it, else a fixed UTC+7 zone (the same
// clock: Vietnam has kept UTC+7 without daylight saving since 1975).
func Vietnam() *time.Location { return vietnam }

// PolicyInfo describes one counting decision: its ID (cited by the audit
// trail), what it decides, its default and where the default comes from.
type PolicyInfo struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Decides   string `json:"decides"`    // English
	DecidesVI string `json:"decides_vi"` // Vietnamese
	Default   string `json:"default"`
	Options   string `json:"options,omitempty"`
	Basis     string `json:"basis"`
	Inferred  bool   `json:"inferred"` // a documented default, not read from an official text
}

// Policy IDs, cited by the audit trail.
const (
	PolicyWindow     = "TALLY/P01"
	PolicyCarried    = "TALLY/P02"
	PolicyChannel    = "TALLY/P03"
	PolicyTimeliness = "TALLY/P04"
	PolicyPending    = "TALLY/P05"
	PolicyClosing    = "TALLY/P06"
	PolicyPauses     = "TALLY/P07"
	PolicyService    = "TALLY/P08"
	PolicyBadRecords = "TALLY/P09"
)

var policyInfos = []PolicyInfo{
	{ID: PolicyWindow, Name: "window",
		Decides:   "which records belong to the period: received from 00:00 of its first day to the end of its last day",
		DecidesVI: "hồ sơ thuộc kỳ: tiếp nhận từ 00 giờ ngày đầu kỳ đến hết ngày cuối kỳ",
		Default:   "the days of Nghị định 09/2019/NĐ-CP, Điều 12 (Quý III năm 2024: 15/6/2024–14/9/2024), Asia/Ho_Chi_Minh",
		Options:   "Policy.Location",
		Basis:     "Nghị định 09/2019/NĐ-CP, Điều 12 (thời gian chốt số liệu)"},
	{ID: PolicyCarried, Name: "carried over",
		Decides:   "II.06a (6) Từ kỳ trước: received before the window and not finished before it",
		DecidesVI: "cột (6) Từ kỳ trước: tiếp nhận trước kỳ và chưa có kết quả trước kỳ",
		Default:   "judged from the record's dates, never from its status today, so a past period's report never changes",
		Basis:     "Thông tư 01/2020/TT-VPCP, Biểu số II.06a/VPCP/KSTT cột (6); (6) của kỳ này bằng (11) của kỳ trước"},
	{ID: PolicyChannel, Name: "channel",
		Decides:   "II.06a (4) Trực tuyến or (5) Trực tiếp, dịch vụ bưu chính, for files received in the window",
		DecidesVI: "cột (4) trực tuyến hay cột (5) trực tiếp, dịch vụ bưu chính",
		Default:   "the record's channel",
		Basis:     "Thông tư 01/2020/TT-VPCP, Biểu số II.06a/VPCP/KSTT cột (4), (5)"},
	{ID: PolicyTimeliness, Name: "timeliness",
		Decides:   "II.06a (8) Trước hạn, (9) Đúng hạn, (10) Quá hạn for files finished in the window",
		DecidesVI: "trước hạn, đúng hạn, quá hạn của hồ sơ đã giải quyết",
		Default:   "by calendar day of the finish date against the due date (ByDay)",
		Options:   "ByTimestamp",
		Basis:     "Thông tư 01/2020/TT-VPCP, Biểu số II.06a/VPCP/KSTT cột (8)–(10); the receipt promises a day", Inferred: true},
	{ID: PolicyPending, Name: "pending",
		Decides:   "II.06a (12) Trong hạn, (13) Quá hạn for files not finished at the window's end",
		DecidesVI: "hồ sơ đang giải quyết trong hạn hay quá hạn, xét tại cuối kỳ",
		Default:   "judged at the end of the window's last day: quá hạn when the due day is before it",
		Basis:     "Thông tư 01/2020/TT-VPCP, Biểu số II.06a/VPCP/KSTT cột (11)–(13); số liệu chốt đến ngày cuối kỳ (Nghị định 09/2019/NĐ-CP, Điều 12)"},
	{ID: PolicyClosing, Name: "closing without a result",
		Decides:   "returned (trả lại), withdrawn (xin rút) and stopped (dừng xử lý) files finished in the window",
		DecidesVI: "hồ sơ trả lại, xin rút, dừng xử lý",
		Default:   "counted as resolved on time, (9) (CountOnTime)",
		Options:   "LeaveOut (then (3) = (7) + (11) breaks, and the tally says so)",
		Basis:     "provincial templates' header of column (9): “Đúng hạn (bao gồm cả hồ sơ chờ bổ sung và trả lại/xin rút)”", Inferred: true},
	{ID: PolicyPauses, Name: "supplement pauses",
		Decides:   "whether the time waiting for the applicant's supplement moves the due date",
		DecidesVI: "thời gian chờ bổ sung hồ sơ có lùi ngày hẹn trả hay không",
		Default:   "the due date moves later by the pause (ShiftDue)",
		Options:   "IgnorePauses",
		Basis:     "Nghị định 61/2018/NĐ-CP: thời gian bổ sung hồ sơ không tính vào thời hạn giải quyết", Inferred: true},
	{ID: PolicyService, Name: "online service",
		Decides:   "II.08 (5) (DVCTT một phần) or (8) (toàn trình) for online files received in the window",
		DecidesVI: "cột (5) một phần hay cột (8) toàn trình của Biểu II.08",
		Default:   "the record's service; một phần when it has none, so that II.06a Σ(4) = II.08 Σ(5)+(8)",
		Options:   "Policy.OnlineService",
		Basis:     "Nghị định 42/2022/NĐ-CP, Điều 11; Thông tư 01/2020/TT-VPCP, Biểu số II.08/VPCP/KSTT", Inferred: true},
	{ID: PolicyBadRecords, Name: "bad records",
		Decides:   "whether a record with a problem (TALLY/R01–R08) is counted, left out or fails the call",
		DecidesVI: "hồ sơ có lỗi dữ liệu được đếm, bỏ qua hay dừng",
		Default:   "per problem (Problems); always a finding naming the record's code",
		Options:   "Policy.Actions",
		Basis:     "a record is never silently dropped nor silently counted", Inferred: true},
}

// Policies lists every counting decision with its ID, default and basis.
func Policies() []PolicyInfo { return append([]PolicyInfo(nil), policyInfos...) }

// enumText marshals the small enums of a Policy by name, so that a policy
// kept in a JSON file reads as words: {"timeliness": "by-day"}.
func enumText(names []string, v uint8) ([]byte, error) {
	if int(v) < len(names) {
		return []byte(names[v]), nil
	}
	return nil, fmt.Errorf("%w: value %d", ErrPolicy, v)
}

func enumParse(names []string, b []byte, what string) (uint8, error) {
	for i, n := range names {
		if n == string(b) {
			return uint8(i), nil
		}
	}
	return 0, fmt.Errorf("%w: %s %q (want one of %v)", ErrPolicy, what, b, names)
}

var (
	timelinessNames = []string{"by-day", "by-timestamp"}
	closingNames    = []string{"count-on-time", "leave-out"}
	pausesNames     = []string{"shift-due", "ignore"}
)

// MarshalText writes "by-day" or "by-timestamp".
func (t Timeliness) MarshalText() ([]byte, error) { return enumText(timelinessNames, uint8(t)) }

// UnmarshalText reads what MarshalText writes.
func (t *Timeliness) UnmarshalText(b []byte) error {
	v, err := enumParse(timelinessNames, b, "timeliness")
	*t = Timeliness(v)
	return err
}

// MarshalText writes "count-on-time" or "leave-out".
func (c Closing) MarshalText() ([]byte, error) { return enumText(closingNames, uint8(c)) }

// UnmarshalText reads what MarshalText writes.
func (c *Closing) UnmarshalText(b []byte) error {
	v, err := enumParse(closingNames, b, "closing")
	*c = Closing(v)
	return err
}

// MarshalText writes "shift-due" or "ignore".
func (p Pauses) MarshalText() ([]byte, error) { return enumText(pausesNames, uint8(p)) }

// UnmarshalText reads what MarshalText writes.
func (p *Pauses) UnmarshalText(b []byte) error {
	v, err := enumParse(pausesNames, b, "pauses")
	*p = Pauses(v)
	return err
}

// MarshalText writes the problem's rule ID, "TALLY/R01" ….
func (p Problem) MarshalText() ([]byte, error) {
	if p == 0 || p >= numProblems {
		return nil, fmt.Errorf("%w: problem %d", ErrPolicy, uint8(p))
	}
	return []byte(problems[p].Rule), nil
}

// UnmarshalText reads a rule ID MarshalText writes.
func (p *Problem) UnmarshalText(b []byte) error {
	for q := Problem(1); q < numProblems; q++ {
		if string(problems[q].Rule) == string(b) {
			*p = q
			return nil
		}
	}
	return fmt.Errorf("%w: no problem %q (TALLY/R01–R08)", ErrPolicy, b)
}

// ParsePolicy reads a Policy from JSON, e.g.
// {"closing": "leave-out", "actions": {"TALLY/R02": "skip"}}; an unknown
// field or value is an error (ErrPolicy), never silently ignored.
func ParsePolicy(data []byte) (Policy, error) {
	var p Policy
	data, err := strictjson.Check(data)
	if err != nil {
		return Policy{}, fmt.Errorf("%w: %v", ErrPolicy, err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		if errors.Is(err, ErrPolicy) {
			return Policy{}, err
		}
		return Policy{}, fmt.Errorf("%w: %v", ErrPolicy, err)
	}
	// The decoder stops after the first value: text after it ("{}x", a
	// second object) is refused, not ignored.
	if _, err := dec.Token(); err != io.EOF {
		return Policy{}, fmt.Errorf("%w: data after the JSON value (byte %d)", ErrPolicy, dec.InputOffset())
	}
	return p, p.validate()
}
