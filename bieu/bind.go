package bieu

import (
	"fmt"
	"reflect"
	"strconv"
	"sync"
	"unsafe"

	"github.com/shopspring/decimal"

	"github.com/baocaodinhky/vpcp/internal/vntext"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
)

// A typed row names the official column of each of its fields with the
// tag `kstt:"n"`: (1) STT and (2) the row label are strings, the count
// and flag columns int64, the rate columns decimal.Decimal. The engine
// reads and writes the fields through a binding found once per row type
// with package reflect, the way encoding/json caches the fields of a
// type. The binding keeps each field's offset, checked against its type
// when it is found, so that reading a row is a load per column (or one
// copy, when the columns are adjacent fields): a reflect.Value per field
// made the engine's Check and Fill 1.3× to 2.5× slower than the
// hand-written adapters it replaces (BenchmarkFill, BenchmarkCheckScale).

// boundField is the struct field of one official column.
type boundField struct {
	col int     // official column number (n)
	off uintptr // offset of the field in the row struct
}

// rowBinding maps a row type's fields to its official columns.
type rowBinding struct {
	stt, label uintptr      // offsets of the string fields of (1) and (2)
	ints       []boundField // count and flag columns (int64), by column
	rates      []boundField // rate columns (decimal.Decimal)
	maxCol     int
	// run is set when the int64 fields are adjacent in column order (all
	// but II.07b Part II): the row's counts are then one copy.
	run bool
}

var bindings sync.Map // reflect.Type → *rowBinding

// bindingOf returns the binding of row type R, found on first use.
func bindingOf[R any]() *rowBinding {
	t := reflect.TypeFor[R]()
	if b, ok := bindings.Load(t); ok {
		return b.(*rowBinding)
	}
	b, err := bindType(t)
	if err != nil {
		panic(err) // the package's own row types: a bug the tests catch
	}
	v, _ := bindings.LoadOrStore(t, b)
	return v.(*rowBinding)
}

var (
	int64Type   = reflect.TypeFor[int64]()
	stringType  = reflect.TypeFor[string]()
	decimalType = reflect.TypeFor[decimal.Decimal]()
)

// bindType reads the `kstt:"n"` tags of struct type t.
func bindType(t reflect.Type) (*rowBinding, error) {
	if t.Kind() != reflect.Struct {
		return nil, fmt.Errorf("bieu: %s is not a struct", t)
	}
	b := &rowBinding{}
	seen := map[int]bool{}
	for i := range t.NumField() {
		sf := t.Field(i)
		tag, ok := sf.Tag.Lookup("kstt")
		if !ok {
			continue
		}
		n, err := strconv.Atoi(tag)
		if err != nil || n < 1 || seen[n] {
			return nil, fmt.Errorf("bieu: %s.%s: tag kstt:%q is not a new column number", t.Name(), sf.Name, tag)
		}
		seen[n] = true
		b.maxCol = max(b.maxCol, n)
		switch {
		case n <= 2 && sf.Type == stringType:
			if n == 1 {
				b.stt = sf.Offset
			} else {
				b.label = sf.Offset
			}
		case n > 2 && sf.Type == int64Type:
			b.ints = append(b.ints, boundField{n, sf.Offset})
		case n > 2 && sf.Type == decimalType:
			b.rates = append(b.rates, boundField{n, sf.Offset})
		default:
			return nil, fmt.Errorf("bieu: %s.%s: column (%d) cannot be a %s", t.Name(), sf.Name, n, sf.Type)
		}
	}
	if !seen[1] || !seen[2] {
		return nil, fmt.Errorf("bieu: %s: no field for column (1) or (2)", t.Name())
	}
	b.run = len(b.ints) > 0
	for i, f := range b.ints {
		if f.col != b.ints[0].col+i || f.off != b.ints[0].off+uintptr(i)*8 {
			b.run = false
		}
	}
	return b, nil
}

// The accessors take p, a pointer to a row of the bound type.

func (b *rowBinding) text(p unsafe.Pointer) (stt, label string) {
	return *(*string)(unsafe.Add(p, b.stt)), *(*string)(unsafe.Add(p, b.label))
}

