package bieu

// The struct II06a is generated from forms/ii06a.json (forms_gen.go);
// its methods are here.

import (
	"unsafe"

	"github.com/shopspring/decimal"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
)

// Spec returns the declaration of Biểu II.06a, shared by every form of the
// kind: treat it as read-only (bieu.Official gives copies to change).
func (f *II06a) Spec() *kstt.FormSpec { return specII06a }

// FormHeader returns the header block.
func (f *II06a) FormHeader() kstt.Header { return f.Header }

// Table returns the form's only table.
func (f *II06a) Table(int) kstt.Table { return ii06aTable{f} }

// ii06aTable is the engine's view of an II06a (kstt.MutableTable, with
// the engine's optional NormalizeText and QuickClean), kept off the
// form's method set.
type ii06aTable struct{ f *II06a }

func (t ii06aTable) p(i int) unsafe.Pointer { return rowPtr(t.f.Rows, &t.f.Total, i) }
func (t ii06aTable) Len() int               { return len(t.f.Rows) + 1 }
func (t ii06aTable) Row(i int) kstt.RowMeta {
	return listMetaOf(bindII06aRow, t.p(i), i == len(t.f.Rows))
}
func (t ii06aTable) Ints(i int, dst []int64)               { bindII06aRow.getInts(t.p(i), dst) }
func (t ii06aTable) SetInts(i int, src []int64)            { bindII06aRow.setInts(t.p(i), src) }
func (t ii06aTable) Rate(i, col int) decimal.Decimal       { return bindII06aRow.getRate(t.p(i), col) }
func (t ii06aTable) SetRate(i, col int, v decimal.Decimal) { bindII06aRow.setRate(t.p(i), col, v) }
func (t ii06aTable) EnsureTotal()                          {}
func (t ii06aTable) NormalizeText()                        { t.f.normalizeText() }
func (t ii06aTable) QuickClean() bool                      { return t.f.quickClean() }

var bindII06aRow = bindingOf[II06aRow]()

// Fill derives (3), (7), (11) of every row and the TỔNG CỘNG row, and
// numbers (1) STT 1, 2, … where it is blank.
func (f *II06a) Fill() error { f.numberRows(); return kstt.Fill(f) }

// Check runs the rules of Biểu II.06a (see the rule catalogue, RULES.md)
// and KSTT/R45 (a lĩnh vực on two rows); it never changes the form.
func (f *II06a) Check(opts kstt.CheckOptions) (kstt.Findings, error) { return checkForm(f, opts) }

// Sheet returns the neutral layout renderers print.
func (f *II06a) Sheet() *layout.Sheet { return kstt.Layout(f) }
