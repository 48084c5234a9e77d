package bieu

import (
	"cmp"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/baocaodinhky/vpcp/internal/vntext"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/decl"
	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/period"
)

// Sentinel errors of a roll-up, matched with errors.Is on a *UnitError
// (and through the *RollupError that gathers them).
var (
	// ErrNoReports: Rollup was given no report.
	ErrNoReports = errors.New("no report to roll up")
	// ErrNoUnit: a report is nil or names no reporting unit.
	ErrNoUnit = errors.New("report names no reporting unit")
	// ErrNoPeriod: a report names no period (Kỳ báo cáo).
	ErrNoPeriod = errors.New("report names no period")
	// ErrPeriodMismatch: a unit reports for another period than the
	// roll-up's.
	ErrPeriodMismatch = errors.New("period differs from the roll-up's")
	// ErrRecipientMismatch: a unit reports to another recipient than the
	// one rolling up.
	ErrRecipientMismatch = errors.New("recipient differs from the roll-up's")
	// ErrDuplicateUnit: the same unit (after normalisation) appears twice.
	ErrDuplicateUnit = errors.New("unit appears twice")
	// ErrUnknownLevel: the administrative level of a unit that files
	// II.06a cannot be told (see GuessLevel and RollupOptions.Level).
	ErrUnknownLevel = errors.New("administrative level of the unit unknown")
	// ErrNoDistrict: a cấp huyện unit reports for a period that starts on
	// or after 1/7/2025, when there is no cấp huyện (NoDistrictFor).
	ErrNoDistrict = errors.New("no cấp huyện reports from 1/7/2025 (two-level local government)")
)

// UnitError is why one report was refused by Rollup: which one (its
// position in the input and its unit as written), the sentinel, and the
// value the roll-up wanted against the one the report has (either may be
// empty: a duplicate unit has only Got, "also report 1"; an unknown level
// only Want).
type UnitError struct {
	Index int    // 0-based position of the report in the Rollup call
	Unit  string // the reporting unit as the report writes it
	Err   error  // ErrNoUnit, ErrNoPeriod, ErrPeriodMismatch, ErrRecipientMismatch, ErrDuplicateUnit or ErrUnknownLevel
	Want  string // e.g. the roll-up's period, "Quý II năm 2024"
	Got   string // e.g. the report's period, "Quý I năm 2024"
}

