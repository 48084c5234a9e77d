package kstt

import (
	"io"

	"github.com/baocaodinhky/vpcp/kstt/layout"
)

// Sheets lays out every form of the report (Layout), in report order: what
// a renderer writes as the report's annexes (Thông tư 01/2020/TT-VPCP, Phụ
// lục II), e.g. one worksheet per form in an XLSX workbook.
func (r *Report) Sheets() []*layout.Sheet {
	out := make([]*layout.Sheet, 0, len(r.Forms))
	for _, f := range r.Forms {
		out = append(out, Layout(f))
	}
	return out
}

// effectiveHeader is the report's header, or its first form's when the
// report's own is empty (as Catalogue.Check reads it).
func (r *Report) effectiveHeader() Header {
	h := r.Header.Normalize()
	if h.Unit == "" && h.Recipient == "" && h.Period.IsZero() && len(r.Forms) > 0 {
		h = r.Forms[0].FormHeader().Normalize()
	}
	return h
}

// WriteNarrative writes the narrative of r as plain text
// (outline.Narrative.WriteText), its part III named after the period that
// follows the report's; a report without a narrative writes nothing.
func WriteNarrative(w io.Writer, r *Report) error {
	return r.Narrative.WriteText(w, r.effectiveHeader().Period)
}
