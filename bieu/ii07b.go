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

const (
	groupCompetent = "Tổng số TTHC thuộc thẩm quyền giải quyết của địa phương"
	groupOneStop   = "TTHC được thực hiện theo CCMC, MCLT"
	groupProcess   = "Quy trình nội bộ giải quyết TTHC theo CCMC, MCLT được ban hành"
	ministryNote   = "Có thể hợp lệ: TTHC thuộc thẩm quyền của bộ, ngành nhưng tiếp nhận tại Bộ phận Một cửa của địa phương (như 4 trong 5 TTHC của mẫu Sở Ngoại vụ) được tính ở (7) mà không ở (3)"
	ministryNoteEN = "may be legitimate: procedures of a ministry that are received at the local one-stop desk (4 of the 5 in the Sở Ngoại vụ sample) count in (7) but not in (3)"
)

func deskCols() []kstt.Column {
	c := func(n int, key, label, group string, w int) kstt.Column {
		return kstt.Column{Num: n, Key: key, Label: label, Groups: []string{group}, Kind: layout.CountColumn, Width: w}
	}
	return []kstt.Column{
		{Num: 1, Key: "stt", Label: "STT", Kind: layout.TextColumn, Width: 5},
		{Num: 2, Key: "field", Label: "Lĩnh vực", Kind: layout.TextColumn, Width: 24},
		c(3, "competent", "Tổng số TTHC", groupCompetent, 0),
		c(4, "competent_province", "Cấp tỉnh", groupCompetent, 0),
		c(5, "competent_district", "Cấp huyện", groupCompetent, 0),
		c(6, "competent_commune", "Cấp xã", groupCompetent, 0),
		c(7, "one_stop", "Tổng số TTHC", groupOneStop, 0),
		c(8, "one_stop_province", "Tại BPMC cấp tỉnh", groupOneStop, 0),
		c(9, "one_stop_district", "Tại BPMC cấp huyện", groupOneStop, 0),
		c(10, "one_stop_commune", "Tại BPMC cấp xã", groupOneStop, 0),
		c(11, "process", "Tổng số quy trình", groupProcess, 0),
		c(12, "process_province", "Cấp tỉnh", groupProcess, 0),
		c(13, "process_district", "Cấp huyện", groupProcess, 0),
		c(14, "process_commune", "Cấp xã", groupProcess, 0),
	}
}

// english names a level in English for messages.
func english(level string) string {
	switch level {
	case "cấp tỉnh":
		return "province"
	case "cấp huyện":
		return "district"
	case "cấp xã":
		return "commune"
	}
	return "all levels"
}

func oneStopRule(id kstt.RuleID, target, other int, level string) kstt.Rule {
	r := atMostRule(id, "I", target, "I", other,
		"số TTHC thực hiện tại Bộ phận Một cửa "+level+" không vượt số TTHC thuộc thẩm quyền "+level,
		"procedures at the one-stop desk ("+english(level)+") do not exceed the procedures within local competence ("+english(level)+")")
	r.Note, r.NoteEN = ministryNote, ministryNoteEN
	return r
}

func processRule(id kstt.RuleID, target, other int, level string) kstt.Rule {
	return atMostRule(id, "I", target, "I", other,
		"số quy trình nội bộ được ban hành "+level+" không vượt số TTHC thực hiện tại Bộ phận Một cửa "+level,
		"internal processes issued ("+english(level)+") do not exceed the procedures at the one-stop desk ("+english(level)+")")
}

func rateRule(id kstt.RuleID, target, count, deskCol int, level string) kstt.Rule {
	return kstt.Rule{ID: id, Kind: kstt.Percentage, Severity: kstt.Warning, Inferred: true, Places: 2,
		Basis:     formBasis(id) + ", Phần II (định nghĩa tỷ lệ suy ra)",
		Expr:      "Phần II: (" + itoa(target) + ") = (" + itoa(count) + ") ÷ Phần I (" + itoa(deskCol) + ") × 100",
		Meaning:   "tỷ lệ TTHC " + level + " thực hiện “4 tại chỗ” trên số TTHC tại Bộ phận Một cửa " + level + "; bằng 0 khi không có TTHC",
		MeaningEN: "share (%) of the " + english(level) + " one-stop procedures done “4 tại chỗ”; 0 when there is none",
		Target:    kstt.Ref{Part: "II", Col: target},
		Terms:     []kstt.Ref{{Part: "II", Col: count}, {Part: "I", Col: deskCol}},
	}
}

