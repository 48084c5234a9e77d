package xlsx_test

import (
	"bytes"
	"errors"
	"flag"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/render"
	"github.com/baocaodinhky/vpcp/render/xlsx"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func writeXLSX(t testing.TB, opts xlsx.Options, sheets ...*layout.Sheet) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := xlsx.New(opts).Render(&buf, sheets...); err != nil {
		t.Fatalf("render: %v", err)
	}
	return buf.Bytes()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range max(len(gl), len(wl)) {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs from the golden file at line %d:\n got: %s\nwant: %s\n(run go test -update if the change is intended)", path, i+1, g, w)
			}
		}
	}
}

// goldenCases are the workbooks whose dumps are kept under testdata/.
func goldenCases(t testing.TB) map[string][]*layout.Sheet {
	return map[string][]*layout.Sheet{
		"seed":  seedSheets(t),
		"rates": {ratesII07b().sheet(t), twoLevelsII08().sheet(t)},
		"odd":   oddSheets(),
	}
}

func TestGolden(t *testing.T) {
	for name, sheets := range goldenCases(t) {
		t.Run(name, func(t *testing.T) {
			golden(t, name+".txt", dump(t, writeXLSX(t, xlsx.Options{}, sheets...)))
		})
	}
}

func TestGoldenPlainCounts(t *testing.T) {
	data := writeXLSX(t, xlsx.Options{CountFormat: "0", Creator: "Sở Ngoại vụ", Time: time.Date(2024, 6, 20, 8, 0, 0, 0, time.FixedZone("ICT", 7*3600))},
		seedII06a().sheet(t))
	golden(t, "plain-counts.txt", dump(t, data))
}

func TestDeterministic(t *testing.T) {
	for name, sheets := range goldenCases(t) {
		t.Run(name, func(t *testing.T) {
			first := writeXLSX(t, xlsx.Options{}, sheets...)
			for range 5 { // excelize keeps streamed sheets in a map: several runs catch a changed order
				if again := writeXLSX(t, xlsx.Options{}, sheets...); !bytes.Equal(first, again) {
					t.Fatalf("two renders of the same sheets differ (%d and %d bytes)", len(first), len(again))
				}
			}
		})
	}
}

func TestFormat(t *testing.T) {
	if got := xlsx.New(xlsx.Options{}).Format(); got != "xlsx" {
		t.Errorf("Format() = %q", got)
	}
	var nilRenderer *xlsx.Renderer
	var buf bytes.Buffer
	if err := nilRenderer.Render(&buf, seedII06a().sheet(t)); err != nil {
		t.Errorf("nil *Renderer: %v", err)
	}
}

