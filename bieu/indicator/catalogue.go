package indicator

import (
	"slices"

	"github.com/baocaodinhky/vpcp/kstt"
)

// Decision766 group names (Quyết định 766/QĐ-TTg, inferred correspondence).
const (
	// GroupProgress is the group on the progress of resolving files.
	GroupProgress = "Tiến độ giải quyết"
	// GroupOnline is the group on online public services.
	GroupOnline = "Dịch vụ trực tuyến"
)

const tt01 = "Thông tư 01/2020/TT-VPCP, "

func cols(part string, nums ...int) []kstt.Ref {
	out := make([]kstt.Ref, len(nums))
	for i, n := range nums {
		out[i] = kstt.Ref{Part: part, Col: n}
	}
	return out
}

var ii06 = []string{"II.06a", "II.06b"}

// catalogue is the indicator catalogue, in the order offices publish:
// II.06a's (and II.06b's, the same columns), II.07b's, II.08's.
var catalogue = []*Indicator{
	{
		ID: "II.06a/ON_TIME", Forms: ii06, Num: cols("", 8, 9), Den: cols("", 7), Places: 2,
		Name:        "Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn",
		NameEN:      "Files resolved early or on time",
		Basis:       tt01 + "Biểu số II.06a/VPCP/KSTT, cột (7), (8), (9); tỷ lệ “trước và đúng hạn” các cơ quan công bố",
		Decision766: GroupProgress,
	},
	{
		ID: "II.06a/LATE", Forms: ii06, Num: cols("", 10), Den: cols("", 7), Places: 2, LowerIsBetter: true,
		Name:        "Tỷ lệ hồ sơ giải quyết quá hạn",
		NameEN:      "Files resolved late",
		Basis:       tt01 + "Biểu số II.06a/VPCP/KSTT, cột (7), (10)",
		Decision766: GroupProgress,
	},
	{
		ID: "II.06a/ONLINE", Forms: ii06, Num: cols("", 4), Den: cols("", 4, 5), Places: 2,
		Name:        "Tỷ lệ hồ sơ tiếp nhận trực tuyến",
		NameEN:      "Files received online",
		Basis:       tt01 + "Biểu số II.06a/VPCP/KSTT, cột (4), (5): hồ sơ mới tiếp nhận trong kỳ",
		Decision766: GroupOnline,
	},
	{
		ID: "II.06a/PENDING_OVERDUE", Forms: ii06, Num: cols("", 13), Den: cols("", 11), Places: 2, LowerIsBetter: true,
		Name:        "Tỷ lệ hồ sơ đang giải quyết quá hạn",
		NameEN:      "Pending files past their deadline",
		Basis:       tt01 + "Biểu số II.06a/VPCP/KSTT, cột (11), (13)",
		Decision766: GroupProgress,
	},
	{
		ID: "II.06a/RESOLVED", Forms: ii06, Num: cols("", 7), Den: cols("", 3), Places: 2, Inferred: true,
		Name:   "Tỷ lệ hồ sơ đã giải quyết",
		NameEN: "Files resolved (completion)",
		Basis:  tt01 + "Biểu số II.06a/VPCP/KSTT, cột (3), (7): tỷ lệ hoàn thành mà các phần mềm tổng hợp của địa phương tính (suy ra)",
	},
	{
		ID: "II.06a/PENDING_ON_TIME", Forms: ii06, Num: cols("", 12), Den: cols("", 11), Places: 2, Inferred: true,
		Name:   "Tỷ lệ hồ sơ đang giải quyết trong hạn",
		NameEN: "Pending files within their deadline",
		Basis:  tt01 + "Biểu số II.06a/VPCP/KSTT, cột (11), (12) (suy ra)",
	},
	{
		ID: "II.07b/ONE_STOP", Forms: []string{"II.07b"}, Num: cols("I", 7), Den: cols("I", 3), Places: 2, Inferred: true,
		Name:   "Tỷ lệ TTHC thực hiện theo cơ chế một cửa, một cửa liên thông",
		NameEN: "Procedures under the one-stop mechanism",
		Basis:  tt01 + "Biểu số II.07b/VPCP/KSTT, Phần I, cột (3), (7) (suy ra; TTHC của bộ, ngành tiếp nhận tại địa phương có thể làm tỷ lệ vượt 100%)",
	},
	{
		ID: "II.07b/PROCESS", Forms: []string{"II.07b"}, Num: cols("I", 11), Den: cols("I", 7), Places: 2, Inferred: true,
		Name:   "Tỷ lệ TTHC có quy trình nội bộ được ban hành",
		NameEN: "One-stop procedures with an internal process issued",
		Basis:  tt01 + "Biểu số II.07b/VPCP/KSTT, Phần I, cột (7), (11) (suy ra)",
	},
	{
		ID: "II.07b/ON_SPOT_PROVINCE", Forms: []string{"II.07b"}, Num: cols("II", 3), Den: cols("I", 8), Places: 2, Inferred: true,
		Name:   "Tỷ lệ TTHC cấp tỉnh thực hiện “4 tại chỗ”",
		NameEN: "Provincial one-stop procedures done “4 tại chỗ”",
		Basis:  tt01 + "Biểu số II.07b/VPCP/KSTT, Phần II cột (4) (định nghĩa suy ra), không có giá trị khi Phần I (8) bằng 0",
	},
	{
		ID: "II.07b/ON_SPOT_DISTRICT", Forms: []string{"II.07b"}, Num: cols("II", 5), Den: cols("I", 9), Places: 2, Inferred: true,
		Name:   "Tỷ lệ TTHC cấp huyện thực hiện “4 tại chỗ”",
		NameEN: "District one-stop procedures done “4 tại chỗ”",
		Basis:  tt01 + "Biểu số II.07b/VPCP/KSTT, Phần II cột (6) (định nghĩa suy ra), không có giá trị khi Phần I (9) bằng 0",
	},
	{
		ID: "II.08/FULL_DEPLOYED", Forms: []string{"II.08"}, Num: cols("", 7), Den: cols("", 6), Places: 2, Inferred: true,
		Name:        "Tỷ lệ DVCTT toàn trình đã triển khai trên số được giao",
		NameEN:      "Full online services deployed of those assigned",
		Basis:       tt01 + "Biểu số II.08/VPCP/KSTT, cột (6), (7) (suy ra)",
		Decision766: GroupOnline,
	},
	{
		ID: "II.08/PARTIAL_DEPLOYED", Forms: []string{"II.08"}, Num: cols("", 4), Den: cols("", 3), Places: 2, Inferred: true,
		Name:   "Tỷ lệ DVCTT một phần đã triển khai trên số được giao",
		NameEN: "Partial online services deployed of those assigned",
		Basis:  tt01 + "Biểu số II.08/VPCP/KSTT, cột (3), (4) (suy ra)",
	},
	{
		ID: "II.08/FULL_SHARE", Forms: []string{"II.08"}, Num: cols("", 7), Den: cols("", 4, 7), Places: 2, Inferred: true,
		Name:        "Tỷ lệ DVCTT toàn trình trên tổng số DVCTT đã triển khai",
		NameEN:      "Full online services among those deployed",
		Basis:       tt01 + "Biểu số II.08/VPCP/KSTT, cột (4), (7) (suy ra)",
		Decision766: GroupOnline,
	},
	{
		ID: "II.08/FULL_FILES", Forms: []string{"II.08"}, Num: cols("", 8), Den: cols("", 5, 8), Places: 2, Inferred: true,
		Name:        "Tỷ lệ hồ sơ phát sinh qua DVCTT toàn trình",
		NameEN:      "Online files arising in full online services",
		Basis:       tt01 + "Biểu số II.08/VPCP/KSTT, cột (5), (8) (suy ra)",
		Decision766: GroupOnline,
	},
}

// All returns the catalogue, in the order offices publish: II.06a's (which
// II.06b shares), II.07b's, II.08's. The indicators are copies: changing
// them changes nothing here.
func All() []Indicator {
	out := make([]Indicator, len(catalogue))
	for i, ind := range catalogue {
		out[i] = clone(ind)
	}
	return out
}

// Lookup returns the indicator with this ID, or false.
func Lookup(id string) (Indicator, bool) {
	for _, ind := range catalogue {
		if ind.ID == id {
			return clone(ind), true
		}
	}
	return Indicator{}, false
}

// For returns the indicators that read the form with this code, in
// catalogue order.
func For(code string) []Indicator {
	var out []Indicator
	for _, ind := range catalogue {
		if ind.AppliesTo(code) {
			out = append(out, clone(ind))
		}
	}
	return out
}

func clone(ind *Indicator) Indicator {
	c := *ind
	c.Forms = slices.Clone(ind.Forms)
	c.Num = slices.Clone(ind.Num)
	c.Den = slices.Clone(ind.Den)
	return c
}
