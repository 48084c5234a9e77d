package grid

import (
	"testing"
	"unsafe"

	"github.com/shopspring/decimal"
)

func TestGridCellSafeAndAddr(t *testing.T) {
	g := &Grid{Name: "II.06a", Rows: [][]Cell{{{Text: "STT"}}, nil, {{}, {Text: "31", IsNum: true}}}}
	for _, rc := range [][2]int{{-1, 0}, {0, -1}, {3, 0}, {1, 0}, {0, 5}, {1 << 40, 1 << 40}} {
		if c := g.Cell(rc[0], rc[1]); !c.Blank() {
			t.Errorf("Cell(%d,%d) = %+v, want blank", rc[0], rc[1], c)
		}
	}
	var nilGrid *Grid
	if !nilGrid.Cell(0, 0).Blank() || nilGrid.Addr(0, 0) != "" {
		t.Error("a nil grid must be safe")
	}
	if v, ok := g.Cell(2, 1).Int(); !ok || v != 31 {
		t.Errorf("Int = %d, %v", v, ok)
	}
	if g.Width() != 2 {
		t.Errorf("Width = %d", g.Width())
	}
	cases := []struct {
		g    Grid
		r, c int
		want string
	}{
		{Grid{Name: "II.06a"}, 11, 3, "II.06a!D12"},
		{Grid{Name: "II.06a"}, 0, 26, "II.06a!AA1"},
		{Grid{Name: "II.06a"}, 0, 16383, "II.06a!XFD1"},
		{Grid{Name: "Biểu 1"}, 0, 0, "'Biểu 1'!A1"},
		{Grid{Name: "it's"}, 0, 0, "'it''s'!A1"},
		{Grid{Name: "2024"}, 0, 0, "'2024'!A1"},
		{Grid{Name: "seed.txt", Text: true}, 122, 3, "seed.txt:L123:C4"},
		{Grid{Name: "x"}, -1, 0, ""},
	}
	for _, c := range cases {
		if got := c.g.Addr(c.r, c.c); got != c.want {
			t.Errorf("Addr(%q, %d, %d) = %q, want %q", c.g.Name, c.r, c.c, got, c.want)
		}
	}
	if CellName(0, 701) != "ZZ1" || CellName(0, 702) != "AAA1" || CellName(-1, 0) != "" {
		t.Errorf("CellName: %s %s", CellName(0, 701), CellName(0, 702))
	}
}

func TestMerge(t *testing.T) {
	g := &Grid{Merges: []Merge{{Top: 1, Left: 2, Bottom: 1, Right: 5}}}
	if m, ok := g.MergeAt(1, 4); !ok || m.Right != 5 {
		t.Errorf("MergeAt(1,4) = %+v %v", m, ok)
	}
	if _, ok := g.MergeAt(2, 4); ok {
		t.Error("MergeAt(2,4) found a range")
	}
}

func TestParseCount(t *testing.T) {
	good := map[string]int64{"0": 0, "02": 2, " 7 ": 7, "1.234": 1234, "1,234": 1234, "1 234": 1234,
		"12.345.678": 12345678, "-3": -3, "+4": 4, "007": 7}
	for in, want := range good {
		if got, ok := ParseCount(in); !ok || got != want {
			t.Errorf("ParseCount(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "-", "1.5", "1.23", "1,2345", "12.34.567", "1.234,567", "abc", "1e3", "0x10", "1..234",
		"99999999999999999999", ".123", "1.", "1.234.", "١٢", "0.064", "00.064", "000.064", "0,064", "0 064", "01.234", "-0.064"} {
		if v, ok := ParseCount(in); ok {
			t.Errorf("ParseCount(%q) = %d, want failure", in, v)
		}
	}
}

func TestParseDecimal(t *testing.T) {
	good := map[string]string{"0": "0", "0%": "0", "25%": "25", "33,33": "33.33", "33.33": "33.33", "1.234,5": "1234.5",
		"1,234.5": "1234.5", "1.234.567": "1234567", " 12,5 % ": "12.5", "-1": "-1", "100": "100"}
	for in, want := range good {
		got, ok := ParseDecimal(in)
		if !ok || !got.Equal(decimal.RequireFromString(want)) {
			t.Errorf("ParseDecimal(%q) = %s, %v; want %s", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "%", "abc", "1e999999999", "1,2,3,4,5.5.5", "--1", "1-2", "."} {
		if v, ok := ParseDecimal(in); ok {
			t.Errorf("ParseDecimal(%q) = %s, want failure", in, v)
		}
	}
}

func TestGridCellNumbers(t *testing.T) {
	cases := []struct {
		c   Cell
		i   int64
		iok bool
		d   string
		dok bool
	}{
		{Cell{Text: "31", IsNum: true}, 31, true, "31", true},
		{Cell{Text: "31.0", IsNum: true}, 31, true, "31", true},
		{Cell{Text: "3.1E1", IsNum: true}, 31, true, "31", true},
		{Cell{Text: "0.25", IsNum: true, Percent: true}, 0, false, "0.25", true},
		{Cell{Text: "1E999999999", IsNum: true}, 0, false, "", false},
		{Cell{Text: "NaN", IsNum: true}, 0, false, "", false},
		{Cell{Text: "02"}, 2, true, "2", true},
		{Cell{Text: "0%"}, 0, false, "0", true},
		{Cell{}, 0, false, "", false},
	}
	for _, c := range cases {
		i, iok := c.c.Int()
		if iok != c.iok || i != c.i {
			t.Errorf("%+v.Int() = %d, %v", c.c, i, iok)
		}
		d, dok := c.c.Decimal()
		if dok != c.dok || dok && !d.Equal(decimal.RequireFromString(c.d)) {
			t.Errorf("%+v.Decimal() = %s, %v", c.c, d, dok)
		}
	}
}

func FuzzParseNumbers(f *testing.F) {
	for _, s := range []string{"02", "1.234", "33,33%", "1e5", "-0", "1 234 567"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = ParseCount(s) // must not panic
		ParseDecimal(s)
		Cell{Text: s, IsNum: true}.Int()
		Cell{Text: s, IsNum: true}.Decimal()
	})
}

func TestGridCellSize(t *testing.T) {
	if n := unsafe.Sizeof(Cell{}); unsafe.Sizeof(uintptr(0)) == 8 && n != CellSize {
		t.Errorf("Cell takes %d bytes, CellSize says %d", n, CellSize)
	}
}
