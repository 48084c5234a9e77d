package tally

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// scanAll reads every record of in with csvScanner: the fields and the
// line each starts on.
func scanAll(t testing.TB, in []byte, sep byte, r func(io.Reader) io.Reader) ([][]string, []int, error) {
	return scanWith(in, sep, r, (*csvScanner).next)
}

// scanWith is scanAll with the scanner's method next given.
func scanWith(in []byte, sep byte, r func(io.Reader) io.Reader, next func(*csvScanner) ([]Cell, int, error)) ([][]string, []int, error) {
	sc := newCSVScanner(bufio.NewReaderSize(r(bytes.NewReader(in)), 16), sep, 1<<30)
	var recs [][]string
	var lines []int
	for {
		f, line, err := next(sc)
		if err == io.EOF {
			return recs, lines, nil
		}
		if err != nil {
			return recs, lines, err
		}
		rec := make([]string, len(f))
		for i, c := range f {
			rec[i] = strings.Clone(c.Text) // valid until the next record only
		}
		recs = append(recs, rec)
		lines = append(lines, line)
	}
}

// csvAll reads every record of in with encoding/csv as ReadCSV used to
// run it.
func csvAll(in []byte, sep byte) ([][]string, []int, error) {
	rd := csv.NewReader(bytes.NewReader(in))
	rd.Comma = rune(sep)
	rd.FieldsPerRecord = -1
	rd.LazyQuotes = true
	var recs [][]string
	var lines []int
	for {
		f, err := rd.Read()
		if err == io.EOF {
			return recs, lines, nil
		}
		if err != nil {
			return recs, lines, err
		}
		line, _ := rd.FieldPos(0)
		recs = append(recs, f)
		lines = append(lines, line)
	}
}

func TestCSVScannerAsEncodingCSV(t *testing.T) {
	for _, in := range []string{
		"", "\n", "a", "a,b\n", "a,b\r\n\r\n\nc\n", "a,\"b,c\",d\n", "\"a\"\"b\",c\n", "\"a\nb\",c\nd\n",
		"\"open", "\"open\n", "a\"b,c\n", "\"a\"b,c\n", "\"a\" ,b\n", ",,\n", "a,b\r", "\"a\r\nb\"\r\n",
		"x,\"\"\n", "a\xc3,\xa0b\n", "\"\xc3\"\"\xa0\"\n", "\"\xc3\n\xa0\"\n", "\"Hộ\ntịch\",x\n", "x\xc3\r\n", "\"\"\"\",y\n", "\"a\"\n\n\"b\n\nc\"\n", "a;b,c\n", string(benchCSV(50)),
	} {
		for _, sep := range []byte{',', ';', '\t'} {
			want, wantLines, werr := csvAll([]byte(in), sep)
			for name, r := range map[string]func(io.Reader) io.Reader{"whole": func(r io.Reader) io.Reader { return r }, "one byte": iotest.OneByteReader} {
				got, lines, err := scanAll(t, []byte(in), sep, r)
				if (err != nil) != (werr != nil) || !cmp.Equal(want, got) || !cmp.Equal(wantLines, lines) {
					t.Errorf("%q sep %q %s: got %q lines %v (%v), encoding/csv %q lines %v (%v)", in, sep, name, got, lines, err, want, wantLines, werr)
				}
			}
		}
	}
}

// A record spanning more than the bound stops the scanner with
// errRowTooLong, whether its length is in one line or in a quoted field
// over many lines.
func TestCSVScannerBound(t *testing.T) {
	for _, in := range []string{"a,b\n" + strings.Repeat("x", 5000) + "\n", "a,b\n\"" + strings.Repeat("x\n", 2500) + "\"\n"} {
		sc := newCSVScanner(bufio.NewReaderSize(strings.NewReader(in), 16), ',', 4096)
		if _, _, err := sc.next(); err != nil {
			t.Fatal(err)
		}
		if _, line, err := sc.next(); !errors.Is(err, errRowTooLong) || line != 2 {
			t.Errorf("%.20q…: line %d, %v; want errRowTooLong at line 2", in, line, err)
		}
	}
}

