package bieu

import (
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
	n, groups := 0, 0
	for si := range f.Sections {
		groups += 1 + len(f.Sections[si].Levels)
		for li := range f.Sections[si].Levels {
			n += len(f.Sections[si].Levels[li].Rows)
		}
	}
	t := newFlatTable(f, &f.Total, bindII08Row, n+groups, groups)
	for si := range f.Sections {
		s := &f.Sections[si]
		t.group(layout.SectionRow, &s.Code, &s.Title, nil)
		for li := range s.Levels {
			l := &s.Levels[li]
			t.group(layout.LevelRow, &l.Code, &l.Title, l.Rows)
		}
	}
	return quickFlat[II08Row]{t.end()}
}

// Fill derives the TỔNG CỘNG row and numbers (1) STT 1, 2, … where it is
// blank (on through the levels and sections, as the roll-up does).
func (f *II08) Fill() error { f.numberRows(); return kstt.Fill(f) }

// Check runs the rules of Biểu II.08 and KSTT/R45 (a lĩnh vực on two rows
// of one level of a section); it never changes the form.
func (f *II08) Check(opts kstt.CheckOptions) (kstt.Findings, error) { return checkForm(f, opts) }

// Sheet returns the neutral layout renderers print.
func (f *II08) Sheet() *layout.Sheet { return kstt.Layout(f) }

var bindII08Row = bindingOf[II08Row]()
