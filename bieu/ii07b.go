package bieu

import (
	"github.com/shopspring/decimal"

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

// II07bDeskRow is one row of Part I of Biểu II.07b.
type II07bDeskRow struct {
	STT               string `json:"stt,omitempty"`      // (1) STT
	Field             string `json:"field"`              // (2) Lĩnh vực
	Competent         int64  `json:"competent"`          // (3) Tổng số TTHC thuộc thẩm quyền giải quyết của địa phương / Tổng số TTHC = (4)+(5)+(6)
	CompetentProvince int64  `json:"competent_province"` // (4) … / Cấp tỉnh
	CompetentDistrict int64  `json:"competent_district"` // (5) … / Cấp huyện
	CompetentCommune  int64  `json:"competent_commune"`  // (6) … / Cấp xã
	OneStop           int64  `json:"one_stop"`           // (7) TTHC được thực hiện theo CCMC, MCLT / Tổng số TTHC = (8)+(9)+(10)
	OneStopProvince   int64  `json:"one_stop_province"`  // (8) … / Tại BPMC cấp tỉnh
	OneStopDistrict   int64  `json:"one_stop_district"`  // (9) … / Tại BPMC cấp huyện
	OneStopCommune    int64  `json:"one_stop_commune"`   // (10) … / Tại BPMC cấp xã
	Process           int64  `json:"process"`            // (11) Quy trình nội bộ … được ban hành / Tổng số quy trình = (12)+(13)+(14)
	ProcessProvince   int64  `json:"process_province"`   // (12) … / Cấp tỉnh
	ProcessDistrict   int64  `json:"process_district"`   // (13) … / Cấp huyện
	ProcessCommune    int64  `json:"process_commune"`    // (14) … / Cấp xã
}

// II07bPartII is Part II, KẾT QUẢ THỰC HIỆN “4 TẠI CHỖ” TẠI BỘ PHẬN MỘT CỬA
// CẤP TỈNH, HUYỆN.
type II07bPartII struct {
	Rows  []II07bOnSpotRow `json:"rows"`
	Total II07bOnSpotRow   `json:"total"` // TỔNG CỘNG
}

// II07bOnSpotRow is one row of Part II of Biểu II.07b. The rates are
// percentages (33.33 means 33.33 %).
type II07bOnSpotRow struct {
	STT          string          `json:"stt,omitempty"` // (1) STT
	Field        string          `json:"field"`         // (2) Lĩnh vực
	Province     int64           `json:"province"`      // (3) Cấp tỉnh / Số lượng TTHC
	ProvinceRate decimal.Decimal `json:"province_rate"` // (4) Cấp tỉnh / Tỷ lệ = (3) ÷ Phần I (8) × 100 (inferred)
	District     int64           `json:"district"`      // (5) Cấp huyện / Số lượng TTHC
	DistrictRate decimal.Decimal `json:"district_rate"` // (6) Cấp huyện / Tỷ lệ = (5) ÷ Phần I (9) × 100 (inferred)
}

// Spec returns the declaration of Biểu II.07b, shared by every form of the
// kind: treat it as read-only (bieu.Official gives copies to change).
func (f *II07b) Spec() *kstt.FormSpec { return specII07b }

// FormHeader returns the header block.
func (f *II07b) FormHeader() kstt.Header { return f.Header }

// Table returns Part I (0) or Part II (1).
func (f *II07b) Table(part int) kstt.Table {
	if part == 1 {
		return ii07bOnSpot{f}
	}
	return ii07bDesk{f}
}

// Fill derives (3), (7), (11) of Part I, the rates of Part II and both
// TỔNG CỘNG rows, and numbers (1) STT 1, 2, … where it is blank (each
// part from 1).
func (f *II07b) Fill() error { f.numberRows(); return kstt.Fill(f) }

// Check runs the rules of Biểu II.07b and KSTT/R45 (a lĩnh vực on two
// rows of one part); it never changes the form.
func (f *II07b) Check(opts kstt.CheckOptions) (kstt.Findings, error) { return checkForm(f, opts) }

// Sheet returns the neutral layout renderers print.
func (f *II07b) Sheet() *layout.Sheet { return kstt.Layout(f) }

// n is kstt.Table.Len.
func (p *II07bPartI) n() int { return len(p.Rows) + 1 }

// meta is kstt.Table.Row.
func (p *II07bPartI) meta(i int) kstt.RowMeta {
	r := p.row(i)
	return listMeta(i == len(p.Rows), r.STT, r.Field)
}

func (p *II07bPartI) row(i int) *II07bDeskRow { return listRow(p.Rows, &p.Total, i) }

// ints is kstt.Table.Ints.
func (p *II07bPartI) ints(i int, d []int64) {
	r := p.row(i)
	_ = d[14]
	d[3], d[4], d[5], d[6] = r.Competent, r.CompetentProvince, r.CompetentDistrict, r.CompetentCommune
	d[7], d[8], d[9], d[10] = r.OneStop, r.OneStopProvince, r.OneStopDistrict, r.OneStopCommune
	d[11], d[12], d[13], d[14] = r.Process, r.ProcessProvince, r.ProcessDistrict, r.ProcessCommune
}

// setInts is kstt.MutableTable.SetInts.
func (p *II07bPartI) setInts(i int, s []int64) {
	r := p.row(i)
	_ = s[14]
	r.Competent, r.CompetentProvince, r.CompetentDistrict, r.CompetentCommune = s[3], s[4], s[5], s[6]
	r.OneStop, r.OneStopProvince, r.OneStopDistrict, r.OneStopCommune = s[7], s[8], s[9], s[10]
	r.Process, r.ProcessProvince, r.ProcessDistrict, r.ProcessCommune = s[11], s[12], s[13], s[14]
}

// rate is kstt.Table.Rate; Part I has no rate column.
func (p *II07bPartI) rate(int, int) decimal.Decimal { return decimal.Zero }

// setRate is kstt.MutableTable.SetRate; Part I has no rate column.
func (p *II07bPartI) setRate(int, int, decimal.Decimal) {}

// n is kstt.Table.Len.
func (p *II07bPartII) n() int { return len(p.Rows) + 1 }

// meta is kstt.Table.Row.
func (p *II07bPartII) meta(i int) kstt.RowMeta {
	r := p.row(i)
	return listMeta(i == len(p.Rows), r.STT, r.Field)
}

func (p *II07bPartII) row(i int) *II07bOnSpotRow { return listRow(p.Rows, &p.Total, i) }

// ints is kstt.Table.Ints.
func (p *II07bPartII) ints(i int, d []int64) {
	r := p.row(i)
	d[3], d[5] = r.Province, r.District
}

// setInts is kstt.MutableTable.SetInts.
func (p *II07bPartII) setInts(i int, s []int64) {
	r := p.row(i)
	r.Province, r.District = s[3], s[5]
}

// rate is kstt.Table.Rate: (4) or (6).
func (p *II07bPartII) rate(i, col int) decimal.Decimal {
	if col == 6 {
		return p.row(i).DistrictRate
	}
	return p.row(i).ProvinceRate
}

// setRate is kstt.MutableTable.SetRate.
func (p *II07bPartII) setRate(i, col int, v decimal.Decimal) {
	if col == 6 {
		p.row(i).DistrictRate = v
	} else {
		p.row(i).ProvinceRate = v
	}
}

// ii07bDesk and ii07bOnSpot are the engine's views of Part I and Part II
// (kstt.MutableTable), kept off the form's and the parts' method sets.
type (
	ii07bDesk   struct{ f *II07b }
	ii07bOnSpot struct{ f *II07b }
)

func (t ii07bDesk) Len() int                              { return t.f.PartI.n() }
func (t ii07bDesk) Row(i int) kstt.RowMeta                { return t.f.PartI.meta(i) }
func (t ii07bDesk) Ints(i int, d []int64)                 { t.f.PartI.ints(i, d) }
func (t ii07bDesk) SetInts(i int, s []int64)              { t.f.PartI.setInts(i, s) }
func (t ii07bDesk) Rate(i, col int) decimal.Decimal       { return t.f.PartI.rate(i, col) }
func (t ii07bDesk) SetRate(i, col int, v decimal.Decimal) { t.f.PartI.setRate(i, col, v) }
func (t ii07bDesk) EnsureTotal()                          {}
func (t ii07bDesk) NormalizeText()                        { t.f.normalizeText() }

func (t ii07bOnSpot) Len() int                              { return t.f.PartII.n() }
func (t ii07bOnSpot) Row(i int) kstt.RowMeta                { return t.f.PartII.meta(i) }
func (t ii07bOnSpot) Ints(i int, d []int64)                 { t.f.PartII.ints(i, d) }
func (t ii07bOnSpot) SetInts(i int, s []int64)              { t.f.PartII.setInts(i, s) }
func (t ii07bOnSpot) Rate(i, col int) decimal.Decimal       { return t.f.PartII.rate(i, col) }
func (t ii07bOnSpot) SetRate(i, col int, v decimal.Decimal) { t.f.PartII.setRate(i, col, v) }
func (t ii07bOnSpot) EnsureTotal()                          {}

var _ kstt.MutableTable = ii07bDesk{}
var _ kstt.MutableTable = ii07bOnSpot{}

// CellAddress returns the workbook address ("II.07b!D12") or
// text position the cell of the given part, 0-based printed row and
// official column (n) was read from, or "" for a form built in code. It
// makes the form a kstt.Locator, so findings name the cell.
func (f *II07b) CellAddress(part string, row, col int) string {
	return f.Origin.CellAddress(part, row, col)
}
