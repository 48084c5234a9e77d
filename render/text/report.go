package text

import (
	"io"

	"github.com/baocaodinhky/vpcp/kstt"
)

// RenderReport writes a whole report (Thông tư 01/2020/TT-VPCP, Điều 4):
// its narrative as kstt.WriteNarrative lays it out — heading, numbered
// sections with their figures, assessment, tasks, Nơi nhận, signature —,
// then, after a blank line, each of its forms (Phụ lục II) as Render prints
// them. A report without a narrative prints only its forms.
func (r *Renderer) RenderReport(w io.Writer, rep *kstt.Report) error {
	if rep.Narrative != nil {
		if err := kstt.WriteNarrative(w, rep); err != nil {
			return err
		}
		if len(rep.Forms) > 0 {
			if _, err := io.WriteString(w, "\n"); err != nil {
				return err
			}
		}
	}
	return r.Render(w, rep.Sheets()...)
}
