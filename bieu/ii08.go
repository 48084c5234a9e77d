package bieu

import (
	"github.com/shopspring/decimal"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
)

// II08 is Biểu số II.08/VPCP/KSTT (Thông tư 01/2020/TT-VPCP): TÌNH HÌNH
// TRIỂN KHAI THỦ TỤC HÀNH CHÍNH TRÊN MÔI TRƯỜNG ĐIỆN TỬ CỦA CƠ QUAN, ĐỊA
// PHƯƠNG — online public services (DVCTT, Nghị định 42/2022/NĐ-CP Điều 11:
// "toàn trình" or "một phần"), grouped by section (A, B) and level (I CẤP
// TỈNH, II CẤP HUYỆN, III CẤP XÃ), then TỔNG CỘNG over every lĩnh vực row.
// Đơn vị tính as printed: hồ sơ TTHC.
type II08 struct {
	Header   kstt.Header   `json:"header"`
	Sections []II08Section `json:"sections"`
	Total    II08Row       `json:"total"` // TỔNG CỘNG
	// Origin records where each cell was read from when the form came
	// from a file (Read); it is empty for a form built in code and is not
	// part of the JSON.
	Origin kstt.Origin `json:"-"`
}

// II08Section is a section row of II.08 and what it groups: "A" (inferred:
// services assigned by central decision) or "B" "DVCTT DO CƠ QUAN, UBND
// TỈNH CHỦ ĐỘNG TRIỂN KHAI".
type II08Section struct {
	Code   string      `json:"code"`  // printed in (1): "A", "B"
	Title  string      `json:"title"` // printed in (2)
	Levels []II08Level `json:"levels"`
}

// II08Level is a level row of II.08 ("I" "CẤP TỈNH", "II" "CẤP HUYỆN",
// "III" "CẤP XÃ") and its lĩnh vực rows.
type II08Level struct {
	Code  string    `json:"code"`  // printed in (1): "I", "II", "III"
	Title string    `json:"title"` // printed in (2)
	Rows  []II08Row `json:"rows"`
}

// II08Row is one lĩnh vực row of Biểu II.08.
type II08Row struct {
	STT             string `json:"stt,omitempty"`    // (1) STT
	Field           string `json:"field"`            // (2) Lĩnh vực
	PartialAssigned int64  `json:"partial_assigned"` // (3) DVCTT toàn trình một phần / Được giao
	PartialDeployed int64  `json:"partial_deployed"` // (4) … / Đã triển khai
	PartialFiles    int64  `json:"partial_files"`    // (5) … / Số lượng hồ sơ phát sinh
	FullAssigned    int64  `json:"full_assigned"`    // (6) DVCTT toàn trình / Được giao
	FullDeployed    int64  `json:"full_deployed"`    // (7) … / Đã triển khai
	FullFiles       int64  `json:"full_files"`       // (8) … / Số lượng hồ sơ phát sinh
	Integrated      int64  `json:"integrated"`       // (9) Tích hợp với Cổng Dịch vụ công quốc gia (có=1; không=0)
}

// Section titles and level rows as the seed prints them.
const (
	SectionB      = "DVCTT DO CƠ QUAN, UBND TỈNH CHỦ ĐỘNG TRIỂN KHAI"
	LevelProvince = "CẤP TỈNH"
	LevelDistrict = "CẤP HUYỆN"
	LevelCommune  = "CẤP XÃ"
)

// Spec returns the declaration of Biểu II.08, shared by every form of the
// kind: treat it as read-only (bieu.Official gives copies to change).
func (f *II08) Spec() *kstt.FormSpec { return specII08 }

// FormHeader returns the header block.
func (f *II08) FormHeader() kstt.Header { return f.Header }

// Table returns the form's only table, section and level rows included, in
// printed order.
func (f *II08) Table(int) kstt.Table {
	t := &ii08Table{f: f}
	for si := range f.Sections {
		s := &f.Sections[si]
		t.index = append(t.index, ii08Pos{kind: layout.SectionRow, s: si})
		for li := range s.Levels {
			t.index = append(t.index, ii08Pos{kind: layout.LevelRow, s: si, l: li})
			for ri := range s.Levels[li].Rows {
				t.index = append(t.index, ii08Pos{kind: layout.DataRow, s: si, l: li, r: ri})
			}
		}
	}
	t.index = append(t.index, ii08Pos{kind: layout.TotalRow})
	return t
}