var specII07b = &kstt.FormSpec{
	Code:  "II.07b",
	Title: "TỔNG HỢP SỐ LƯỢNG THỦ TỤC HÀNH CHÍNH VÀ KẾT QUẢ THỰC HIỆN “4 TẠI CHỖ” TẠI BỘ PHẬN MỘT CỬA CỦA ĐỊA PHƯƠNG",
	Unit:  "TTHC, %",
	Basis: basis + "Biểu số II.07b/VPCP/KSTT",
	Parts: []kstt.PartSpec{
		{ID: "I", Title: "I. SỐ LƯỢNG TTHC TRIỂN KHAI TẠI BỘ PHẬN MỘT CỬA", Columns: deskCols()},
		{ID: "II", Title: "II. KẾT QUẢ THỰC HIỆN “4 TẠI CHỖ” TẠI BỘ PHẬN MỘT CỬA CẤP TỈNH, HUYỆN", Columns: []kstt.Column{
			{Num: 1, Key: "stt", Label: "STT", Kind: layout.TextColumn, Width: 5},
			{Num: 2, Key: "field", Label: "Lĩnh vực", Kind: layout.TextColumn, Width: 24},
			{Num: 3, Key: "province", Label: "Số lượng TTHC", Groups: []string{"Cấp tỉnh"}, Kind: layout.CountColumn},
			{Num: 4, Key: "province_rate", Label: "Tỷ lệ", Groups: []string{"Cấp tỉnh"}, Kind: layout.RateColumn},
			{Num: 5, Key: "district", Label: "Số lượng TTHC", Groups: []string{"Cấp huyện"}, Kind: layout.CountColumn},
			{Num: 6, Key: "district_rate", Label: "Tỷ lệ", Groups: []string{"Cấp huyện"}, Kind: layout.RateColumn},
		}},
	},
	Rules: []kstt.Rule{
		sumRule("II.07b/R01", "I", 3, 4, 5, 6),
		sumRule("II.07b/R02", "I", 7, 8, 9, 10),
		sumRule("II.07b/R03", "I", 11, 12, 13, 14),
		totalRule("II.07b/R04", "I"),
		nonNegativeRule("II.07b/R05", "I"),
		oneStopRule("II.07b/R06", 7, 3, "(mọi cấp)"),
		oneStopRule("II.07b/R07", 8, 4, "cấp tỉnh"),
		oneStopRule("II.07b/R08", 9, 5, "cấp huyện"),
		oneStopRule("II.07b/R09", 10, 6, "cấp xã"),
		processRule("II.07b/R10", 11, 7, "(mọi cấp)"),
		processRule("II.07b/R11", 12, 8, "cấp tỉnh"),
		processRule("II.07b/R12", 13, 9, "cấp huyện"),
		processRule("II.07b/R13", 14, 10, "cấp xã"),
		totalRule("II.07b/R14", "II"),
		nonNegativeRule("II.07b/R15", "II"),
		rateRule("II.07b/R16", 4, 3, 8, "cấp tỉnh"),
		rateRule("II.07b/R17", 6, 5, 9, "cấp huyện"),
		atMostRule("II.07b/R18", "II", 3, "I", 8,
			"số TTHC cấp tỉnh thực hiện “4 tại chỗ” không vượt số TTHC tại Bộ phận Một cửa cấp tỉnh",
			"provincial procedures done “4 tại chỗ” do not exceed those at the provincial one-stop desk"),
		atMostRule("II.07b/R19", "II", 5, "I", 9,
			"số TTHC cấp huyện thực hiện “4 tại chỗ” không vượt số TTHC tại Bộ phận Một cửa cấp huyện",
			"district procedures done “4 tại chỗ” do not exceed those at the district one-stop desk"),
	},
}

// CellAddress returns the workbook address ("II.07b!D12") or
// text position the cell of the given part, 0-based printed row and
// official column (n) was read from, or "" for a form built in code. It
// lets findings name the cell.
func (f *II07b) CellAddress(part string, row, col int) string {
	return f.Origin.CellAddress(part, row, col)
}
