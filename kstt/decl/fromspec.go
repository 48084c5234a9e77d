package decl

import (
	"github.com/baocaodinhky/vpcp/kstt"
)

// FromSpec writes a form's engine declaration (such as a typed form's
// Spec in package bieu) back as a Declaration of edition ed: each column
// as declared, each rule as its printed expression with its severity,
// basis and meaning. Compile(FromSpec(s, ed)).Spec() equals s for every
// form of Thông tư 01/2020/TT-VPCP in package bieu, which proves that the
// language expresses them. Row structure (levels, sections) is not part
// of a FormSpec: set Parts[i].Rows on the result.
func FromSpec(spec *kstt.FormSpec, ed Edition) *Declaration {
	d := &Declaration{Code: spec.Code, Printed: spec.Printed, Title: spec.Title, Unit: spec.Unit, Basis: spec.Basis, Edition: ed}
	for _, p := range spec.Parts {
		dp := Part{ID: p.ID, Title: p.Title}
		for _, c := range p.Columns {
			dp.Columns = append(dp.Columns, Column{Num: c.Num, Key: c.Key, Label: c.Label,
				Groups: append([]string(nil), c.Groups...), Kind: c.Kind.String(), Width: c.Width})
		}
		d.Parts = append(d.Parts, dp)
	}
	for _, r := range spec.Rules {
		sev, _ := r.Severity.MarshalText()
		dr := Rule{ID: r.ID, Rule: r.Expr, Check: r.Kind == kstt.Balance, Severity: string(sev),
			Basis: r.Basis, Meaning: r.Meaning, MeaningEN: r.MeaningEN, Inferred: r.Inferred, Note: r.Note, NoteEN: r.NoteEN}
		if r.Kind == kstt.Percentage && r.Places != 2 {
			dr.Places = r.Places
		}
		d.Rules = append(d.Rules, dr)
	}
	return d
}
