package bieu

import (
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
)

// II06b is the aggregate of Biểu II.06a by administrative level, the form
// a recipient (UBND tỉnh) builds from the II.06a of the units that report
// to it: the thirteen columns of II.06a, rows grouped under level rows
// ("I CẤP TỈNH", "II CẤP HUYỆN", "III CẤP XÃ"), one row per lĩnh vực
// within a level, then TỔNG CỘNG over every lĩnh vực row. Level rows carry
// no figures.
//
// The layout is INFERRED, a documented default: Thông tư 01/2020/TT-VPCP
// lists a Biểu số II.06b/VPCP/KSTT whose text is not at hand; this is the
// aggregate layout that one-stop systems print, rows grouped by level
// (Sở, ban, ngành / huyện / xã), with II.06a's columns and rules. Treat
// the code, title and grouping as documented defaults. From 1/7/2025 there
// is no district level, so later periods have no "II CẤP HUYỆN" rows.
type II06b struct {
	Header kstt.Header  `json:"header"`
	Levels []II06bLevel `json:"levels"`
	Total  II06aRow     `json:"total"` // TỔNG CỘNG
}

// II06bLevel is a level row of II.06b and its lĩnh vực rows.
type II06bLevel struct {
	Code  string     `json:"code"`  // printed in (1): "I", "II", "III"
	Title string     `json:"title"` // printed in (2): "CẤP TỈNH", "CẤP HUYỆN", "CẤP XÃ"
	Rows  []II06aRow `json:"rows"`
}

// Spec returns the declaration of II.06b (inferred, see II06b).
func (f *II06b) Spec() *kstt.FormSpec { return specII06b }

// FormHeader returns the header block.
func (f *II06b) FormHeader() kstt.Header { return f.Header }

// Table returns the form's only table, level rows included, in printed
// order.
func (f *II06b) Table(int) kstt.Table {
	n := len(f.Levels)
	for li := range f.Levels {
		n += len(f.Levels[li].Rows)
	}
	t := newFlatTable(f, &f.Total, bindII06aRow, n, len(f.Levels))
	for li := range f.Levels {
		l := &f.Levels[li]
		t.group(layout.LevelRow, &l.Code, &l.Title, l.Rows)
	}
	return t.end()
}

// Fill derives (3), (7), (11) of every row and the TỔNG CỘNG row, and
// numbers (1) STT 1, 2, … where it is blank.
func (f *II06b) Fill() error { f.numberRows(); return kstt.Fill(f) }

// Check runs the rules of II.06b and KSTT/R45 (a lĩnh vực on two rows of
// one level); it never changes the form.
func (f *II06b) Check(opts kstt.CheckOptions) (kstt.Findings, error) { return checkForm(f, opts) }

// Sheet returns the neutral layout renderers print.
func (f *II06b) Sheet() *layout.Sheet { return kstt.Layout(f) }
