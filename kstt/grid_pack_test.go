package kstt

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestPackedRows stores rows compactly and reads them back, cell by cell
// and row by row, with texts and formulas of every length class.
func TestPackedRows(t *testing.T) {
	long := strings.Repeat("Lĩnh vực ", 40) // > 127 bytes: a 2-byte length
	rows := [][]GridCell{
		{{Text: "1"}, {Text: "Lĩnh vực số 1"}, {Text: "62", IsNum: true, Formula: "D3+E3", Cached: true}, {}, {Text: "0.25", IsNum: true, Percent: true}},
		nil,
		{{}, {}, {Formula: "SUM(A1:A2)"}},
		{{Text: long}},
	}
	rows[3] = append(rows[3], make([]GridCell, 200)...)
	rows[3] = append(rows[3], GridCell{Text: "far", Formula: long})
	var g Grid
	for _, row := range rows {
		g.AppendRow(row)
	}
	g.AppendRow([]GridCell{{}, {}}) // trailing blanks dropped: an empty row
	if g.Rows != nil || g.Len() != 5 {
		t.Fatalf("Rows %v, Len %d", g.Rows, g.Len())
	}
	for r, row := range rows {
		if diff := cmp.Diff(row, g.Row(r)); diff != "" {
			t.Errorf("row %d (-want +got):\n%s", r, diff)
		}
		if g.RowWidth(r) != len(row) {
			t.Errorf("row %d: width %d, want %d", r, g.RowWidth(r), len(row))
		}
		for c := -1; c <= len(row)+1; c++ {
			want := GridCell{}
			if c >= 0 && c < len(row) {
				want = row[c]
			}
			if got := g.Cell(r, c); got != want {
				t.Errorf("Cell(%d, %d) = %+v, want %+v", r, c, got, want)
			}
		}
	}
	if g.Row(4) != nil || g.RowWidth(4) != 0 || g.Width() != 202 || g.Row(5) != nil || g.Cell(9, 0) != (GridCell{}) {
		t.Errorf("row 4 %v, width %d", g.Row(4), g.Width())
	}
	// A grid built by hand keeps its Rows.
	h := Grid{Rows: [][]GridCell{{{Text: "a"}}}}
	h.AppendRow([]GridCell{{Text: "b"}})
	if h.Len() != 2 || len(h.Rows) != 2 || h.Cell(1, 0).Text != "b" {
		t.Errorf("hand grid %v", h.Rows)
	}
}

// TestPackedRowSize pins the cost of a packed row: a row of the II.06a
// SDK output takes its text plus about 3 bytes a cell.
func TestPackedRowSize(t *testing.T) {
	row := []GridCell{{Text: "331"}, {Text: "Lĩnh vực số 331"}, {Text: "62", IsNum: true, Formula: "D342+E342+F342", Cached: true}}
	for _, v := range []string{"39", "19", "4"} {
		row = append(row, GridCell{Text: v, IsNum: true})
	}
	s := appendRow(nil, row, 341)
	text := 0
	for _, c := range row {
		text += len(c.Text) + len(c.Formula)
	}
	if len(s) > text+3*len(row)+2 {
		t.Errorf("packed row %d bytes for %d bytes of text in %d cells", len(s), text, len(row))
	}
}

// TestPackedJSON: a compactly stored grid marshals its rows like a grid
// built by hand.
func TestPackedJSON(t *testing.T) {
	rows := [][]GridCell{{{Text: "STT"}, {Text: "Lĩnh vực"}}, nil, {{}, {Text: "7", IsNum: true}}}
	var packed Grid
	for _, row := range rows {
		packed.AppendRow(row)
	}
	hand := Grid{Rows: rows}
	a, err := json.Marshal(&packed)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(hand)
	if string(a) != string(b) || !strings.Contains(string(a), `"Lĩnh vực"`) {
		t.Errorf("packed %s\nhand   %s", a, b)
	}
}

