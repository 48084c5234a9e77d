package bieu

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocaodinhky/vpcp/internal/vntext"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/grid"
	"github.com/baocaodinhky/vpcp/kstt/layout"
)

// reader holds the state of one readGrids call.
type reader struct {
	opts     ReadOptions
	cat      *kstt.Catalogue
	specs    []*kstt.FormSpec
	findings kstt.Findings
}

func newReader(opts ReadOptions) *reader {
	cat := opts.Catalogue
	if cat == nil {
		cat = Official()
	}
	return &reader{opts: opts, cat: cat, specs: readableSpecs(cat)}
}

// readableSpecs are the forms of cat the reader can assemble, in order:
// the official forms (typed), and forms declared as data (generic).
func readableSpecs(cat *kstt.Catalogue) []*kstt.FormSpec {
	var out []*kstt.FormSpec
	for _, s := range cat.Forms {
		if assemblerFor(cat, s) != nil {
			out = append(out, s)
		}
	}
	return out
}

// find records a finding of a READ rule, at the severity the options give.
func (rd *reader) find(id kstt.RuleID, f kstt.Finding) {
	rule := readRuleByID(id)
	sev := rule.Severity
	if ov, ok := rd.opts.Rules.Rules[id]; ok {
		if ov.Off {
			return
		}
		if ov.Severity.Valid() {
			sev = ov.Severity
		}
	}
	f.Rule, f.Severity = id, sev
	f.Message += " (" + rule.Meaning + ")"
	f.MessageEN += " (" + rule.MeaningEN + ")"
	rd.findings = append(rd.findings, f)
}

// codeCtx is the code line that applies to the tables below it.
type codeCtx struct {
	code string
	row  int // -1: from the grid's name
	addr string
	used bool
}

// instance is one form being read: its code, its tables by part, and the
// rows its header block occupies.
type instance struct {
	spec           *kstt.FormSpec
	tables         []*table // by part index; nil when the part was not found
	where          string
	hdrFrom, hdrTo int
	serial         int               // which code line it belongs to
	at             map[string]string // header field → the address it was read from
}

// table is one table of a grid recognised as one part of a form.
type table struct {
	top, numRow, bodyFrom, end int
	sttCol                     int
	cols                       []int    // cols[i]: grid column of official column i+1
	printed                    []int    // printed column numbers, from the column-number row (0: none)
	leaves                     []string // leaf header label of each column
	leafRows                   []int    // the row of each leaf label
	hasLabels                  bool

	spec  *kstt.FormSpec
	part  int
	cands []cand // forms that tie on the header
	rows  []readRow
	width int     // spec part MaxNum()+1
	vals  []int64 // row's buffer: width counts
	g     *grid.Grid
	body  *kstt.PartSpec // the part readBody read the body as
	cells []grid.Cell    // readBody's buffer: a row's cells
	rates []rateVal
	notes []note
	// after: the grid rows below TỔNG CỘNG, before anything else, that
	// carry figures in the table's columns (a row appended under the
	// total, a second total, the rows of a table whose total comes
	// first): the body ends at the total and does not read them, and each
	// is a finding (READ/R09). At most maxAfter are kept; afterMore
	// counts the others, told in the last finding.
	after     []int32
	afterMore int
}

// readRow is a body row as readBody classified it: 8 bytes, its texts
// and counts stay in the grid (see table.stt, label, row).
type readRow struct {
	gridRow int32
	kind    layout.RowKind
	figures bool // a section or level row that carries figures
}

// noteKind is what the reader had to interpret in one cell.
type noteKind uint8

const (
	noteBlank noteKind = iota + 1
	noteUncached
	noteBad
)

type note struct {
	kind     noteKind
	row, col int // row: index into table.rows; col: official column number
	text     string
	formula  string
}

