package tally

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"
	"unsafe"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// nextSlow is next with every record read by unquote, the path every
// record with a quote took before splitLine read quoted fields in place:
// the reference splitLine is held to.
func (s *csvScanner) nextSlow() ([]Cell, int, error) {
	s.size = 0
	line, errRead := s.recordLine()
	if errRead == io.EOF {
		return nil, 0, errRead
	}
	if errRead != nil {
		return nil, s.line + 1, errRead
	}
	s.fields = s.fields[:0]
	return s.unquote(line, s.line)
}

// scanSlow is scanAll with nextSlow.
func scanSlow(in []byte, sep byte, r func(io.Reader) io.Reader) ([][]string, []int, error) {
	return scanWith(in, sep, r, (*csvScanner).nextSlow)
}

// sameAsReferences checks the scanner on in against encoding/csv and
// against nextSlow: the same records, lines and error.
func sameAsReferences(t *testing.T, in string, sep byte, r func(io.Reader) io.Reader, name string) {
	t.Helper()
	want, wantLines, werr := csvAll([]byte(in), sep)
	slow, slowLines, serr := scanSlow([]byte(in), sep, r)
	got, lines, err := scanAll(t, []byte(in), sep, r)
	if (err != nil) != (werr != nil) || !cmp.Equal(want, got) || !cmp.Equal(wantLines, lines) {
		t.Errorf("%q sep %q %s: got %q lines %v (%v), encoding/csv %q lines %v (%v)", in, sep, name, got, lines, err, want, wantLines, werr)
	}
	if (err != nil) != (serr != nil) || !cmp.Equal(slow, got) || !cmp.Equal(slowLines, lines) {
		t.Errorf("%q sep %q %s: got %q lines %v (%v), the unquote path %q lines %v (%v)", in, sep, name, got, lines, err, slow, slowLines, serr)
	}
}

// TestCSVScannerQuoted: records with quoted fields read as encoding/csv
// and the unquote path read them, whichever path takes them; the ones
// splitLine takes (fast) have their fields in the line, not copied.
func TestCSVScannerQuoted(t *testing.T) {
	many := strings.Repeat("\"q\",", 70) + "x\n" // 71 fields, 70 quoted
	cases := []struct {
		in   string
		fast bool // splitLine takes its first record
	}{
		{"a,\"b,c\",d\n", true},
		{"\"a\",b\n", true},
		{"a,\"b\"\n", true},
		{"a,\"b\"", true}, // no final line end
		{"\"a\"\r\n", true},
		{"a,\"b\",\"c\"\r\n", true},
		{"\"\",\"\",\"\"\n", true},
		{"\"Chứng thực chữ ký trong các giấy tờ, văn bản\",Hộ tịch,\"x;y\"\n", true},
		{"a\"b,\"c\"\n", true},    // a quote inside an unquoted field, then a quoted one
		{"a\"b\"c,d\n", true},     // quotes inside an unquoted field
		{"ab\",\"cd\",e\n", true}, // an unquoted field ending in a quote
		{"\"a,b\",\"c\n", false},  // the second goes on past the line
		{"\"\"\"a\",b\n", false},  // "" at the start
		{"\"a\"\"b\",c\n", false}, // in the middle
		{"\"a\"\"\",c\n", false},  // at the end
		{"x,\"\"\"\"\n", false},   // only ""
		{"\"a\nb\",c\nd\n", false},
		{"\"a\r\nb\"\r\n", false},
		{"\"\n", false},           // a lone quote
		{"a,\"\n", false},         // a lone quote opening the last field
		{"\"abc\"def,g\n", false}, // text after the closing quote
		{"\"abc\"def\n", false},
		{"\"a\" ,b\n", false},
		{"\"open", false},
		{"\"a\",\"b\"x\n", false},
		{many, true},
		{strings.Repeat("\"q\",", 63) + "\"z\"\n", true}, // the 64th field quoted
	}
	for _, c := range cases {
		line := []byte(c.in)
		if i := bytes.IndexByte(line, '\n'); i >= 0 {
			line = line[:i]
		}
		line = bytes.TrimSuffix(line, []byte("\r"))
		if _, ok := splitLine(line, ',', nil); ok != c.fast {
			t.Errorf("%q: splitLine ok %v, want %v", c.in, ok, c.fast)
		}
		for _, sep := range []byte{',', ';', '\t'} {
			in := c.in
			if sep != ',' {
				in = strings.ReplaceAll(in, ",", string(sep))
			}
			for name, r := range map[string]func(io.Reader) io.Reader{"whole": func(r io.Reader) io.Reader { return r }, "one byte": iotest.OneByteReader} {
				sameAsReferences(t, in, sep, r, name)
			}
		}
	}
	// The fields of a fast record are the line's bytes.
	sc := newCSVScanner(bufio.NewReaderSize(strings.NewReader("a,\"b,c\",\"d\"\n"), 64), ',', 1<<20)
	f, _, err := sc.next()
	if err != nil || len(f) != 3 || f[1].Text != "b,c" || f[2].Text != "d" {
		t.Fatalf("%+v %v", f, err)
	}
	if p := uintptr(unsafe.Pointer(unsafe.StringData(f[1].Text))); len(sc.buf) != 0 || p != uintptr(unsafe.Pointer(unsafe.StringData(f[0].Text)))+3 {
		t.Errorf("the quoted field was copied (buf %q)", sc.buf)
	}
}

