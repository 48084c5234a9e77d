package tally_test

import (
	"fmt"
	"strings"

	"github.com/baocaodinhky/vpcp/bieu/tally"
)

// ReadPortal reads the sync records of the national public-service
// portal (MaHoSo, NgayTiepNhan, TrangThaiHoSo …), as JSON Lines or one
// JSON array. IsPortal tells such a file from a plain JSON Lines case list
// by its first bytes; a record the portal marks as not received is a
// *RowError, and reading goes on.
func ExampleReadPortal() {
	data := `{"MaHoSo":"H12-240502-000542","TenLinhVuc":"Chứng thực","KenhThucHien":"2","MucDo":"3","NgayTiepNhan":"20240502113900","NgayHenTra":"20240503","TrangThaiHoSo":"10","NgayKetThucXuLy":"20240502172500","DonViXuLy":"UBND xã Cẩm Bình"}
{"MaHoSo":"H12-240503-000134","TenLinhVuc":"Chứng thực","KenhThucHien":"1","NgayTiepNhan":"20240503123000","NgayHenTra":"20240506","TrangThaiHoSo":"1"}
`
	fmt.Println(tally.IsPortal([]byte(data)))
	for r, err := range tally.ReadPortal(strings.NewReader(data), tally.ReadOptions{}) {
		if err != nil {
			fmt.Println("row error:", err)
			continue
		}
		fmt.Println(r.Code, r.Field, r.Channel, r.Service, r.Received.Format("02/01/2006 15:04"), r.Outcome, r.Unit)
	}
	// Output:
	// true
	// H12-240502-000542 Chứng thực trực tuyến một phần 02/05/2024 11:39 đã giải quyết UBND xã Cẩm Bình
	// row error: tally: row 2, column "TrangThaiHoSo", value "1": TrangThaiHoSo 1 (mới đăng ký (chưa tiếp nhận)): not received, not counted
}

// ReadRows reads the rows of any table, here three rows built in code, as
// a reader of another format would pass them: it finds the header by its
// labels and reads each row below it.
func ExampleReadRows() {
	text := [][]string{
		{"Mã hồ sơ", "Lĩnh vực", "Kênh", "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày trả kết quả"},
		{"HS-1", "Hộ tịch", "trực tuyến", "02/05/2024 08:00", "06/05/2024", "03/05/2024 10:00"},
		{"HS-2", "Hộ tịch", "trực tiếp", "31/02/2024", "06/05/2024", ""},
	}
	rows := func(yield func(tally.Row, error) bool) {
		for i, cells := range text {
			row := tally.Row{Num: i + 1}
			for _, c := range cells {
				row.Cells = append(row.Cells, tally.Cell{Text: c})
			}
			if !yield(row, nil) {
				return
			}
		}
	}
	for r, err := range tally.ReadRows(rows, tally.ReadOptions{}) {
		if err != nil {
			fmt.Println("row error:", err)
			continue
		}
		fmt.Println(r.Code, r.Field, r.Channel, r.Received.Format("02/01/2006 15:04"), r.Finished.Format("02/01/2006 15:04"))
	}
	// Output:
	// HS-1 Hộ tịch trực tuyến 02/05/2024 08:00 03/05/2024 10:00
	// row error: tally: row 3, column "Ngày tiếp nhận", value "31/02/2024": not a date (15/3/2024, 15/03/2024 08:30, 2024-03-15 or a spreadsheet date)
}
