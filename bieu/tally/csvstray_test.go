package tally

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"testing"
)

// quoteHeader is a case list's header line, the rows below it built by the
// tests of broken quotes.
const quoteHeader = "STT,Mã hồ sơ,Tên TTHC,Lĩnh vực,Cấp,Kênh,Ngày tiếp nhận,Ngày hẹn trả,Ngày trả kết quả\n"

func quoteRow(n, proc string) string {
	return n + ",H0" + n + "," + proc + ",Chứng thực,Cấp xã,Trực tiếp,10/05/2024 11:39,13/05/2024,12/05/2024 17:25\n"
}

// readQuotedCSV reads a CSV case list, returning its codes, the rows it
// rejected and the error that stopped it.
func readQuotedCSV(t *testing.T, src string) (codes []string, rejected int, stop error) {
	t.Helper()
	for r, err := range ReadCSV(strings.NewReader(src), ReadOptions{Source: "ds.csv"}) {
		var re *RowError
		switch {
		case errors.As(err, &re):
			rejected++
		case err != nil:
			return codes, rejected, err
		default:
			codes = append(codes, r.Code)
		}
	}
	return codes, rejected, nil
}

// A quote that pairs with nothing makes the field run on to the next
// quote, swallowing the rows between: ReadCSV refuses the file, naming the
// lines, instead of counting one record where there were two.
func TestReadCSVBrokenQuote(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		row       int
		detail    []string
	}{
		{"unclosed, closed by the next row's quote",
			quoteHeader + quoteRow("1", `"Chứng thực chữ ký`) + quoteRow("2", `"Chứng thực"`) + quoteRow("3", "Chứng thực"),
			2, []string{"a quote on line 3", "lines 2–3 would read as one row"}},
		{"text after the closing quote",
			quoteHeader + quoteRow("1", `"Chứng thực"x`) + quoteRow("2", `"Chứng thực"`),
			2, []string{"a quote on line 2", "lines 2–3"}},
		{"two fields run together on one line",
			quoteHeader + quoteRow("1", `"Chứng thực" ,"bản sao"`),
			2, []string{"a quote on line 2 is neither doubled"}},
		{"open at the end of the file",
			quoteHeader + quoteRow("1", "Chứng thực") + `2,H02,"Chứng thực,Chứng thực` + "\n",
			3, []string{"still open at the end of the file"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			codes, _, err := readQuotedCSV(t, tc.src)
			var re *ReadError
			if !errors.As(err, &re) || !errors.Is(err, ErrCorrupt) || re.Row != tc.row {
				t.Fatalf("codes %v, error %v: want a *ReadError (ErrCorrupt) at row %d", codes, err, tc.row)
			}
			for _, d := range tc.detail {
				if !strings.Contains(err.Error(), d) {
					t.Errorf("%q does not say %q", err, d)
				}
			}
		})
	}
}

// Quotes that pair are read as encoding/csv reads them (the texts then
// with their spaces folded, a line break read as a space): a quoted field
// with line breaks, commas and doubled quotes, and a quote inside a field
// that does not start with one (kept as it is).
func TestReadCSVQuotesThatPair(t *testing.T) {
	src := quoteHeader +
		quoteRow("1", "\"Chứng thực chữ ký,\nbản sao\"") +
		quoteRow("2", `"Cấp bản sao ""trích lục"""`) +
		quoteRow("3", `Chứng "thực"`) +
		quoteRow("4", `""`) +
		quoteRow("5", `"""Mở đầu"`)
	codes, rejected, err := readQuotedCSV(t, src)
	if err != nil || rejected != 0 || strings.Join(codes, " ") != "H01 H02 H03 H04 H05" {
		t.Fatalf("codes %v, %d rejected, error %v", codes, rejected, err)
	}
	var procs []string
	for r, err := range ReadCSV(strings.NewReader(src), ReadOptions{}) {
		if err != nil {
			t.Fatal(err)
		}
		procs = append(procs, r.Procedure)
	}
	want := []string{"Chứng thực chữ ký, bản sao", `Cấp bản sao "trích lục"`, `Chứng "thực"`, "", `"Mở đầu`}
	if strings.Join(procs, "|") != strings.Join(want, "|") {
		t.Errorf("procedures %q, want %q", procs, want)
	}
}

// strayRecords reads in with the scanner and returns the index of the
// first record it marks stray (-1 if none) and the number of records.
func strayRecords(in []byte, sep byte) (first, n int) {
	sc := newCSVScanner(bufio.NewReaderSize(bytes.NewReader(in), 16), sep, 1<<30)
	first = -1
	for {
		_, _, err := sc.next()
		if err != nil {
			return first, n
		}
		if sc.stray > 0 && first < 0 {
			first = n
		}
		n++
	}
}

// strictFirstError reads in with encoding/csv without LazyQuotes and
// returns the index of the first record it refuses and why (-1, nil: it
// reads them all).
func strictFirstError(in []byte, sep byte) (int, error) {
	rd := csv.NewReader(bytes.NewReader(in))
	rd.Comma = rune(sep)
	rd.FieldsPerRecord = -1
	for i := 0; ; i++ {
		_, err := rd.Read()
		if err == io.EOF {
			return -1, nil
		}
		if err != nil {
			return i, err
		}
	}
}

// checkStray holds the scanner's stray mark to encoding/csv without
// LazyQuotes: the first record marked is the first one encoding/csv
// refuses with ErrQuote, and none is marked when it refuses none (a quote
// in an unquoted field, its ErrBareQuote, is no stray: the scanner keeps
// it, as LazyQuotes does, and the comparison stops there).
func checkStray(t *testing.T, in []byte, sep byte) {
	first, _ := strayRecords(in, sep)
	at, err := strictFirstError(in, sep)
	switch {
	case err == nil && first >= 0:
		t.Fatalf("%q: record %d marked stray, encoding/csv reads it all", in, first)
	case errors.Is(err, csv.ErrQuote) && first != at:
		t.Fatalf("%q: encoding/csv refuses record %d (%v), the scanner marks %d", in, at, err, first)
	case errors.Is(err, csv.ErrBareQuote) && first >= 0 && first < at:
		t.Fatalf("%q: record %d marked stray before the bare quote of record %d", in, first, at)
	}
}

func TestCSVStrayAsStrictCSV(t *testing.T) {
	for _, in := range []string{
		"", "a,b\n", "\"a\",b\n", "\"a\"b,c\n", "\"a\" ,b\n", "\"open", "\"open\n", "x\n\"a\nb\"\n", "x\n\"a\nb\"c\nd\n",
		"\"a\"\"b\",c\n", "a\"b,c\n", "a\"b,\"c\"d\n", "\"\"\"\",y\n", "\"a\"\n\n\"b\n\nc\"\n", "\"a\"\r\n", "\"a\"\rb\n",
		string(benchCSV(20)),
	} {
		for _, sep := range []byte{',', ';', '\t'} {
			checkStray(t, []byte(in), sep)
		}
	}
}

func FuzzCSVStray(f *testing.F) {
	for _, s := range []string{"a,\"b\"c\nd\n", "\"a\nb\",c\n\"d", "x;\"y\";z\n\n", string(benchCSV(5))} {
		f.Add([]byte(s), byte(','))
	}
	f.Fuzz(func(t *testing.T, in []byte, sep byte) {
		switch sep {
		case ';', '\t':
		default:
			sep = ','
		}
		checkStray(t, in, sep)
	})
}
