package xlsx

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/baocaodinhky/vpcp/kstt/grid"
)

// MaxFormulaEvaluations bounds how many formula cells without a stored
// value ReadWorkbook examines and evaluates in one workbook, those that
// the evaluated ones reference included; the cells beyond it are left
// without a value (grid.Cell.Text empty), as a reader without a
// calculator would leave them.
const MaxFormulaEvaluations = 10000

// What the calculator charges against the read's memory budget (see
// ReadOptions.MaxMemory), in bytes, measured on excelize: a formula
// evaluated (its parsed tokens and cached result), a byte of its text, a
// cell of a range it references (the value a range hands to a function,
// 136 bytes in excelize, and the work of reading it), and the cells and
// rows of the calculator's workbook (a cell 192 bytes in excelize, a row
// 80, and the cached value of a cell read). As for the grids, the peak
// heap stays within about twice what is charged.
const (
	calcFormulaBytes = 512
	calcTextFactor   = 8
	calcAreaBytes    = 640
	calcSlotBytes    = 224
	calcRowBytes     = 96
	calcSheetBytes   = 8192
)

// maxCalcSheets bounds the sheets of the calculator's workbook: excelize
// takes time in the number of sheets to add one.
const maxCalcSheets = 256

// calcDone, when set (by a test), is called with the calculator and the
// budget it was given once it has evaluated.
var calcDone func(k *calculator, budget int64)

// calcCell is a cell of the workbook: grid index, 0-based row and column.
type calcCell struct{ sheet, r, c int32 }

// Node states of the calculator's graph of formula cells.
const (
	nodeNew     = iota // found, not examined
	nodeOpen           // examined, its dependencies being visited
	nodeOK             // evaluated when the workbook is calculated
	nodeRefused        // left without a value
)

// calcNode is a formula cell without a stored value.
type calcNode struct {
	cell   calcCell
	state  uint8
	height int32   // the longest chain of formula cells without a value it goes through, itself included
	deps   []int32 // the formula cells without a value it references
	f      parsedFormula
}

// calculator evaluates the formulas of the workbook being read that carry
// no stored value — what a program that does not calculate (excelize's
// SetCellFormula, many exporters) writes — once every worksheet is read,
// so that a formula may reference any cell of the workbook.
//
// It never opens the file with excelize (which would hold the whole
// package in memory and extract a large worksheet to a temporary file).
// It checks each formula first (parseFormula: the functions of
// calcFunctions, references to sheets of the workbook, MaxFormulaLength,
// MaxFormulaDepth), follows the formula cells without a value it
// references (a cycle, or a chain deeper than MaxFormulaDepth, is
// refused), and charges what evaluating it takes against what the grids
// left of the read's memory budget. Then it builds, in memory, a workbook
// of only the cells the accepted formulas reference, read from the grids,
// and evaluates the formulas there with excelize's CalcCellValue. Work
// and memory are bounded by the budget, and excelize's recursion by
// MaxFormulaDepth.
type calculator struct {
	pending []calcCell // the formula cells without a stored value, in reading order
	grids   []*grid.Grid
	names   []string
	widths  []int // each grid's width, computed once (-1: not yet)
	budget  int64 // bytes left of the read's memory budget
	nodes   []calcNode
	index   map[calcCell]int32
	slots   [][]int32 // per grid and row: the cell slots of the calculator's workbook charged so far
	top     []int32   // per grid: the rows of the calculator's workbook charged so far
	used    []bool    // per grid: a sheet of the calculator's workbook
	nsheets int       // the sheets of the calculator's workbook
	masters map[sharedKey]sharedFormula
}

// sharedPrefix starts the Formula the reader gives a cell of a shared
// formula other than its first: "(shared formula 0)".
const sharedPrefix = "(shared formula "

// sharedKey names a shared formula: its grid and its index (si).
type sharedKey struct {
	sheet int32
	si    string
}

// sharedFormula is a shared formula's text and its first cell.
type sharedFormula struct {
	text string
	r, c int32
}

// shared notes the first cell of a shared formula (the one holding its
// text) in grid sheet: the others hold only its index.
func (k *calculator) shared(sheet int, si, text string, r, c int) {
	if len(text) > MaxFormulaLength || len(k.masters) >= 4*MaxFormulaEvaluations {
		return
	}
	if k.masters == nil {
		k.masters = map[sharedKey]sharedFormula{}
	}
	k.masters[sharedKey{int32(sheet), si}] = sharedFormula{text, int32(r), int32(c)}
}

