package xlsxlist

import (
	"bytes"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/baocaodinhky/vpcp/bieu/tally"
	"github.com/baocaodinhky/vpcp/render/xlsx"
)

// The case list shipped with the command-line example, written by
// examples/caselist: real date cells, shared strings, bad rows.
const shipped = "../../../examples/kstt/testdata/ho-so-cam-xuyen.xlsx"

func TestReadShipped(t *testing.T) {
	var recs []tally.Record
	var rejected []*tally.RowError
	for r, err := range ReadFile(shipped, Options{}) {
		var re *tally.RowError
		switch {
		case errors.As(err, &re):
			rejected = append(rejected, re)
		case err != nil:
			t.Fatal(err)
		default:
			recs = append(recs, r)
		}
	}
	if len(recs) != 612 || len(rejected) != 2 {
		t.Fatalf("%d records, %d rejected", len(recs), len(rejected))
	}
	if rejected[0].Row != 294 || rejected[0].Value != "Fax" || rejected[1].Row != 302 || !errors.Is(rejected[1], tally.ErrBadDate) {
		t.Errorf("rejected %v %v", rejected[0], rejected[1])
	}
	// The boundary records: 14/6 23:59 and 15/9 00:00 are real date cells.
	loc := tally.Vietnam()
	var b1, b4 bool
	for _, r := range recs {
		b1 = b1 || r.Received.Equal(time.Date(2024, 6, 14, 23, 59, 0, 0, loc))
		b4 = b4 || r.Received.Equal(time.Date(2024, 9, 15, 0, 0, 0, 0, loc))
	}
	if !b1 || !b4 {
		t.Errorf("boundary instants not read: %v %v", b1, b4)
	}
}

func TestReadErrors(t *testing.T) {
	var last error
	for _, err := range Read(bytes.NewReader([]byte("STT,Mã hồ sơ\n")), 13, Options{}) {
		last = err
	}
	if !errors.Is(last, xlsx.ErrNotXLSX) {
		t.Errorf("text: %v", last)
	}
	data, _ := os.ReadFile(shipped)
	last = nil
	for _, err := range Read(bytes.NewReader(data), int64(len(data)), Options{Rows: xlsx.RowsOptions{MaxRows: 100}}) {
		if err != nil {
			last = err
		}
	}
	if !errors.Is(last, xlsx.ErrOverLimit) {
		t.Errorf("MaxRows: %v", last)
	}
	for _, err := range ReadFile("no-such.xlsx", Options{}) {
		if err == nil || !errors.Is(err, os.ErrNotExist) {
			t.Errorf("missing file: %v", err)
		}
	}
}

func FuzzRead(f *testing.F) {
	data, err := os.ReadFile(shipped)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add(data[:len(data)/3])
	f.Fuzz(func(t *testing.T, data []byte) {
		n := 0
		for _, err := range Read(bytes.NewReader(data), int64(len(data)), Options{Rows: xlsx.RowsOptions{MaxBytes: 4 << 20, MaxRows: 5000}}) {
			n++
			if n > 10000 {
				t.Fatal("no end")
			}
			if err == nil {
				continue
			}
			var xe *xlsx.ReadError
			var te *tally.ReadError
			var re *tally.RowError
			if !errors.As(err, &xe) && !errors.As(err, &te) && !errors.As(err, &re) {
				t.Fatalf("untyped error %T: %v", err, err)
			}
		}
	})
}
