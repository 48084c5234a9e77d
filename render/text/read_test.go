package text

import (
	"bytes"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"

	"github.com/baocaodinhky/vpcp/kstt/grid"
)

func readOne(t *testing.T, s string) *grid.Grid {
	t.Helper()
	gs, err := ReadPasted(strings.NewReader(s), "doc.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(gs) != 1 {
		t.Fatalf("got %d grids", len(gs))
	}
	return gs[0]
}

func TestReadPastedLinesAndCells(t *testing.T) {
	in := "\uFEFFBiểu số II.06a/VPCP/KSTT\r\n\r\n**TÌNH HÌNH, KẾT QUẢ\r\nHÀNH CHÍNH**\r\nSTT\tLĩnh vực\t  Tổng  số \t\t\r\n1\tLĩnh\u00a0vực lãnh sự\t02\r## II. ĐÁNH GIÁ CHUNG\n| STT | Lĩnh vực | (3) |\n|---|:--:|---|\n| 1 | a \\| b | 5 |\nlast line without end"
	g := readOne(t, in)
	if !g.Text || g.Name != "doc.txt" {
		t.Fatalf("grid %+v", g)
	}
	want := [][]string{
		{"Biểu số II.06a/VPCP/KSTT"},
		nil,
		{"TÌNH HÌNH, KẾT QUẢ"},
		{"HÀNH CHÍNH"},
		{"STT", "Lĩnh vực", "Tổng số"},
		{"1", "Lĩnh vực lãnh sự", "02"},
		{"II. ĐÁNH GIÁ CHUNG"},
		{"STT", "Lĩnh vực", "(3)"},
		nil,
		{"1", "a | b", "5"},
		{"last line without end"},
	}
	if len(rowsOf(g)) != len(want) {
		t.Fatalf("%d rows, want %d: %v", len(rowsOf(g)), len(want), rowsOf(g))
	}
	for i, w := range want {
		var got []string
		for _, c := range rowsOf(g)[i] {
			got = append(got, c.Text)
		}
		if strings.Join(got, "|") != strings.Join(w, "|") || len(got) != len(w) {
			t.Errorf("row %d = %q, want %q", i, got, w)
		}
	}
	if a := g.Addr(5, 2); a != "doc.txt:L6:C3" {
		t.Errorf("Addr = %s", a)
	}
}

func TestReadPastedNFDAndCR(t *testing.T) {
	nfd := norm.NFD.String("Lĩnh vực lãnh sự\tTỔNG CỘNG")
	g := readOne(t, "a\rb\r\r"+nfd+"\r")
	if len(rowsOf(g)) != 4 {
		t.Fatalf("rows %v", rowsOf(g))
	}
	if got := rowsOf(g)[3][0].Text; got != "Lĩnh vực lãnh sự" || !norm.NFC.IsNormalString(rowsOf(g)[3][1].Text) {
		t.Errorf("NFD not normalised: %v", rowsOf(g)[3])
	}
	// A CR at the edge of the reader's buffer, then an LF: one line end.
	g2, err := ReadPasted(iotest.OneByteReader(strings.NewReader("x\r\ny\r\n")), "one")
	if err != nil || len(rowsOf(g2[0])) != 2 {
		t.Fatalf("one-byte reader: %v %v", err, g2)
	}
}

