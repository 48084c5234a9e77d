// Package hostile generates the hostile inputs the readers are tested
// against: files under every size limit that would make a naive reader
// spend memory or time out of proportion to what they hold (a sparse sheet
// spanning a huge rectangle, one long shared string referenced many times,
// a JSON report of millions of empty rows, pasted text with a million body
// rows or lines of a thousand cells). Tests of render/xlsx, render/text,
// bieu and examples/kstt use them; `go test ./internal/hostile -run
// TestWriteFiles` with KSTT_HOSTILE_DIR set writes them as files, for
// measuring the command-line tool.
package hostile

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
)

// Sheet is one worksheet of a generated workbook: its name and the XML of
// its <sheetData> content (the <row> elements).
type Sheet struct {
	Name string
	Rows string
}

// XLSX zips a minimal workbook: the sheets in order, and a shared-strings
// part holding sst (each a plain <si><t>…</t></si>) when sst is not nil.
// Compression is the default deflate, so repetitive XML stays small.
func XLSX(sheets []Sheet, sst []string) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	put := func(name, body string) {
		w, err := zw.Create(name)
		if err != nil {
			panic(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			panic(err)
		}
	}
	const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	const relNS = `http://schemas.openxmlformats.org/officeDocument/2006/relationships`
	var ct, wb, rels strings.Builder
	ct.WriteString(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`)
	wb.WriteString(`<?xml version="1.0" encoding="UTF-8"?><workbook ` + ns + `><sheets>`)
	rels.WriteString(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i, s := range sheets {
		fmt.Fprintf(&ct, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i+1)
		fmt.Fprintf(&wb, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, xmlEscape(s.Name), i+1, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="%s/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, relNS, i+1)
	}
	if sst != nil {
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="%s/sharedStrings" Target="sharedStrings.xml"/>`, len(sheets)+1, relNS)
	}
	ct.WriteString(`</Types>`)
	wb.WriteString(`</sheets></workbook>`)
	rels.WriteString(`</Relationships>`)
	put("[Content_Types].xml", ct.String())
	put("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="`+relNS+`/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	put("xl/workbook.xml", wb.String())
	put("xl/_rels/workbook.xml.rels", rels.String())
	for i, s := range sheets {
		put(fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), `<?xml version="1.0" encoding="UTF-8"?><worksheet `+ns+`><sheetData>`+s.Rows+`</sheetData></worksheet>`)
	}
	if sst != nil {
		var sb strings.Builder
		fmt.Fprintf(&sb, `<?xml version="1.0" encoding="UTF-8"?><sst %s count="%d" uniqueCount="%d">`, ns, len(sst), len(sst))
		for _, s := range sst {
			sb.WriteString("<si><t>" + xmlEscape(s) + "</t></si>")
		}
		sb.WriteString("</sst>")
		put("xl/sharedStrings.xml", sb.String())
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return b.Bytes()
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

// colName is the letters of the 1-based column n.
func colName(n int) string {
	var b []byte
	for ; n > 0; n = (n - 1) / 26 {
		b = append([]byte{byte('A' + (n-1)%26)}, b...)
	}
	return string(b)
}

// SparseRows is the XML of rows 1…rows, each with a number in column A
// and one in column col (1-based): two cells a row, a rectangle of rows ×
// col.
func SparseRows(rows, col int) string {
	var b strings.Builder
	far := colName(col)
	for r := 1; r <= rows; r++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d"><v>1</v></c><c r="%s%d"><v>2</v></c></row>`, r, r, far, r)
	}
	return b.String()
}

// SparseXLSX is a workbook of sheets worksheets, each of rows sparse rows
// reaching column col (see SparseRows).
func SparseXLSX(sheets, rows, col int) []byte {
	body := SparseRows(rows, col)
	ss := make([]Sheet, sheets)
	for i := range ss {
		ss[i] = Sheet{Name: fmt.Sprintf("Sheet%d", i+1), Rows: body}
	}
	return XLSX(ss, nil)
}