// readGrid finds the forms of one grid and appends them to res.
func (rd *reader) readGrid(g *grid.Grid, res *readResult) error {
	var ctx, named codeCtx
	if code := rd.codeOf(g.Name, false); code != "" {
		ctx = codeCtx{code: code, row: -1, addr: g.Addr(0, 0)}
		named = ctx
	}
	var insts []*instance
	var skipped []string
	prevEnd, serial := 0, 0
	firstRegion := g.Len()
	unused := func() error {
		if ctx.code == "" || ctx.used || ctx.row < 0 {
			return nil
		}
		return rd.unrecognized(g, ctx, skipped)
	}
	for r := 0; r < g.Len(); r++ {
		if code := rd.codeLine(g, r); code != "" {
			if err := unused(); err != nil {
				return err
			}
			serial++
			ctx = codeCtx{code: code, row: r, addr: g.Addr(r, codeCol(g, r))}
			if strings.HasPrefix(code, "?") {
				// A form the reader does not know: its tables are read
				// only if they are recognisably one it knows.
				ctx.used = true
				rd.find(ruleSkipped, kstt.Finding{Row: -1, Cell: ctx.addr, Actual: "Biểu số " + code[1:],
					Message:   "biểu " + code[1:] + " chưa được hỗ trợ, bỏ qua",
					MessageEN: "form " + code[1:] + " is not one this reader knows, skipped"})
			}
			skipped = nil
			firstRegion = min(firstRegion, r)
			continue
		}
		t := rd.tableAt(g, r)
		if t == nil {
			continue
		}
		if !rd.identify(g, t, ctx) {
			at := g.Addr(t.top, max(t.sttCol, 0))
			skipped = append(skipped, fmt.Sprintf("%s: a table of %d columns (%s)", at, len(t.cols), leavesText(t.leaves)))
			rd.find(ruleSkipped, kstt.Finding{Row: -1, Cell: at,
				Actual:    fmt.Sprintf("%d cột: %s", len(t.cols), leavesText(t.leaves)),
				Message:   "bảng này không khớp biểu nào, bỏ qua",
				MessageEN: "this table matches no form, skipped"})
			r = max(r, t.bodyFrom-1)
			continue
		}
		firstRegion = min(firstRegion, t.top)
		rd.readBody(g, t)
		t.settle(rd)
		var inst *instance
		if n := len(insts); n > 0 {
			if last := insts[n-1]; last.spec == t.spec && last.tables[t.part] == nil && last.serial == serial {
				inst = last
			}
		}
		if inst == nil {
			inst = &instance{spec: t.spec, tables: make([]*table, len(t.spec.Parts)), hdrFrom: prevEnd, hdrTo: t.top,
				where: g.Addr(t.top, max(t.sttCol, 0)), serial: serial}
			if ctx.code == t.spec.Code && !ctx.used && ctx.row >= 0 {
				inst.hdrFrom, inst.where = ctx.row, ctx.addr
			}
			insts = append(insts, inst)
		}
		if ctx.code == t.spec.Code {
			ctx.used = true
		}
		inst.tables[t.part] = t
		prevEnd = t.end
		r = t.end - 1
	}
	if err := unused(); err != nil {
		return err
	}
	if len(insts) == 0 && named.code != "" && !strings.HasPrefix(named.code, "?") && !g.Text && Official().Spec(named.code) != nil {
		// A worksheet named for a form that holds no table of it is an
		// error, not a sheet of notes skipped in silence — unless it is
		// empty: a template's sheet the unit had nothing to fill in.
		if !gridBlank(g) {
			return rd.unrecognized(g, named, skipped)
		}
		rd.find(ruleEmptySheet, kstt.Finding{Form: named.code, Row: -1, Cell: g.Addr(0, 0),
			Expected: "Biểu số " + named.code + "/VPCP/KSTT", Actual: "(trống)",
			Message:   fmt.Sprintf("trang tính %s mang tên biểu nhưng để trống: biểu %s không có trong báo cáo", quote(g.Name), named.code),
			MessageEN: fmt.Sprintf("worksheet %s is named for the form but empty: form %s is not in the report", quote(g.Name), named.code)})
	}
	for _, inst := range insts {
		f, origin := rd.assemble(g, inst)
		res.Forms = append(res.Forms, f)
		res.Origins = append(res.Origins, origin)
		res.Where = append(res.Where, inst.where)
		res.headerAt = append(res.headerAt, inst.at)
	}
	rd.readNarrative(g, firstRegion, res)
	return nil
}

