// Package outline models the narrative report a unit files with its forms:
// the outline (đề cương) of the periodic report on administrative-procedure
// control of Thông tư 01/2020/TT-VPCP (Điều 4, Phụ lục I) — heading, the
// thirteen sections of part I with their figures as typed fields, parts II
// and III, the recipients and the signature — and how its figures are
// written and printed (Narrative.WriteText). It has one job and depends on
// nothing of the module but package period: the report rules of package
// kstt read the figures by key (Narrative.Figure), and kstt.WriteNarrative
// prints a report's narrative with the report's period.
package outline

import (
	"slices"

	"github.com/shopspring/decimal"
)

// Narrative is the narrative report itself, the part of a Report that is
// not a form: it follows the outline (đề cương) of the periodic report on
// administrative-procedure control of Thông tư 01/2020/TT-VPCP (Điều 4 and
// Phụ lục I, as a provincial guide words it; the Sở Ngoại vụ report of
// examples/quickstart follows it): a heading, part I with its thirteen numbered sections
// (I.1–I.13), part II (general assessment), part III (the next period's
// tasks), the recipients (Nơi nhận) and the signature block, laid out as
// Nghị định 30/2020/NĐ-CP (công tác văn thư) prescribes for an
// administrative document.
//
// The sections that state figures keep them as typed fields (Impact,
// Review, Feedback, Files, OneStop, Online), so the report rules (KSTT/…)
// can check them against each other and against the forms; Figure and
// DecimalFigure read them by key. The prose of each section is text
// (Sections). Every field is optional: rules that read a figure the
// narrative does not state are skipped.
type Narrative struct {
	// PeriodText is the period as the heading writes it, under the title,
	// e.g. "(Từ ngày 15/3/2023 – 14/6/2024)" — which may be wrong: rule
	// KSTT/R02 checks it is a Nghị định 09/2019/NĐ-CP, Điều 12 period and
	// the forms' period.
	PeriodText string `json:"period_text,omitempty"`
	// Files holds the figures of section I.6 (Tình hình, kết quả giải quyết
	// TTHC), which repeat the TỔNG CỘNG row of Biểu II.06a.
	Files *FileFigures `json:"files,omitempty"`

	// Heading is the document's heading: number and symbol, place and date,
	// title (Nghị định 30/2020/NĐ-CP, Điều 8 and Phụ lục I).
	Heading *Heading `json:"heading,omitempty"`
	// Preamble is the opening paragraph citing the basis of the report
	// ("Thực hiện Thông tư số 01/2020/TT-VPCP …").
	Preamble string `json:"preamble,omitempty"`
	// Sections holds the title (when the report words it differently from
	// SectionTitle) and the prose of the numbered sections of part I, TÌNH
	// HÌNH, KẾT QUẢ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH, in order.
	Sections []Section `json:"sections,omitempty"`
	// Impact holds the figures of section I.1, impact assessment of the
	// procedures in draft legal documents.
	Impact *ImpactFigures `json:"impact,omitempty"`
	// Review holds the figures of section I.4, review and simplification.
	Review *ReviewFigures `json:"review,omitempty"`
	// Feedback holds the figures of section I.5, feedback and petitions
	// (phản ánh, kiến nghị) on regulations and procedures.
	Feedback *FeedbackFigures `json:"feedback,omitempty"`
	// OneStop holds the figures of section I.7, the one-stop mechanism.
	OneStop *OneStopFigures `json:"one_stop,omitempty"`
	// Online holds the figures of section I.12, online public services.
	Online *OnlineFigures `json:"online,omitempty"`
	// Assessment is part II, ĐÁNH GIÁ CHUNG: paragraphs.
	Assessment []string `json:"assessment,omitempty"`
	// Tasks is part III, PHƯƠNG HƯỚNG NHIỆM VỤ CHỦ YẾU of the next period:
	// the tasks, numbered 1, 2, … when printed. The part's title names the
	// period after the report's (period.Period.Next).
	Tasks []string `json:"tasks,omitempty"`
	// Closing is the closing sentence ("Trên đây là báo cáo …/.").
	Closing string `json:"closing,omitempty"`
	// Recipients is Nơi nhận, one entry per line as written but without the
	// leading dash and the trailing ";" or "." a printer adds
	// (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.9), e.g. "Lưu: VT, VPTr".
	Recipients []string `json:"recipients,omitempty"`
	// Signature is the signature block.
	Signature *Signature `json:"signature,omitempty"`
}

