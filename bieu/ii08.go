package bieu

import (
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
)

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
