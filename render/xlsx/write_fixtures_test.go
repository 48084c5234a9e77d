package xlsx_test

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/period"
)

// Test fixtures: a small kstt.Form of our own (package bieu stays out of
// the renderer, tests included), declared with the seed report's labels and
// figures, laid out by kstt.Layout so the sheets carry real Relations.

// fxTable is one part of a fixture form: row metadata, the count and flag
// columns of each row indexed by official column number, and the rates.
type fxTable struct {
	width int
	metas []kstt.RowMeta
	ints  [][]int64
	rates []map[int]decimal.Decimal
}

func (t *fxTable) Len() int               { return len(t.metas) }
func (t *fxTable) Row(i int) kstt.RowMeta { return t.metas[i] }
func (t *fxTable) Ints(i int, dst []int64) {
	copy(dst, t.ints[i])
}
func (t *fxTable) Rate(i, col int) decimal.Decimal { return t.rates[i][col] }
func (t *fxTable) SetInts(i int, src []int64)      { copy(t.ints[i], src[:len(t.ints[i])]) }
func (t *fxTable) SetRate(i, col int, v decimal.Decimal) {
	t.rates[i][col] = v
}
func (t *fxTable) EnsureTotal() {
	if n := len(t.metas); n == 0 || t.metas[n-1].Kind != layout.TotalRow {
		t.add(layout.TotalRow, "", kstt.TotalLabel)
	}
}

// add appends a row; vals are columns (3), (4) … in order.
func (t *fxTable) add(kind layout.RowKind, stt, label string, vals ...int64) {
	t.metas = append(t.metas, kstt.RowMeta{Kind: kind, STT: stt, Label: label})
	row := make([]int64, t.width)
	copy(row[3:], vals)
	t.ints = append(t.ints, row)
	t.rates = append(t.rates, map[int]decimal.Decimal{})
}

// fxForm is a fixture form.
type fxForm struct {
	spec   *kstt.FormSpec
	header kstt.Header
	tables []*fxTable
}

func (f *fxForm) Spec() *kstt.FormSpec             { return f.spec }
func (f *fxForm) FormHeader() kstt.Header          { return f.header }
func (f *fxForm) Table(part int) kstt.Table        { return f.tables[part] }
func (f *fxForm) table(part int) *fxTable          { return f.tables[part] }
func (f *fxForm) sheet(t testing.TB) *layout.Sheet { return fillAndLayout(t, f) }

func newForm(spec *kstt.FormSpec) *fxForm {
	f := &fxForm{spec: spec, header: seedHeader()}
	for i := range spec.Parts {
		f.tables = append(f.tables, &fxTable{width: spec.Parts[i].MaxNum() + 1})
	}
	return f
}

func fillAndLayout(t testing.TB, f kstt.Form) *layout.Sheet {
	t.Helper()
	if err := kstt.Fill(f); err != nil {
		t.Fatalf("fill %s: %v", f.Spec().Code, err)
	}
	return kstt.Layout(f)
}

func seedHeader() kstt.Header {
	return kstt.Header{Unit: "Sở Ngoại vụ", Recipient: "UBND tỉnh", Period: period.Must(period.Quarter(2024, 2))}
}

func sumOf(id, part string, target int, terms ...int) kstt.Rule {
	r := kstt.Rule{ID: kstt.RuleID(id), Kind: kstt.SumOfColumns, Severity: kstt.Error, Target: kstt.Ref{Part: part, Col: target}}
	for _, c := range terms {
		r.Terms = append(r.Terms, kstt.Ref{Part: part, Col: c})
	}
	return r
}

func col(n int, key, label string, kind layout.ColumnKind, groups ...string) kstt.Column {
	return kstt.Column{Num: n, Key: key, Label: label, Groups: groups, Kind: kind}
}

const (
	gReceived = "Số lượng hồ sơ tiếp nhận"
	gResolved = "Số lượng hồ sơ đã giải quyết"
	gPending  = "Số lượng hồ sơ đang giải quyết"
)

