package bieu

import (
	"bufio"
	"fmt"
	"strconv"
	"strings"

	"github.com/baocaodinhky/vpcp/internal/vntext"
	"github.com/baocaodinhky/vpcp/kstt"
)

// seriesBasis is the basis of the rules over consecutive reports.
const seriesBasis = basis + "Biểu số II.06a/VPCP/KSTT, cột (6) Từ kỳ trước và cột (11) của kỳ trước; Nghị định 09/2019/NĐ-CP, Điều 12"

var seriesRules = []kstt.Rule{
	{ID: "KSTT/R50", Kind: kstt.Matches, Severity: kstt.Warning, Inferred: true, Basis: seriesBasis,
		Expr:      "II.06a (6) của kỳ = II.06a (11) của kỳ trước, từng lĩnh vực",
		Meaning:   "hồ sơ từ kỳ trước chuyển sang bằng hồ sơ đang giải quyết cuối kỳ trước, từng lĩnh vực",
		MeaningEN: "files carried over equal the files pending at the end of the previous period, lĩnh vực by lĩnh vực",
		Note:      "Cần xác nhận: hồ sơ chuyển giữa đơn vị, lĩnh vực đổi tên, hoặc số liệu kỳ trước được sửa sau khi gửi",
		NoteEN:    "confirm: files moved between units, a lĩnh vực renamed, or the previous report corrected after it was sent",
		Target:    kstt.Ref{Form: "II.06a", Col: 6}, Terms: []kstt.Ref{{Form: "II.06a", Col: 11}}},
	{ID: "KSTT/R51", Kind: kstt.Matches, Severity: kstt.Warning, Inferred: true, Basis: seriesBasis,
		Expr:      "II.06a Σ(6) của kỳ = II.06a Σ(11) của kỳ trước",
		Meaning:   "tổng hồ sơ từ kỳ trước bằng tổng hồ sơ đang giải quyết cuối kỳ trước (dòng TỔNG CỘNG)",
		MeaningEN: "total files carried over equal total files pending at the end of the previous period (TỔNG CỘNG)",
		Target:    kstt.Ref{Form: "II.06a", Col: 6}, Terms: []kstt.Ref{{Form: "II.06a", Col: 11}}},
	{ID: "KSTT/R52", Kind: kstt.SameHeader, Severity: kstt.Error, Basis: "Nghị định 09/2019/NĐ-CP, Điều 12",
		Expr:      "các báo cáo của chuỗi: cùng đơn vị, kỳ liền nhau",
		Meaning:   "một chuỗi báo cáo là của cùng một đơn vị, mỗi kỳ liền sau kỳ trước",
		MeaningEN: "a series holds one unit's reports, each period right after the one before"},
}

// SeriesRules lists the rules over a unit's consecutive reports
// (KSTT/R50–R52), which CheckSeries runs; Check, on one report, does not.
func SeriesRules() []kstt.Rule { return append([]kstt.Rule(nil), seriesRules...) }

// CheckSeries checks a unit's consecutive reports, oldest first, read from
// files or built: the II.06a of each period must carry over, as (6) Từ kỳ
// trước, what the period before left pending in (11), lĩnh vực by lĩnh
// vực (KSTT/R50, rows matched by FieldKey) and in TỔNG CỘNG (KSTT/R51).
// Reports of another unit, or not the next period (Period.Next), are a
// KSTT/R52 finding and break the chain there. Reports without II.06a are
// skipped. Findings sit on the later report's II.06a, with its cell
// address when it was read from a workbook. It returns an error only for
// invalid options.
func CheckSeries(reports []*kstt.Report, opts kstt.CheckOptions) (kstt.Findings, error) {
	if err := opts.Validate(seriesRules); err != nil {
		return nil, err
	}
	sev := func(id kstt.RuleID) (kstt.Severity, bool) {
		for i := range seriesRules {
			if seriesRules[i].ID == id {
				s := seriesRules[i].Severity
				if ov, ok := opts.Rules[id]; ok {
					if ov.Off {
						return 0, false
					}
					if ov.Severity.Valid() {
						s = ov.Severity
					}
				}
				return s, true
			}
		}
		return 0, false
	}
	var out kstt.Findings
	var prev *II06a
	for _, r := range reports {
		if r == nil {
			continue
		}
		cur, _ := r.Form("II.06a").(*II06a)
		if cur == nil {
			continue
		}
		if prev != nil {
			ph, ch := prev.Header, cur.Header
			if vntext.Key(ph.Unit) != vntext.Key(ch.Unit) || ph.Period.IsZero() || ch.Period != ph.Period.Next() {
				if s, ok := sev(RuleKSTTR52); ok {
					out = append(out, kstt.Finding{Rule: RuleKSTTR52, Severity: s, Form: "II.06a", Row: -1,
						Expected: ph.Unit + ", " + ph.Period.Next().String(), Actual: ch.Unit + ", " + ch.Period.String(),
						Message:   fmt.Sprintf("báo cáo của %s kỳ %s không phải kỳ liền sau báo cáo của %s kỳ %s", ch.Unit, ch.Period, ph.Unit, ph.Period),
						MessageEN: fmt.Sprintf("the report of %s for %s does not follow the report of %s for %s", ch.Unit, ch.Period.English(), ph.Unit, ph.Period.English())})
				}
				prev = cur
				continue
			}
			out = append(out, continuity(prev, cur, r, sev)...)
		}
		prev = cur
	}
	return out.Sort(), nil
}

