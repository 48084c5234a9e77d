package tally

import (
	"fmt"
	"slices"
	"strconv"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/outline"
	"github.com/baocaodinhky/vpcp/period"
)

// Result is what a tally gives for its period: the forms, filled, the
// figures of section I.6, the findings on records and what was done.
type Result struct {
	Period   period.Period       `json:"period"`
	II06a    *bieu.II06a         `json:"ii06a"`    // one row per lĩnh vực, in Vietnamese alphabetical order, then TỔNG CỘNG
	II06b    *bieu.II06b         `json:"ii06b"`    // the same by level: I CẤP TỈNH, II CẤP HUYỆN, III CẤP XÃ
	II08     *bieu.II08          `json:"ii08"`     // columns (5) and (8), files arising, per level and lĩnh vực; the rest is the caller's
	Files    outline.FileFigures `json:"files"`    // section I.6 of the report: II.06a's TỔNG CỘNG
	Findings kstt.Findings       `json:"findings"` // Form empty, Row -1; Record, Source and Line name the record
	// Suppressed counts, by rule, the findings beyond Policy.MaxFindings
	// that were not kept.
	Suppressed map[kstt.RuleID]int `json:"suppressed,omitempty"`
	Stats      Stats               `json:"stats"`
	audit      *audit
}

// Result builds the forms from what was counted so far, with header h
// (its Period is set to the tally's). The tally can go on counting after.
//
// Rows are the lĩnh vực with at least one file in the period, sorted in
// Vietnamese alphabetical order (so tallies merged in any order print the
// same forms), STT 1, 2, …; II.08 has one section (Policy.Section) with a
// level row for each level that has online files and a row for each
// lĩnh vực with online files. II.08's (3), (4), (6), (7) (services
// assigned and deployed) and (9) are not known from case records: they
// are 0, for the caller to fill from its service catalogue.
func (t *Tally) Result(h kstt.Header) (*Result, error) {
	h.Period = t.per
	t.flush()
	res := &Result{Period: t.per, Stats: t.stats, audit: t.audit}
	accs := make([]*fieldAcc, 0, len(t.fields))
	for _, a := range t.fields {
		accs = append(accs, a)
	}
	col := collate.New(language.Vietnamese)
	slices.SortFunc(accs, func(x, y *fieldAcc) int {
		if c := col.CompareString(x.key, y.key); c != 0 {
			return c
		}
		return compareStrings(x.key, y.key)
	})

	a := &bieu.II06a{Header: h}
	b := &bieu.II06b{Header: h}
	c := &bieu.II08{Header: h}
	sec := bieu.II08Section{Code: t.pol.Section, Title: bieu.SectionB}
	if t.pol.Section == "A" {
		sec.Title = SectionA
	}
	var lvRows [4][]bieu.II06aRow
	var onRows [4][]bieu.II08Row
	for _, acc := range accs {
		var sum counts
		for l := range acc.lv {
			for k, v := range acc.lv[l] {
				sum[k] += v
			}
			if row, ok := ii06aRow(acc.label, &acc.lv[l]); ok {
				lvRows[l] = append(lvRows[l], row)
			}
			if n := acc.lv[l]; n[colPartial]+n[colFull] > 0 {
				onRows[l] = append(onRows[l], bieu.II08Row{Field: acc.label, PartialFiles: n[colPartial], FullFiles: n[colFull]})
			}
		}
		if row, ok := ii06aRow(acc.label, &sum); ok {
			row.STT = strconv.Itoa(len(a.Rows) + 1)
			a.Rows = append(a.Rows, row)
		}
	}
	n, m := 1, 1
	for l := bieu.ProvinceLevel; l <= bieu.CommuneLevel; l++ {
		if len(lvRows[l]) > 0 {
			for i := range lvRows[l] {
				lvRows[l][i].STT = strconv.Itoa(n)
				n++
			}
			b.Levels = append(b.Levels, bieu.II06bLevel{Code: l.Code(), Title: l.String(), Rows: lvRows[l]})
		}
		if len(onRows[l]) > 0 {
			for i := range onRows[l] {
				onRows[l][i].STT = strconv.Itoa(m)
				m++
			}
			sec.Levels = append(sec.Levels, bieu.II08Level{Code: l.Code(), Title: l.String(), Rows: onRows[l]})
		}
	}
	if len(sec.Levels) > 0 {
		c.Sections = []bieu.II08Section{sec}
	}
	for _, f := range []interface{ Fill() error }{a, b, c} {
		if err := f.Fill(); err != nil {
			return nil, fmt.Errorf("tally: %w", err)
		}
	}
	res.II06a, res.II06b, res.II08 = a, b, c
	tot := a.Total
	res.Files = outline.FileFigures{
		Received: tot.Received, New: tot.Online + tot.Direct, Online: tot.Online, Direct: tot.Direct,
		CarriedOver: tot.CarriedOver, Resolved: tot.Resolved, Early: tot.Early, OnTime: tot.OnTime, Late: tot.Late,
		Pending: tot.Pending, PendingOnTime: tot.PendingOnTime, PendingOverdue: tot.PendingOverdue,
	}
	res.Findings = slices.Clone(t.findings)
	if f := t.calendarFinding(); f != nil { // calendar.go
		res.Findings = append(res.Findings, *f)
	}
	if t.stats.LeftOut > 0 {
		res.Findings = append(res.Findings, kstt.Finding{Rule: RuleBalance, Severity: severityWarning, Row: -1, Policy: PolicyClosing,
			Expected: strconv.FormatInt(tot.Received, 10), Actual: strconv.FormatInt(tot.Resolved+tot.Pending, 10),
			Message: fmt.Sprintf("chính sách %s (LeaveOut) bỏ %d hồ sơ trả lại, xin rút hoặc dừng xử lý khỏi cột (7): (3) = %d ≠ (7) + (11) = %d",
				PolicyClosing, t.stats.LeftOut, tot.Received, tot.Resolved+tot.Pending),
			MessageEN: fmt.Sprintf("policy %s (LeaveOut) left %d returned, withdrawn or stopped files out of (7): (3) = %d ≠ (7) + (11) = %d",
				PolicyClosing, t.stats.LeftOut, tot.Received, tot.Resolved+tot.Pending)})
	}
	slices.SortStableFunc(res.Findings, func(x, y kstt.Finding) int {
		if x.Source != y.Source {
			return compareStrings(x.Source, y.Source)
		}
		if x.Line != y.Line {
			return x.Line - y.Line
		}
		if x.Record != y.Record {
			return compareStrings(x.Record, y.Record)
		}
		return compareStrings(string(x.Rule), string(y.Rule))
	})
	for r, k := range t.byRule {
		kept := 0
		for _, f := range t.findings {
			if f.Rule == r {
				kept++
			}
		}
		if k > kept {
			if res.Suppressed == nil {
				res.Suppressed = map[kstt.RuleID]int{}
			}
			res.Suppressed[r] = k - kept
		}
	}
	return res, nil
}