func (rd *reader) unrecognized(g *grid.Grid, ctx codeCtx, skipped []string) error {
	spec := rd.cat.Spec(ctx.code)
	var parts []string
	for _, p := range spec.Parts {
		var labels []string
		for _, c := range p.Columns {
			labels = append(labels, c.Label)
		}
		parts = append(parts, fmt.Sprintf("%d columns numbered (1)…(%d) or labelled %s", len(p.Columns), p.MaxNum(), strings.Join(labels, " | ")))
	}
	found := skipped
	if len(found) == 0 {
		found = describeGrid(g, ctx.row+1, min(g.Len(), ctx.row+40), 5)
	}
	return &ReadError{Grid: g.Name, Addr: ctx.addr, Code: ctx.code, Err: ErrUnrecognized,
		LookedFor: "a table below the code line: " + strings.Join(parts, "; or "), Found: found}
}

func leavesText(leaves []string) string {
	s := make([]string, 0, 7)
	for _, l := range leaves[:min(len(leaves), 6)] {
		s = append(s, shorten(l, 30))
	}
	if len(leaves) > 6 {
		s = append(s, "…")
	}
	return strings.Join(s, " | ")
}

func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// describeGrid lists up to n non-empty rows of g in [from, to) as
// "address: cell | cell".
func describeGrid(g *grid.Grid, from, to, n int) []string {
	var out []string
	for r := max(from, 0); r < to && r < g.Len() && len(out) < n; r++ {
		var cells []string
		first := -1
		for c, cell := range g.Row(r) {
			if cell.Blank() {
				continue
			}
			if first < 0 {
				first = c
			}
			t := cmp.Or(cell.Text, "="+cell.Formula)
			cells = append(cells, shorten(t, 40))
			if len(cells) == 5 {
				cells = append(cells, "…")
				break
			}
		}
		if first >= 0 {
			out = append(out, g.Addr(r, first)+": "+strings.Join(cells, " | "))
		}
	}
	if len(out) == 0 {
		out = append(out, fmt.Sprintf("%s: no text in %d rows", quote(g.Name), g.Len()))
	}
	return out
}

// codeCol is the column of the code line's cell in row r.
func codeCol(g *grid.Grid, r int) int {
	for c, cell := range g.Row(r) {
		if strings.Contains(strings.ToLower(scanPrefix(cell.Text)), "vpcp") {
			return c
		}
	}
	return firstCol(g, r)
}

func firstCol(g *grid.Grid, r int) int {
	for c, cell := range g.Row(r) {
		if !cell.Blank() {
			return c
		}
	}
	return 0
}

// gridBlank reports whether no cell of g holds anything.
func gridBlank(g *grid.Grid) bool {
	for r := range g.Len() {
		if !rowBlank(g, r) {
			return false
		}
	}
	return true
}

// maxScan bounds the text of a cell the header scan looks at: a label, a
// code line or a header field is matched on its first maxScan bytes, so a
// cell of megabytes costs what a label does.
const maxScan = 1024

// scanPrefix is s cut to at most maxScan bytes, at a rune boundary.
func scanPrefix(s string) string {
	if len(s) <= maxScan {
		return s
	}
	i := maxScan
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i]
}

