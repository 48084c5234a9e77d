package hostile_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baocaodinhky/vpcp/internal/hostile"
)

// calcFiles are the workbooks that attack the reader's formula
// calculator, by file name.
func calcFiles() map[string][]byte {
	many := make([]string, 10_000)
	for i := range many {
		many[i] = "SUM(A1:Z1000)"
	}
	return map[string][]byte{
		"calc-all-xfd.xlsx":    hostile.CalcXLSX(10, 10, "SUM(A1:XFD1048576)"),
		"calc-all-xfc.xlsx":    hostile.CalcXLSX(10, 10, "SUM(A1:XFC1048575)"),
		"calc-col.xlsx":        hostile.CalcXLSX(100_000, 3, "SUM(C:C)"),
		"calc-row.xlsx":        hostile.CalcXLSX(10, 1000, "SUM(1:1)"),
		"calc-chain-100k.xlsx": hostile.CalcChainXLSX(100_000),
		"calc-cycle.xlsx":      hostile.CalcXLSX(1, 1, "A2+1", "A4", "A3"),
		"calc-many.xlsx":       hostile.CalcXLSX(1000, 26, many...),
		"calc-huge-text.xlsx":  hostile.CalcXLSX(1, 1, "A1"+strings.Repeat("+A1", 340_000)),
		"calc-volatile.xlsx":   hostile.CalcXLSX(2, 2, "NOW()", "RAND()", `INDIRECT("A"&ROW())`, "FOOBAR(1)", "SUM(OFFSET(A1,0,0,1048575,16383))"),
		"calc-cross-big.xlsx":  hostile.CalcCrossXLSX(200_000, 3, "Big!A1"),
		"calc-padded.xlsx":     hostile.CalcPaddedXLSX(20<<20, "Pad!A100"),
	}
}

// TestWriteCalcFiles writes the calculator's hostile inputs to
// $KSTT_HOSTILE_DIR, for measuring the command-line tool.
func TestWriteCalcFiles(t *testing.T) {
	dir := os.Getenv("KSTT_HOSTILE_DIR")
	if dir == "" {
		t.Skip("KSTT_HOSTILE_DIR not set")
	}
	for name, b := range calcFiles() {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
