package tally

import (
	"bufio"
	"bytes"
	"io"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/baocaodinhky/vpcp/kstt"
)

// readAllCSV drains ReadCSV: the records, and each error's text.
func readAllCSV(t *testing.T, r io.Reader) ([]Record, []string) {
	t.Helper()
	var recs []Record
	var errs []string
	for rec, err := range ReadCSV(r, ReadOptions{Source: "ds.csv"}) {
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		recs = append(recs, rec)
	}
	return recs, errs
}

// tallyFindings tallies a CSV case list for Q3 2024: the findings.
func tallyFindings(t *testing.T, r io.Reader) []kstt.Finding {
	t.Helper()
	tl, _ := New(q3, Policy{})
	if err := tl.AddSeq2(ReadCSV(r, ReadOptions{Source: "ds.csv"})); err != nil {
		t.Fatal(err)
	}
	res, err := tl.Result(kstt.Header{Unit: "UBND xã Cẩm Bình", Recipient: "UBND huyện Cẩm Xuyên"})
	if err != nil {
		t.Fatal(err)
	}
	return res.Findings
}

// TestReadCSVLineEnds: a CR-only file (old Excel for Mac), a CRLF file and
// either with a byte-order mark give the same records, errors and
// findings — rows included — as the LF file, also when every CR falls at
// the end of a read (iotest.OneByteReader).
func TestReadCSVLineEnds(t *testing.T) {
	lf := strings.TrimPrefix(sampleCSV, "\xEF\xBB\xBF")
	wantRecs, wantErrs := readAllCSV(t, strings.NewReader(lf))
	wantFindings := tallyFindings(t, strings.NewReader(lf))
	if len(wantRecs) != 3 || len(wantErrs) != 2 || len(wantFindings) == 0 {
		t.Fatalf("the LF twin: %d records, %d errors, %d findings", len(wantRecs), len(wantErrs), len(wantFindings))
	}
	cr := strings.ReplaceAll(lf, "\n", "\r")
	crlf := strings.ReplaceAll(lf, "\n", "\r\n")
	cases := map[string]string{
		"LF+BOM":                "\xEF\xBB\xBF" + lf,
		"CR":                    cr,
		"CR+BOM":                "\xEF\xBB\xBF" + cr,
		"CRLF":                  crlf,
		"CRLF+BOM":              "\xEF\xBB\xBF" + crlf,
		"CR, no final line end": strings.TrimSuffix(cr, "\r"),
	}
	for name, in := range cases {
		for _, oneByte := range []bool{false, true} {
			rd := func() io.Reader {
				if oneByte {
					return iotest.OneByteReader(strings.NewReader(in))
				}
				return strings.NewReader(in)
			}
			recs, errs := readAllCSV(t, rd())
			if !reflect.DeepEqual(recs, wantRecs) || !reflect.DeepEqual(errs, wantErrs) {
				t.Errorf("%s (one byte a read %v): %d records %v, want %d %v", name, oneByte, len(recs), errs, len(wantRecs), wantErrs)
			}
			if got := tallyFindings(t, rd()); !reflect.DeepEqual(got, wantFindings) {
				t.Errorf("%s (one byte a read %v): findings\n%v\nwant\n%v", name, oneByte, got, wantFindings)
			}
		}
	}
	// Before the conversion, the CR-only file was one line of 67 columns.
	if recs, _ := readAllCSV(t, strings.NewReader(cr)); len(recs) != 3 {
		t.Errorf("CR-only: %d records", len(recs))
	}
}