// continuity compares cur's (6) with prev's (11), row by row and in
// TỔNG CỘNG.
func continuity(prev, cur *II06a, rep *kstt.Report, sev func(kstt.RuleID) (kstt.Severity, bool)) kstt.Findings {
	var out kstt.Findings
	pending := map[string]int64{}
	labels := map[string]string{}
	var order []string
	for _, r := range prev.Rows {
		k := FieldKey(r.Field)
		if _, ok := pending[k]; !ok {
			order = append(order, k)
			labels[k] = r.Field
		}
		pending[k] += r.Pending
	}
	seen := map[string]bool{}
	p := cur.Header.Period
	finding := func(id kstt.RuleID, row int, label string, want, got int64) {
		s, ok := sev(id)
		if !ok {
			return
		}
		f := kstt.Finding{Rule: id, Severity: s, Form: "II.06a", Row: row, RowLabel: label, Column: 6,
			Expected: strconv.FormatInt(want, 10), Actual: strconv.FormatInt(got, 10), Difference: strconv.FormatInt(got-want, 10),
			Message: fmt.Sprintf("(6) Từ kỳ trước = %d, nhưng (11) của kỳ %s = %d. Cần xác nhận: hồ sơ chuyển giữa đơn vị, lĩnh vực đổi tên, hoặc số liệu kỳ trước được sửa sau khi gửi",
				got, p.Prev(), want),
			MessageEN: fmt.Sprintf("(6) carried over = %d, but (11) of %s = %d. Confirm: files moved between units, a lĩnh vực renamed, or the previous report corrected after it was sent",
				got, p.Prev().English(), want)}
		f.Cell = rep.CellAddress("II.06a", "", row, 6)
		out = append(out, f)
	}
	for i, r := range cur.Rows {
		k := FieldKey(r.Field)
		want := pending[k]
		if seen[k] {
			continue // a lĩnh vực printed twice: its first row stands for it
		}
		seen[k] = true
		if want != r.CarriedOver {
			finding("KSTT/R50", i, r.Field, want, r.CarriedOver)
		}
	}
	for _, k := range order {
		if !seen[k] && pending[k] != 0 {
			finding("KSTT/R50", -1, labels[k], pending[k], 0)
		}
	}
	if prev.Total.Pending != cur.Total.CarriedOver {
		finding("KSTT/R51", len(cur.Rows), kstt.TotalLabel, prev.Total.Pending, cur.Total.CarriedOver)
	}
	return out
}

// writeSeriesMarkdown adds the series rules to the rule catalogue.
func writeSeriesMarkdown(bw *bufio.Writer) {
	fmt.Fprintf(bw, "## Series rules (bieu.CheckSeries, a unit's consecutive reports)\n\n")
	fmt.Fprintf(bw, "Run over a unit's reports of consecutive periods, oldest first — built, tallied from case records (package bieu/tally satisfies them by construction) or read from files. Not run by Check on one report.\n\n")
	bw.WriteString(ruleTableHead)
	for _, r := range seriesRules {
		meaning := r.Meaning + " — " + r.MeaningEN
		if r.Inferred {
			meaning += " *(inferred)*"
		}
		if r.NoteEN != "" {
			meaning += " " + r.NoteEN + "."
		}
		ruleRow(bw, r, meaning)
	}
	fmt.Fprintln(bw)
}

func escapePipes(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

// ruleTableHead heads a Markdown table of rules, one ruleRow each.
const ruleTableHead = "| ID | severity | rule | meaning | basis |\n|---|---|---|---|---|\n"

// ruleRow writes r as a row of a Markdown table of rules, with meaning in
// its meaning column.
func ruleRow(bw *bufio.Writer, r kstt.Rule, meaning string) {
	fmt.Fprintf(bw, "| `%s` | %s | %s | %s | %s |\n", r.ID, r.Severity, escapePipes(r.Expr), escapePipes(meaning), escapePipes(r.Basis))
}
