package bieu

import (
	"fmt"
	"strings"
	"unsafe"

	"github.com/shopspring/decimal"

	"github.com/baocaodinhky/vpcp/internal/safeint"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/grid"
	"github.com/baocaodinhky/vpcp/kstt/layout"
)

// readBody reads the rows of t from t.bodyFrom down to TỔNG CỘNG (or to
// the first row that belongs to no table), skipping blank rows and header
// rows repeated at a page break.
func (rd *reader) readBody(g *grid.Grid, t *table) {
	p := &t.spec.Parts[t.part]
	n := len(t.cols)
	colSTT, colLabel := t.cols[0], t.cols[1]
	last := t.bodyFrom - 1
	// The body has at most the grid's remaining rows: allocated once at
	// that size (appends would copy the rows and values several times
	// over), and clipped below if the table ends far earlier.
	if rest := g.Len() - t.bodyFrom; rest > 0 && t.rows == nil {
		t.rows = make([]readRow, 0, rest)
	}
	defer func() {
		if cap(t.rows) > 2*len(t.rows)+64 {
			t.rows = append([]readRow(nil), t.rows...)
		}
	}()
	// The counts are not kept here: row reads them from the grid again
	// when the form is assembled (a table of 100,000 rows would hold
	// 100,000 × width int64 besides the grid and the form).
	t.g, t.body = g, p
rows:
	for r := t.bodyFrom; r < g.Len(); r++ {
		if g.RowWidth(r) == 0 {
			continue
		}
		stt, label := g.Cell(r, colSTT), g.Cell(r, colLabel)
		if skip := repeatedHeader(g, r, n, stt.Text); skip > r {
			r = skip - 1
			continue
		}
		// The row's cells, read once for both passes below (a formula
		// holding its row's number is rebuilt at each read).
		cells := t.cells[:0]
		nums, texts := 0, 0
		for i := 2; i < n; i++ {
			c := g.Cell(r, t.cols[i])
			cells = append(cells, c)
			switch {
			case c.Blank():
			case c.IsNum || c.Formula != "" || looksNumeric(c.Text):
				nums++
			default:
				texts++
			}
		}
		t.cells = cells
		kind := layout.DataRow
		switch {
		case isTotal(stt.Text) || isTotal(label.Text):
			kind = layout.TotalRow
		case nums == 0 && texts == 0 && stt.Blank() && label.Blank():
			continue // blank within the mapped columns
		case label.Text != "" && sectionCode(stt.Text):
			kind = layout.SectionRow
		case label.Text != "" && romanCode(stt.Text):
			kind = layout.LevelRow
		case nums > 0 || label.Text != "" && dataSTT(stt.Text) || texts > 0 && label.Text != "":
		default:
			break rows // the table has ended
		}
		// The STT and label are not kept: stt and label read them from
		// the grid when the form is assembled.
		row := readRow{kind: kind, gridRow: int32(r)}
		k := len(t.rows)
		if kind == layout.SectionRow || kind == layout.LevelRow {
			row.figures = nums > 0
			t.rows = append(t.rows, row)
			last = r
			continue
		}
		t.rows = append(t.rows, row)
		for i := 2; i < n; i++ {
			col := &p.Columns[i]
			if !col.Kind.Numeric() {
				continue
			}
			c := cells[i-2]
			switch {
			case c.Formula != "" && !c.Cached:
				// No stored value. The reader of the file may have evaluated
				// the workbook's own formula (Text): a count column takes
				// that value, and the form's rule, where one derives the
				// column, is computed too and compared (READ/R14).
				// A computed value that is no count (0.5, #NUM!) is
				// refused as the same value stored would be (READ/R04).
				nt := note{kind: noteUncached, row: k, col: col.Num, formula: strings.Clone(c.Formula)}
				if col.Kind != layout.RateColumn && c.Text != "" {
					nt.text = strings.Clone(c.Text)
					if !countCell(c) {
						nt.kind = noteBad
					}
				}
				t.notes = append(t.notes, nt)
			case c.Blank() || c.Formula != "" && c.Text == "":
				t.notes = append(t.notes, note{kind: noteBlank, row: k, col: col.Num})
			case col.Kind == layout.RateColumn:
				d, ok := c.Decimal()
				if !ok {
					t.notes = append(t.notes, note{kind: noteBad, row: k, col: col.Num, text: strings.Clone(c.Text)})
					continue
				}
				if c.Percent {
					d = d.Shift(2)
				}
				t.rates = append(t.rates, rateVal{row: k, col: col.Num, v: d})
			default:
				if !countCell(c) {
					t.notes = append(t.notes, note{kind: noteBad, row: k, col: col.Num, text: strings.Clone(c.Text)})
				}
			}
		}
		last = r
		if kind == layout.TotalRow {
			t.after, t.afterMore = rowsAfterTotal(g, t, r+1, t.after[:0])
			break
		}
	}
	t.end = last + 1
}

