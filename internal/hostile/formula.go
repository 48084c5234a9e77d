package hostile

import (
	"fmt"
	"strings"
)

// Workbooks whose formula cells carry no stored value, for the reader's
// formula calculator (render/xlsx evaluates such cells): ranges spanning
// the whole sheet, chains and cycles, many formulas over big ranges,
// huge formula texts, references to a huge sheet, and a worksheet larger
// than excelize's in-memory unzip limit.

// CalcRows is the XML of rows 1…rows holding the number 1 in columns
// 1…cols, then one row per formula, each formula in column A of its row
// without a stored value (what a program that does not calculate writes).
func CalcRows(rows, cols int, formulas ...string) string {
	return calcRows(rows, cols, "", formulas)
}

// CachedXLSX is CalcXLSX with the value 0 stored beside every formula, as
// a spreadsheet saves it: what a reader reads without calculating.
func CachedXLSX(rows, cols int, formulas ...string) []byte {
	return XLSX([]Sheet{{Name: "II.06a", Rows: calcRows(rows, cols, "<v>0</v>", formulas)}}, nil)
}

func calcRows(rows, cols int, value string, formulas []string) string {
	var b strings.Builder
	for r := 1; r <= rows; r++ {
		fmt.Fprintf(&b, `<row r="%d">`, r)
		for c := 1; c <= cols; c++ {
			fmt.Fprintf(&b, `<c r="%s%d"><v>1</v></c>`, colName(c), r)
		}
		b.WriteString(`</row>`)
	}
	for i, f := range formulas {
		r := rows + 1 + i
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d"><f>%s</f>%s</c></row>`, r, r, xmlEscape(f), value)
	}
	return b.String()
}

// CalcXLSX is a workbook of one sheet, "II.06a", holding CalcRows(rows,
// cols, formulas...).
func CalcXLSX(rows, cols int, formulas ...string) []byte {
	return XLSX([]Sheet{{Name: "II.06a", Rows: CalcRows(rows, cols, formulas...)}}, nil)
}

// CalcChainXLSX is a workbook of one sheet whose column A is a chain of n
// formulas without stored values, A1 = A2+1, A2 = A3+1 …, A(n) = 1: to
// evaluate A1 a naive calculator recurses n deep.
func CalcChainXLSX(n int) []byte {
	var b strings.Builder
	for r := 1; r < n; r++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d"><f>A%d+1</f></c></row>`, r, r, r+1)
	}
	fmt.Fprintf(&b, `<row r="%d"><c r="A%d"><v>1</v></c></row>`, n, n)
	return XLSX([]Sheet{{Name: "II.06a", Rows: b.String()}}, nil)
}

// CalcCrossXLSX is a workbook of two sheets: "II.06a", a small block of
// values and the formulas given, and "Big", bigRows sparse rows reaching
// column bigCol (SparseRows) that the formulas may reference.
func CalcCrossXLSX(bigRows, bigCol int, formulas ...string) []byte {
	return XLSX([]Sheet{
		{Name: "II.06a", Rows: CalcRows(3, 3, formulas...)},
		{Name: "Big", Rows: SparseRows(bigRows, bigCol)},
	}, nil)
}

// CalcPaddedXLSX is a workbook of two sheets: "II.06a", a small block of
// values and the formulas given, and "Pad", whose XML takes about size
// bytes while it holds only rows/100 cells: each of its rows carries an
// unknown attribute of 100 bytes, so the part is larger than excelize's
// unzip limit for worksheets kept in memory (UnzipXMLSizeLimit, 16 MiB by
// default) while the grid read from it stays small.
func CalcPaddedXLSX(size int, formulas ...string) []byte {
	pad := strings.Repeat("x", 100)
	var b strings.Builder
	for r := 1; b.Len() < size; r++ {
		if r%100 == 0 {
			fmt.Fprintf(&b, `<row r="%d" pad="%s"><c r="A%d"><v>%d</v></c></row>`, r, pad, r, r)
		} else {
			fmt.Fprintf(&b, `<row r="%d" pad="%s"/>`, r, pad)
		}
	}
	return XLSX([]Sheet{
		{Name: "II.06a", Rows: CalcRows(3, 3, formulas...)},
		{Name: "Pad", Rows: b.String()},
	}, nil)
}
