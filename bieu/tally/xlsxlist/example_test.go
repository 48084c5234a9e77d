package xlsxlist_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"

	"github.com/baocaodinhky/vpcp/bieu/tally"
	"github.com/baocaodinhky/vpcp/bieu/tally/xlsxlist"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/period"
	"github.com/baocaodinhky/vpcp/render/xlsx"
)

func ExampleReadFile() {
	q3, _ := period.Parse("Quý III năm 2024")
	t, _ := tally.New(q3, tally.Policy{})
	// The case list the command-line example ships (612 rows, five bad).
	err := t.AddSeq2(xlsxlist.ReadFile("../../../examples/kstt/testdata/ho-so-cam-xuyen.xlsx", xlsxlist.Options{}))
	if err != nil {
		panic(err)
	}
	res, _ := t.Result(kstt.Header{Unit: "UBND huyện Cẩm Xuyên", Recipient: "UBND tỉnh Hà Tĩnh"})
	fmt.Println("received", res.Files.Received, "online", res.Files.Online, "pending overdue", res.Files.PendingOverdue)
	for _, f := range res.Findings {
		fmt.Println(f.Rule, f.Line)
	}
	// Output:
	// received 398 online 154 pending overdue 37
	// TALLY/R06 272
	// TALLY/R01 278
	// TALLY/R02 285
	// TALLY/R10 294
	// TALLY/R10 302
}

// Read takes the workbook as an io.ReaderAt and its size, as an upload
// arrives (an *os.File, a bytes.Reader): nothing is written to disk. A
// file that is no workbook ends the sequence with a typed error.
func ExampleRead() {
	data, err := os.ReadFile("../../../examples/kstt/testdata/ho-so-cam-xuyen.xlsx")
	if err != nil {
		panic(err)
	}
	records, rowErrors := 0, 0
	for _, err := range xlsxlist.Read(bytes.NewReader(data), int64(len(data)), xlsxlist.Options{}) {
		var re *tally.RowError
		switch {
		case errors.As(err, &re):
			rowErrors++
		case err != nil:
			panic(err)
		default:
			records++
		}
	}
	fmt.Println(records, "records,", rowErrors, "rows not read")

	for _, err := range xlsxlist.Read(bytes.NewReader([]byte("Mã hồ sơ,Lĩnh vực\n")), 19, xlsxlist.Options{}) {
		var re *xlsx.ReadError
		fmt.Println(errors.Is(err, xlsx.ErrNotXLSX), errors.As(err, &re))
	}
	// Output:
	// 612 records, 2 rows not read
	// true true
}
