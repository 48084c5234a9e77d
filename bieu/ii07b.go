package bieu

import (
	"github.com/shopspring/decimal"
	"unsafe"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
)

// Spec returns the declaration of Biểu II.07b, shared by every form of the
// kind: treat it as read-only (bieu.Official gives copies to change).
func (f *II07b) Spec() *kstt.FormSpec { return specII07b }

// FormHeader returns the header block.
func (f *II07b) FormHeader() kstt.Header { return f.Header }

// Table returns Part I (0) or Part II (1).
func (f *II07b) Table(part int) kstt.Table {
	if part == 1 {
		return ii07bOnSpot{f}
	}
	return ii07bDesk{f}
}

// ii07bDesk and ii07bOnSpot are the engine's views of Part I and Part II
// (kstt.MutableTable), kept off the form's and the parts' method sets.
type (
	ii07bDesk   struct{ f *II07b }
	ii07bOnSpot struct{ f *II07b }
)

func (t ii07bDesk) p(i int) unsafe.Pointer { return rowPtr(t.f.PartI.Rows, &t.f.PartI.Total, i) }
func (t ii07bDesk) Len() int               { return len(t.f.PartI.Rows) + 1 }
func (t ii07bDesk) Row(i int) kstt.RowMeta {
	return listMetaOf(bindII07bDeskRow, t.p(i), i == len(t.f.PartI.Rows))
}
func (t ii07bDesk) Ints(i int, dst []int64)               { bindII07bDeskRow.getInts(t.p(i), dst) }
func (t ii07bDesk) SetInts(i int, src []int64)            { bindII07bDeskRow.setInts(t.p(i), src) }
func (t ii07bDesk) Rate(i, col int) decimal.Decimal       { return bindII07bDeskRow.getRate(t.p(i), col) }
func (t ii07bDesk) SetRate(i, col int, v decimal.Decimal) { bindII07bDeskRow.setRate(t.p(i), col, v) }
func (t ii07bDesk) EnsureTotal()                          {}
func (t ii07bDesk) NormalizeText()                        { t.f.normalizeText() }

func (t ii07bOnSpot) p(i int) unsafe.Pointer { return rowPtr(t.f.PartII.Rows, &t.f.PartII.Total, i) }
func (t ii07bOnSpot) Len() int               { return len(t.f.PartII.Rows) + 1 }
func (t ii07bOnSpot) Row(i int) kstt.RowMeta {
	return listMetaOf(bindII07bOnSpotRow, t.p(i), i == len(t.f.PartII.Rows))
}
func (t ii07bOnSpot) Ints(i int, dst []int64)         { bindII07bOnSpotRow.getInts(t.p(i), dst) }
func (t ii07bOnSpot) SetInts(i int, src []int64)      { bindII07bOnSpotRow.setInts(t.p(i), src) }
func (t ii07bOnSpot) Rate(i, col int) decimal.Decimal { return bindII07bOnSpotRow.getRate(t.p(i), col) }
func (t ii07bOnSpot) SetRate(i, col int, v decimal.Decimal) {
	bindII07bOnSpotRow.setRate(t.p(i), col, v)
}
func (t ii07bOnSpot) EnsureTotal() {}

var (
	_ kstt.MutableTable              = ii07bDesk{}
	_ kstt.MutableTable              = ii07bOnSpot{}
	_ interface{ NormalizeText() }   = ii07bDesk{}
	_ kstt.MutableTable              = ii06aTable{}
	_ interface{ QuickClean() bool } = ii06aTable{}
)

var (
	bindII07bDeskRow   = bindingOf[II07bDeskRow]()
	bindII07bOnSpotRow = bindingOf[II07bOnSpotRow]()
)

// Fill derives (3), (7), (11) of Part I, the rates of Part II and both
// TỔNG CỘNG rows, and numbers (1) STT 1, 2, … where it is blank (each
// part from 1).
func (f *II07b) Fill() error { f.numberRows(); return kstt.Fill(f) }

// Check runs the rules of Biểu II.07b and KSTT/R45 (a lĩnh vực on two
// rows of one part); it never changes the form.
func (f *II07b) Check(opts kstt.CheckOptions) (kstt.Findings, error) { return checkForm(f, opts) }

// Sheet returns the neutral layout renderers print.
func (f *II07b) Sheet() *layout.Sheet { return kstt.Layout(f) }
