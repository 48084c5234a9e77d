package kstt

import (
	"slices"

	"github.com/baocaodinhky/vpcp/internal/vntext"
	"github.com/baocaodinhky/vpcp/kstt/layout"
)

// Layout builds the neutral layout.Sheet of f from its declaration: header lines,
// the multi-level header, the column-number row with the printed formulas,
// the body rows and the relation of every derived cell.
func Layout(f Form) *layout.Sheet {
	spec := f.Spec()
	h := f.FormHeader().Normalize()
	s := &layout.Sheet{
		Name:      spec.Code,
		Code:      spec.FullCode(),
		Title:     spec.Title,
		Unit:      "Đơn vị báo cáo: " + h.Unit,
		Recipient: "Đơn vị nhận báo cáo: " + h.Recipient,
		Measure:   "Đơn vị tính: " + spec.Unit,
	}
	if !h.Period.IsZero() {
		s.Period = "Kỳ báo cáo: " + h.Period.String()
		s.PeriodRange = "(" + h.Period.RangeText() + ")"
	} else {
		s.Period = "Kỳ báo cáo:"
	}
	buf := make([]int64, 64)
	index := make([]rowIndex, len(spec.Parts)) // each part's rows by lĩnh vực, for rates across parts
	for pi := range spec.Parts {
		p := &spec.Parts[pi]
		t := f.Table(pi)
		b := layout.Block{Title: p.Title}
		// What every row of a column shares: the relation of the printed
		// formula that derives it (one Relation for the whole column).
		sumCols := make([]*layout.Relation, len(p.Columns))
		for ci, c := range p.Columns {
			b.Columns = append(b.Columns, layout.Column{Num: c.Num, Key: c.Key, Kind: c.Kind, Width: c.Width})
			b.Numbers = append(b.Numbers, spec.NumberLabel(p.ID, c.Num))
			if r := sumRule(spec, p.ID, c.Num); r != nil {
				cols := make([]int, len(r.Terms))
				for k, term := range r.Terms {
					cols[k] = term.Col
				}
				sumCols[ci] = &layout.Relation{Kind: layout.SumColumnsRel, Cols: cols}
			}
		}
		b.HeadRows, b.Head = headGrid(p.Columns)
		if need := p.MaxNum() + 1; need > len(buf) {
			buf = make([]int64, need)
		}
		n, w := t.Len(), len(p.Columns)
		b.Rows = make([]layout.Row, 0, n)
		cells := make([]layout.Cell, n*w) // every row's cells in one array
		var dataRows, totalRows []int
		for i := 0; i < n; i++ {
			meta := t.Row(i)
			row := layout.Row{Kind: meta.Kind, Cells: cells[i*w : (i+1)*w : (i+1)*w]}
			numeric := meta.Kind == layout.DataRow || meta.Kind == layout.TotalRow
			if numeric {
				t.Ints(i, buf)
			}
			if meta.Kind == layout.TotalRow && len(dataRows) > 0 {
				totalRows = slices.Clone(dataRows) // shared by the row's cells
			}
			for ci, c := range p.Columns {
				cell := &row.Cells[ci]
				switch {
				case c.Num == 1:
					cell.Text = vntext.NFC(meta.STT)
					cell.Kind = textKind(cell.Text)
				case c.Num == 2:
					cell.Text = vntext.NFC(meta.Label)
					cell.Kind = textKind(cell.Text)
				case !numeric || c.Kind == layout.TextColumn:
				case c.Kind == layout.RateColumn:
					cell.Kind, cell.Dec = layout.DecimalCell, t.Rate(i, c.Num)
					cell.Rel = rateRelation(f, spec, pi, i, meta, c.Num, index)
				default:
					cell.Kind, cell.Int = layout.IntCell, buf[c.Num]
					if sumCols[ci] != nil {
						cell.Rel = sumCols[ci]
					} else if meta.Kind == layout.TotalRow {
						cell.Rel = &layout.Relation{Kind: layout.SumRowsRel, Rows: totalRows}
					}
				}
			}
			if meta.Kind == layout.DataRow {
				dataRows = append(dataRows, i)
			}
			b.Rows = append(b.Rows, row)
		}
		s.Blocks = append(s.Blocks, b)
	}
	return s
}

func textKind(s string) layout.CellKind {
	if s == "" {
		return layout.EmptyCell
	}
	return layout.TextCell
}

func sumRule(spec *FormSpec, part string, col int) *Rule {
	for i := range spec.Rules {
		r := &spec.Rules[i]
		if r.Kind == SumOfColumns && r.Target.Part == part && r.Target.Col == col {
			return r
		}
	}
	return nil
}

func rateRelation(f Form, spec *FormSpec, pi, row int, meta RowMeta, col int, index []rowIndex) *layout.Relation {
	for i := range spec.Rules {
		r := &spec.Rules[i]
		if r.Kind != Percentage || r.Target.Part != spec.Parts[pi].ID || r.Target.Col != col {
			continue
		}
		ref := func(x Ref) (layout.CellRef, bool) {
			bi := spec.PartIndex(x.Part)
			j := row
			if bi != pi {
				if j = index[bi].find(f.Table(bi), meta, row); j < 0 {
					return layout.CellRef{}, false
				}
			}
			return layout.CellRef{Block: bi, Row: j, Col: x.Col}, true
		}
		num, ok1 := ref(r.Terms[0])
		den, ok2 := ref(r.Terms[1])
		if ok1 && ok2 {
			return &layout.Relation{Kind: layout.RateRel, Num: num, Den: den, Places: r.Places}
		}
	}
	return nil
}

// headGrid lays out the multi-level header: each column's path is its
// groups then its label; equal group prefixes of neighbouring columns merge
// across, and a label above the deepest level spans down to the bottom.
func headGrid(cols []Column) (int, []layout.HeadCell) {
	depth := 1
	for _, c := range cols {
		depth = max(depth, len(c.Groups)+1)
	}
	path := func(c Column) []string { return append(slices.Clone(c.Groups), c.Label) }
	var cells []layout.HeadCell
	for level := 0; level < depth; level++ {
		for i := 0; i < len(cols); {
			p := path(cols[i])
			if level >= len(p) {
				i++
				continue
			}
			leaf := level == len(p)-1
			j := i + 1
			if !leaf {
				for j < len(cols) {
					q := path(cols[j])
					if len(q)-1 <= level || !slices.Equal(q[:level+1], p[:level+1]) {
						break
					}
					j++
				}
			}
			rs := 1
			if leaf {
				rs = depth - level
			}
			cells = append(cells, layout.HeadCell{Text: p[level], Row: level, Col: i, RowSpan: rs, ColSpan: j - i})
			i = j
		}
	}
	slices.SortStableFunc(cells, func(a, b layout.HeadCell) int {
		if a.Row != b.Row {
			return a.Row - b.Row
		}
		return a.Col - b.Col
	})
	return depth, cells
}
