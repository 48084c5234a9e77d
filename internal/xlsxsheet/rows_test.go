package xlsxsheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// pkg zips a package of the given parts, written by hand.
func pkg(t testing.TB, parts ...string) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for i := 0; i+1 < len(parts); i += 2 {
		w, err := zw.Create(parts[i])
		if err != nil {
			t.Fatal(err)
		}
		_, _ = w.Write([]byte(parts[i+1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const (
	rootRels = `<Relationships><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	bookRels = `<Relationships><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/s.xml"/>` +
		`<Relationship Id="r2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sst.xml"/>` +
		`<Relationship Id="r3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`
)

// caseBook is a small case list: a header, rows with shared strings, a
// date-time cell and a number, then a row starting at column B.
func caseBook(t testing.TB, rows int) []byte {
	var sheet strings.Builder
	sheet.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	sheet.WriteString(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>`)
	for i := range rows {
		n := i + 2
		fmt.Fprintf(&sheet, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>H%d</t></is></c><c r="B%d" t="s"><v>4</v></c><c r="C%d" s="1"><v>45549.999305555555</v></c><c r="D%d"><v>3</v></c></row>`, n, n, i%10, n, n, n)
	}
	fmt.Fprintf(&sheet, `<row r="%d"><c r="B%d" t="str"><v>only B</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`, rows+3, rows+3)
	return pkg(t, "_rels/.rels", rootRels,
		"xl/workbook.xml", `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Danh sách" sheetId="1" r:id="r1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels", bookRels,
		"xl/styles.xml", `<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="22"/></cellXfs></styleSheet>`,
		"xl/sst.xml", `<sst><si><t>Mã hồ sơ</t></si><si><t>Lĩnh vực</t></si><si><t>Ngày tiếp nhận</t></si><si><t>Số</t></si><si><r><t>Hộ </t></r><r><t>tịch</t></r><rPh><t>x</t></rPh></si></sst>`,
		"xl/worksheets/s.xml", sheet.String())
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
	if got[0].Cells[0].Value != "Mã hồ sơ" || got[1].Cells[1].Value != "Hộ tịch" || got[1].Cells[0].Value != "H0" {
		t.Errorf("text: %+v", got[:2])
	}
	if d := got[1].Cells[2]; !d.Date || !d.Number || d.Value != "45549.999305555555" {
		t.Errorf("date cell %+v", d)
	}
	if got[1].Cells[3].Date || got[1].Cells[3].Value != "3" || !got[1].Cells[3].Number {
		t.Errorf("number cell %+v", got[1].Cells[3])
	}
	if last := got[3]; last.Num != 5 || len(last.Cells) != 2 || last.Cells[0].Value != "" || last.Cells[1].Value != "only B" {
		t.Errorf("row starting at B: %+v", last)
	}
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
		{"shared", data, RowsOptions{MaxSharedBytes: 10}, ErrOverLimit},
		{"cell", data, RowsOptions{MaxCellBytes: 4}, ErrOverLimit},
		{"negative", data, RowsOptions{MaxRows: -1}, ErrOverLimit},
		{"truncated", data[:len(data)/2], RowsOptions{}, ErrCorrupt},
		{"text", []byte("Mã hồ sơ,Ngày tiếp nhận\n"), RowsOptions{}, ErrNotXLSX},
		{"empty", nil, RowsOptions{}, ErrNotXLSX},
		{"rows out of order", sheetOnly(t, `<row r="2"><c><v>1</v></c></row><row r="1"><c><v>1</v></c></row>`), RowsOptions{}, ErrCorrupt},
		{"cell outside a row", sheetOnly(t, `<c><v>1</v></c>`), RowsOptions{}, ErrCorrupt},
		{"malformed", sheetOnly(t, `<row><c><v>1</v></row>`), RowsOptions{}, ErrCorrupt},
		{"bad entity", sheetOnly(t, `<row><c t="str"><v>&nope;</v></c></row>`), RowsOptions{}, ErrCorrupt},
		{"text run", sheetOnly(t, `<row><c t="str"><v>`+strings.Repeat("x", MaxTextRun+10)+`</v></c></row>`), RowsOptions{}, ErrOverLimit},
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

// sheetOnly is a workbook of one sheet holding sheetData, no shared strings.
func sheetOnly(t testing.TB, sheetData string) []byte {
	return pkg(t, "_rels/.rels", rootRels,
		"xl/workbook.xml", `<workbook><sheets><sheet name="S" sheetId="1" r:id="r1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels", bookRels,
		"xl/worksheets/s.xml", `<worksheet><sheetData>`+sheetData+`</sheetData></worksheet>`)
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

// bigShared writes a workbook whose sheet refers to n shared strings of
// about 30 bytes: more than one chunk of text.
func bigShared(t testing.TB, n int) []byte {
	var sst, sheet strings.Builder
	sst.WriteString("<sst>")
	sheet.WriteString("<worksheet><sheetData>")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&sst, "<si><t>000.20.31.H12-240915-%06d</t></si>", i)
		fmt.Fprintf(&sheet, `<row r="%d"><c r="A%d" t="s"><v>%d</v></c></row>`, i+1, i+1, n-1-i)
	}
	sst.WriteString("</sst>")
	sheet.WriteString("</sheetData></worksheet>")
	return pkg(t, "[Content_Types].xml", `<Types/>`, "_rels/.rels", rootRels,
		"xl/workbook.xml", `<workbook><sheets><sheet name="S" sheetId="1" r:id="r1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels", bookRels, "xl/sst.xml", sst.String(), "xl/worksheets/s.xml", sheet.String())
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

// FuzzRows: no bytes make Rows panic or loop; every error is a
// *ReadError. Seeds: a small valid workbook of shared strings, garbage.
//
// Run it (≥ 500 execs/s on the 2-core development machine):
//
//	go test -run '^$' -fuzz '^FuzzRows$' -fuzztime 30s -fuzzminimizetime=0 ./internal/xlsxsheet
//
// -fuzzminimizetime=0 matters: the default minimises each new input for
// up to 60 s. .ci/fuzz-smoke runs every Fuzz target of the module 10 s
// this way.
func FuzzRows(f *testing.F) {
	f.Add(bigShared(f, 3))
	f.Add(caseBook(f, 2))
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
