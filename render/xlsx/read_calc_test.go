package xlsx_test

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/baocaodinhky/vpcp/internal/heapwatch"
	"github.com/baocaodinhky/vpcp/internal/hostile"
	"github.com/baocaodinhky/vpcp/kstt/grid"
	"github.com/baocaodinhky/vpcp/render/xlsx"
)

// formulaValues reads data and returns the Text of the formula cells of
// the first sheet that CalcRows placed below rows rows of values: one per
// formula, "" when not evaluated.
func formulaValues(t *testing.T, data []byte, rows, n int) []string {
	t.Helper()
	gs, err := readBytes(data, xlsx.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, n)
	for i := range out {
		c := gs[0].Cell(rows+i, 0)
		if c.Formula == "" || c.Cached {
			t.Fatalf("A%d = %+v, not a formula without a stored value", rows+i+1, c)
		}
		out[i] = c.Text
	}
	return out
}

// TestCalcEvaluates: formulas the forms and exporters use are evaluated
// from the workbook's own formula.
func TestCalcEvaluates(t *testing.T) {
	got := formulaValues(t, hostile.CalcXLSX(3, 4,
		"SUM(A1:D3)", "ROUND(SUM(A1:B2)/3,2)", `IF(A1>0,"có","không")`, "SUM(C:C)", "SUM(2:2)",
		"MAX(A1:A3)-MIN(B1:B3)+ABS(-2)+INT(2.7)", "AVERAGE(A1:A3)*3", "COUNT(A1:D3)+COUNTA(A1:A3)",
		"IFERROR(1/0,7)", "AND(TRUE,NOT(FALSE))", "A17*2", "A18+1", "50%"), 3, 13)
	want := []string{"12", "1.33", "có", "3", "4", "4", "3", "15", "7", "TRUE", "", "", "0.5"}
	// A17 and A18 are not cells of the workbook above: blank, so 0 and 1.
	want[10], want[11] = "0", "1"
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("formula %d = %q, want %q", i, got[i], want[i])
		}
	}
}