// specII06a declares an II.06a-like form with the official labels.
func specII06a() *kstt.FormSpec {
	stt := col(1, "stt", "STT", layout.TextColumn)
	stt.Width = 5
	field := col(2, "field", "Lĩnh vực giải quyết", layout.TextColumn)
	field.Width = 28
	return &kstt.FormSpec{
		Code:  "II.06a",
		Title: "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
		Unit:  "Số hồ sơ TTHC",
		Parts: []kstt.PartSpec{{Columns: []kstt.Column{
			stt, field,
			col(3, "received", "Tổng số", layout.CountColumn, gReceived),
			col(4, "online", "Trực tuyến", layout.CountColumn, gReceived, "Trong kỳ"),
			col(5, "direct", "Trực tiếp, dịch vụ bưu chính", layout.CountColumn, gReceived, "Trong kỳ"),
			col(6, "carried_over", "Từ kỳ trước", layout.CountColumn, gReceived),
			col(7, "resolved", "Tổng số", layout.CountColumn, gResolved),
			col(8, "early", "Trước hạn", layout.CountColumn, gResolved),
			col(9, "on_time", "Đúng hạn", layout.CountColumn, gResolved),
			col(10, "late", "Quá hạn", layout.CountColumn, gResolved),
			col(11, "pending", "Tổng số", layout.CountColumn, gPending),
			col(12, "pending_on_time", "Trong hạn", layout.CountColumn, gPending),
			col(13, "pending_overdue", "Quá hạn", layout.CountColumn, gPending),
		}}},
		Rules: []kstt.Rule{
			sumOf("II.06a/R01", "", 3, 4, 5, 6),
			sumOf("II.06a/R02", "", 7, 8, 9, 10),
			sumOf("II.06a/R03", "", 11, 12, 13),
		},
	}
}

// seedII06a is the seed's II.06a: inputs only, Fill derives the rest.
func seedII06a() *fxForm {
	f := newForm(specII06a())
	t := f.table(0)
	//                                          (3) (4) (5) (6) (7) (8) (9) (10) (11) (12) (13)
	t.add(layout.DataRow, "1", "Lĩnh vực lãnh sự", 0, 31, 0, 0, 0, 0, 31, 0, 0, 0, 0)
	t.add(layout.DataRow, "2", "Lĩnh vực HTQT", 0, 0, 0, 2, 0, 0, 2, 0, 0, 0, 0)
	t.EnsureTotal()
	return f
}

// bigII06a is an II.06a-like form of n lĩnh vực rows.
func bigII06a(n int) *fxForm {
	f := newForm(specII06a())
	t := f.table(0)
	for i := range n {
		k := int64(i)
		t.add(layout.DataRow, fmt.Sprint(i+1), fmt.Sprintf("Lĩnh vực số %d của đơn vị", i+1),
			0, 100+k%900, k%37, k%11, 0, k%13, 90+k%800, k%7, 0, k%5, k%3)
	}
	t.EnsureTotal()
	return f
}

