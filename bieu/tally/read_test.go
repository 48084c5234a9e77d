package tally

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
)

func TestParseDate(t *testing.T) {
	ok := map[string]time.Time{
		"15/3/2024":                 at(15, 3, 2024, 0, 0),
		"15/03/2024 08:30":          at(15, 3, 2024, 8, 30),
		"15/03/2024 08:30:15":       at(15, 3, 2024, 8, 30).Add(15 * time.Second),
		"08:30 15/03/2024":          at(15, 3, 2024, 8, 30),
		"15-03-2024":                at(15, 3, 2024, 0, 0),
		"15.3.2024 8h30":            at(15, 3, 2024, 8, 30),
		"2024-03-15":                at(15, 3, 2024, 0, 0),
		"2024-03-15 08:30":          at(15, 3, 2024, 8, 30),
		"2024-03-15T08:30:00":       at(15, 3, 2024, 8, 30),
		"2024-03-15T01:30:00Z":      at(15, 3, 2024, 8, 30),
		"2024-03-15T08:30:00+07:00": at(15, 3, 2024, 8, 30),
		"15/03/2024 - 08:30":        at(15, 3, 2024, 8, 30),
		"15/03/2024, 08:30":         at(15, 3, 2024, 8, 30),
		"15/3/2024 8h":              at(15, 3, 2024, 8, 0),
		" 15/3/2024 ":               at(15, 3, 2024, 0, 0),
	}
	for s, want := range ok {
		got, _, good := parseDate(s, Vietnam())
		if !good || !got.Equal(want) {
			t.Errorf("%q: %v %v, want %v", s, got, good, want)
		}
	}
	for _, s := range []string{"", "15/3/24", "31/4/2024", "32/1/2024", "15/13/2024", "2024-02-30", "hôm nay", "15/3/2024 25:00", "1/2/3/4/5/6/7", "99999999999/1/2024",
		// signs and stray separators: a number written negative is not a date
		"-11/05/2024 11:39", "11/05/-2024", "11/05/2024 -1:39", "11/05/2024 11:-39", "-2024-05-11",
		"11//05/2024", "11/05/2024/", "/11/05/2024", "11/05-2024", "11/05/2024 11::39", "11/05/2024 11:39:", ":11/05/2024",
		"11/05/2024 - - 11:39", "11 - 05/2024", "T11/05/2024",
		// two dates in one cell: the second is not a time of day
		"01/05/2024, 02/05/20", "01/05/2024 02/05", "11/05/2024 11-39", "2024-05-11 02-05-20"} {
		if _, _, good := parseDate(s, Vietnam()); good {
			t.Errorf("%q accepted", s)
		}
	}
	if got, only, good := serialDate(45549.999305555555, false, Vietnam()); !good || only || !got.Equal(at(14, 9, 2024, 23, 59)) {
		t.Errorf("serial: %v %v %v", got, only, good)
	}
}

const sampleCSV = "\xEF\xBB\xBFDANH SÁCH HỒ SƠ\n" +
	"STT,Mã hồ sơ,Tên TTHC,Lĩnh vực,Cấp,Kênh,Loại DVC,Ngày tiếp nhận,Ngày hẹn trả,Ngày trả kết quả,Trạng thái\n" +
	"1,H01,Đăng ký khai sinh,Hộ tịch,Cấp xã,Trực tuyến,Toàn trình,14/9/2024 23:59,20/9/2024,,Đang xử lý\n" +
	"2,H02,Đăng ký khai sinh,Hộ tịch,Cấp xã,Trực tiếp,,15/09/2024 00:00,20/09/2024,18/09/2024 10:00,Đã trả kết quả\n" +
	"3,H03,Chứng thực bản sao,Chứng thực,Cấp xã,Bưu chính công ích,,2024-08-01,2024-08-05,2024-08-05 16:00,Trả lại\n" +
	"4,H04,Chứng thực bản sao,Chứng thực,Cấp xã,Fax,,01/08/2024,05/08/2024,,Đang xử lý\n" +
	"5,H05,Chứng thực bản sao,Chứng thực,Cấp xã,Trực tiếp,,hôm qua,05/08/2024,,Đang xử lý\n" +
	",,,,,,,,,,\n"

