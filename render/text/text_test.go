package text_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"golang.org/x/text/unicode/norm"

	"github.com/baocaodinhky/vpcp/internal/vntext"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/render"
	"github.com/baocaodinhky/vpcp/render/text"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func renderString(t testing.TB, opts text.Options, sheets ...*layout.Sheet) string {
	t.Helper()
	var b bytes.Buffer
	if err := text.New(opts).Render(&b, sheets...); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return b.String()
}

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
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
		t.Errorf("output differs from %s (run go test -update and review the diff)\n--- got:\n%s", path, got)
	}
}

func plainOpts() text.Options {
	o := text.DefaultOptions()
	o.PadCounts, o.DecimalComma = false, false
	return o
}

func TestGolden(t *testing.T) {
	ascii := text.DefaultOptions()
	ascii.Style = text.ASCIIStyle
	narrow := text.DefaultOptions()
	narrow.Width = 80
	tiny := text.DefaultOptions()
	tiny.Width = 40
	for _, tc := range []struct {
		name  string
		opts  text.Options
		sheet *layout.Sheet
	}{
		{"ii06a.golden", text.DefaultOptions(), kstt.Layout(ii06a())},
		{"ii07b.golden", text.DefaultOptions(), kstt.Layout(ii07b())},
		{"ii08.golden", text.DefaultOptions(), kstt.Layout(ii08())},
		{"ii06a_ascii.golden", ascii, kstt.Layout(ii06a())},
		{"ii06a_narrow80.golden", narrow, kstt.Layout(ii06a())},
		{"ii08_narrow80.golden", narrow, kstt.Layout(ii08())},
		{"ii07b_narrow40.golden", tiny, kstt.Layout(ii07b())},
		{"ii06a_nfd_kept.golden", keepForm(), nfd(kstt.Layout(ii06a()))},
		{"rates_plain.golden", plainOpts(), rateSheet()},
		{"rates.golden", text.DefaultOptions(), rateSheet()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := renderString(t, tc.opts, tc.sheet)
			checkAligned(t, got)
			golden(t, tc.name, got)
		})
	}
}

func keepForm() text.Options {
	o := text.DefaultOptions()
	o.NoNormalize = true
	return o
}

// rateSheet is a small hand-built sheet with rates and counts above 9.
func rateSheet() *layout.Sheet {
	d := func(s string) decimal.Decimal { return decimal.RequireFromString(s) }
	row := func(kind layout.RowKind, stt, label string, n int64, rate decimal.Decimal) layout.Row {
		return layout.Row{Kind: kind, Cells: []layout.Cell{
			{Kind: layout.TextCell, Text: stt}, {Kind: layout.TextCell, Text: label},
			{Kind: layout.IntCell, Int: n}, {Kind: layout.DecimalCell, Dec: rate},
		}}
	}
	return &layout.Sheet{
		Name: "X", Code: "Biểu số X/VPCP/KSTT", Title: "TỶ LỆ THỬ",
		Measure: "Đơn vị tính: TTHC, %",
		Blocks: []layout.Block{{
			Columns: []layout.Column{{Num: 1, Kind: layout.TextColumn}, {Num: 2, Kind: layout.TextColumn},
				{Num: 3, Kind: layout.CountColumn}, {Num: 4, Kind: layout.RateColumn}},
			HeadRows: 1,
			Head:     []layout.HeadCell{{Text: "STT", RowSpan: 1, ColSpan: 1}, {Text: "Lĩnh vực", Col: 1, RowSpan: 1, ColSpan: 1}, {Text: "Số lượng TTHC", Col: 2, RowSpan: 1, ColSpan: 1}, {Text: "Tỷ lệ", Col: 3, RowSpan: 1, ColSpan: 1}},
			Numbers:  []string{"(1)", "(2)", "(3)", "(4)"},
			Rows: []layout.Row{
				row(layout.DataRow, "1", "Lĩnh vực đối ngoại", 3, d("33.33")),
				row(layout.DataRow, "2", "Lĩnh vực lãnh sự", 12, d("100")),
				row(layout.DataRow, "3", "Lĩnh vực HTQT", 0, d("0")),
				row(layout.TotalRow, "", kstt.TotalLabel, 15, d("46.67")),
			},
		}},
		Notes: []string{"Tỷ lệ (4) = số TTHC thực hiện “4 tại chỗ” ÷ số TTHC tại Bộ phận Một cửa × 100."},
	}
}

