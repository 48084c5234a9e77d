package tally

import (
	"errors"
	"strings"
	"testing"
)

// TestHeaderTwice: a header that names a column twice with the same label
// ("Ngày tiếp nhận" in two cells, in any case, spacing or with a format
// note) is refused, naming the label and both columns; two labels of one
// column that differ ("Tên TTHC" and "Mã TTHC") are read as before, the
// first being the column.
func TestHeaderTwice(t *testing.T) {
	refused := []struct {
		name, header string
		cols         string
	}{
		{"received twice", "Mã hồ sơ,Lĩnh vực,Ngày tiếp nhận,Ngày hẹn trả,Ngày tiếp nhận", "columns 3 and 5"},
		{"case and note", "Mã hồ sơ,Lĩnh vực,Ngày tiếp nhận,NGÀY TIẾP NHẬN (dd/mm/yyyy)", "columns 3 and 4"},
		{"code twice", "Mã hồ sơ,Lĩnh vực,Mã hồ sơ,Ngày tiếp nhận", "columns 1 and 3"},
	}
	for _, c := range refused {
		in := c.header + "\nH1,Hộ tịch,H2,02/05/2024,03/05/2024\n"
		var recs int
		var last error
		for _, err := range ReadCSV(strings.NewReader(in), ReadOptions{Source: "ds.csv"}) {
			if err != nil {
				last = err
			} else {
				recs++
			}
		}
		var re *ReadError
		if recs != 0 || !errors.As(last, &re) || !errors.Is(last, ErrCorrupt) || re.Row != 1 ||
			!strings.Contains(last.Error(), "twice") || !strings.Contains(last.Error(), c.cols) {
			t.Errorf("%s: %d records, error %v; want none and a *ReadError (ErrCorrupt) at row 1 naming %s", c.name, recs, last, c.cols)
		}
	}
	in := "Mã hồ sơ,Tên TTHC,Mã TTHC,Lĩnh vực,Ngày tiếp nhận\nH1,Khai sinh,1.0001,Hộ tịch,02/05/2024\n"
	var got []Record
	for rec, err := range ReadCSV(strings.NewReader(in), ReadOptions{Source: "ds.csv"}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, rec)
	}
	if len(got) != 1 || got[0].Procedure != "Khai sinh" {
		t.Errorf("Tên TTHC and Mã TTHC: %+v, want one record of procedure Khai sinh", got)
	}
}
