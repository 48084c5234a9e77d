package bieu

import (
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
)

// II06a is Biểu số II.06a/VPCP/KSTT (Thông tư 01/2020/TT-VPCP): TÌNH HÌNH,
// KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI
// QUYẾT THỦ TỤC HÀNH CHÍNH — files received, resolved and pending, one row
// per lĩnh vực, then TỔNG CỘNG. Đơn vị tính: Số hồ sơ TTHC.
//
// Build it with the input columns ((4), (5), (6), (8), (9), (10), (12),
// (13)) and call Fill to derive (3), (7), (11) and the total; Check verifies
// a form someone else filled without changing it.
type II06a struct {
	Header kstt.Header `json:"header"`
	Rows   []II06aRow  `json:"rows"`  // one per lĩnh vực, in printed order
	Total  II06aRow    `json:"total"` // TỔNG CỘNG
	// Origin records where each cell was read from when the form came
	// from a file (Read); it is empty for a form built in code and is not
	// part of the JSON.
	Origin kstt.Origin `json:"-"`
}

// Spec returns the declaration of Biểu II.06a, shared by every form of the
// kind: treat it as read-only (bieu.Official gives copies to change).
func (f *II06a) Spec() *kstt.FormSpec { return specII06a }

// FormHeader returns the header block.
func (f *II06a) FormHeader() kstt.Header { return f.Header }

// Table returns the form's only table.
func (f *II06a) Table(int) kstt.Table {
	return quickList[*II06a, II06aRow, ii06aRows]{listTable[*II06a, II06aRow, ii06aRows]{f}}
}

// ii06aRows: the form's rows and TỔNG CỘNG (listOf).
type ii06aRows struct{}

func (ii06aRows) list(f *II06a) ([]II06aRow, *II06aRow, *rowBinding) {
	return f.Rows, &f.Total, bindII06aRow
}

var bindII06aRow = bindingOf[II06aRow]()

// Fill derives (3), (7), (11) of every row and the TỔNG CỘNG row, and
// numbers (1) STT 1, 2, … where it is blank.
func (f *II06a) Fill() error { f.numberRows(); return kstt.Fill(f) }

// Check runs the rules of Biểu II.06a (see the rule catalogue, RULES.md)
// and KSTT/R45 (a lĩnh vực on two rows); it never changes the form.
func (f *II06a) Check(opts kstt.CheckOptions) (kstt.Findings, error) { return checkForm(f, opts) }

// Sheet returns the neutral layout renderers print.
func (f *II06a) Sheet() *layout.Sheet { return kstt.Layout(f) }

var _ kstt.Locator = (*II06a)(nil)

// CellAddress returns the workbook address ("II.06a!D12") or
// text position the cell of the given part, 0-based printed row and
// official column (n) was read from, or "" for a form built in code. It
// makes the form a kstt.Locator, so findings name the cell.
func (f *II06a) CellAddress(part string, row, col int) string {
	return f.Origin.CellAddress(part, row, col)
}
