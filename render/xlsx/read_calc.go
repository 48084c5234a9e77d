package xlsx

import (
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/baocaodinhky/vpcp/kstt/grid"
)

// MaxFormulaEvaluations bounds how many formula cells without a stored
// value ReadWorkbook evaluates in one workbook; the cells beyond it are
// left without a value (grid.Cell.Text empty), as a reader without a
// calculator would leave them.
const MaxFormulaEvaluations = 10000

// calculator evaluates the formulas of the workbook being read that carry
// no stored value — what a program that does not calculate (excelize's
// SetCellFormula, many exporters) writes. The workbook is opened with
// excelize only when the first such cell is met, so a workbook saved by a
// spreadsheet costs nothing more. Opening it with excelize takes memory
// that ReadOptions.MaxMemory does not count (excelize holds the worksheets
// it evaluates in memory); its unzip limit is the read's MaxBytes.
type calculator struct {
	src    io.ReaderAt
	size   int64
	limit  int64 // the read's byte budget, passed to excelize as its unzip limit
	f      *excelize.File
	failed bool
	n      int
}

// value returns the workbook's own result for the formula of cell (r, c)
// of sheet, raw (no number format), and whether it is a number; "" when the
// formula cannot be evaluated (an unknown function, an error value, a
// reference the calculator rejects) or the budget of evaluations is spent.
func (k *calculator) value(sheet string, r, c int) (v string, num bool) {
	if k == nil || k.src == nil || k.failed || k.n >= MaxFormulaEvaluations {
		return "", false
	}
	k.n++
	defer func() {
		// The reader never panics: a formula excelize cannot take is a
		// cell without a value, and the calculator is not used again.
		if recover() != nil {
			k.failed = true
			v, num = "", false
		}
	}()
	if k.f == nil {
		f, err := excelize.OpenReader(io.NewSectionReader(k.src, 0, k.size),
			excelize.Options{UnzipSizeLimit: k.limit, UnzipXMLSizeLimit: min(k.limit, 16<<20)})
		if err != nil {
			k.failed = true
			return "", false
		}
		k.f = f
	}
	v, err := k.f.CalcCellValue(sheet, grid.CellName(r, c), excelize.Options{RawCellValue: true})
	v = strings.TrimSpace(v)
	if err != nil || v == "" || strings.HasPrefix(v, "#") {
		return "", false
	}
	if _, err := strconv.ParseFloat(v, 64); err == nil {
		return v, true
	}
	return v, false
}

func (k *calculator) close() {
	if k != nil && k.f != nil {
		k.f.Close()
	}
}
