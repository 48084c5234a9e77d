package xlsx_test

import (
	"bytes"
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/baocaodinhky/vpcp/render/xlsx"
)

// Rows streams one worksheet row by row, for lists too long for
// ReadWorkbook: a case list of a million files.
func ExampleRows() {
	f := excelize.NewFile()
	dt, _ := f.NewStyle(&excelize.Style{NumFmt: 22})
	f.SetSheetRow("Sheet1", "A1", &[]any{"Mã hồ sơ", "Ngày tiếp nhận", "Số trang"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"H01", time.Date(2024, 9, 14, 23, 59, 0, 0, time.UTC), 12})
	f.SetCellStyle("Sheet1", "B2", "B2", dt)
	f.SetCellValue("Sheet1", "B4", "a row starting in column B")
	var b bytes.Buffer
	f.Write(&b)

	for row, err := range xlsx.Rows(bytes.NewReader(b.Bytes()), int64(b.Len()), xlsx.RowsOptions{Sheet: "Sheet1"}) {
		if err != nil {
			panic(err)
		}
		fmt.Print(row.Num, ":")
		for _, c := range row.Cells {
			fmt.Printf(" %q", c.Value)
			if c.Date {
				fmt.Print("(date)")
			}
		}
		fmt.Println()
	}
	// Output:
	// 1: "Mã hồ sơ" "Ngày tiếp nhận" "Số trang"
	// 2: "H01" "45549.99930555555"(date) "12"
	// 4: "" "a row starting in column B"
}
