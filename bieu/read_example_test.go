package bieu_test

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"strings"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/grid"
	"github.com/baocaodinhky/vpcp/period"
	"github.com/baocaodinhky/vpcp/render/text"
	"github.com/baocaodinhky/vpcp/render/xlsx"
)

// Reading a workbook a unit sent: Read tells a workbook from its first
// bytes (render/xlsx, imported, registers the reader), finds the forms by
// their headers and checks them, every finding pointing at its cell.
func ExampleRead_workbook() {
	// A workbook as a unit sends it (here written with render/xlsx); the
	// total (3) of Lĩnh vực hộ tịch was typed as 11 where (4)+(5)+(6) = 10.
	f := &bieu.II06a{
		Header: kstt.Header{Unit: "Sở Tư pháp", Recipient: "UBND tỉnh", Period: period.Must(period.Quarter(2024, 2))},
		Rows: []bieu.II06aRow{
			{STT: "1", Field: "Lĩnh vực hộ tịch", Online: 6, Direct: 3, CarriedOver: 1, OnTime: 10},
			{STT: "2", Field: "Lĩnh vực luật sư", Online: 4, OnTime: 4},
		},
	}
	if err := f.Fill(); err != nil {
		panic(err)
	}
	f.Rows[0].Received = 11
	var book bytes.Buffer
	if err := xlsx.New(xlsx.Options{}).Render(&book, f.Sheet()); err != nil {
		panic(err)
	}

	report, findings, err := bieu.Read(bytes.NewReader(book.Bytes()), int64(book.Len()), bieu.ReadOptions{Name: "so-tu-phap.xlsx"})
	if err != nil {
		// errors.Is(err, bieu.ErrNoForm), bieu.ErrUnrecognized,
		// xlsx.ErrNotXLSX, ErrEncrypted, ErrOverLimit, ErrCorrupt
		panic(err)
	}
	read := report.Forms[0].(*bieu.II06a)
	fmt.Println(read.Header.Unit, read.Header.Period, len(read.Rows), "rows")
	for _, fd := range findings {
		fmt.Println(fd.Severity, fd.Rule, fd.Cell, "expected", fd.Expected, "actual", fd.Actual)
	}
	// Output:
	// Sở Tư pháp Quý II năm 2024 2 rows
	// error II.06a/R01 II.06a!C12 expected 10 actual 11
	// warning II.06a/R06 II.06a!C12 expected 10 actual 11
	// error II.06a/R04 II.06a!C14 expected 15 actual 14
}

