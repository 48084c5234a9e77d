package xlsx_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/grid"
	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/render/xlsx"
)

// book builds a workbook with excelize's ordinary API (formulas without a
// cached value, as SetCellFormula writes them) and returns its bytes.
func book(t testing.TB, build func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	build(f)
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func readBytes(b []byte, opts xlsx.ReadOptions) ([]*grid.Grid, error) {
	return xlsx.ReadWorkbook(bytes.NewReader(b), int64(len(b)), opts)
}

func mustReadBytes(t testing.TB, b []byte) []*grid.Grid {
	t.Helper()
	gs, err := readBytes(b, xlsx.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return gs
}

func TestReadWorkbookCells(t *testing.T) {
	nfd := norm.NFD.String("Lĩnh  vực\u00a0lãnh sự")
	b := book(t, func(f *excelize.File) {
		f.SetSheetName("Sheet1", "II.06a")
		f.SetCellValue("II.06a", "A1", "Biểu số II.06a/VPCP/KSTT")
		f.SetCellValue("II.06a", "B3", nfd)
		f.SetCellValue("II.06a", "C3", 1234)
		f.SetCellValue("II.06a", "D3", 0.25)
		pct, _ := f.NewStyle(&excelize.Style{NumFmt: 9})
		f.SetCellStyle("II.06a", "D3", "D3", pct)
		custom := `0.00"%"`
		lit, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &custom})
		f.SetCellValue("II.06a", "E3", 33.5)
		f.SetCellStyle("II.06a", "E3", "E3", lit)
		f.SetCellFormula("II.06a", "F3", "C3+1")
		f.SetCellValue("II.06a", "G3", true)
		f.SetCellValue("II.06a", "H3", "02")
		grouped, _ := f.NewStyle(&excelize.Style{NumFmt: 3}) // #,##0
		f.SetCellValue("II.06a", "I3", 1234567)
		f.SetCellStyle("II.06a", "I3", "I3", grouped)
		f.MergeCell("II.06a", "A1", "M1")
		f.SetCellStyle("II.06a", "Z40", "Z40", grouped) // a styled blank far out: ignored
		f.NewSheet("Trống")
		f.NewSheet("Biểu 2")
		f.SetCellValue("Biểu 2", "A1", "x")
	})
	gs := mustReadBytes(t, b)
	if len(gs) != 3 || gs[0].Name != "II.06a" || gs[1].Name != "Trống" || gs[2].Name != "Biểu 2" {
		t.Fatalf("sheets %v", names(gs))
	}
	g := gs[0]
	if g.Len() != 3 || g.RowWidth(2) != 9 {
		t.Fatalf("rows %d, row 3 has %d cells", g.Len(), g.RowWidth(2))
	}
	want := []grid.Cell{
		{},
		{Text: "Lĩnh vực lãnh sự"},
		{Text: "1234", IsNum: true},
		{Text: "0.25", IsNum: true, Percent: true},
		{Text: "33.5", IsNum: true},
		{Formula: "C3+1", Text: "1235", IsNum: true}, // no stored value: the workbook's formula, evaluated
		{Text: "1", IsNum: true},
		{Text: "02"},
		{Text: "1234567", IsNum: true},
	}
	for c, w := range want {
		if got := g.Cell(2, c); got != w {
			t.Errorf("cell %s = %+v, want %+v", grid.CellName(2, c), got, w)
		}
	}
	if len(g.Merges) != 1 || g.Merges[0] != (grid.Merge{Top: 0, Left: 0, Bottom: 0, Right: 12}) {
		t.Errorf("merges %v", g.Merges)
	}
	if g.Addr(2, 3) != "II.06a!D3" || gs[2].Addr(0, 0) != "'Biểu 2'!A1" {
		t.Errorf("addresses %s %s", g.Addr(2, 3), gs[2].Addr(0, 0))
	}
	if gs[1].Len() != 0 {
		t.Errorf("empty sheet has rows: %v", rowsOf(gs[1]))
	}
}