// add notes a formula cell without a stored value met while reading grid
// sheet. The list takes 12 bytes a cell, where the grid is charged at
// least 40 for it.
func (k *calculator) add(sheet, r, c int) {
	k.pending = append(k.pending, calcCell{int32(sheet), int32(r), int32(c)})
}

// extent is a grid's used rows and columns.
func (k *calculator) extent(sheet int) (rows, cols int) {
	g := k.grids[sheet]
	if k.widths[sheet] < 0 {
		k.widths[sheet] = g.Width()
	}
	return g.Len(), k.widths[sheet]
}

// run evaluates the pending formulas of grids with at most budget bytes,
// and returns the grids with the values written into their cells.
func (k *calculator) run(grids []*grid.Grid, budget int64) []*grid.Grid {
	if len(k.pending) == 0 {
		return grids
	}
	k.grids, k.budget = grids, budget
	k.names = make([]string, len(grids))
	k.widths = make([]int, len(grids))
	k.slots = make([][]int32, len(grids))
	k.top = make([]int32, len(grids))
	k.used = make([]bool, len(grids))
	seen := make(map[string]bool, len(grids))
	for i, g := range grids {
		k.names[i], k.widths[i] = g.Name, -1
		if low := strings.ToLower(g.Name); seen[low] {
			k.names[i] = "" // two sheets the calculator cannot tell apart
		} else {
			seen[low] = true
		}
	}
	k.index = make(map[calcCell]int32, min(len(k.pending), MaxFormulaEvaluations))
	// Each sheet from its last row up: a form's TỔNG CỘNG row, below the
	// rows it sums, is evaluated before the budget may run out.
	slices.SortStableFunc(k.pending, func(a, b calcCell) int {
		return cmp.Or(cmp.Compare(a.sheet, b.sheet), cmp.Compare(b.r, a.r))
	})
	for _, c := range k.pending {
		k.visit(k.node(c))
	}
	values := k.evaluate()
	if calcDone != nil {
		calcDone(k, budget)
	}
	if len(values) == 0 {
		return grids
	}
	out := make([]*grid.Grid, len(grids))
	for i, g := range grids {
		out[i] = g
		if v := values[int32(i)]; len(v) > 0 {
			out[i] = patchGrid(g, v)
		}
	}
	return out
}

// width returns the slots charged per row of grid sheet, one entry per
// row of the grid (a formula's own cell lies in the grid too).
func (k *calculator) width(sheet int) []int32 {
	if k.slots[sheet] == nil {
		k.slots[sheet] = make([]int32, k.grids[sheet].Len())
	}
	return k.slots[sheet]
}

// node returns the node of cell c, added when new; -1 beyond
// MaxFormulaEvaluations.
func (k *calculator) node(c calcCell) int32 {
	if id, ok := k.index[c]; ok {
		return id
	}
	if len(k.nodes) >= MaxFormulaEvaluations {
		return -1
	}
	id := int32(len(k.nodes))
	k.nodes = append(k.nodes, calcNode{cell: c})
	k.index[c] = id
	return id
}

