package bieu

import (
	"github.com/shopspring/decimal"

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
	// Origin records where each cell was read from when the form came
	// from a file (Read); it is empty for a form built in code and is not
	// part of the JSON.
	Origin kstt.Origin `json:"-"`
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
	t := &ii06bTable{f: f}
	for li := range f.Levels {
		t.index = append(t.index, [2]int{li, -1})
		for ri := range f.Levels[li].Rows {
			t.index = append(t.index, [2]int{li, ri})
		}
	}
	t.index = append(t.index, [2]int{-1, -1})
	return t
}

// Fill derives (3), (7), (11) of every row and the TỔNG CỘNG row, and
// numbers (1) STT 1, 2, … where it is blank.
func (f *II06b) Fill() error { f.numberRows(); return kstt.Fill(f) }

// Check runs the rules of II.06b and KSTT/R45 (a lĩnh vực on two rows of
// one level); it never changes the form.
func (f *II06b) Check(opts kstt.CheckOptions) (kstt.Findings, error) { return checkForm(f, opts) }

// Sheet returns the neutral layout renderers print.
func (f *II06b) Sheet() *layout.Sheet { return kstt.Layout(f) }

// ii06bTable flattens the levels of an II06b into printed rows: index
// holds (level, row), row -1 for a level row, level -1 for TỔNG CỘNG.
type ii06bTable struct {
	f     *II06b
	index [][2]int
}

func (t *ii06bTable) Len() int { return len(t.index) }

func (t *ii06bTable) Row(i int) kstt.RowMeta {
	p := t.index[i]
	switch {
	case p[0] < 0:
		return kstt.RowMeta{Kind: layout.TotalRow, STT: t.f.Total.STT, Label: kstt.TotalLabel}
	case p[1] < 0:
		l := &t.f.Levels[p[0]]
		return kstt.RowMeta{Kind: layout.LevelRow, STT: l.Code, Label: l.Title}
	}
	r := &t.f.Levels[p[0]].Rows[p[1]]
	return kstt.RowMeta{Kind: layout.DataRow, STT: r.STT, Label: r.Field, Group: t.f.Levels[p[0]].Title}
}

func (t *ii06bTable) row(i int) *II06aRow {
	p := t.index[i]
	switch {
	case p[0] < 0:
		return &t.f.Total
	case p[1] < 0:
		return nil
	}
	return &t.f.Levels[p[0]].Rows[p[1]]
}

func (t *ii06bTable) Ints(i int, dst []int64) {
	if r := t.row(i); r != nil {
		r.ints(dst)
	}
}

func (t *ii06bTable) SetInts(i int, src []int64) {
	if r := t.row(i); r != nil {
		r.setInts(src)
	}
}

func (t *ii06bTable) Rate(int, int) decimal.Decimal     { return decimal.Zero }
func (t *ii06bTable) SetRate(int, int, decimal.Decimal) {}
func (t *ii06bTable) EnsureTotal()                      {}
func (t *ii06bTable) NormalizeText()                    { t.f.normalizeText() }

// CellAddress makes the flattened table report the form's cell addresses.
func (t *ii06bTable) CellAddress(part string, row, col int) string {
	return t.f.CellAddress(part, row, col)
}

func (r *II06aRow) ints(dst []int64) {
	_ = dst[13]
	dst[3], dst[4], dst[5], dst[6] = r.Received, r.Online, r.Direct, r.CarriedOver
	dst[7], dst[8], dst[9], dst[10] = r.Resolved, r.Early, r.OnTime, r.Late
	dst[11], dst[12], dst[13] = r.Pending, r.PendingOnTime, r.PendingOverdue
}

func (r *II06aRow) setInts(src []int64) {
	_ = src[13]
	r.Received, r.Online, r.Direct, r.CarriedOver = src[3], src[4], src[5], src[6]
	r.Resolved, r.Early, r.OnTime, r.Late = src[7], src[8], src[9], src[10]
	r.Pending, r.PendingOnTime, r.PendingOverdue = src[11], src[12], src[13]
}

var _ kstt.MutableTable = (*ii06bTable)(nil)

// CellAddress returns the workbook address ("II.06b!D12") or
// text position the cell of the given part, 0-based printed row and
// official column (n) was read from, or "" for a form built in code. It
// makes the form a kstt.Locator, so findings name the cell.
func (f *II06b) CellAddress(part string, row, col int) string {
	return f.Origin.CellAddress(part, row, col)
}