// maxAfter bounds the rows below TỔNG CỘNG told one by one (a file of
// 250,000 rows under its total would otherwise make as many findings).
const maxAfter = 20

// rowsAfterTotal appends to after the rows from r on that carry figures
// in the columns of t (a count, a number or a formula in one of them),
// blank rows skipped, up to the first row that does not (a signature, a
// note, the next table's header or code line): the rows a table would
// lose silently by ending at its TỔNG CỘNG. It keeps maxAfter of them and
// returns how many more there are.
func rowsAfterTotal(g *grid.Grid, t *table, r int, after []int32) ([]int32, int) {
	n, more := len(t.cols), 0
	for ; r < g.Len(); r++ {
		if g.RowWidth(r) == 0 {
			continue
		}
		figures := false
		for i := 2; i < n && !figures; i++ {
			c := g.Cell(r, t.cols[i])
			figures = !c.Blank() && (c.IsNum || c.Formula != "" || looksNumeric(c.Text))
		}
		if !figures {
			break
		}
		if len(after) == maxAfter {
			more++
			continue
		}
		after = append(after, int32(r))
	}
	return after, more
}

// countCell reports whether c, a cell of a count column that holds
// something, reads as a count: a whole number. A stored value and the
// value the file's reader computed from a formula without one (Text of a
// cell not Cached) pass this same check; a fraction, text or an error
// value (#REF!, #NUM! for a result that is not finite) is READ/R04.
func countCell(c grid.Cell) bool {
	_, ok := c.Int()
	return ok
}

// repeatedHeader recognises the table's header repeated at a page break
// (a PDF copy repeats it on every page): an STT row followed by a
// column-number row, or a column-number row alone, of n columns. It
// returns the row after it, or 0.
func repeatedHeader(g *grid.Grid, r, n int, stt string) int {
	if len(stt) <= 24 && strings.ContainsAny(stt[:min(1, len(stt))], "SsTt") && isSTT(stt) {
		for k := r + 1; k < g.Len() && k <= r+7; k++ {
			if cols, _ := numberRow(g, k); cols != nil {
				if len(cols) == n {
					return k + 1
				}
				return 0
			}
		}
		return 0
	}
	if stt == "(1)" || stt == "1" {
		if cols, _ := numberRow(g, r); len(cols) == n {
			return r + 1
		}
	}
	return 0
}

func looksNumeric(s string) bool {
	if _, ok := grid.ParseCount(s); ok {
		return true
	}
	_, ok := grid.ParseDecimal(s)
	return ok
}

func isTotal(s string) bool {
	if s == "" || len(s) > 40 || !strings.ContainsAny(s[:1], "TtCc") {
		return false
	}
	switch compact(s) {
	case "tổngcộng", "cộng", "tổng", "tổngsố", "tổngcộngchung", "cộngchung":
		return true
	}
	return false
}

// sectionCode: "A", "B", "C." — the letter of a section row of II.08.
func sectionCode(s string) bool {
	s = strings.TrimSuffix(s, ".")
	return len(s) == 1 && s[0] >= 'A' && s[0] <= 'H'
}

// romanCode: "I", "II", "III", "IV." — the numeral of a level row.
func romanCode(s string) bool {
	s = strings.TrimSuffix(s, ".")
	switch s {
	case "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X":
		return true
	}
	return false
}

// dataSTT: an STT a lĩnh vực row prints: "1", "2.", "1.1", "a", "-".
func dataSTT(s string) bool {
	if s == "" {
		return true
	}
	if len(s) > 8 {
		return false
	}
	c := s[0]
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c == '-' || c == '+' || c == '*'
}

