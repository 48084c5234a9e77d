package bieu

import (
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
)

// II07b is Biểu số II.07b/VPCP/KSTT (Thông tư 01/2020/TT-VPCP): TỔNG HỢP SỐ
// LƯỢNG THỦ TỤC HÀNH CHÍNH VÀ KẾT QUẢ THỰC HIỆN “4 TẠI CHỖ” TẠI BỘ PHẬN MỘT
// CỬA CỦA ĐỊA PHƯƠNG. Part I counts the procedures at the one-stop desk by
// level; Part II the procedures done "4 tại chỗ" and their rates. Đơn vị
// tính: TTHC, %.
//
// Some provincial systems label column (2) "Đơn vị", one row per unit
// instead of per lĩnh vực; Field holds either.
type II07b struct {
	Header kstt.Header `json:"header"`
	PartI  II07bPartI  `json:"part_i"`
	PartII II07bPartII `json:"part_ii"`
	// Origin records where each cell was read from when the form came
	// from a file (Read); it is empty for a form built in code and is not
	// part of the JSON.
	Origin kstt.Origin `json:"-"`
}

// II07bPartI is Part I, SỐ LƯỢNG TTHC TRIỂN KHAI TẠI BỘ PHẬN MỘT CỬA.
type II07bPartI struct {
	Rows  []II07bDeskRow `json:"rows"`
	Total II07bDeskRow   `json:"total"` // TỔNG CỘNG
}

// II07bPartII is Part II, KẾT QUẢ THỰC HIỆN “4 TẠI CHỖ” TẠI BỘ PHẬN MỘT CỬA
// CẤP TỈNH, HUYỆN.
type II07bPartII struct {
	Rows  []II07bOnSpotRow `json:"rows"`
	Total II07bOnSpotRow   `json:"total"` // TỔNG CỘNG
}

// Spec returns the declaration of Biểu II.07b, shared by every form of the
// kind: treat it as read-only (bieu.Official gives copies to change).
func (f *II07b) Spec() *kstt.FormSpec { return specII07b }

// FormHeader returns the header block.
func (f *II07b) FormHeader() kstt.Header { return f.Header }

// Table returns Part I (0) or Part II (1).
func (f *II07b) Table(part int) kstt.Table {
	if part == 1 {
		return listTable[*II07b, II07bOnSpotRow, ii07bPartII]{f}
	}
	return listTable[*II07b, II07bDeskRow, ii07bPartI]{f}
}

// ii07bPartI and ii07bPartII: each part's rows and TỔNG CỘNG (listOf).
type (
	ii07bPartI  struct{}
	ii07bPartII struct{}
)

func (ii07bPartI) list(f *II07b) ([]II07bDeskRow, *II07bDeskRow, *rowBinding) {
	return f.PartI.Rows, &f.PartI.Total, bindII07bDeskRow
}

func (ii07bPartII) list(f *II07b) ([]II07bOnSpotRow, *II07bOnSpotRow, *rowBinding) {
	return f.PartII.Rows, &f.PartII.Total, bindII07bOnSpotRow
}

var (
	bindII07bDeskRow   = bindingOf[II07bDeskRow]()
	bindII07bOnSpotRow = bindingOf[II07bOnSpotRow]()
)

// Fill derives (3), (7), (11) of Part I, the rates of Part II and both
// TỔNG CỘNG rows, and numbers (1) STT 1, 2, … where it is blank (each
// part from 1).
func (f *II07b) Fill() error { f.numberRows(); return kstt.Fill(f) }

// Check runs the rules of Biểu II.07b and KSTT/R45 (a lĩnh vực on two
// rows of one part); it never changes the form.
func (f *II07b) Check(opts kstt.CheckOptions) (kstt.Findings, error) { return checkForm(f, opts) }

// Sheet returns the neutral layout renderers print.
func (f *II07b) Sheet() *layout.Sheet { return kstt.Layout(f) }

// CellAddress returns the workbook address ("II.07b!D12") or
// text position the cell of the given part, 0-based printed row and
// official column (n) was read from, or "" for a form built in code. It
// makes the form a kstt.Locator, so findings name the cell.
func (f *II07b) CellAddress(part string, row, col int) string {
	return f.Origin.CellAddress(part, row, col)
}