// Heading is the heading of the narrative report (Nghị định 30/2020/NĐ-CP,
// Điều 8 and Phụ lục I: số và ký hiệu, địa danh và thời gian ban hành, tên
// loại và trích yếu nội dung). The period under the title is
// Narrative.PeriodText.
type Heading struct {
	// Authority is the governing body printed above the issuer (cơ quan
	// chủ quản), e.g. "UBND TỈNH HÀ TĨNH"; empty when not printed.
	Authority string `json:"authority,omitempty"`
	// Issuer is the issuing body (cơ quan ban hành), e.g. "SỞ NGOẠI VỤ";
	// empty when not printed.
	Issuer string `json:"issuer,omitempty"`
	// Number is the document number; empty while the document is a draft
	// not yet registered (the seed prints "Số: /BC-SNgV").
	Number string `json:"number,omitempty"`
	// Symbol is the document symbol after the slash, e.g. "BC-SNgV".
	Symbol string `json:"symbol,omitempty"`
	// Place is the place name before the date, e.g. "Hà Tĩnh".
	Place string `json:"place,omitempty"`
	// Date is the date of issue; parts left blank for the signer to fill
	// are zero (the seed prints "ngày tháng 6 năm 2024").
	Date DocDate `json:"date,omitzero"`
	// Title is the subject (trích yếu) under "BÁO CÁO", e.g. "Công tác
	// kiểm soát thủ tục hành chính, …".
	Title string `json:"title,omitempty"`
}

// DocDate is the date of issue as a document writes it, where any part may
// be left blank (zero) to be filled in by hand when the document is signed
// (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.4).
type DocDate struct {
	Day   int `json:"day,omitempty"`
	Month int `json:"month,omitempty"`
	Year  int `json:"year,omitempty"`
}

// Section is one numbered section of part I of the outline: its number (1
// to 13), its title when the report words it otherwise than SectionTitle,
// and its prose, paragraph by paragraph. The figures of the sections that
// have them are typed fields of Narrative.
type Section struct {
	No    int      `json:"no"`
	Title string   `json:"title,omitempty"`
	Text  []string `json:"text,omitempty"`
}

// ImpactFigures are the figures of section I.1 of the outline, Đánh giá
// tác động TTHC quy định tại dự thảo văn bản quy phạm pháp luật
// (Thông tư 01/2020/TT-VPCP, đề cương báo cáo mục I.1).
type ImpactFigures struct {
	Assessed       int64 `json:"assessed"`        // Số lượng TTHC đã được đánh giá tác động trong kỳ báo cáo
	IssuedAssessed int64 `json:"issued_assessed"` // Số lượng TTHC được ban hành trong kỳ báo cáo đã được đánh giá tác động
}

// ReviewFigures are the figures of section I.4 of the outline, Rà soát, đơn
// giản hóa TTHC (Thông tư 01/2020/TT-VPCP, đề cương báo cáo mục I.4). The
// money and the rates are decimals: MoneySaved in đồng, the rates in per
// cent (33.33 means 33.33 %).
type ReviewFigures struct {
	Planned    int64 `json:"planned"`    // Tổng số TTHC cần rà soát, đơn giản hóa theo Kế hoạch
	Reviewed   int64 `json:"reviewed"`   // Tổng số TTHC đã được rà soát, thông qua phương án đơn giản hóa
	Kept       int64 `json:"kept"`       // Phương án đơn giản hóa: số TTHC giữ nguyên
	Abolished  int64 `json:"abolished"`  // … số TTHC bãi bỏ
	Amended    int64 `json:"amended"`    // … số TTHC sửa đổi, bổ sung
	Replaced   int64 `json:"replaced"`   // … số TTHC thay thế
	Linked     int64 `json:"linked"`     // … số TTHC liên thông
	Electronic int64 `json:"electronic"` // … số TTHC có giải pháp để thực hiện trên môi trường điện tử

	MoneySaved     decimal.Decimal `json:"money_saved"`      // Số tiền tiết kiệm được (đồng)
	CostSavingRate decimal.Decimal `json:"cost_saving_rate"` // Tỷ lệ chi phí tiết kiệm được (%)
	CompletionRate decimal.Decimal `json:"completion_rate"`  // Tỷ lệ hoàn thành kế hoạch rà soát, đơn giản hóa (%) = Reviewed ÷ Planned × 100 (inferred)
}

