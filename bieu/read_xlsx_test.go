package bieu_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/internal/hostile"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/render/text"
	"github.com/baocaodinhky/vpcp/render/xlsx"
)

// writeWorkbook renders forms with render/xlsx, one worksheet each.
func writeWorkbook(t testing.TB, forms ...kstt.Form) []byte {
	t.Helper()
	var sheets []*layout.Sheet
	for _, f := range forms {
		sheets = append(sheets, kstt.Layout(f))
	}
	var b bytes.Buffer
	if err := xlsx.New(xlsx.Options{}).Render(&b, sheets...); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func readWorkbook(t testing.TB, b []byte) *bieu.ReadGridsResult {
	t.Helper()
	gs, err := xlsx.ReadWorkbook(bytes.NewReader(b), int64(len(b)), xlsx.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return mustRead(t, gs)
}

// richForms exercise what the seed does not: several rows, rates that are
// not 0, II.08 with sections A and B and three levels, II.06b.
func richForms(t testing.TB) []kstt.Form {
	h := kstt.Header{Unit: "UBND huyện Cẩm Xuyên", Recipient: "UBND tỉnh Hà Tĩnh", Period: q2}
	a := fill(t, &bieu.II06a{Header: h, Rows: []bieu.II06aRow{
		{STT: "1", Field: "Lĩnh vực hộ tịch", Online: 1200, Direct: 345, CarriedOver: 12, Early: 800, OnTime: 700, Late: 7, PendingOnTime: 40, PendingOverdue: 10},
		{STT: "2", Field: "Lĩnh vực chứng thực", Online: 5, Direct: 3050, OnTime: 3055},
		{STT: "3", Field: "Lĩnh vực đất đai", Direct: 77, CarriedOver: 20, OnTime: 60, Late: 30, PendingOverdue: 7},
	}})
	b := &bieu.II07b{Header: h}
	b.PartI.Rows = []bieu.II07bDeskRow{
		{STT: "1", Field: "Lĩnh vực hộ tịch", CompetentProvince: 5, CompetentDistrict: 3, CompetentCommune: 2, OneStopProvince: 4, OneStopDistrict: 3, OneStopCommune: 2, ProcessProvince: 3, ProcessDistrict: 3, ProcessCommune: 1},
		{STT: "2", Field: "Lĩnh vực đất đai", CompetentDistrict: 9, OneStopDistrict: 6, ProcessDistrict: 6},
	}
	b.PartII.Rows = []bieu.II07bOnSpotRow{
		{STT: "1", Field: "Lĩnh vực hộ tịch", Province: 1, District: 1},
		{STT: "2", Field: "Lĩnh vực đất đai", District: 2},
	}
	fill(t, b)
	c := fill(t, &bieu.II08{Header: h, Sections: []bieu.II08Section{
		{Code: "A", Title: "DVCTT THEO QUYẾT ĐỊNH CỦA THỦ TƯỚNG CHÍNH PHỦ", Levels: []bieu.II08Level{
			{Code: "I", Title: bieu.LevelProvince, Rows: []bieu.II08Row{{STT: "1", Field: "Lĩnh vực hộ tịch", PartialAssigned: 3, PartialDeployed: 3, PartialFiles: 120, FullAssigned: 2, FullDeployed: 1, FullFiles: 40, Integrated: 1}}},
			{Code: "II", Title: bieu.LevelDistrict, Rows: []bieu.II08Row{{STT: "1", Field: "Lĩnh vực đất đai", PartialAssigned: 4, PartialDeployed: 2, PartialFiles: 9}}},
		}},
		{Code: "B", Title: bieu.SectionB, Levels: []bieu.II08Level{
			{Code: "III", Title: bieu.LevelCommune, Rows: []bieu.II08Row{{STT: "1", Field: "Lĩnh vực chứng thực", FullAssigned: 1, FullDeployed: 1, FullFiles: 5, Integrated: 1}}},
		}},
	}})
	d := fill(t, &bieu.II06b{Header: h, Levels: []bieu.II06bLevel{
		{Code: "I", Title: bieu.LevelProvince, Rows: []bieu.II06aRow{{STT: "1", Field: "Lĩnh vực hộ tịch", Online: 3, OnTime: 3}}},
		{Code: "II", Title: bieu.LevelDistrict, Rows: []bieu.II06aRow{{STT: "1", Field: "Lĩnh vực hộ tịch", Direct: 4, CarriedOver: 1, OnTime: 4, PendingOnTime: 1}}},
	}})
	return []kstt.Form{a, b, c, d}
}

func TestRoundTripXLSX(t *testing.T) {
	for name, forms := range map[string][]kstt.Form{"seed": seedForms(t), "rich": richForms(t)} {
		t.Run(name, func(t *testing.T) {
			res := readWorkbook(t, writeWorkbook(t, forms...))
			if diff := cmp.Diff(forms, res.Forms, ignoreOrigin); diff != "" {
				t.Fatalf("render → read (-wrote +read):\n%s", diff)
			}
			if len(res.Findings) != 0 {
				t.Errorf("reader findings on a rendered workbook: %v", res.Findings)
			}
		})
	}
	// The rates read back exactly as written (33.33 %, stored as 0.3333).
	res := readWorkbook(t, writeWorkbook(t, richForms(t)[1]))
	if r := res.Forms[0].(*bieu.II07b).PartII.Rows[1].DistrictRate; !r.Equal(decimal.RequireFromString("33.33")) {
		t.Errorf("district rate read back as %s", r)
	}
}

func TestRoundTripFindingsCarryWorkbookCells(t *testing.T) {
	forms := seedForms(t)
	res := readWorkbook(t, writeWorkbook(t, forms...))
	fs, err := bieu.Check(res.Report(), kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[kstt.RuleID]string{}
	for _, f := range fs {
		got[f.Rule] = f.Cell
	}
	// II.07b: 7 header lines, the part title, 3 header rows: Part I's row
	// is 12; II.06a's TỔNG CỘNG is row 14 (see render/xlsx's layout).
	want := map[kstt.RuleID]string{"II.07b/R06": "II.07b!G12", "II.07b/R07": "II.07b!H12", "KSTT/R03": "II.06a!D14"}
	for rule, cell := range want {
		if got[rule] != cell {
			t.Errorf("%s at %q, want %q (all: %v)", rule, got[rule], cell, fs)
		}
	}
}

// TestReadEditedWorkbook: a workbook someone edited with a program that
// does not recalculate — a value typed over, a formula left without its
// value — reads with findings at the right cells, never silently.
func TestReadEditedWorkbook(t *testing.T) {
	x, err := excelize.OpenReader(bytes.NewReader(writeWorkbook(t, seedForms(t)...)))
	if err != nil {
		t.Fatal(err)
	}
	x.SetCellValue("II.06a", "D12", 30) // (4) of Lĩnh vực lãnh sự, typed over
	for _, c := range [][2]string{{"II.06a", "C13"}, {"II.08", "E14"}} {
		// The value lost, the formula kept (SetCellValue drops the
		// formula; SetCellFormula then writes it without a value).
		f, _ := x.GetCellFormula(c[0], c[1])
		x.SetCellValue(c[0], c[1], nil)
		x.SetCellFormula(c[0], c[1], f)
	}
	var b bytes.Buffer
	if err := x.Write(&b); err != nil {
		t.Fatal(err)
	}
	res := readWorkbook(t, b.Bytes())
	var got []string
	for _, f := range res.Findings {
		got = append(got, string(f.Rule)+" "+f.Cell+" "+f.Expected)
	}
	want := []string{"READ/R02 II.06a!C13 2", "READ/R02 II.08!E14 0"}
	if !cmp.Equal(got, want) {
		t.Errorf("reader findings %v, want %v", got, want)
	}
	fs, err := bieu.Check(res.Report(), kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, f := range fs.AtLeast(kstt.Error) {
		got = append(got, string(f.Rule)+" "+f.Cell+" "+f.Expected+"≠"+f.Actual)
	}
	want = []string{"II.06a/R01 II.06a!C12 30≠31", "II.06a/R04 II.06a!D14 30≠31"}
	if !cmp.Equal(got, want) {
		t.Errorf("errors %v, want %v", got, want)
	}
}

func TestRoundTripTextRenderer(t *testing.T) {
	// The text renderer's tab-separated form (if it has one) is not
	// required; reading the seed's own pasted tables is covered by
	// TestReadSeedTablesTestdata. Here: a Layout printed as tab-separated
	// lines, as a user copies a rendered table into a document.
	for _, f := range richForms(t) {
		var b strings.Builder
		s := kstt.Layout(f)
		fmt.Fprintf(&b, "%s\n%s\n%s\n%s\n%s\n%s\n", s.Code, s.Title, s.Unit, s.Recipient, s.Period, s.PeriodRange)
		for _, blk := range s.Blocks {
			if blk.Title != "" {
				b.WriteString(blk.Title + "\n")
			}
			grid := make([][]string, blk.HeadRows)
			for i := range grid {
				grid[i] = make([]string, len(blk.Columns))
			}
			for _, h := range blk.Head {
				grid[h.Row][h.Col] = h.Text
			}
			for _, row := range grid {
				b.WriteString(strings.Join(row, "\t") + "\n")
			}
			b.WriteString(strings.Join(blk.Numbers, "\t") + "\n")
			for _, row := range blk.Rows {
				var cells []string
				for _, c := range row.Cells {
					switch c.Kind {
					case layout.TextCell:
						cells = append(cells, c.Text)
					case layout.IntCell:
						cells = append(cells, fmt.Sprintf("%02d", c.Int))
					case layout.DecimalCell:
						cells = append(cells, strings.Replace(c.Dec.String(), ".", ",", 1)+"%")
					default:
						cells = append(cells, "")
					}
				}
				b.WriteString(strings.Join(cells, "\t") + "\n")
			}
		}
		gs, err := text.ReadPasted(strings.NewReader(b.String()), "copy.txt")
		if err != nil {
			t.Fatal(err)
		}
		res := mustRead(t, gs)
		if diff := cmp.Diff([]kstt.Form{f}, res.Forms, ignoreOrigin); diff != "" {
			t.Errorf("%s: pasted copy (-want +got):\n%s", f.Spec().Code, diff)
		}
	}
}

// FuzzReadForms: worksheets mutated from what render/xlsx writes never
// make the readers panic; every error is typed. The target fuzzes the
// worksheet's XML and its shared strings and zips them into the workbook
// itself, so that mutations reach the XML and the form reader instead of
// failing the zip's checksums. (Run it with -fuzzminimizetime=0 or a few
// seconds: the default minimisation of each new input takes a minute.)
//
// Run it (it made ≥ 500 execs/s on the 2-core development machine):
//
//	go test -run '^$' -fuzz '^FuzzReadForms$' -fuzztime 30s -fuzzminimizetime=0 ./bieu
//
// -fuzzminimizetime=0 matters: the default minimises each new input for
// up to 60 s, which took the whole window (3–80 execs in 45 s).
// .ci/fuzz-smoke runs every Fuzz target of the module 10 s this way.
func FuzzReadForms(f *testing.F) {
	base := writeWorkbook(f, seedForms(f)[0])
	for _, wb := range [][]byte{base, writeWorkbook(f, richForms(f)[2])} {
		f.Add(hostile.Part(wb, "xl/worksheets/sheet1.xml"), hostile.Part(wb, "xl/sharedStrings.xml"))
	}
	f.Fuzz(func(t *testing.T, sheet, sst []byte) {
		data := hostile.Rezip(base, map[string][]byte{"xl/worksheets/sheet1.xml": sheet, "xl/sharedStrings.xml": sst})
		gs, err := xlsx.ReadWorkbook(bytes.NewReader(data), int64(len(data)), xlsx.ReadOptions{MaxBytes: 4 << 20, MaxRows: 5000, MaxCols: 64, MaxMemory: 8 << 20})
		if err != nil {
			return
		}
		res, err := bieu.ReadGridsForTest(gs, bieu.ReadOptions{})
		if err != nil {
			var re *bieu.ReadError
			if !errors.As(err, &re) {
				t.Fatalf("untyped error %T: %v", err, err)
			}
			return
		}
		if _, err := bieu.Check(res.Report(), kstt.CheckOptions{}); err != nil {
			t.Fatalf("check of a read report: %v", err)
		}
	})
}

// FuzzReadPastedForms: the same for pasted text, seeded with the seed's
// tables.
//
// Run it (it made ≥ 500 execs/s on the 2-core development machine):
//
//	go test -run '^$' -fuzz '^FuzzReadPastedForms$' -fuzztime 30s -fuzzminimizetime=0 ./bieu
//
// -fuzzminimizetime=0 matters: the default minimises each new input for
// up to 60 s, which took the whole window (3–80 execs in 45 s).
// .ci/fuzz-smoke runs every Fuzz target of the module 10 s this way.
func FuzzReadPastedForms(f *testing.F) {
	if b, err := os.ReadFile("../examples/kstt/testdata/seed-tables.txt"); err == nil {
		f.Add(string(b))
	}
	f.Add(doc06a)
	f.Fuzz(func(t *testing.T, s string) {
		gs, err := text.ReadPastedOptions(strings.NewReader(s), "f", text.PasteOptions{MaxBytes: 1 << 20})
		if err != nil {
			return
		}
		res, err := bieu.ReadGridsForTest(gs, bieu.ReadOptions{})
		if err != nil {
			var re *bieu.ReadError
			if !errors.As(err, &re) {
				t.Fatalf("untyped error %T: %v", err, err)
			}
			return
		}
		if _, err := bieu.Check(res.Report(), kstt.CheckOptions{}); err != nil {
			t.Fatalf("check of a read report: %v", err)
		}
	})
}

// TestReadFormulaMissingARow: a total formula whose range misses a row,
// without a stored value, is evaluated from the workbook and compared with
// the form's rule: READ/R14 names both values; a formula in an input
// column takes the workbook's value (READ/R15).
func TestReadFormulaMissingARow(t *testing.T) {
	x, err := excelize.OpenReader(bytes.NewReader(writeWorkbook(t, seedForms(t)...)))
	if err != nil {
		t.Fatal(err)
	}
	orig, _ := x.GetCellFormula("II.06a", "C14")
	x.SetCellValue("II.06a", "C14", nil)
	x.SetCellFormula("II.06a", "C14", "SUM(C12:C12)") // TỔNG CỘNG (3) misses row 13
	x.SetCellValue("II.06a", "I13", nil)
	x.SetCellFormula("II.06a", "I13", "1+1") // (9) of Lĩnh vực HTQT, an input column
	var b bytes.Buffer
	if err := x.Write(&b); err != nil {
		t.Fatal(err)
	}
	res := readWorkbook(t, b.Bytes())
	var got []string
	for _, f := range res.Findings {
		got = append(got, string(f.Rule)+" "+f.Cell+" "+f.Expected+"|"+f.Actual+"|"+f.Difference)
	}
	want := []string{"READ/R15 II.06a!I13 2|=1+1|", "READ/R14 II.06a!C14 33|31|-2"}
	if !cmp.Equal(got, want) {
		t.Fatalf("reader findings %v, want %v (the original formula was =%s)", got, want, orig)
	}
	if !strings.Contains(res.Findings[1].Message, "=SUM(C12:C12)") || !strings.Contains(res.Findings[1].Message, "(3) = (4) + (5) + (6)") {
		t.Errorf("message names neither formula: %s", res.Findings[1].Message)
	}
	if f := res.Forms[0].(*bieu.II06a); f.Total.Received != 33 || f.Rows[1].OnTime != 2 {
		t.Errorf("values read: total (3) %d, HTQT (9) %d", f.Total.Received, f.Rows[1].OnTime)
	}
}

// TestReadFormulaNotEvaluated: a formula the reader's calculator refuses
// (a volatile function, a cycle, a criteria function) is no value read
// silently: in an input column it is READ/R03, a warning that it was read
// as 0; in a derived one READ/R02, computed with the form's rule.
func TestReadFormulaNotEvaluated(t *testing.T) {
	x, err := excelize.OpenReader(bytes.NewReader(writeWorkbook(t, seedForms(t)...)))
	if err != nil {
		t.Fatal(err)
	}
	for cell, f := range map[string]string{"C14": "NOW()", "I13": "I13+1", "H13": `SUMIF(H12:H12,">0")`} {
		x.SetCellValue("II.06a", cell, nil)
		x.SetCellFormula("II.06a", cell, f)
	}
	var b bytes.Buffer
	if err := x.Write(&b); err != nil {
		t.Fatal(err)
	}
	res := readWorkbook(t, b.Bytes())
	var got []string
	for _, f := range res.Findings {
		got = append(got, string(f.Rule)+" "+f.Cell+" "+f.Expected+"|"+f.Actual)
	}
	want := []string{"READ/R03 II.06a!H13 0|=SUMIF(H12:H12,\">0\")", "READ/R03 II.06a!I13 0|=I13+1", "READ/R02 II.06a!C14 33|=NOW()"}
	if !cmp.Equal(got, want) {
		t.Fatalf("reader findings %v, want %v", got, want)
	}
}

// TestReadFormulaComputedNotACount: a formula saved without its value
// whose workbook formula computes no count (0.5, a result beyond the
// numbers, #NUM!) is READ/R04, an error read as 0 — as the same value
// stored in the cell is — never a warning or a silent 0.
func TestReadFormulaComputedNotACount(t *testing.T) {
	for _, tc := range []struct{ formula, stored, actual string }{
		{"1/2", "0.5", "0.5"},
		{"10^400", "#NUM!", "#NUM!"},
		{"1E300*1E300", "#NUM!", "#NUM!"},
	} {
		for _, cached := range []bool{false, true} {
			x, err := excelize.OpenReader(bytes.NewReader(writeWorkbook(t, seedForms(t)...)))
			if err != nil {
				t.Fatal(err)
			}
			x.SetCellValue("II.06a", "I13", nil) // (9) of Lĩnh vực HTQT, an input column
			if cached {
				// The value stored: a number, or the error's text.
				if tc.stored == "#NUM!" {
					x.SetCellStr("II.06a", "I13", tc.stored)
				} else {
					x.SetCellFloat("II.06a", "I13", 0.5, -1, 64)
				}
			} else {
				x.SetCellFormula("II.06a", "I13", tc.formula)
			}
			var b bytes.Buffer
			if err := x.Write(&b); err != nil {
				t.Fatal(err)
			}
			res := readWorkbook(t, b.Bytes())
			var got []string
			for _, f := range res.Findings {
				got = append(got, string(f.Rule)+" "+f.Severity.String()+" "+f.Cell+" "+f.Actual)
			}
			want := []string{"READ/R04 error II.06a!I13 " + tc.actual}
			if !cmp.Equal(got, want) {
				t.Errorf("=%s (stored %v): reader findings %v, want %v", tc.formula, cached, got, want)
			}
			if f := res.Forms[0].(*bieu.II06a); f.Rows[1].OnTime != 0 {
				t.Errorf("=%s (stored %v): (9) read as %d, want 0", tc.formula, cached, f.Rows[1].OnTime)
			}
			if !cached && len(res.Findings) == 1 && !strings.Contains(res.Findings[0].Message, "="+tc.formula) {
				t.Errorf("message does not name the formula: %s", res.Findings[0].Message)
			}
		}
	}
}
