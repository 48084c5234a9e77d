package xlsx

import (
	"bytes"
	"fmt"
	"runtime"
	"testing"

	"github.com/baocaodinhky/vpcp/internal/heapwatch"
	"github.com/baocaodinhky/vpcp/internal/hostile"
)

// testNames are the sheets formulas in the scanner's tests may reference;
// each has 100 used rows and 14 used columns.
var testNames = []string{"II.06a", "Biểu 2", "Big"}

func testExtent(int) (int, int) { return 100, 14 }

// TestParseFormula: what the calculator accepts, rewritten with plain
// references cut to the used area, and what it refuses.
func TestParseFormula(t *testing.T) {
	for _, c := range []struct {
		in, want string // want "" : refused
		refs     int
	}{
		{"SUM(C12:C13)", "SUM(C12:C13)", 1},
		{"sum($C$12:$C13)+D12", "SUM(C12:C13)+D12", 2},
		{"ROUND(D12/C12*100,2)", "ROUND(D12/C12*100,2)", 2},
		{`IF(B12="Hộ tịch",1,0)`, `IF(B12="Hộ tịch",1,0)`, 1},
		{`IF(A1="a""b",TRUE,false)`, `IF(A1="a""b",TRUE,FALSE)`, 1},
		{"SUM(C:C)", "SUM(C1:C100)", 1},
		{"SUM(A1:XFD1048576)", "SUM(A1:N100)", 1},
		{"SUM(2:3)", "SUM(A2:N3)", 1},
		{"SUM($2:$3)", "SUM(A2:N3)", 1},
		{"'Biểu 2'!A1+Big!B2", "'Biểu 2'!A1+'Big'!B2", 2},
		{"biểu 2!A1", "", 0}, // a name with a space must be quoted
		{"BIG!A1:B2", "'Big'!A1:B2", 1},
		{"-A1%+1.5E3", "-A1%+1.5E3", 1},
		{"SUM(A1:XFC1048575)", "SUM(A1:XFC1048575)", 1}, // refused later, by its cost
		{"NOW()", "", 0},
		{"RAND()", "", 0},
		{`INDIRECT("A1")`, "", 0},
		{"SUM(OFFSET(A1,0,0,9,9))", "", 0},
		{"_xlfn.CONCAT(A1)", "", 0},
		{"FOOBAR(1)", "", 0},
		{`SUMIF(A1:A3,">0")`, "", 0},
		{`A1&"x"`, "", 0},
		{"Total*2", "", 0},          // a defined name
		{"A1:C3 B2:D4", "", 0},      // intersection
		{"SUM((A1,B1))", "", 0},     // union
		{"A1,B1", "", 0},            // union at the top
		{"Sheet1:Sheet3!A1", "", 0}, // 3-D
		{"[1]Sheet1!A1", "", 0},     // external
		{"{1,2}", "", 0},
		{"#REF!+1", "", 0},
		{"Nope!A1", "", 0},
		{"XFE1", "", 0},
		{"A1048577", "", 0},
		{"A0", "", 0},
		{"ABCD1", "", 0},
		{"SUM(A1", "", 0},
		{"A1)", "", 0},
		{`"open`, "", 0},
		{"", "", 0},
		{"(" + string(bytes.Repeat([]byte("("), MaxFormulaDepth)) + "1" + string(bytes.Repeat([]byte(")"), MaxFormulaDepth+1)), "", 0},
		{string(bytes.Repeat([]byte("1+"), MaxFormulaLength/2)) + "1", "", 0},
	} {
		f, ok := parseFormula(c.in, 0, testNames, testExtent, 0, 0)
		if ok != (c.want != "") || ok && (f.text != c.want || len(f.refs) != c.refs) {
			t.Errorf("parseFormula(%q) = %q %d refs, %v; want %q %d refs", c.in, f.text, len(f.refs), ok, c.want, c.refs)
		}
	}
	// A shared formula's relative references move with the cell.
	for _, c := range []struct {
		in     string
		dr, dc int
		want   string
	}{
		{"A1+$B$1+C$1+$D1", 2, 1, "B3+B1+D1+D3"},
		{"SUM(C:C)", 0, 2, "SUM(E1:E100)"},
		{"SUM(1:1)", 4, 0, "SUM(A5:N5)"},
		{"A1", -1, 0, ""}, // #REF!
	} {
		f, ok := parseFormula(c.in, 0, testNames, testExtent, c.dr, c.dc)
		if ok != (c.want != "") || ok && f.text != c.want {
			t.Errorf("parseFormula(%q, shift %d,%d) = %q, %v; want %q", c.in, c.dr, c.dc, f.text, ok, c.want)
		}
	}
}

