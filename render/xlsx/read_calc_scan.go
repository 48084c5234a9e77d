package xlsx

import (
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/baocaodinhky/vpcp/internal/vntext"
	"github.com/baocaodinhky/vpcp/kstt/grid"
)

// Bounds of a formula the reader's calculator evaluates (see ReadWorkbook).
// A formula beyond one of them is not evaluated: its cell is read without
// a value, as a reader without a calculator would read it.
const (
	// MaxFormulaLength bounds the bytes of a formula's text. A spreadsheet
	// itself holds at most 8,192 characters in a formula; the forms'
	// formulas are a few dozen.
	MaxFormulaLength = 8192
	// MaxFormulaDepth bounds both the nesting of parentheses in one
	// formula and the chain of formula cells without a stored value that
	// evaluating one formula goes through (=A1+1 in A2, =A2+1 in A3 …):
	// the calculator recurses once per link.
	MaxFormulaDepth = 32
)

// calcFunctions are the functions the calculator evaluates: those the
// official forms' formulas and common exporters use. A formula calling
// any other — a volatile one (NOW, RAND, TODAY), one that builds its
// references at run time (INDIRECT, OFFSET), one matching criteria
// (SUMIF, COUNTIF: excelize compiles the criteria, which a cell may hold,
// as a regular expression for every cell it tests), or one the calculator
// does not know — is not evaluated.
var calcFunctions = map[string]bool{
	"SUM": true, "COUNT": true, "COUNTA": true, "AVERAGE": true,
	"MIN": true, "MAX": true, "ABS": true, "INT": true,
	"ROUND": true, "ROUNDUP": true, "ROUNDDOWN": true,
	"IF": true, "IFERROR": true, "AND": true, "OR": true, "NOT": true,
}

// The size of a worksheet in a spreadsheet: a range ending on the last row
// (or column) is a whole column (or row), which a calculator cuts to the
// sheet's used area.
const (
	sheetRows = 1 << 20
	sheetCols = 1 << 14
)

// cellRect is a rectangle of cells of grid sheet, 0-based, inclusive.
type cellRect struct {
	sheet          int
	r1, c1, r2, c2 int
}

// area is the number of cells of the rectangle.
func (x cellRect) area() int64 {
	if x.r2 < x.r1 || x.c2 < x.c1 {
		return 0
	}
	return int64(x.r2-x.r1+1) * int64(x.c2-x.c1+1)
}

// parsedFormula is a formula the calculator accepts: its text rewritten
// with every reference in one plain form ('Sheet'!A1:B2, cut to the used
// area where it spans whole columns or rows), and the rectangles it
// references.
type parsedFormula struct {
	text string
	refs []cellRect
}

// formulaScanner reads a formula's text, token by token, accepting only
// what the calculator evaluates in bounded time and memory: numbers,
// strings, TRUE and FALSE, the arithmetic and comparison operators,
// parentheses, the functions of calcFunctions, and references to cells,
// ranges, whole columns or rows of a sheet of the workbook. Anything else —
// a defined name, a 3-D or external reference, an array constant, an error
// literal, a structured reference, an implicit intersection — rejects the
// formula.
type formulaScanner struct {
	s      string
	i      int
	out    strings.Builder
	refs   []cellRect
	sheet  int // the formula's own sheet
	names  []string
	extent func(sheet int) (rows, cols int)
	dr, dc int // the shift of relative references (a shared formula)
	depth  int
	parens []bool // the open parentheses: true for a function's
	fn     bool   // the next '(' opens a function's arguments
	// operand: the last token ends an operand (a value, a reference or
	// ')'), so another operand may not follow without an operator.
	operand bool
}