// validUTF8 is utf8.ValidString.
func FuzzValidUTF8(f *testing.F) {
	for _, s := range []string{"", "Hộ tịch", "Chứng thực chữ ký trong các giấy tờ", "ab\xffcdefghij", "\xed\xa0\x80abcdefgh", "\xc0\xafabcdefghijk", "abcdefg\xe1\xba", "\xef\xbf\xbd"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if s := string(b); validUTF8(s) != utf8.ValidString(s) {
			t.Fatalf("%q: validUTF8 %v, utf8.ValidString %v", s, validUTF8(s), utf8.ValidString(s))
		}
	})
}

// FuzzCSVScanner holds csvScanner to encoding/csv (LazyQuotes,
// FieldsPerRecord -1) on any input and separator: the same records, the
// same line numbers.
func FuzzCSVScanner(f *testing.F) {
	for _, s := range []string{"a,b\r\nc,\"d\ne\"\n", "\"a\"b\"\",c\r\r\n", "x;\"y\";z\n\n", string(benchCSV(5))} {
		f.Add([]byte(s), byte(','))
	}
	f.Fuzz(func(t *testing.T, in []byte, sep byte) {
		switch sep {
		case ';', '\t':
		default:
			sep = ','
		}
		want, wantLines, werr := csvAll(in, sep)
		got, lines, err := scanAll(t, in, sep, func(r io.Reader) io.Reader { return r })
		if (err != nil) != (werr != nil) || !cmp.Equal(want, got) || !cmp.Equal(wantLines, lines) {
			t.Fatalf("%q: got %q lines %v (%v), encoding/csv %q lines %v (%v)", in, got, lines, err, want, wantLines, werr)
		}
	})
}

// A row of CSV that is not UTF-8 stops the reader at that row, wherever
// the bad byte is: in a column whose texts the read cache knows, in one
// it does not read, in the header, and in a row after many good ones.
func TestReadCSVNotUTF8(t *testing.T) {
	head := "Mã hồ sơ,Lĩnh vực,Ghi chú,Kênh,Ngày tiếp nhận\n"
	good := "H%d,Hộ tịch,ghi chú,Trực tiếp,02/05/2024 08:00\n"
	for name, c := range map[string]struct {
		bad  string
		line int
	}{
		"known column":    {"H9,H\xff tịch,ghi chú,Trực tiếp,02/05/2024 08:00\n", 52},
		"known, cut":      {"H9,Hộ t\xe1\xbb,ghi chú,Trực tiếp,02/05/2024 08:00\n", 52},
		"ignored column":  {"H9,Hộ tịch,gh\xe9 ch\xfa,Trực tiếp,02/05/2024 08:00\n", 52},
		"channel":         {"H9,Hộ tịch,ghi chú,Tr\xe1c tiếp,02/05/2024 08:00\n", 52},
		"date":            {"H9,Hộ tịch,ghi chú,Trực tiếp,02/05/2024\xa008:00\n", 52},
		"header":          {"", 1},
		"quoted, 2 lines": {"H9,\"Hộ\ntịch\xff\",ghi chú,Trực tiếp,02/05/2024 08:00\n", 52},
	} {
		var in strings.Builder
		if c.line == 1 {
			in.WriteString("Mã hồ sơ,L\xecnh vực,Ngày tiếp nhận\n")
		} else {
			in.WriteString(head)
			for i := range 50 {
				fmt.Fprintf(&in, good, i)
			}
			in.WriteString(c.bad)
			fmt.Fprintf(&in, good, 99)
		}
		var last error
		n := 0
		for _, err := range ReadCSV(strings.NewReader(in.String()), ReadOptions{Source: "x.csv"}) {
			if err != nil {
				last = err
				continue
			}
			n++
		}
		var re *ReadError
		if !errors.As(last, &re) || !errors.Is(last, ErrCorrupt) || re.Row != c.line || !strings.Contains(last.Error(), "not UTF-8") {
			t.Errorf("%s: %v after %d records, want ErrCorrupt at line %d", name, last, n, c.line)
		}
	}
}