// TestReadCSVQuotedLoneCR: a line break inside a quoted field saved as a
// lone CR reads as "\n", as LF and CRLF do; the next row keeps its line.
func TestReadCSVQuotedLoneCR(t *testing.T) {
	const lf = "Mã hồ sơ,Tên TTHC,Lĩnh vực,Ngày tiếp nhận,Ngày hẹn trả\n" +
		"H1,\"Đăng ký\nkhai sinh\",Hộ tịch,1/9/2024,5/9/2024\n" +
		"H2,Chứng thực,Chứng thực,2/9/2024,hôm nay\n"
	for name, in := range map[string]string{"LF": lf, "CR": strings.ReplaceAll(lf, "\n", "\r"), "CRLF": strings.ReplaceAll(lf, "\n", "\r\n")} {
		var cells []string
		for row, err := range csvRows(iotest.OneByteReader(strings.NewReader(in)), ReadOptions{}) {
			if err != nil {
				t.Fatal(err)
			}
			if row.Num == 2 {
				cells = append(cells, strings.Clone(row.Cells[1].Text)) // valid until the next row only
			}
		}
		if !reflect.DeepEqual(cells, []string{"Đăng ký\nkhai sinh"}) {
			t.Errorf("%s: the quoted field %q", name, cells)
		}
		recs, errs := readAllCSV(t, iotest.OneByteReader(strings.NewReader(in)))
		if len(recs) != 1 || recs[0].Code != "H1" || recs[0].Procedure != "Đăng ký khai sinh" || recs[0].Row != 2 {
			t.Errorf("%s: %+v", name, recs)
		}
		if len(errs) != 1 || !strings.Contains(errs[0], "row 4") {
			t.Errorf("%s: the bad date of H2 should be row 4 (its field spans lines 2–3): %v", name, errs)
		}
	}
}

// TestLoneCRReader: every lone CR becomes LF, CRLF stays, byte for byte,
// whatever the read sizes.
func TestLoneCRReader(t *testing.T) {
	in := "\r\ra\r\nb\rc\r\r\n\r"
	want := "\n\na\r\nb\nc\n\r\n\n"
	for _, size := range []int{1, 2, 3, 4, 64} {
		for _, oneByte := range []bool{false, true} {
			var src io.Reader = strings.NewReader(in)
			if oneByte {
				src = iotest.OneByteReader(src)
			}
			l := &loneCRReader{br: bufio.NewReaderSize(src, 16)}
			var out bytes.Buffer
			buf := make([]byte, size)
			for {
				n, err := l.Read(buf)
				out.Write(buf[:n])
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			if out.String() != want {
				t.Errorf("read size %d, one byte %v: %q, want %q", size, oneByte, out.String(), want)
			}
		}
	}
}

// TestReadCSVLoneCRSeparator: the separator is told from the first line
// also when lines end in a lone CR, not from the whole head of the file.
func TestReadCSVLoneCRSeparator(t *testing.T) {
	in := "Số biên nhận;Lĩnh vực;Ngày nhận;Hạn xử lý;Tên TTHC\r" +
		"B1;Đất đai;1/9/2024;10/9/2024;a, b, c, d, e, f, g, h, i, j, k\r" +
		"B2;Đất đai;2/9/2024;11/9/2024;a, b, c, d, e, f, g, h, i, j, k\r"
	recs, errs := readAllCSV(t, strings.NewReader(in))
	if len(errs) != 0 || len(recs) != 2 || recs[1].Code != "B2" || recs[1].Row != 3 || recs[1].Field != "Đất đai" {
		t.Errorf("%+v %v", recs, errs)
	}
}

// BenchmarkLoneCRReader: the cost of the lone-CR conversion over the
// plain bufio.Reader it wraps (the floor), on a 4 MiB case list with LF and
// with CR-only line ends, read 4 KiB at a time as encoding/csv does.
func BenchmarkLoneCRReader(b *testing.B) {
	lf := []byte(strings.Repeat(strings.TrimPrefix(sampleCSV, "\xEF\xBB\xBF"), 4<<20/len(sampleCSV)))
	cr := bytes.ReplaceAll(lf, []byte("\n"), []byte("\r"))
	buf := make([]byte, 4096)
	drain := func(b *testing.B, r io.Reader) {
		for {
			if _, err := r.Read(buf); err == io.EOF {
				return
			} else if err != nil {
				b.Fatal(err)
			}
		}
	}
	for _, in := range []struct {
		name string
		data []byte
	}{{"LF", lf}, {"CR", cr}} {
		b.Run(in.name+"/plain", func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			for b.Loop() {
				drain(b, bufio.NewReaderSize(bytes.NewReader(in.data), 64<<10))
			}
		})
		b.Run(in.name+"/loneCR", func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			for b.Loop() {
				drain(b, &loneCRReader{br: bufio.NewReaderSize(bytes.NewReader(in.data), 64<<10)})
			}
		})
	}
}