// parseFormula checks and rewrites formula, the text of a cell of grid
// sheet. names are the worksheets' names (NFC), extent gives a sheet's
// used rows and columns.
//
// dr and dc shift the relative references: a shared formula's text is its
// first cell's, and the formula of a cell dr rows below and dc columns to
// the right of it references what it does, moved as far (the parts written
// with a $ stay).
func parseFormula(formula string, sheet int, names []string, extent func(int) (int, int), dr, dc int) (parsedFormula, bool) {
	if formula == "" || len(formula) > MaxFormulaLength {
		return parsedFormula{}, false
	}
	sc := formulaScanner{s: vntext.NFC(formula), sheet: sheet, names: names, extent: extent, dr: dr, dc: dc}
	if !sc.run() || sc.depth != 0 || !sc.operand { // unbalanced, empty, or ending on an operator
		return parsedFormula{}, false
	}
	return parsedFormula{text: sc.out.String(), refs: sc.refs}, true
}

func (sc *formulaScanner) run() bool {
	s := sc.s
	for sc.i < len(s) {
		ch := s[sc.i]
		switch {
		case ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n':
			sc.i++
		case ch == '"':
			j := sc.i + 1
			for {
				k := strings.IndexByte(s[j:], '"')
				if k < 0 {
					return false
				}
				j += k + 1
				if j < len(s) && s[j] == '"' {
					j++
					continue
				}
				break
			}
			if !sc.startOperand() {
				return false
			}
			sc.out.WriteString(s[sc.i:j])
			sc.i, sc.operand = j, true
		case ch == '(':
			if sc.operand {
				return false
			}
			sc.depth++
			if sc.depth > MaxFormulaDepth {
				return false
			}
			sc.parens = append(sc.parens, sc.fn)
			sc.fn = false
			sc.out.WriteByte('(')
			sc.i++
		case ch == ')':
			if sc.depth == 0 {
				return false
			}
			sc.depth--
			sc.parens = sc.parens[:sc.depth]
			sc.out.WriteByte(')')
			sc.i, sc.operand = sc.i+1, true
		case ch == ',':
			// An argument separator; a comma outside a function's
			// arguments is the union operator, not taken.
			if sc.depth == 0 || !sc.parens[sc.depth-1] {
				return false
			}
			sc.out.WriteByte(',')
			sc.i, sc.operand = sc.i+1, false
		case ch == '%':
			if !sc.operand {
				return false
			}
			sc.out.WriteByte('%')
			sc.i++
		case strings.IndexByte("+-*/^=<>", ch) >= 0:
			// Not '&': joining texts of up to 32,767 characters, each
			// join copying the whole, is what a form never computes.
			sc.out.WriteByte(ch)
			sc.i, sc.operand = sc.i+1, false
		case ch == '\'':
			// A quoted sheet name, then '!' and a reference.
			j := sc.i + 1
			var name strings.Builder
			for {
				k := strings.IndexByte(s[j:], '\'')
				if k < 0 {
					return false
				}
				name.WriteString(s[j : j+k])
				j += k + 1
				if j < len(s) && s[j] == '\'' {
					name.WriteByte('\'')
					j++
					continue
				}
				break
			}
			if j >= len(s) || s[j] != '!' {
				return false
			}
			sh := sc.sheetIndex(name.String())
			if sh < 0 {
				return false
			}
			sc.i = j + 1
			if !sc.reference(sh) {
				return false
			}
		case ch >= '0' && ch <= '9' || ch == '.':
			// A number, or a range of whole rows ("1:3").
			if sc.rowRange(sc.sheet) {
				continue
			}
			j := sc.i
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.') {
				j++
			}
			if j < len(s) && (s[j] == 'e' || s[j] == 'E') {
				j++
				if j < len(s) && (s[j] == '+' || s[j] == '-') {
					j++
				}
				for j < len(s) && s[j] >= '0' && s[j] <= '9' {
					j++
				}
			}
			if _, err := strconv.ParseFloat(s[sc.i:j], 64); err != nil || !sc.startOperand() {
				return false
			}
			sc.out.WriteString(s[sc.i:j])
			sc.i, sc.operand = j, true
		case ch == '$' || isLetter(ch) || ch == '_' || ch >= 0x80:
			j := sc.i
			for j < len(s) && (isLetter(s[j]) || s[j] >= '0' && s[j] <= '9' || s[j] == '_' || s[j] == '.' || s[j] == '$' || s[j] >= 0x80) {
				j++
			}
			word := s[sc.i:j]
			switch {
			case j < len(s) && s[j] == '(':
				name := strings.ToUpper(word)
				if !calcFunctions[name] || !sc.startOperand() {
					return false
				}
				sc.out.WriteString(name)
				sc.i, sc.operand, sc.fn = j, false, true
			case j < len(s) && s[j] == '!':
				sh := sc.sheetIndex(word)
				if sh < 0 {
					return false
				}
				sc.i = j + 1
				if !sc.reference(sh) {
					return false
				}
			case strings.EqualFold(word, "TRUE") || strings.EqualFold(word, "FALSE"):
				if !sc.startOperand() {
					return false
				}
				sc.out.WriteString(strings.ToUpper(word))
				sc.i, sc.operand = j, true
			default:
				if !sc.reference(sc.sheet) {
					return false
				}
			}
		default:
			return false // '{', '[', '#', '@', ';', ':' alone, '!' alone, non-ASCII …
		}
	}
	return true
}

