package tally

import (
	"fmt"
	"strings"
	"time"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/internal/vntext"
)

// Record is one case file (hồ sơ thủ tục hành chính) with the fields a
// one-stop system stores and the case logbook (Sổ theo dõi hồ sơ, Thông tư
// 01/2018/TT-VPCP, mẫu số 06) prints. Times are instants; the tally reads
// their calendar day in Policy.Location (Asia/Ho_Chi_Minh by default).
//
// A record is judged from its dates alone: Outcome says only how a file
// that has a Finished date ended. What the file's status is today never
// changes the report of a past period.
type Record struct {
	Code      string         // Mã hồ sơ (mã số hồ sơ), unique within the system
	Procedure string         // Tên thủ tục hành chính, or its code (mã TTHC)
	Field     string         // Lĩnh vực: the row of II.06a the file counts in
	Level     bieu.UnitLevel // Cấp: tỉnh, huyện or xã, the level row of II.06b and II.08
	Unit      string         // the unit (cơ quan, đơn vị) that resolves the file, when stored
	Channel   Channel        // Kênh / hình thức nộp: trực tuyến, trực tiếp, dịch vụ bưu chính công ích
	Service   Service        // for an online file: DVCTT toàn trình or một phần (Nghị định 42/2022/NĐ-CP, Điều 11)
	Received  time.Time      // Ngày tiếp nhận (ngày nhận hồ sơ)
	Due       time.Time      // Ngày hẹn trả kết quả
	Finished  time.Time      // Ngày trả kết quả / ngày có kết quả; zero while the file is open
	Outcome   Outcome        // how a finished file ended; ignored while Finished is zero
	Pauses    []Pause        // periods waiting for the applicant to supplement the file (yêu cầu bổ sung)
	Source    string         // where the record was read from (a file name), for findings; optional
	Row       int            // the row of the case list it was read from (1-based), 0 when not read from a file
}

// Pause is a period during which the file waited for the applicant to
// supplement it (yêu cầu bổ sung, hoàn thiện hồ sơ), from the request to the
// day the supplement arrived. A zero To means the file is still waiting.
type Pause struct {
	From, To time.Time
}

// Channel is how the file was submitted (Kênh tiếp nhận): the split of
// II.06a between column (4) Trực tuyến and column (5) Trực tiếp, dịch vụ
// bưu chính.
type Channel uint8

// Channels. ChannelUnknown is the zero value: a record with it is a
// finding (ProblemUnknownChannel).
const (
	ChannelUnknown Channel = iota
	Online                 // trực tuyến (nộp qua Cổng dịch vụ công): II.06a (4)
	Direct                 // trực tiếp tại Bộ phận Một cửa: II.06a (5)
	Postal                 // qua dịch vụ bưu chính công ích: II.06a (5)
)

var channelNames = [...]string{"", "trực tuyến", "trực tiếp", "dịch vụ bưu chính công ích"}

// String returns the channel as the forms say it: "trực tuyến", "trực
// tiếp", "dịch vụ bưu chính công ích"; "" when unknown.
func (c Channel) String() string {
	if int(c) < len(channelNames) {
		return channelNames[c]
	}
	return fmt.Sprintf("channel(%d)", uint8(c))
}

// MarshalText writes String.
func (c Channel) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText reads the channel the way case lists write it: "Trực
// tuyến", "Nộp trực tuyến", "online", "Trực tiếp", "Bưu chính", "BCCI",
// "Qua dịch vụ bưu chính công ích", in any case and Unicode form. A value
// that names what the file was not ("Không trực tuyến") or both an online
// and an offline channel ("Trực tuyến; trực tiếp") is ErrUnknownValue:
// II.06a column (4) or (5) cannot be told from it.
func (c *Channel) UnmarshalText(b []byte) error {
	ch, ok := parseChannel(string(b))
	if !ok {
		return fmt.Errorf("tally: %w: channel %q", ErrUnknownValue, b)
	}
	*c = ch
	return nil
}

// Service is the kind of online public service (dịch vụ công trực tuyến)
// an online file came through, Nghị định 42/2022/NĐ-CP, Điều 11: the split
// of II.08 between column (5) (một phần) and (8) (toàn trình).
type Service uint8

// Services. ServiceUnknown is the zero value; an online file with it is
// counted as Policy.OnlineService says (một phần by default).
const (
	ServiceUnknown Service = iota
	Partial                // DVCTT một phần: II.08 (5)
	Full                   // DVCTT toàn trình: II.08 (8)
)

// String returns "một phần", "toàn trình" or "".
func (s Service) String() string {
	switch s {
	case Partial:
		return "một phần"
	case Full:
		return "toàn trình"
	}
	return ""
}

// MarshalText writes String.
func (s Service) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads "toàn trình", "một phần", "DVCTT toàn trình",
// "mức độ 4" (the former name of toàn trình), "mức độ 3" (một phần). A
// value that opens with a negation ("Không toàn trình") or names both is
// ErrUnknownValue: the split of II.08 between toàn trình and một phần
// cannot be told from it.
func (s *Service) UnmarshalText(b []byte) error {
	sv, ok := parseService(string(b))
	if !ok {
		return fmt.Errorf("tally: %w: service %q", ErrUnknownValue, b)
	}
	*s = sv
	return nil
}

