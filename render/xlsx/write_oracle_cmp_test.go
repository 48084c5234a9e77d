package xlsx_test

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/render/xlsx"
)

// The streaming writer gives, byte for byte, the workbook the excelize
// StreamWriter path wrote before it (the oracle): on the golden fixtures,
// the odd sheets, random sheets, text that needs escaping, and options.
func TestStreamingMatchesExcelizeOracle(t *testing.T) {
	same := func(name string, opts xlsx.Options, sheets ...*layout.Sheet) {
		t.Helper()
		var got, want bytes.Buffer
		errGot := xlsx.New(opts).Render(&got, sheets...)
		errWant := xlsx.RenderViaExcelize(xlsx.New(opts), &want, sheets...)
		if (errGot == nil) != (errWant == nil) {
			t.Fatalf("%s: error %v, oracle %v", name, errGot, errWant)
		}
		if errGot == nil && !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("%s: %d bytes differ from the oracle's %d", name, got.Len(), want.Len())
		}
	}
	for name, sheets := range goldenCases(t) {
		same(name, xlsx.Options{}, sheets...)
		same(name+"/plain", xlsx.Options{CountFormat: "0", Creator: "Sở Tư pháp", Time: time.Date(2024, 6, 20, 0, 0, 0, 0, time.UTC)}, sheets...)
	}
	same("odd", xlsx.Options{}, oddSheets()...)
	same("charts", xlsx.Options{}, chartSheet(), bigII06a(30).sheet(t), chartSheet())
	for i, s := range oddSheets() {
		same("odd "+s.Name, xlsx.Options{}, oddSheets()[i])
	}
	rng := rand.New(rand.NewPCG(5, 8))
	for range 100 {
		k := 1 + rng.IntN(3)
		sheets := make([]*layout.Sheet, k)
		for j := range sheets {
			sheets[j] = randomSheet(rng)
		}
		same("random", xlsx.Options{}, sheets...)
	}
	txt := func(s string) layout.Cell { return layout.Cell{Kind: layout.TextCell, Text: s} }
	texts := []string{" lề trái", "lề phải ", "\tTab", "dòng\nmới\r\n", `"ngoặc" & 'nháy' <thẻ>`, "_x0041_ và _x005F_x0041_ và _x005F_",
		"Li\u0303nh vực (NFD)", "điều khiển \x01\x7f\ufffe", string([]byte{0xff, 'a'}), strings.Repeat("dài ", 9000), "=SUM(A1:A2)", ""}
	s := &layout.Sheet{Name: "text", Notes: texts, Blocks: []layout.Block{{
		Columns: []layout.Column{{Num: 1, Kind: layout.TextColumn}, {Num: 2, Kind: layout.TextColumn}, {Num: 3, Kind: layout.RateColumn}, {Num: 4, Kind: layout.CountColumn}},
	}}}
	for i, x := range texts {
		s.Blocks[0].Rows = append(s.Blocks[0].Rows, layout.Row{Kind: layout.DataRow, Cells: []layout.Cell{txt(x), txt(x),
			{Kind: layout.DecimalCell, Dec: decimal.New(int64(i)*12345678901234567, -int32(i))},
			{Kind: layout.DecimalCell, Dec: decimal.New(1, int32(300+i*10))}}})
	}
	same("text", xlsx.Options{}, s)
}