func TestReadCSV(t *testing.T) {
	var recs []Record
	var rowErrs []*RowError
	for r, err := range ReadCSV(strings.NewReader(sampleCSV), ReadOptions{Source: "ds.csv"}) {
		var re *RowError
		switch {
		case errors.As(err, &re):
			rowErrs = append(rowErrs, re)
		case err != nil:
			t.Fatal(err)
		default:
			recs = append(recs, r)
		}
	}
	if len(recs) != 3 || len(rowErrs) != 2 {
		t.Fatalf("%d records, %d rejected: %v", len(recs), len(rowErrs), rowErrs)
	}
	r := recs[0]
	if r.Code != "H01" || r.Field != "Hộ tịch" || r.Level != bieu.CommuneLevel || r.Channel != Online || r.Service != Full ||
		!r.Received.Equal(at(14, 9, 2024, 23, 59)) || r.Row != 3 || r.Source != "ds.csv" {
		t.Errorf("first record %+v", r)
	}
	if !r.Due.Equal(at(20, 9, 2024, 23, 59).Add(59 * time.Second)) {
		t.Errorf("a due day reads as the end of that day: %v", r.Due)
	}
	if recs[1].Outcome != Resolved || recs[2].Outcome != Returned || recs[2].Channel != Postal {
		t.Errorf("%+v %+v", recs[1], recs[2])
	}
	if e := rowErrs[0]; e.Row != 6 || e.Column != "Kênh" || e.Value != "Fax" || !errors.Is(e, ErrUnknownValue) || e.Code != "H04" {
		t.Errorf("rejected channel: %+v", e)
	}
	if e := rowErrs[1]; e.Row != 7 || !errors.Is(e, ErrBadDate) {
		t.Errorf("rejected date: %+v", e)
	}
	// Through a tally, rejected rows are findings with their row.
	tl, _ := New(q3, Policy{})
	if err := tl.AddSeq2(ReadCSV(strings.NewReader(sampleCSV), ReadOptions{Source: "ds.csv"})); err != nil {
		t.Fatal(err)
	}
	res, _ := tl.Result(kstt.Header{Unit: "UBND xã Cẩm Bình", Recipient: "UBND huyện Cẩm Xuyên"})
	rows := map[int]kstt.RuleID{}
	for _, f := range res.Findings {
		rows[f.Line] = f.Rule
	}
	if rows[6] != RuleRejectedRow || rows[7] != RuleRejectedRow || res.Stats.Rejected != 2 {
		t.Errorf("findings %v", res.Findings)
	}
	if res.Files.Online != 1 || res.Files.Direct != 1 || res.Files.OnTime != 1 || res.Files.Pending != 1 { // H01 online pending; H03 by post, returned: on time; H02 is Q4
		t.Errorf("Q3: %+v", res.Files)
	}
}

func TestReadCSVSeparatorsAndMapping(t *testing.T) {
	in := "Số biên nhận;Lĩnh vực;Ngày nhận;Hạn xử lý;Hình thức nộp\nB1;Đất đai;1/9/2024;10/9/2024;Trực tiếp\n"
	var got []Record
	for r, err := range ReadCSV(strings.NewReader(in), ReadOptions{}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, r)
	}
	if len(got) != 1 || got[0].Code != "B1" || got[0].Channel != Direct {
		t.Errorf("%+v", got)
	}
	in = "Receipt\tDomain\tIn\tBy\nB1\tĐất đai\t1/9/2024\t10/9/2024\n"
	m := map[string]Column{"Receipt": ColCode, "Domain": ColField, "In": ColReceived, "By": ColDue}
	got = got[:0]
	for r, err := range ReadCSV(strings.NewReader(in), ReadOptions{Columns: m}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, r)
	}
	if len(got) != 1 || got[0].Field != "Đất đai" {
		t.Errorf("mapped: %+v", got)
	}
}