// FuzzParseFormula: no formula text panics the scanner, and what it
// accepts it accepts again, unchanged, once rewritten.
func FuzzParseFormula(f *testing.F) {
	for _, s := range []string{"SUM(C12:C13)", "'Biểu 2'!A1+Big!B2", `IF(A1="x",1,0)`, "SUM(C:C)", "SUM($2:$3)", "-A1%+1.5E3", "A1:C3 B2:D4", "ROUND(D12/C12*100,2)"} {
		f.Add(s, 0, 0)
	}
	f.Fuzz(func(t *testing.T, s string, dr, dc int) {
		p, ok := parseFormula(s, 0, testNames, testExtent, dr%100, dc%100)
		if !ok {
			return
		}
		q, ok := parseFormula(p.text, 0, testNames, testExtent, 0, 0)
		if !ok || q.text != p.text || len(q.refs) != len(p.refs) {
			t.Fatalf("%q → %q → %q, %v", s, p.text, q.text, ok)
		}
	})
}

// TestCalcCharge: what the calculator charges covers what evaluating
// takes — the peak heap of a read that evaluates stays within twice the
// charge plus a few MiB above the read of the same workbook with its values
// stored.
func TestCalcCharge(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluates ranges of 200,000 cells")
	}
	rowF := make([]string, 5000)
	for i := range rowF {
		rowF[i] = fmt.Sprintf("A%d+B%d+C%d", i+1, i+1, i+1)
	}
	for _, c := range []struct {
		name       string
		rows, cols int
		f          []string
	}{
		{"SUM over a column of 20,000", 20000, 1, []string{"SUM(A1:A20000)"}},
		{"SUM over 26 columns × 1,000 rows", 1000, 26, []string{"SUM(A1:Z1000)"}},
		{"5,000 row formulas", 5000, 3, rowF},
		{"SUM over 200,000 empty cells", 10, 1, []string{"SUM(B1:B200000)"}},
		{"SUM over 1,000 columns", 10, 1000, []string{"SUM(A1:ALL10)"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			calc := hostile.CalcXLSX(c.rows, c.cols, c.f...)
			cached := hostile.CachedXLSX(c.rows, c.cols, c.f...)
			var spent int64
			evaluated := 0
			calcDone = func(k *calculator, budget int64) {
				spent = budget - k.budget
				for _, n := range k.nodes {
					if n.state == nodeOK {
						evaluated++
					}
				}
			}
			defer func() { calcDone = nil }()
			opts := ReadOptions{MaxMemory: 1 << 30}
			runtime.GC()
			withCalc := heapwatch.Peak(func() { ReadWorkbook(bytes.NewReader(calc), int64(len(calc)), opts) })
			runtime.GC()
			floor := heapwatch.Peak(func() { ReadWorkbook(bytes.NewReader(cached), int64(len(cached)), opts) })
			if evaluated != len(c.f) {
				t.Fatalf("%d formulas evaluated, want %d", evaluated, len(c.f))
			}
			if withCalc > floor+2*uint64(spent)+4<<20 {
				t.Errorf("peak heap %.1f MB, more than %.1f MB (without calculating) + twice the charge %.1f MB", float64(withCalc)/1e6, float64(floor)/1e6, float64(spent)/1e6)
			}
			t.Logf("charged %.1f MB; peak heap %.1f MB, %.1f MB without calculating", float64(spent)/1e6, float64(withCalc)/1e6, float64(floor)/1e6)
		})
	}
}