func (b *rowBinding) setText(p unsafe.Pointer, stt, label string) {
	*(*string)(unsafe.Add(p, b.stt)), *(*string)(unsafe.Add(p, b.label)) = stt, label
}

// getInts stores the count and flag columns of the row in dst.
func (b *rowBinding) getInts(p unsafe.Pointer, dst []int64) {
	if b.run {
		f := b.ints[0]
		copy(dst[f.col:f.col+len(b.ints)], unsafe.Slice((*int64)(unsafe.Add(p, f.off)), len(b.ints)))
		return
	}
	for _, f := range b.ints {
		dst[f.col] = *(*int64)(unsafe.Add(p, f.off))
	}
}

// setInts stores src[n] in the field of every count and flag column (n).
func (b *rowBinding) setInts(p unsafe.Pointer, src []int64) {
	if b.run {
		f := b.ints[0]
		copy(unsafe.Slice((*int64)(unsafe.Add(p, f.off)), len(b.ints)), src[f.col:f.col+len(b.ints)])
		return
	}
	for _, f := range b.ints {
		*(*int64)(unsafe.Add(p, f.off)) = src[f.col]
	}
}

// rate returns the field of rate column col, nil when the row has none.
func (b *rowBinding) rate(p unsafe.Pointer, col int) *decimal.Decimal {
	for _, f := range b.rates {
		if f.col == col {
			return (*decimal.Decimal)(unsafe.Add(p, f.off))
		}
	}
	return nil
}

func (b *rowBinding) getRate(p unsafe.Pointer, col int) decimal.Decimal {
	if d := b.rate(p, col); d != nil {
		return *d
	}
	return decimal.Zero
}

func (b *rowBinding) setRate(p unsafe.Pointer, col int, v decimal.Decimal) {
	if d := b.rate(p, col); d != nil {
		*d = v
	}
}

// setRowInts stores src[n] in the count and flag fields of row r.
func setRowInts[R any](r *R, src []int64) { bindingOf[R]().setInts(unsafe.Pointer(r), src) }

// numbered is the typed row of sum r, with STT n.
func numbered[R any](n int, r *accRow) R {
	var x R
	b := bindingOf[R]()
	b.setText(unsafe.Pointer(&x), strconv.Itoa(n), vntext.NFC(r.label))
	b.setInts(unsafe.Pointer(&x), r.vals[:])
	return x
}

// rowInts stores the count and flag fields of row r in dst.
func rowInts[R any](r *R, dst []int64) { bindingOf[R]().getInts(unsafe.Pointer(r), dst) }

// formHooks is what a bound table asks of its form: its text brought to
// NFC (the engine asks for NormalizeText).
type formHooks interface{ normalizeText() }

// quickCleaner is a form with a generated fast path (quick_gen.go).
type quickCleaner interface {
	formHooks
	quickClean() bool
}

// quickFlat is the table of a grouped form with a fast path (II.08): it
// gives it to the engine (QuickClean).
type quickFlat[R any] struct{ *flatTable[R] }

func (t quickFlat[R]) QuickClean() bool { return t.form.(quickCleaner).quickClean() }

// A part printed as its data rows then TỔNG CỘNG (II.06a, the parts of
// II.07b) has a table that is one pointer to the form, so that the engine
// gets it without an allocation; its methods find row i (listRow) and
// read or write it through the row type's binding with the functions
// below. (A table generic over the form and the part was 1.7× slower per
// row than these: Go calls a type parameter's methods through a
// dictionary, which does not inline.)

// listMetaOf describes row p of such a table, TỔNG CỘNG when total.
func listMetaOf(b *rowBinding, p unsafe.Pointer, total bool) kstt.RowMeta {
	stt, label := b.text(p)
	return listMeta(total, stt, label)
}

// rowPtr is row i of rows then total, as the bindings take it.
func rowPtr[R any](rows []R, total *R, i int) unsafe.Pointer {
	return unsafe.Pointer(listRow(rows, total, i))
}