// Error returns e.g. `bieu: rollup: report 3 "Sở Tư pháp": period
// differs from the roll-up's: Quý I năm 2024, want Quý II năm 2024`. The
// unit is left out when the report names none, and Got and Want when
// empty: `bieu: rollup: report 2 "Sở Tư pháp": unit appears twice: also
// report 1`.
func (e *UnitError) Error() string {
	s := "bieu: rollup: report " + strconv.Itoa(e.Index+1)
	if e.Unit != "" {
		s += " " + strconv.Quote(e.Unit)
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	switch {
	case e.Got != "" && e.Want != "":
		s += ": " + e.Got + ", want " + e.Want
	case e.Got != "":
		s += ": " + e.Got
	case e.Want != "":
		s += ": want " + e.Want
	}
	return s
}

// Unwrap returns the sentinel.
func (e *UnitError) Unwrap() error { return e.Err }

// RollupError gathers every refused report of a Rollup call (it never stops
// at the first). Unwrap gives each *UnitError, so errors.Is(err,
// ErrPeriodMismatch) and errors.As(err, &unitErr) work on it.
type RollupError struct {
	Units []*UnitError
}

// Error names every refused unit.
func (e *RollupError) Error() string {
	if len(e.Units) == 1 {
		return e.Units[0].Error()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "bieu: rollup: %d reports refused:", len(e.Units))
	for _, u := range e.Units {
		b.WriteString("\n\t")
		b.WriteString(strings.TrimPrefix(u.Error(), "bieu: rollup: "))
	}
	return b.String()
}

// Unwrap gives each *UnitError.
func (e *RollupError) Unwrap() []error {
	out := make([]error, len(e.Units))
	for i, u := range e.Units {
		out[i] = u
	}
	return out
}

// RollupOptions configure Rollup. The zero value takes the unit rolling up
// and the period from the first report and guesses levels from unit names.
type RollupOptions struct {
	// Unit is the unit rolling up: every report must name it as Đơn vị
	// nhận báo cáo, and the aggregate names it as Đơn vị báo cáo. ""
	// takes the first report's recipient.
	Unit string
	// Recipient is the aggregate's Đơn vị nhận báo cáo (e.g. "Văn phòng
	// Chính phủ"); it may be left empty.
	Recipient string
	// Period is the roll-up's period; the zero Period takes the first
	// report's that names one.
	Period period.Period
	// Level tells the administrative level of a unit, for II.06b; nil
	// means GuessLevel.
	Level func(unit string) UnitLevel
}

// RollupUnit is one unit that fed an aggregate.
type RollupUnit struct {
	Name  string    `json:"name"`  // as its report writes it (NFC)
	Level UnitLevel `json:"level"` // LevelUnknown when it files no II.06a and its name tells none
}

// RowSource is the provenance of one lĩnh vực row of an aggregate form:
// the units whose rows were added into it, in input order.
type RowSource struct {
	Form  string   `json:"form"`           // "II.06a", "II.06b", "II.07b", "II.08"
	Part  string   `json:"part,omitempty"` // "I" or "II" for II.07b
	Row   int      `json:"row"`            // index of the row in the form's Table, as Finding.Row counts
	Label string   `json:"label"`          // the lĩnh vực as the aggregate prints it
	Units []string `json:"units"`          // the units that fed it
}

// Aggregate is what a recipient (UBND tỉnh, a ministry) builds from the
// reports of the units that report to it for one period (Thông tư
// 01/2020/TT-VPCP, Điều 4 and Điều 5: the recipient compiles the reports
// of the units below it into its own): each form summed over the units,
// lĩnh vực by lĩnh vực, with the provenance of every row. A form no unit
// filed is nil.
type Aggregate struct {
	Header kstt.Header  `json:"header"`          // the recipient's own header: Đơn vị báo cáo = the unit rolling up
	Units  []RollupUnit `json:"units"`           // the units, in input order
	II06a  *II06a       `json:"ii06a,omitempty"` // II.06a by lĩnh vực over every unit
	II06b  *II06b       `json:"ii06b,omitempty"` // II.06a grouped by the units' level (inferred layout, see II06b)
	II07b  *II07b       `json:"ii07b,omitempty"` // II.07b by lĩnh vực, rates recomputed from the summed counts
	// II07bByUnit is II.07b with one row per unit — each unit's TỔNG CỘNG,
	// rates recomputed — the layout of provincial one-stop systems whose
	// column (2) is "Đơn vị". The declaration still
	// heads column (2) "Lĩnh vực"; the rows hold unit names. It is not
	// among Report's forms (it shares II.07b's code): render its Sheet
	// apart. Its TỔNG CỘNG equals II07b's.
	II07bByUnit *II07b      `json:"ii07b_by_unit,omitempty"`
	II08        *II08       `json:"ii08,omitempty"` // II.08 by section, level and lĩnh vực
	Sources     []RowSource `json:"sources"`        // provenance of every lĩnh vực row of the forms above
	// Declared are the forms declared as data (package kstt/decl) that the
	// units filed, each summed by its Schema.Rollup, in order of first
	// appearance.
	Declared []*decl.Form `json:"-"`

	reports []*kstt.Report
}

// Report returns the aggregate as a report of the unit rolling up, its
// forms in the order II.06a, II.06b, II.07b, II.08 (those present), ready
// to check, render (Report.Sheets) or encode. It has no narrative.
func (a *Aggregate) Report() *kstt.Report {
	r := &kstt.Report{Header: a.Header}
	for _, f := range []kstt.Form{a.II06a, a.II06b, a.II07b, a.II08} {
		if f != nil && !isNilForm(f) {
			r.Forms = append(r.Forms, f)
		}
	}
	for _, f := range a.Declared {
		r.Forms = append(r.Forms, f)
	}
	return r
}

func isNilForm(f kstt.Form) bool {
	switch v := f.(type) {
	case *II06a:
		return v == nil
	case *II06b:
		return v == nil
	case *II07b:
		return v == nil
	case *II08:
		return v == nil
	}
	return false
}

// SourcesOf returns the units that fed row row of part part of form form
// (as RowSource counts them), or nil.
func (a *Aggregate) SourcesOf(form, part string, row int) []string {
	for _, s := range a.Sources {
		if s.Form == form && s.Part == part && s.Row == row {
			return s.Units
		}
	}
	return nil
}

// Check checks the roll-up: every unit's report on its own, each finding
// tagged with its unit (Finding.Unit), then the aggregate's forms, whose
// findings have an empty Unit, and, for a period no known edition covers,
// the notice KSTT/R40 (see Editions). The findings come sorted (by unit first).
// opts apply to every check; II.06b's rules may be named in it.
func (a *Aggregate) Check(opts kstt.CheckOptions) (kstt.Findings, error) {
	cat := catalogueFor(a.reports...)
	full := opts
	opts, err := editionOptions(cat, opts)
	if err != nil {
		return nil, err
	}
	var out kstt.Findings
	for i, r := range a.reports {
		fs, err := cat.Check(r, opts)
		if err != nil {
			return nil, fmt.Errorf("bieu: rollup check of %q: %w", a.Units[i].Name, err)
		}
		for _, f := range fs {
			f.Unit = a.Units[i].Name
			out = append(out, f)
		}
	}
	fs, err := cat.Check(a.Report(), opts)
	if err != nil {
		return nil, err
	}
	return a.editionNotice(full, append(out, fs...)).Sort(), nil
}

// hasNilForm reports whether a form of r is nil (or a typed nil pointer).
func hasNilForm(r *kstt.Report) bool {
	for _, f := range r.Forms {
		switch v := f.(type) {
		case nil:
			return true
		case *II06a, *II06b, *II07b, *II08:
			if isNilForm(v) {
				return true
			}
		default:
			if rv := reflect.ValueOf(f); rv.Kind() == reflect.Pointer && rv.IsNil() {
				return true
			}
		}
	}
	return false
}

// reportHeader is a report's header, or its first form's when its own is
// empty (as the catalogue's check reads it).
func reportHeader(r *kstt.Report) kstt.Header { return rawHeader(r).Normalize() }

// rawHeader is reportHeader before normalisation.
func rawHeader(r *kstt.Report) kstt.Header {
	h := r.Header
	if h.Unit == "" && h.Recipient == "" && h.Period.IsZero() && len(r.Forms) > 0 {
		h = r.Forms[0].FormHeader()
	}
	return h
}

// Rollup combines the reports of many units for one period into the
// aggregate of the unit they report to (Thông tư 01/2020/TT-VPCP, Điều 5):
//
//   - II.06a of every unit into one II.06a by lĩnh vực, and into II.06b,
//     the same rows grouped by the units' level (CẤP TỈNH, CẤP HUYỆN, CẤP
//     XÃ; inferred layout);
//   - II.07b by lĩnh vực (both parts; the Part II rates recomputed from the
//     summed counts, 0 when a level has no procedure), and by unit
//     (Aggregate.II07bByUnit: each unit's TỔNG CỘNG on its own row);
//   - II.08 by section, level and lĩnh vực; a merged row's (9) is 1 only
//     when every unit's row says 1.
//
// Lĩnh vực are matched by FieldKey (NFC, case, spacing, an optional
// "Lĩnh vực" prefix); the aggregate prints each as the first unit wrote it,
// in order of first appearance, numbered 1, 2, …. Every count column is
// summed as the units reported it (derived columns included, so an
// inconsistent unit stays visible in the aggregate's own check), and
// TỔNG CỘNG is the sum of the rows.
//
// A report is refused — with a *RollupError naming every refused unit and
// why (ErrNoUnit, ErrNoPeriod, ErrPeriodMismatch, ErrRecipientMismatch,
// ErrDuplicateUnit, ErrUnknownLevel) — when it is nil, names no unit, no
// period, another period or another recipient, a unit already seen, or
// (when it files II.06a) a unit whose level is unknown. Reports are not
// checked here: the aggregate's Check gathers every unit's own findings. A
// sum that overflows int64 fails with an error wrapping kstt.ErrOverflow
// that names the form, the lĩnh vực (with II.06b's level, II.07b's part or
// II.08's section and level), the column and the units that fed it.
func Rollup(reports []*kstt.Report, opts RollupOptions) (*Aggregate, error) {
	if len(reports) == 0 {
		return nil, ErrNoReports
	}
	levelOf := opts.Level
	want := kstt.Header{Unit: opts.Unit, Period: opts.Period}.Normalize()
	unitSet := want.Unit != ""
	for _, r := range reports {
		if r == nil || hasNilForm(r) {
			continue
		}
		h := reportHeader(r)
		if !unitSet {
			want.Unit, unitSet = h.Recipient, true
		}
		if want.Period.IsZero() {
			want.Period = h.Period
		}
		if !want.Period.IsZero() {
			break
		}
	}
	wantRecipient := vntext.Key(want.Unit)
	agg := &Aggregate{
		Header:  kstt.Header{Unit: want.Unit, Recipient: vntext.NFC(opts.Recipient), Period: want.Period},
		Units:   make([]RollupUnit, 0, len(reports)),
		reports: reports,
	}
	var refused []*UnitError
	seen := make(map[string]int, len(reports))
	recipientKeys := map[string]string{} // most reports write the same recipient
	for i, r := range reports {
		if r == nil {
			refused = append(refused, &UnitError{Index: i, Err: ErrNoUnit, Got: "nil report"})
			continue
		}
		if hasNilForm(r) {
			refused = append(refused, &UnitError{Index: i, Unit: r.Header.Unit, Err: kstt.ErrInvalidReport, Got: "nil form"})
			continue
		}
		// The header as written: the unit's name is normalised once (its
		// key is that name in lower case), the recipient, which most
		// reports write alike, once per spelling.
		h := rawHeader(r)
		h.Unit = vntext.NFC(h.Unit)
		u := RollupUnit{Name: h.Unit}
		bad := func(err error, want, got string) {
			refused = append(refused, &UnitError{Index: i, Unit: h.Unit, Err: err, Want: want, Got: got})
		}
		key := strings.ToLower(h.Unit) // vntext.Key of a name already in NFC
		if key == "" {
			bad(ErrNoUnit, "", "")
		} else if j, dup := seen[key]; dup {
			bad(ErrDuplicateUnit, "", "also report "+strconv.Itoa(j+1))
		} else {
			seen[key] = i
		}
		if h.Period.IsZero() {
			bad(ErrNoPeriod, want.Period.String(), "")
		} else if h.Period != want.Period {
			bad(ErrPeriodMismatch, periodName(want.Period), periodName(h.Period))
		}
		rk, ok := recipientKeys[h.Recipient]
		if !ok {
			rk = vntext.Key(h.Recipient)
			recipientKeys[h.Recipient] = rk
		}
		if rk != wantRecipient {
			bad(ErrRecipientMismatch, unsetIfEmpty(want.Unit), unsetIfEmpty(vntext.NFC(h.Recipient)))
		}
		if levelOf != nil {
			u.Level = levelOf(h.Unit)
		} else {
			u.Level = guessLevelKey(key)
		}
		if u.Level == DistrictLevel && NoDistrictFor(want.Period) {
			bad(ErrNoDistrict, "CẤP TỈNH or CẤP XÃ", LevelDistrict)
		}
		if u.Level == LevelUnknown && r.Form("II.06a") != nil && key != "" {
			bad(ErrUnknownLevel, "CẤP TỈNH, CẤP HUYỆN or CẤP XÃ", "")
		}
		agg.Units = append(agg.Units, u)
	}
	if len(refused) > 0 {
		return nil, &RollupError{Units: refused}
	}
	b := newRollupBuilder()
	for i, r := range reports {
		if err := b.add(r, agg.Units[i], int32(i)); err != nil {
			return nil, err
		}
	}
	if err := b.build(agg); err != nil {
		return nil, err
	}
	var err error
	if agg.Declared, err = rollupDeclared(reports, agg.Header); err != nil {
		return nil, err
	}
	return agg, nil
}

func periodName(p period.Period) string {
	if p.IsZero() {
		return "(chưa ghi)"
	}
	return p.String()
}

// unsetIfEmpty is s, or "(chưa ghi)" (not written) when s is blank.
func unsetIfEmpty(s string) string {
	if strings.TrimSpace(s) == "" {
		return "(chưa ghi)"
	}
	return s
}

// accRow is one lĩnh vực row being summed.
type accRow struct {
	key   string
	label string
	vals  [15]int64 // by official column number; 15 covers every form here
	units []int32   // indices into Aggregate.Units
	bad   int       // the first column whose sum overflowed, or 0
}

// accTable sums the rows of one group (a form's part, an II.06b level, an
// II.08 section and level) by lĩnh vực key.
type accTable struct {
	counts []int // count columns, summed
	flags  []int // flag columns, AND-ed
	rows   []*accRow
	index  map[string]int
}

func newAccTable(spec *kstt.FormSpec, part int) *accTable {
	t := &accTable{index: map[string]int{}}
	for _, c := range spec.Parts[part].Columns {
		switch c.Kind {
		case layout.CountColumn:
			t.counts = append(t.counts, c.Num)
		case layout.FlagColumn:
			t.flags = append(t.flags, c.Num)
		}
	}
	return t
}

func (t *accTable) add(key, label string, buf []int64, unit int32) {
	t.addRow(t.rowFor(key, label), buf, unit)
}

// rowFor returns the index of the row of lĩnh vực key, adding it (printed
// as label) when it is new.
func (t *accTable) rowFor(key, label string) int {
	i, ok := t.index[key]
	if !ok {
		i = len(t.rows)
		t.index[key] = i
		r := &accRow{key: key, label: label}
		for _, c := range t.flags {
			r.vals[c] = 1
		}
		t.rows = append(t.rows, r)
	}
	return i
}

// addRow adds buf into row i on behalf of unit.
func (t *accTable) addRow(i int, buf []int64, unit int32) {
	r := t.rows[i]
	for _, c := range t.counts {
		s := r.vals[c] + buf[c]
		if ((buf[c] > 0 && s < r.vals[c]) || (buf[c] < 0 && s > r.vals[c])) && r.bad == 0 {
			r.bad = c
		}
		r.vals[c] = s
	}
	for _, c := range t.flags {
		r.vals[c] = min(r.vals[c], buf[c])
	}
	if n := len(r.units); n == 0 || r.units[n-1] != unit {
		r.units = append(r.units, unit)
	}
}

// provenance adds the rows of t to *rows and the units that fed them to
// *units.
func (t *accTable) provenance(rows, units *int) {
	*rows += len(t.rows)
	for _, r := range t.rows {
		*units += len(r.units)
	}
}

// total sums the rows, every count and flag column, into into. It returns
// 0, or the column of the first overflow: in row bad when a row's own sum
// overflowed, in TỔNG CỘNG when bad is nil.
func (t *accTable) total(into *[15]int64) (bad *accRow, col int) {
	for _, r := range t.rows {
		if r.bad != 0 {
			return r, r.bad
		}
	}
	for _, r := range t.rows {
		for _, c := range append(t.counts[:len(t.counts):len(t.counts)], t.flags...) {
			s := into[c] + r.vals[c]
			if ((r.vals[c] > 0 && s < into[c]) || (r.vals[c] < 0 && s > into[c])) && col == 0 {
				col = c
			}
			into[c] = s
		}
	}
	return nil, col
}

// ii08Group is one (section, level) of II.08 in the roll-up.
type ii08Group struct {
	secCode, secTitle, lvlCode, lvlTitle string
	secKey                               string
	lvlRank                              int
	first                                int // order of first appearance
	t                                    *accTable
}

// fieldSlot caches, per spelling of a lĩnh vực, its key and its rows in
// the II.06a and II.06b tables (-1 until first used), so that a row of a
// unit's II.06a costs one map lookup.
type fieldSlot struct {
	key string
	a   int
	b   [4]int
}

type rollupBuilder struct {
	slots   map[string]*fieldSlot // raw label → its key and rows
	keys    map[string]string     // raw label → FieldKey, computed once per spelling
	a       *accTable             // II.06a
	b       [4]*accTable          // II.06b, by UnitLevel
	desk    *accTable             // II.07b Part I
	onSpot  *accTable             // II.07b Part II
	deskU   *accTable             // II.07b Part I, one row per unit (its TỔNG CỘNG)
	onSpotU *accTable             // II.07b Part II, one row per unit
	c       map[string]*ii08Group
	buf     []int64
	hasA    bool
	hasDesk bool
	hasC    bool
}

func newRollupBuilder() *rollupBuilder {
	b := &rollupBuilder{
		slots:   map[string]*fieldSlot{},
		keys:    map[string]string{},
		a:       newAccTable(specII06a, 0),
		desk:    newAccTable(specII07b, 0),
		onSpot:  newAccTable(specII07b, 1),
		deskU:   newAccTable(specII07b, 0),
		onSpotU: newAccTable(specII07b, 1),
		c:       map[string]*ii08Group{},
		buf:     make([]int64, 16),
	}
	for l := ProvinceLevel; l <= CommuneLevel; l++ {
		b.b[l] = newAccTable(specII06a, 0)
	}
	return b
}

func (b *rollupBuilder) key(label string) string {
	k, ok := b.keys[label]
	if !ok {
		k = FieldKey(label)
		b.keys[label] = k
	}
	return k
}

func (b *rollupBuilder) add(r *kstt.Report, u RollupUnit, ui int32) error {
	for _, f := range r.Forms {
		switch f.Spec().Code {
		case "II.06a":
			b.hasA = true
			if a, ok := f.(*II06a); ok { // the rows as they are, without the Table view
				for i := range a.Rows {
					rowInts(&a.Rows[i], b.buf)
					b.addII06a(a.Rows[i].Field, u.Level, ui)
				}
				continue
			}
			t := f.Table(0)
			for i, n := 0, t.Len(); i < n; i++ {
				m := t.Row(i)
				if m.Kind != layout.DataRow {
					continue
				}
				t.Ints(i, b.buf)
				b.addII06a(m.Label, u.Level, ui)
			}
		case "II.07b":
			b.hasDesk = true
			for part, acc := range []*accTable{b.desk, b.onSpot} {
				t := f.Table(part)
				for i, n := 0, t.Len(); i < n; i++ {
					m := t.Row(i)
					if m.Kind != layout.DataRow {
						continue
					}
					clear(b.buf)
					t.Ints(i, b.buf)
					acc.add(b.key(m.Label), m.Label, b.buf, ui)
				}
				// The unit's TỔNG CỘNG is its row in the by-unit layout.
				if j := kstt.MatchRow(t, kstt.RowMeta{Kind: layout.TotalRow}); j >= 0 {
					clear(b.buf)
					t.Ints(j, b.buf)
					[]*accTable{b.deskU, b.onSpotU}[part].add(strconv.Itoa(int(ui)), u.Name, b.buf, ui)
				}
			}
		case "II.08":
			b.hasC = true
			t := f.Table(0)
			var sec, lvl kstt.RowMeta
			for i, n := 0, t.Len(); i < n; i++ {
				m := t.Row(i)
				switch m.Kind {
				case layout.SectionRow:
					sec, lvl = m, kstt.RowMeta{}
				case layout.LevelRow:
					lvl = m
				case layout.DataRow:
					t.Ints(i, b.buf)
					g := b.ii08Group(sec, lvl)
					g.t.add(b.key(m.Label), m.Label, b.buf, ui)
				}
			}
		}
	}
	return nil
}

// addII06a adds b.buf, the counts of one II.06a row of lĩnh vực label,
// into II.06a and into II.06b at level l, on behalf of unit ui.
func (b *rollupBuilder) addII06a(label string, l UnitLevel, ui int32) {
	sl := b.slots[label]
	if sl == nil {
		sl = &fieldSlot{key: b.key(label), a: -1, b: [4]int{-1, -1, -1, -1}}
		b.slots[label] = sl
	}
	if sl.a < 0 {
		sl.a = b.a.rowFor(sl.key, label)
	}
	b.a.addRow(sl.a, b.buf, ui)
	if l != LevelUnknown {
		if sl.b[l] < 0 {
			sl.b[l] = b.b[l].rowFor(sl.key, label)
		}
		b.b[l].addRow(sl.b[l], b.buf, ui)
	}
}

func (b *rollupBuilder) ii08Group(sec, lvl kstt.RowMeta) *ii08Group {
	gk := vntext.Key(sec.STT) + "\x00" + vntext.Key(lvl.STT) + "\x00" + vntext.Key(lvl.Label)
	g, ok := b.c[gk]
	if !ok {
		g = &ii08Group{secCode: sec.STT, secTitle: sec.Label, lvlCode: lvl.STT, lvlTitle: lvl.Label,
			secKey: vntext.Key(sec.STT), lvlRank: levelRank(lvl.Label), first: len(b.c), t: newAccTable(specII08, 0)}
		b.c[gk] = g
	}
	return g
}

// levelRank orders II.08's level rows: CẤP TỈNH, CẤP HUYỆN, CẤP XÃ, then
// any other in order of appearance.
func levelRank(title string) int {
	switch vntext.Key(title) {
	case vntext.Key(LevelProvince):
		return 1
	case vntext.Key(LevelDistrict):
		return 2
	case vntext.Key(LevelCommune):
		return 3
	}
	return 4
}

// buildII07b materialises the two parts of an II.07b from their sums
// (rows in order of first appearance, TỔNG CỘNG the sum of the rows) and
// recomputes the Part II rates from the summed counts against Part I's
// row of the same key (and TỔNG CỘNG). src, when not nil, records each
// row's provenance.
func buildII07b(h kstt.Header, form string, desk, onSpot *accTable, src func(form, part string, row int, r *accRow), ovf func(form, where string, r *accRow, col int, tables ...*accTable) error) (*II07b, error) {
	f := &II07b{Header: h}
	if r, col := sumList(desk, &f.PartI.Rows, &f.PartI.Total, src, "II.07b", "I"); col != 0 {
		return nil, ovf(form, "Part I", r, col, desk)
	}
	if r, col := sumList(onSpot, &f.PartII.Rows, &f.PartII.Total, src, "II.07b", "II"); col != 0 {
		return nil, ovf(form, "Part II", r, col, onSpot)
	}
	// Rates cannot be summed: recompute them from the summed counts.
	for i := 0; i <= len(f.PartII.Rows); i++ {
		var p, d int64
		if i == len(f.PartII.Rows) {
			p, d = f.PartI.Total.OneStopProvince, f.PartI.Total.OneStopDistrict
		} else if j, ok := desk.index[onSpot.rows[i].key]; ok {
			p, d = desk.rows[j].vals[8], desk.rows[j].vals[9]
		} else {
			continue
		}
		r := listRow(f.PartII.Rows, &f.PartII.Total, i)
		r.ProvinceRate = kstt.RateOf(r.Province, p, 2)
		r.DistrictRate = kstt.RateOf(r.District, d, 2)
	}
	return f, nil
}

// sumList numbers the rows of t from 1 into *rows, in order, and sums
// them into *total, recording each row's provenance with src (when not
// nil) as row i of form's part. It returns the row (nil for TỔNG CỘNG) and
// column of a sum that overflows, column 0 when none does.
func sumList[R any](t *accTable, rows *[]R, total *R, src func(form, part string, row int, r *accRow), form, part string) (*accRow, int) {
	for i, r := range t.rows {
		*rows = append(*rows, numbered[R](i+1, r))
		if src != nil {
			src(form, part, i, r)
		}
	}
	var tot [15]int64
	if r, col := t.total(&tot); col != 0 {
		return r, col
	}
	setRowInts(total, tot[:])
	return nil, 0
}

// maxOverflowUnits bounds how many units an overflow error names.
const maxOverflowUnits = 5

// overflow is the error of a sum that overflows int64 in column col of
// form (in where: II.06b's level, II.07b's part, II.08's section and
// level): in row r, or in TỔNG CỘNG when r is nil, fed by the units of r
// or of every row of tables. It wraps kstt.ErrOverflow.
func overflow(units []RollupUnit, form, where string, r *accRow, col int, tables ...*accTable) error {
	var b strings.Builder
	b.WriteString("bieu: rollup ")
	b.WriteString(form)
	if where != "" {
		b.WriteString(", ")
		b.WriteString(where)
	}
	var fed []int32
	if r != nil {
		b.WriteString(", lĩnh vực ")
		b.WriteString(strconv.Quote(vntext.NFC(strings.TrimSpace(r.label))))
		fed = r.units
	} else {
		b.WriteString(", TỔNG CỘNG")
		seen := map[int32]bool{}
		for _, t := range tables {
			for _, row := range t.rows {
				for _, u := range row.units {
					if !seen[u] {
						seen[u] = true
						fed = append(fed, u)
					}
				}
			}
		}
		slices.Sort(fed)
	}
	fmt.Fprintf(&b, ", column (%d)", col)
	if len(fed) > 0 {
		b.WriteString(", units ")
		for i, u := range fed {
			if i == maxOverflowUnits {
				fmt.Fprintf(&b, " and %d more", len(fed)-i)
				break
			}
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(strconv.Quote(units[u].Name))
		}
	}
	return fmt.Errorf("%s: %w", b.String(), kstt.ErrOverflow)
}

func (b *rollupBuilder) build(agg *Aggregate) error {
	h := agg.Header
	// Provenance: every row's units, by index while summing, become names
	// here, all in one backing array (each row's slice capped at its own
	// length, so appending to one never writes into the next).
	var nsrc, nnames int
	for _, t := range append([]*accTable{b.a, b.desk, b.onSpot}, b.b[ProvinceLevel:]...) {
		t.provenance(&nsrc, &nnames)
	}
	for _, g := range b.c {
		g.t.provenance(&nsrc, &nnames)
	}
	agg.Sources = make([]RowSource, 0, nsrc)
	names := make([]string, 0, nnames)
	src := func(form, part string, row int, r *accRow) {
		from := len(names)
		for _, u := range r.units {
			names = append(names, agg.Units[u].Name)
		}
		agg.Sources = append(agg.Sources, RowSource{Form: form, Part: part, Row: row, Label: vntext.NFC(r.label),
			Units: names[from:len(names):len(names)]})
	}
	ovf := func(form, where string, r *accRow, col int, tables ...*accTable) error {
		return overflow(agg.Units, form, where, r, col, tables...)
	}
	var tot [15]int64
	if b.hasA {
		f := &II06a{Header: h}
		if r, col := sumList(b.a, &f.Rows, &f.Total, src, "II.06a", ""); col != 0 {
			return ovf("II.06a", "", r, col, b.a)
		}
		agg.II06a = f

		g := &II06b{Header: h}
		row, n := 0, 1
		for l := ProvinceLevel; l <= CommuneLevel; l++ {
			t := b.b[l]
			if len(t.rows) == 0 {
				continue
			}
			lv := II06bLevel{Code: l.Code(), Title: l.String()}
			row++ // the level row
			for _, r := range t.rows {
				lv.Rows = append(lv.Rows, numbered[II06aRow](n, r))
				src("II.06b", "", row, r)
				row++
				n++
			}
			if r, col := t.total(&tot); col != 0 {
				where := l.String()
				if r == nil {
					where = "" // TỔNG CỘNG sums every level
				}
				return ovf("II.06b", where, r, col, b.b[ProvinceLevel:l+1]...)
			}
			g.Levels = append(g.Levels, lv)
		}
		setRowInts(&g.Total, tot[:])
		agg.II06b = g
	}
	if b.hasDesk {
		var err error
		if agg.II07b, err = buildII07b(h, "II.07b", b.desk, b.onSpot, src, ovf); err != nil {
			return err
		}
		if agg.II07bByUnit, err = buildII07b(h, "II.07b by unit", b.deskU, b.onSpotU, nil, ovf); err != nil {
			return err
		}
	}
	if b.hasC {
		groups := make([]*ii08Group, 0, len(b.c))
		for _, g := range b.c {
			groups = append(groups, g)
		}
		// Sections in order of their code (A before B), levels by rank.
		slices.SortFunc(groups, func(x, y *ii08Group) int {
			return cmp.Or(cmp.Compare(x.secKey, y.secKey), cmp.Compare(x.lvlRank, y.lvlRank), cmp.Compare(x.first, y.first))
		})
		f := &II08{Header: h}
		row, n := 0, 1
		tot = [15]int64{}
		for gi, g := range groups {
			if len(f.Sections) == 0 || vntext.Key(f.Sections[len(f.Sections)-1].Code) != g.secKey {
				f.Sections = append(f.Sections, II08Section{Code: g.secCode, Title: vntext.NFC(g.secTitle)})
				row++
			}
			s := &f.Sections[len(f.Sections)-1]
			s.Levels = append(s.Levels, II08Level{Code: g.lvlCode, Title: vntext.NFC(g.lvlTitle)})
			row++
			l := &s.Levels[len(s.Levels)-1]
			for _, r := range g.t.rows {
				l.Rows = append(l.Rows, numbered[II08Row](n, r))
				src("II.08", "", row, r)
				row++
				n++
			}
			if r, col := g.t.total(&tot); col != 0 {
				if r != nil {
					where := "section " + g.secCode
					if g.lvlTitle != "" {
						where += ", " + g.lvlTitle
					}
					return ovf("II.08", where, r, col)
				}
				tables := make([]*accTable, gi+1)
				for k := range tables {
					tables[k] = groups[k].t
				}
				return ovf("II.08", "", nil, col, tables...)
			}
		}
		setRowInts(&f.Total, tot[:])
		agg.II08 = f
	}
	return nil
}
