package indicator

import (
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
)

// ErrOtherUnit: Compare was given reports of two different units.
var ErrOtherUnit = errors.New("indicator: the two reports are of different units")

// Comparison is one unit's report against its report for an earlier
// period: every count and every indicator, row by row, with the change.
type Comparison struct {
	Prev  kstt.Header  `json:"prev"`
	Cur   kstt.Header  `json:"cur"`
	Forms []FormChange `json:"forms"`
}

// FormChange is the comparison of one form (one part of II.07b).
type FormChange struct {
	Form       string            `json:"form"`
	Part       string            `json:"part,omitempty"`
	Title      string            `json:"title"` // "Biểu số II.06a/VPCP/KSTT", with "Phần I" for II.07b
	Rows       []RowChange       `json:"rows"`
	Indicators []IndicatorChange `json:"indicators"`
}

// RowChange is one lĩnh vực row (or TỔNG CỘNG) of a form in both periods.
// Rows are matched by lĩnh vực key (bieu.FieldKey: "Lĩnh vực Hộ tịch" and
// "hộ tịch" are one row) within the same level or section; a row found in
// one period only has the other side missing.
type RowChange struct {
	Kind    layout.RowKind `json:"kind"`
	Label   string         `json:"label"`
	Group   string         `json:"group,omitempty"`
	Columns []Change       `json:"columns"` // one per count column of the part, in column order
}

// Change is one figure in both periods: the absolute change Cur − Prev and
// the percent change (Cur − Prev) ÷ Prev × 100, rounded to two decimals.
// A side the period does not have is missing (PrevOK or CurOK false); the
// changes are then missing too, and the percent change is missing when
// Prev is 0.
type Change struct {
	Col     int    `json:"col"`   // official column number
	Label   string `json:"label"` // "(3) Số lượng hồ sơ tiếp nhận – Tổng số"
	Prev    int64  `json:"prev"`
	Cur     int64  `json:"cur"`
	PrevOK  bool   `json:"prev_ok"`
	CurOK   bool   `json:"cur_ok"`
	Diff    int64  `json:"diff"`
	DiffOK  bool   `json:"diff_ok"` // both sides are there and Cur − Prev fits an int64
	Percent Value  `json:"percent"` // the percent change; OK false when there is none
}

// IndicatorChange is one indicator on one row in both periods, with the
// change in percentage points.
type IndicatorChange struct {
	ID     string          `json:"id"`
	Name   string          `json:"name"`
	Label  string          `json:"label"` // the row: lĩnh vực or "TỔNG CỘNG"
	Group  string          `json:"group,omitempty"`
	Kind   layout.RowKind  `json:"kind"`
	Prev   Value           `json:"prev"`
	Cur    Value           `json:"cur"`
	Points decimal.Decimal `json:"points"` // Cur − Prev, in percentage points
	OK     bool            `json:"ok"`     // both sides have a value
}

// Compare compares cur with prev, two reports of one unit (for two
// periods): each form both file, part by part and row by row, every count
// column and every indicator. A unit's name is compared after NFC and
// space folding, without regard to case; different units give an error
// wrapping ErrOtherUnit.
func Compare(prev, cur *kstt.Report) (*Comparison, error) {
	if prev == nil || cur == nil {
		return nil, ErrNilForm
	}
	ph, ch := reportHeader(prev), reportHeader(cur)
	if bieu.FieldKey(ph.Unit) != bieu.FieldKey(ch.Unit) {
		return nil, fmt.Errorf("%w: %q and %q", ErrOtherUnit, ph.Unit, ch.Unit)
	}
	c := &Comparison{Prev: ph, Cur: ch}
	for _, cf := range cur.Forms {
		if isNil(cf) {
			continue
		}
		spec := cf.Spec()
		i := slices.IndexFunc(prev.Forms, func(f kstt.Form) bool { return !isNil(f) && f.Spec().Code == spec.Code })
		if i < 0 {
			continue
		}
		for pi := range spec.Parts {
			c.Forms = append(c.Forms, compareParts(spec, pi, prev.Forms[i], cf))
		}
	}
	return c, nil
}

type rowRef struct {
	form kstt.Form
	row  int
	meta kstt.RowMeta
}

func rowKey(meta kstt.RowMeta) string {
	if meta.Kind == layout.TotalRow {
		return "\x00total"
	}
	return bieu.FieldKey(meta.Group) + "\x00" + bieu.FieldKey(meta.Label)
}