// nfd returns a deep copy of s with every text in NFD.
func nfd(s *layout.Sheet) *layout.Sheet {
	f := norm.NFD.String
	c := *s
	c.Code, c.Title, c.Unit, c.Recipient, c.Period, c.PeriodRange, c.Measure = f(c.Code), f(c.Title), f(c.Unit), f(c.Recipient), f(c.Period), f(c.PeriodRange), f(c.Measure)
	c.Notes = nil
	for _, n := range s.Notes {
		c.Notes = append(c.Notes, f(n))
	}
	c.Blocks = nil
	for _, b := range s.Blocks {
		nb := b
		nb.Title = f(b.Title)
		nb.Head = nil
		for _, h := range b.Head {
			h.Text = f(h.Text)
			nb.Head = append(nb.Head, h)
		}
		nb.Rows = nil
		for _, r := range b.Rows {
			nr := layout.Row{Kind: r.Kind}
			for _, cell := range r.Cells {
				cell.Text = f(cell.Text)
				nr.Cells = append(nr.Cells, cell)
			}
			nb.Rows = append(nb.Rows, nr)
		}
		c.Blocks = append(c.Blocks, nb)
	}
	return &c
}

// TestNFD: NFD input gives the NFC output byte for byte by default, and
// with NoNormalize keeps NFD with every line as wide as the NFC output.
func TestNFD(t *testing.T) {
	for name, s := range map[string]*layout.Sheet{
		"ii06a": kstt.Layout(ii06a()), "ii07b": kstt.Layout(ii07b()), "ii08": kstt.Layout(ii08()), "rates": rateSheet(),
	} {
		t.Run(name, func(t *testing.T) {
			d := nfd(s)
			if d.Blocks[0].Rows[0].Cells[1].Text == s.Blocks[0].Rows[0].Cells[1].Text {
				t.Fatal("fixture: NFD copy equals the NFC original")
			}
			want := renderString(t, text.DefaultOptions(), s)
			if got := renderString(t, text.DefaultOptions(), d); got != want {
				t.Errorf("NFD input, default options: output differs from NFC input\n%s", got)
			}
			kept := renderString(t, keepForm(), d)
			if kept == want {
				t.Errorf("NoNormalize: output was normalised")
			}
			if !norm.NFD.IsNormalString(kept) {
				t.Errorf("NoNormalize: output is not NFD")
			}
			wl, kl := strings.Split(want, "\n"), strings.Split(kept, "\n")
			if len(wl) != len(kl) {
				t.Fatalf("NoNormalize: %d lines, NFC %d", len(kl), len(wl))
			}
			for i := range wl {
				if vntext.Width(wl[i]) != vntext.Width(kl[i]) || norm.NFC.String(kl[i]) != wl[i] {
					t.Errorf("line %d: NFD width %d, NFC width %d\n%s\n%s", i+1, vntext.Width(kl[i]), vntext.Width(wl[i]), kl[i], wl[i])
				}
			}
		})
	}
}

// checkAligned checks that the lines of each drawn table are equally wide,
// that the output is valid UTF-8 without control characters other than the
// line feed, and that no line ends in a space.
func checkAligned(t *testing.T, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Errorf("output is not valid UTF-8")
	}
	width := -1 // width of the table being read, -1 outside tables
	for i, line := range strings.Split(out, "\n") {
		for _, r := range line {
			if r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 {
				t.Errorf("line %d: control character %U", i+1, r)
			}
		}
		if strings.HasSuffix(line, " ") {
			t.Errorf("line %d ends in a space: %q", i+1, line)
		}
		switch {
		case width < 0 && (strings.HasPrefix(line, "┌") || strings.HasPrefix(line, "+-")):
			width = vntext.Width(line) // a table starts
		case width >= 0 && line != "" && strings.ContainsAny(line[:1], "│├╞└+|"):
			if w := vntext.Width(line); w != width {
				t.Errorf("line %d is %d wide, the table %d:\n%s", i+1, w, width, out)
				return
			}
		default:
			width = -1
		}
	}
}

func TestMultipleSheets(t *testing.T) {
	a, b := kstt.Layout(ii06a()), kstt.Layout(ii08())
	both := renderString(t, text.DefaultOptions(), a, b)
	want := renderString(t, text.DefaultOptions(), a) + "\n" + renderString(t, text.DefaultOptions(), b)
	if both != want {
		t.Errorf("two sheets are not the two outputs separated by a blank line:\n%s", both)
	}
	if got := renderString(t, text.DefaultOptions()); got != "" {
		t.Errorf("no sheets: %q, want nothing", got)
	}
}

