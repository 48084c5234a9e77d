package text_test

import (
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/period"
)

// The fixtures below declare forms shaped like the official II.06a, II.07b
// and II.08 with kstt primitives only (render knows no bieu), labels copied
// from FORMS.md and the seed report, figures from the seed, and lay them
// out with kstt.Layout as a user's own form would be.

// testForm is a kstt.Form held as plain data.
type testForm struct {
	spec   *kstt.FormSpec
	header kstt.Header
	parts  []*testTable
}

func (f *testForm) Spec() *kstt.FormSpec      { return f.spec }
func (f *testForm) FormHeader() kstt.Header   { return f.header }
func (f *testForm) Table(part int) kstt.Table { return f.parts[part] }

type testRow struct {
	meta  kstt.RowMeta
	ints  map[int]int64
	rates map[int]decimal.Decimal
}

type testTable struct{ rows []testRow }

func (t *testTable) Len() int               { return len(t.rows) }
func (t *testTable) Row(i int) kstt.RowMeta { return t.rows[i].meta }
func (t *testTable) Ints(i int, dst []int64) {
	for n, v := range t.rows[i].ints {
		dst[n] = v
	}
}
func (t *testTable) Rate(i, col int) decimal.Decimal { return t.rows[i].rates[col] }

func data(stt, label string, vals ...int64) testRow {
	r := testRow{meta: kstt.RowMeta{Kind: layout.DataRow, STT: stt, Label: label}, ints: map[int]int64{}}
	for i, v := range vals {
		r.ints[i+3] = v
	}
	return r
}

func total(vals ...int64) testRow {
	r := data("", kstt.TotalLabel, vals...)
	r.meta.Kind = layout.TotalRow
	return r
}

func seedHeader() kstt.Header {
	return kstt.Header{Unit: "Sở Ngoại vụ", Recipient: "UBND tỉnh", Period: period.Must(period.Quarter(2024, 2))}
}

func sum(id, part string, target int, terms ...int) kstt.Rule {
	r := kstt.Rule{ID: kstt.RuleID(id), Kind: kstt.SumOfColumns, Severity: kstt.Error, Target: kstt.Ref{Part: part, Col: target}}
	for _, t := range terms {
		r.Terms = append(r.Terms, kstt.Ref{Part: part, Col: t})
	}
	return r
}

func count(n int, key, label string, groups ...string) kstt.Column {
	return kstt.Column{Num: n, Key: key, Label: label, Groups: groups, Kind: layout.CountColumn}
}

func sttCol() kstt.Column {
	return kstt.Column{Num: 1, Key: "stt", Label: "STT", Kind: layout.TextColumn, Width: 5}
}

func fieldCol(label string, w int) kstt.Column {
	return kstt.Column{Num: 2, Key: "field", Label: label, Kind: layout.TextColumn, Width: w}
}

// ii06a is a form like II.06a with the seed's figures.
func ii06a(rows ...testRow) *testForm {
	const rec, done, pend, in = "Số lượng hồ sơ tiếp nhận", "Số lượng hồ sơ đã giải quyết", "Số lượng hồ sơ đang giải quyết", "Trong kỳ"
	spec := &kstt.FormSpec{
		Code:  "II.06a",
		Title: "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
		Unit:  "Số hồ sơ TTHC",
		Parts: []kstt.PartSpec{{Columns: []kstt.Column{
			sttCol(), fieldCol("Lĩnh vực giải quyết", 28),
			count(3, "received", "Tổng số", rec),
			count(4, "online", "Trực tuyến", rec, in),
			count(5, "direct", "Trực tiếp, dịch vụ bưu chính", rec, in),
			count(6, "carried_over", "Từ kỳ trước", rec),
			count(7, "resolved", "Tổng số", done),
			count(8, "early", "Trước hạn", done),
			count(9, "on_time", "Đúng hạn", done),
			count(10, "late", "Quá hạn", done),
			count(11, "pending", "Tổng số", pend),
			count(12, "pending_on_time", "Trong hạn", pend),
			count(13, "pending_overdue", "Quá hạn", pend),
		}}},
		Rules: []kstt.Rule{sum("II.06a/R01", "", 3, 4, 5, 6), sum("II.06a/R02", "", 7, 8, 9, 10), sum("II.06a/R03", "", 11, 12, 13)},
	}
	if rows == nil {
		rows = []testRow{
			data("1", "Lĩnh vực lãnh sự", 31, 31, 0, 0, 31, 0, 31, 0, 0, 0, 0),
			data("2", "Lĩnh vực HTQT", 2, 0, 0, 2, 2, 0, 2, 0, 0, 0, 0),
			total(33, 31, 0, 2, 33, 0, 33, 0, 0, 0, 0),
		}
	}
	return &testForm{spec: spec, header: seedHeader(), parts: []*testTable{{rows: rows}}}
}