// TestReadStreamedFormulas: the StreamWriter stores a formula with its
// value, as render/xlsx writes every derived cell.
func TestReadStreamedFormulas(t *testing.T) {
	b := book(t, func(f *excelize.File) {
		sw, err := f.NewStreamWriter("Sheet1")
		if err != nil {
			t.Fatal(err)
		}
		sw.SetRow("A1", []any{1, 2, excelize.Cell{Formula: "A1+B1", Value: 3}, "text"})
		sw.SetRow("A5", []any{"row five"})
		if err := sw.Flush(); err != nil {
			t.Fatal(err)
		}
	})
	g := mustReadBytes(t, b)[0]
	if c := g.Cell(0, 2); c != (grid.Cell{Text: "3", IsNum: true, Formula: "A1+B1", Cached: true}) {
		t.Errorf("C1 = %+v", c)
	}
	if g.Len() != 5 || g.RowWidth(1) != 0 || g.Cell(4, 0).Text != "row five" {
		t.Errorf("rows %v", rowsOf(g))
	}
}

// rawBook writes a package part by part, for what excelize will not write.
func rawBook(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, name := range sortedKeys(parts) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, parts[name])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func sortedKeys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	for i := range ks {
		for j := i + 1; j < len(ks); j++ {
			if ks[j] < ks[i] {
				ks[i], ks[j] = ks[j], ks[i]
			}
		}
	}
	return ks
}

const (
	relsRoot = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml"/></Relationships>`
	wbXML = `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
		`<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`
	wbRels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/s.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`
)

func sheetBook(t testing.TB, sheetData, sst string) []byte {
	return rawBook(t, map[string]string{
		"_rels/.rels":                relsRoot,
		"xl/workbook.xml":            wbXML,
		"xl/_rels/workbook.xml.rels": wbRels,
		"xl/sharedStrings.xml":       `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + sst + `</sst>`,
		"xl/worksheets/s.xml":        `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + sheetData + `</sheetData></worksheet>`,
	})
}

func TestReadRawPackage(t *testing.T) {
	// Absolute targets, rich-text shared strings with a phonetic run,
	// rows and cells without references, shared formulas, error and
	// string-result cells.
	sst := `<si><t>TỔNG </t></si><si><r><t>Lĩnh vực </t></r><r><rPr><b/></rPr><t xml:space="preserve">lãnh sự</t></r><rPh><t>x</t></rPh></si>`
	data := `<row><c t="s"><v>1</v></c><c><v>31</v></c><c><f t="shared" ref="C1:C2" si="0">A1+B1</f><v>32</v></c></row>` +
		`<row><c/><c><v>7</v></c><c><f t="shared" si="0"/></c><c t="e"><v>#REF!</v></c><c t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>` +
		`<row r="4"><c r="B4" t="s"><v>0</v></c></row>`
	g := mustReadBytes(t, sheetBook(t, data, sst))[0]
	check := func(r, c int, want grid.Cell) {
		t.Helper()
		if got := g.Cell(r, c); got != want {
			t.Errorf("%s = %+v, want %+v", grid.CellName(r, c), got, want)
		}
	}
	check(0, 0, grid.Cell{Text: "Lĩnh vực lãnh sự"})
	check(0, 2, grid.Cell{Text: "32", IsNum: true, Formula: "A1+B1", Cached: true})
	check(1, 2, grid.Cell{Formula: "(shared formula 0)", Text: "7", IsNum: true}) // A2+B2, evaluated
	check(1, 3, grid.Cell{Text: "#REF!"})
	check(1, 4, grid.Cell{Text: "ab", Formula: `"a"&"b"`, Cached: true})
	check(3, 1, grid.Cell{Text: "TỔNG"})
	if g.Len() != 4 || g.RowWidth(2) != 0 {
		t.Errorf("rows %v", rowsOf(g))
	}
}

func names(gs []*grid.Grid) []string {
	var out []string
	for _, g := range gs {
		out = append(out, g.Name)
	}
	return out
}

