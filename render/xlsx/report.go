package xlsx

import (
	"io"

	"github.com/baocaodinhky/vpcp/kstt"
)

// RenderReport writes the forms of a report (Thông tư 01/2020/TT-VPCP,
// Phụ lục II: the annexes of the narrative report) as one workbook, one
// worksheet per form in report order — Render of rep.Sheets(). The
// narrative itself is not a table and is not written; render/text prints
// it. A report without forms fails with ErrNoSheets, as Render does.
func (r *Renderer) RenderReport(w io.Writer, rep *kstt.Report) error {
	return r.Render(w, rep.Sheets()...)
}
