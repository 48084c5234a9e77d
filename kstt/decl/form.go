package decl

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/baocaodinhky/vpcp/internal/vntext"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
)

// Form holds the data of any declared form: its header and, part by part,
// its rows and TỔNG CỘNG. It works wherever the typed forms of package
// bieu work: kstt.Fill and kstt.Check (it is a kstt.Form with mutable
// tables), kstt.Layout and the renderers, the form readers (bieu.Read
// assembles it for a declared form it recognises by its header), JSON
// (the layout of the package documentation) and the roll-up of
// Rollup-like code through its kstt.Table. Build one with Schema.New, or
// get one from a catalogue the schema was added to.
type Form struct {
	Header kstt.Header
	Parts  []PartData // one per declared part, in order

	schema *Schema
	tabs   []partTable
}

// PartData is the body of one part: the rows in printed order (data rows
// and, where the part declares them, level and section rows) and TỔNG
// CỘNG.
type PartData struct {
	Rows  []Row
	Total Row
}

// Row is one body row. Values and Rates are indexed by official column
// number (Values[3] is column (3)); missing entries read as 0.
type Row struct {
	Kind   layout.RowKind    // layout.DataRow (also the zero value), layout.LevelRow or layout.SectionRow
	STT    string            // (1): "1", or a group row's code "I", "B"
	Label  string            // (2): the lĩnh vực (or unit), or a group row's title
	Values []int64           // count and flag columns by number
	Rates  []decimal.Decimal // rate columns by number
}

// New returns an empty form of the schema with the given header: each
// part with the data rows its declaration lists (Rows.Fields, numbered 1,
// 2, …) and a TỔNG CỘNG row.
func (s *Schema) New(h kstt.Header) *Form {
	f := &Form{Header: h, schema: s, Parts: make([]PartData, len(s.parts))}
	for pi := range s.parts {
		for i, field := range s.decl.Parts[pi].Rows.Fields {
			f.Parts[pi].Rows = append(f.Parts[pi].Rows, Row{Kind: layout.DataRow, STT: strconv.Itoa(i + 1), Label: vntext.NFC(field)})
		}
	}
	return f
}

// Schema returns the form's schema (nil for a Form not built by a
// Schema).
func (f *Form) Schema() *Schema { return f.schema }

// Spec implements kstt.Form.
func (f *Form) Spec() *kstt.FormSpec {
	if f.schema == nil {
		return emptySpec
	}
	return f.schema.spec
}

// emptySpec is the spec of a Form without schema: it has no part, so the
// engine's NewChecker refuses it with a clear error instead of a panic.
var emptySpec = &kstt.FormSpec{Code: "(decl.Form without schema)"}

// FormHeader implements kstt.Form.
func (f *Form) FormHeader() kstt.Header { return f.Header }

// InheritHeader, which kstt.NewReport calls: each empty header field
// takes h's.
func (f *Form) InheritHeader(h kstt.Header) { f.Header = f.Header.Inherit(h) }

// Table implements kstt.Form: the table of part pi.
func (f *Form) Table(pi int) kstt.Table {
	if f.schema == nil || pi < 0 || pi >= len(f.schema.parts) {
		return emptyTable{}
	}
	f.ensure()
	return &f.tabs[pi]
}

// ensure gives the form one PartData and one table view per part.
func (f *Form) ensure() {
	n := len(f.schema.parts)
	if len(f.Parts) < n {
		f.Parts = append(f.Parts, make([]PartData, n-len(f.Parts))...)
	}
	if len(f.tabs) != n {
		f.tabs = make([]partTable, n)
		for i := range f.tabs {
			f.tabs[i] = partTable{f: f, pi: i, info: &f.schema.parts[i]}
		}
	}
}

// Fill derives the form's formulas, TỔNG CỘNG and rates (kstt.Fill), and
// numbers (1) STT 1, 2, … of each part's data rows where it is blank.
func (f *Form) Fill() error {
	for pi := range f.Parts {
		n := 0
		for i := range f.Parts[pi].Rows {
			r := &f.Parts[pi].Rows[i]
			if r.Kind != layout.DataRow && r.Kind != 0 {
				continue
			}
			n++
			if strings.TrimSpace(r.STT) == "" {
				r.STT = strconv.Itoa(n)
			}
		}
	}
	return kstt.Fill(f)
}