// flatTable is the engine's view (kstt.MutableTable) of a part whose data
// rows are grouped under level and section rows (II.06b, II.08), in
// printed order. Its index holds no pointer, so building it per Table
// call costs the garbage collector nothing.
type flatTable[R any] struct {
	b      *rowBinding
	form   formHooks
	total  *R
	groups []flatGroup[R]
	index  []printedRow
}

// flatGroup is a level or section row: its code, its title and, for a
// level, the data rows under it.
type flatGroup[R any] struct {
	code, title *string
	rows        []R
}

// printedRow is one printed row: group g's own row (r < 0) or its data
// row r, or TỔNG CỘNG.
type printedRow struct {
	kind layout.RowKind
	g, r int32
}

// rows and groups size its index: the printed rows (data rows and group
// rows, TỔNG CỘNG excluded) and the group rows, so that building it
// allocates twice, whatever the form's size.
func newFlatTable[R any](form formHooks, total *R, b *rowBinding, rows, groups int) *flatTable[R] {
	return &flatTable[R]{b: b, form: form, total: total,
		index: make([]printedRow, 0, rows+1), groups: make([]flatGroup[R], 0, groups)}
}

// group appends a group row (a section, or a level with its data rows).
func (t *flatTable[R]) group(kind layout.RowKind, code, title *string, rows []R) {
	g := int32(len(t.groups))
	t.groups = append(t.groups, flatGroup[R]{code: code, title: title, rows: rows})
	t.index = append(t.index, printedRow{kind: kind, g: g, r: -1})
	for r := range rows {
		t.index = append(t.index, printedRow{kind: layout.DataRow, g: g, r: int32(r)})
	}
}

// end appends TỔNG CỘNG.
func (t *flatTable[R]) end() *flatTable[R] {
	t.index = append(t.index, printedRow{kind: layout.TotalRow, g: -1, r: -1})
	return t
}

func (t *flatTable[R]) Len() int { return len(t.index) }

func (t *flatTable[R]) Row(i int) kstt.RowMeta {
	x := t.index[i]
	switch x.kind {
	case layout.DataRow:
		g := &t.groups[x.g]
		stt, label := t.b.text(unsafe.Pointer(&g.rows[x.r]))
		return kstt.RowMeta{Kind: x.kind, STT: stt, Label: label, Group: *g.title}
	case layout.TotalRow:
		stt, _ := t.b.text(unsafe.Pointer(t.total))
		return kstt.RowMeta{Kind: x.kind, STT: stt, Label: kstt.TotalLabel}
	}
	g := &t.groups[x.g]
	return kstt.RowMeta{Kind: x.kind, STT: *g.code, Label: *g.title}
}

// bound returns printed row i's struct, or false for a group row.
func (t *flatTable[R]) bound(i int) (unsafe.Pointer, bool) {
	x := t.index[i]
	switch {
	case x.kind == layout.TotalRow:
		return unsafe.Pointer(t.total), true
	case x.r >= 0:
		return unsafe.Pointer(&t.groups[x.g].rows[x.r]), true
	}
	return nil, false
}

func (t *flatTable[R]) Ints(i int, dst []int64) {
	if p, ok := t.bound(i); ok {
		t.b.getInts(p, dst)
	}
}

func (t *flatTable[R]) SetInts(i int, src []int64) {
	if p, ok := t.bound(i); ok {
		t.b.setInts(p, src)
	}
}

func (t *flatTable[R]) Rate(i, col int) decimal.Decimal {
	if p, ok := t.bound(i); ok {
		return t.b.getRate(p, col)
	}
	return decimal.Zero
}

func (t *flatTable[R]) SetRate(i, col int, d decimal.Decimal) {
	if p, ok := t.bound(i); ok {
		t.b.setRate(p, col, d)
	}
}

func (t *flatTable[R]) EnsureTotal()   {}
func (t *flatTable[R]) NormalizeText() { t.form.normalizeText() }

var (
	_ kstt.MutableTable              = (*flatTable[II08Row])(nil)
	_ interface{ QuickClean() bool } = quickFlat[II08Row]{}
)
