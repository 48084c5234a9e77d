package bieu_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"
	"golang.org/x/text/unicode/norm"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/grid"
	"github.com/baocaodinhky/vpcp/kstt/outline"
	"github.com/baocaodinhky/vpcp/period"
	"github.com/baocaodinhky/vpcp/render/text"
)

// ignoreOrigin leaves the cell addresses out of form comparisons; periods
// compare with ==.
var ignoreOrigin = cmp.Options{cmpopts.IgnoreTypes(kstt.Origin{}), cmpopts.EquateComparable(period.Period{})}

func pasted(t testing.TB, s string) []*grid.Grid {
	t.Helper()
	gs, err := text.ReadPasted(strings.NewReader(s), "t.txt")
	if err != nil {
		t.Fatal(err)
	}
	return gs
}

func mustRead(t testing.TB, gs []*grid.Grid) *bieu.ReadGridsResult {
	t.Helper()
	res, err := bieu.ReadGridsForTest(gs, bieu.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func ruleIDs(fs kstt.Findings) []string {
	var out []string
	for _, f := range fs {
		out = append(out, string(f.Rule))
	}
	return out
}

func fill[T interface{ Fill() error }](t testing.TB, f T) T {
	t.Helper()
	if err := f.Fill(); err != nil {
		t.Fatal(err)
	}
	return f
}

var q2 = period.Must(period.Quarter(2024, 2))

// seedForms are the three forms of the seed report with the figures it
// prints (as examples/quickstart builds them).
func seedForms(t testing.TB) []kstt.Form {
	h := kstt.Header{Unit: "Sở Ngoại vụ", Recipient: "UBND tỉnh", Period: q2}
	a := fill(t, &bieu.II06a{Header: h, Rows: []bieu.II06aRow{
		{STT: "1", Field: "Lĩnh vực lãnh sự", Online: 31, OnTime: 31},
		{STT: "2", Field: "Lĩnh vực HTQT", CarriedOver: 2, OnTime: 2},
	}})
	b := &bieu.II07b{Header: h}
	b.PartI.Rows = []bieu.II07bDeskRow{{STT: "1", Field: "Lĩnh vực đối ngoại", CompetentProvince: 1, OneStopProvince: 5, ProcessProvince: 5}}
	b.PartII.Rows = []bieu.II07bOnSpotRow{{STT: "1", Field: "Lĩnh vực đối ngoại"}}
	fill(t, b)
	c := fill(t, &bieu.II08{Header: h, Sections: []bieu.II08Section{{Code: "B", Title: bieu.SectionB,
		Levels: []bieu.II08Level{{Code: "I", Title: bieu.LevelProvince, Rows: []bieu.II08Row{
			{STT: "1", Field: "Lĩnh vực đối ngoại", PartialAssigned: 4, PartialDeployed: 4, FullAssigned: 1, FullDeployed: 1, Integrated: 1},
		}}}}}})
	return []kstt.Form{a, b, c}
}

var seedFiles = &outline.FileFigures{Received: 33, New: 31, Online: 31, Direct: 0, CarriedOver: 2,
	Resolved: 33, Early: 0, OnTime: 33, Late: 0, Pending: 0, PendingOnTime: 0, PendingOverdue: 0}

// checkSeed verifies what reading the seed (whole, or its tables) gives.
func checkSeed(t *testing.T, gs []*grid.Grid, name string, wantFiles bool) {
	t.Helper()
	res := mustRead(t, gs)
	if diff := cmp.Diff(seedForms(t), res.Forms, ignoreOrigin); diff != "" {
		t.Fatalf("forms differ from the seed's (-want +got):\n%s", diff)
	}
	if res.PeriodText != "(Từ ngày 15/3/2023 – 14/6/2024)" {
		t.Errorf("PeriodText = %q", res.PeriodText)
	}
	if wantFiles {
		if diff := cmp.Diff(seedFiles, res.Files); diff != "" {
			t.Errorf("section I.6 figures (-want +got):\n%s", diff)
		}
	}
	// The only reader remark: II.08 prints its column (9) as a second (8).
	if got := ruleIDs(res.Findings); !cmp.Equal(got, []string{"READ/R05"}) {
		t.Errorf("reader findings %v:\n%v", got, res.Findings)
	}
	rep := res.Report()
	if rep.Header.Unit != "Sở Ngoại vụ" || rep.Header.Recipient != "UBND tỉnh" || rep.Header.Period != q2 {
		t.Errorf("report header %+v", rep.Header)
	}
	fs, err := bieu.Check(rep, kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// FORMS.md, "What the seed must yield": the heading period, II.07b
	// (7) > (3) and (8) > (4), II.06a Σ(4) against II.08 Σ(5)+(8).
	want := []string{"KSTT/R02", "KSTT/R03", "II.07b/R06", "II.07b/R07"}
	if !wantFiles {
		want = []string{"KSTT/R02", "KSTT/R03", "II.07b/R06", "II.07b/R07"}
	}
	got := ruleIDs(fs)
	if !cmp.Equal(got, want, cmpopts.SortSlices(func(a, b string) bool { return a < b })) {
		t.Fatalf("check findings %v, want %v:\n%v", got, want, fs)
	}
	cells := map[kstt.RuleID]string{}
	for _, f := range fs {
		cells[f.Rule] = f.Cell
	}
	for rule, want := range map[kstt.RuleID]string{
		"II.07b/R06": name + ":L182:C7", "II.07b/R07": name + ":L182:C8", "KSTT/R03": name + ":L158:C4",
	} {
		if !strings.HasSuffix(cells[rule], want[strings.Index(want, ":L"):]) || !strings.HasPrefix(cells[rule], name) {
			t.Errorf("%s cell = %q, want like %q", rule, cells[rule], want)
		}
	}
}

func TestReadSeedWholeFile(t *testing.T) {
	f, err := os.Open("../../shared/seed/000_742b9db855b4b0c1.txt")
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			t.Skip("../shared/seed is absent (a user's clone)")
		}
		t.Fatal(err)
	}
	defer f.Close()
	gs, err := text.ReadPasted(f, "seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	checkSeed(t, gs, "seed.txt", true)
}

func TestReadSeedTablesTestdata(t *testing.T) {
	b, err := os.ReadFile("../examples/kstt/testdata/seed-tables.txt")
	if err != nil {
		t.Fatal(err)
	}
	gs, err := text.ReadPasted(strings.NewReader(string(b)), "seed-tables.txt")
	if err != nil {
		t.Fatal(err)
	}
	res := mustRead(t, gs)
	if diff := cmp.Diff(seedForms(t), res.Forms, ignoreOrigin); diff != "" {
		t.Fatalf("forms differ (-want +got):\n%s", diff)
	}
	if res.PeriodText != "(Từ ngày 15/3/2023 – 14/6/2024)" || !cmp.Equal(res.Files, seedFiles) {
		t.Errorf("narrative: %q %+v", res.PeriodText, res.Files)
	}
}

// A small II.06a, as pasted, used for the variants below.
const (
	head06a = "Biểu số II.06a/VPCP/KSTT\n\nTÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH\n" +
		"Đơn vị báo cáo: Sở Tư pháp\nĐơn vị nhận báo cáo: UBND tỉnh\nKỳ báo cáo: Quý II năm 2024\n(Từ ngày 15/3/2024 đến ngày 14/6/2024)\n\n"
	labels06a = "STT\tLĩnh vực giải quyết\tSố lượng hồ sơ tiếp nhận\t\t\t\tSố lượng hồ sơ đã giải quyết\t\t\t\tSố lượng hồ sơ đang giải quyết\n" +
		"\t\tTổng số\tTrong kỳ\t\tTừ kỳ trước\tTổng số\tTrước hạn\tĐúng hạn\tQuá hạn\tTổng số\tTrong hạn\tQuá hạn\n" +
		"\t\t\tTrực tuyến\tTrực tiếp, dịch vụ bưu chính\n"
	numbers06a = "(1)\t(2)\t(3)=(4)+(5)+(6)\t(4)\t(5)\t(6)\t(7)=(8)+(9)+(10)\t(8)\t(9)\t(10)\t(11)=(12)+(13)\t(12)\t(13)\n"
	body06a    = "1\tLĩnh vực hộ tịch\t10\t6\t3\t1\t8\t1\t7\t0\t2\t1\t1\n" +
		"2\tLĩnh vực luật sư\t4\t4\t0\t0\t4\t0\t4\t0\t0\t0\t0\n" +
		"TỔNG CỘNG\t\t14\t10\t3\t1\t12\t1\t11\t0\t2\t1\t1\n\nĐơn vị tính: Số hồ sơ TTHC\n"
	doc06a = head06a + labels06a + numbers06a + body06a
)

func want06a(t testing.TB) *bieu.II06a {
	return fill(t, &bieu.II06a{Header: kstt.Header{Unit: "Sở Tư pháp", Recipient: "UBND tỉnh", Period: q2}, Rows: []bieu.II06aRow{
		{STT: "1", Field: "Lĩnh vực hộ tịch", Online: 6, Direct: 3, CarriedOver: 1, Early: 1, OnTime: 7, PendingOnTime: 1, PendingOverdue: 1},
		{STT: "2", Field: "Lĩnh vực luật sư", Online: 4, OnTime: 4},
	}})
}

func TestReadVariantsII06a(t *testing.T) {
	cases := map[string]string{
		"official":                           doc06a,
		"NFD":                                norm.NFD.String(doc06a),
		"CRLF and BOM":                       "\uFEFF" + strings.ReplaceAll(doc06a, "\n", "\r\n"),
		"code line in capitals, odd spacing": strings.Replace(doc06a, "Biểu số II.06a/VPCP/KSTT", "BIỂU SỐ  II.06A / VPCP / KSTT", 1),
		"Trong đó for Trong kỳ":              strings.Replace(doc06a, "Trong kỳ", "Trong đó", 1),
		"Tiếp nhận as first group":           strings.Replace(doc06a, "Số lượng hồ sơ tiếp nhận", "Tiếp nhận", 1),
		"numbered 1…13 without parentheses": head06a + labels06a +
			"1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12\t13\n" + body06a,
		"no column-number row": head06a + labels06a + body06a,
		"spreadsheet clipboard, line breaks in cells": strings.NewReplacer("Trực tiếp, dịch vụ bưu chính", "\"Trực tiếp,\ndịch vụ bưu chính\"",
			"\tLĩnh vực giải quyết\t", "\t\"Lĩnh vực\ngiải quyết\"\t").Replace(doc06a),
		"no code line":            strings.Replace(doc06a, "Biểu số II.06a/VPCP/KSTT", "", 1),
		"no labels":               head06a + numbers06a + body06a,
		"zero-padded and grouped": strings.Replace(strings.Replace(doc06a, "\t10\t6\t3\t1\t8", "\t010\t06\t3\t01\t8", 1), "\t14\t10\t3", "\t14\t10\t03", 1),
		"extra blank rows and columns": strings.NewReplacer("\n1\t", "\n\n\n1\t", "\nTỔNG", "\n\nTỔNG").Replace(
			strings.ReplaceAll(head06a+labels06a+numbers06a+body06a, "\t", "\t\t")),
		"leading blank column":       "\t" + strings.ReplaceAll(strings.TrimSuffix(doc06a, "\n"), "\n", "\n\t") + "\n",
		"recipient on the next line": strings.Replace(doc06a, "Đơn vị nhận báo cáo: UBND tỉnh", "Đơn vị nhận báo cáo:\n\nUBND tỉnh", 1),
		"unit and recipient on one line": strings.Replace(doc06a, "Đơn vị báo cáo: Sở Tư pháp\nĐơn vị nhận báo cáo: UBND tỉnh",
			"Đơn vị báo cáo: Sở Tư pháp; Đơn vị nhận báo cáo: UBND tỉnh", 1),
		"header repeated at a page break": head06a + labels06a + numbers06a + "1\tLĩnh vực hộ tịch\t10\t6\t3\t1\t8\t1\t7\t0\t2\t1\t1\n" +
			labels06a + numbers06a + "2\tLĩnh vực luật sư\t4\t4\t0\t0\t4\t0\t4\t0\t0\t0\t0\nTỔNG CỘNG\t\t14\t10\t3\t1\t12\t1\t11\t0\t2\t1\t1\n",
		"Ghi chú column": strings.NewReplacer("\tQuá hạn\n", "\tQuá hạn\tGhi chú\n", "(13)\n", "(13)\t(14)\n", "\t1\t1\n", "\t1\t1\tx\n").Replace(doc06a),
		"Markdown pipe table": head06a + "| STT | Lĩnh vực giải quyết | Tổng số | Trực tuyến | Trực tiếp, dịch vụ bưu chính | Từ kỳ trước | Tổng số | Trước hạn | Đúng hạn | Quá hạn | Tổng số | Trong hạn | Quá hạn |\n" +
			"|---|---|---|---|---|---|---|---|---|---|---|---|---|\n" +
			"| 1 | Lĩnh vực hộ tịch | 10 | 6 | 3 | 1 | 8 | 1 | 7 | 0 | 2 | 1 | 1 |\n| 2 | Lĩnh vực luật sư | 4 | 4 | 0 | 0 | 4 | 0 | 4 | 0 | 0 | 0 | 0 |\n" +
			"| **TỔNG CỘNG** | | 14 | 10 | 3 | 1 | 12 | 1 | 11 | 0 | 2 | 1 | 1 |\n",
	}
	want := want06a(t)
	for name, doc := range cases {
		t.Run(name, func(t *testing.T) {
			res := mustRead(t, pasted(t, doc))
			if len(res.Forms) != 1 {
				t.Fatalf("%d forms", len(res.Forms))
			}
			if diff := cmp.Diff(kstt.Form(want), res.Forms[0], ignoreOrigin); diff != "" {
				t.Fatalf("(-want +got):\n%s", diff)
			}
			for _, f := range res.Findings {
				if f.Severity > kstt.Info {
					t.Errorf("unexpected finding: %v", f)
				}
			}
			fs, err := kstt.Check(res.Forms[0], kstt.CheckOptions{})
			if err != nil || len(fs) != 0 {
				t.Errorf("check: %v %v", err, fs)
			}
		})
	}
}

func TestReadCellAddressesInFindings(t *testing.T) {
	doc := strings.Replace(doc06a, "TỔNG CỘNG\t\t14\t10", "TỔNG CỘNG\t\t15\t10", 1)
	res := mustRead(t, pasted(t, doc))
	// The cells are the report's (Report.Origins): checking the report
	// names them; the form alone is a plain value and knows none.
	fs, err := bieu.Official().Check(res.Report(), kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var cells []string
	for _, f := range fs {
		if strings.HasPrefix(string(f.Rule), "II.06a/") {
			cells = append(cells, string(f.Rule)+" "+f.Cell)
		}
	}
	if alone, _ := kstt.Check(res.Forms[0], kstt.CheckOptions{}); len(alone) != len(cells) || alone[0].Cell != "" {
		t.Errorf("the form alone: %v", alone)
	}
	// Line 15 of the document is TỔNG CỘNG; (3) is its third field.
	want := []string{"II.06a/R01 t.txt:L15:C3", "II.06a/R04 t.txt:L15:C3", "II.06a/R06 t.txt:L15:C3"}
	if !cmp.Equal(cells, want) {
		t.Errorf("findings at %v, want %v", cells, want)
	}
}

// cells for hand-built grids, as render/xlsx reads them.
func s(text string) grid.Cell     { return grid.Cell{Text: text} }
func n(v string) grid.Cell        { return grid.Cell{Text: v, IsNum: true} }
func pct(v string) grid.Cell      { return grid.Cell{Text: v, IsNum: true, Percent: true} }
func fx(formula string) grid.Cell { return grid.Cell{Formula: formula} }
func fc(formula, v string) grid.Cell {
	return grid.Cell{Formula: formula, Text: v, IsNum: true, Cached: true}
}

func headRows(code string) [][]grid.Cell {
	return [][]grid.Cell{
		{s("Biểu số " + code + "/VPCP/KSTT")},
		{s("Đơn vị báo cáo:"), s("Sở Tư pháp")},
		{s("Đơn vị nhận báo cáo: UBND tỉnh")},
		{s("Kỳ báo cáo:"), {}, s("Quý II năm 2024")},
		{s("(Từ ngày 15/3/2024 đến ngày 14/6/2024)")},
	}
}

func numbersRow(n int) []grid.Cell {
	var row []grid.Cell
	for i := 1; i <= n; i++ {
		row = append(row, s("("+itoa(i)+")"))
	}
	return row
}

func itoa(i int) string { return decimal.NewFromInt(int64(i)).String() }

func TestReadWorkbookLikeCells(t *testing.T) {
	rows := headRows("II.06a")
	rows = append(rows, numbersRow(13),
		[]grid.Cell{n("1"), s("Lĩnh vực hộ tịch"), fx("D7+E7+F7"), n("6"), n("3"), n("1"), fc("I7+J7+K7", "8"), n("1"), n("7"), {}, fx("M7+N7"), n("1"), n("1")},
		[]grid.Cell{s("2"), s("Lĩnh vực luật sư"), fc("D8+E8+F8", "4"), s("4"), s("0"), s("0"), n("4"), n("0"), n("4.0"), n("0"), n("0"), n("0"), n("0")},
		[]grid.Cell{{}, s("TỔNG CỘNG"), fx("SUM(C7:C8)"), fx("SUM(D7:D8)"), fc("SUM(E7:E8)", "3"), n("1"), n("12"), n("1"), n("11"), n("0"), fx("L9+M9"), n("1"), n("1")},
	)
	g := &grid.Grid{Name: "II.06a", Rows: rows}
	res := mustRead(t, []*grid.Grid{g})
	if diff := cmp.Diff(kstt.Form(want06a(t)), res.Forms[0], ignoreOrigin); diff != "" {
		t.Fatalf("(-want +got):\n%s", diff)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, string(f.Rule)+" "+f.Cell+" "+f.Expected)
	}
	want := []string{
		"READ/R02 II.06a!C7 10", "READ/R01 II.06a!J7 0", "READ/R02 II.06a!K7 2",
		"READ/R02 II.06a!C9 14", "READ/R02 II.06a!D9 10", "READ/R02 II.06a!K9 2",
	}
	if !cmp.Equal(got, want, cmpopts.SortSlices(func(a, b string) bool { return a < b })) {
		t.Errorf("reader findings:\n%v\nwant\n%v", got, want)
	}
	if a := res.Report().CellAddress("II.06a", "", 2, 13); a != "II.06a!M9" {
		t.Errorf("address of TỔNG CỘNG (13) = %q", a)
	}
}

func TestReadBadCellsAndMissingTotal(t *testing.T) {
	rows := headRows("II.06a")
	rows = append(rows, numbersRow(13),
		[]grid.Cell{n("1"), s("Lĩnh vực hộ tịch"), n("10"), n("6"), s("ba"), n("1"), n("8"), n("1"), n("7.5"), n("0"), n("2"), fx("Sheet2!B3"), grid.Cell{Text: "#REF!"}},
		nil,
		[]grid.Cell{s("Người lập biểu")},
	)
	res := mustRead(t, []*grid.Grid{{Name: "Sheet1", Rows: rows}})
	var got []string
	for _, f := range res.Findings {
		got = append(got, string(f.Rule)+" "+f.Severity.String()+" "+f.Cell)
	}
	want := []string{
		"READ/R04 error Sheet1!E7", "READ/R04 error Sheet1!I7", "READ/R04 error Sheet1!M7",
		"READ/R03 warning Sheet1!L7", "READ/R06 warning Sheet1!A8",
	}
	if !cmp.Equal(got, want, cmpopts.SortSlices(func(a, b string) bool { return a < b })) {
		t.Errorf("findings %v, want %v", got, want)
	}
	f := res.Forms[0].(*bieu.II06a)
	if f.Total.Received != 10 || f.Total.Online != 6 || f.Rows[0].Direct != 0 {
		t.Errorf("total not computed from the rows: %+v", f.Total)
	}
}

func TestReadPercentAndII07bVariants(t *testing.T) {
	rows := headRows("II.07b")
	rows = append(rows,
		[]grid.Cell{s("I. SỐ LƯỢNG TTHC TRIỂN KHAI TẠI BỘ PHẬN MỘT CỬA")},
		[]grid.Cell{s("STT"), s("Đơn vị"), s("Tổng số TTHC thuộc thẩm quyền giải quyết của địa phương")},
		[]grid.Cell{{}, {}, s("Tổng số TTHC"), s("Cấp tỉnh"), s("Cấp huyện"), s("Cấp xã"), s("Tổng số TTHC"), s("Tại BPMC cấp tỉnh"), s("Tại BPMC cấp huyện"), s("Tại BPMC cấp xã"), s("Tổng số quy trình"), s("Cấp tỉnh"), s("Cấp huyện"), s("Cấp Xã")},
		[]grid.Cell{n("1"), n("2"), n("3"), n("4"), n("5"), n("6"), n("7"), n("8"), n("9"), n("10"), n("11"), n("12"), n("13"), n("14")},
		[]grid.Cell{n("1"), s("Sở Tư pháp"), n("4"), n("4"), n("0"), n("0"), n("4"), n("4"), n("0"), n("0"), n("3"), n("3"), n("0"), n("0")},
		[]grid.Cell{{}, s("Tổng cộng"), n("4"), n("4"), n("0"), n("0"), n("4"), n("4"), n("0"), n("0"), n("3"), n("3"), n("0"), n("0")},
		nil,
		[]grid.Cell{s("II. KẾT QUẢ THỰC HIỆN “4 TẠI CHỖ” TẠI BỘ PHẬN MỘT CỬA CẤP TỈNH, HUYỆN")},
		[]grid.Cell{s("STT"), s("Đơn vị"), s("Cấp tỉnh"), {}, s("Cấp huyện")},
		[]grid.Cell{{}, {}, s("Số lượng TTHC"), s("Tỷ lệ"), s("Số lượng TTHC"), s("Tỷ lệ")},
		[]grid.Cell{n("1"), n("2"), n("3"), n("4"), n("5"), n("6")},
		[]grid.Cell{n("1"), s("Sở Tư pháp"), n("1"), pct("0.25"), n("0"), s("0%")},
		[]grid.Cell{{}, s("TỔNG CỘNG"), n("1"), fx("ROUND(C20/H6*100,2)"), n("0"), s("0")},
	)
	res := mustRead(t, []*grid.Grid{{Name: "Sheet1", Rows: rows}})
	f := res.Forms[0].(*bieu.II07b)
	if f.PartI.Rows[0].Field != "Sở Tư pháp" || f.PartI.Total.OneStopProvince != 4 {
		t.Errorf("Part I: %+v", f.PartI)
	}
	if !f.PartII.Rows[0].ProvinceRate.Equal(decimal.NewFromInt(25)) || !f.PartII.Total.ProvinceRate.Equal(decimal.NewFromInt(25)) {
		t.Errorf("Part II rates: %v %v", f.PartII.Rows[0].ProvinceRate, f.PartII.Total.ProvinceRate)
	}
	if got := ruleIDs(res.Findings); !cmp.Equal(got, []string{"READ/R02"}) {
		t.Errorf("findings %v", res.Findings)
	}
	fs, _ := kstt.Check(f, kstt.CheckOptions{})
	if len(fs) != 0 {
		t.Errorf("check: %v", fs)
	}
}

func TestReadOneFormPerSheetAndII06b(t *testing.T) {
	doc := labels06a + numbers06a + body06a
	gs := pasted(t, doc)
	gs[0].Name = "II.06a"
	level := labels06a + numbers06a + "I\tCẤP TỈNH\n" + strings.Replace(body06a, "TỔNG CỘNG", "II\tCẤP HUYỆN\n3\tLĩnh vực chứng thực\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\nTỔNG CỘNG", 1)
	gs2 := pasted(t, "Đơn vị báo cáo: UBND tỉnh\nĐơn vị nhận báo cáo: Văn phòng Chính phủ\nKỳ báo cáo: Quý II năm 2024\n"+level)
	res := mustRead(t, append(gs, gs2...))
	if len(res.Forms) != 2 || res.Forms[0].Spec().Code != "II.06a" || res.Forms[1].Spec().Code != "II.06b" {
		t.Fatalf("forms %v", res.Where)
	}
	b := res.Forms[1].(*bieu.II06b)
	if len(b.Levels) != 2 || b.Levels[1].Title != "CẤP HUYỆN" || len(b.Levels[0].Rows) != 2 || b.Total.Received != 14 {
		t.Errorf("II.06b: %+v", b)
	}
	// The form in a sheet named after its code has no header lines.
	if got := ruleIDs(res.Findings.ByForm("II.06a")); len(got) != 3 {
		t.Errorf("missing header fields not reported: %v", res.Findings)
	}
	if c := res.Report().CellAddress("II.06b", "", 4, 3); c != "t.txt:L12:C3" {
		t.Errorf("II.06b address of row 4 (3) = %q", c)
	}
	// II.06b is checked on its own rules; and, being in one report with a
	// headerless II.06a, its header differs from the report's (KSTT/R01).
	b.Total.Received++
	fs, err := res.Check(kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	own := func(fs kstt.Findings) kstt.Findings {
		return fs.Filter(func(f kstt.Finding) bool { return strings.HasPrefix(string(f.Rule), "II.06b/") })
	}
	if got := own(fs); len(got) != 3 || got[0].Rule != "II.06b/R01" || got[0].Cell != "t.txt:L13:C3" {
		t.Errorf("II.06b findings %v", got)
	}
	if got := byRule(t, fs.ByForm("II.06b"), "KSTT/R01"); len(got) != 3 {
		t.Errorf("II.06b header findings %v", got)
	}
	fs, err = res.Check(kstt.CheckOptions{Rules: map[kstt.RuleID]kstt.RuleOverride{"II.06b/R06": {Off: true}, "READ/R07": {Off: true}}})
	if err != nil || len(own(fs)) != 2 || len(byRule(t, fs, "READ/R07")) != 0 {
		t.Errorf("II.06b/R06 off: %v %v", err, own(fs))
	}
	if _, err := res.Check(kstt.CheckOptions{Rules: map[kstt.RuleID]kstt.RuleOverride{"II.06b/R9": {Off: true}}}); !errors.Is(err, kstt.ErrUnknownRule) {
		t.Errorf("misspelt rule: %v", err)
	}
}

func TestReadHeaderProblems(t *testing.T) {
	doc := strings.Replace(doc06a, "(Từ ngày 15/3/2024 đến ngày 14/6/2024)", "(Từ ngày 15/3/2023 đến ngày 14/6/2024)", 1)
	res := mustRead(t, pasted(t, doc))
	if got := ruleIDs(res.Findings); !cmp.Equal(got, []string{"READ/R07"}) || res.Findings[0].Expected != "(Từ ngày 15/3/2024 đến ngày 14/6/2024)" {
		t.Errorf("findings %v", res.Findings)
	}
	if res.Forms[0].FormHeader().Period != q2 {
		t.Errorf("period %v", res.Forms[0].FormHeader().Period)
	}
	doc = strings.Replace(doc06a, "Kỳ báo cáo: Quý II năm 2024", "Kỳ báo cáo: Quý III năm 2024", 1)
	res = mustRead(t, pasted(t, doc))
	if got := ruleIDs(res.Findings); !cmp.Equal(got, []string{"READ/R07"}) {
		t.Errorf("findings %v", res.Findings)
	}
	doc = strings.Replace(doc06a, "Kỳ báo cáo: Quý II năm 2024", "Kỳ báo cáo: quý này", 1)
	res = mustRead(t, pasted(t, doc))
	if got := ruleIDs(res.Findings); !cmp.Equal(got, []string{"READ/R07"}) || res.Forms[0].FormHeader().Period != q2 {
		t.Errorf("findings %v (the range gives the period)", res.Findings)
	}
}

func TestReadSkipsOtherTables(t *testing.T) {
	doc := "Danh sách cán bộ đầu mối\nSTT\tHọ và tên\tChức vụ\tĐiện thoại\n1\tNguyễn Văn A\tChuyên viên\t0912\n\n" + doc06a
	res := mustRead(t, pasted(t, doc))
	if len(res.Forms) != 1 || !cmp.Equal(ruleIDs(res.Findings), []string{"READ/R10"}) {
		t.Errorf("forms %d, findings %v", len(res.Forms), res.Findings)
	}
}

func TestReadOptionsOverride(t *testing.T) {
	doc := strings.Replace(doc06a, "\t8\t1\t7\t0\t2", "\t8\t1\t7\t\t2", 1)
	gs := pasted(t, doc)
	res := mustRead(t, gs)
	if got := ruleIDs(res.Findings); !cmp.Equal(got, []string{"READ/R01"}) || res.Findings[0].Severity != kstt.Info {
		t.Fatalf("findings %v", res.Findings)
	}
	res, err := bieu.ReadGridsForTest(gs, bieu.ReadOptions{Rules: kstt.CheckOptions{Rules: map[kstt.RuleID]kstt.RuleOverride{"READ/R01": {Off: true}}}})
	if err != nil || len(res.Findings) != 0 {
		t.Fatalf("R01 off: %v %v", err, res.Findings)
	}
	res, _ = bieu.ReadGridsForTest(gs, bieu.ReadOptions{Rules: kstt.CheckOptions{Rules: map[kstt.RuleID]kstt.RuleOverride{"READ/R01": {Severity: kstt.Warning}}}})
	if res.Findings[0].Severity != kstt.Warning {
		t.Fatalf("R01 as warning: %v", res.Findings)
	}
}

func TestReadErrors(t *testing.T) {
	cases := []struct {
		name     string
		grids    []*grid.Grid
		sentinel error
		contains []string
	}{
		{"nothing", nil, bieu.ErrNoForm, []string{"looked for", "Biểu số II.06a/VPCP/KSTT", "found nothing"}},
		{"a letter", pasted(t, "Kính gửi: UBND tỉnh\nNội dung công văn\n"), bieu.ErrNoForm,
			[]string{"looked for", "found", `t.txt:L1:C1: Kính gửi: UBND tỉnh`}},
		{"code line, no table", pasted(t, "Biểu số II.08/VPCP/KSTT\nKỳ báo cáo: Quý II năm 2024\nSTT\tLĩnh vực\tGhi chú\n"), bieu.ErrUnrecognized,
			[]string{"t.txt:L1:C1", "II.08", "9 columns numbered (1)…(9)", "Được giao", "found"}},
		{"code line, wrong table", pasted(t, "Biểu số II.08/VPCP/KSTT\n(1)\t(2)\t(3)\t(4)\t(5)\n1\ta\t1\t2\t3\n"), bieu.ErrUnrecognized,
			[]string{"a table of 5 columns"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := bieu.ReadGridsForTest(c.grids, bieu.ReadOptions{})
			if !errors.Is(err, c.sentinel) {
				t.Fatalf("err = %v, want %v", err, c.sentinel)
			}
			var re *bieu.ReadError
			if !errors.As(err, &re) {
				t.Fatalf("not a *ReadError: %T", err)
			}
			for _, s := range c.contains {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q lacks %q", err, s)
				}
			}
		})
	}
}

func TestReadRulesDeclared(t *testing.T) {
	seen := map[kstt.RuleID]bool{}
	for _, r := range bieu.ReadRules() {
		if !strings.HasPrefix(string(r.ID), "READ/R") || seen[r.ID] || r.Kind != kstt.Reading || !r.Severity.Valid() ||
			r.Meaning == "" || r.MeaningEN == "" || r.Expr == "" || r.Basis == "" {
			t.Errorf("bad read rule %+v", r)
		}
		seen[r.ID] = true
	}
	if len(seen) != 15 {
		t.Errorf("%d read rules", len(seen))
	}
	doc, err := os.ReadFile("RULES.md")
	if err != nil {
		t.Fatal(err)
	}
	for id := range seen {
		if !strings.Contains(string(doc), "`"+string(id)+"`") {
			t.Errorf("RULES.md lacks %s", id)
		}
	}
}

func TestReadRowsAndPartsTheFormDoesNotHave(t *testing.T) {
	// A level row and a subtotal in an II.06a (its code line says so).
	doc := strings.Replace(doc06a, "1\tLĩnh vực hộ tịch", "I\tCẤP TỈNH\n1\tLĩnh vực hộ tịch", 1)
	doc = strings.Replace(doc, "TỔNG CỘNG", "II\tCộng cấp tỉnh\t14\t10\t3\t1\t12\t1\t11\t0\t2\t1\t1\nTỔNG CỘNG", 1)
	res := mustRead(t, pasted(t, doc))
	if diff := cmp.Diff(kstt.Form(want06a(t)), res.Forms[0], ignoreOrigin); diff != "" {
		t.Fatalf("(-want +got):\n%s", diff)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, string(f.Rule)+" "+f.Cell+" "+f.Actual)
	}
	want := []string{"READ/R09 t.txt:L13:C1 I CẤP TỈNH", "READ/R09 t.txt:L16:C1 II Cộng cấp tỉnh"}
	if !cmp.Equal(got, want) {
		t.Errorf("findings %v, want %v", got, want)
	}

	// II.07b without its Part II.
	b := "Biểu số II.07b/VPCP/KSTT\nĐơn vị báo cáo: Sở Ngoại vụ\nĐơn vị nhận báo cáo: UBND tỉnh\nKỳ báo cáo: Quý II năm 2024\n" +
		"(1)\t(2)\t(3)\t(4)\t(5)\t(6)\t(7)\t(8)\t(9)\t(10)\t(11)\t(12)\t(13)\t(14)\n" +
		"1\tLĩnh vực đối ngoại\t1\t1\t0\t0\t1\t1\t0\t0\t1\t1\t0\t0\nTỔNG CỘNG\t\t1\t1\t0\t0\t1\t1\t0\t0\t1\t1\t0\t0\n"
	res = mustRead(t, pasted(t, b))
	if got := ruleIDs(res.Findings); !cmp.Equal(got, []string{"READ/R11"}) || res.Findings[0].Part != "II" {
		t.Errorf("findings %v", res.Findings)
	}
}

func TestReadWrongLabelAndII08WithoutGroups(t *testing.T) {
	doc := strings.Replace(doc06a, "Trực tiếp, dịch vụ bưu chính", "Qua bưu điện", 1)
	res := mustRead(t, pasted(t, doc))
	if got := ruleIDs(res.Findings); !cmp.Equal(got, []string{"READ/R08"}) || res.Findings[0].Cell != "t.txt:L11:C5" || res.Findings[0].Column != 5 {
		t.Errorf("findings %v", res.Findings)
	}
	// II.08 rows straight under the column numbers: no section, no level.
	b := "Biểu số II.08/VPCP/KSTT\nĐơn vị báo cáo: Sở Ngoại vụ\nĐơn vị nhận báo cáo: UBND tỉnh\nKỳ báo cáo: Quý II năm 2024\n" +
		"(1)\t(2)\t(3)\t(4)\t(5)\t(6)\t(7)\t(8)\t(9)\n" +
		"1\tLĩnh vực đối ngoại\t04\t04\t0\t01\t01\t0\t1\n\tTỔNG CỘNG\t04\t04\t0\t01\t01\t0\t1\n"
	res = mustRead(t, pasted(t, b))
	f := res.Forms[0].(*bieu.II08)
	if len(f.Sections) != 1 || f.Sections[0].Code != "" || len(f.Sections[0].Levels) != 1 || f.Total.PartialAssigned != 4 {
		t.Fatalf("II.08 %+v", f)
	}
	// The flattened table has the implied section and level rows first.
	rep := res.Report()
	if a := rep.CellAddress("II.08", "", 2, 3); a != "t.txt:L6:C3" {
		t.Errorf("address of the data row (3) = %q", a)
	}
	if a := rep.CellAddress("II.08", "", 3, 9); a != "t.txt:L7:C9" {
		t.Errorf("address of TỔNG CỘNG (9) = %q", a)
	}
}

func TestReadSeveralFormsInOneSheetWithoutCodeLines(t *testing.T) {
	one := strings.Replace(doc06a, "Biểu số II.06a/VPCP/KSTT", "", 1)
	two := strings.NewReplacer("Sở Tư pháp", "Sở Y tế", "Lĩnh vực hộ tịch", "Lĩnh vực dược").Replace(one)
	res := mustRead(t, pasted(t, one+"\n"+two))
	if len(res.Forms) != 2 {
		t.Fatalf("%d forms", len(res.Forms))
	}
	a, b := res.Forms[0].(*bieu.II06a), res.Forms[1].(*bieu.II06a)
	if a.Header.Unit != "Sở Tư pháp" || b.Header.Unit != "Sở Y tế" || b.Rows[0].Field != "Lĩnh vực dược" {
		t.Errorf("headers %+v / %+v", a.Header, b.Header)
	}
	if len(res.Findings) != 0 {
		t.Errorf("findings %v", res.Findings)
	}
}

func TestReadNarrativeIncomplete(t *testing.T) {
	doc := "BÁO CÁO\n(Từ ngày 15/3/2024 đến ngày 14/6/2024)\n6. Tình hình, kết quả giải quyết TTHC\n" +
		"- Tổng số hồ sơ TTHC đã tiếp nhận trong kỳ báo cáo: 14\n7. Triển khai cơ chế một cửa\n" + doc06a
	res := mustRead(t, pasted(t, doc))
	if res.Files != nil || !cmp.Equal(ruleIDs(res.Findings), []string{"READ/R12"}) || res.Findings[0].Cell != "t.txt:L3:C1" {
		t.Errorf("files %+v, findings %v", res.Files, res.Findings)
	}
	if res.PeriodText != "(Từ ngày 15/3/2024 đến ngày 14/6/2024)" || res.PeriodTextAt != "t.txt:L2:C1" {
		t.Errorf("period text %q at %q", res.PeriodText, res.PeriodTextAt)
	}
}

func TestReadHeaderFindingsCarryTheirLine(t *testing.T) {
	two := strings.NewReplacer("II.06a", "II.08", "Đơn vị nhận báo cáo: UBND tỉnh", "Đơn vị nhận báo cáo: Văn phòng UBND tỉnh").Replace(head06a) +
		"(1)\t(2)\t(3)\t(4)\t(5)\t(6)\t(7)\t(8)\t(9)\n1\tLĩnh vực hộ tịch\t1\t1\t0\t0\t0\t0\t1\n\tTỔNG CỘNG\t1\t1\t0\t0\t0\t0\t1\n"
	res := mustRead(t, pasted(t, doc06a+two))
	fs, err := res.Check(kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r01 := byRule(t, fs, "KSTT/R01")
	if len(r01) != 1 || r01[0].Cell != "t.txt:L22:C1" || r01[0].Actual != "Văn phòng UBND tỉnh" {
		t.Errorf("KSTT/R01: %v", r01)
	}
}

func TestReadRangeInCellsOfItsOwn(t *testing.T) {
	rows := [][]grid.Cell{
		{s("Biểu số II.06a/VPCP/KSTT")},
		{s("Đơn vị báo cáo: Sở Tư pháp"), {}, {}, s("Đơn vị nhận báo cáo: UBND tỉnh")},
		{s("(Từ ngày"), s("15/3/2024"), s("đến ngày"), s("14/6/2024)")},
		numbersRow(13),
		{n("1"), s("Lĩnh vực hộ tịch"), n("1"), n("1"), n("0"), n("0"), n("1"), n("0"), n("1"), n("0"), n("0"), n("0"), n("0")},
		{s("Tổng cộng"), {}, n("1"), n("1"), n("0"), n("0"), n("1"), n("0"), n("1"), n("0"), n("0"), n("0"), n("0")},
	}
	res := mustRead(t, []*grid.Grid{{Name: "Sheet1", Rows: rows}})
	h := res.Forms[0].FormHeader()
	if h.Period != q2 || h.Unit != "Sở Tư pháp" || h.Recipient != "UBND tỉnh" || len(res.Findings) != 0 {
		t.Errorf("header %+v, findings %v", h, res.Findings)
	}
}

func TestReadUnknownFormCode(t *testing.T) {
	doc := "Biểu số II.09/VPCP/KSTT\nSTT\tNội dung\tSố lượng\tGhi chú\n(1)\t(2)\t(3)\t(4)\n1\tx\t1\t\n" + doc06a
	res := mustRead(t, pasted(t, doc))
	if len(res.Forms) != 1 || res.Forms[0].Spec().Code != "II.06a" {
		t.Fatalf("forms %v", res.Where)
	}
	if got := ruleIDs(res.Findings); !cmp.Equal(got, []string{"READ/R10", "READ/R10"}) || res.Findings[0].Actual != "Biểu số II.09" {
		t.Errorf("findings %v", res.Findings)
	}
}