// compact is the matching form of a label: NFC, lower case, without spaces
// and punctuation.
func compact(s string) string {
	s = vntext.Key(scanPrefix(s))
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// codeLine returns the form code of a code line in row r: a cell that
// starts with "Biểu số II.06a/VPCP/KSTT" (at the left, as the forms print
// it, or further right beside the name of the agency), or "".
func (rd *reader) codeLine(g *grid.Grid, r int) string {
	row := g.Row(r)
	for c := 0; c < len(row) && c < 32; c++ {
		cell := &row[c]
		if cell.IsNum || len(cell.Text) < 6 {
			continue
		}
		if code := rd.codeOf(cell.Text, true); code != "" {
			return code
		}
	}
	return ""
}

// codeOf finds a form code at the start of s: "Biểu số II.06a/VPCP/KSTT",
// "BIỂU SỐ II.06A/VPCP/KSTT", "Mẫu số II.08/VPCP/KSTT", "II.07b/VPCP/KSTT"
// — or, with line false, a worksheet name that is a bare code ("II.06a",
// "Bieu II.08").
func (rd *reader) codeOf(s string, line bool) string {
	if s == "" || len(s) > 400 {
		return ""
	}
	low := strings.ToLower(s)
	if line && !strings.Contains(low, "vpcp") && !strings.Contains(low, "biểu") && !strings.Contains(low, "mẫu") &&
		!strings.Contains(low, "bieu") && !strings.Contains(low, "biêu") {
		if !strings.Contains(vntext.Key(s), "biểu") {
			return ""
		}
	}
	k := compact(s)
	if line {
		if code := rd.printedCode(k); code != "" {
			return code
		}
	}
	prefixed := false
	for _, p := range []string{"biểumẫusố", "biểusố", "mẫusố", "biểu", "bieuso", "bieu", "mẫu"} {
		if strings.HasPrefix(k, p) {
			k, prefixed = k[len(p):], true
			break
		}
	}
	for _, spec := range rd.specs {
		code := compact(spec.Code) // "ii06a"
		if !strings.HasPrefix(k, code) {
			continue
		}
		rest := k[len(code):]
		if line {
			if strings.HasPrefix(rest, "vpcp") {
				return spec.Code
			}
			continue
		}
		if rest == "" {
			return spec.Code
		}
	}
	if line && prefixed {
		// "Biểu số II.09/VPCP/KSTT": a form this reader does not know.
		if i := strings.Index(k, "vpcp"); i > 0 && i <= 8 {
			return "?" + rawCode(s)
		}
	}
	return ""
}

// rawCode is the code as a code line writes it: "II.09" of "Biểu số
// II.09/VPCP/KSTT".
func rawCode(s string) string {
	i := strings.Index(strings.ToLower(s), "/vpcp")
	if i < 0 {
		i = strings.Index(strings.ToLower(s), "vpcp")
	}
	f := strings.Fields(strings.TrimRight(s[:max(i, 0)], " /"))
	if len(f) == 0 {
		return "?"
	}
	return f[len(f)-1]
}

// sttCol returns the column of an "STT" header cell among the first
// non-empty cells of row r, when another cell follows it; else -1.
func sttCol(g *grid.Grid, r int) int {
	row := g.Row(r)
	seen := 0
	for c := 0; c < len(row) && seen < 2; c++ {
		cell := &row[c]
		if cell.Blank() {
			continue
		}
		seen++
		if cell.IsNum || len(cell.Text) > 24 || !isSTT(cell.Text) {
			continue
		}
		for k := c + 1; k < len(row); k++ {
			if !row[k].Blank() {
				return c
			}
		}
		return -1
	}
	return -1
}

func isSTT(s string) bool {
	switch compact(s) {
	case "stt", "tt", "sốtt", "sốthứtự", "thứtự":
		return true
	}
	return false
}

// colNum reads a cell of a column-number row: "(3)", "(3)=(4)+(5)+(6)",
// "3", "3=4+5+6". It returns the number and whether a formula follows.
func colNum(c *grid.Cell) (int, bool, bool) {
	if c.IsNum {
		v, ok := c.Int()
		return int(v), false, ok && v > 0 && v < 100
	}
	s := c.Text
	if len(s) > 120 {
		return 0, false, false
	}
	paren := false
	if strings.HasPrefix(s, "(") {
		paren = true
		s = s[1:]
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i > 2 {
		return 0, false, false
	}
	n, _ := strconv.Atoi(s[:i])
	rest := s[i:]
	if paren {
		if !strings.HasPrefix(rest, ")") {
			return 0, false, false
		}
		rest = rest[1:]
	}
	rest = strings.TrimSpace(rest)
	if rest != "" && rest[0] != '=' {
		return 0, false, false
	}
	return n, paren, n > 0
}

// numberRow reads row r as a column-number row: the grid columns of its
// cells in order and the numbers they print. Without parentheses the
// numbers must run 1, 2, 3 … exactly; with them one misprint is allowed
// (the seed prints II.08's (9) as a second (8)).
func numberRow(g *grid.Grid, r int) (cols, printed []int) {
	row := g.Row(r)
	anyParen, bad := false, 0
	for c := range row {
		cell := &row[c]
		if cell.Blank() {
			continue
		}
		n, paren, ok := colNum(cell)
		if !ok {
			return nil, nil
		}
		anyParen = anyParen || paren
		if n != len(cols)+1 {
			bad++
		}
		cols = append(cols, c)
		printed = append(printed, n)
		if len(cols) == 1 && n != 1 || bad > 1 {
			return nil, nil
		}
	}
	if len(cols) < 4 || bad > 0 && !anyParen {
		return nil, nil
	}
	return cols, printed
}

// tableAt recognises the start of a table at row r: an STT header row
// (with or without a column-number row below it) or a column-number row.
// It maps the columns but does not read the body.
func (rd *reader) tableAt(g *grid.Grid, r int) *table {
	if g.RowWidth(r) < 2 {
		return nil
	}
	sc := sttCol(g, r)
	if sc >= 0 {
		t := &table{top: r, numRow: -1, sttCol: sc}
		for k := r + 1; k < g.Len() && k <= r+7; k++ {
			if cols, printed := numberRow(g, k); cols != nil {
				t.numRow, t.cols, t.printed, t.bodyFrom = k, cols, printed, k+1
				break
			}
			if !g.Cell(k, sc).Blank() {
				break
			}
		}
		if t.numRow < 0 {
			// Labels only: the header runs down to the first row with
			// something in the STT column (or a blank row).
			end := r + 1
			for end < g.Len() && end <= r+5 && g.Cell(end, sc).Blank() && !rowBlank(g, end) {
				end++
			}
			t.bodyFrom = end
			for c, w := sc, maxWidth(g, r, end); c < w; c++ {
				if leaf, _ := leafLabel(g, r, end, c); leaf != "" {
					t.cols = append(t.cols, c)
				}
			}
		}
		t.labels(g, r, t.headerEnd())
		return t.trimNotes()
	}
	cols, printed := numberRow(g, r)
	if cols == nil {
		return nil
	}
	t := &table{top: r, numRow: r, bodyFrom: r + 1, sttCol: cols[0], cols: cols, printed: printed}
	// Header rows above: contiguous rows with at least two cells, none of
	// them a line of the header block ("Đơn vị báo cáo: …").
	top := r
	for top > 0 && top > r-5 && cellCount(g, top-1) >= 2 && sttCol(g, top-1) < 0 && !fieldRow(g, top-1) {
		top--
	}
	if top > 0 && sttCol(g, top-1) >= 0 {
		top--
	}
	t.top = top
	t.labels(g, top, r)
	return t.trimNotes()
}

func (t *table) headerEnd() int {
	if t.numRow >= 0 {
		return t.numRow
	}
	return t.bodyFrom
}

func maxWidth(g *grid.Grid, from, to int) int {
	w := 0
	for r := from; r < to && r < g.Len(); r++ {
		w = max(w, g.RowWidth(r))
	}
	return w
}

func rowBlank(g *grid.Grid, r int) bool {
	for _, c := range g.Row(r) {
		if !c.Blank() {
			return false
		}
	}
	return true
}

// fieldRow reports whether row r holds a line of a form's header block.
func fieldRow(g *grid.Grid, r int) bool {
	for _, c := range g.Row(r) {
		if !c.IsNum && fieldOf(c.Text) != fieldNone {
			return true
		}
	}
	return false
}

func cellCount(g *grid.Grid, r int) int {
	n := 0
	for _, c := range g.Row(r) {
		if !c.Blank() {
			n++
		}
	}
	return n
}

// leafLabel is the lowest header text of column c in rows [from, to), and
// its row.
func leafLabel(g *grid.Grid, from, to, c int) (string, int) {
	for r := to - 1; r >= from; r-- {
		if cell := g.Cell(r, c); cell.Text != "" {
			return cell.Text, r
		}
	}
	return "", -1
}

// labels records the leaf label of each mapped column.
func (t *table) labels(g *grid.Grid, from, to int) {
	t.leaves = make([]string, len(t.cols))
	t.leafRows = make([]int, len(t.cols))
	for i, c := range t.cols {
		t.leaves[i], t.leafRows[i] = leafLabel(g, from, to, c)
		if t.leaves[i] != "" {
			t.hasLabels = true
		}
	}
}

// trimNotes drops a trailing "Ghi chú" (notes) column some templates add.
func (t *table) trimNotes() *table {
	if n := len(t.cols); n > 0 && strings.HasPrefix(compact(t.leaves[n-1]), "ghichú") {
		t.cols, t.leaves, t.leafRows = t.cols[:n-1], t.leaves[:n-1], t.leafRows[:n-1]
		if len(t.printed) == n {
			t.printed = t.printed[:n-1]
		}
	}
	if len(t.cols) < 3 {
		return nil
	}
	return t
}

// Label matching.

var labelVariants = map[string][]string{
	"stt":                    {"tt", "sốtt", "sốthứtự"},
	"lĩnhvựcgiảiquyết":       {"lĩnhvực", "đơnvị", "tênlĩnhvực", "lĩnhvựcđơnvị", "đơnvịlĩnhvực"},
	"lĩnhvực":                {"đơnvị", "tênđơnvị", "tênlĩnhvực", "lĩnhvựcgiảiquyết", "lĩnhvựcđơnvị", "đơnvịlĩnhvực"},
	"tổngsố":                 {"tổng", "cộng"},
	"trựctiếpdịchvụbưuchính": {"trựctiếpvàquadịchvụbưuchính", "trựctiếpquadịchvụbưuchính", "trựctiếpvàdịchvụbưuchính", "trựctiếpbưuchính"},
	"sốlượnghồsơphátsinh":    {"hồsơphátsinh", "sốhồsơphátsinh"},
	"tạibpmccấptỉnh":         {"cấptỉnh"},
	"tạibpmccấphuyện":        {"cấphuyện"},
	"tạibpmccấpxã":           {"cấpxã"},
	"tổngsốquytrình":         {"tổngsố"},
	"tổngsốtthc":             {"tổngsố"},
	"tíchhợpvớicổngdịchvụcôngquốcgiacó1không0": {"tíchhợpvớicổngdịchvụcôngquốcgia", "tíchhợpvớicổngdvcquốcgia"},
}

// matchLabel scores a header label against the official one: 2 the same
// (after case, space and punctuation folding) or a known variant, 1 one
// containing the other or a long common start, 0 different.
func matchLabel(got, official string) int {
	a, o := compact(got), compact(official)
	if a == "" {
		return 0
	}
	if a == o {
		return 2
	}
	for _, v := range labelVariants[o] {
		if a == v {
			return 2
		}
	}
	if strings.Contains(a, o) || strings.Contains(o, a) {
		return 1
	}
	n := 0
	for n < len(a) && n < len(o) && a[n] == o[n] {
		n++
	}
	if n >= 12 {
		return 1
	}
	return 0
}

// matchColumn scores a header label against a column: its leaf label, or
// one of its groups (a header without the "Tổng số" row).
func matchColumn(got string, col *kstt.Column) int {
	m := matchLabel(got, col.Label)
	if m == 0 && got != "" {
		for _, g := range col.Groups {
			if matchLabel(got, g) == 2 {
				return 1
			}
		}
	}
	return m
}

// identify decides which part of which form t is: by the number of its
// columns, its header labels and the code line above it. It reports false
// when nothing fits well enough. Forms that share a layout (II.06a and
// II.06b) tie; settle decides between them once the body is read.
func (rd *reader) identify(g *grid.Grid, t *table, ctx codeCtx) bool {
	n := len(t.cols)
	best, bestScore, bestBonus := []cand(nil), -1, 0
	for _, spec := range rd.specs {
		for pi := range spec.Parts {
			p := &spec.Parts[pi]
			if len(p.Columns) != n {
				continue
			}
			score, bonus := 0, 0
			for i := range p.Columns {
				score += matchColumn(t.leaves[i], &p.Columns[i])
			}
			if ctx.code == spec.Code {
				bonus = 1000
			}
			switch {
			case score+bonus > bestScore+bestBonus:
				best, bestScore, bestBonus = []cand{{spec, pi}}, score, bonus
			case score+bonus == bestScore+bestBonus:
				best = append(best, cand{spec, pi})
			}
		}
	}
	if best == nil {
		return false
	}
	ok := bestBonus > 0 && (t.numRow >= 0 || bestScore >= n) ||
		t.numRow >= 0 && (bestScore >= n || !t.hasLabels) ||
		bestScore*2 >= 3*n
	if !ok {
		return false
	}
	t.cands = best
	t.spec, t.part = best[0].spec, best[0].part
	t.width = t.spec.Parts[t.part].MaxNum() + 1
	return true
}

type cand struct {
	spec *kstt.FormSpec
	part int
}

// settle chooses among forms that tie on the header the one whose rows fit
// the body: II.06b when the body has level rows, II.06a when it has none.
func (t *table) settle(rd *reader) {
	if len(t.cands) < 2 {
		return
	}
	levels, sections := false, false
	for _, r := range t.rows {
		levels = levels || r.kind == layout.LevelRow
		sections = sections || r.kind == layout.SectionRow
	}
	for _, c := range t.cands {
		fr := rd.groupRows(c.spec)
		if fr.levels == levels && fr.sections == sections {
			t.spec, t.part = c.spec, c.part
			return
		}
	}
}