// Fill derives the TỔNG CỘNG row and numbers (1) STT 1, 2, … where it is
// blank (on through the levels and sections, as the roll-up does).
func (f *II08) Fill() error { f.numberRows(); return kstt.Fill(f) }

// Check runs the rules of Biểu II.08 and KSTT/R45 (a lĩnh vực on two rows
// of one level of a section); it never changes the form.
func (f *II08) Check(opts kstt.CheckOptions) (kstt.Findings, error) { return checkForm(f, opts) }

// Sheet returns the neutral layout renderers print.
func (f *II08) Sheet() *layout.Sheet { return kstt.Layout(f) }

type ii08Pos struct {
	kind    layout.RowKind
	s, l, r int
}

// ii08Table flattens the sections of an II08 into printed rows.
type ii08Table struct {
	f     *II08
	index []ii08Pos
}

func (t *ii08Table) Len() int { return len(t.index) }

func (t *ii08Table) Row(i int) kstt.RowMeta {
	p := t.index[i]
	switch p.kind {
	case layout.SectionRow:
		s := &t.f.Sections[p.s]
		return kstt.RowMeta{Kind: p.kind, STT: s.Code, Label: s.Title}
	case layout.LevelRow:
		l := &t.f.Sections[p.s].Levels[p.l]
		return kstt.RowMeta{Kind: p.kind, STT: l.Code, Label: l.Title}
	case layout.DataRow:
		r := &t.f.Sections[p.s].Levels[p.l].Rows[p.r]
		return kstt.RowMeta{Kind: p.kind, STT: r.STT, Label: r.Field, Group: t.f.Sections[p.s].Levels[p.l].Title}
	}
	return kstt.RowMeta{Kind: layout.TotalRow, STT: t.f.Total.STT, Label: kstt.TotalLabel}
}

func (t *ii08Table) row(i int) *II08Row {
	p := t.index[i]
	if p.kind == layout.DataRow {
		return &t.f.Sections[p.s].Levels[p.l].Rows[p.r]
	}
	if p.kind == layout.TotalRow {
		return &t.f.Total
	}
	return nil
}

func (t *ii08Table) Ints(i int, d []int64) {
	r := t.row(i)
	if r == nil {
		return
	}
	_ = d[9]
	d[3], d[4], d[5] = r.PartialAssigned, r.PartialDeployed, r.PartialFiles
	d[6], d[7], d[8], d[9] = r.FullAssigned, r.FullDeployed, r.FullFiles, r.Integrated
}

func (t *ii08Table) SetInts(i int, s []int64) {
	r := t.row(i)
	if r == nil {
		return
	}
	_ = s[9]
	r.PartialAssigned, r.PartialDeployed, r.PartialFiles = s[3], s[4], s[5]
	r.FullAssigned, r.FullDeployed, r.FullFiles, r.Integrated = s[6], s[7], s[8], s[9]
}

func (t *ii08Table) Rate(int, int) decimal.Decimal     { return decimal.Zero }
func (t *ii08Table) SetRate(int, int, decimal.Decimal) {}
func (t *ii08Table) EnsureTotal()                      {}
func (t *ii08Table) NormalizeText()                    { t.f.normalizeText() }
func (t *ii08Table) QuickClean() bool                  { return t.f.quickClean() }

// CellAddress makes the flattened table report the form's cell addresses.
func (t *ii08Table) CellAddress(part string, row, col int) string {
	return t.f.CellAddress(part, row, col)
}

var _ kstt.MutableTable = (*ii08Table)(nil)

// CellAddress returns the workbook address ("II.08!D12") or
// text position the cell of the given part, 0-based printed row and
// official column (n) was read from, or "" for a form built in code. It
// makes the form a kstt.Locator, so findings name the cell.
func (f *II08) CellAddress(part string, row, col int) string {
	return f.Origin.CellAddress(part, row, col)
}
