package bieu

import (
	"slices"
	"strconv"

	"github.com/baocaodinhky/vpcp/kstt"
)

// SectionA is the title of section A of Biểu II.08 (column (2) of the row
// "A"): online public services deployed by central decision. The seed
// report prints only section B; this title is INFERRED, a documented
// default.
const SectionA = "DVCTT THEO QUYẾT ĐỊNH CỦA THỦ TƯỚNG CHÍNH PHỦ"

// II08SectionCode is the letter printed in column (1) of a section row of
// Biểu II.08.
type II08SectionCode string

// The sections of Biểu II.08.
const (
	SectionCodeA II08SectionCode = "A" // SectionA
	SectionCodeB II08SectionCode = "B" // SectionB
)

// Title returns the section's title as the form prints it in column (2):
// SectionA, SectionB, or "" for another code.
func (c II08SectionCode) Title() string {
	switch c {
	case SectionCodeA:
		return SectionA
	case SectionCodeB:
		return SectionB
	}
	return ""
}

// Add appends row under section s and level l (Biểu II.08: section rows "A",
// "B", level rows "I CẤP TỈNH", "II CẤP HUYỆN", "III CẤP XÃ"), creating the
// section and level rows with their official codes and titles when the form
// has none yet, and keeping sections in the order A, B and levels in the
// order tỉnh, huyện, xã. It returns f, so rows chain:
//
//	f := (&bieu.II08{}).Add(bieu.SectionCodeB, bieu.ProvinceLevel, bieu.II08Row{Field: "Lĩnh vực hộ tịch", FullAssigned: 3})
//
// A level outside ProvinceLevel…CommuneLevel is stored with an empty code
// and title, which Check reports like any unnamed level.
func (f *II08) Add(s II08SectionCode, l UnitLevel, row II08Row) *II08 {
	si := slices.IndexFunc(f.Sections, func(x II08Section) bool { return x.Code == string(s) })
	if si < 0 {
		si = len(f.Sections)
		if i := slices.IndexFunc(f.Sections, func(x II08Section) bool { return string(s) < x.Code }); i >= 0 {
			si = i
		}
		f.Sections = slices.Insert(f.Sections, si, II08Section{Code: string(s), Title: s.Title()})
	}
	sec := &f.Sections[si]
	li := levelAt(&sec.Levels, l, func(v *II08Level) (string, string) { return v.Code, v.Title },
		II08Level{Code: l.Code(), Title: l.String()})
	sec.Levels[li].Rows = append(sec.Levels[li].Rows, row)
	return f
}

// Add appends row under level l of Biểu II.06b, creating the level row
// ("I CẤP TỈNH", "II CẤP HUYỆN", "III CẤP XÃ") when the form has none yet
// and keeping levels in that order. It returns f, so rows chain.
func (f *II06b) Add(l UnitLevel, row II06aRow) *II06b {
	li := levelAt(&f.Levels, l, func(v *II06bLevel) (string, string) { return v.Code, v.Title },
		II06bLevel{Code: l.Code(), Title: l.String()})
	f.Levels[li].Rows = append(f.Levels[li].Rows, row)
	return f
}

// levelAt returns the index of level l's row in *levels (key gives a level
// row's code and title), inserting blank — a new level row — in the official
// order (tỉnh, huyện, xã) when there is none yet.
func levelAt[T any](levels *[]T, l UnitLevel, key func(*T) (code, title string), blank T) int {
	ls := *levels
	for i := range ls {
		if code, title := key(&ls[i]); code == l.Code() && title == l.String() {
			return i
		}
	}
	at := len(ls)
	for i := range ls {
		if _, title := key(&ls[i]); levelRank(title) > int(l) {
			at = i
			break
		}
	}
	*levels = slices.Insert(ls, at, blank)
	return at
}

// numberSTT sets *stt to the 1-based n when it is blank.
func numberSTT(stt *string, n int) {
	if isBlank(*stt) {
		*stt = strconv.Itoa(n)
	}
}

func isBlank(s string) bool {
	for _, r := range s {
		if r != ' ' && r != '\t' && r != '\u00a0' {
			return false
		}
	}
	return true
}

func (f *II06a) numberRows() {
	for i := range f.Rows {
		numberSTT(&f.Rows[i].STT, i+1)
	}
}

func (f *II06b) numberRows() {
	n := 0
	for li := range f.Levels {
		for i := range f.Levels[li].Rows {
			n++
			numberSTT(&f.Levels[li].Rows[i].STT, n)
		}
	}
}

func (f *II07b) numberRows() {
	for i := range f.PartI.Rows {
		numberSTT(&f.PartI.Rows[i].STT, i+1)
	}
	for i := range f.PartII.Rows {
		numberSTT(&f.PartII.Rows[i].STT, i+1)
	}
}

func (f *II08) numberRows() {
	n := 0
	for si := range f.Sections {
		for li := range f.Sections[si].Levels {
			rows := f.Sections[si].Levels[li].Rows
			for i := range rows {
				n++
				numberSTT(&rows[i].STT, n)
			}
		}
	}
}

// InheritHeader completes the form's header (kstt.NewReport calls it):
// each empty header field takes h's.
func (f *II06a) InheritHeader(h kstt.Header) { f.Header = f.Header.Inherit(h) }

// InheritHeader completes the form's header (kstt.NewReport calls it):
// each empty header field takes h's.
func (f *II06b) InheritHeader(h kstt.Header) { f.Header = f.Header.Inherit(h) }

// InheritHeader completes the form's header (kstt.NewReport calls it):
// each empty header field takes h's.
func (f *II07b) InheritHeader(h kstt.Header) { f.Header = f.Header.Inherit(h) }

// InheritHeader completes the form's header (kstt.NewReport calls it):
// each empty header field takes h's.
func (f *II08) InheritHeader(h kstt.Header) { f.Header = f.Header.Inherit(h) }
