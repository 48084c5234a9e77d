package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// caseBook writes a small case list: a header, a row with shared strings,
// a date-time cell and a number, a blank row, a row starting at column B.
func caseBook(t testing.TB, rows int) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	dt, _ := f.NewStyle(&excelize.Style{NumFmt: 22}) // m/d/yy h:mm
	_ = sw.SetRow("A1", []any{"Mã hồ sơ", "Lĩnh vực", "Ngày tiếp nhận", "Số"})
	for i := 0; i < rows; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		_ = sw.SetRow(cell, []any{"H" + string(rune('0'+i%10)), "Hộ tịch", excelize.Cell{StyleID: dt, Value: time.Date(2024, 9, 14, 23, 59, 0, 0, time.UTC)}, 3})
	}
	cell, _ := excelize.CoordinatesToCellName(2, rows+3)
	_ = sw.SetRow(cell, []any{"only B"})
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	_ = f.SetSheetName("Sheet1", "Danh sách")
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestRows(t *testing.T) {
	data := caseBook(t, 2)
	var got []SheetRow
	for row, err := range Rows(bytes.NewReader(data), int64(len(data)), RowsOptions{}) {
		if err != nil {
			t.Fatal(err)
		}
		row.Cells = append([]RowCell(nil), row.Cells...)
		got = append(got, row)
	}
	if len(got) != 4 {
		t.Fatalf("%d rows, want 4: %+v", len(got), got)
	}
	if got[0].Cells[0].Value != "Mã hồ sơ" || got[1].Cells[1].Value != "Hộ tịch" {
		t.Errorf("text: %+v", got[:2])
	}
	d := got[1].Cells[2]
	if !d.Date || !d.Number || d.Value[:5] != "45549" { // 14/9/2024
		t.Errorf("date cell %+v", d)
	}
	if got[1].Cells[3].Date || got[1].Cells[3].Value != "3" {
		t.Errorf("number cell %+v", got[1].Cells[3])
	}
	if last := got[3]; last.Num != 5 || len(last.Cells) != 2 || last.Cells[0].Value != "" || last.Cells[1].Value != "only B" {
		t.Errorf("row starting at B: %+v", last)
	}
	// By name, and a name that is not there.
	n := 0
	for _, err := range Rows(bytes.NewReader(data), int64(len(data)), RowsOptions{Sheet: "danh sách"}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 4 {
		t.Errorf("by name: %d rows", n)
	}
	for _, err := range Rows(bytes.NewReader(data), int64(len(data)), RowsOptions{Sheet: "II.06a"}) {
		if !errors.Is(err, ErrNotXLSX) {
			t.Errorf("missing sheet: %v", err)
		}
	}
}

func TestRowsBounds(t *testing.T) {
	data := caseBook(t, 50)
	cases := []struct {
		name string
		data []byte
		opts RowsOptions
		want error
	}{
		{"rows", data, RowsOptions{MaxRows: 10}, ErrOverLimit},
		{"cols", data, RowsOptions{MaxCols: 2}, ErrOverLimit},
		{"bytes", data, RowsOptions{MaxBytes: 2000}, ErrOverLimit},
		{"shared", sharedBook(t), RowsOptions{MaxSharedBytes: 10}, ErrOverLimit},
		{"negative", data, RowsOptions{MaxRows: -1}, ErrOverLimit},
		{"truncated", data[:len(data)/2], RowsOptions{}, ErrCorrupt},
		{"text", []byte("Mã hồ sơ,Ngày tiếp nhận\n"), RowsOptions{}, ErrNotXLSX},
		{"empty", nil, RowsOptions{}, ErrNotXLSX},
	}
	for _, c := range cases {
		var last error
		for _, err := range Rows(bytes.NewReader(c.data), int64(len(c.data)), c.opts) {
			if err != nil {
				last = err
			}
		}
		var re *ReadError
		if !errors.Is(last, c.want) || !errors.As(last, &re) {
			t.Errorf("%s: %v, want %v", c.name, last, c.want)
		}
	}
}

// sharedBook writes text through the shared-strings table, as Excel does.
func sharedBook(t testing.TB) []byte {
	f := excelize.NewFile()
	defer f.Close()
	_ = f.SetCellValue("Sheet1", "A1", "Mã hồ sơ")
	_ = f.SetCellValue("Sheet1", "A2", "H01.000001")
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestRowsShared(t *testing.T) {
	data := sharedBook(t)
	var vals []string
	for row, err := range Rows(bytes.NewReader(data), int64(len(data)), RowsOptions{}) {
		if err != nil {
			t.Fatal(err)
		}
		vals = append(vals, row.Cells[0].Value)
	}
	if len(vals) != 2 || vals[1] != "H01.000001" {
		t.Errorf("%q", vals)
	}
}

func TestRowsStopEarly(t *testing.T) {
	data := caseBook(t, 100)
	n := 0
	for range Rows(bytes.NewReader(data), int64(len(data)), RowsOptions{}) {
		n++
		if n == 3 {
			break
		}
	}
	if n != 3 {
		t.Errorf("%d", n)
	}
}

// FuzzRows: no bytes make Rows panic or loop; every error is a
// *ReadError. Seeds: a small valid workbook of shared strings, garbage.
//
// Run it (it made ≥ 500 execs/s on the 2-core development machine):
//
//	go test -run '^$' -fuzz '^FuzzRows$' -fuzztime 30s -fuzzminimizetime=0 ./render/xlsx
//
// -fuzzminimizetime=0 matters: the default minimises each new input for
// up to 60 s, which took the whole window (3–80 execs in 45 s).
// .ci/fuzz-smoke runs every Fuzz target of the module 10 s this way.
func FuzzRows(f *testing.F) {
	f.Add(bigShared(f, 3)) // a small seed keeps executions fast
	f.Add([]byte("PK\x03\x04garbage"))
	f.Fuzz(func(t *testing.T, data []byte) {
		n := 0
		for _, err := range Rows(bytes.NewReader(data), int64(len(data)), RowsOptions{MaxRows: 1000, MaxBytes: 1 << 20}) {
			if err != nil {
				var re *ReadError
				if !errors.As(err, &re) {
					t.Fatalf("untyped error %T %v", err, err)
				}
			}
			n++
			if n > 2000 {
				t.Fatal("no end")
			}
		}
	})
}

// bigShared writes a minimal workbook by hand whose sheet refers to n
// shared strings of about 30 bytes: more than one chunk of text.
func bigShared(t testing.TB, n int) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	put := func(name, body string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = w.Write([]byte(body))
	}
	put("[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`)
	put("_rels/.rels", `<Relationships><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	put("xl/workbook.xml", `<workbook><sheets><sheet name="S" sheetId="1" r:id="r1"/></sheets></workbook>`)
	put("xl/_rels/workbook.xml.rels", `<Relationships><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/s.xml"/><Relationship Id="r2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sst.xml"/></Relationships>`)
	var sst, sheet strings.Builder
	sst.WriteString("<sst>")
	sheet.WriteString("<worksheet><sheetData>")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&sst, "<si><t>000.20.31.H12-240915-%06d</t></si>", i)
		fmt.Fprintf(&sheet, `<row r="%d"><c r="A%d" t="s"><v>%d</v></c></row>`, i+1, i+1, n-1-i)
	}
	sst.WriteString("</sst>")
	sheet.WriteString("</sheetData></worksheet>")
	put("xl/sst.xml", sst.String())
	put("xl/worksheets/s.xml", sheet.String())
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestRowsSharedChunks(t *testing.T) {
	const n = 80_000 // 27 bytes each: 2.1 MB of text, three chunks
	data := bigShared(t, n)
	i := 0
	for row, err := range Rows(bytes.NewReader(data), int64(len(data)), RowsOptions{}) {
		if err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("000.20.31.H12-240915-%06d", n-1-i); row.Cells[0].Value != want {
			t.Fatalf("row %d: %q, want %q", row.Num, row.Cells[0].Value, want)
		}
		i++
	}
	if i != n {
		t.Errorf("%d rows", i)
	}
}