// TestPackedCopy: a copy of a grid and the grid itself append rows
// without changing each other's cells, and cells read before stay as they
// were.
func TestPackedCopy(t *testing.T) {
	var g Grid
	for i := range 3000 { // several chunks
		g.AppendRow([]GridCell{{Text: strings.Repeat("x", 40)}, {Text: string(rune('a' + i%26)), IsNum: i%2 == 0}})
	}
	before := g.Cell(2999, 1)
	cp := g
	cp.AppendRow([]GridCell{{Text: "copy"}})
	g.AppendRow([]GridCell{{Text: "orig"}})
	cp.AppendRow([]GridCell{{Text: "copy 2"}})
	g.AppendRow([]GridCell{{Text: "orig 2"}})
	if g.Cell(3000, 0).Text != "orig" || g.Cell(3001, 0).Text != "orig 2" || cp.Cell(3000, 0).Text != "copy" || cp.Cell(3001, 0).Text != "copy 2" {
		t.Errorf("orig %q %q, copy %q %q", g.Cell(3000, 0).Text, g.Cell(3001, 0).Text, cp.Cell(3000, 0).Text, cp.Cell(3001, 0).Text)
	}
	if g.Cell(2999, 1) != before || before.Text != string(rune('a'+2999%26)) {
		t.Errorf("cell changed: %+v, %+v", before, g.Cell(2999, 1))
	}
	// Formulas holding the row's number, small numbers, far columns.
	var h Grid
	for r := range 1200 {
		n := strconv.Itoa(r + 1)
		h.AppendRow([]GridCell{{Text: n, IsNum: true}, {Text: "0" + n}, {}, {Text: "7", Formula: "D" + n + "+E" + n + "*" + n + "1", Cached: true}, {Formula: "A\x00" + n}})
	}
	for r := range 1200 {
		n := strconv.Itoa(r + 1)
		want := []GridCell{{Text: n, IsNum: true}, {Text: "0" + n}, {}, {Text: "7", Formula: "D" + n + "+E" + n + "*" + n + "1", Cached: true}, {Formula: "A\x00" + n}}
		if diff := cmp.Diff(want, h.Row(r)); diff != "" {
			t.Fatalf("row %d (-want +got):\n%s", r, diff)
		}
		for c := range want {
			if got := h.Cell(r, c); got != want[c] {
				t.Fatalf("Cell(%d, %d) = %+v, want %+v", r, c, got, want[c])
			}
		}
	}
}

// FuzzPackedRow stores rows of arbitrary cells compactly and reads them
// back: Row and Cell give the cells stored (trailing blanks dropped).
func FuzzPackedRow(f *testing.F) {
	f.Add(uint16(341), "D342+E342", "62", uint8(3), uint8(7))
	f.Add(uint16(0), "A1\x00B1", "007", uint8(200), uint8(0))
	f.Fuzz(func(t *testing.T, r uint16, formula, text string, col, flags uint8) {
		var g Grid
		for range int(r) % 1500 {
			g.AppendRow(nil)
		}
		row := make([]GridCell, int(col)+1)
		row[col] = GridCell{Text: text, Formula: formula, IsNum: flags&1 != 0, Percent: flags&2 != 0, Cached: flags&4 != 0}
		if flags&8 != 0 && col > 0 {
			row[0] = GridCell{Text: formula}
		}
		g.AppendRow(row)
		at := g.Len() - 1
		for len(row) > 0 && row[len(row)-1] == (GridCell{}) {
			row = row[:len(row)-1]
		}
		got := g.Row(at)
		if len(row) == 0 {
			row = nil
		}
		if diff := cmp.Diff(row, got); diff != "" {
			t.Fatalf("(-want +got):\n%s", diff)
		}
		for c := range row {
			if g.Cell(at, c) != row[c] {
				t.Fatalf("Cell(%d, %d) = %+v, want %+v", at, c, g.Cell(at, c), row[c])
			}
		}
	})
}