func TestReadErrors(t *testing.T) {
	good := book(t, func(f *excelize.File) {
		for r := 1; r <= 200; r++ {
			f.SetCellValue("Sheet1", fmt.Sprintf("A%d", r), strings.Repeat("Lĩnh vực ", 20))
			f.SetCellValue("Sheet1", fmt.Sprintf("B%d", r), r)
		}
	})
	encrypted := func() []byte {
		f := excelize.NewFile()
		defer f.Close()
		f.SetCellValue("Sheet1", "A1", "bí mật")
		var b bytes.Buffer
		if err := f.Write(&b, excelize.Options{Password: "123"}); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}()
	legacy := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 1024)...)
	copy(legacy[600:], []byte("W\x00o\x00r\x00k\x00b\x00o\x00o\x00k\x00"))
	docx := rawBook(t, map[string]string{"word/document.xml": "<w:document/>", "[Content_Types].xml": "<Types/>"})
	bomb := sheetBook(t, strings.Repeat(`<row><c><v>1</v></c></row>`, 200_000), "")
	farCell := sheetBook(t, `<row r="1"><c r="XFD1"><v>1</v></c></row>`, "")
	farRow := sheetBook(t, `<row r="1048576"><c r="A1048576"><v>1</v></c></row>`, "")
	badXML := sheetBook(t, `<row><c><v>1</v></row>`, "")
	badRef := sheetBook(t, `<row><c r="1A"><v>1</v></c></row>`, "")
	badSST := sheetBook(t, `<row><c t="s"><v>9</v></c></row>`, "")
	noSheet := rawBook(t, map[string]string{"_rels/.rels": relsRoot, "xl/workbook.xml": wbXML, "xl/_rels/workbook.xml.rels": wbRels})

	cases := []struct {
		name   string
		data   []byte
		opts   xlsx.ReadOptions
		want   error
		detail string
	}{
		{"empty", nil, xlsx.ReadOptions{}, xlsx.ErrNotXLSX, "only 0 bytes"},
		{"text", []byte("STT\tLĩnh vực\n1\tHộ tịch\n"), xlsx.ReadOptions{}, xlsx.ErrNotXLSX, "PK signature"},
		{"pdf", []byte("%PDF-1.7\n..."), xlsx.ReadOptions{}, xlsx.ErrNotXLSX, "PDF"},
		{"legacy xls", legacy, xlsx.ReadOptions{}, xlsx.ErrNotXLSX, ".xls"},
		{"docx", docx, xlsx.ReadOptions{}, xlsx.ErrNotXLSX, "Word document"},
		{"encrypted", encrypted, xlsx.ReadOptions{}, xlsx.ErrEncrypted, "password"},
		{"truncated", good[:len(good)/2], xlsx.ReadOptions{}, xlsx.ErrCorrupt, "truncated"},
		{"truncated to the header", good[:30], xlsx.ReadOptions{}, xlsx.ErrCorrupt, "truncated"},
		{"file over MaxBytes", good, xlsx.ReadOptions{MaxBytes: 1000}, xlsx.ErrOverLimit, "MaxBytes"},
		{"zip bomb", bomb, xlsx.ReadOptions{MaxBytes: 1 << 20}, xlsx.ErrOverLimit, "MaxBytes"},
		{"rows over MaxRows", good, xlsx.ReadOptions{MaxRows: 100}, xlsx.ErrOverLimit, "MaxRows"},
		{"far column", farCell, xlsx.ReadOptions{}, xlsx.ErrOverLimit, "MaxCols"},
		{"far row", farRow, xlsx.ReadOptions{}, xlsx.ErrOverLimit, "MaxRows"},
		{"malformed XML", badXML, xlsx.ReadOptions{}, xlsx.ErrCorrupt, "malformed XML"},
		{"bad reference", badRef, xlsx.ReadOptions{}, xlsx.ErrCorrupt, "A1-style"},
		{"missing shared string", badSST, xlsx.ReadOptions{}, xlsx.ErrCorrupt, "shared string"},
		{"missing worksheet part", noSheet, xlsx.ReadOptions{}, xlsx.ErrCorrupt, "missing"},
		{"negative bound", good, xlsx.ReadOptions{MaxRows: -1}, xlsx.ErrOverLimit, "negative"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := readBytes(c.data, c.opts)
			if !errors.Is(err, c.want) {
				t.Fatalf("err = %v, want %v", err, c.want)
			}
			var re *xlsx.ReadError
			if !errors.As(err, &re) || !strings.Contains(err.Error(), c.detail) {
				t.Fatalf("error %q: want a *ReadError mentioning %q", err, c.detail)
			}
		})
	}
	// The bomb and the limits stop early: the error names where.
	_, err := readBytes(farCell, xlsx.ReadOptions{})
	var re *xlsx.ReadError
	if errors.As(err, &re); re.Sheet != "S" || re.Cell != "XFD1" {
		t.Errorf("far cell error %+v", re)
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "bao-cao.xlsx")
	if err := os.WriteFile(p, book(t, func(f *excelize.File) { f.SetCellValue("Sheet1", "A1", "x") }), 0o644); err != nil {
		t.Fatal(err)
	}
	gs, err := xlsx.ReadFile(p, xlsx.ReadOptions{})
	if err != nil || gs[0].Source != p || gs[0].Cell(0, 0).Text != "x" {
		t.Fatalf("ReadFile: %v %+v", err, gs)
	}
	bad := filepath.Join(dir, "bao-cao.txt")
	os.WriteFile(bad, []byte("không phải bảng tính"), 0o644)
	_, err = xlsx.ReadFile(bad, xlsx.ReadOptions{})
	var re *xlsx.ReadError
	if !errors.Is(err, xlsx.ErrNotXLSX) || !errors.As(err, &re) || re.File != bad || !strings.Contains(err.Error(), bad) {
		t.Errorf("ReadFile(text) = %v", err)
	}
	if _, err := xlsx.ReadFile(filepath.Join(dir, "none.xlsx"), xlsx.ReadOptions{}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

// A sheet as render/xlsx writes it, built by hand (render knows kstt, not
// the forms of package bieu).
func handSheet() *layout.Sheet {
	cols := []layout.Column{{Num: 1, Kind: layout.TextColumn}, {Num: 2, Kind: layout.TextColumn}, {Num: 3, Kind: layout.CountColumn}, {Num: 4, Kind: layout.CountColumn}, {Num: 5, Kind: layout.RateColumn}}
	return &layout.Sheet{Name: "T", Code: "Biểu số T/VPCP/KSTT", Title: "THỬ", Unit: "Đơn vị báo cáo: Sở", Recipient: "Đơn vị nhận báo cáo: UBND tỉnh",
		Period: "Kỳ báo cáo: Quý II năm 2024", PeriodRange: "(Từ ngày 15/3/2024 đến ngày 14/6/2024)", Measure: "Đơn vị tính: hồ sơ",
		Blocks: []layout.Block{{Columns: cols, HeadRows: 1,
			Head:    []layout.HeadCell{{Text: "STT", RowSpan: 1, ColSpan: 1}, {Text: "Lĩnh vực", Col: 1, RowSpan: 1, ColSpan: 1}, {Text: "Tổng", Col: 2, RowSpan: 1, ColSpan: 1}, {Text: "A", Col: 3, RowSpan: 1, ColSpan: 1}, {Text: "Tỷ lệ", Col: 4, RowSpan: 1, ColSpan: 1}},
			Numbers: []string{"(1)", "(2)", "(3)", "(4)", "(5)"},
			Rows: []layout.Row{
				{Kind: layout.DataRow, Cells: []layout.Cell{{Kind: layout.TextCell, Text: "1"}, {Kind: layout.TextCell, Text: "Hộ tịch"}, {Kind: layout.IntCell, Int: 4}, {Kind: layout.IntCell, Int: 2}, {Kind: layout.DecimalCell}}},
				{Kind: layout.TotalRow, Cells: []layout.Cell{{}, {Kind: layout.TextCell, Text: kstt.TotalLabel}, {Kind: layout.IntCell, Int: 4, Rel: &layout.Relation{Kind: layout.SumRowsRel, Rows: []int{0}}}, {Kind: layout.IntCell, Int: 2}, {Kind: layout.DecimalCell}}},
			}}}}
}

func TestReadWhatTheRendererWrites(t *testing.T) {
	var b bytes.Buffer
	if err := xlsx.New(xlsx.Options{}).Render(&b, handSheet()); err != nil {
		t.Fatal(err)
	}
	g := mustReadBytes(t, b.Bytes())[0]
	var total int = -1
	for r := range g.Len() {
		if g.Cell(r, 1).Text == kstt.TotalLabel {
			total = r
		}
	}
	if total < 0 {
		t.Fatalf("no TỔNG CỘNG row in %v", rowsOf(g))
	}
	if c := g.Cell(total, 2); !c.IsNum || c.Text != "4" || c.Formula == "" || !c.Cached {
		t.Errorf("TỔNG CỘNG (3) = %+v, want 4 with its formula", c)
	}
	if g.Cell(0, 0).Text != "Biểu số T/VPCP/KSTT" {
		t.Errorf("A1 = %+v", g.Cell(0, 0))
	}
}

// FuzzReadWorkbook: no input makes the reader panic or read beyond its
// bounds. Seeds: a workbook the renderer writes, one excelize writes with
// formulas without values, a raw package, an encrypted one. It mutates the
// zip bytes, which mostly fails the checksums: FuzzReadSheetXML fuzzes
// the XML inside (run either with -fuzzminimizetime=0 or a few seconds).
//
// Run it (it made ≥ 500 execs/s on the 2-core development machine):
//
//	go test -run '^$' -fuzz '^FuzzReadWorkbook$' -fuzztime 30s -fuzzminimizetime=0 ./render/xlsx
//
// -fuzzminimizetime=0 matters: the default minimises each new input for
// up to 60 s, which took the whole window (3–80 execs in 45 s).
// .ci/fuzz-smoke runs every Fuzz target of the module 10 s this way.
func FuzzReadWorkbook(f *testing.F) {
	var b bytes.Buffer
	if err := xlsx.New(xlsx.Options{}).Render(&b, handSheet()); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Add(book(f, func(x *excelize.File) {
		x.SetCellValue("Sheet1", "A1", "STT")
		x.SetCellFormula("Sheet1", "B2", "A1+1")
		x.MergeCell("Sheet1", "A1", "C1")
	}))
	f.Add(sheetBook(f, `<row><c t="s"><v>0</v></c><c><f t="shared" si="0"/></c></row>`, `<si><r><t>a</t></r></si>`))
	if seed, err := os.ReadFile("testdata/read-seed.xlsx"); err == nil {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		gs, err := readBytes(data, xlsx.ReadOptions{MaxBytes: 4 << 20, MaxRows: 2000, MaxCols: 64})
		if err != nil {
			var re *xlsx.ReadError
			if !errors.As(err, &re) {
				t.Fatalf("untyped error %T: %v", err, err)
			}
			return
		}
		for _, g := range gs {
			if g.Len() > 2000 {
				t.Fatalf("%d rows beyond MaxRows", g.Len())
			}
			for r := range g.Len() {
				row := g.Row(r)
				if len(row) > 64 {
					t.Fatalf("%d columns beyond MaxCols", len(row))
				}
			}
		}
	})
}

