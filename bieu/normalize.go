package bieu

import (
	"github.com/baocaodinhky/vpcp/internal/vntext"
	"github.com/baocaodinhky/vpcp/kstt"
)

// The forms store text in NFC with folded spaces:
// Fill and decoding call NormalizeText, so a label typed in NFD on one
// keyboard matches and prints like the same label typed on another.

func normHeader(h *kstt.Header) { *h = h.Normalize() }

func normII06aRow(r *II06aRow) { r.STT, r.Field = vntext.NFC(r.STT), vntext.NFC(r.Field) }

// normalizeText brings the form's text to NFC (kstt's NormalizeText, given
// by the form's table).
func (f *II06a) normalizeText() {
	normHeader(&f.Header)
	for i := range f.Rows {
		normII06aRow(&f.Rows[i])
	}
	normII06aRow(&f.Total)
}

// normalizeText brings the form's text to NFC (kstt's NormalizeText, given
// by the form's table).
func (f *II06b) normalizeText() {
	normHeader(&f.Header)
	for li := range f.Levels {
		l := &f.Levels[li]
		l.Code, l.Title = vntext.NFC(l.Code), vntext.NFC(l.Title)
		for i := range l.Rows {
			normII06aRow(&l.Rows[i])
		}
	}
	normII06aRow(&f.Total)
}

// normalizeText brings the form's text to NFC (kstt's NormalizeText, given
// by the form's table).
func (f *II07b) normalizeText() {
	normHeader(&f.Header)
	for i := range f.PartI.Rows {
		r := &f.PartI.Rows[i]
		r.STT, r.Field = vntext.NFC(r.STT), vntext.NFC(r.Field)
	}
	f.PartI.Total.STT, f.PartI.Total.Field = vntext.NFC(f.PartI.Total.STT), vntext.NFC(f.PartI.Total.Field)
	for i := range f.PartII.Rows {
		r := &f.PartII.Rows[i]
		r.STT, r.Field = vntext.NFC(r.STT), vntext.NFC(r.Field)
	}
	f.PartII.Total.STT, f.PartII.Total.Field = vntext.NFC(f.PartII.Total.STT), vntext.NFC(f.PartII.Total.Field)
}

// normalizeText brings the form's text to NFC (kstt's NormalizeText, given
// by the form's table).
func (f *II08) normalizeText() {
	normHeader(&f.Header)
	for si := range f.Sections {
		s := &f.Sections[si]
		s.Code, s.Title = vntext.NFC(s.Code), vntext.NFC(s.Title)
		for li := range s.Levels {
			l := &s.Levels[li]
			l.Code, l.Title = vntext.NFC(l.Code), vntext.NFC(l.Title)
			for i := range l.Rows {
				r := &l.Rows[i]
				r.STT, r.Field = vntext.NFC(r.STT), vntext.NFC(r.Field)
			}
		}
	}
	f.Total.STT, f.Total.Field = vntext.NFC(f.Total.STT), vntext.NFC(f.Total.Field)
}