// TestCSVScannerRandomQuotes holds the scanner to encoding/csv and to the
// unquote path on random texts made of the bytes that matter: quotes,
// the three separators, LF, CR, spaces, letters and a two-byte letter.
func TestCSVScannerRandomQuotes(t *testing.T) {
	tokens := []string{"a", "b", "ộ", "\"", "\"\"", ",", ";", "\t", "\n", "\r\n", "\r", " ", "\",", ",\"", "\"\n"}
	rng := rand.New(rand.NewPCG(19, 6))
	n := 20000
	if testing.Short() {
		n = 2000
	}
	for i := range n {
		var b strings.Builder
		for range 1 + rng.IntN(40) {
			b.WriteString(tokens[rng.IntN(len(tokens))])
		}
		in := b.String()
		sep := []byte{',', ';', '\t'}[i%3]
		sameAsReferences(t, in, sep, func(r io.Reader) io.Reader { return r }, "whole")
		if i%10 == 0 {
			sameAsReferences(t, in, sep, iotest.OneByteReader, "one byte")
		}
	}
}

// TestValidCells: validCells is "every cell not in skip is UTF-8", for
// rows of up to 70 cells (past the 64 bits of skip) and any skip.
func TestValidCells(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 19))
	texts := []string{"", "Hộ tịch", "02/05/2024 08:00", "x\xff", "\xe1\xbb", "ab"}
	for range 5000 {
		cells := make([]Cell, rng.IntN(71))
		for i := range cells {
			cells[i].Text = texts[rng.IntN(len(texts))]
		}
		skip := rng.Uint64()
		want := true
		for i, c := range cells {
			if (i >= 64 || skip&(1<<i) == 0) && !utf8.ValidString(c.Text) {
				want = false
			}
		}
		if got := validCells(cells, skip); got != want {
			t.Fatalf("%d cells, skip %#x: %v, want %v", len(cells), skip, got, want)
		}
	}
}

// TestAppendFields: appendFields against a byte-at-a-time loop, for every
// from and to of random lines (the masked last word included).
func TestAppendFields(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 8))
	for range 300 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			b[i] = ",a;"[rng.IntN(3)]
		}
		for from := 0; from <= len(b); from++ {
			for to := from; to <= len(b); to++ {
				start := rng.IntN(from + 1)
				got, gotStart := appendFields(nil, b, from, to, start, ',')
				var want []Cell
				wantStart := start
				for i := from; i < to; i++ {
					if b[i] == ',' {
						want = append(want, Cell{Text: string(b[wantStart:i])})
						wantStart = i + 1
					}
				}
				if !cmp.Equal(got, want, cmpopts.EquateEmpty()) || gotStart != wantStart {
					t.Fatalf("%q [%d:%d] from %d: %v %d, want %v %d", b, from, to, start, got, gotStart, want, wantStart)
				}
			}
		}
	}
}

// TestReadCSVMaxRowBytes: a row whose fields hold more than MaxRowBytes
// bytes of text stops the reader (ErrOverLimit, with its size), one of
// exactly MaxRowBytes does not, whatever its separators and quotes add;
// a row over the bound that is not UTF-8 is ErrCorrupt first.
func TestReadCSVMaxRowBytes(t *testing.T) {
	head := "Mã hồ sơ,Lĩnh vực,Ngày tiếp nhận,Ghi chú\n"
	row := func(note string) string { return "H1,Hộ tịch,02/05/2024 08:00,\"" + note + "\"\n" }
	fixed := len("H1") + len("Hộ tịch") + len("02/05/2024 08:00")
	for name, c := range map[string]struct {
		in      string
		wantErr error
		detail  string
	}{
		"at the bound":   {head + row(strings.Repeat("x", 200-fixed)), nil, ""},
		"one byte over":  {head + row(strings.Repeat("x", 201-fixed)), ErrOverLimit, "a row of 201 bytes"},
		"over, not UTF8": {head + row(strings.Repeat("x", 300)+"\xff"), ErrCorrupt, "not UTF-8"},
	} {
		var last error
		n := 0
		for _, err := range ReadCSV(strings.NewReader(c.in), ReadOptions{MaxRowBytes: 200}) {
			if err != nil {
				last = err
				continue
			}
			n++
		}
		if c.wantErr == nil {
			if last != nil || n != 1 {
				t.Errorf("%s: %d records, %v", name, n, last)
			}
			continue
		}
		if !errors.Is(last, c.wantErr) || !strings.Contains(last.Error(), c.detail) {
			t.Errorf("%s: %v, want %v (%s)", name, last, c.wantErr, c.detail)
		}
	}
}