// startOperand reports whether an operand may start here: not right after
// another one (a space between two references is the intersection
// operator, which the calculator does not take).
func (sc *formulaScanner) startOperand() bool { return !sc.operand }

func isLetter(c byte) bool { return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' }

// sheetIndex finds a worksheet by name, as a spreadsheet does: NFC,
// without regard to case.
func (sc *formulaScanner) sheetIndex(name string) int {
	if strings.ContainsRune(name, ':') {
		return -1 // a 3-D reference, Sheet1:Sheet3!A1
	}
	for i, n := range sc.names {
		if strings.EqualFold(n, name) {
			return i
		}
	}
	return -1
}

// colRow reads [$]letters[$]digits (either part optional) at i: the
// 0-based column and row, -1 for a part absent, whether each was written
// with a $, and the end.
func colRow(s string, i int) (col, row int, absCol, absRow bool, end int, ok bool) {
	col, row = -1, -1
	if i < len(s) && s[i] == '$' {
		i++
		absCol = true
	}
	j, c := i, 0
	for j < len(s) && isLetter(s[j]) && j-i < 3 {
		c = c*26 + int(s[j]|0x20-'a'+1)
		j++
	}
	if j > i {
		col = c - 1
		i = j
		if i < len(s) && s[i] == '$' {
			i++
			absRow = true
		}
	} else {
		absCol, absRow = false, absCol // "$3": the $ was the row's
	}
	j, r := i, 0
	for j < len(s) && s[j] >= '0' && s[j] <= '9' && j-i < 8 {
		r = r*10 + int(s[j]-'0')
		j++
	}
	if j > i {
		if r < 1 {
			return 0, 0, false, false, 0, false
		}
		row = r - 1
	} else if absRow && col < 0 {
		return 0, 0, false, false, 0, false // a lone $
	}
	if col < 0 && row < 0 || col >= sheetCols || row >= sheetRows {
		return 0, 0, false, false, 0, false
	}
	// A reference ends where a name could not go on.
	if j < len(s) && (isLetter(s[j]) || s[j] >= '0' && s[j] <= '9' || s[j] == '_' || s[j] == '.' || s[j] == '$' || s[j] == '(' || s[j] == '!' || s[j] >= 0x80) {
		return 0, 0, false, false, 0, false
	}
	return col, row, absCol, absRow, j, true
}

// shift moves a relative part of a reference by d; false when it leaves
// the sheet (n cells long).
func shift(v int, abs bool, d, n int) (int, bool) {
	if v < 0 || abs {
		return v, true
	}
	v += d
	return v, v >= 0 && v < n
}

// reference reads a reference to grid sheet at sc.i: a cell (A1), a range
// (A1:B2), whole columns (A:C) or whole rows (1:3), and writes it in plain
// form.
func (sc *formulaScanner) reference(sheet int) bool {
	if !sc.startOperand() {
		return false
	}
	s := sc.s
	c1, r1, ac1, ar1, j, ok := colRow(s, sc.i)
	if !ok {
		return false
	}
	c2, r2, ac2, ar2 := c1, r1, ac1, ar1
	if j < len(s) && s[j] == ':' {
		c2, r2, ac2, ar2, j, ok = colRow(s, j+1)
		if !ok {
			return false
		}
	}
	var ok1, ok2, ok3, ok4 bool
	c1, ok1 = shift(c1, ac1, sc.dc, sheetCols)
	c2, ok2 = shift(c2, ac2, sc.dc, sheetCols)
	r1, ok3 = shift(r1, ar1, sc.dr, sheetRows)
	r2, ok4 = shift(r2, ar2, sc.dr, sheetRows)
	if !ok1 || !ok2 || !ok3 || !ok4 {
		return false // #REF!
	}
	switch {
	case c1 >= 0 && r1 >= 0 && c2 >= 0 && r2 >= 0: // A1, A1:B2
	case c1 >= 0 && r1 < 0 && c2 >= 0 && r2 < 0 && strings.Contains(s[sc.i:j], ":"): // A:C
		r1, r2 = 0, sheetRows-1
	case c1 < 0 && r1 >= 0 && c2 < 0 && r2 >= 0 && strings.Contains(s[sc.i:j], ":"): // 1:3
		c1, c2 = 0, sheetCols-1
	default:
		return false
	}
	sc.i = j
	sc.addRef(cellRect{sheet: sheet, r1: min(r1, r2), c1: min(c1, c2), r2: max(r1, r2), c2: max(c1, c2)})
	return true
}

// rowRange reads whole rows ("1:3", "$1:$3") at sc.i, if there.
func (sc *formulaScanner) rowRange(sheet int) bool {
	s := sc.s
	j := sc.i
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j == sc.i || j >= len(s) || s[j] != ':' {
		return false
	}
	return sc.reference(sheet)
}

// addRef records a rectangle and writes it: a range reaching the sheet's
// last row or column is cut to the used area, as a spreadsheet's
// calculator does.
func (sc *formulaScanner) addRef(x cellRect) {
	if x.r2 == sheetRows-1 || x.c2 == sheetCols-1 {
		rows, cols := sc.extent(x.sheet)
		if x.r2 == sheetRows-1 {
			x.r2 = max(x.r1, rows-1)
		}
		if x.c2 == sheetCols-1 {
			x.c2 = max(x.c1, cols-1)
		}
	}
	sc.refs = append(sc.refs, x)
	if x.sheet != sc.sheet {
		sc.out.WriteByte('\'')
		sc.out.WriteString(strings.ReplaceAll(sc.names[x.sheet], "'", "''"))
		sc.out.WriteString("'!")
	}
	sc.out.WriteString(grid.CellName(x.r1, x.c1))
	if x.r1 != x.r2 || x.c1 != x.c2 {
		sc.out.WriteByte(':')
		sc.out.WriteString(grid.CellName(x.r2, x.c2))
	}
	sc.operand = true
}

// sheetNameOK reports whether the calculator can name a worksheet so:
// 1 to 31 characters (UTF-16), no leading or trailing apostrophe, none of
// : \ / ? * [ ].
func sheetNameOK(name string) bool {
	n := len(utf16.Encode([]rune(name)))
	return n >= 1 && n <= 31 && !strings.HasPrefix(name, "'") && !strings.HasSuffix(name, "'") &&
		!strings.ContainsAny(name, ":\\/?*[]")
}