// Check runs the rules of the form's declaration (kstt.Check).
func (f *Form) Check(opts kstt.CheckOptions) (kstt.Findings, error) { return kstt.Check(f, opts) }

// Sheet returns the neutral layout renderers print (kstt.Layout).
func (f *Form) Sheet() *layout.Sheet { return kstt.Layout(f) }

// AddRow appends a data row to part pi with values by column key
// ({"online": 31}); the STT is the row's number among the part's data
// rows. It fails for a key the part does not declare, or a key of a text
// or rate column.
func (f *Form) AddRow(pi int, label string, values map[string]int64) error {
	if f.schema == nil || pi < 0 || pi >= len(f.schema.parts) {
		return fmt.Errorf("decl: add row: the form has no part %d", pi)
	}
	f.ensure()
	info := &f.schema.parts[pi]
	row := Row{Kind: layout.DataRow, Label: vntext.NFC(label), Values: make([]int64, info.width)}
	for k, v := range values {
		n, ok := info.keys[k]
		if !ok || !isNumeric(info, n) {
			return fmt.Errorf("decl: add row %q: %w: no count or flag column with key %q in part %d of %s", label, ErrInvalid, k, pi, f.schema.spec.Code)
		}
		row.Values[n] = v
	}
	p := &f.Parts[pi]
	data := 0
	for _, r := range p.Rows {
		if r.Kind == layout.DataRow || r.Kind == 0 {
			data++
		}
	}
	row.STT = strconv.Itoa(data + 1)
	p.Rows = append(p.Rows, row)
	return nil
}

// AddGroup appends a level (layout.LevelRow) or section (layout.SectionRow)
// row to part pi, e.g. "I", "CẤP TỈNH". It fails when the part declares
// no such rows.
func (f *Form) AddGroup(pi int, kind layout.RowKind, code, title string) error {
	if f.schema == nil || pi < 0 || pi >= len(f.schema.parts) {
		return fmt.Errorf("decl: add group: the form has no part %d", pi)
	}
	info := &f.schema.parts[pi]
	if (kind == layout.LevelRow && len(info.levels) == 0) || (kind == layout.SectionRow && len(info.sections) == 0) ||
		(kind != layout.LevelRow && kind != layout.SectionRow) {
		return fmt.Errorf("decl: add group %q: %w: part %d of %s declares no %s rows", title, ErrInvalid, pi, f.schema.spec.Code, kind)
	}
	f.ensure()
	f.Parts[pi].Rows = append(f.Parts[pi].Rows, Row{Kind: kind, STT: vntext.NFC(code), Label: vntext.NFC(title)})
	return nil
}

// Value returns column col of row i of part pi (TỔNG CỘNG is row
// len(Rows)), 0 when absent.
func (f *Form) Value(pi, i, col int) int64 {
	if f.schema == nil || pi < 0 || pi >= len(f.schema.parts) {
		return 0
	}
	f.ensure()
	r := f.tabs[pi].row(i)
	if r == nil || col < 0 || col >= len(r.Values) {
		return 0
	}
	return r.Values[col]
}

// normalizeText brings the header, STT and labels to NFC with spaces
// folded (kstt's NormalizeText, given by the form's tables).
func (f *Form) normalizeText() {
	f.Header = f.Header.Normalize()
	for pi := range f.Parts {
		p := &f.Parts[pi]
		for i := range p.Rows {
			p.Rows[i].STT = vntext.NFC(p.Rows[i].STT)
			p.Rows[i].Label = vntext.NFC(p.Rows[i].Label)
		}
		p.Total.STT = vntext.NFC(p.Total.STT)
	}
}

func isNumeric(info *partInfo, n int) bool { return slices.Contains(info.numeric, n) }

