package bieu

import (
	"strings"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/decl"
	"github.com/baocaodinhky/vpcp/kstt/grid"
	"github.com/baocaodinhky/vpcp/kstt/layout"
)

// readEdition reads grids with the catalogue of each edition of
// opts.Editions in turn, most precedent first, until one finds a form;
// then, when the period the forms name belongs to another edition, reads
// them again with that edition's catalogue. The result records the
// edition.
func readEdition(grids []*grid.Grid, opts ReadOptions) (*readResult, error) {
	eds := opts.Editions
	if eds == nil {
		eds = DefaultEditions()
	}
	list := eds.List()
	if len(list) == 0 {
		opts.Catalogue = Official()
		return readGrids(grids, opts)
	}
	var res *readResult
	var err, first error
	var used *kstt.Catalogue
	for _, ed := range list {
		opts.Catalogue = ed.Catalogue
		if res, err = readGrids(grids, opts); err == nil {
			used = ed.Catalogue
			break
		}
		if first == nil {
			first = err
		}
	}
	if used == nil {
		return nil, first
	}
	ed, exact := eds.For(reportPeriod(res.Report()))
	if ed.Catalogue != used {
		opts.Catalogue = ed.Catalogue
		if res, err = readGrids(grids, opts); err != nil {
			return nil, err
		}
	}
	res.edition, res.exact = ed, exact
	return res, nil
}

// Edition returns the edition the result was read with and whether it
// covers the forms' period; nil when ReadOptions.Catalogue was given.
func (r *readResult) Edition() (*Edition, bool) { return r.edition, r.exact }

// appendNotice adds the edition notice KSTT/R40 at the first form's
// "Kỳ báo cáo" line.
func (r *readResult) appendNotice(out kstt.Findings, opts kstt.CheckOptions) kstt.Findings {
	cell := ""
	if len(r.headerAt) > 0 && r.headerAt[0] != nil {
		cell = r.headerAt[0]["Kỳ báo cáo"]
	}
	return appendNotice(out, opts, reportPeriod(r.Report()), r.edition, cell)
}

// assemblerFor returns how to assemble a form of spec from the tables
// read: the typed reader of an official form, or the generic one of a
// form declared as data (the catalogue's constructor makes a *decl.Form);
// nil when the form cannot be read.
func assemblerFor(cat *kstt.Catalogue, spec *kstt.FormSpec) assembler {
	if mk := cat.New[spec.Code]; mk != nil {
		if _, ok := mk().(*decl.Form); ok {
			return assembleDeclared(mk)
		}
	}
	return formReaders[spec.Code].assemble
}

// assembleDeclared assembles a generic form: each table's rows in printed
// order — level and section rows where the part declares them, a row the
// part cannot hold skipped (READ/R09) — then TỔNG CỘNG.
func assembleDeclared(mk func() kstt.Form) assembler {
	return func(_ *reader, inst *instance, h kstt.Header) (kstt.Form, [][]int) {
		f := mk().(*decl.Form)
		f.Header = h
		d := f.Schema().Declaration()
		index := make([][]int, len(inst.tables))
		for pi, t := range inst.tables {
			if t == nil || pi >= len(d.Parts) {
				continue
			}
			tab := f.Table(pi).(kstt.MutableTable)
			part := &f.Parts[pi]
			rows := d.Parts[pi].Rows
			idx := make([]int, len(t.rows))
			total := -1
			for k, row := range t.rows {
				idx[k] = -1
				switch row.kind {
				case layout.LevelRow, layout.SectionRow:
					if (row.kind == layout.LevelRow && len(rows.Levels) > 0) || (row.kind == layout.SectionRow && len(rows.Sections) > 0) {
						s, l := t.texts(k)
						part.Rows = append(part.Rows, decl.Row{Kind: row.kind, STT: s, Label: l})
						idx[k] = len(part.Rows) - 1
					}
				case layout.DataRow:
					s, l := t.texts(k)
					part.Rows = append(part.Rows, decl.Row{Kind: layout.DataRow, STT: s, Label: l})
					idx[k] = len(part.Rows) - 1
				case layout.TotalRow:
					total = k
				}
			}
			setCounts(tab, t, idx, len(part.Rows), total, &part.Total.STT)
			for _, rv := range t.rates {
				if i := idx[rv.row]; i >= 0 {
					tab.SetRate(i, rv.col, rv.v)
				}
			}
			index[pi] = idx
		}
		return f, index
	}
}

// groupRows says which group rows a form of the catalogue has: an official
// form's reader knows; a declared form's parts declare levels and sections.
func (rd *reader) groupRows(spec *kstt.FormSpec) formReader {
	if mk := rd.cat.New[spec.Code]; mk != nil {
		if f, ok := mk().(*decl.Form); ok && f.Schema() != nil {
			var fr formReader
			for _, p := range f.Schema().Declaration().Parts {
				fr.levels = fr.levels || len(p.Rows.Levels) > 0
				fr.sections = fr.sections || len(p.Rows.Sections) > 0
			}
			return fr
		}
	}
	return formReaders[spec.Code]
}

// printedCode finds a declared form whose code line (kstt.FormSpec.Printed,
// e.g. "Biểu số 07a/BTP") starts the compacted line k.
func (rd *reader) printedCode(k string) string {
	for _, spec := range rd.specs {
		if spec.Printed != "" {
			if p := compact(spec.Printed); p != "" && strings.HasPrefix(k, p) {
				return spec.Code
			}
		}
	}
	return ""
}