func open(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// cellAt returns the address of the body cell of block bi, row ri,
// official column col, found by the label in column B and the
// column-number row, the way a reader would.
func formulaOf(t testing.TB, f *excelize.File, sheet, cell string) (formula, cached string) {
	t.Helper()
	formula, err := f.GetCellFormula(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	cached, err = f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return formula, cached
}

func TestFormulas(t *testing.T) {
	f := open(t, writeXLSX(t, xlsx.Options{}, seedSheets(t)...))
	// II.06a: header lines 1–7, header 8–10, numbers 11, rows 12–14.
	for _, tc := range []struct{ sheet, cell, formula, cached string }{
		{"II.06a", "C12", "D12+E12+F12", "31"},
		{"II.06a", "G13", "H13+I13+J13", "2"},
		{"II.06a", "K12", "L12+M12", "0"},
		{"II.06a", "C14", "D14+E14+F14", "33"},
		{"II.06a", "D14", "SUM(D12:D13)", "31"},
		{"II.06a", "F14", "SUM(F12:F13)", "2"},
		// II.07b Part II's rate divides by Part I (8), in the other block.
		{"II.07b", "D19", "IF(H12=0,0,ROUND(C19/H12,4))", "0"},
		{"II.07b", "F19", "IF(I12=0,0,ROUND(E19/I12,4))", "0"},
		{"II.07b", "D20", "IF(H13=0,0,ROUND(C20/H13,4))", "0"},
		{"II.07b", "C20", "SUM(C19)", "0"},
		{"II.08", "C14", "SUM(C13)", "4"},
		{"II.08", "I14", "SUM(I13)", "1"},
	} {
		formula, cached := formulaOf(t, f, tc.sheet, tc.cell)
		if formula != tc.formula || cached != tc.cached {
			t.Errorf("%s!%s = %q cached %q, want %q cached %q", tc.sheet, tc.cell, formula, cached, tc.formula, tc.cached)
		}
	}
}

func TestRateAndNonContiguousFormulas(t *testing.T) {
	f := open(t, writeXLSX(t, xlsx.Options{}, ratesII07b().sheet(t), twoLevelsII08().sheet(t)))
	for _, tc := range []struct{ sheet, cell, formula, cached string }{
		{"II.07b", "D20", "IF(H12=0,0,ROUND(C20/H12,4))", "0.3333"},
		{"II.07b", "F20", "IF(I12=0,0,ROUND(E20/I12,4))", "0.6667"},
		{"II.07b", "D21", "IF(H13=0,0,ROUND(C21/H13,4))", "0.0313"}, // 1/32 = 3.125 % → 3.13 %
		{"II.07b", "F21", "IF(I13=0,0,ROUND(E21/I13,4))", "0"},      // no TTHC at the level: 0
		{"II.07b", "D22", "IF(H14=0,0,ROUND(C22/H14,4))", "0.0571"}, // 2/35
		{"II.07b", "F22", "IF(I14=0,0,ROUND(E22/I14,4))", "0.6667"},
		// II.08: level II's row sits below a level row, which is empty in
		// the numeric columns and bridged into one range.
		{"II.08", "C17", "SUM(C13:C16)", "9"},
		{"II.08", "I17", "SUM(I13:I16)", "2"},
	} {
		formula, cached := formulaOf(t, f, tc.sheet, tc.cell)
		if formula != tc.formula || cached != tc.cached {
			t.Errorf("%s!%s = %q cached %q, want %q cached %q", tc.sheet, tc.cell, formula, cached, tc.formula, tc.cached)
		}
	}
}

// A sheet whose figures break its relations (a form someone else filled)
// keeps the figures, without formulas that would change them.
func TestBrokenRelationKeepsValue(t *testing.T) {
	s := seedII06a().sheet(t)
	s.Blocks[0].Rows[0].Cells[2].Int = 30                                                                      // (3) = 30, but (4)+(5)+(6) = 31
	s.Blocks[0].Rows[2].Cells[3].Int = 99                                                                      // TỔNG CỘNG (4) = 99, rows give 31
	s.Blocks[0].Rows[1].Cells[6].Rel = &layout.Relation{Kind: layout.SumColumnsRel, Cols: []int{8, 9, 10, 99}} // a column the block lacks
	s.Blocks[0].Rows[2].Cells[5].Rel.Rows = []int{0, 1, 2}                                                     // the total's own row
	s.Blocks[0].Rows[2].Cells[8].Rel.Rows = []int{0, 1, 1, 0, -1}                                              // out of the block
	f := open(t, writeXLSX(t, xlsx.Options{}, s))
	for cell, want := range map[string]string{"C12": "30", "D14": "99", "G13": "2", "F14": "2", "I14": "33"} {
		formula, cached := formulaOf(t, f, "II.06a", cell)
		if formula != "" || cached != want {
			t.Errorf("%s = %q cached %q, want no formula and %s", cell, formula, cached, want)
		}
	}
	// Unsorted, repeated rows still give one range when the sum agrees.
	s = seedII06a().sheet(t)
	s.Blocks[0].Rows[2].Cells[3].Rel.Rows = []int{1, 0, 1}
	f = open(t, writeXLSX(t, xlsx.Options{}, s))
	if formula, _ := formulaOf(t, f, "II.06a", "D14"); formula != "SUM(D12:D13)" {
		t.Errorf("D14 = %q, want SUM(D12:D13)", formula)
	}
	// A rate that is not the rounded quotient keeps its value.
	s = ratesII07b().sheet(t)
	s.Blocks[1].Rows[0].Cells[3].Dec = decimal.RequireFromString("33.3")
	f = open(t, writeXLSX(t, xlsx.Options{}, s))
	if formula, cached := formulaOf(t, f, "II.07b", "D20"); formula != "" || cached != "0.333" {
		t.Errorf("D20 = %q cached %q, want no formula and 0.333", formula, cached)
	}
}

// Numbers are stored as numbers, never text, with the formats the
// options ask for.
func TestNumbersAreNumbers(t *testing.T) {
	for _, tc := range []struct {
		opts xlsx.Options
		fmt  string
	}{{xlsx.Options{}, "00;-00;0"}, {xlsx.Options{CountFormat: "#,##0"}, "#,##0"}} {
		f := open(t, writeXLSX(t, tc.opts, seedSheets(t)...))
		for _, cell := range []string{"C12", "D13", "F13", "M14"} {
			typ, err := f.GetCellType("II.06a", cell)
			if err != nil {
				t.Fatal(err)
			}
			if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
				t.Errorf("II.06a!%s has type %v, want a number", cell, typ)
			}
			sid, _ := f.GetCellStyle("II.06a", cell)
			st, _ := f.GetStyle(sid)
			if st.CustomNumFmt == nil || *st.CustomNumFmt != tc.fmt {
				t.Errorf("II.06a!%s number format %v, want %q", cell, deref(st.CustomNumFmt), tc.fmt)
			}
		}
		if tc.fmt == xlsx.DefaultCountFormat {
			// As the seed prints it: 2 as "02". (excelize formats 0 as
			// "00", ignoring the zero section; LibreOffice prints "0",
			// see TestLibreOfficePrintsOnePageWide.)
			if v, _ := f.GetCellValue("II.06a", "F13"); v != "02" {
				t.Errorf("II.06a!F13 shows %q, want 02", v)
			}
		}
		// The flag column prints 0/1 unpadded, the rate as a percentage.
		sid, _ := f.GetCellStyle("II.08", "I14")
		if st, _ := f.GetStyle(sid); st.NumFmt != 1 {
			t.Errorf("II.08!I14 number format %d, want 1 (\"0\")", st.NumFmt)
		}
		sid, _ = f.GetCellStyle("II.07b", "D19")
		if st, _ := f.GetStyle(sid); st.CustomNumFmt == nil || *st.CustomNumFmt != "0.00%;-0.00%;0%" {
			t.Errorf("II.07b!D19 number format %v, want 0.00%%;-0.00%%;0%%", st.CustomNumFmt)
		}
	}
}

// Every cell of every merged header range carries the border (a merged
// range shows the borders of its own cells).
func TestHeaderBordersOnEveryMergedCell(t *testing.T) {
	f := open(t, writeXLSX(t, xlsx.Options{}, seedSheets(t)...))
	for _, sheet := range f.GetSheetList() {
		merges, err := f.GetMergeCells(sheet)
		if err != nil {
			t.Fatal(err)
		}
		checked := 0
		for _, mc := range merges {
			c1, r1, _ := excelize.CellNameToCoordinates(mc.GetStartAxis())
			c2, r2, _ := excelize.CellNameToCoordinates(mc.GetEndAxis())
			sid, _ := f.GetCellStyle(sheet, mc.GetStartAxis())
			st, _ := f.GetStyle(sid)
			if len(st.Border) == 0 {
				continue // a header line above the table: no borders at all
			}
			for r := r1; r <= r2; r++ {
				for c := c1; c <= c2; c++ {
					cell, _ := excelize.CoordinatesToCellName(c, r)
					sid, _ := f.GetCellStyle(sheet, cell)
					st, _ := f.GetStyle(sid)
					if len(st.Border) != 4 {
						t.Errorf("%s!%s in merge %s:%s has borders %v", sheet, cell, mc.GetStartAxis(), mc.GetEndAxis(), st.Border)
					}
					checked++
				}
			}
		}
		if checked == 0 {
			t.Errorf("%s: no bordered merge found", sheet)
		}
	}
}

func TestSheetNames(t *testing.T) {
	sh := func(name string) *layout.Sheet { return &layout.Sheet{Name: name} }
	long := strings.Repeat("Biểu tổng hợp ", 4)
	got := xlsx.SheetNames(sh("II.06a"), sh("ii.06A"), sh("II.06a"), sh("a/b:c?d*e[f]g\\h"), sh(""), sh("'quoted'"),
		sh(long), sh(long), sh("History"), nil, sh("Tab\tname"))
	want := []string{"II.06a", "ii.06A (2)", "II.06a (3)", "a_b_c_d_e_f_g_h", "Biểu 5", "quoted",
		"Biểu tổng hợp Biểu tổng hợp Biể", "Biểu tổng hợp Biểu tổng hợp (2)", "History_", "Biểu 10", "Tab_name"}
	if len(got) != len(want) {
		t.Fatalf("got %d names", len(got))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("name %d = %q, want %q", i, got[i], want[i])
		}
	}
	// The names work as worksheet names, and no "Sheet1" is left over.
	var sheets []*layout.Sheet
	for _, n := range []string{"II.06a", "ii.06A", "a/b", "", long, "History"} {
		sheets = append(sheets, sh(n))
	}
	f := open(t, writeXLSX(t, xlsx.Options{}, sheets...))
	if got, want := strings.Join(f.GetSheetList(), "|"), strings.Join(xlsx.SheetNames(sheets...), "|"); got != want {
		t.Errorf("sheets %q, want %q", got, want)
	}
}

