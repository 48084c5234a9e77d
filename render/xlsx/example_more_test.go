package xlsx_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/period"
	"github.com/baocaodinhky/vpcp/render/xlsx"
)

// RenderReport writes a report's forms as one workbook, a worksheet per
// form; ReadFile reads a workbook from disk back into raw grids. A missing
// file is the operating system's error.
func ExampleReadFile() {
	files := &bieu.II06a{Rows: []bieu.II06aRow{{Field: "Lĩnh vực hộ tịch", Online: 5, Direct: 2, OnTime: 7}}}
	desk := &bieu.II07b{PartI: bieu.II07bPartI{Rows: []bieu.II07bDeskRow{{Field: "Lĩnh vực hộ tịch", CompetentProvince: 4, OneStopProvince: 4, ProcessProvince: 4}}}}
	r := kstt.NewReport(kstt.Header{Unit: "Sở Tư pháp", Recipient: "UBND tỉnh", Period: period.Must(period.Quarter(2024, 2))}, files, desk)
	if err := r.Fill(); err != nil {
		panic(err)
	}
	dir, err := os.MkdirTemp("", "vpcp-example")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "bao-cao.xlsx")
	out, err := os.Create(path)
	if err != nil {
		panic(err)
	}
	if err := xlsx.New(xlsx.Options{}).RenderReport(out, r); err != nil {
		panic(err)
	}
	if err := out.Close(); err != nil {
		panic(err)
	}

	grids, err := xlsx.ReadFile(path, xlsx.ReadOptions{})
	if err != nil {
		panic(err)
	}
	for _, g := range grids {
		fmt.Printf("%s: %q\n", g.Name, g.Cell(0, 0).Text)
	}
	_, err = xlsx.ReadFile(filepath.Join(dir, "khong-co.xlsx"), xlsx.ReadOptions{})
	fmt.Println(errors.Is(err, fs.ErrNotExist))

	err = xlsx.New(xlsx.Options{}).RenderReport(out, &kstt.Report{})
	fmt.Println(errors.Is(err, xlsx.ErrNoSheets))
	// Output:
	// II.06a: "Biểu số II.06a/VPCP/KSTT"
	// II.07b: "Biểu số II.07b/VPCP/KSTT"
	// true
	// true
}
