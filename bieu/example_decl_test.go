package bieu_test

import (
	"bytes"
	"fmt"
	"os"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt/decl"
	_ "github.com/baocaodinhky/vpcp/render/text"
)

// A form declared as data only — the provincial II.07b with one row per
// unit — added to the official catalogue, recognised by its header in a
// pasted document, and checked: every finding names its cell.
func ExampleRead_declaredForm() {
	data, err := os.ReadFile("../examples/decl/ii07b-don-vi.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	schema, err := decl.Parse(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	// Declared forms first: a table that fits both it and II.07b Part I is
	// read as the declared one.
	cat, _ := decl.NewCatalogue(schema)
	off := bieu.Official()
	for _, f := range off.Forms {
		cat.Forms = append(cat.Forms, f)
		cat.New[f.Code] = off.New[f.Code]
	}
	cat.Report, cat.Checks = append(off.Report, cat.Report...), append(off.Checks, cat.Checks...)

	doc, err := os.ReadFile("../examples/decl/tinh-theo-don-vi.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	report, fs, err := bieu.Read(bytes.NewReader(doc), int64(len(doc)), bieu.ReadOptions{Name: "tinh.txt", Catalogue: cat})
	if err != nil {
		fmt.Println(err)
		return
	}
	f := report.Forms[0].(*decl.Form)
	fmt.Println(f.Spec().Code, len(f.Parts[0].Rows), "đơn vị, TỔNG CỘNG (3) =", f.Value(0, 4, 3))
	for _, x := range fs {
		fmt.Println(x.Severity, x.Rule, x.Cell, x.Expected, x.Actual)
	}
	// Output:
	// II.07b-DV 4 đơn vị, TỔNG CỘNG (3) = 395
	// warning II.07b-DV/R08 tinh.txt:L12:C5 0 4
	// warning II.07b-DV/R08 tinh.txt:L12:C9 0 4
	// warning II.07b-DV/R08 tinh.txt:L12:C13 0 4
	// warning II.07b-DV/R06 tinh.txt:L13:C7 ≤ 1 5
}
