package bieu

import (
	"strconv"
	"strings"
	"sync"

	"github.com/baocaodinhky/vpcp/kstt"
)

func itoa(n int) string { return strconv.Itoa(n) }

// basis starts the legal basis of the rules of Thông tư 01/2020/TT-VPCP.
const basis = "Thông tư 01/2020/TT-VPCP, "

// Official returns the catalogue of the official forms of Thông tư
// 01/2020/TT-VPCP this package implements (II.06a, II.06b — the roll-up by
// level, its layout inferred —, II.07b, II.08) with the
// report-level rules that relate them. Each call returns a new value with
// its own copies of the declarations: change it freely (add a local form,
// drop or tighten a rule) without affecting other callers or the forms'
// own Spec, which is shared and must be treated as read-only.
func Official() *kstt.Catalogue {
	c := &kstt.Catalogue{
		Forms: []*kstt.FormSpec{specII06a.Clone(), specII06b.Clone(), specII07b.Clone(), specII08.Clone()},
		New: map[string]func() kstt.Form{
			"II.06a": func() kstt.Form { return new(II06a) },
			"II.06b": func() kstt.Form { return new(II06b) },
			"II.07b": func() kstt.Form { return new(II07b) },
			"II.08":  func() kstt.Form { return new(II08) },
		},
		Report: reportRules(),
		Checks: append(twoLevelChecks(), duplicateCheck()),
	}
	return c
}

// Rules lists every rule of the official catalogue, form rules then report
// rules and checks, in a stable order, then the edition notice KSTT/R40.
func Rules() []kstt.Rule { return DefaultEditions().Rules() }

// Check checks a whole report against the official catalogue: every form's
// rules and the report rules (KSTT/…). See kstt.Catalogue.Check. A report
// whose period no known edition covers (one that ends from 15/02/2026,
// under Thông tư 5/2025/TT-VPCP) is checked against Thông tư
// 01/2020/TT-VPCP all the same, with the Info finding KSTT/R40 that says
// so (Editions.Check).
func Check(r *kstt.Report, opts kstt.CheckOptions) (kstt.Findings, error) {
	return defaultEditions().Check(r, opts)
}

// defaultEditions is DefaultEditions built once, for Check: it is never
// handed out, so nothing changes it, and the declarations of its
// catalogues are compiled once for every report checked.
var defaultEditions = sync.OnceValue(DefaultEditions)

// DecodeReport reads a report written by kstt.Report.MarshalJSON, with its
// forms typed as II06a, II07b and II08.
func DecodeReport(data []byte) (*kstt.Report, error) { return Official().DecodeReport(data) }

// DecodeReportWith is DecodeReport with bounds (kstt.DecodeOptions: the
// rows of a form). Like DecodeReport it is strict: a misspelt field, at
// any level, is a *kstt.JSONError naming its JSON pointer
// ("/forms/0/form/rows/3/recieved"); so are a member name twice, invalid
// UTF-8 and a lone surrogate.
func DecodeReportWith(data []byte, opts kstt.DecodeOptions) (*kstt.Report, error) {
	return Official().DecodeReportWith(data, opts)
}

const reportBasis = "Thông tư 01/2020/TT-VPCP; Nghị định 09/2019/NĐ-CP, Điều 12"

func narrativeRule(id kstt.RuleID, field string, cols ...int) kstt.Rule {
	r := kstt.Rule{ID: id, Kind: kstt.Matches, Severity: kstt.Error,
		Basis:     "Thông tư 01/2020/TT-VPCP, đề cương báo cáo mục I.6 và Biểu số II.06a/VPCP/KSTT",
		Meaning:   "số liệu mục I.6 của báo cáo bằng dòng TỔNG CỘNG của Biểu II.06a; một trong hai bị sai",
		MeaningEN: "the figure of section I.6 of the report equals the TỔNG CỘNG row of II.06a; one of the two is wrong",
		Target:    kstt.Ref{Field: field}}
	sums := make([]string, len(cols))
	for i, c := range cols {
		r.Terms = append(r.Terms, kstt.Ref{Form: "II.06a", Col: c})
		sums[i] = "II.06a Σ(" + itoa(c) + ")"
	}
	r.Expr = field + " = " + strings.Join(sums, " + ")
	return r
}

func narrativeSum(id kstt.RuleID, target string, terms ...string) kstt.Rule {
	r := kstt.Rule{ID: id, Kind: kstt.Matches, Severity: kstt.Error,
		Basis:     "Thông tư 01/2020/TT-VPCP, đề cương báo cáo mục I.6",
		Meaning:   "các số liệu mục I.6 cộng đúng",
		MeaningEN: "the figures of section I.6 add up",
		Target:    kstt.Ref{Field: target}}
	r.Expr = target + " = " + strings.Join(terms, " + ")
	for _, t := range terms {
		r.Terms = append(r.Terms, kstt.Ref{Field: t})
	}
	return r
}