// examine parses a new node's formula, charges it and finds the formula
// cells without a value it references: the node is then open, or refused.
func (k *calculator) examine(id int32) {
	n := &k.nodes[id]
	n.state = nodeRefused
	cell := n.cell
	g := k.grids[cell.sheet]
	gc := g.Cell(int(cell.r), int(cell.c))
	if !sheetNameOK(k.names[cell.sheet]) {
		return
	}
	text, dr, dc := gc.Formula, 0, 0
	if si, ok := strings.CutPrefix(text, sharedPrefix); ok {
		m, found := k.masters[sharedKey{cell.sheet, strings.TrimSuffix(si, ")")}]
		if !found {
			return
		}
		text, dr, dc = m.text, int(cell.r-m.r), int(cell.c-m.c)
	}
	f, ok := parseFormula(text, int(cell.sheet), k.names, k.extent, dr, dc)
	if !ok {
		return
	}
	cost := calcFormulaBytes + calcTextFactor*int64(len(f.text))
	// The calculator's workbook holds, per sheet, every row up to the last
	// one it holds a cell of, and in each row every cell slot up to its
	// last cell: charged as the rows and slots grow.
	type slots struct{ sheet, r1, r2, cols int }
	grown := []slots{{int(cell.sheet), int(cell.r), int(cell.r), int(cell.c) + 1}}
	for _, x := range f.refs {
		if !sheetNameOK(k.names[x.sheet]) {
			return
		}
		cost += calcAreaBytes * x.area()
		if cost > k.budget {
			return // a formula too costly: refused, the next ones are examined
		}
		used, width := k.extent(x.sheet)
		if r2, c2 := min(x.r2, used-1), min(x.c2, width-1); r2 >= x.r1 && c2 >= 0 {
			grown = append(grown, slots{x.sheet, x.r1, r2, c2 + 1})
		}
	}
	top := map[int]int32{}
	for _, g := range grown {
		top[g.sheet] = max(top[g.sheet], k.top[g.sheet], int32(g.r2+1))
		w := k.width(g.sheet)
		for r := g.r1; r <= g.r2; r++ {
			if r >= len(w) {
				cost += calcSlotBytes * int64(g.cols)
			} else if int(w[r]) < g.cols {
				cost += calcSlotBytes * int64(g.cols-int(w[r]))
			}
		}
	}
	for sheet, n := range top {
		cost += calcRowBytes * int64(n-k.top[sheet])
	}
	var fresh []int // the sheets the calculator's workbook gains
	for _, x := range append(f.refs, cellRect{sheet: int(cell.sheet)}) {
		if !k.used[x.sheet] && !slices.Contains(fresh, x.sheet) {
			fresh = append(fresh, x.sheet)
			cost += calcSheetBytes
		}
	}
	if k.nsheets+len(fresh) > maxCalcSheets {
		return
	}
	if cost > k.budget {
		return
	}
	// The cells read: formula cells without a value are nodes of their
	// own; a text is stored in the calculator's workbook (twice: its
	// shared strings and their index).
	var deps []int32
	bad := false
	k.cells(f.refs, func(sheet, r, c int, v grid.Cell) bool {
		switch {
		case v.Formula != "" && !v.Cached:
			d := k.node(calcCell{int32(sheet), int32(r), int32(c)})
			if d < 0 {
				bad = true
				return false
			}
			deps = append(deps, d)
		case !v.IsNum && isErrorValue(v.Text):
			// An error value makes the formula's result an error: no value.
			bad = true
			return false
		case !v.IsNum:
			cost += 2 * int64(len(v.Text))
		}
		return true
	})
	if bad || cost > k.budget {
		return
	}
	k.budget -= cost
	for sheet, n := range top {
		k.top[sheet] = n
	}
	for _, sheet := range fresh {
		k.used[sheet] = true
	}
	k.nsheets += len(fresh)
	for _, g := range grown {
		w := k.width(g.sheet)
		for r := g.r1; r <= g.r2 && r < len(w); r++ {
			w[r] = max(w[r], int32(g.cols))
		}
	}
	n = &k.nodes[id] // k.node may have grown the slice
	n.f, n.deps, n.state, n.height = f, deps, nodeOpen, 1
}

// cells calls fn for every cell of the rectangles that holds something,
// within the grids' used area, until fn returns false.
func (k *calculator) cells(refs []cellRect, fn func(sheet, r, c int, v grid.Cell) bool) {
	for _, x := range refs {
		g := k.grids[x.sheet]
		for r := x.r1; r <= x.r2 && r < g.Len(); r++ {
			w := g.RowWidth(r)
			if x.c1 >= w {
				continue
			}
			if x.c2-x.c1 >= 4 {
				row := g.Row(r)
				for c := x.c1; c <= x.c2 && c < len(row); c++ {
					if !row[c].Blank() && !fn(x.sheet, r, c, row[c]) {
						return
					}
				}
				continue
			}
			for c := x.c1; c <= x.c2 && c < w; c++ {
				if v := g.Cell(r, c); !v.Blank() && !fn(x.sheet, r, c, v) {
					return
				}
			}
		}
	}
}

// isErrorValue reports whether a cell's text is a spreadsheet error value.
func isErrorValue(s string) bool {
	switch s {
	case "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!":
		return true
	}
	return false
}

// visit examines the formula cells reachable from node root, depth first
// with an explicit stack (a chain of any length costs no Go stack), and
// settles each: evaluated when its formula is accepted, every formula
// cell it references is, it lies on no cycle and its chain is at most
// MaxFormulaDepth long.
func (k *calculator) visit(root int32) {
	if root < 0 || k.nodes[root].state != nodeNew {
		return
	}
	k.examine(root)
	if k.nodes[root].state != nodeOpen {
		return
	}
	type frame struct{ id, i int32 }
	stack := []frame{{root, 0}}
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		n := &k.nodes[top.id]
		if int(top.i) < len(n.deps) && n.state == nodeOpen {
			d := n.deps[top.i]
			top.i++
			switch k.nodes[d].state {
			case nodeNew:
				k.examine(d)
				if k.nodes[d].state == nodeOpen {
					stack = append(stack, frame{d, 0})
				} else {
					k.nodes[top.id].state = nodeRefused
				}
			case nodeOpen: // a cycle
				n.state = nodeRefused
			case nodeRefused:
				n.state = nodeRefused
			case nodeOK:
				n.height = max(n.height, k.nodes[d].height+1)
			}
			n = &k.nodes[top.id] // examine may have grown k.nodes
			if n.height > MaxFormulaDepth {
				n.state = nodeRefused // a chain too long: the other dependencies need no visit
			}
			continue
		}
		// Every dependency is settled.
		if n.state == nodeOpen && n.height <= MaxFormulaDepth {
			n.state = nodeOK
		} else {
			n.state = nodeRefused
		}
		n.deps = nil
		stack = stack[:len(stack)-1]
		if len(stack) > 0 {
			p := &k.nodes[stack[len(stack)-1].id]
			if n.state != nodeOK {
				p.state = nodeRefused
			} else if p.state == nodeOpen {
				p.height = max(p.height, n.height+1)
				if p.height > MaxFormulaDepth {
					p.state = nodeRefused
				}
			}
		}
	}
}

