package tally

import (
	"slices"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/period"
)

// AuditOptions switch the audit trail on (Policy.Audit) and bound it: the
// trail keeps the cells of the first MaxRecords records, and for each cell
// the codes of its first MaxCodesPerCell records. A zero field takes its
// default; the memory kept is bounded by the two, whatever the number of
// records.
type AuditOptions struct {
	MaxRecords      int `json:"max_records"`        // default 10,000
	MaxCodesPerCell int `json:"max_codes_per_cell"` // default 1,000
}

// Placement is one cell a record counted in, and the policy that put it
// there.
type Placement struct {
	Form   string         `json:"form"`            // "II.06a", "II.06b", "II.08"
	Level  bieu.UnitLevel `json:"level,omitempty"` // the level row (II.06b, II.08)
	Field  string         `json:"field"`           // the lĩnh vực row, as printed
	Column int            `json:"column"`          // the official column number
	Policy string         `json:"policy"`          // TALLY/P…
	Also   []string       `json:"also,omitempty"`  // further policies that applied (a pause moving the due date)
}

// Trail is what the audit says about one record.
type Trail struct {
	Code   string      `json:"code"`
	Status string      `json:"status"` // "counted", "outside" (no part of the period), "skipped" (a problem)
	Cells  []Placement `json:"cells,omitempty"`
}

type auditClass struct {
	status          uint8 // 0 counted, 1 outside, 2 skipped
	key, label      string
	level           bieu.UnitLevel
	recv, res, pend int8
	svc             int8
	closing, shift  bool
}

type cellKey struct {
	field string // field key
	level bieu.UnitLevel
	col   int8
}

type audit struct {
	opts    AuditOptions
	records map[string]auditClass
	order   []string // codes in the order seen, for Merge
	cells   map[cellKey][]string
	full    map[cellKey]bool // a cell with more codes than kept
	dropped int64            // records beyond MaxRecords
}

func newAudit(o AuditOptions) *audit {
	if o.MaxRecords <= 0 {
		o.MaxRecords = 10_000
	}
	if o.MaxCodesPerCell <= 0 {
		o.MaxCodesPerCell = 1_000
	}
	return &audit{opts: o, records: map[string]auditClass{}, cells: map[cellKey][]string{}, full: map[cellKey]bool{}}
}

func (a *audit) keep(code string, c auditClass) {
	if _, ok := a.records[code]; ok {
		return // a duplicate: the first record's trail stays
	}
	if len(a.records) >= a.opts.MaxRecords {
		a.dropped++
		return
	}
	a.records[code] = c
	a.order = append(a.order, code)
}

func (a *audit) outside(code string, _ period.Period) { a.keep(code, auditClass{status: 1}) }
func (a *audit) skipped(code string, _ period.Period) { a.keep(code, auditClass{status: 2}) }

func (a *audit) add(code string, c *class, _ period.Period) {
	ac := auditClass{key: c.acc.key, label: c.acc.label, level: c.level, recv: c.recv, res: c.res, pend: c.pend, svc: c.svc, closing: c.closing, shift: c.shift}
	a.keep(code, ac)
	for _, col := range [...]int8{c.recv, c.res, c.pend, c.svc} {
		if col == 0 {
			continue
		}
		k := cellKey{c.acc.key, c.level, col}
		if codes := a.cells[k]; len(codes) < a.opts.MaxCodesPerCell {
			a.cells[k] = append(codes, code)
		} else {
			a.full[k] = true
		}
	}
}

func (a *audit) merge(o *audit) {
	for _, code := range o.order {
		a.keep(code, o.records[code])
	}
	a.dropped += o.dropped
	for k, codes := range o.cells {
		mine := a.cells[k]
		for _, c := range codes {
			if len(mine) >= a.opts.MaxCodesPerCell {
				a.full[k] = true
				break
			}
			mine = append(mine, c)
		}
		a.cells[k] = mine
		if o.full[k] {
			a.full[k] = true
		}
	}
}

