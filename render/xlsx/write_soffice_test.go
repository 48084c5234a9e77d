package xlsx_test

import (
	"bytes"
	"context"
	"encoding/csv"

	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/render/xlsx"
)

// The LibreOffice tests open the workbooks in a real spreadsheet program.
// They skip when soffice is not installed, unless KSTT_REQUIRE_SOFFICE is
// set (as CI sets it), and then fail.

func requireSoffice(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("KSTT_REQUIRE_SOFFICE") != "" {
			t.Fatalf("KSTT_REQUIRE_SOFFICE is set but soffice is not installed: %v", err)
		}
		t.Skip("soffice not installed (apt-get install libreoffice-calc-nogui poppler-utils); set KSTT_REQUIRE_SOFFICE to make this a failure")
	}
	return path
}

func requireTool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("KSTT_REQUIRE_SOFFICE") != "" {
			t.Fatalf("KSTT_REQUIRE_SOFFICE is set but %s is not installed: %v", name, err)
		}
		t.Skipf("%s not installed (apt-get install poppler-utils)", name)
	}
	return path
}

// recalcProfile makes LibreOffice recalculate every formula of an XLSX on
// load (OOXMLRecalcMode 0, "always"); by default it trusts cached values.
const recalcProfile = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`

// csvFilter writes every sheet to its own UTF-8 CSV file, raw values.
const csvFilter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"

// soffice runs LibreOffice headless with a private profile that
// recalculates on load, converting files into out.
func soffice(t *testing.T, bin, convertTo, out string, files ...string) {
	t.Helper()
	home := t.TempDir()
	user := filepath.Join(home, ".config", "libreoffice", "4", "user")
	if err := os.MkdirAll(user, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(user, "registrymodifications.xcu"), []byte(recalcProfile), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	args := append([]string{"--headless", "--norestore", "--convert-to", convertTo, "--outdir", out}, files...)
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "HOME="+home)
	if outb, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice %s: %v\n%s", strings.Join(args, " "), err, outb)
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (files: %v)", err, lsDir(filepath.Dir(path)))
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs
}

func lsDir(dir string) []string {
	ents, _ := os.ReadDir(dir)
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	return names
}

// TestLibreOfficeRecalculates converts the workbooks to CSV with a
// LibreOffice that recalculates every formula, and checks that every
// number — each formula's recalculated result above all — equals the value
// computed in Go and cached in the file.
func TestLibreOfficeRecalculates(t *testing.T) {
	bin := requireSoffice(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "out")

	// First prove the profile recalculates: a formula whose cached value
	// is wrong must come out recalculated.
	probe := excelize.NewFile()
	sw, err := probe.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	if err := sw.SetRow("A1", []any{1, 2, excelize.Cell{Formula: "A1+B1", Value: 999}}); err != nil {
		t.Fatal(err)
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	probePath := filepath.Join(dir, "probe.xlsx")
	if err := probe.SaveAs(probePath); err != nil {
		t.Fatal(err)
	}

	cases := map[string][]*layout.Sheet{
		"seed":  seedSheets(t),
		"rates": {ratesII07b().sheet(t), twoLevelsII08().sheet(t)},
		"big":   {bigII06a(300).sheet(t)},
	}
	files := []string{probePath}
	for name, sheets := range cases {
		path := filepath.Join(dir, name+".xlsx")
		if err := xlsx.New(xlsx.Options{}).WriteFile(path, sheets...); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	soffice(t, bin, csvFilter, out, files...)

	if got := readCSV(t, filepath.Join(out, "probe-Sheet1.csv")); len(got) != 1 || len(got[0]) != 3 || got[0][2] != "3" {
		t.Fatalf("LibreOffice did not recalculate: A1+B1 with cached 999 gave %q", got)
	}
	for name := range cases {
		data, err := os.ReadFile(filepath.Join(dir, name+".xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		f := open(t, data)
		for _, sheet := range f.GetSheetList() {
			lo := readCSV(t, filepath.Join(out, name+"-"+sheet+".csv"))
			formulas, numbers := compareSheet(t, f, sheet, lo)
			t.Logf("%s/%s: %d formulas and %d other numbers agree with LibreOffice", name, sheet, formulas, numbers)
			if formulas == 0 {
				t.Errorf("%s/%s: no formula checked", name, sheet)
			}
		}
	}
}

// compareSheet checks every numeric cell of sheet (the cached value
// excelize reads back) against LibreOffice's recalculated CSV.
func compareSheet(t *testing.T, f *excelize.File, sheet string, lo [][]string) (formulas, numbers int) {
	t.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		for c, cached := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			typ, _ := f.GetCellType(sheet, cell)
			if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
				continue
			}
			formula, _ := f.GetCellFormula(sheet, cell)
			if cached == "" {
				continue
			}
			want, err := strconv.ParseFloat(cached, 64)
			if err != nil {
				t.Errorf("%s!%s: cached %q is not a number", sheet, cell, cached)
				continue
			}
			var got string
			if r < len(lo) && c < len(lo[r]) {
				got = lo[r][c]
			}
			// LibreOffice writes a percentage as shown ("33.33%"), other
			// numbers raw; the rates have as many decimals as they show.
			g, err := strconv.ParseFloat(strings.TrimSuffix(got, "%"), 64)
			if strings.HasSuffix(got, "%") {
				g /= 100
			}
			if err != nil || abs(g-want) > 1e-12 {
				t.Errorf("%s!%s =%s: LibreOffice gives %q, Go cached %s", sheet, cell, formula, got, cached)
				continue
			}
			if formula != "" {
				formulas++
			} else {
				numbers++
			}
		}
	}
	return formulas, numbers
}

// TestLibreOfficePrintsOnePageWide converts the workbooks to PDF and
// checks with pdfinfo and pdftotext that every page is A4 landscape, each
// small form fits one page, and a long form runs down several pages, each
// with the full width of the table and the header rows repeated.
func TestLibreOfficePrintsOnePageWide(t *testing.T) {
	bin := requireSoffice(t)
	pdfinfo := requireTool(t, "pdfinfo")
	pdftotext := requireTool(t, "pdftotext")
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	seedPath := filepath.Join(dir, "seed.xlsx")
	bigPath := filepath.Join(dir, "big.xlsx")
	if err := xlsx.New(xlsx.Options{}).WriteFile(seedPath, seedSheets(t)...); err != nil {
		t.Fatal(err)
	}
	if err := xlsx.New(xlsx.Options{}).WriteFile(bigPath, bigII06a(300).sheet(t)); err != nil {
		t.Fatal(err)
	}
	soffice(t, bin, "pdf", out, seedPath, bigPath)

	pageSize := regexp.MustCompile(`Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts`)
	check := func(name string) (pages []string) {
		pdf := filepath.Join(out, name+".pdf")
		info, err := exec.Command(pdfinfo, "-f", "1", "-l", "9999", pdf).CombinedOutput()
		if err != nil {
			t.Fatalf("pdfinfo %s: %v\n%s", pdf, err, info)
		}
		sizes := pageSize.FindAllStringSubmatch(string(info), -1)
		if len(sizes) == 0 {
			t.Fatalf("pdfinfo %s: no page sizes in\n%s", pdf, info)
		}
		for i, m := range sizes {
			w, _ := strconv.ParseFloat(m[1], 64)
			h, _ := strconv.ParseFloat(m[2], 64)
			if abs(w-841.89) > 1 || abs(h-595.28) > 1 {
				t.Errorf("%s page %d is %gx%g pt, want A4 landscape 841.89x595.28", name, i+1, w, h)
			}
		}
		text, err := exec.Command(pdftotext, "-layout", pdf, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", pdf, err)
		}
		pages = strings.Split(strings.TrimRight(string(text), "\f"), "\f")
		if len(pages) != len(sizes) {
			t.Fatalf("%s: pdftotext found %d pages, pdfinfo %d", name, len(pages), len(sizes))
		}
		return pages
	}

	seed := check("seed")
	if len(seed) != 3 {
		t.Errorf("seed: %d pages, want 3 (one per form)", len(seed))
	}
	for i, want := range []string{"(13)", "(14)", "(9)"} {
		if i < len(seed) && !strings.Contains(seed[i], want) {
			t.Errorf("seed page %d lacks the last column %s: the table is cut:\n%s", i+1, want, seed[i])
		}
	}
	// The seed's rows print as the seed prints them: 2 as "02", 0 as "0".
	for _, want := range []string{
		"1 Lĩnh vực lãnh sự 31 31 0 0 31 0 31 0 0 0 0",
		"2 Lĩnh vực HTQT 02 0 0 02 02 0 02 0 0 0 0",
		"TỔNG CỘNG 33 31 0 02 33 0 33 0 0 0 0",
	} {
		if len(seed) > 0 && !strings.Contains(strings.Join(strings.Fields(seed[0]), " "), want) {
			t.Errorf("seed II.06a does not print %q:\n%s", want, seed[0])
		}
	}
	if len(seed) > 1 && !strings.Contains(strings.Join(strings.Fields(seed[1]), " "), "1 Lĩnh vực đối ngoại 0 0% 0 0%") {
		t.Errorf("seed II.07b Part II does not print its rates as 0%%:\n%s", seed[1])
	}
	big := check("big")
	if len(big) < 2 {
		t.Errorf("big: %d pages, want several", len(big))
	}
	for i, page := range big {
		for _, want := range []string{"(1)", "(11)=(12)+(13)", "(13)", "Số lượng hồ sơ đang giải quyết"} {
			if !strings.Contains(page, want) {
				t.Errorf("big page %d lacks %q (header not repeated, or the table is cut)", i+1, want)
			}
		}
	}
	t.Logf("seed: %d pages; big (300 rows): %d pages, all A4 landscape, one page wide", len(seed), len(big))
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// TestWriteSamples writes the sample workbooks to $KSTT_XLSX_SAMPLES (when
// set) to look at them by hand.
func TestWriteSamples(t *testing.T) {
	dir := os.Getenv("KSTT_XLSX_SAMPLES")
	if dir == "" {
		t.Skip("KSTT_XLSX_SAMPLES not set")
	}
	for name, sheets := range map[string][]*layout.Sheet{
		"seed": seedSheets(t), "rates": {ratesII07b().sheet(t), twoLevelsII08().sheet(t)},
		"big": {bigII06a(300).sheet(t)}, "odd": oddSheets(),
	} {
		if err := xlsx.New(xlsx.Options{}).WriteFile(filepath.Join(dir, name+".xlsx"), sheets...); err != nil {
			t.Fatal(err)
		}
	}
}