// FeedbackFigures are the figures of section I.5 of the outline, Tiếp
// nhận, xử lý phản ánh, kiến nghị về quy định, TTHC (Thông tư
// 01/2020/TT-VPCP, đề cương báo cáo mục I.5; Nghị định 20/2008/NĐ-CP).
//
// Total is a pointer because reports often write the line "Tổng số phản
// ánh, kiến nghị đã tiếp nhận trong kỳ báo cáo, trong đó: …" without the
// number (the seed does): nil means not stated, and the rules that read it
// are skipped. Set it with new(int64(n)).
type FeedbackFigures struct {
	Total       *int64 `json:"total,omitempty"` // Tổng số phản ánh, kiến nghị đã tiếp nhận trong kỳ báo cáo
	New         int64  `json:"new"`             // Số tiếp nhận mới trong kỳ
	CarriedOver int64  `json:"carried_over"`    // số từ kỳ trước chuyển qua
	Regulations int64  `json:"regulations"`     // số phản ánh, kiến nghị về quy định hành chính
	Conduct     int64  `json:"conduct"`         // số phản ánh, kiến nghị về hành vi hành chính
	Handled     int64  `json:"handled"`         // Số phản ánh, kiến nghị đã xử lý
	Published   int64  `json:"published"`       // trong đó số đã được đăng tải công khai
	InProgress  int64  `json:"in_progress"`     // Số phản ánh, kiến nghị đang xử lý
}

// OneStopFigures are the figures of section I.7 of the outline, Triển khai
// cơ chế một cửa, một cửa liên thông trong giải quyết TTHC (Thông tư
// 01/2020/TT-VPCP, đề cương báo cáo mục I.7; Nghị định 61/2018/NĐ-CP).
type OneStopFigures struct {
	// SurveyResponses is the number of opinions collected when measuring
	// the satisfaction of people and organisations with the handling of
	// procedures (the seed: "với 18 ý kiến khách hàng").
	SurveyResponses int64 `json:"survey_responses"`
}

// OnlineFigures are the figures of section I.12 of the outline as the
// provincial guide words it, Về rà soát, cập nhật, đẩy mạnh triển khai,
// cung cấp 100% dịch vụ công đủ trực tuyến toàn trình (Nghị định
// 42/2022/NĐ-CP, Điều 11).
type OnlineFigures struct {
	// Deployed is the number of procedures within the unit's competence
	// deployed as online public services, fully or partly (the seed: "05
	// thủ tục hành chính … đã được triển khai"). It should equal Biểu II.08
	// Σ(4) + Σ(7) (rule KSTT/R28).
	Deployed int64 `json:"deployed"`
	// PartialOnly is the number of those that cannot yet be offered fully
	// online (the seed: "có 04 thủ tục hành chính … phải liên thông Cục Lãnh
	// sự").
	PartialOnly int64 `json:"partial_only"`
}

// Signature is the signature block (Nghị định 30/2020/NĐ-CP, Điều 8 khoản
// 7 and Phụ lục I: quyền hạn, chức vụ, họ tên của người ký): "KT. GIÁM
// ĐỐC" / "PHÓ GIÁM ĐỐC" / the name.
type Signature struct {
	Authority string `json:"authority,omitempty"` // quyền hạn: "KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN"; empty when the head signs
	Title     string `json:"title"`               // chức vụ: "PHÓ GIÁM ĐỐC"
	Name      string `json:"name"`                // họ và tên: "Ngô Thị Hoài Nam"
}