// specII07b declares an II.07b-like form: Part I counts, Part II rates
// against Part I (8) and (9).
func specII07b() *kstt.FormSpec {
	const (
		gCompetent = "Tổng số TTHC thuộc thẩm quyền giải quyết của địa phương"
		gOneStop   = "TTHC được thực hiện theo CCMC, MCLT"
		gProcess   = "Quy trình nội bộ giải quyết TTHC theo CCMC, MCLT được ban hành"
	)
	rate := func(id kstt.RuleID, target, count, desk int) kstt.Rule {
		return kstt.Rule{ID: id, Kind: kstt.Percentage, Severity: kstt.Warning, Places: 2,
			Target: kstt.Ref{Part: "II", Col: target},
			Terms:  []kstt.Ref{{Part: "II", Col: count}, {Part: "I", Col: desk}}}
	}
	return &kstt.FormSpec{
		Code:  "II.07b",
		Title: "TỔNG HỢP SỐ LƯỢNG THỦ TỤC HÀNH CHÍNH VÀ KẾT QUẢ THỰC HIỆN “4 TẠI CHỖ” TẠI BỘ PHẬN MỘT CỬA CỦA ĐỊA PHƯƠNG",
		Unit:  "TTHC, %",
		Parts: []kstt.PartSpec{
			{ID: "I", Title: "I. SỐ LƯỢNG TTHC TRIỂN KHAI TẠI BỘ PHẬN MỘT CỬA", Columns: []kstt.Column{
				col(1, "stt", "STT", layout.TextColumn),
				col(2, "field", "Lĩnh vực", layout.TextColumn),
				col(3, "competent", "Tổng số TTHC", layout.CountColumn, gCompetent),
				col(4, "competent_province", "Cấp tỉnh", layout.CountColumn, gCompetent),
				col(5, "competent_district", "Cấp huyện", layout.CountColumn, gCompetent),
				col(6, "competent_commune", "Cấp xã", layout.CountColumn, gCompetent),
				col(7, "one_stop", "Tổng số TTHC", layout.CountColumn, gOneStop),
				col(8, "one_stop_province", "Tại BPMC cấp tỉnh", layout.CountColumn, gOneStop),
				col(9, "one_stop_district", "Tại BPMC cấp huyện", layout.CountColumn, gOneStop),
				col(10, "one_stop_commune", "Tại BPMC cấp xã", layout.CountColumn, gOneStop),
				col(11, "process", "Tổng số quy trình", layout.CountColumn, gProcess),
				col(12, "process_province", "Cấp tỉnh", layout.CountColumn, gProcess),
				col(13, "process_district", "Cấp huyện", layout.CountColumn, gProcess),
				col(14, "process_commune", "Cấp xã", layout.CountColumn, gProcess),
			}},
			{ID: "II", Title: "II. KẾT QUẢ THỰC HIỆN “4 TẠI CHỖ” TẠI BỘ PHẬN MỘT CỬA CẤP TỈNH, HUYỆN", Columns: []kstt.Column{
				col(1, "stt", "STT", layout.TextColumn),
				col(2, "field", "Lĩnh vực", layout.TextColumn),
				col(3, "province", "Số lượng TTHC", layout.CountColumn, "Cấp tỉnh"),
				col(4, "province_rate", "Tỷ lệ", layout.RateColumn, "Cấp tỉnh"),
				col(5, "district", "Số lượng TTHC", layout.CountColumn, "Cấp huyện"),
				col(6, "district_rate", "Tỷ lệ", layout.RateColumn, "Cấp huyện"),
			}},
		},
		Rules: []kstt.Rule{
			sumOf("II.07b/R01", "I", 3, 4, 5, 6),
			sumOf("II.07b/R02", "I", 7, 8, 9, 10),
			sumOf("II.07b/R03", "I", 11, 12, 13, 14),
			rate("II.07b/R04", 4, 3, 8),
			rate("II.07b/R05", 6, 5, 9),
		},
	}
}

// seedII07b is the seed's II.07b.
func seedII07b() *fxForm {
	f := newForm(specII07b())
	p1, p2 := f.table(0), f.table(1)
	//                                             (3) (4) (5) (6) (7) (8) (9) (10) (11) (12) (13) (14)
	p1.add(layout.DataRow, "1", "Lĩnh vực đối ngoại", 0, 1, 0, 0, 0, 5, 0, 0, 0, 5, 0, 0)
	p1.EnsureTotal()
	p2.add(layout.DataRow, "1", "Lĩnh vực đối ngoại", 0)
	p2.EnsureTotal()
	return f
}

