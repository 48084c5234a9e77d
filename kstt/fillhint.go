package kstt

import (
	"cmp"
	"strconv"
	"strings"

	"github.com/baocaodinhky/vpcp/kstt/layout"
)

// unfilledFold replaces the findings dst[from:] of the derived-cell rules
// (SumOfColumns, SumOfRows, Percentage) with one finding saying that Fill
// was not called, when that is what they show: every derived cell of the
// form — each SumOfColumns target in every row, every count column of
// TỔNG CỘNG, every rate — is 0 while some input cell is not. Such a form
// holds only its inputs; reporting each printed formula and the total as
// broken would look like bad data. The finding keeps the ID of the first
// folded rule (so errors.Is with the printed formula still matches) and the
// most severe of their severities. It runs only when such findings exist,
// so a clean form costs nothing.
func (c *Checker) unfilledFold(f Form, dst Findings, from int) Findings {
	derivedRule := func(id RuleID) bool {
		for i := range c.spec.Rules {
			if r := &c.spec.Rules[i]; r.ID == id {
				return r.Kind == SumOfColumns || r.Kind == SumOfRows || r.Kind == Percentage
			}
		}
		return false
	}
	n := 0
	for _, fd := range dst[from:] {
		if derivedRule(fd.Rule) {
			n++
		}
	}
	if n < 2 || !c.unfilled(f) {
		return dst
	}
	hint := Finding{Form: c.spec.Code, Row: -1}
	out := dst[:from]
	for _, fd := range dst[from:] {
		if !derivedRule(fd.Rule) {
			out = append(out, fd)
			continue
		}
		hint.Rule = cmp.Or(hint.Rule, fd.Rule)
		hint.Severity = max(hint.Severity, fd.Severity)
	}
	cols := c.derivedColumns()
	hint.Message = "mọi ô tính toán (" + cols + ", dòng TỔNG CỘNG) đều bằng 0 trong khi các ô nhập liệu có số: biểu chưa được tính — hãy gọi Fill trước khi Check (gộp " +
		strconv.Itoa(n) + " phát hiện về công thức và dòng tổng vào một)"
	hint.MessageEN = "every derived cell (" + cols + ", the TỔNG CỘNG row) is 0 while the inputs are not: the form was not filled — call Fill before Check (" +
		strconv.Itoa(n) + " formula and total findings folded into this one)"
	return append(out, hint)
}

// derivedColumns names the derived columns of the form: "(3), (7), (11)".
func (c *Checker) derivedColumns() string {
	var names []string
	for i := range c.spec.Rules {
		r := &c.spec.Rules[i]
		if r.Kind == SumOfColumns || r.Kind == Percentage {
			names = append(names, Ref{Part: r.Target.Part, Col: r.Target.Col}.String())
		}
	}
	if len(names) == 0 {
		return "TỔNG CỘNG"
	}
	return strings.Join(names, ", ")
}

// unfilled reports whether every derived cell of f is 0 while some input
// cell of a data row is not.
func (c *Checker) unfilled(f Form) bool {
	spec := c.spec
	input := false
	for pi := range spec.Parts {
		p := &spec.Parts[pi]
		derived := map[int]bool{}
		rates := []int{}
		rowSum := false
		for i := range spec.Rules {
			r := &spec.Rules[i]
			if r.Target.Part != p.ID {
				continue
			}
			switch r.Kind {
			case SumOfColumns:
				derived[r.Target.Col] = true
			case Percentage:
				rates = append(rates, r.Target.Col)
			case SumOfRows:
				rowSum = true
			}
		}
		t := f.Table(pi)
		buf := make([]int64, p.MaxNum()+1)
		for i, n := 0, t.Len(); i < n; i++ {
			meta := t.Row(i)
			if meta.Kind != layout.DataRow && meta.Kind != layout.TotalRow {
				continue
			}
			clear(buf)
			t.Ints(i, buf)
			for _, col := range p.Columns {
				if col.Kind != layout.CountColumn && col.Kind != layout.FlagColumn {
					continue
				}
				v := buf[col.Num]
				switch {
				case derived[col.Num] || (meta.Kind == layout.TotalRow && rowSum):
					if v != 0 {
						return false
					}
				case meta.Kind == layout.DataRow && v != 0:
					input = true
				}
			}
			for _, col := range rates {
				if !t.Rate(i, col).IsZero() {
					return false
				}
			}
		}
	}
	return input
}