// Assembly: each readable form turns the tables of an instance into its
// typed struct and reports, for every table row, its index in the part's
// printed order (-1 for a row the form does not have).

type assembler func(rd *reader, inst *instance, h kstt.Header) (f kstt.Form, index [][]int)

// formReader says how to assemble a form and which group rows it has.
type formReader struct {
	assemble         assembler
	sections, levels bool
}

var formReaders = map[string]formReader{
	"II.06a": {assemble: assembleII06a},
	"II.06b": {assemble: assembleII06b, levels: true},
	"II.07b": {assemble: assembleII07b},
	"II.08":  {assemble: assembleII08, sections: true, levels: true},
}

// flatIndex gives data rows consecutive indices and the total the index
// after them; other rows -1. It reports whether the table has a total.
func flatIndex(t *table) ([]int, int, bool) {
	idx := make([]int, len(t.rows))
	n, total := 0, -1
	for k, row := range t.rows {
		switch row.kind {
		case layout.DataRow:
			idx[k] = n
			n++
		case layout.TotalRow:
			total = k
		default:
			idx[k] = -1
		}
	}
	if total >= 0 {
		idx[total] = n
	}
	return idx, n, total >= 0
}

// readList fills a table laid out as lĩnh vực rows then TỔNG CỘNG (II.06a,
// both parts of II.07b) from t: rows gets one element per data row, each
// row (total included) its STT, lĩnh vực and numbers through the row
// type's binding. It returns flatIndex's index.
func readList[R any](t *table, rows *[]R, total *R) []int {
	idx, n, _ := flatIndex(t)
	*rows = make([]R, n)
	b := bindingOf[R]()
	for k, row := range t.rows {
		i := idx[k]
		if i < 0 {
			continue
		}
		p := unsafe.Pointer(listRow(*rows, total, i))
		s, l := t.texts(k)
		if row.kind == layout.TotalRow {
			_, l = b.text(p)
		}
		b.setText(p, s, l)
		b.setInts(p, t.row(k))
	}
	return idx
}

// texts returns body row k's STT and label as the form keeps them, read
// from the grid and copied (a reader's grid stores cells in 64 KiB chunks,
// which a substring would keep alive) into one allocation for both. A
// total row's label is kstt.TotalLabel, and its STT is kept only if it is
// not the total's label itself ("Tổng cộng" written in the STT column).
func (t *table) texts(k int) (stt, label string) {
	row := &t.rows[k]
	s := t.g.Cell(int(row.gridRow), t.cols[0]).Text
	if row.kind == layout.TotalRow {
		if isTotal(s) {
			s = ""
		}
		return strings.Clone(s), kstt.TotalLabel
	}
	l := t.g.Cell(int(row.gridRow), t.cols[1]).Text
	var b strings.Builder
	b.Grow(len(s) + len(l))
	b.WriteString(s)
	b.WriteString(l)
	both := b.String()
	return both[:len(s)], both[len(s):]
}

// stt is texts' STT.
func (t *table) stt(k int) string {
	s, _ := t.texts(k)
	return s
}

// label is texts' label.
func (t *table) label(k int) string {
	_, l := t.texts(k)
	return l
}

// row returns the counts of body row k by column number, read from the
// grid as readBody read them: a blank, uncached, non-numeric or rate cell
// and a group row give 0 (readBody noted each). The slice is reused by the
// next call.
func (t *table) row(k int) []int64 {
	if cap(t.vals) < t.width {
		t.vals = make([]int64, t.width)
	}
	vals := t.vals[:t.width]
	clear(vals)
	row := &t.rows[k]
	if row.kind == layout.SectionRow || row.kind == layout.LevelRow {
		return vals
	}
	for i := 2; i < len(t.cols); i++ {
		col := &t.body.Columns[i]
		if !col.Kind.Numeric() || col.Kind == layout.RateColumn || col.Num >= len(vals) {
			continue
		}
		c := t.g.Cell(int(row.gridRow), t.cols[i])
		// A formula without a stored value counts with the value the
		// file's reader computed from it, if any (Text).
		if c.Formula != "" && c.Text == "" || c.Blank() {
			continue
		}
		if v, ok := c.Int(); ok {
			vals[col.Num] = v
		}
	}
	return vals
}

