package bieu

import (
	"strings"

	"github.com/baocaodinhky/vpcp/kstt"
)

// outlineBasis is the legal basis of the rules on the narrative's figures.
func outlineBasis(section string) string {
	return "Thông tư 01/2020/TT-VPCP, đề cương báo cáo mục " + section
}

// figureRule declares a report rule over narrative figures (and form
// totals): kind Matches (target = Σ terms) or AtMost (target ≤ Σ terms).
func figureRule(id kstt.RuleID, kind kstt.RuleKind, sev kstt.Severity, inferred bool, section, vi, en string, target kstt.Ref, terms ...kstt.Ref) kstt.Rule {
	r := kstt.Rule{ID: id, Kind: kind, Severity: sev, Inferred: inferred, Basis: outlineBasis(section),
		Meaning: vi, MeaningEN: en, Target: target, Terms: terms}
	if inferred {
		r.Basis += " (suy ra)"
	}
	names := make([]string, len(terms))
	for i, t := range terms {
		names[i] = refExpr(t)
	}
	op := " = "
	if kind == kstt.AtMost {
		op = " ≤ "
	}
	r.Expr = refExpr(target) + op + strings.Join(names, " + ")
	return r
}

// refExpr writes a ref in a rule's expression: a narrative key, or
// "II.08 Σ(4)" for a form's TỔNG CỘNG column.
func refExpr(r kstt.Ref) string {
	if r.Field != "" {
		return r.Field
	}
	return r.Form + " Σ(" + itoa(r.Col) + ")"
}

func fig(key string) kstt.Ref { return kstt.Ref{Field: key} }

// outlineRules are the report rules on the figures of the narrative's
// sections I.4, I.5, I.6 and I.12 (KSTT/R20 on), after the section I.6
// rules of reportRules.
func outlineRules() []kstt.Rule {
	rate := kstt.Rule{ID: "KSTT/R26", Kind: kstt.Percentage, Severity: kstt.Warning, Inferred: true, Places: 2,
		Basis:     outlineBasis("I.4") + " (định nghĩa tỷ lệ suy ra)",
		Expr:      "review.completion_rate = review.reviewed ÷ review.planned × 100",
		Meaning:   "tỷ lệ hoàn thành kế hoạch rà soát bằng số TTHC đã rà soát trên số TTHC cần rà soát theo Kế hoạch; bằng 0 khi Kế hoạch không có TTHC",
		MeaningEN: "the completion rate of the review plan is the procedures reviewed over those the plan requires, in %; 0 when the plan has none",
		Target:    fig("review.completion_rate"),
		Terms:     []kstt.Ref{fig("review.reviewed"), fig("review.planned")}}
	balance := figureRule("KSTT/R22", kstt.Matches, kstt.Warning, true, "I.5",
		"phản ánh, kiến nghị đã tiếp nhận bằng số đã xử lý cộng số đang xử lý",
		"feedback received equals feedback handled plus feedback in progress",
		fig("feedback.total"), fig("feedback.handled"), fig("feedback.in_progress"))
	balance.Note = "Phản ánh, kiến nghị chuyển cơ quan khác hoặc bị rút có thể làm lệch, cần xác nhận"
	balance.NoteEN = "feedback forwarded to another body or withdrawn can break it, confirm"
	files := figureRule("KSTT/R24", kstt.Matches, kstt.Warning, true, "I.6",
		"hồ sơ đã tiếp nhận bằng hồ sơ đã giải quyết cộng hồ sơ đang giải quyết (như Biểu II.06a (3) = (7) + (11))",
		"files received equal files resolved plus files pending (as II.06a (3) = (7) + (11))",
		fig("files.received"), fig("files.resolved"), fig("files.pending"))
	files.Note = "Hồ sơ trả lại hoặc rút có thể làm lệch, cần xác nhận"
	files.NoteEN = "returned or withdrawn files can break it, confirm"
	return []kstt.Rule{
		figureRule("KSTT/R20", kstt.Matches, kstt.Error, false, "I.5",
			"tổng số phản ánh, kiến nghị đã tiếp nhận bằng số tiếp nhận mới trong kỳ cộng số từ kỳ trước chuyển qua",
			"feedback received equals new feedback plus feedback carried over",
			fig("feedback.total"), fig("feedback.new"), fig("feedback.carried_over")),
		figureRule("KSTT/R21", kstt.Matches, kstt.Warning, true, "I.5",
			"tổng số phản ánh, kiến nghị bằng số về quy định hành chính cộng số về hành vi hành chính",
			"feedback received equals feedback on regulations plus feedback on conduct",
			fig("feedback.total"), fig("feedback.regulations"), fig("feedback.conduct")),
		balance,
		figureRule("KSTT/R23", kstt.AtMost, kstt.Error, false, "I.5",
			"số phản ánh, kiến nghị đã đăng tải công khai là một phần của số đã xử lý",
			"feedback published is part of the feedback handled",
			fig("feedback.published"), fig("feedback.handled")),
		files,
		figureRule("KSTT/R25", kstt.Matches, kstt.Warning, true, "I.4",
			"số TTHC đã rà soát bằng tổng các phương án giữ nguyên, bãi bỏ, sửa đổi bổ sung, thay thế",
			"procedures reviewed equal those kept, abolished, amended and replaced",
			fig("review.reviewed"), fig("review.kept"), fig("review.abolished"), fig("review.amended"), fig("review.replaced")),
		rate,
		figureRule("KSTT/R27", kstt.AtMost, kstt.Warning, true, "I.12",
			"số TTHC chưa cung cấp được toàn trình là một phần của số TTHC đã triển khai dịch vụ công trực tuyến",
			"procedures not yet fully online are part of those deployed online",
			fig("online.partial_only"), fig("online.deployed")),
		figureRule("KSTT/R28", kstt.Matches, kstt.Warning, true, "I.12 và Biểu số II.08/VPCP/KSTT",
			"số TTHC đã triển khai dịch vụ công trực tuyến (mục I.12) bằng số DVCTT toàn trình một phần và toàn trình đã triển khai ở Biểu II.08",
			"procedures deployed online (section I.12) equal the partly and fully online services deployed in II.08",
			fig("online.deployed"), kstt.Ref{Form: "II.08", Col: 4}, kstt.Ref{Form: "II.08", Col: 7}),
	}
}