// completeRule declares that a report states what field names (Complete).
func completeRule(id kstt.RuleID, field string, sev kstt.Severity, vi, en string) kstt.Rule {
	return kstt.Rule{ID: id, Kind: kstt.Complete, Severity: sev, Basis: "Thông tư 01/2020/TT-VPCP, mẫu biểu (phần đầu biểu)",
		Expr: field + " có", Meaning: vi, MeaningEN: en, Target: kstt.Ref{Field: field}}
}

func reportRules() []kstt.Rule {
	return append([]kstt.Rule{
		{ID: "KSTT/R01", Kind: kstt.SameHeader, Severity: kstt.Error, Basis: reportBasis,
			Expr:      "mọi biểu: Đơn vị báo cáo, Đơn vị nhận báo cáo, Kỳ báo cáo như nhau",
			Meaning:   "các biểu của một báo cáo cùng đơn vị báo cáo, đơn vị nhận và kỳ báo cáo",
			MeaningEN: "every form of one report names the same reporting unit, recipient and period"},
		{ID: "KSTT/R02", Kind: kstt.ValidPeriodText, Severity: kstt.Error, Basis: "Nghị định 09/2019/NĐ-CP, Điều 12",
			Expr:      "kỳ ghi ở tiêu đề là kỳ báo cáo theo Nghị định 09/2019 và trùng kỳ của các biểu",
			Meaning:   "thời gian ghi ở tiêu đề báo cáo phải là một kỳ báo cáo hợp lệ, trùng với kỳ của các biểu",
			MeaningEN: "the period the heading writes must be a Decree 09/2019 period, the same as the forms'"},
		{ID: "KSTT/R03", Kind: kstt.Matches, Severity: kstt.Warning, Inferred: true, Basis: basis + "Biểu số II.06a và II.08",
			Expr:      "II.06a Σ(4) = II.08 Σ(5) + Σ(8)",
			Meaning:   "hồ sơ trực tuyến đã tiếp nhận (II.06a) bằng hồ sơ phát sinh trên DVCTT (II.08): cùng hồ sơ được đếm hai lần",
			MeaningEN: "online files received (II.06a) equal files arising in online services (II.08): the same files counted twice",
			Note:      "Cần xác nhận: có thể hồ sơ trực tuyến được tiếp nhận qua hệ thống khác, hoặc II.08 chưa ghi số hồ sơ phát sinh",
			NoteEN:    "confirm: online files may arrive through another system, or II.08 may lack the files arising",
			Target:    kstt.Ref{Form: "II.06a", Col: 4},
			Terms:     []kstt.Ref{{Form: "II.08", Col: 5}, {Form: "II.08", Col: 8}}},
		narrativeRule("KSTT/R04", "files.received", 3),
		narrativeRule("KSTT/R05", "files.new", 4, 5),
		narrativeRule("KSTT/R06", "files.online", 4),
		narrativeRule("KSTT/R07", "files.direct", 5),
		narrativeRule("KSTT/R08", "files.carried_over", 6),
		narrativeRule("KSTT/R09", "files.resolved", 7),
		narrativeRule("KSTT/R10", "files.early", 8),
		narrativeRule("KSTT/R11", "files.on_time", 9),
		narrativeRule("KSTT/R12", "files.late", 10),
		narrativeRule("KSTT/R13", "files.pending", 11),
		narrativeRule("KSTT/R14", "files.pending_on_time", 12),
		narrativeRule("KSTT/R15", "files.pending_overdue", 13),
		narrativeSum("KSTT/R16", "files.received", "files.new", "files.carried_over"),
		narrativeSum("KSTT/R17", "files.new", "files.online", "files.direct"),
		narrativeSum("KSTT/R18", "files.resolved", "files.early", "files.on_time", "files.late"),
		narrativeSum("KSTT/R19", "files.pending", "files.pending_on_time", "files.pending_overdue"),
		completeRule("KSTT/R29", "forms", kstt.Error, "báo cáo có ít nhất một biểu, mỗi biểu một lần", "the report has at least one form, each form once"),
		completeRule("KSTT/R30", "header.unit", kstt.Error, "mọi biểu ghi Đơn vị báo cáo", "every form names its reporting unit"),
		completeRule("KSTT/R31", "header.period", kstt.Error, "mọi biểu ghi Kỳ báo cáo", "every form names its reporting period"),
		completeRule("KSTT/R32", "header.recipient", kstt.Warning, "mọi biểu ghi Đơn vị nhận báo cáo", "every form names its recipient"),
	}, outlineRules()...)
}