func assembleII06a(_ *reader, inst *instance, h kstt.Header) (kstt.Form, [][]int) {
	f := &II06a{Header: h}
	idx := readList(inst.tables[0], &f.Rows, &f.Total)
	return f, [][]int{idx}
}

func assembleII07b(_ *reader, inst *instance, h kstt.Header) (kstt.Form, [][]int) {
	f := &II07b{Header: h}
	index := make([][]int, 2)
	if t := inst.tables[0]; t != nil {
		idx := readList(t, &f.PartI.Rows, &f.PartI.Total)
		index[0] = idx
	}
	if t := inst.tables[1]; t != nil {
		idx := readList(t, &f.PartII.Rows, &f.PartII.Total)
		part := f.Table(1).(kstt.MutableTable)
		for _, rv := range t.rates {
			if i := idx[rv.row]; i >= 0 {
				part.SetRate(i, rv.col, rv.v)
			}
		}
		index[1] = idx
	}
	return f, index
}

func assembleII08(_ *reader, inst *instance, h kstt.Header) (kstt.Form, [][]int) {
	f := &II08{Header: h}
	t := inst.tables[0]
	idx := make([]int, len(t.rows))
	printed := 0
	var sec *II08Section
	var lvl *II08Level
	newSection := func(code, title string) {
		f.Sections = append(f.Sections, II08Section{Code: code, Title: title})
		sec, lvl = &f.Sections[len(f.Sections)-1], nil
		printed++
	}
	newLevel := func(code, title string) {
		if sec == nil {
			newSection("", "")
		}
		sec.Levels = append(sec.Levels, II08Level{Code: code, Title: title})
		lvl = &sec.Levels[len(sec.Levels)-1]
		printed++
	}
	total := -1
	for k, row := range t.rows {
		switch row.kind {
		case layout.SectionRow:
			newSection(t.texts(k))
			idx[k] = printed - 1
		case layout.LevelRow:
			newLevel(t.texts(k))
			idx[k] = printed - 1
		case layout.DataRow:
			if lvl == nil {
				newLevel("", "")
			}
			s, l := t.texts(k)
			lvl.Rows = append(lvl.Rows, II08Row{STT: s, Field: l})
			idx[k] = printed
			printed++
		case layout.TotalRow:
			total = k
		}
	}
	setCounts(f.Table(0).(kstt.MutableTable), t, idx, printed, total, &f.Total.STT)
	return f, [][]int{idx}
}

// setCounts stores the counts of t's data and total rows in tab at the
// printed index idx gives each (none for -1), the total row (t's row
// total, if any) printed after the printed rows with its STT into
// totalSTT.
func setCounts(tab kstt.MutableTable, t *table, idx []int, printed, total int, totalSTT *string) {
	if total >= 0 {
		idx[total] = printed
		*totalSTT = t.stt(total)
	}
	for k, row := range t.rows {
		if i := idx[k]; i >= 0 && (row.kind == layout.DataRow || row.kind == layout.TotalRow) {
			tab.SetInts(i, t.row(k))
		}
	}
}

func assembleII06b(_ *reader, inst *instance, h kstt.Header) (kstt.Form, [][]int) {
	f := &II06b{Header: h}
	t := inst.tables[0]
	idx := make([]int, len(t.rows))
	printed, total := 0, -1
	var lvl *II06bLevel
	for k, row := range t.rows {
		switch row.kind {
		case layout.LevelRow:
			s, l := t.texts(k)
			f.Levels = append(f.Levels, II06bLevel{Code: s, Title: l})
			lvl = &f.Levels[len(f.Levels)-1]
			idx[k] = printed
			printed++
		case layout.DataRow:
			if lvl == nil {
				f.Levels = append(f.Levels, II06bLevel{})
				lvl = &f.Levels[0]
				printed++
			}
			s, l := t.texts(k)
			lvl.Rows = append(lvl.Rows, II06aRow{STT: s, Field: l})
			idx[k] = printed
			printed++
		case layout.TotalRow:
			total = k
		default:
			idx[k] = -1
		}
	}
	setCounts(f.Table(0).(kstt.MutableTable), t, idx, printed, total, &f.Total.STT)
	return f, [][]int{idx}
}

