package tally

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/baocaodinhky/vpcp/bieu"
)

const mau07CSV = "SỔ THEO DÕI HỒ SƠ\n" +
	"STT,Mã hồ sơ,Tên hồ sơ,Số lượng hồ sơ (bộ),\"Tên tổ chức, cá nhân\",Địa chỉ,Số điện thoại,\"Ngày, tháng, năm\",,,Trả kết quả,,Ghi chú\n" +
	",,,,,,,Nhận hồ sơ,Hẹn trả kết quả,Ngày nhận kết quả,Bên giao,Bên nhận,\n" +
	"(1),(2),(3),(4),(5),(6),(7),(8),(9),(10),(11),(12),(13)\n" +
	"1,000.20.31.H12-240702-000001,Đăng ký khai sinh,1,Công dân 1,Cẩm Xuyên,0912000001,02/07/2024 08:00,05/07/2024,03/07/2024 09:00,,,\n" +
	"2,000.20.31.H12-240702-000002,Thủ tục lạ,1,Công dân 2,Cẩm Xuyên,0912000002,02/07/2024 09:00,05/07/2024,,,,\n"

// TestMau07CSV: Mẫu 07's merged two-row header, in CSV, reads with no
// mapping; the lookup gives lĩnh vực and level by the procedure, and a
// procedure it lacks keeps its lĩnh vực blank (a finding of the tally).
func TestMau07CSV(t *testing.T) {
	opts := ReadOptions{Source: "so.csv", Procedures: map[string]ProcedureInfo{"đăng ký khai sinh": {Field: "Hộ tịch", Level: bieu.CommuneLevel}}}
	var recs []Record
	for r, err := range ReadCSV(strings.NewReader(mau07CSV), opts) {
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, r)
	}
	if len(recs) != 2 {
		t.Fatalf("%d records", len(recs))
	}
	a, b := recs[0], recs[1]
	if a.Code != "000.20.31.H12-240702-000001" || a.Field != "Hộ tịch" || a.Level != bieu.CommuneLevel || a.Row != 5 ||
		a.Received.Hour() != 8 || a.Due.Day() != 5 || a.Finished.Day() != 3 || a.Procedure != "Đăng ký khai sinh" {
		t.Errorf("first record %+v", a)
	}
	if b.Field != "" || b.Level != bieu.LevelUnknown || !b.Finished.IsZero() {
		t.Errorf("second record %+v: the lookup lacks it, nothing may be guessed", b)
	}
	// The upper row alone (no date columns) is no header.
	var re *ReadError
	for _, err := range ReadCSV(strings.NewReader(strings.SplitAfterN(mau07CSV, "\n", 3)[1]), ReadOptions{}) {
		errors.As(err, &re)
	}
	if re == nil || !errors.Is(re, ErrNoHeader) {
		t.Errorf("upper row alone: %v, want ErrNoHeader", re)
	}
}

// FuzzMau07CSV: a two-row header and its data, mutated, never panics and
// yields rows in order, each error a RowError or a ReadError.
func FuzzMau07CSV(f *testing.F) {
	f.Add([]byte(mau07CSV))
	f.Fuzz(func(t *testing.T, data []byte) {
		last := 0
		opts := ReadOptions{Procedures: map[string]ProcedureInfo{"Đăng ký khai sinh": {Field: "Hộ tịch"}}, MaxRowBytes: 4096}
		for r, err := range ReadCSV(bytes.NewReader(data), opts) {
			row := r.Row
			switch e := err.(type) {
			case nil:
			case *RowError:
				row = e.Row
			case *ReadError:
				return
			default:
				t.Fatalf("error of type %T: %v", err, err)
			}
			if row < last {
				t.Fatalf("row %d after %d", row, last)
			}
			last = row
		}
	})
}