func TestReadDates(t *testing.T) {
	b := book(t, func(f *excelize.File) {
		f.SetCellValue("Sheet1", "A1", "(Từ ngày")
		f.SetCellValue("Sheet1", "B1", 45366) // 15/3/2024
		dmy, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
		f.SetCellStyle("Sheet1", "B1", "B1", dmy)
		custom := `dd/mm/yyyy;@`
		c, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &custom})
		f.SetCellValue("Sheet1", "C1", "đến ngày")
		f.SetCellValue("Sheet1", "D1", 45457) // 14/6/2024
		f.SetCellStyle("Sheet1", "D1", "D1", c)
		notDate := `0 "ngày"`
		nd, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &notDate})
		f.SetCellValue("Sheet1", "E1", 12)
		f.SetCellStyle("Sheet1", "E1", "E1", nd)
		f.SetCellValue("Sheet1", "F1", 60)
		f.SetCellStyle("Sheet1", "F1", "F1", dmy)
	})
	g := mustReadBytes(t, b)[0]
	var got []string
	for _, c := range g.Row(0) {
		got = append(got, fmt.Sprintf("%s/%v", c.Text, c.IsNum))
	}
	want := "(Từ ngày/false 15/3/2024/false đến ngày/false 14/6/2024/false 12/true 29/2/1900/false"
	if strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
}

// rowsOf is the grid's rows, for messages.
func rowsOf(g *grid.Grid) [][]grid.Cell {
	rows := make([][]grid.Cell, g.Len())
	for r := range rows {
		rows[r] = g.Row(r)
	}
	return rows
}
