package xlsx_test

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// dump reads a workbook back with excelize and writes what a reviewer
// checks as text: document properties, defined names, and per sheet the
// page setup, panes, column widths, merges, row heights and every cell
// with its value, formula, cached value and style essentials.
func dump(t testing.TB, data []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("open written workbook: %v", err)
	}
	defer f.Close()
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }

	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	p("workbook")
	p("  title: %s", props.Title)
	p("  subject: %s", props.Subject)
	p("  creator: %s; last modified by: %s; language: %s", props.Creator, props.LastModifiedBy, props.Language)
	p("  keywords: %s", props.Keywords)
	p("  created: %s; modified: %s", props.Created, props.Modified)
	p("  sheets: %s (active %d)", strings.Join(f.GetSheetList(), ", "), f.GetActiveSheetIndex())
	for _, dn := range f.GetDefinedName() {
		p("  defined name %s scope=%s refers=%s", dn.Name, dn.Scope, dn.RefersTo)
	}
	styleText := map[int]string{}
	for _, sheet := range f.GetSheetList() {
		p("")
		p("sheet %s", sheet)
		pl, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		sp, err := f.GetSheetProps(sheet)
		if err != nil {
			t.Fatal(err)
		}
		p("  page: size=%d orientation=%s fitToWidth=%d fitToHeight=%d fitToPage=%t",
			deref(pl.Size), deref(pl.Orientation), deref(pl.FitToWidth), deref(pl.FitToHeight), deref(sp.FitToPage))
		m, err := f.GetPageMargins(sheet)
		if err != nil {
			t.Fatal(err)
		}
		p("  margins: left=%g right=%g top=%g bottom=%g header=%g footer=%g centred=%t",
			deref(m.Left), deref(m.Right), deref(m.Top), deref(m.Bottom), deref(m.Header), deref(m.Footer), deref(m.Horizontally))
		hf, err := f.GetHeaderFooter(sheet)
		if err != nil {
			t.Fatal(err)
		}
		p("  footer: %s", hf.OddFooter)
		panes, err := f.GetPanes(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if panes.Freeze {
			p("  panes: frozen ySplit=%d xSplit=%d topLeft=%s", panes.YSplit, panes.XSplit, panes.TopLeftCell)
		} else {
			p("  panes: none")
		}
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		merges, err := f.GetMergeCells(sheet)
		if err != nil {
			t.Fatal(err)
		}
		maxCol := 0
		for _, r := range rows {
			maxCol = max(maxCol, len(r))
		}
		var ms []string
		covered := map[string]string{} // cell → its merge, for cells other than the top-left one
		for _, mc := range merges {
			rng := mc.GetStartAxis() + ":" + mc.GetEndAxis()
			ms = append(ms, rng)
			c1, r1, err := excelize.CellNameToCoordinates(mc.GetStartAxis())
			if err != nil {
				t.Fatal(err)
			}
			c2, r2, err := excelize.CellNameToCoordinates(mc.GetEndAxis())
			if err != nil {
				t.Fatal(err)
			}
			maxCol = max(maxCol, c2)
			for r := r1; r <= r2; r++ {
				for c := c1; c <= c2; c++ {
					if r != r1 || c != c1 {
						cell, _ := excelize.CoordinatesToCellName(c, r)
						covered[cell] = rng
					}
				}
			}
		}
		var ws []string
		for c := 1; c <= maxCol; c++ {
			name, _ := excelize.ColumnNumberToName(c)
			w, err := f.GetColWidth(sheet, name)
			if err != nil {
				t.Fatal(err)
			}
			ws = append(ws, name+"="+strconv.FormatFloat(w, 'f', -1, 64))
		}
		p("  columns: %s", strings.Join(ws, " "))
		p("  merges: %s", strings.Join(ms, " "))
		for r := 1; r <= len(rows); r++ {
			h, err := f.GetRowHeight(sheet, r)
			if err != nil {
				t.Fatal(err)
			}
			p("  row %d height=%g", r, h)
			for c := 1; c <= maxCol; c++ {
				cell, _ := excelize.CoordinatesToCellName(c, r)
				// excelize reports a merged range's value in each of its
				// cells: only the top-left one holds it.
				var v string
				if _, in := covered[cell]; !in {
					if v, err = f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true}); err != nil {
						t.Fatal(err)
					}
				}
				formula, err := f.GetCellFormula(sheet, cell)
				if err != nil {
					t.Fatal(err)
				}
				sid, err := f.GetCellStyle(sheet, cell)
				if err != nil {
					t.Fatal(err)
				}
				if v == "" && formula == "" && sid == 0 {
					continue
				}
				typ, err := f.GetCellType(sheet, cell)
				if err != nil {
					t.Fatal(err)
				}
				line := "    " + cell
				switch {
				case covered[cell] != "":
					line += " (in " + covered[cell] + ")"
				case formula != "":
					line += " =" + formula + " cached " + cellType(typ) + ":" + v
				case v != "":
					line += " " + cellType(typ) + ":" + strconv.Quote(v)
				}
				if _, ok := styleText[sid]; !ok {
					styleText[sid] = styleSummary(t, f, sid)
				}
				b.WriteString(line + " " + styleText[sid] + "\n")
			}
		}
	}
	return b.String()
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

func cellType(t excelize.CellType) string {
	switch t {
	case excelize.CellTypeUnset:
		return "n" // a number without t=, as the format stores numbers
	case excelize.CellTypeNumber:
		return "n"
	case excelize.CellTypeInlineString, excelize.CellTypeSharedString:
		return "s"
	case excelize.CellTypeFormula:
		return "str"
	case excelize.CellTypeBool:
		return "b"
	}
	return fmt.Sprintf("type%d", t)
}

// styleSummary is what the golden files record of a style: font,
// alignment, number format, borders.
func styleSummary(t testing.TB, f *excelize.File, id int) string {
	t.Helper()
	s, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	var parts []string
	if s.Font != nil {
		fp := fmt.Sprintf("%s %g", s.Font.Family, s.Font.Size)
		if s.Font.Bold {
			fp += " bold"
		}
		if s.Font.Italic {
			fp += " italic"
		}
		parts = append(parts, fp)
	}
	if a := s.Alignment; a != nil {
		ap := a.Horizontal
		if a.Vertical != "" {
			ap += "/" + a.Vertical
		}
		if a.WrapText {
			ap += " wrap"
		}
		parts = append(parts, strings.TrimSpace(ap))
	}
	switch {
	case s.CustomNumFmt != nil:
		parts = append(parts, "fmt "+strconv.Quote(*s.CustomNumFmt))
	case s.NumFmt != 0:
		parts = append(parts, "fmt #"+strconv.Itoa(s.NumFmt))
	}
	var sides []string
	for _, bd := range s.Border {
		if bd.Style != 0 {
			sides = append(sides, bd.Type)
		}
	}
	slices.Sort(sides)
	switch {
	case len(sides) == 4:
		parts = append(parts, "border")
	case len(sides) > 0:
		parts = append(parts, "border "+strings.Join(sides, "+"))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}