// TestCalcHostile reads workbooks whose formulas, saved without values,
// would make a naive calculator crash, hang or take gigabytes (measured
// before the calculator was bounded: SUM(A1:XFC1048575) ran out of memory
// at 4 GB, a chain of 100,000 formulas overflowed the stack, 10,000
// formulas over 26,000 cells ran for more than a minute). Each reads
// without error, within the peak heap the budget documents, and with the
// documented outcome: the formulas within the bounds evaluated, the others
// left without a value.
func TestCalcHostile(t *testing.T) {
	if testing.Short() {
		t.Skip("generates megabytes of input")
	}
	many := make([]string, 10_000)
	for i := range many {
		many[i] = "SUM(A1:Z100)"
	}
	type want struct {
		row  int    // 0-based row of the formula cell, in column A of the first sheet
		text string // its value, "" not evaluated
	}
	cases := []struct {
		name string
		data []byte
		want []want
	}{
		{"a whole-sheet range holding its own cell: a cycle", hostile.CalcXLSX(10, 10, "SUM(A1:XFD1048576)"), []want{{10, ""}}},
		{"a whole-sheet range of another sheet", hostile.CalcCrossXLSX(1000, 3, "SUM(Big!A1:XFD1048576)"), []want{{3, "3000"}}},
		{"a range of 17 billion cells", hostile.CalcXLSX(10, 10, "SUM(A1:XFC1048575)"), []want{{10, ""}}},
		{"a whole column of 100,000 rows, beyond the budget", hostile.CalcXLSX(100_000, 3, "SUM(C:C)"), []want{{100_000, ""}}},
		{"a whole column of 100 rows", hostile.CalcXLSX(100, 3, "SUM(C:C)"), []want{{100, "100"}}},
		{"a whole row of 1,000 columns", hostile.CalcXLSX(10, 1000, "SUM(1:1)"), []want{{10, "1000"}}},
		{"a chain of 100,000 formulas", hostile.CalcChainXLSX(100_000), []want{{0, ""}, {1, ""}}},
		{"a chain of 40 formulas: its last 32 links", hostile.CalcChainXLSX(40), []want{{6, ""}, {7, "33"}, {38, "2"}}},
		{"a self-reference and a cycle", hostile.CalcXLSX(1, 1, "A2+1", "A4", "A3"), []want{{1, ""}, {2, ""}, {3, ""}}},
		{"10,000 formulas over 2,600 cells each", hostile.CalcXLSX(100, 26, many...), []want{{100 + 9_999, "2600"}, {100, ""}}},
		{"a formula of 1 MB", hostile.CalcXLSX(1, 1, "A1"+strings.Repeat("+A1", 340_000)), []want{{1, ""}}},
		{"volatile, reference-building and unknown functions", hostile.CalcXLSX(2, 2, "NOW()", "RAND()", `INDIRECT("A"&ROW())`, "FOOBAR(1)", "SUM(OFFSET(A1,0,0,1048575,16383))", `SUMIF(A1:B2,"*")`, `"a"&"b"`),
			[]want{{2, ""}, {3, ""}, {4, ""}, {5, ""}, {6, ""}, {7, ""}, {8, ""}}},
		{"a cell of a sheet of 200,000 rows", hostile.CalcCrossXLSX(200_000, 3, "Big!A1", "SUM(Big!A:C)"), []want{{3, "1"}, {4, ""}}},
		{"a cell of a sheet of 20 MB of XML", hostile.CalcPaddedXLSX(20<<20, "Pad!A100"), []want{{3, "100"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			budget := xlsx.ReadOptions{}.MemoryBudget(int64(len(c.data)))
			var gs []*grid.Grid
			var err error
			peak := heapwatch.Peak(func() { gs, err = readBytes(c.data, xlsx.ReadOptions{}) })
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range c.want {
				cell := gs[0].Cell(w.row, 0)
				if cell.Formula == "" || cell.Cached || cell.Text != w.text {
					t.Errorf("A%d = %+v, want the value %q", w.row+1, cell, w.text)
				}
			}
			if limit := uint64(2*budget) + 8<<20; peak > limit {
				t.Errorf("peak heap %d MB, more than %d MB (budget %d MB)", peak>>20, limit>>20, budget>>20)
			}
			t.Logf("%d bytes of file, budget %d MB, peak heap %d MB", len(c.data), budget>>20, peak>>20)
		})
	}
}

// TestCalcManyEvaluatesSome: of 10,000 formulas over 2,600 cells each,
// the budget pays for a few — from the last row up — and leaves the
// others without a value.
func TestCalcManyEvaluatesSome(t *testing.T) {
	many := make([]string, 10_000)
	for i := range many {
		many[i] = "SUM(A1:Z100)"
	}
	got := formulaValues(t, hostile.CalcXLSX(100, 26, many...), 100, len(many))
	n := 0
	for _, v := range got {
		if v == "2600" {
			n++
		}
	}
	for i, v := range got {
		if want := i >= len(got)-n; want != (v == "2600") || v != "" && v != "2600" {
			t.Fatalf("formula %d = %q: want the last %d evaluated, the others without a value", i, v, n)
		}
	}
	if n == 0 || n == len(got) {
		t.Fatalf("%d of %d formulas evaluated, want some", n, len(got))
	}
	t.Logf("%d of %d evaluated", n, len(got))
}

// TestCalcSharedAndErrors: a shared formula's other cells are evaluated
// with its references moved; a formula reading an error value is not.
func TestCalcSharedAndErrors(t *testing.T) {
	rows := `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><f t="shared" ref="C1:C3" si="0">A1+$B$1</f></c></row>` +
		`<row r="2"><c r="A2"><v>10</v></c><c r="C2"><f t="shared" si="0"/></c><c r="D2" t="e"><v>#DIV/0!</v></c><c r="E2"><f>D2+1</f></c></row>` +
		`<row r="3"><c r="A3"><v>100</v></c><c r="C3"><f t="shared" si="0"/></c><c r="E3"><f>SUM(C1:C3)</f></c></row>`
	gs, err := readBytes(hostile.XLSX([]hostile.Sheet{{Name: "S", Rows: rows}}, nil), xlsx.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		r, c int
		want string
	}{{0, 2, "3"}, {1, 2, "12"}, {2, 2, "102"}, {1, 4, ""}, {2, 4, "117"}} {
		if got := gs[0].Cell(c.r, c.c); got.Text != c.want {
			t.Errorf("%s = %+v, want %q", grid.CellName(c.r, c.c), got, c.want)
		}
	}
}

// TestCalcBudget: under a MaxMemory the grids almost spend, the
// calculator has nothing left and evaluates nothing; the read succeeds.
func TestCalcBudget(t *testing.T) {
	data := hostile.CalcXLSX(10, 3, "SUM(A1:C10)")
	gs, err := readBytes(data, xlsx.ReadOptions{})
	if err != nil || gs[0].Cell(10, 0).Text != "30" {
		t.Fatalf("default budget: %v, %+v", err, gs[0].Cell(10, 0))
	}
	gs, err = readBytes(data, xlsx.ReadOptions{MaxMemory: 4000})
	if err != nil || gs[0].Cell(10, 0).Text != "" {
		t.Fatalf("MaxMemory 4000: %v, %+v", err, gs[0].Cell(10, 0))
	}
}

// TestCalcNeverOpensThePackage: no code of the package hands the file to
// excelize (OpenReader, OpenFile): excelize would hold the whole package in
// memory and extract a worksheet beyond its unzip limit to a temporary
// file, where `kstt serve` promises uploads are never written to disk.
func TestCalcNeverOpensThePackage(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if x, ok := sel.X.(*ast.Ident); ok && x.Name == "excelize" && strings.HasPrefix(sel.Sel.Name, "Open") {
					t.Errorf("%s: excelize.%s", fset.Position(sel.Pos()), sel.Sel.Name)
				}
			}
			return true
		})
	}
}