func TestErrors(t *testing.T) {
	r := xlsx.New(xlsx.Options{})
	var buf bytes.Buffer
	if err := r.Render(&buf); !errors.Is(err, xlsx.ErrNoSheets) {
		t.Errorf("no sheets: %v", err)
	}
	var se *render.SheetError
	if err := r.Render(&buf, seedII06a().sheet(t), nil); !errors.Is(err, render.ErrNilSheet) || !errors.As(err, &se) || se.Index != 1 {
		t.Errorf("nil sheet: %v", err)
	}
	if buf.Len() != 0 {
		t.Errorf("a nil sheet still wrote %d bytes", buf.Len())
	}
	wide := &layout.Sheet{Name: "wide", Blocks: []layout.Block{{Numbers: make([]string, 16385)}}}
	if err := r.Render(&buf, wide); !errors.Is(err, xlsx.ErrTooLarge) || !strings.Contains(err.Error(), `"wide"`) {
		t.Errorf("too wide: %v", err)
	}
	tall := &layout.Sheet{Name: "tall", Blocks: []layout.Block{{Rows: make([]layout.Row, 1<<20+1)}}}
	if err := r.Render(&buf, tall); !errors.Is(err, xlsx.ErrTooLarge) {
		t.Errorf("too tall: %v", err)
	}
	werr := errors.New("disk full")
	if err := r.Render(failWriter{werr}, seedII06a().sheet(t)); !errors.Is(err, werr) {
		t.Errorf("failing writer: %v", err)
	}
	dir := t.TempDir()
	if err := r.WriteFile(filepath.Join(dir, "no", "such", "dir.xlsx"), seedII06a().sheet(t)); err == nil {
		t.Error("WriteFile into a missing directory: no error")
	}
	path := filepath.Join(dir, "empty.xlsx")
	if err := r.WriteFile(path); !errors.Is(err, xlsx.ErrNoSheets) {
		t.Errorf("WriteFile without sheets: %v", err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("WriteFile left %s after an error", path)
	}
}

type failWriter struct{ err error }

func (w failWriter) Write([]byte) (int, error) { return 0, w.err }

func TestWriteFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "report.xlsx")
	sheets := seedSheets(t)
	if err := xlsx.New(xlsx.Options{}).WriteFile(path, sheets...); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, writeXLSX(t, xlsx.Options{}, sheets...)) {
		t.Error("WriteFile and Render wrote different bytes")
	}
}

