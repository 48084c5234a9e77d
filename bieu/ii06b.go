package bieu

import (
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
)

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