// FileFigures are the figures of section I.6 of the report outline
// (Tình hình, kết quả giải quyết TTHC), which must equal the TỔNG CỘNG row
// of Biểu II.06a.
type FileFigures struct {
	Received       int64 `json:"received"`        // Tổng số hồ sơ TTHC đã tiếp nhận — II.06a (3)
	New            int64 `json:"new"`             // Số mới tiếp nhận trong kỳ — II.06a (4)+(5)
	Online         int64 `json:"online"`          // trực tuyến — II.06a (4)
	Direct         int64 `json:"direct"`          // trực tiếp và qua dịch vụ bưu chính — II.06a (5)
	CarriedOver    int64 `json:"carried_over"`    // số từ kỳ trước chuyển qua — II.06a (6)
	Resolved       int64 `json:"resolved"`        // Số lượng hồ sơ đã giải quyết — II.06a (7)
	Early          int64 `json:"early"`           // giải quyết trước hạn — II.06a (8)
	OnTime         int64 `json:"on_time"`         // đúng hạn — II.06a (9)
	Late           int64 `json:"late"`            // quá hạn — II.06a (10)
	Pending        int64 `json:"pending"`         // Số lượng hồ sơ đang giải quyết — II.06a (11)
	PendingOnTime  int64 `json:"pending_on_time"` // trong hạn — II.06a (12)
	PendingOverdue int64 `json:"pending_overdue"` // quá hạn — II.06a (13)
}

// SectionCount is the number of numbered sections of part I of the outline
// (I.1–I.13).
const SectionCount = 13

// SectionTitle returns the title of section n (1–13) of part I of the
// outline as the seed report words it (Thông tư 01/2020/TT-VPCP, đề cương
// báo cáo, mục I, in the wording of the provincial guide the seed follows;
// section 12 is the guide's addition), or "" for another n.
func SectionTitle(n int) string {
	switch n {
	case 1:
		return "Đánh giá tác động TTHC quy định tại dự thảo văn bản quy phạm pháp luật"
	case 2:
		return "Thẩm định, thẩm tra TTHC quy định tại dự thảo văn bản QPPL"
	case 3:
		return "Công bố, công khai TTHC, danh mục TTHC"
	case 4:
		return "Rà soát, đơn giản hóa TTHC"
	case 5:
		return "Tiếp nhận, xử lý phản ánh, kiến nghị về quy định, TTHC"
	case 6:
		return "Tình hình, kết quả giải quyết TTHC"
	case 7:
		return "Triển khai cơ chế một cửa, một cửa liên thông trong giải quyết TTHC"
	case 8:
		return "Thực hiện TTHC trên môi trường điện tử"
	case 9:
		return "Truyền thông hỗ trợ hoạt động kiểm soát TTHC"
	case 10:
		return "Nghiên cứu, đề xuất sáng kiến cải cách TTHC"
	case 11:
		return "Kiểm tra thực hiện kiểm soát TTHC"
	case 12:
		return "Về rà soát, cập nhật, đẩy mạnh triển khai, cung cấp 100% dịch vụ công đủ trực tuyến toàn trình"
	case 13:
		return "Nội dung khác"
	}
	return ""
}

// Part titles of the outline (Thông tư 01/2020/TT-VPCP, đề cương báo cáo).
const (
	PartITitle  = "TÌNH HÌNH, KẾT QUẢ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH"
	PartIITitle = "ĐÁNH GIÁ CHUNG"
	// PartIIITitle is followed by the next period in capitals: "…
	// QUÝ III NĂM 2024".
	PartIIITitle = "PHƯƠNG HƯỚNG NHIỆM VỤ CHỦ YẾU"
	// DocumentKind is the kind of document printed above the title
	// (tên loại văn bản, Nghị định 30/2020/NĐ-CP).
	DocumentKind = "BÁO CÁO"
)

// Section returns section n of part I as the narrative holds it, and false
// when the narrative has no entry for it.
func (n *Narrative) Section(no int) (Section, bool) {
	if n == nil {
		return Section{}, false
	}
	for _, s := range n.Sections {
		if s.No == no {
			return s, true
		}
	}
	return Section{}, false
}

// figureKeys lists the keys Narrative.Figure accepts, in outline order
// (the section I.6 keys first: they were the first ones and stay first).
var figureKeys = [...]string{
	"files.received", "files.new", "files.online", "files.direct", "files.carried_over",
	"files.resolved", "files.early", "files.on_time", "files.late",
	"files.pending", "files.pending_on_time", "files.pending_overdue",
	"impact.assessed", "impact.issued_assessed",
	"review.planned", "review.reviewed", "review.kept", "review.abolished", "review.amended",
	"review.replaced", "review.linked", "review.electronic",
	"feedback.total", "feedback.new", "feedback.carried_over", "feedback.regulations",
	"feedback.conduct", "feedback.handled", "feedback.published", "feedback.in_progress",
	"one_stop.survey_responses",
	"online.deployed", "online.partial_only",
}