// oddSheets are sheets a careless caller might build: Render must write
// them without panicking.
func oddSheets() []*layout.Sheet {
	i := func(n int64) layout.Cell { return layout.Cell{Kind: layout.IntCell, Int: n} }
	txt := func(s string) layout.Cell { return layout.Cell{Kind: layout.TextCell, Text: s} }
	return []*layout.Sheet{
		{Name: "no blocks", Code: "Biểu số X/VPCP/KSTT", Title: "KHÔNG CÓ BẢNG"},
		{},
		{Name: "empty", Blocks: []layout.Block{{}, {Title: "Phần trống"}}},
		{Name: "bad head", Title: "TIÊU ĐỀ", Notes: []string{"Ghi chú: số liệu tạm tính.", ""}, Blocks: []layout.Block{{
			Columns:  []layout.Column{{Num: 1, Kind: layout.TextColumn}, {Num: 2, Kind: layout.CountColumn}, {Num: 3, Kind: layout.RateColumn}},
			HeadRows: 1,
			Head: []layout.HeadCell{
				{Text: "A", Row: 0, Col: 0, RowSpan: 0, ColSpan: 0},       // spans 0: one cell
				{Text: "B", Row: 0, Col: 1, RowSpan: 5, ColSpan: 9},       // beyond the grid: clipped
				{Text: "overlap", Row: 0, Col: 1, RowSpan: 1, ColSpan: 1}, // overlaps B: dropped
				{Text: "neg", Row: -1, Col: 2, RowSpan: 1, ColSpan: 1},    // outside: dropped
				{Text: "far", Row: 100000, Col: 0, RowSpan: 1, ColSpan: 1},
				{Text: "right", Row: 1, Col: 7, RowSpan: 1, ColSpan: 1},
			},
			Numbers: []string{"(1)"},
			Rows: []layout.Row{
				{Kind: layout.DataRow, Cells: []layout.Cell{txt("1"), i(5), {Kind: layout.DecimalCell, Dec: decimal.RequireFromString("12.5")}, i(7), txt("extra")}},
				{Kind: layout.DataRow},
				{Kind: layout.TotalRow, Cells: []layout.Cell{{}, {Kind: layout.IntCell, Int: 5, Rel: &layout.Relation{Kind: layout.SumRowsRel, Rows: []int{0, 1, 7}}}}},
				{Kind: layout.RowKind(99), Cells: []layout.Cell{{Kind: layout.CellKind(42)}, txt("=1+1"), {Kind: layout.DecimalCell, Dec: decimal.RequireFromString("-0.125"),
					Rel: &layout.Relation{Kind: layout.RateRel, Num: layout.CellRef{Block: 9}, Den: layout.CellRef{Block: -1}}}}},
			},
		}}},
		{Name: "no columns", Blocks: []layout.Block{{
			Numbers: []string{"(1)", "(2)"},
			Rows:    []layout.Row{{Kind: layout.DataRow, Cells: []layout.Cell{txt("x"), i(1), {Kind: layout.DecimalCell, Dec: decimal.RequireFromString("3.25")}}}},
		}}},
		{Name: "long label", Blocks: []layout.Block{{
			Columns: []layout.Column{{Num: 1, Kind: layout.TextColumn, Width: 5}, {Num: 2, Kind: layout.TextColumn}},
			Rows: []layout.Row{{Kind: layout.DataRow, Cells: []layout.Cell{txt("1"),
				txt(strings.Repeat("Lĩnh vực có tên rất dài để thử xuống dòng ", 8) + strings.Repeat("x", 300))}}},
		}}},
	}
}