// Outcome is how a finished file ended (the status one-stop systems record
// with the finish date).
type Outcome uint8

// Outcomes. OutcomeNone is the zero value: a file with a Finished date and
// no outcome counts as Resolved.
const (
	OutcomeNone Outcome = iota
	Resolved            // đã giải quyết, đã trả kết quả
	Returned            // trả lại, từ chối giải quyết (không đủ điều kiện)
	Withdrawn           // công dân, tổ chức xin rút hồ sơ
	Stopped             // dừng xử lý (dừng giải quyết)
)

var outcomeNames = [...]string{"", "đã giải quyết", "trả lại", "xin rút", "dừng xử lý"}

// String returns "đã giải quyết", "trả lại", "xin rút", "dừng xử lý" or "".
func (o Outcome) String() string {
	if int(o) < len(outcomeNames) {
		return outcomeNames[o]
	}
	return fmt.Sprintf("outcome(%d)", uint8(o))
}

// MarshalText writes String.
func (o Outcome) MarshalText() ([]byte, error) { return []byte(o.String()), nil }

// UnmarshalText reads an outcome or a status as case lists write it: "Đã
// trả kết quả", "Hoàn thành", "Trả lại", "Từ chối", "Xin rút", "Dừng xử
// lý"; a status of an open file ("Đang xử lý", "Chờ bổ sung", "Mới tiếp
// nhận") reads as OutcomeNone.
func (o *Outcome) UnmarshalText(b []byte) error {
	oc, ok := parseOutcome(string(b))
	if !ok {
		return fmt.Errorf("tally: %w: status %q", ErrUnknownValue, b)
	}
	*o = oc
	return nil
}

// key folds a value for matching: NFC, spaces folded, lower case.
func key(s string) string { return vntext.Key(s) }

func parseChannel(s string) (Channel, bool) {
	k := key(s)
	switch {
	case k == "":
		return ChannelUnknown, true
	case negated(k):
		// "Không trực tuyến", "Không qua bưu chính": what the file was
		// is not said, only what it was not.
		return ChannelUnknown, false
	case containsAny(k, "trực tuyến", "online", "qua mạng") && containsAny(k, "trực tiếp", "tại quầy", "direct", "counter", "bưu chính", "bưu điện", "bcci", "postal"):
		// "Trực tuyến; trực tiếp", "Nộp trực tiếp hoặc trực tuyến": column
		// (4) or (5) of II.06a cannot be told. (Trực tiếp with bưu chính
		// both count in column (5) and read as bưu chính.)
		return ChannelUnknown, false
	case containsAny(k, "trực tuyến", "online", "dịch vụ công", "dvc", "cổng", "qua mạng", "điện tử"):
		return Online, true
	case containsAny(k, "bưu chính", "bưu điện", "bcci", "postal", "post"):
		return Postal, true
	case containsAny(k, "trực tiếp", "tại quầy", "một cửa", "direct", "counter"):
		return Direct, true
	}
	return ChannelUnknown, false
}

func parseService(s string) (Service, bool) {
	k := key(s)
	switch {
	case k == "":
		return ServiceUnknown, true
	case negated(k), containsAny(k, "một phần", "mức độ 3", "mức 3", "partial") && containsAny(k, "toàn trình", "mức độ 4", "mức 4", "full"):
		// "Không toàn trình", "Toàn trình hoặc một phần": which it was
		// cannot be told.
		return ServiceUnknown, false
	case containsAny(k, "một phần", "mức độ 3", "mức 3", "partial"):
		return Partial, true
	case containsAny(k, "toàn trình", "mức độ 4", "mức 4", "full"):
		return Full, true
	}
	return ServiceUnknown, false
}

func parseOutcome(s string) (Outcome, bool) {
	k := key(s)
	switch {
	case k == "":
		return OutcomeNone, true
	case containsAny(k, "tạm dừng", "tạm ngừng"):
		return OutcomeNone, true // paused while the applicant supplements: still open
	case containsAny(k, "rút"), k == "withdrawn":
		return Withdrawn, true
	case containsAny(k, "dừng", "stopped"):
		return Stopped, true
	case containsAny(k, "trả lại", "từ chối", "không giải quyết", "không đủ điều kiện", "returned", "refused"):
		return Returned, true
	case containsAny(k, "đang", "chờ", "bổ sung", "mới tiếp nhận", "chưa", "pending", "open", "tạm dừng"):
		return OutcomeNone, true
	case containsAny(k, "đã trả", "đã giải quyết", "đã xử lý", "hoàn thành", "có kết quả", "trả kết quả", "resolved", "done"):
		return Resolved, true
	}
	return OutcomeNone, false
}

// negated reports a folded value that opens with a negation ("không …",
// "chưa …", "not …", "non-…").
func negated(k string) bool {
	for _, p := range [...]string{"không ", "chưa ", "not ", "non-", "non "} {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

func containsAny(k string, subs ...string) bool {
	for _, s := range subs {
		if strings.Contains(k, s) {
			return true
		}
	}
	return false
}