// ii07b is a two-part form like II.07b with the seed's figures.
func ii07b() *testForm {
	const g1, g2, g3 = "Tổng số TTHC thuộc thẩm quyền giải quyết của địa phương", "TTHC được thực hiện theo CCMC, MCLT", "Quy trình nội bộ giải quyết TTHC theo CCMC, MCLT được ban hành"
	rate := func(n int, key string, group string) kstt.Column {
		return kstt.Column{Num: n, Key: key, Label: "Tỷ lệ", Groups: []string{group}, Kind: layout.RateColumn}
	}
	spec := &kstt.FormSpec{
		Code:  "II.07b",
		Title: "TỔNG HỢP SỐ LƯỢNG THỦ TỤC HÀNH CHÍNH VÀ KẾT QUẢ THỰC HIỆN “4 TẠI CHỖ” TẠI BỘ PHẬN MỘT CỬA CỦA ĐỊA PHƯƠNG",
		Unit:  "TTHC, %",
		Parts: []kstt.PartSpec{
			{ID: "I", Title: "I. SỐ LƯỢNG TTHC TRIỂN KHAI TẠI BỘ PHẬN MỘT CỬA", Columns: []kstt.Column{
				sttCol(), fieldCol("Lĩnh vực", 24),
				count(3, "competent", "Tổng số TTHC", g1), count(4, "competent_province", "Cấp tỉnh", g1),
				count(5, "competent_district", "Cấp huyện", g1), count(6, "competent_commune", "Cấp xã", g1),
				count(7, "one_stop", "Tổng số TTHC", g2), count(8, "one_stop_province", "Tại BPMC cấp tỉnh", g2),
				count(9, "one_stop_district", "Tại BPMC cấp huyện", g2), count(10, "one_stop_commune", "Tại BPMC cấp xã", g2),
				count(11, "process", "Tổng số quy trình", g3), count(12, "process_province", "Cấp tỉnh", g3),
				count(13, "process_district", "Cấp huyện", g3), count(14, "process_commune", "Cấp xã", g3),
			}},
			{ID: "II", Title: "II. KẾT QUẢ THỰC HIỆN “4 TẠI CHỖ” TẠI BỘ PHẬN MỘT CỬA CẤP TỈNH, HUYỆN", Columns: []kstt.Column{
				sttCol(), fieldCol("Lĩnh vực", 24),
				count(3, "province", "Số lượng TTHC", "Cấp tỉnh"), rate(4, "province_rate", "Cấp tỉnh"),
				count(5, "district", "Số lượng TTHC", "Cấp huyện"), rate(6, "district_rate", "Cấp huyện"),
			}},
		},
		Rules: []kstt.Rule{sum("II.07b/R01", "I", 3, 4, 5, 6), sum("II.07b/R02", "I", 7, 8, 9, 10), sum("II.07b/R03", "I", 11, 12, 13, 14)},
	}
	partII := func(r testRow) testRow {
		r.rates = map[int]decimal.Decimal{4: decimal.Zero, 6: decimal.Zero}
		return r
	}
	return &testForm{spec: spec, header: seedHeader(), parts: []*testTable{
		{rows: []testRow{
			data("1", "Lĩnh vực đối ngoại", 1, 1, 0, 0, 5, 5, 0, 0, 5, 5, 0, 0),
			total(1, 1, 0, 0, 5, 5, 0, 0, 5, 5, 0, 0),
		}},
		{rows: []testRow{
			partII(data("1", "Lĩnh vực đối ngoại", 0, 0, 0, 0)),
			partII(total(0, 0, 0, 0)),
		}},
	}}
}

// ii08 is a form like II.08 with section and level rows and the seed's
// figures.
func ii08() *testForm {
	const p, f = "DVCTT toàn trình một phần", "DVCTT toàn trình"
	spec := &kstt.FormSpec{
		Code:  "II.08",
		Title: "TÌNH HÌNH TRIỂN KHAI THỦ TỤC HÀNH CHÍNH TRÊN MÔI TRƯỜNG ĐIỆN TỬ CỦA CƠ QUAN, ĐỊA PHƯƠNG",
		Unit:  "hồ sơ TTHC",
		Parts: []kstt.PartSpec{{Columns: []kstt.Column{
			sttCol(), fieldCol("Lĩnh vực", 30),
			count(3, "partial_assigned", "Được giao", p), count(4, "partial_deployed", "Đã triển khai", p),
			count(5, "partial_files", "Số lượng hồ sơ phát sinh", p),
			count(6, "full_assigned", "Được giao", f), count(7, "full_deployed", "Đã triển khai", f),
			count(8, "full_files", "Số lượng hồ sơ phát sinh", f),
			{Num: 9, Key: "integrated", Label: "Tích hợp với Cổng Dịch vụ công quốc gia (có=1; không=0)", Kind: layout.FlagColumn, Width: 16},
		}}},
	}
	row := func(kind layout.RowKind, stt, label string) testRow {
		return testRow{meta: kstt.RowMeta{Kind: kind, STT: stt, Label: label}}
	}
	return &testForm{spec: spec, header: seedHeader(), parts: []*testTable{{rows: []testRow{
		row(layout.SectionRow, "B", "DVCTT DO CƠ QUAN, UBND TỈNH CHỦ ĐỘNG TRIỂN KHAI"),
		row(layout.LevelRow, "I", "CẤP TỈNH"),
		data("1", "Lĩnh vực đối ngoại", 4, 4, 0, 1, 1, 0, 1),
		total(4, 4, 0, 1, 1, 0, 1),
	}}}}
}

// bigII06a is an II.06a-like sheet of n data rows and TỔNG CỘNG.
func bigII06a(n int) *layout.Sheet {
	rows := make([]testRow, 0, n+1)
	var tot [11]int64
	for i := range n {
		on, direct, prev := int64(i%97), int64(i%13), int64(i%5)
		rec := on + direct + prev
		early, late := rec/3, rec/7
		ontime := rec - early - late - prev%2
		pend := rec - early - ontime - late
		vals := []int64{rec, on, direct, prev, early + ontime + late, early, ontime, late, pend, pend, 0}
		for j, v := range vals {
			tot[j] += v
		}
		rows = append(rows, data(strconv.Itoa(i+1), "Lĩnh vực thứ "+strconv.Itoa(i+1)+" của đơn vị", vals...))
	}
	rows = append(rows, total(tot[:]...))
	return kstt.Layout(ii06a(rows...))
}
