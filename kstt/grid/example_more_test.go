package grid_test

import (
	"errors"
	"fmt"
	"io"

	"github.com/baocaodinhky/vpcp/kstt/grid"
	_ "github.com/baocaodinhky/vpcp/render/text" // registers "text"
	_ "github.com/baocaodinhky/vpcp/render/xlsx" // registers "xlsx"
)

// Sniff picks the registered format an input is in, from its first bytes
// and its name, the way image.Decode does: a zip (XLSX) or OLE file (a
// legacy or encrypted workbook) is "xlsx", anything else goes to the
// fallback "text", whose reader refuses what is not text (a PNG image).
func ExampleSniff() {
	fmt.Println(grid.Formats())
	for _, in := range []struct {
		what string
		head []byte
		name string
	}{
		{"zip", []byte("PK\x03\x04\x14\x00"), ""},
		{"OLE", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), "bao-cao.xls"},
		{"pasted", []byte("Biểu số II.06a/VPCP/KSTT\nĐơn vị báo cáo: Sở Tư pháp"), "bao-cao.txt"},
		{"empty", nil, "bao-cao.xlsx"},
		{"binary", []byte("\x89PNG\r\n\x1a\n\x00\x00"), "anh.png"},
	} {
		f, ok := grid.Sniff(in.head, in.name)
		fmt.Printf("%s %q: %s %v\n", in.what, in.name, f.Name, ok)
	}
	// Output:
	// [xlsx text]
	// zip "": xlsx true
	// OLE "bao-cao.xls": xlsx true
	// pasted "bao-cao.txt": text true
	// empty "bao-cao.xlsx": xlsx true
	// binary "anh.png": text true
}

// RegisterFormat refuses a name already taken and a format without Match or
// Read, so a misconfigured reader fails at start-up.
func ExampleRegisterFormat() {
	match := func(head []byte, name string) bool { return false }
	err := grid.RegisterFormat(grid.Format{Name: "xlsx", Match: match, Read: nil})
	fmt.Println(err != nil)
	err = grid.RegisterFormat(grid.Format{Name: "xlsx", Match: match, Read: func(_ io.ReaderAt, _ int64, _ string, _ grid.Limits) ([]*grid.Grid, error) { return nil, nil }})
	fmt.Println(errors.Is(err, grid.ErrFormatRegistered), err)
	fmt.Println(grid.Formats())
	// Output:
	// true
	// true grid: format already registered: "xlsx"
	// [xlsx text]
}

// A merged header cell holds its value in the top-left cell; MergeAt finds
// the range any cell of it belongs to. RowWidth is the length of one row.
func ExampleGrid_MergeAt() {
	g := &grid.Grid{Name: "II.06a", Rows: [][]grid.Cell{
		{{Text: "STT"}, {Text: "Lĩnh vực giải quyết"}, {Text: "Số lượng hồ sơ tiếp nhận"}, {}, {}, {}},
		{{}, {}, {Text: "Tổng số"}, {Text: "Trong kỳ"}, {}, {Text: "Từ kỳ trước"}},
	}, Merges: []grid.Merge{{Top: 0, Left: 2, Bottom: 0, Right: 5}, {Top: 0, Left: 0, Bottom: 1, Right: 0}}}
	for _, rc := range [][2]int{{0, 4}, {1, 0}, {1, 3}} {
		if m, ok := g.MergeAt(rc[0], rc[1]); ok {
			fmt.Println(g.Addr(rc[0], rc[1]), "in", g.Addr(m.Top, m.Left)+":"+grid.CellName(m.Bottom, m.Right), g.Cell(m.Top, m.Left).Text)
		} else {
			fmt.Println(g.Addr(rc[0], rc[1]), "not merged", g.Cell(rc[0], rc[1]).Text)
		}
	}
	fmt.Println(grid.Merge{Top: 0, Left: 2, Bottom: 0, Right: 5}.Contains(0, 6), g.RowWidth(1), g.RowWidth(7))
	// Output:
	// II.06a!E1 in II.06a!C1:F1 Số lượng hồ sơ tiếp nhận
	// II.06a!A2 in II.06a!A1:A2 STT
	// II.06a!D2 not merged Trong kỳ
	// false 6 0
}

// Decimal reads a cell as a number whether the file stored a number or
// text; Blank tells an empty cell from a 0.
func ExampleCell_Decimal() {
	for _, c := range []grid.Cell{
		{Text: "33.33", IsNum: true},
		{Text: "33,33"},
		{Text: "25%"},
		{Text: "0", IsNum: true},
		{Text: "không có"},
		{},
	} {
		d, ok := c.Decimal()
		fmt.Printf("%q %s %v blank=%v\n", c.Text, d, ok, c.Blank())
	}
	// Output:
	// "33.33" 33.33 true blank=false
	// "33,33" 33.33 true blank=false
	// "25%" 25 true blank=false
	// "0" 0 true blank=false
	// "không có" 0 false blank=false
	// "" 0 false blank=true
}

// AppendCellName and AppendColumnName write cell and column names into a
// buffer without allocating, for a writer naming many cells.
func ExampleAppendCellName() {
	var b []byte
	b = grid.AppendCellName(b, 11, 3)
	b = append(b, ':')
	b = grid.AppendCellName(b, 11, 12)
	b = append(b, ' ')
	b = grid.AppendColumnName(b, 26)
	fmt.Println(string(b))
	// Output:
	// D12:M12 AA
}