// assemble builds the typed form of inst, records the address of every
// cell, reports what the reader interpreted and computes the cells whose
// formulas had no stored value.
func (rd *reader) assemble(g *grid.Grid, inst *instance) (kstt.Form, *kstt.Origin) {
	spec := inst.spec
	h := rd.readHeader(g, inst)
	f, index := assemblerFor(rd.cat, spec)(rd, inst, h)
	origin := &kstt.Origin{}
	var where []kstt.PartOrigin
	miss := map[kstt.CellKey]bool{}
	var missing []kstt.CellKey
	tables := make([]kstt.Table, len(spec.Parts))
	for pi := range spec.Parts {
		tables[pi] = f.Table(pi)
	}
	for pi, t := range inst.tables {
		p := &spec.Parts[pi]
		if t == nil {
			rd.find(ruleMissingPart, kstt.Finding{Form: spec.Code, Part: p.ID, Row: -1,
				Expected: p.Title, Actual: "(không có)",
				Message:   fmt.Sprintf("không tìm thấy Phần %s của biểu", p.ID),
				MessageEN: fmt.Sprintf("Part %s of the form was not found", p.ID)})
			continue
		}
		idx := index[pi]
		hasTotal := false
		po := kstt.PartOrigin{Part: p.ID, Rows: make([]int32, tables[pi].Len())}
		for i := range po.Rows {
			po.Rows[i] = -1
		}
		for pos := 2; pos < len(t.cols); pos++ {
			num := p.Columns[pos].Num
			for len(po.Cols) <= num {
				po.Cols = append(po.Cols, -1)
			}
			po.Cols[num] = int32(t.cols[pos])
		}
		for k, row := range t.rows {
			i := idx[k]
			if row.kind == layout.TotalRow {
				hasTotal = true
			}
			if i < 0 || row.figures {
				what, whatEN := "dòng không có trong biểu", "a row the form does not have"
				if row.kind == layout.SectionRow || row.kind == layout.LevelRow {
					what, whatEN = "dòng nhóm (cấp, phần) ở biểu không chia nhóm", "a group (level, section) row in a form without groups"
					if i >= 0 {
						what, whatEN = "dòng nhóm có ghi số liệu: số liệu bị bỏ qua", "a group row that carries figures: the figures are ignored"
					}
				}
				rd.find(ruleSkippedRow, kstt.Finding{Form: spec.Code, Part: p.ID, Row: max(i, -1), RowLabel: t.label(k),
					Cell: g.Addr(int(row.gridRow), t.cols[0]), Actual: strings.TrimSpace(t.stt(k) + " " + t.label(k)),
					Message: what, MessageEN: whatEN})
				continue
			}
			if row.kind != layout.DataRow && row.kind != layout.TotalRow {
				continue
			}
			if i < len(po.Rows) {
				po.Rows[i] = row.gridRow
			}
		}
		where = append(where, po)
		origin.SetGrid(g, where...)
		for _, nt := range t.notes {
			i := idx[nt.row]
			if i < 0 {
				continue
			}
			fd := kstt.Finding{Form: spec.Code, Part: p.ID, Row: i, RowLabel: t.label(nt.row), Column: nt.col,
				Cell: origin.CellAddress(p.ID, i, nt.col)}
			switch nt.kind {
			case noteBlank:
				fd.Expected, fd.Actual = "0", "(trống)"
				fd.Message = fmt.Sprintf("ô (%d) để trống, được đọc là 0", nt.col)
				fd.MessageEN = fmt.Sprintf("cell (%d) is blank, read as 0", nt.col)
				rd.find(ruleBlank, fd)
			case noteBad:
				fd.Actual = nt.text
				if nt.formula != "" {
					fd.Message = fmt.Sprintf("ô (%d): công thức =%s không lưu giá trị, tính ra «%s», không phải số hợp lệ: được đọc là 0", nt.col, nt.formula, nt.text)
					fd.MessageEN = fmt.Sprintf("cell (%d): formula =%s has no stored value and computes «%s», not a valid number: read as 0", nt.col, nt.formula, nt.text)
					rd.find(ruleBadNumber, fd)
					continue
				}
				fd.Message = fmt.Sprintf("ô (%d) ghi «%s», không phải số hợp lệ: được đọc là 0", nt.col, nt.text)
				fd.MessageEN = fmt.Sprintf("cell (%d) holds «%s», not a valid number: read as 0", nt.col, nt.text)
				rd.find(ruleBadNumber, fd)
			case noteUncached:
				key := kstt.CellKey{Part: p.ID, Row: i, Col: nt.col}
				miss[key] = true
				missing = append(missing, key)
			}
		}
		for k, r := range t.after {
			what, whatEN := "dòng dưới dòng TỔNG CỘNG, không được đọc (bảng kết thúc ở dòng TỔNG CỘNG)", "a row below TỔNG CỘNG, not read (the table ends at TỔNG CỘNG)"
			stt, label := g.Cell(int(r), t.cols[0]).Text, g.Cell(int(r), t.cols[1]).Text
			if isTotal(stt) || isTotal(label) {
				what, whatEN = "dòng TỔNG CỘNG thứ hai, không được đọc", "a second TỔNG CỘNG row, not read"
			}
			if k == len(t.after)-1 && t.afterMore > 0 {
				what += fmt.Sprintf("; và %d dòng số liệu nữa dưới nó", t.afterMore)
				whatEN += fmt.Sprintf("; and %d more rows of figures below it", t.afterMore)
			}
			rd.find(ruleSkippedRow, kstt.Finding{Form: spec.Code, Part: p.ID, Row: -1, RowLabel: strings.TrimSpace(label),
				Cell: g.Addr(int(r), t.cols[0]), Actual: strings.TrimSpace(strings.TrimSpace(stt) + " " + strings.TrimSpace(label)),
				Message: what, MessageEN: whatEN})
		}
		if !hasTotal {
			rd.find(ruleNoTotal, kstt.Finding{Form: spec.Code, Part: p.ID, Row: tables[pi].Len() - 1, RowLabel: kstt.TotalLabel,
				Cell: g.Addr(t.end, t.cols[0]), Expected: kstt.TotalLabel, Actual: "(không có)",
				Message: "bảng không có dòng TỔNG CỘNG", MessageEN: "the table has no TỔNG CỘNG row"})
			total := tables[pi].Len() - 1
			for _, c := range p.Columns {
				if c.Kind.Numeric() {
					miss[kstt.CellKey{Part: p.ID, Row: total, Col: c.Num}] = true
				}
			}
		}
	}
	rd.headerNotes(g, inst)
	if len(miss) > 0 {
		done := computeMissing(spec, tables, miss)
		formulas := map[kstt.CellKey]string{}
		calculated := map[kstt.CellKey]string{} // the workbook's own result, when the reader of the file computed it
		for _, t := range inst.tables {
			if t == nil {
				continue
			}
			for _, nt := range t.notes {
				if nt.kind == noteUncached {
					if i := index[t.part][nt.row]; i >= 0 {
						key := kstt.CellKey{Part: spec.Parts[t.part].ID, Row: i, Col: nt.col}
						formulas[key] = nt.formula
						if nt.text != "" {
							calculated[key] = nt.text
						}
					}
				}
			}
		}
		for _, key := range missing {
			meta := tables[spec.PartIndex(key.Part)].Row(key.Row)
			fd := kstt.Finding{Form: spec.Code, Part: key.Part, Row: key.Row, RowLabel: meta.Label, Group: meta.Group, Column: key.Col,
				Cell: origin.CellAddress(key.Part, key.Row, key.Col)}
			v, ok := done[key]
			if w, calc := calculated[key]; calc && ok && w != v {
				fd.Expected, fd.Actual = v, w
				if d, okd := grid.ParseCount(w); okd {
					if e, oke := grid.ParseCount(v); oke {
						fd.Difference = safeint.DiffText(d, e)
					}
				}
				fd.Message = fmt.Sprintf("công thức =%s của bảng tính cho %s, nhưng theo quy tắc của biểu (%s) là %s: biểu dùng %s; kiểm tra vùng ô của công thức (có thể thiếu hoặc thừa dòng)",
					formulas[key], w, ruleExpr(spec, key), v, v)
				fd.MessageEN = fmt.Sprintf("the workbook's formula =%s gives %s, but the form's rule (%s) gives %s: the form takes %s; check the formula's range (a row may be missing or extra)",
					formulas[key], w, ruleExpr(spec, key), v, v)
				rd.find(ruleFormulaDiffers, fd)
				continue
			}
			if w, calc := calculated[key]; calc && !ok {
				fd.Expected, fd.Actual = w, "="+formulas[key]
				fd.Message = fmt.Sprintf("công thức =%s không lưu giá trị; tính theo công thức của bảng tính: %s", formulas[key], w)
				fd.MessageEN = fmt.Sprintf("formula =%s has no stored value; computed with the workbook's formula: %s", formulas[key], w)
				rd.find(ruleFormulaCalc, fd)
				continue
			}
			if ok {
				fd.Expected, fd.Actual = v, "="+formulas[key]
				fd.Message = fmt.Sprintf("công thức =%s không lưu giá trị; tính theo quy tắc của biểu: %s", formulas[key], v)
				fd.MessageEN = fmt.Sprintf("formula =%s has no stored value; computed with the form's rule: %s", formulas[key], v)
				rd.find(ruleFormula, fd)
			} else {
				fd.Expected, fd.Actual = "0", "="+formulas[key]
				fd.Message = fmt.Sprintf("công thức =%s không lưu giá trị, cột (%d) không có quy tắc tính: đọc là 0", formulas[key], key.Col)
				fd.MessageEN = fmt.Sprintf("formula =%s has no stored value and no rule derives column (%d): read as 0", formulas[key], key.Col)
				rd.find(ruleFormulaInput, fd)
			}
		}
	}
	return f, origin
}

