package tally

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// TestReadCSVRecordsOutliveRows: the CSV scanner's fields share its
// buffers (csvScanner), so what a record or a RowError keeps must be a
// copy. Every record and error, kept until the end, still prints as it did
// when it was yielded, on a list of many buffers' worth of rows with bad
// dates, unknown values, quoted fields and a two-row header.
func TestReadCSVRecordsOutliveRows(t *testing.T) {
	var in bytes.Buffer
	in.WriteString("Sổ theo dõi,,,,,,\nMã hồ sơ,Tên TTHC,Lĩnh vực,Ngày tiếp nhận,Ngày hẹn trả,Kênh,Trạng thái\n")
	for i := range 20_000 {
		due, ch := fmt.Sprintf("%d/5/2024", 1+i%28), []string{"Trực tuyến", "Trực tiếp", "qua mạng xã hội"}[i%3]
		if i%7 == 0 {
			due = fmt.Sprintf("ngày %d", i)
		}
		proc := fmt.Sprintf("Thủ tục %d", i%50)
		if i%11 == 0 {
			proc = fmt.Sprintf("\"Thủ tục, %d\"", i%13)
		}
		fmt.Fprintf(&in, "H%06d-%s,%s,Lĩnh vực %d,1/5/2024 08:%02d,%s,%s,Đang xử lý %s\n", i, strings.Repeat("x", i%9), proc, i%5, i%60, due, ch, []string{"", "x"}[i%2])
	}
	type kept struct {
		rec  Record
		err  error
		seen string
	}
	var all []kept
	for rec, err := range ReadCSV(bytes.NewReader(in.Bytes()), ReadOptions{Source: "a.csv"}) {
		all = append(all, kept{rec, err, fmt.Sprintf("%+v %v", rec, err)})
	}
	if len(all) != 20_000 {
		t.Fatalf("%d records and errors, want 20000", len(all))
	}
	errs := 0
	for i, k := range all {
		if now := fmt.Sprintf("%+v %v", k.rec, k.err); now != k.seen {
			t.Fatalf("item %d changed after the reader went on:\n was %s\n now %s", i, k.seen, now)
		}
		if re, ok := k.err.(*RowError); ok {
			errs++
			if re.Value == "" || re.Code == "" {
				t.Fatalf("item %d: %+v", i, re)
			}
		}
	}
	if errs < 2000 {
		t.Fatalf("%d row errors: the list should have more", errs)
	}
}

// TestReadCSVPausesOwnSlices: the one-pause slices of records are cut
// from one array (readCache.pause); appending to one record's pauses
// leaves the next record's as read.
func TestReadCSVPausesOwnSlices(t *testing.T) {
	const in = "Mã hồ sơ,Lĩnh vực,Ngày tiếp nhận,Ngày yêu cầu bổ sung,Ngày nhận bổ sung\n" +
		"H1,Hộ tịch,1/5/2024,2/5/2024,3/5/2024\nH2,Hộ tịch,1/5/2024,4/5/2024,5/5/2024\n"
	var recs []Record
	for rec, err := range ReadCSV(strings.NewReader(in), ReadOptions{}) {
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, rec)
	}
	if len(recs) != 2 || len(recs[0].Pauses) != 1 || len(recs[1].Pauses) != 1 {
		t.Fatalf("%+v", recs)
	}
	want := recs[1].Pauses[0]
	recs[0].Pauses = append(recs[0].Pauses, Pause{})
	if recs[1].Pauses[0] != want || recs[0].Pauses[0].From.Day() != 2 {
		t.Fatalf("pauses share an array: %+v", recs)
	}
}