func TestReadPastedUTF16(t *testing.T) {
	enc := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder()
	b, err := enc.Bytes([]byte("Kỳ báo cáo: Quý II năm 2024\r\nSTT\tLĩnh vực\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	g := readOne(t, string(b))
	if rowsOf(g)[0][0].Text != "Kỳ báo cáo: Quý II năm 2024" || rowsOf(g)[1][1].Text != "Lĩnh vực" {
		t.Errorf("UTF-16 not decoded: %v", rowsOf(g))
	}
	be := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder()
	b, _ = be.Bytes([]byte("Đơn vị\tx"))
	if g := readOne(t, string(b)); rowsOf(g)[0][0].Text != "Đơn vị" {
		t.Errorf("UTF-16BE: %v", rowsOf(g))
	}
}

func TestReadPastedErrors(t *testing.T) {
	cases := []struct {
		name string
		in   string
		opts PasteOptions
		want error
		line int
	}{
		{"long line", "ok\n" + strings.Repeat("x", 200) + "\n", PasteOptions{MaxLineBytes: 100}, ErrLineTooLong, 2},
		{"too many bytes", strings.Repeat("abc\n", 100), PasteOptions{MaxBytes: 50}, ErrPasteTooLarge, 0},
		{"too many lines", strings.Repeat("a\n", 11), PasteOptions{MaxLines: 10}, ErrPasteTooLarge, 11},
		{"too many fields", strings.Repeat("\tx", 20), PasteOptions{MaxFields: 10}, ErrPasteTooLarge, 1},
		{"NUL", "abc\x00def", PasteOptions{}, ErrNotText, 1},
		{"latin-1", "L\xeanh v\xf5c", PasteOptions{}, ErrNotText, 1},
		{"xlsx", "PK\x03\x04\x14\x00\x00\x00\x08\x00", PasteOptions{}, ErrNotText, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadPastedOptions(strings.NewReader(c.in), "bad.txt", c.opts)
			if !errors.Is(err, c.want) {
				t.Fatalf("err = %v, want %v", err, c.want)
			}
			var pe *PasteError
			if !errors.As(err, &pe) || pe.Line != c.line || pe.Name != "bad.txt" {
				t.Fatalf("PasteError = %+v, want line %d", pe, c.line)
			}
		})
	}
	if _, err := ReadPastedOptions(strings.NewReader("x"), "n", PasteOptions{MaxBytes: -1}); err == nil {
		t.Error("a negative bound must fail")
	}
	ioErr := errors.New("disk gone")
	if _, err := ReadPasted(iotest.ErrReader(ioErr), "r"); !errors.Is(err, ioErr) {
		t.Errorf("I/O error not passed on: %v", err)
	}
}

func TestReadPastedSeed(t *testing.T) {
	b, err := os.ReadFile("../../../shared/seed/000_742b9db855b4b0c1.txt")
	if errors.Is(err, os.ErrNotExist) {
		t.Skip("../shared/seed is absent (a user's clone)")
	}
	if err != nil {
		t.Fatal(err)
	}
	g := readOne(t, string(b))
	found := 0
	for r := range rowsOf(g) {
		if c := g.Cell(r, 0); c.Text == "TỔNG CỘNG" || g.Cell(r, 1).Text == "TỔNG CỘNG" {
			found++
		}
	}
	if found != 4 {
		t.Errorf("found %d TỔNG CỘNG rows, want 4 (II.06a, II.07b I and II, II.08)", found)
	}
}

func FuzzReadPasted(f *testing.F) {
	f.Add([]byte("STT\tLĩnh vực\r\n1\ta\t02\n"))
	f.Add([]byte("| a | b |\n|---|\n"))
	f.Add([]byte("\xff\xfeS\x00T\x00"))
	if b, err := os.ReadFile("../../examples/kstt/testdata/seed-tables.txt"); err == nil {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		gs, err := ReadPastedOptions(bytes.NewReader(b), "f", PasteOptions{MaxBytes: 1 << 16, MaxLineBytes: 1 << 12})
		if err != nil {
			return
		}
		for _, row := range rowsOf(gs[0]) {
			for _, c := range row {
				if !norm.NFC.IsNormalString(c.Text) || strings.TrimSpace(c.Text) != c.Text {
					t.Fatalf("cell not NFC or not trimmed: %q", c.Text)
				}
			}
		}
	})
}

var _ io.Reader = (*limitReader)(nil)

func TestReadPastedQuotedCells(t *testing.T) {
	// As a spreadsheet copies cells holding a line break or a quote.
	in := "STT\t\"Trực tiếp,\r\ndịch vụ bưu chính\"\t\"say \"\"hi\"\"\"\tx\r\n1\t2\n\"unclosed\tquote\n"
	g := readOne(t, in)
	want := [][]string{{"STT", "Trực tiếp, dịch vụ bưu chính", `say "hi"`, "x"}, nil, {"1", "2"}, {`"unclosed`, "quote"}}
	if len(rowsOf(g)) != len(want) {
		t.Fatalf("rows %v", rowsOf(g))
	}
	for i, w := range want {
		var got []string
		for _, c := range rowsOf(g)[i] {
			got = append(got, c.Text)
		}
		if strings.Join(got, "|") != strings.Join(w, "|") {
			t.Errorf("row %d = %q, want %q", i, got, w)
		}
	}
	// A quote left open for more than 20 lines is read literally.
	long := "a\t\"open" + strings.Repeat("\nline", 25) + "\n"
	if g := readOne(t, long); len(rowsOf(g)) != 26 || rowsOf(g)[0][1].Text != `"open` {
		t.Errorf("unclosed quote: %v", rowsOf(g)[:2])
	}
}

// rowsOf is the grid's rows, decoded.
func rowsOf(g *grid.Grid) [][]grid.Cell {
	rows := make([][]grid.Cell, g.Len())
	for r := range rows {
		rows[r] = g.Row(r)
	}
	return rows
}

// An input over MaxBytes is too large, even when the bound cuts a
// character in two (the cut bytes are no UTF-8): never "not UTF-8 text".
func TestReadPastedOverMaxBytesCutsACharacter(t *testing.T) {
	doc := strings.Repeat("Lĩnh vực hộ tịch\n", 20)
	for max := int64(1); max < 40; max++ {
		_, err := ReadPastedOptions(strings.NewReader(doc), "d.txt", PasteOptions{MaxBytes: max})
		if !errors.Is(err, ErrPasteTooLarge) {
			t.Fatalf("MaxBytes %d: %v, want ErrPasteTooLarge", max, err)
		}
	}
}