// SectionA is the title this package gives section A of II.08 (services
// assigned by a central decision; the official wording is not known here).
const SectionA = "DVCTT ĐƯỢC GIAO TRIỂN KHAI THEO QUYẾT ĐỊNH CỦA CẤP TRÊN"

// ii06aRow makes a row of the leaf counts n; false when it is all zero.
func ii06aRow(label string, n *counts) (bieu.II06aRow, bool) {
	r := bieu.II06aRow{Field: label,
		Online: n[4], Direct: n[5], CarriedOver: n[6],
		Early: n[8], OnTime: n[9], Late: n[10],
		PendingOnTime: n[12], PendingOverdue: n[13]}
	return r, n[4]+n[5]+n[6] > 0
}

// Report returns the report of the result: II.06a, II.06b, II.08 and a
// narrative holding section I.6's figures, so that bieu.Check runs every
// form's rules and the report rules (I.6 against II.06a, II.06a Σ(4)
// against II.08 Σ(5)+(8)).
func (r *Result) Report() *kstt.Report {
	files := r.Files
	return &kstt.Report{
		Header:    r.II06a.Header,
		Narrative: &outline.Narrative{Files: &files},
		Forms:     []kstt.Form{r.II06a, r.II06b, r.II08},
	}
}

// HasErrors reports whether a finding is an error.
func (r *Result) HasErrors() bool {
	for _, f := range r.Findings {
		if f.Severity == severityError {
			return true
		}
	}
	return false
}