func compareParts(spec *kstt.FormSpec, pi int, pf, cf kstt.Form) FormChange {
	part := &spec.Parts[pi]
	fc := FormChange{Form: spec.Code, Part: part.ID, Title: spec.FullCode()}
	if part.ID != "" {
		fc.Title += ", Phần " + part.ID
	}
	// Rows in the current period's order, then those only the earlier has;
	// the total last.
	type pair struct{ prev, cur *rowRef }
	var order []string
	pairs := map[string]*pair{}
	add := func(f kstt.Form, isCur bool) {
		t := f.Table(pi)
		// A lĩnh vực written twice in one form matches the other period's
		// rows in order: first with first, second with second.
		seen := map[string]int{}
		for i := 0; i < t.Len(); i++ {
			meta := t.Row(i)
			if meta.Kind != layout.DataRow && meta.Kind != layout.TotalRow {
				continue
			}
			k := rowKey(meta)
			seen[k]++
			k += "\x00" + strconv.Itoa(seen[k])
			p := pairs[k]
			if p == nil {
				p = &pair{}
				pairs[k] = p
				order = append(order, k)
			}
			ref := &rowRef{form: f, row: i, meta: meta}
			if isCur {
				p.cur = ref
			} else {
				p.prev = ref
			}
		}
	}
	add(cf, true)
	add(pf, false)
	var total string
	for i, k := range order {
		if pairs[k].cur != nil && pairs[k].cur.meta.Kind == layout.TotalRow || pairs[k].prev != nil && pairs[k].prev.meta.Kind == layout.TotalRow {
			total = k
			order = append(order[:i:i], order[i+1:]...)
			break
		}
	}
	if total != "" {
		order = append(order, total)
	}
	buf := make([]int64, part.MaxNum()+1)
	inds := For(spec.Code)
	for _, k := range order {
		p := pairs[k]
		first := p.cur
		if first == nil {
			first = p.prev
		}
		rc := RowChange{Kind: first.meta.Kind, Label: rowLabel(first.meta), Group: first.meta.Group}
		var pv, cv []int64
		if p.prev != nil {
			p.prev.form.Table(pi).Ints(p.prev.row, buf)
			pv = append(pv, buf...)
		}
		if p.cur != nil {
			p.cur.form.Table(pi).Ints(p.cur.row, buf)
			cv = append(cv, buf...)
		}
		for _, col := range part.Columns {
			if col.Kind != layout.CountColumn {
				continue
			}
			ch := Change{Col: col.Num, Label: columnLabel(col)}
			if pv != nil {
				ch.Prev, ch.PrevOK = pv[col.Num], true
			}
			if cv != nil {
				ch.Cur, ch.CurOK = cv[col.Num], true
			}
			if ch.PrevOK && ch.CurOK {
				d := ch.Cur - ch.Prev
				if ch.Prev >= 0 && d <= ch.Cur || ch.Prev < 0 && d > ch.Cur { // no overflow
					ch.Diff, ch.DiffOK = d, true
					ch.Percent = Of(d, ch.Prev, 2)
				}
			}
			rc.Columns = append(rc.Columns, ch)
		}
		fc.Rows = append(fc.Rows, rc)
		for i := range inds {
			ind := &inds[i]
			if ind.Num[0].Part != part.ID {
				continue
			}
			ic := IndicatorChange{ID: ind.ID, Name: ind.Name, Label: rc.Label, Group: rc.Group, Kind: rc.Kind}
			if p.prev != nil {
				ic.Prev = ind.at(p.prev.form, pi, p.prev.row)
			}
			if p.cur != nil {
				ic.Cur = ind.at(p.cur.form, pi, p.cur.row)
			}
			if ic.Prev.OK && ic.Cur.OK {
				ic.Points, ic.OK = ic.Cur.Rate.Sub(ic.Prev.Rate), true
			}
			fc.Indicators = append(fc.Indicators, ic)
		}
	}
	return fc
}

// columnLabel is "(3) Số lượng hồ sơ tiếp nhận – Tổng số".
func columnLabel(c kstt.Column) string {
	s := "(" + strconv.Itoa(c.Num) + ") "
	for _, g := range c.Groups {
		s += g + " – "
	}
	return s + c.Label
}