// trail expands a kept class into its cells.
func (c auditClass) trail(code string) Trail {
	t := Trail{Code: code, Status: [...]string{"counted", "outside", "skipped"}[c.status]}
	if c.status != 0 {
		return t
	}
	add := func(col int8, derived int, pol string) {
		if col == 0 {
			return
		}
		var also []string
		if c.shift && (pol == PolicyTimeliness || pol == PolicyPending) {
			also = []string{PolicyPauses}
		}
		for _, form := range []string{"II.06a", "II.06b"} {
			lvl := c.level
			if form == "II.06a" {
				lvl = bieu.LevelUnknown
			}
			t.Cells = append(t.Cells,
				Placement{Form: form, Level: lvl, Field: c.label, Column: derived, Policy: pol, Also: also},
				Placement{Form: form, Level: lvl, Field: c.label, Column: int(col), Policy: pol, Also: also})
		}
	}
	recvPol := PolicyChannel
	if c.recv == 6 {
		recvPol = PolicyCarried
	}
	add(c.recv, 3, recvPol)
	resPol := PolicyTimeliness
	if c.closing {
		resPol = PolicyClosing
	}
	add(c.res, 7, resPol)
	add(c.pend, 11, PolicyPending)
	if c.svc != 0 {
		col := 5
		if c.svc == colFull {
			col = 8
		}
		t.Cells = append(t.Cells, Placement{Form: "II.08", Level: c.level, Field: c.label, Column: col, Policy: PolicyService})
	}
	slices.SortStableFunc(t.Cells, func(x, y Placement) int {
		if x.Form != y.Form {
			return compareStrings(x.Form, y.Form)
		}
		return x.Column - y.Column
	})
	return t
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Trail returns the audit trail of the record with code: the cells it
// counted in and by which policy, or that it is outside the period or was
// skipped. ok is false when the audit is off, or the record was not kept
// (beyond AuditOptions.MaxRecords, or never given).
func (r *Result) Trail(code string) (Trail, bool) {
	if r.audit == nil {
		return Trail{}, false
	}
	c, ok := r.audit.records[code]
	if !ok {
		return Trail{}, false
	}
	return c.trail(code), true
}

// leaves are the leaf columns behind a column of II.06a or II.08.
func leaves(form string, col int) []int8 {
	if form == "II.08" {
		switch col {
		case 5:
			return []int8{colPartial}
		case 8:
			return []int8{colFull}
		}
		return nil
	}
	switch col {
	case 3:
		return []int8{4, 5, 6}
	case 7:
		return []int8{8, 9, 10}
	case 11:
		return []int8{12, 13}
	case 4, 5, 6, 8, 9, 10, 12, 13:
		return []int8{int8(col)}
	}
	return nil
}

// Codes returns the codes of the records behind a cell: form "II.06a",
// "II.06b" or "II.08", the row's lĩnh vực as printed (or kstt.TotalLabel
// for TỔNG CỘNG), the level (II.06b, II.08; LevelUnknown for II.06a or for
// every level) and the official column number. complete is false when the
// audit is off or kept fewer codes than the cell counts
// (AuditOptions.MaxCodesPerCell). Codes are sorted.
func (r *Result) Codes(form, field string, level bieu.UnitLevel, col int) (codes []string, complete bool) {
	if r.audit == nil {
		return nil, false
	}
	fk := bieu.FieldKey(field)
	total := field == kstt.TotalLabel
	complete = true
	for _, leaf := range leaves(form, col) {
		for k, cs := range r.audit.cells {
			if k.col != leaf || (!total && k.field != fk) || (level != bieu.LevelUnknown && k.level != level) {
				continue
			}
			codes = append(codes, cs...)
			if r.audit.full[k] {
				complete = false
			}
		}
	}
	slices.Sort(codes)
	return codes, complete
}

// Explain returns the codes of the records behind the cell of a finding of
// Check on the tallied forms (its form, row label, level group and
// column), so that the finding can be traced to the records. A finding
// about a whole report names TỔNG CỘNG of its rule's form.
func (r *Result) Explain(f kstt.Finding) (codes []string, complete bool) {
	form, label, col := f.Form, f.RowLabel, f.Column
	if form == "" {
		form, label = "II.06a", kstt.TotalLabel
	}
	if label == "" {
		label = kstt.TotalLabel
	}
	var lvl bieu.UnitLevel
	if f.Group != "" && form != "II.06a" {
		_ = lvl.UnmarshalText([]byte(f.Group))
	}
	if col == 0 {
		var all []string
		complete = true
		for _, c := range []int{3, 7, 11} {
			cs, ok := r.Codes(form, label, lvl, c)
			all = append(all, cs...)
			complete = complete && ok
		}
		slices.Sort(all)
		return slices.Compact(all), complete
	}
	return r.Codes(form, label, lvl, col)
}