// BenchmarkReadFormulas reads an II.06a-shaped sheet of 300 rows whose
// 301 formulas (a row sum each, and the total) are saved without values,
// evaluating them, against the floor: the same workbook with the values
// stored, read without calculating.
func BenchmarkReadFormulas(b *testing.B) {
	formulas := make([]string, 0, 301)
	for r := 1; r <= 300; r++ {
		formulas = append(formulas, "B"+strconv.Itoa(r)+"+C"+strconv.Itoa(r)+"+D"+strconv.Itoa(r))
	}
	formulas = append(formulas, "SUM(A301:A600)")
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"cached", hostile.CachedXLSX(300, 4, formulas...)},
		{"calculated", hostile.CalcXLSX(300, 4, formulas...)},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := xlsx.ReadWorkbook(bytes.NewReader(c.data), int64(len(c.data)), xlsx.ReadOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	_ = os.Stdout
}

// BenchmarkReadFormulasWorst reads 10,000 formulas over 26,000 cells each
// (before the calculator was bounded: more than a minute) under the
// largest default budget, 160 MiB, which pays for 9 of them, against the
// floor: the same workbook with its values stored.
func BenchmarkReadFormulasWorst(b *testing.B) {
	many := make([]string, 10_000)
	for i := range many {
		many[i] = "SUM(A1:Z1000)"
	}
	opts := xlsx.ReadOptions{MaxMemory: xlsx.DefaultMaxMemory}
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"cached", hostile.CachedXLSX(1000, 26, many...)},
		{"calculated", hostile.CalcXLSX(1000, 26, many...)},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := xlsx.ReadWorkbook(bytes.NewReader(c.data), int64(len(c.data)), opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestCalcNotFinite: a result that is not a finite number is the
// spreadsheet's error value #NUM!, as Excel and LibreOffice show it,
// never a number cell holding +Inf or NaN.
func TestCalcNotFinite(t *testing.T) {
	const rows = 1
	data := hostile.CalcXLSX(rows, 1, "10^400", "-(10^400)", "1E300*1E300", "1E308/1E-308", "2+0", "A1*0.5")
	gs, err := readBytes(data, xlsx.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []grid.Cell{{Text: "#NUM!"}, {Text: "#NUM!"}, {Text: "#NUM!"}, {Text: "#NUM!"}, {Text: "2", IsNum: true}}
	for i, w := range want {
		c := gs[0].Cell(rows+i, 0)
		if c.Text != w.Text || c.IsNum != w.IsNum || c.Cached {
			t.Errorf("formula %d (%s) = %+v, want Text %q IsNum %v", i, c.Formula, c, w.Text, w.IsNum)
		}
	}
	if c := gs[0].Cell(rows+5, 0); !c.IsNum {
		t.Errorf("A1*0.5 = %+v, want a number", c)
	}
}
