package xlsxsheet

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// scanEvents lists what a Scanner reads of a worksheet's XML: each event
// with the cell or row it gives, then the error that ended it.
func scanEvents(in []byte, r io.Reader, limit int) []string {
	if r == nil {
		r = bytes.NewReader(in)
	}
	s := &Scanner{Row: -1, col: -1, t: newTokenizer(r), MaxText: limit}
	var out []string
	for range 10_000 {
		ev, err := s.Next()
		if err != nil {
			return append(out, "error "+err.Error())
		}
		c := s.Cell
		switch ev {
		case CellRead:
			out = append(out, fmt.Sprintf("cell %d,%d ref=%q t=%q s=%d v=%q/%v is=%q/%v f=%q/%v si=%q",
				c.Row, c.Col, c.Ref, c.Type, c.Style, c.V, c.HasV, c.IS, c.HasIS, c.F, c.HasF, c.SI))
		case MergeRead:
			out = append(out, "merge "+s.MergeRef)
		default:
			out = append(out, fmt.Sprintf("event %d row %d", ev, s.Row))
		}
	}
	return append(out, "too many events")
}

var cellCases = []string{
	`<worksheet><sheetData></row><row r="01"><c r="A1"><v>1</v></c></row></row><row r="7"/><row r="1234567890"></row><row r="0"></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="2" spans="1:3"><c r="A2"><v>1</v></c></row ><row r="3"><c r="A3"><v>1</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="2" spans="1:3" x14ac:dyDescent="0.25"></row><row r="3" x:r="9"></row><row r="4" 1a="x"></row><row r="5" a="&amp;"></row><row r="6" a:b:r="1"></row><row r="7" r="8"></row><row r="9" a="x" ></row><row r="10" a="<"></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="3"><v>45366.354</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="2"><c r="A2"><v></v></c><c r="B2" t="s"><v>1</v ></c><c r="C2"><v>1&amp;2</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row><c r="A1" t="str"><f>A2</f><v>x</v></c><c t="inlineStr"><is><t>Hộ tịch</t></is></c><c r="C1"><v>a]]>b</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="1"><c r="A1"><v>12345678901234567890</v></c><c r="B1"><v>1</v></x></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="3"><c r="A3"/><c r="B3"><v>` + "a\r\nb" + `</v></c></row></sheetData><mergeCells><mergeCell ref="A1:B1"/></mergeCells></worksheet>`,
	`<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c`,
	`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Hộ tịch</t></is></c><c r="B1" t="inlineStr"><is><t></t></is></c><c r="C1" t="inlineStr"><is><t>a` + "\xff" + `b</t></is></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve"> x </t></is></c><c r="B1" t="inlineStr"><is><r><t>a</t></r><t>b</t></is></c></row></sheetData></worksheet>`,
}

// TestCellFastPath: the cells read with Scanner.plainValue are those the
// general loop reads, on whole and on byte-by-byte input (where the fast
// path meets the end of the buffer), with a text limit too.
func TestCellFastPath(t *testing.T) {
	for _, c := range cellCases {
		compareFastPath(t, []byte(c))
	}
	// A long sheet, so that cells straddle the tokenizer's buffer.
	var b strings.Builder
	b.WriteString(`<worksheet><sheetData>`)
	for i := range 5000 {
		fmt.Fprintf(&b, `<row r="%d" spans="1:3" x14ac:dyDescent="0.25"><c r="A%d" t="s"><v>%d</v></c><c r="B%d" s="3"><v>%d.5</v></c><c r="C%d" t="inlineStr"><is><t>Đăng ký %d</t></is></c></row>`, i+1, i+1, i, i+1, i*7, i+1, i)
	}
	b.WriteString(`</sheetData></worksheet>`)
	compareFastPath(t, []byte(b.String()))
}

