package bieu

import (
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/decl"
)

// rollupDeclared sums the forms declared as data (package decl) that the
// reports hold, other than the official codes Rollup sums itself: one
// aggregate form per schema (decl.Schema.Rollup), in order of first
// appearance.
func rollupDeclared(reports []*kstt.Report, h kstt.Header) ([]*decl.Form, error) {
	var order []*decl.Schema
	forms := map[*decl.Schema][]*decl.Form{}
	for _, r := range reports {
		for _, f := range r.Forms {
			g, ok := f.(*decl.Form)
			if !ok || g.Schema() == nil || officialCode(g.Spec().Code) {
				continue
			}
			s := g.Schema()
			if _, seen := forms[s]; !seen {
				order = append(order, s)
			}
			forms[s] = append(forms[s], g)
		}
	}
	var out []*decl.Form
	for _, s := range order {
		agg, err := s.Rollup(h, forms[s]...)
		if err != nil {
			return nil, err
		}
		out = append(out, agg)
	}
	return out, nil
}

func officialCode(code string) bool {
	_, ok := formReaders[code]
	return ok
}

// catalogueFor is the official catalogue with the declared forms the
// reports hold added (decl.Schema.AddTo), so that their rules are checked.
func catalogueFor(reports ...*kstt.Report) *kstt.Catalogue {
	cat := Official()
	for _, r := range reports {
		if r == nil {
			continue
		}
		for _, f := range r.Forms {
			if g, ok := f.(*decl.Form); ok && g.Schema() != nil && cat.Spec(g.Spec().Code) != g.Spec() {
				_ = g.Schema().AddTo(cat) // a schema that does not fit leaves the catalogue as it was: Check then reports its form as unknown
			}
		}
	}
	return cat
}

// editionOptions validates opts against the catalogue's rules and the
// edition notice, and returns them without the notice's override (the
// catalogue does not know it).
func editionOptions(cat *kstt.Catalogue, opts kstt.CheckOptions) (kstt.CheckOptions, error) {
	if err := opts.Validate(append(cat.Rules(), editionRule)); err != nil {
		return opts, err
	}
	if _, ok := opts.Rules[RuleKSTTR40]; !ok {
		return opts, nil
	}
	return subOptions(opts, cat.Rules()), nil
}

// editionNotice adds KSTT/R40 when the roll-up's period is one no known
// edition covers (the aggregate is checked against Thông tư
// 01/2020/TT-VPCP all the same).
func (a *Aggregate) editionNotice(opts kstt.CheckOptions, fs kstt.Findings) kstt.Findings {
	if a.Header.Period.IsZero() {
		return fs
	}
	if ed, ok := DefaultEditions().For(a.Header.Period); !ok && ed != nil {
		return appendNotice(fs, opts, a.Header.Period, ed, "")
	}
	return fs
}