// decimalKeys lists the keys Narrative.DecimalFigure accepts.
var decimalKeys = [...]string{"review.money_saved", "review.cost_saving_rate", "review.completion_rate"}

// FigureKeys returns the keys Narrative.Figure accepts, in outline order:
// "files.*" (section I.6), "impact.*" (I.1), "review.*" (I.4),
// "feedback.*" (I.5), "one_stop.*" (I.7) and "online.*" (I.12).
func FigureKeys() []string { return append([]string(nil), figureKeys[:]...) }

// DecimalFigureKeys returns the keys Narrative.DecimalFigure accepts: the
// money saved and the rates of section I.4.
func DecimalFigureKeys() []string { return append([]string(nil), decimalKeys[:]...) }

// Figure returns the whole-number narrative figure named key (see
// FigureKeys), and false when the narrative does not state it.
func (n *Narrative) Figure(key string) (int64, bool) {
	if n == nil {
		return 0, false
	}
	if f := n.Files; f != nil {
		switch key {
		case "files.received":
			return f.Received, true
		case "files.new":
			return f.New, true
		case "files.online":
			return f.Online, true
		case "files.direct":
			return f.Direct, true
		case "files.carried_over":
			return f.CarriedOver, true
		case "files.resolved":
			return f.Resolved, true
		case "files.early":
			return f.Early, true
		case "files.on_time":
			return f.OnTime, true
		case "files.late":
			return f.Late, true
		case "files.pending":
			return f.Pending, true
		case "files.pending_on_time":
			return f.PendingOnTime, true
		case "files.pending_overdue":
			return f.PendingOverdue, true
		}
	}
	if f := n.Impact; f != nil {
		switch key {
		case "impact.assessed":
			return f.Assessed, true
		case "impact.issued_assessed":
			return f.IssuedAssessed, true
		}
	}
	if f := n.Review; f != nil {
		switch key {
		case "review.planned":
			return f.Planned, true
		case "review.reviewed":
			return f.Reviewed, true
		case "review.kept":
			return f.Kept, true
		case "review.abolished":
			return f.Abolished, true
		case "review.amended":
			return f.Amended, true
		case "review.replaced":
			return f.Replaced, true
		case "review.linked":
			return f.Linked, true
		case "review.electronic":
			return f.Electronic, true
		}
	}
	if f := n.Feedback; f != nil {
		switch key {
		case "feedback.total":
			if f.Total == nil {
				return 0, false
			}
			return *f.Total, true
		case "feedback.new":
			return f.New, true
		case "feedback.carried_over":
			return f.CarriedOver, true
		case "feedback.regulations":
			return f.Regulations, true
		case "feedback.conduct":
			return f.Conduct, true
		case "feedback.handled":
			return f.Handled, true
		case "feedback.published":
			return f.Published, true
		case "feedback.in_progress":
			return f.InProgress, true
		}
	}
	if f := n.OneStop; f != nil && key == "one_stop.survey_responses" {
		return f.SurveyResponses, true
	}
	if f := n.Online; f != nil {
		switch key {
		case "online.deployed":
			return f.Deployed, true
		case "online.partial_only":
			return f.PartialOnly, true
		}
	}
	return 0, false
}

// DecimalFigure returns the decimal narrative figure named key (see
// DecimalFigureKeys), and false when the narrative does not state it.
func (n *Narrative) DecimalFigure(key string) (decimal.Decimal, bool) {
	if n == nil || n.Review == nil {
		return decimal.Zero, false
	}
	switch key {
	case "review.money_saved":
		return n.Review.MoneySaved, true
	case "review.cost_saving_rate":
		return n.Review.CostSavingRate, true
	case "review.completion_rate":
		return n.Review.CompletionRate, true
	}
	return decimal.Zero, false
}

// IsFigureKey reports whether key names a whole-number figure of the
// narrative (FigureKeys).
func IsFigureKey(key string) bool { return slices.Contains(figureKeys[:], key) }

// IsDecimalKey reports whether key names a decimal figure of the
// narrative (DecimalFigureKeys).
func IsDecimalKey(key string) bool { return slices.Contains(decimalKeys[:], key) }