// Sheet lays out the comparison: for each form (part), a block of counts —
// STT, lĩnh vực, the figure, the earlier period, this period, the change
// and the percent change, one line per count column of each row — and a
// block of indicators with the change in percentage points. Missing sides
// and changes are empty cells. The sheet carries a column chart of the
// indicators on TỔNG CỘNG, this period against the earlier one.
func (c *Comparison) Sheet() *layout.Sheet {
	s := &layout.Sheet{Name: CompareName, Title: "SO SÁNH VỚI KỲ BÁO CÁO TRƯỚC", Measure: "Đơn vị tính: Số hồ sơ TTHC, TTHC, %"}
	headerLines(s, c.Cur)
	prevName, curName := "Kỳ trước", "Kỳ này"
	if !c.Prev.Period.IsZero() {
		prevName = c.Prev.Period.String()
		s.Period += " so với " + prevName
	}
	if !c.Cur.Period.IsZero() {
		curName = c.Cur.Period.String()
	}
	chart := layout.Chart{Kind: layout.ColumnChart, Title: "Các chỉ số (TỔNG CỘNG): " + curName + " so với " + prevName, Percent: true, Places: 2}
	prevS, curS := layout.ChartSeries{Name: prevName}, layout.ChartSeries{Name: curName}
	charted := map[string]bool{}
	for _, fc := range c.Forms {
		counts := layout.Block{
			Title:    fc.Title + " – số liệu",
			HeadRows: 1,
			Columns: []layout.Column{
				{Num: 1, Key: "stt", Kind: layout.TextColumn, Width: 5},
				{Num: 2, Key: "field", Kind: layout.TextColumn, Width: 24},
				{Num: 3, Key: "figure", Kind: layout.TextColumn, Width: 34},
				{Num: 4, Key: "prev", Kind: layout.CountColumn, Width: 12},
				{Num: 5, Key: "cur", Kind: layout.CountColumn, Width: 12},
				{Num: 6, Key: "diff", Kind: layout.FlagColumn, Width: 12},
				{Num: 7, Key: "percent", Kind: layout.RateColumn, Width: 12},
			},
			Head: headRow("STT", "Lĩnh vực", "Chỉ tiêu", prevName, curName,
				"Tăng (+), giảm (−)", "Tỷ lệ tăng, giảm"),
			Numbers: []string{"(1)", "(2)", "(3)", "(4)", "(5)", "(6)=(5)−(4)", "(7)=(6)/(4)"},
		}
		stt := 0
		for _, rc := range fc.Rows {
			for j, ch := range rc.Columns {
				// A row's first line carries its kind (TỔNG CỘNG is ruled
				// off above it once); the lines under it are plain.
				row := layout.Row{Kind: layout.DataRow, Cells: make([]layout.Cell, 7)}
				if rc.Kind == layout.TotalRow && j == 0 {
					row.Kind = layout.TotalRow
				}
				if j == 0 {
					if rc.Kind == layout.DataRow {
						stt++
						row.Cells[0] = text(strconv.Itoa(stt))
					}
					row.Cells[1] = text(groupLabel(rc.Label, rc.Group))
				}
				row.Cells[2] = text(ch.Label)
				if ch.PrevOK {
					row.Cells[3] = intCell(ch.Prev)
				}
				if ch.CurOK {
					row.Cells[4] = intCell(ch.Cur)
				}
				if ch.DiffOK {
					row.Cells[5] = intCell(ch.Diff)
				}
				row.Cells[6] = rateCell(ch.Percent)
				counts.Rows = append(counts.Rows, row)
			}
		}
		s.Blocks = append(s.Blocks, counts)
		if len(fc.Indicators) == 0 {
			continue
		}
		inds := layout.Block{
			Title:    fc.Title + " – chỉ số",
			HeadRows: 1,
			Columns: []layout.Column{
				{Num: 1, Key: "stt", Kind: layout.TextColumn, Width: 5},
				{Num: 2, Key: "field", Kind: layout.TextColumn, Width: 24},
				{Num: 3, Key: "indicator", Kind: layout.TextColumn, Width: 34},
				{Num: 4, Key: "prev", Kind: layout.RateColumn, Width: 12},
				{Num: 5, Key: "cur", Kind: layout.RateColumn, Width: 12},
				{Num: 6, Key: "points", Kind: layout.CountColumn, Width: 12},
			},
			Head: headRow("STT", "Lĩnh vực", "Chỉ số", prevName, curName,
				"Tăng (+), giảm (−) (điểm %)"),
			Numbers: []string{"(1)", "(2)", "(3)", "(4)", "(5)", "(6)=(5)−(4)"},
		}
		stt, last := 0, ""
		for _, ic := range fc.Indicators {
			row := layout.Row{Kind: layout.DataRow, Cells: make([]layout.Cell, 6)}
			key := ic.Group + "\x00" + ic.Label
			if key != last {
				if ic.Kind == layout.TotalRow {
					row.Kind = layout.TotalRow
				}
				if ic.Kind == layout.DataRow {
					stt++
					row.Cells[0] = text(strconv.Itoa(stt))
				}
				row.Cells[1] = text(groupLabel(ic.Label, ic.Group))
				last = key
			}
			row.Cells[2] = text(ic.Name)
			row.Cells[3], row.Cells[4] = rateCell(ic.Prev), rateCell(ic.Cur)
			if ic.OK {
				row.Cells[5] = layout.Cell{Kind: layout.DecimalCell, Dec: ic.Points}
			}
			inds.Rows = append(inds.Rows, row)
			// II.06b repeats II.06a's indicators: chart each once.
			if ic.Kind == layout.TotalRow && !charted[ic.ID] {
				charted[ic.ID] = true
				chart.Categories = append(chart.Categories, ic.Name)
				plot(&prevS, ic.Prev)
				plot(&curS, ic.Cur)
			}
		}
		s.Blocks = append(s.Blocks, inds)
	}
	if len(chart.Categories) > 0 {
		chart.Series = []layout.ChartSeries{prevS, curS}
		s.Charts = []layout.Chart{chart}
	}
	return s
}

func groupLabel(label, group string) string {
	if group == "" {
		return label
	}
	return label + " (" + group + ")"
}