// Reading tables pasted from a Word document or a PDF: tab-separated lines
// with the header lines around them, as in the sample report.
func ExampleRead_pasted() {
	doc := `Biểu số II.07b/VPCP/KSTT
Đơn vị báo cáo: Sở Ngoại vụ
Đơn vị nhận báo cáo:
UBND tỉnh
Kỳ báo cáo: Quý II năm 2024
(Từ ngày 15/3/2024 đến ngày 14/6/2024)
I. SỐ LƯỢNG TTHC TRIỂN KHAI TẠI BỘ PHẬN MỘT CỬA
STT	Lĩnh vực	Tổng số TTHC thuộc thẩm quyền giải quyết của địa phương				TTHC được thực hiện theo CCMC, MCLT				Quy trình nội bộ giải quyết TTHC theo CCMC, MCLT được ban hành
(1)	(2)	(3)=(4)+(5)+ (6)	(4)	(5)	(6)	(7)=(8)+(9)+ (10)	(8)	(9)	(10)	(11)=(12)+(13)+(14)	(12)	(13)	(14)
1	Lĩnh vực đối ngoại	01	01	0	0	05	05	0	0	05	05	0	0
TỔNG CỘNG		01	01	0	0	05	05	0	0	05	05	0	0
II. KẾT QUẢ THỰC HIỆN “4 TẠI CHỖ” TẠI BỘ PHẬN MỘT CỬA CẤP TỈNH, HUYỆN
STT	Lĩnh vực	Cấp tỉnh		Cấp huyện
(1)	(2)	(3)	(4)	(5)	(6)
1	Lĩnh vực đối ngoại	0	0%	0	0
TỔNG CỘNG		0	0%	0	0
`
	// Pasted text is the fallback format, registered by render/text.
	report, findings, err := bieu.Read(strings.NewReader(doc), int64(len(doc)), bieu.ReadOptions{Name: "bao-cao.txt"})
	if err != nil {
		panic(err)
	}
	f := report.Forms[0].(*bieu.II07b)
	fmt.Println(f.Header.Unit, "→", f.Header.Recipient, "|", f.Header.Period)
	fmt.Println(f.PartI.Rows[0].Field, f.PartI.Rows[0].OneStop, "of", f.PartI.Rows[0].Competent)
	for _, fd := range findings {
		fmt.Println(fd.Severity, fd.Rule, fd.Cell)
	}
	// The form is a plain value; where its cells came from is the
	// report's (Report.Origins), so a later check names them too.
	fmt.Println(report.CellAddress("II.07b", "I", 0, 7))
	// Output:
	// Sở Ngoại vụ → UBND tỉnh | Quý II năm 2024
	// Lĩnh vực đối ngoại 5 of 1
	// warning II.07b/R06 bao-cao.txt:L10:C7
	// warning II.07b/R07 bao-cao.txt:L10:C8
	// bao-cao.txt:L10:C7
}

// A reader of one's own, registered once as a grid.Format: here pasted
// text compressed with gzip, as some systems export it. bieu.Read then
// tells it from its first bytes like the built-in formats.
func ExampleRead_registerFormat() {
	err := grid.RegisterFormat(grid.Format{
		Name:  "text.gz",
		Match: func(head []byte, name string) bool { return bytes.HasPrefix(head, []byte{0x1f, 0x8b}) },
		Read: func(r io.ReaderAt, size int64, name string, lim grid.Limits) ([]*grid.Grid, error) {
			zr, err := gzip.NewReader(io.NewSectionReader(r, 0, size))
			if err != nil {
				return nil, err
			}
			// The text reader's bounds apply to the decompressed text.
			return text.ReadPastedOptions(zr, name, text.PasteOptions{MaxBytes: lim.MaxBytes, MaxLines: lim.MaxRows, MaxMemory: lim.MaxMemory})
		},
	})
	if err != nil {
		panic(err)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("Biểu số II.06a/VPCP/KSTT\nĐơn vị báo cáo: Sở Tư pháp\nĐơn vị nhận báo cáo: UBND tỉnh\nKỳ báo cáo: Quý II năm 2024\n" +
		"STT\tLĩnh vực giải quyết\tTổng số\tTrực tuyến\tTrực tiếp, dịch vụ bưu chính công ích\tTừ kỳ trước\tTổng số\tTrước hạn\tĐúng hạn\tQuá hạn\tTổng số\tTrong hạn\tQuá hạn\n" +
		"1\tLĩnh vực hộ tịch\t10\t6\t3\t1\t10\t0\t10\t0\t0\t0\t0\n" +
		"TỔNG CỘNG\t\t10\t6\t3\t1\t10\t0\t10\t0\t0\t0\t0\n"))
	zw.Close()

	report, findings, err := bieu.Read(bytes.NewReader(gz.Bytes()), int64(gz.Len()), bieu.ReadOptions{Name: "so-tu-phap.txt.gz"})
	if err != nil {
		panic(err)
	}
	f := report.Forms[0].(*bieu.II06a)
	fmt.Println(f.Header.Unit, f.Header.Period, f.Total.Received, "hồ sơ,", findings.Count(kstt.Error), "lỗi")
	// Output:
	// Sở Tư pháp Quý II năm 2024 10 hồ sơ, 0 lỗi
}