func TestReadErrors(t *testing.T) {
	cases := []struct {
		name string
		in   string
		opts ReadOptions
		want error
	}{
		{"no header", "a,b,c\n1,2,3\n", ReadOptions{}, ErrNoHeader},
		{"not utf-8", "Mã hồ sơ,Lĩnh vực,Ngày tiếp nhận\nH1,H\xe0,1/9/2024\n", ReadOptions{}, ErrCorrupt},
		{"rows", "Mã hồ sơ,Lĩnh vực,Ngày tiếp nhận\nH1,X,1/9/2024\nH2,X,1/9/2024\n", ReadOptions{MaxRows: 1}, ErrOverLimit},
		{"cols", "Mã hồ sơ,Lĩnh vực,Ngày tiếp nhận," + strings.Repeat("x,", 300) + "\n", ReadOptions{}, ErrOverLimit},
		{"row bytes", "Mã hồ sơ,Lĩnh vực,Ngày tiếp nhận\nH1,\"" + strings.Repeat("x", 300<<10) + "\",1/9/2024\n", ReadOptions{}, ErrOverLimit},
		{"negative", "", ReadOptions{MaxRows: -1}, ErrOverLimit},
	}
	for _, c := range cases {
		var last error
		for _, err := range ReadCSV(strings.NewReader(c.in), c.opts) {
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

func TestReadJSONL(t *testing.T) {
	in := `{"Mã hồ sơ": "J1", "Lĩnh vực": "Hộ tịch", "Kênh": "trực tuyến", "Ngày tiếp nhận": "2024-09-01T08:00:00+07:00", "Ngày hẹn trả": "10/9/2024", "pauses": [{"from": "2024-09-02", "to": "2024-09-04"}]}

{"code": "J2", "field": "Hộ tịch", "channel": "trực tiếp", "received": "1/9/2024", "due": "5/9/2024", "finished": "4/9/2024 10:00", "status": "Hoàn thành"}
{"code": "J3", "field": "Hộ tịch", "received": "bad"}
[1, 2]
`
	var recs []Record
	var rowErrs, fatal int
	for r, err := range ReadJSONL(strings.NewReader(in), ReadOptions{Source: "ds.jsonl"}) {
		var re *RowError
		switch {
		case errors.As(err, &re):
			rowErrs++
			if re.Row != 4 {
				t.Errorf("row %d", re.Row)
			}
		case err != nil:
			fatal++
			if !errors.Is(err, ErrCorrupt) {
				t.Errorf("%v", err)
			}
		default:
			recs = append(recs, r)
		}
	}
	if len(recs) != 2 || rowErrs != 1 || fatal != 1 {
		t.Fatalf("%d records %d row errors %d fatal", len(recs), rowErrs, fatal)
	}
	if len(recs[0].Pauses) != 1 || recs[0].Channel != Online || recs[1].Outcome != Resolved || recs[1].Row != 3 {
		t.Errorf("%+v", recs)
	}
}

func FuzzReadCSV(f *testing.F) {
	f.Add([]byte(sampleCSV))
	f.Add([]byte("Mã hồ sơ;Lĩnh vực;Ngày tiếp nhận\n\"H1;X;1/9/2024\n"))
	f.Add([]byte(strings.ReplaceAll(sampleCSV, "\n", "\r")))                   // CR-only line ends
	f.Add([]byte("Mã hồ sơ,Tên TTHC,Lĩnh vực\r\nH1,\"a\rb\r\nc\",X\rH2,\r\r")) // mixed, in quotes too
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzSeq(t, ReadCSV(bytes.NewReader(data), ReadOptions{MaxRows: 1000, MaxRowBytes: 4096}))
	})
}

func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte(`{"code": "J2", "field": "Hộ tịch", "received": "1/9/2024", "due": "5/9/2024", "pauses": [{"from": "2024-09-02"}]}`))
	f.Add([]byte("{\"a\":1}\n[]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzSeq(t, ReadJSONL(bytes.NewReader(data), ReadOptions{MaxRows: 1000, MaxRowBytes: 4096}))
	})
}

// fuzzSeq drains a reader into a tally: typed errors only, no panic, an end.
func fuzzSeq(t *testing.T, seq func(func(Record, error) bool)) {
	tl, _ := New(q3, Policy{})
	n := 0
	for r, err := range seq {
		n++
		if n > 5000 {
			t.Fatal("no end")
		}
		if err != nil {
			var re *ReadError
			var row *RowError
			if !errors.As(err, &re) && !errors.As(err, &row) {
				t.Fatalf("untyped error %T: %v", err, err)
			}
			continue
		}
		if err := tl.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	res, err := tl.Result(kstt.Header{Unit: "Sở Tư pháp", Recipient: "UBND tỉnh"})
	if err != nil {
		t.Fatal(err)
	}
	found, _ := bieu.Check(res.Report(), kstt.CheckOptions{})
	if found.HasErrors() {
		t.Fatalf("a tally of a fuzzed list fails Check: %v", found)
	}
}

// TestReadCSVLongFirstLine: a first line beyond the bounds is an error,
// not a panic.
func TestReadCSVLongFirstLine(t *testing.T) {
	in := strings.Repeat("x", 200<<10)
	var last error
	for _, err := range ReadCSV(strings.NewReader(in), ReadOptions{}) {
		last = err
	}
	var re *ReadError
	if !errors.As(last, &re) || !errors.Is(last, ErrOverLimit) || re.Row != 1 {
		t.Errorf("%v", last)
	}
}