func compareFastPath(t *testing.T, in []byte) {
	t.Helper()
	defer func() { cellFastPath = true }()
	for _, limit := range []int{0, 3} {
		cellFastPath = false
		want := scanEvents(in, nil, limit)
		wantOne := scanEvents(nil, iotest.OneByteReader(bytes.NewReader(in)), limit)
		cellFastPath = true
		got := scanEvents(in, nil, limit)
		gotOne := scanEvents(nil, iotest.OneByteReader(bytes.NewReader(in)), limit)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("limit %d: fast path gives\n%s\nwant\n%s", limit, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if strings.Join(gotOne, "\n") != strings.Join(wantOne, "\n") {
			t.Fatalf("limit %d, one byte a read: fast path gives\n%s\nwant\n%s", limit, strings.Join(gotOne, "\n"), strings.Join(wantOne, "\n"))
		}
	}
}

// FuzzCellFastPath: on any input the Scanner reads the same events, cells
// and error with and without the fast path for plain cells.
//
//	go test -run '^$' -fuzz '^FuzzCellFastPath$' -fuzztime 30s -fuzzminimizetime=0 ./internal/xlsxsheet
func FuzzCellFastPath(f *testing.F) {
	for _, c := range cellCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		compareFastPath(t, in)
	})
}

// sharedAll reads the strings of a shared-strings part sst with
// ReadShared, limit bytes each, or its error.
func sharedAll(t testing.TB, sst string, limit int) []string {
	data := pkg(t, "[Content_Types].xml", `<Types/>`, "_rels/.rels", rootRels,
		"xl/workbook.xml", `<workbook><sheets><sheet name="S" sheetId="1" r:id="r1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels", bookRels, "xl/sst.xml", sst, "xl/worksheets/s.xml", "<worksheet/>")
	bk, err := Open(bytes.NewReader(data), int64(len(data)), 1<<30)
	if err != nil {
		return []string{"open " + err.Error()}
	}
	st, err := bk.ReadShared(SharedOptions{Limit: func() int { return limit }})
	if err != nil {
		return []string{"error " + err.Error()}
	}
	var out []string
	for i := range st.Len() {
		s, _ := st.Get(i)
		out = append(out, s)
	}
	return out
}

var sharedCases = []string{
	`<sst><si><t>Mã hồ sơ</t></si><si><t>000.20.31.H12-1</t></si><si><t></t></si><si><t>a &amp; b</t></si><si><t xml:space="preserve"> x  y </t></si></sst>`,
	`<sst><si><r><t>Hộ </t></r><r><t>tịch</t></r><rPh><t>x</t></rPh></si><si><t>a</t><t>b</t></si><si><t>` + "\xff" + `</t></si></sst>`,
	`<sst><si><t>abcdef</t></si><si><t>` + "a\r\nb" + `</t></si><si><t>a]]>b</t></si><si><t>x</t></si ></sst>`,
	`<sst><si><t>x</t></si><si><t>y</t>`,
}

// TestSharedFastPath: ReadShared's fast path for <si><t>TEXT</t></si>
// gives the strings and errors of the general readText, with a limit too.
func TestSharedFastPath(t *testing.T) {
	for _, c := range sharedCases {
		compareSharedFastPath(t, c)
	}
	var b strings.Builder
	b.WriteString("<sst>")
	for i := range 20_000 {
		fmt.Fprintf(&b, "<si><t>000.20.31.H12-%06d</t></si><si><t>Đăng ký %d</t></si>", i, i)
	}
	compareSharedFastPath(t, b.String()+"</sst>")
}

func compareSharedFastPath(t *testing.T, sst string) {
	t.Helper()
	defer func() { cellFastPath = true }()
	for _, limit := range []int{1 << 20, 4} {
		cellFastPath = false
		want := sharedAll(t, sst, limit)
		cellFastPath = true
		if got := sharedAll(t, sst, limit); strings.Join(got, "\x00") != strings.Join(want, "\x00") {
			t.Fatalf("limit %d: fast path gives %q, want %q", limit, got, want)
		}
	}
}

// FuzzSharedFastPath: on any shared-strings part ReadShared reads the same
// strings or error with and without the fast path.
//
//	go test -run '^$' -fuzz '^FuzzSharedFastPath$' -fuzztime 30s -fuzzminimizetime=0 ./internal/xlsxsheet
func FuzzSharedFastPath(f *testing.F) {
	for _, c := range sharedCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, sst string) {
		compareSharedFastPath(t, sst)
	})
}