func TestOddSheetsReopen(t *testing.T) {
	f := open(t, writeXLSX(t, xlsx.Options{}, oddSheets()...))
	if n := len(f.GetSheetList()); n != len(oddSheets()) {
		t.Errorf("%d sheets, want %d", n, len(oddSheets()))
	}
	// The text "=1+1" stays text, never a formula.
	cells, err := f.SearchSheet("bad head", "=1+1")
	if err != nil || len(cells) != 1 {
		t.Fatalf("text =1+1 found in %v (%v)", cells, err)
	}
	if formula, v := formulaOf(t, f, "bad head", cells[0]); formula != "" || v != "=1+1" {
		t.Errorf("%s: text =1+1 became formula %q value %q", cells[0], formula, v)
	}
}

// Random sheets, odd in every way the type allows, render without panic
// and reopen.
func TestRandomSheetsNeverPanic(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 150 {
		s := randomSheet(rng)
		var buf bytes.Buffer
		if err := xlsx.New(xlsx.Options{}).Render(&buf, s); err != nil {
			t.Fatalf("sheet %d: %v", i, err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatalf("sheet %d: reopen: %v", i, err)
		}
		f.Close()
	}
}

// randomSheet is a sheet odd in every way the type allows.
func randomSheet(rng *rand.Rand) *layout.Sheet {
	n := func(k int) int { return rng.IntN(k) }
	{
		s := &layout.Sheet{Name: strings.Repeat("x/", n(20)), Title: strings.Repeat("TIÊU ĐỀ ", n(30))}
		for range n(4) {
			b := layout.Block{Title: strings.Repeat("Phần ", n(3)), HeadRows: n(5) - 1}
			for c := range n(8) {
				b.Columns = append(b.Columns, layout.Column{Num: c + n(3), Kind: layout.ColumnKind(n(6)), Width: n(40) - 5})
			}
			for range n(10) {
				b.Head = append(b.Head, layout.HeadCell{Text: strings.Repeat("Nhóm ", n(5)), Row: n(6) - 1, Col: n(10) - 1, RowSpan: n(5) - 1, ColSpan: n(6) - 1})
			}
			for range n(10) {
				b.Numbers = append(b.Numbers, "("+strconv.Itoa(n(20))+")")
			}
			for r := range n(12) {
				row := layout.Row{Kind: layout.RowKind(n(6))}
				for range n(10) {
					c := layout.Cell{Kind: layout.CellKind(n(5)), Text: strings.Repeat("chữ ", n(4)), Int: int64(n(2000) - 1000),
						Dec: decimal.New(int64(n(20000)-10000), -int32(n(4)))}
					switch n(4) {
					case 0:
						c.Rel = &layout.Relation{Kind: layout.SumColumnsRel, Cols: []int{n(10), n(10)}}
					case 1:
						c.Rel = &layout.Relation{Kind: layout.SumRowsRel, Rows: []int{n(r + 1), n(15) - 2}}
					case 2:
						c.Rel = &layout.Relation{Kind: layout.RateRel, Places: int32(n(5) - 1),
							Num: layout.CellRef{Block: n(3), Row: n(12), Col: n(10)}, Den: layout.CellRef{Block: n(3), Row: n(12), Col: n(10)}}
					}
					row.Cells = append(row.Cells, c)
				}
				b.Rows = append(b.Rows, row)
			}
			s.Blocks = append(s.Blocks, b)
		}
		return s
	}
}