func TestOptions(t *testing.T) {
	s := rateSheet()
	def := renderString(t, text.DefaultOptions(), s)
	plain := renderString(t, plainOpts(), s)
	for _, want := range []string{" 03 │", "33,33%", "46,67%", "100%", " 0%", " 12 │", " 0 │"} {
		if !strings.Contains(def, want) {
			t.Errorf("default options: no %q in\n%s", want, def)
		}
	}
	for _, want := range []string{" 3 │", "33.33%", "46.67%", " 12 │"} {
		if !strings.Contains(plain, want) {
			t.Errorf("plain options: no %q in\n%s", want, plain)
		}
	}
	if strings.Contains(plain, " 03 ") || strings.Contains(plain, "33,33") {
		t.Errorf("plain options padded or used a comma:\n%s", plain)
	}
	// Flags are never padded, nor are the seed's zero counts.
	out := renderString(t, text.DefaultOptions(), kstt.Layout(ii08()))
	if !strings.Contains(out, " 04 │") || strings.Contains(out, " 01 │\n") || !strings.Contains(out, " 1 │\n") {
		t.Errorf("II.08: counts padded, flag (9) not:\n%s", out)
	}
	// The zero Options: default width, no padding.
	zero := renderString(t, text.Options{}, s)
	if zero != plain {
		t.Errorf("Options{} differs from DefaultOptions without padding and comma")
	}
	if got := text.New(text.Options{Width: -5}).Options().Width; got != text.DefaultWidth {
		t.Errorf("Width -5 became %d, want DefaultWidth", got)
	}
}

func TestWidthLimit(t *testing.T) {
	widest := func(out string) int {
		m := 0
		for _, line := range strings.Split(out, "\n") {
			m = max(m, vntext.Width(line))
		}
		return m
	}
	for name, s := range map[string]*layout.Sheet{"ii06a": kstt.Layout(ii06a()), "ii07b": kstt.Layout(ii07b()), "ii08": kstt.Layout(ii08()), "rates": rateSheet()} {
		o := text.DefaultOptions()
		o.Width = 1
		least := widest(renderString(t, o, s)) // the narrowest the sheet can be
		for _, w := range []int{1, 10, 40, 60, 80, 100, 120, 160, 200, 1000} {
			o.Width = w
			out := renderString(t, o, s)
			checkAligned(t, out)
			// The output fits the width whenever the sheet can; it never
			// grows past what it needs when it cannot.
			if got := widest(out); got > max(w, least) {
				t.Errorf("%s at width %d: a line is %d wide (narrowest possible %d)", name, w, got, least)
			}
			for _, num := range []string{"(1)", "(2)", "TỔNG CỘNG"} {
				if !strings.Contains(out, num) {
					t.Errorf("%s at width %d: %q was broken", name, w, num)
				}
			}
		}
	}
}

type failWriter struct{ n int }

var errDisk = errors.New("disk full")

func (f *failWriter) Write(p []byte) (int, error) {
	if f.n <= 0 {
		return 0, errDisk
	}
	f.n--
	return len(p), nil
}

func TestErrors(t *testing.T) {
	r := text.New(text.DefaultOptions())
	var b bytes.Buffer
	err := r.Render(&b, kstt.Layout(ii06a()), nil)
	if !errors.Is(err, render.ErrNilSheet) || b.Len() != 0 {
		t.Errorf("nil sheet: err %v, wrote %d bytes; want ErrNilSheet and nothing", err, b.Len())
	}
	if err := r.Render(&failWriter{}, kstt.Layout(ii06a())); !errors.Is(err, errDisk) {
		t.Errorf("failing writer: %v, want errDisk", err)
	}
	big := bigII06a(3000)
	if err := r.Render(&failWriter{n: 1}, big); !errors.Is(err, errDisk) {
		t.Errorf("writer failing on its second write: %v, want errDisk", err)
	}
	if r.Format() != "text" {
		t.Errorf("Format = %q", r.Format())
	}
}

func TestRegistry(t *testing.T) {
	reg := render.NewRegistry()
	if err := reg.Register(text.New(text.DefaultOptions())); err != nil {
		t.Fatal(err)
	}
	if err := reg.Register(text.New(text.Options{Style: text.ASCIIStyle})); !errors.Is(err, render.ErrDuplicate) {
		t.Errorf("second text renderer: %v, want ErrDuplicate", err)
	}
}

// TestLargeSheet renders many rows (output is flushed in pieces) and checks
// the rows come out whole and in order.
func TestLargeSheet(t *testing.T) {
	out := renderString(t, text.DefaultOptions(), bigII06a(5000))
	checkAligned(t, out)
	for _, want := range []string{"│ 4999 │ Lĩnh vực thứ 4999 của đơn vị", "│ 5000 │ Lĩnh vực thứ 5000 của đơn vị", "TỔNG CỘNG"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q", want)
		}
	}
}