// ratesII07b has rates that are not 0: 1/3, 2/3, 1/32 (a tie at the
// fourth decimal of the fraction: 3.125 % rounds half away to 3.13 %) and
// a level with no procedure.
func ratesII07b() *fxForm {
	f := newForm(specII07b())
	p1, p2 := f.table(0), f.table(1)
	//                                            (3) (4) (5) (6) (7) (8) (9) (10) (11) (12) (13) (14)
	p1.add(layout.DataRow, "1", "Lĩnh vực đối ngoại", 0, 3, 3, 0, 0, 3, 3, 0, 0, 3, 3, 0)
	p1.add(layout.DataRow, "2", "Lĩnh vực tư pháp", 0, 32, 0, 0, 0, 32, 0, 0, 0, 32, 0, 0)
	p1.EnsureTotal()
	p2.add(layout.DataRow, "1", "Lĩnh vực đối ngoại", 1, 0, 2)
	p2.add(layout.DataRow, "2", "Lĩnh vực tư pháp", 1, 0, 0)
	p2.EnsureTotal()
	return f
}

// specII08 declares an II.08-like form.
func specII08() *kstt.FormSpec {
	const (
		gPartial = "DVCTT toàn trình một phần"
		gFull    = "DVCTT toàn trình"
	)
	return &kstt.FormSpec{
		Code:  "II.08",
		Title: "TÌNH HÌNH TRIỂN KHAI THỦ TỤC HÀNH CHÍNH TRÊN MÔI TRƯỜNG ĐIỆN TỬ CỦA CƠ QUAN, ĐỊA PHƯƠNG",
		Unit:  "hồ sơ TTHC",
		Parts: []kstt.PartSpec{{Columns: []kstt.Column{
			col(1, "stt", "STT", layout.TextColumn),
			col(2, "field", "Lĩnh vực", layout.TextColumn),
			col(3, "partial_assigned", "Được giao", layout.CountColumn, gPartial),
			col(4, "partial_deployed", "Đã triển khai", layout.CountColumn, gPartial),
			col(5, "partial_files", "Số lượng hồ sơ phát sinh", layout.CountColumn, gPartial),
			col(6, "full_assigned", "Được giao", layout.CountColumn, gFull),
			col(7, "full_deployed", "Đã triển khai", layout.CountColumn, gFull),
			col(8, "full_files", "Số lượng hồ sơ phát sinh", layout.CountColumn, gFull),
			col(9, "integrated", "Tích hợp với Cổng Dịch vụ công quốc gia (có=1; không=0)", layout.FlagColumn),
		}}},
	}
}

// seedII08 is the seed's II.08: section B, level I, one lĩnh vực.
func seedII08() *fxForm {
	f := newForm(specII08())
	t := f.table(0)
	t.add(layout.SectionRow, "B", "DVCTT DO CƠ QUAN, UBND TỈNH CHỦ ĐỘNG TRIỂN KHAI")
	t.add(layout.LevelRow, "I", "CẤP TỈNH")
	//                                             (3) (4) (5) (6) (7) (8) (9)
	t.add(layout.DataRow, "1", "Lĩnh vực đối ngoại", 4, 4, 0, 1, 1, 0, 1)
	t.EnsureTotal()
	return f
}

// twoLevelsII08 has lĩnh vực rows under two levels: the total sums rows
// that a level row separates.
func twoLevelsII08() *fxForm {
	f := seedII08()
	t := f.table(0)
	t.metas, t.ints, t.rates = t.metas[:3], t.ints[:3], t.rates[:3]
	t.add(layout.DataRow, "2", "Lĩnh vực lãnh sự", 2, 1, 7, 0, 0, 0, 0)
	t.add(layout.LevelRow, "II", "CẤP HUYỆN")
	t.add(layout.DataRow, "1", "Lĩnh vực tư pháp – hộ tịch, chứng thực và quốc tịch", 3, 3, 12, 2, 1, 5, 1)
	t.EnsureTotal()
	return f
}

// seedSheets are the seed report's three forms.
func seedSheets(t testing.TB) []*layout.Sheet {
	return []*layout.Sheet{seedII06a().sheet(t), seedII07b().sheet(t), seedII08().sheet(t)}
}
