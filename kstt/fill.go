package kstt

import (
	"fmt"

	"github.com/baocaodinhky/vpcp/internal/safeint"
	"github.com/baocaodinhky/vpcp/kstt/layout"
)

// Fill computes every derived cell of f from its inputs, using the same rule
// declarations Check verifies: the SumOfColumns targets ((3), (7), (11) …) in
// every data row, the TỔNG CỘNG row as the sum of the data rows (a total row
// is added when missing), and every Percentage. Input counts are not
// changed; text is brought to NFC when the form can normalise it (the
// forms of bieu and kstt/decl can). It fails only when a sum overflows
// int64 (ErrOverflow), naming the cell; the form is then left partly
// filled.
func Fill(f Form) error {
	if n, ok := textNormalizerOf(f); ok {
		n.NormalizeText()
	}
	spec := f.Spec()
	width := 0
	for i := range spec.Parts {
		width = max(width, spec.Parts[i].MaxNum()+1)
	}
	buf := make([]int64, width)
	acc := make([]int64, width)
	tables := make([]MutableTable, len(spec.Parts))
	for pi := range spec.Parts {
		mt, ok := f.Table(pi).(MutableTable)
		if !ok {
			return fmt.Errorf("kstt: fill %s: part %q cannot be written", spec.Code, spec.Parts[pi].ID)
		}
		mt.EnsureTotal()
		tables[pi] = mt
	}
	overflow := func(pi, row, col int) error {
		where := spec.Code
		if id := spec.Parts[pi].ID; id != "" {
			where += " Phần " + id
		}
		if row >= 0 {
			return fmt.Errorf("kstt: fill %s: the sum of column (%d) in row %d «%s»: %w",
				where, col, row+1, tables[pi].Row(row).Label, ErrOverflow)
		}
		return fmt.Errorf("kstt: fill %s: the TỔNG CỘNG of column (%d) over the rows: %w", where, col, ErrOverflow)
	}
	applySums := func(pi int, t MutableTable, i int) error {
		t.Ints(i, buf)
		for ri := range spec.Rules {
			r := &spec.Rules[ri]
			if r.Kind != SumOfColumns || r.Target.Part != spec.Parts[pi].ID {
				continue
			}
			var s int64
			for _, term := range r.Terms {
				var ok bool
				if s, ok = safeint.Add(s, buf[term.Col]); !ok {
					return overflow(pi, i, r.Target.Col)
				}
			}
			buf[r.Target.Col] = s
		}
		t.SetInts(i, buf)
		return nil
	}
	for pi, t := range tables {
		p := &spec.Parts[pi]
		clear(acc)
		total := -1
		for i := 0; i < t.Len(); i++ {
			switch t.Row(i).Kind {
			case layout.DataRow:
				if err := applySums(pi, t, i); err != nil {
					return err
				}
				t.Ints(i, buf)
				for _, c := range p.Columns {
					if c.Kind == layout.CountColumn || c.Kind == layout.FlagColumn {
						var ok bool
						if acc[c.Num], ok = safeint.Add(acc[c.Num], buf[c.Num]); !ok {
							return overflow(pi, -1, c.Num)
						}
					}
				}
			case layout.TotalRow:
				total = i
			}
		}
		if total >= 0 {
			t.Ints(total, buf)
			for _, c := range p.Columns {
				if c.Kind == layout.CountColumn || c.Kind == layout.FlagColumn {
					buf[c.Num] = acc[c.Num]
				}
			}
			t.SetInts(total, buf)
		}
	}
	index := make([]rowIndex, len(tables)) // other parts' rows by lĩnh vực, built on first use
	for pi, t := range tables {
		p := &spec.Parts[pi]
		for ri := range spec.Rules {
			r := &spec.Rules[ri]
			if r.Kind != Percentage || r.Target.Part != p.ID {
				continue
			}
			for i := 0; i < t.Len(); i++ {
				meta := t.Row(i)
				if meta.Kind != layout.DataRow && meta.Kind != layout.TotalRow {
					continue
				}
				num, ok1 := refValue(tables, spec, pi, i, meta, r.Terms[0], buf, index)
				den, ok2 := refValue(tables, spec, pi, i, meta, r.Terms[1], buf, index)
				if ok1 && ok2 {
					t.SetRate(i, r.Target.Col, RateOf(num, den, r.Places))
				}
			}
		}
	}
	return nil
}

func refValue(tables []MutableTable, spec *FormSpec, pi, row int, meta RowMeta, ref Ref, buf []int64, index []rowIndex) (int64, bool) {
	op := spec.PartIndex(ref.Part)
	t := tables[op]
	j := row
	if op != pi {
		if j = index[op].find(t, meta, row); j < 0 {
			return 0, false
		}
	}
	t.Ints(j, buf)
	return buf[ref.Col], true
}
