package bieu

import (
	"github.com/shopspring/decimal"

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

// II06aRow is one row of Biểu II.06a. Field names follow the official
// column numbers given in each comment.
type II06aRow struct {
	STT            string `json:"stt,omitempty"`   // (1) STT
	Field          string `json:"field"`           // (2) Lĩnh vực giải quyết
	Received       int64  `json:"received"`        // (3) Số lượng hồ sơ tiếp nhận / Tổng số = (4)+(5)+(6)
	Online         int64  `json:"online"`          // (4) … / Trong kỳ / Trực tuyến
	Direct         int64  `json:"direct"`          // (5) … / Trong kỳ / Trực tiếp, dịch vụ bưu chính
	CarriedOver    int64  `json:"carried_over"`    // (6) … / Từ kỳ trước
	Resolved       int64  `json:"resolved"`        // (7) Số lượng hồ sơ đã giải quyết / Tổng số = (8)+(9)+(10)
	Early          int64  `json:"early"`           // (8) … / Trước hạn
	OnTime         int64  `json:"on_time"`         // (9) … / Đúng hạn
	Late           int64  `json:"late"`            // (10) … / Quá hạn
	Pending        int64  `json:"pending"`         // (11) Số lượng hồ sơ đang giải quyết / Tổng số = (12)+(13)
	PendingOnTime  int64  `json:"pending_on_time"` // (12) … / Trong hạn
	PendingOverdue int64  `json:"pending_overdue"` // (13) … / Quá hạn
}

// Spec returns the declaration of Biểu II.06a, shared by every form of the
// kind: treat it as read-only (bieu.Official gives copies to change).
func (f *II06a) Spec() *kstt.FormSpec { return specII06a }

// FormHeader returns the header block.
func (f *II06a) FormHeader() kstt.Header { return f.Header }

// Table returns the form's only table.
func (f *II06a) Table(int) kstt.Table { return ii06aTable{f} }

// Fill derives (3), (7), (11) of every row and the TỔNG CỘNG row, and
// numbers (1) STT 1, 2, … where it is blank.
func (f *II06a) Fill() error { f.numberRows(); return kstt.Fill(f) }

// Check runs the rules of Biểu II.06a (see the rule catalogue, RULES.md)
// and KSTT/R45 (a lĩnh vực on two rows); it never changes the form.
func (f *II06a) Check(opts kstt.CheckOptions) (kstt.Findings, error) { return checkForm(f, opts) }

// Sheet returns the neutral layout renderers print.
func (f *II06a) Sheet() *layout.Sheet { return kstt.Layout(f) }

// ii06aTable is the engine's view of an II06a (kstt.MutableTable), kept
// off the form's own method set.
type ii06aTable struct{ f *II06a }

// Len: the lĩnh vực rows and TỔNG CỘNG.
func (t ii06aTable) Len() int { return len(t.f.Rows) + 1 }

func (t ii06aTable) Row(i int) kstt.RowMeta {
	r := t.f.row(i)
	return listMeta(i == len(t.f.Rows), r.STT, r.Field)
}

func (f *II06a) row(i int) *II06aRow { return listRow(f.Rows, &f.Total, i) }

func (t ii06aTable) Ints(i int, dst []int64) {
	r := t.f.row(i)
	_ = dst[13]
	dst[3], dst[4], dst[5], dst[6] = r.Received, r.Online, r.Direct, r.CarriedOver
	dst[7], dst[8], dst[9], dst[10] = r.Resolved, r.Early, r.OnTime, r.Late
	dst[11], dst[12], dst[13] = r.Pending, r.PendingOnTime, r.PendingOverdue
}

func (t ii06aTable) SetInts(i int, src []int64) {
	r := t.f.row(i)
	_ = src[13]
	r.Received, r.Online, r.Direct, r.CarriedOver = src[3], src[4], src[5], src[6]
	r.Resolved, r.Early, r.OnTime, r.Late = src[7], src[8], src[9], src[10]
	r.Pending, r.PendingOnTime, r.PendingOverdue = src[11], src[12], src[13]
}

// II.06a has no rate column; its total row always exists.
func (t ii06aTable) Rate(int, int) decimal.Decimal     { return decimal.Zero }
func (t ii06aTable) SetRate(int, int, decimal.Decimal) {}
func (t ii06aTable) EnsureTotal()                      {}
func (t ii06aTable) NormalizeText()                    { t.f.normalizeText() }
func (t ii06aTable) QuickClean() bool                  { return t.f.quickClean() }

var _ kstt.MutableTable = ii06aTable{}
var _ kstt.Locator = (*II06a)(nil)

// CellAddress returns the workbook address ("II.06a!D12") or
// text position the cell of the given part, 0-based printed row and
// official column (n) was read from, or "" for a form built in code. It
// makes the form a kstt.Locator, so findings name the cell.
func (f *II06a) CellAddress(part string, row, col int) string {
	return f.Origin.CellAddress(part, row, col)
}