// partTable is the kstt.MutableTable of one part.
type partTable struct {
	f    *Form
	pi   int
	info *partInfo
}

// NormalizeText and QuickClean are the engine's optional access
// (NormalizeText, QuickClean) to the whole form, kept off
// Form's method set.
func (t *partTable) NormalizeText()   { t.f.normalizeText() }
func (t *partTable) QuickClean() bool { return t.f.quickClean() }

func (t *partTable) part() *PartData { return &t.f.Parts[t.pi] }

func (t *partTable) row(i int) *Row {
	p := t.part()
	switch {
	case i == len(p.Rows):
		return &p.Total
	case i >= 0 && i < len(p.Rows):
		return &p.Rows[i]
	}
	return nil
}

// Len implements kstt.Table.
func (t *partTable) Len() int { return len(t.part().Rows) + 1 }

// Row implements kstt.Table.
func (t *partTable) Row(i int) kstt.RowMeta {
	p := t.part()
	if i == len(p.Rows) {
		return kstt.RowMeta{Kind: layout.TotalRow, STT: p.Total.STT, Label: kstt.TotalLabel}
	}
	if i < 0 || i > len(p.Rows) {
		return kstt.RowMeta{}
	}
	r := &p.Rows[i]
	kind := r.Kind
	if kind == 0 {
		kind = layout.DataRow
	}
	m := kstt.RowMeta{Kind: kind, STT: r.STT, Label: r.Label}
	if kind == layout.DataRow && t.info.groups {
		for j := i - 1; j >= 0; j-- {
			if k := p.Rows[j].Kind; k == layout.LevelRow {
				m.Group = p.Rows[j].Label
				break
			} else if k == layout.SectionRow {
				break
			}
		}
	}
	return m
}

// Ints implements kstt.Table.
func (t *partTable) Ints(i int, dst []int64) {
	r := t.row(i)
	if r == nil {
		return
	}
	v := r.Values
	for _, c := range t.info.numeric {
		if c < len(v) {
			dst[c] = v[c]
		} else {
			dst[c] = 0
		}
	}
}

// Rate implements kstt.Table.
func (t *partTable) Rate(i, col int) decimal.Decimal {
	r := t.row(i)
	if r == nil || col < 0 || col >= len(r.Rates) {
		return decimal.Zero
	}
	return r.Rates[col]
}

// SetInts implements kstt.MutableTable.
func (t *partTable) SetInts(i int, src []int64) {
	r := t.row(i)
	if r == nil {
		return
	}
	if len(r.Values) < t.info.width {
		r.Values = append(r.Values, make([]int64, t.info.width-len(r.Values))...)
	}
	for _, c := range t.info.numeric {
		if c < len(src) {
			r.Values[c] = src[c]
		}
	}
}

// SetRate implements kstt.MutableTable.
func (t *partTable) SetRate(i, col int, v decimal.Decimal) {
	r := t.row(i)
	if r == nil || col < 0 || col >= t.info.width {
		return
	}
	if len(r.Rates) < t.info.width {
		r.Rates = append(r.Rates, make([]decimal.Decimal, t.info.width-len(r.Rates))...)
	}
	r.Rates[col] = v
}

// EnsureTotal implements kstt.MutableTable: TỔNG CỘNG always exists.
func (t *partTable) EnsureTotal() {}

// emptyTable is the table of a part a Form does not have.
type emptyTable struct{}

func (emptyTable) Len() int { return 0 }
func (emptyTable) Row(int) kstt.RowMeta {
	return kstt.RowMeta{}
}
func (emptyTable) Ints(int, []int64)                 {}
func (emptyTable) Rate(int, int) decimal.Decimal     { return decimal.Zero }
func (emptyTable) SetInts(int, []int64)              {}
func (emptyTable) SetRate(int, int, decimal.Decimal) {}
func (emptyTable) EnsureTotal()                      {}

var (
	_ kstt.Form                    = (*Form)(nil)
	_ kstt.MutableTable            = (*partTable)(nil)
	_ interface{ NormalizeText() } = (*partTable)(nil)
)