// A result of the calculator: the value of the formula cell (r, c).
type calcValue struct {
	r, c int32
	text string
	num  bool
}

// evaluate builds the calculator's workbook from the accepted formulas
// and the cells they reference, and evaluates them: the values by grid.
func (k *calculator) evaluate() (values map[int32][]calcValue) {
	var ok []int32
	need := make([]bool, len(k.grids))
	for id := range k.nodes {
		n := &k.nodes[id]
		if n.state != nodeOK {
			continue
		}
		ok = append(ok, int32(id))
		need[n.cell.sheet] = true
		for _, x := range n.f.refs {
			need[x.sheet] = true
		}
	}
	if len(ok) == 0 {
		return nil
	}
	defer func() {
		// The reader never panics: a formula excelize cannot take leaves
		// the cells not yet evaluated without a value.
		_ = recover()
	}()
	f := excelize.NewFile()
	defer f.Close()
	first := true
	for i, yes := range need {
		if !yes {
			continue
		}
		var err error
		if first {
			err = f.SetSheetName(f.GetSheetName(0), k.names[i])
			first = false
		} else {
			_, err = f.NewSheet(k.names[i])
		}
		if err != nil {
			return nil
		}
	}
	var buf []byte
	name := func(r, c int) string {
		buf = grid.AppendCellName(buf[:0], r, c)
		return string(buf)
	}
	for _, id := range ok {
		n := &k.nodes[id]
		if f.SetCellFormula(k.names[n.cell.sheet], name(int(n.cell.r), int(n.cell.c)), n.f.text) != nil {
			return nil
		}
		k.cells(n.f.refs, func(sheet, r, c int, v grid.Cell) bool {
			if v.Formula != "" && !v.Cached {
				return true // a node of its own
			}
			sh, at := k.names[sheet], name(r, c)
			if v.IsNum {
				f.SetCellDefault(sh, at, v.Text)
			} else {
				f.SetCellStr(sh, at, v.Text)
			}
			return true
		})
	}
	values = map[int32][]calcValue{}
	for _, id := range ok {
		n := &k.nodes[id]
		v, err := f.CalcCellValue(k.names[n.cell.sheet], name(int(n.cell.r), int(n.cell.c)), excelize.Options{RawCellValue: true})
		v = strings.TrimSpace(v)
		if err != nil || v == "" || strings.HasPrefix(v, "#") {
			continue
		}
		x, perr := strconv.ParseFloat(v, 64)
		isNum := perr == nil
		if isNum && (math.IsInf(x, 0) || math.IsNaN(x)) {
			// The spreadsheet shows a result beyond the numbers it
			// holds (=10^400, an overflowing division) as #NUM!.
			v, isNum = calcNotFinite, false
		}
		values[n.cell.sheet] = append(values[n.cell.sheet], calcValue{n.cell.r, n.cell.c, v, isNum})
	}
	return values
}

// calcNotFinite is the error value of a result that is not a finite
// number, as Excel and LibreOffice show it.
const calcNotFinite = "#NUM!"

// patchGrid returns a copy of g with the values written into their cells
// (a grid a reader stores compactly is not changed in place).
func patchGrid(g *grid.Grid, values []calcValue) *grid.Grid {
	out := &grid.Grid{Name: g.Name, Source: g.Source, Text: g.Text, Merges: g.Merges}
	byRow := map[int32][]calcValue{}
	for _, v := range values {
		byRow[v.r] = append(byRow[v.r], v)
	}
	for r := range g.Len() {
		row := g.Row(r)
		for _, v := range byRow[int32(r)] {
			if int(v.c) < len(row) {
				row[v.c].Text, row[v.c].IsNum = v.text, v.num
			}
		}
		out.AppendRow(row)
	}
	return out
}