// computeMissing computes the cells in miss from the form's own rules —
// the relation a renderer writes as the cell's formula: a printed sum of
// columns, TỔNG CỘNG as the sum of the rows, a rate. It returns the value
// of each cell it computed, as text.
func computeMissing(spec *kstt.FormSpec, tables []kstt.Table, miss map[kstt.CellKey]bool) map[kstt.CellKey]string {
	done := map[kstt.CellKey]string{}
	width := 0
	for i := range spec.Parts {
		width = max(width, spec.Parts[i].MaxNum()+1)
	}
	buf := make([]int64, width)
	acc := make([]int64, width)
	for pi, t := range tables {
		mt, ok := t.(kstt.MutableTable)
		if !ok {
			continue
		}
		p := &spec.Parts[pi]
		var sums []*kstt.Rule
		for ri := range spec.Rules {
			if r := &spec.Rules[ri]; r.Kind == kstt.SumOfColumns && r.Target.Part == p.ID {
				sums = append(sums, r)
			}
		}
		applySums := func(i int) bool {
			changed := false
			for _, r := range sums {
				key := kstt.CellKey{Part: p.ID, Row: i, Col: r.Target.Col}
				if _, computed := done[key]; !miss[key] || computed {
					continue
				}
				var s int64
				ok := true
				for _, term := range r.Terms {
					if s, ok = safeint.Add(s, buf[term.Col]); !ok {
						break
					}
				}
				if ok {
					buf[r.Target.Col] = s
					done[key] = fmt.Sprint(s)
					changed = true
				}
			}
			return changed
		}
		clear(acc)
		accOK := make([]bool, width)
		for c := range accOK {
			accOK[c] = true
		}
		for i := 0; i < t.Len(); i++ {
			meta := t.Row(i)
			switch meta.Kind {
			case layout.DataRow:
				t.Ints(i, buf)
				if applySums(i) {
					mt.SetInts(i, buf)
				}
				for _, c := range p.Columns {
					if c.Kind == layout.CountColumn || c.Kind == layout.FlagColumn {
						if s, ok := safeint.Add(acc[c.Num], buf[c.Num]); ok {
							acc[c.Num] = s
						} else {
							accOK[c.Num] = false
						}
					}
				}
			case layout.TotalRow:
				t.Ints(i, buf)
				changed := false
				for _, c := range p.Columns {
					key := kstt.CellKey{Part: p.ID, Row: i, Col: c.Num}
					if (c.Kind == layout.CountColumn || c.Kind == layout.FlagColumn) && miss[key] && accOK[c.Num] {
						buf[c.Num] = acc[c.Num]
						done[key] = fmt.Sprint(acc[c.Num])
						changed = true
					}
				}
				// Σ rows first; a printed sum only where the rows overflow.
				if applySums(i) || changed {
					mt.SetInts(i, buf)
				}
			}
		}
	}
	for ri := range spec.Rules {
		r := &spec.Rules[ri]
		if r.Kind != kstt.Percentage {
			continue
		}
		pi := spec.PartIndex(r.Target.Part)
		t := tables[pi]
		mt, ok := t.(kstt.MutableTable)
		if !ok {
			continue
		}
		for i := 0; i < t.Len(); i++ {
			key := kstt.CellKey{Part: r.Target.Part, Row: i, Col: r.Target.Col}
			if !miss[key] {
				continue
			}
			meta := t.Row(i)
			num, ok1 := refInt(spec, tables, pi, i, meta, r.Terms[0], buf)
			den, ok2 := refInt(spec, tables, pi, i, meta, r.Terms[1], buf)
			if ok1 && ok2 {
				v := kstt.RateOf(num, den, r.Places)
				mt.SetRate(i, r.Target.Col, v)
				done[key] = v.String()
			}
		}
	}
	return done
}