// SharedStringXLSX is a workbook of one sheet whose refs cells (in rows of
// 10) all reference one shared string of n bytes ("A" repeated, with a
// space every 100 bytes so that it is text, not a token).
func SharedStringXLSX(n, refs int) []byte {
	s := LongText(n)
	var b strings.Builder
	for i := 0; i < refs; i++ {
		r, c := i/10+1, i%10+1
		if c == 1 {
			if i > 0 {
				b.WriteString("</row>")
			}
			fmt.Fprintf(&b, `<row r="%d">`, r)
		}
		fmt.Fprintf(&b, `<c r="%s%d" t="s"><v>0</v></c>`, colName(c), r)
	}
	if refs > 0 {
		b.WriteString("</row>")
	}
	return XLSX([]Sheet{{Name: "II.06a", Rows: b.String()}}, []string{s})
}

// LongText is n bytes of words.
func LongText(n int) string {
	word := strings.Repeat("a", 99) + " "
	return strings.Repeat(word, n/len(word)+1)[:n]
}

// EmptyRowsJSON is a JSON report with one II.06a whose rows are n empty
// objects.
func EmptyRowsJSON(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"header":{"unit":"Sở X","recipient":"UBND tỉnh","period":"Quý II năm 2024"},"forms":[{"code":"II.06a","form":{"rows":[`)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("{}")
	}
	b.WriteString(`]}}]}`)
	return b.Bytes()
}

// pastedHead is the code line and header of an II.06a pasted as text.
const pastedHead = "Biểu số II.06a/VPCP/KSTT\n" +
	"STT\tLĩnh vực giải quyết\tTổng số\tTrực tuyến\tTrực tiếp, dịch vụ bưu chính công ích\tTừ kỳ trước chuyển qua\tTổng số\tTrước hạn\tĐúng hạn\tQuá hạn\tTổng số\tTrong hạn\tQuá hạn\n" +
	"(1)\t(2)\t(3)=(4)+(5)+(6)\t(4)\t(5)\t(6)\t(7)=(8)+(9)+(10)\t(8)\t(9)\t(10)\t(11)=(12)+(13)\t(12)\t(13)\n"

// PastedRows is pasted text: an II.06a with n body rows, then TỔNG CỘNG.
func PastedRows(n int) []byte {
	var b bytes.Buffer
	b.WriteString(pastedHead)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "%d\tLĩnh vực %d\t1\t1\t0\t0\t1\t0\t1\t0\t0\t0\t0\n", i, i)
	}
	fmt.Fprintf(&b, "\tTỔNG CỘNG\t%d\t%d\t0\t0\t%d\t0\t%d\t0\t0\t0\t0\n", n, n, n, n)
	return b.Bytes()
}

// PastedWide is pasted text of lines lines, each of cells tab-separated
// cells: all empty but the last, "x".
func PastedWide(lines, cells int) []byte {
	line := strings.Repeat("\t", cells-1) + "x\n"
	return bytes.Repeat([]byte(line), lines)
}

// Part returns the content of the part name of the zip archive data, or
// nil.
func Part(data []byte, name string) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil
	}
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil
		}
		defer rc.Close()
		var b bytes.Buffer
		if _, err := b.ReadFrom(rc); err != nil {
			return nil
		}
		return b.Bytes()
	}
	return nil
}

// Rezip copies the zip archive base with the parts named in replace
// replaced by their new content (added when base lacks them): a fuzz
// target mutates a part's XML and zips it, so that mutations reach the
// XML parser instead of failing the zip's checksums.
func Rezip(base []byte, replace map[string][]byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(base), int64(len(base)))
	if err != nil {
		panic(err)
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	done := map[string]bool{}
	put := func(name string, body []byte) {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
		if err != nil {
			panic(err)
		}
		w.Write(body)
	}
	for _, f := range zr.File {
		if body, ok := replace[f.Name]; ok {
			put(f.Name, body)
			done[f.Name] = true
			continue
		}
		rc, err := f.Open()
		if err != nil {
			panic(err)
		}
		var body bytes.Buffer
		body.ReadFrom(rc)
		rc.Close()
		put(f.Name, body.Bytes())
	}
	for name, body := range replace {
		if !done[name] {
			put(name, body)
		}
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return b.Bytes()
}
