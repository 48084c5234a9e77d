package xlsxlist_test

import (
	"fmt"

	"github.com/baocaodinhky/vpcp/bieu/tally"
	"github.com/baocaodinhky/vpcp/bieu/tally/xlsxlist"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/period"
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