func refInt(spec *kstt.FormSpec, tables []kstt.Table, pi, row int, meta kstt.RowMeta, ref kstt.Ref, buf []int64) (int64, bool) {
	op := spec.PartIndex(ref.Part)
	if op < 0 {
		return 0, false
	}
	j := row
	if op != pi {
		if j = kstt.MatchRow(tables[op], meta); j < 0 {
			return 0, false
		}
	}
	tables[op].Ints(j, buf)
	return buf[ref.Col], true
}

type rateVal struct {
	row, col int
	v        decimal.Decimal
}

// headerNotes reports the column numbers printed out of place (READ/R05)
// and the header labels that are not the official ones (READ/R08).
func (rd *reader) headerNotes(g *grid.Grid, inst *instance) {
	spec := inst.spec
	for pi, t := range inst.tables {
		if t == nil {
			continue
		}
		p := &spec.Parts[pi]
		for pos, printed := range t.printed {
			if printed != pos+1 {
				rd.find(ruleColumnNumber, kstt.Finding{Form: spec.Code, Part: p.ID, Row: -1, Column: pos + 1,
					Cell: g.Addr(t.numRow, t.cols[pos]), Expected: fmt.Sprintf("(%d)", pos+1), Actual: fmt.Sprintf("(%d)", printed),
					Message:   fmt.Sprintf("cột thứ %d in số (%d), được đọc là cột (%d)", pos+1, printed, pos+1),
					MessageEN: fmt.Sprintf("column %d prints the number (%d); read as column (%d)", pos+1, printed, pos+1)})
			}
		}
		if !t.hasLabels {
			continue
		}
		for pos, leaf := range t.leaves {
			col := &p.Columns[pos]
			if leaf == "" || matchColumn(leaf, col) > 0 {
				continue
			}
			rd.find(ruleLabel, kstt.Finding{Form: spec.Code, Part: p.ID, Row: -1, Column: col.Num,
				Cell: g.Addr(t.leafRows[pos], t.cols[pos]), Expected: col.Label, Actual: leaf,
				Message:   fmt.Sprintf("tiêu đề cột (%d) là «%s», mẫu biểu ghi «%s»", col.Num, leaf, col.Label),
				MessageEN: fmt.Sprintf("column (%d) is headed «%s»; the form prints «%s»", col.Num, leaf, col.Label)})
		}
	}
}

// ruleExpr is the expression of the rule that derives the cell key: the
// printed formula, "TỔNG CỘNG = Σ các dòng" or a rate.
func ruleExpr(spec *kstt.FormSpec, key kstt.CellKey) string {
	for i := range spec.Rules {
		r := &spec.Rules[i]
		if r.Target.Part == key.Part && r.Target.Col == key.Col && (r.Kind == kstt.SumOfColumns || r.Kind == kstt.Percentage) {
			return r.Expr
		}
	}
	return kstt.TotalLabel + " = Σ các dòng"
}
