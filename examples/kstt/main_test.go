package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/period"
	"github.com/baocaodinhky/vpcp/render/xlsx"
)

const seedTables = "testdata/seed-tables.txt"

func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// fields splits the text output into findings: rule → the line's fields.
func fields(out string) map[string][]string {
	m := map[string][]string{}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if l == "" {
			continue
		}
		f := strings.Split(l, "\t")
		m[f[1]] = f
	}
	return m
}

func TestCheckSeedTables(t *testing.T) {
	code, out, errOut := runCLI(t, "check", seedTables)
	if code != exitFindings {
		t.Fatalf("exit %d, want 1 (the heading period is an error)\n%s%s", code, out, errOut)
	}
	got := fields(out)
	want := map[string][]string{
		"KSTT/R02":   {"Lỗi", "KSTT/R02", "seed-tables.txt:L6:C1", "Quý II năm 2024 (Từ ngày 15/3/2024 đến ngày 14/6/2024)", "(Từ ngày 15/3/2023 – 14/6/2024)"},
		"KSTT/R03":   {"Cảnh báo", "KSTT/R03", "seed-tables.txt:L36:C4", "0", "31"},
		"II.07b/R06": {"Cảnh báo", "II.07b/R06", "seed-tables.txt:L60:C7", "≤ 1", "5"},
		"II.07b/R07": {"Cảnh báo", "II.07b/R07", "seed-tables.txt:L60:C8", "≤ 1", "5"},
		"READ/R05":   {"Thông tin", "READ/R05", "seed-tables.txt:L88:C9", "(9)", "(8)"},
	}
	if len(got) != len(want) {
		t.Errorf("findings:\n%s", out)
	}
	for rule, w := range want {
		g := got[rule]
		if len(g) != 6 || strings.Join(g[:5], "|") != strings.Join(w, "|") || g[5] == "" {
			t.Errorf("%s: got %q, want %q + message", rule, g, w)
		}
	}
	if !strings.Contains(errOut, "1 lỗi, 3 cảnh báo, 1 thông tin") {
		t.Errorf("summary: %q", errOut)
	}
}

func TestCheckSeedWholeReport(t *testing.T) {
	seed := "../../../shared/seed/000_742b9db855b4b0c1.txt"
	if _, err := os.Stat(seed); errors.Is(err, os.ErrNotExist) {
		t.Skip("../shared/seed is absent (a user's clone)")
	}
	code, out, _ := runCLI(t, "check", "-lang", "en", seed)
	got := fields(out)
	if code != exitFindings || len(got) != 5 || got["KSTT/R02"][0] != "error" || !strings.Contains(got["KSTT/R02"][5], "15 months") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

func TestCheckJSON(t *testing.T) {
	code, out, _ := runCLI(t, "check", "-json", seedTables)
	var fs []map[string]any
	if err := json.Unmarshal([]byte(out), &fs); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if code != exitFindings || len(fs) != 5 || fs[0]["file"] != seedTables || fs[0]["severity"] != "error" || fs[0]["rule"] != "KSTT/R02" {
		t.Errorf("exit %d: %v", code, fs)
	}
}

func TestCheckXLSXAndJSONReports(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "so-ngoai-vu.xlsx")
	if code, _, errOut := runCLI(t, "render", "-format", "xlsx", "-o", book, seedTables); code != exitOK {
		t.Fatalf("render: %d %s", code, errOut)
	}
	if _, err := xlsx.ReadFile(book, xlsx.ReadOptions{}); err != nil {
		t.Fatalf("the written workbook does not read: %v", err)
	}
	code, out, _ := runCLI(t, "check", book)
	got := fields(out)
	// The workbook holds the forms only: no heading period, no misprinted
	// column number.
	if code != exitOK || len(got) != 3 || got["II.07b/R06"][2] != "II.07b!G12" || got["KSTT/R03"][2] != "II.06a!D14" {
		t.Errorf("exit %d:\n%s", code, out)
	}
	// A JSON report.
	rep := filepath.Join(dir, "report.json")
	js := `{"header": {"unit": "Sở Tư pháp", "recipient": "UBND tỉnh", "period": "2024-Q2"},
	  "forms": [{"code": "II.06a", "form": {"header": {"unit": "Sở Tư pháp", "recipient": "UBND tỉnh", "period": "2024-Q2"},
	    "rows": [{"stt": "1", "field": "Lĩnh vực hộ tịch", "received": 5, "online": 2, "direct": 2, "carried_over": 0,
	      "resolved": 4, "on_time": 4, "pending": 0}],
	    "total": {"received": 5, "online": 2, "direct": 2, "resolved": 4, "on_time": 4}}}]}`
	os.WriteFile(rep, []byte(js), 0o644)
	code, out, _ = runCLI(t, "check", "-lang", "en", rep)
	got = fields(out)
	if code != exitFindings || got["II.06a/R01"] == nil || got["II.06a/R01"][3] != "4" || got["II.06a/R01"][4] != "5" {
		t.Errorf("JSON report: exit %d\n%s", code, out)
	}
}

func TestCheckUnreadableAndClean(t *testing.T) {
	dir := t.TempDir()
	letter := filepath.Join(dir, "cong-van.txt")
	os.WriteFile(letter, []byte("Kính gửi: UBND tỉnh\nNội dung công văn.\n"), 0o644)
	garbage := filepath.Join(dir, "hong.xlsx")
	os.WriteFile(garbage, []byte("PK\x03\x04 not really a zip"), 0o644)
	badJSON := filepath.Join(dir, "bad.json")
	os.WriteFile(badJSON, []byte(`{"forms": [{"code": "II.99", "form": {}}]}`), 0o644)
	clean := filepath.Join(dir, "sach.txt")
	os.WriteFile(clean, []byte(cleanII06a), 0o644)

	code, out, errOut := runCLI(t, "check", letter, garbage, badJSON, filepath.Join(dir, "none.xlsx"), clean)
	if code != exitUnreadable {
		t.Errorf("exit %d, want 2", code)
	}
	for _, want := range []string{"no official form found", "truncated or corrupt", "unknown form", "no such file", "sach.txt: 0 lỗi, 0 cảnh báo, 0 thông tin"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if out != "" {
		t.Errorf("findings for a clean form: %s", out)
	}
	if code, _, _ := runCLI(t, "check", clean); code != exitOK {
		t.Errorf("clean form: exit %d", code)
	}
}

func TestCheckOptions(t *testing.T) {
	dir := t.TempDir()
	opts := filepath.Join(dir, "opts.json")
	os.WriteFile(opts, []byte(`{"rules": {"KSTT/R02": {"severity": "warning"}, "READ/R05": {"off": true}}}`), 0o644)
	code, out, _ := runCLI(t, "check", "-options", opts, seedTables)
	got := fields(out)
	if code != exitOK || got["READ/R05"] != nil || got["KSTT/R02"][0] != "Cảnh báo" {
		t.Errorf("exit %d:\n%s", code, out)
	}
	os.WriteFile(opts, []byte(`{"rules": {"KSTT/R99": {"off": true}}}`), 0o644)
	if code, _, errOut := runCLI(t, "check", "-options", opts, seedTables); code != exitUnreadable || !strings.Contains(errOut, "unknown rule") {
		t.Errorf("a misspelt rule: exit %d %s", code, errOut)
	}
}

func TestRenderText(t *testing.T) {
	code, out, errOut := runCLI(t, "render", seedTables)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"Biểu số II.06a/VPCP/KSTT", "Lĩnh vực lãnh sự", "TỔNG CỘNG", "Biểu số II.08/VPCP/KSTT", "(9)"} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	if code, _, _ := runCLI(t, "render", "-format", "xlsx", seedTables); code != exitUnreadable {
		t.Errorf("xlsx to a terminal: exit %d", code)
	}
	if code, _, errOut := runCLI(t, "render", "-format", "pdf", seedTables); code != exitUnreadable || !strings.Contains(errOut, "text, xlsx") {
		t.Errorf("unknown format: exit %d %s", code, errOut)
	}
	if code, out, _ := runCLI(t, "render", "-format", "xlsx", "-o", "-", seedTables); code != exitOK || !strings.HasPrefix(out, "PK") {
		t.Errorf("xlsx to stdout: exit %d", code)
	}
}

func TestRulesAndUsage(t *testing.T) {
	code, out, _ := runCLI(t, "rules")
	for _, want := range []string{"II.06a/R01\terror\t(3) = (4) + (5) + (6)", "KSTT/R02", "READ/R01\tinfo"} {
		if code != exitOK || !strings.Contains(out, want) {
			t.Errorf("rules lack %q", want)
		}
	}
	code, out, _ = runCLI(t, "rules", "-json")
	var rules []map[string]any
	if err := json.Unmarshal([]byte(out), &rules); err != nil || code != exitOK || len(rules) < 50 {
		t.Errorf("rules -json: %v, %d rules", err, len(rules))
	}
	for _, args := range [][]string{nil, {"frobnicate"}, {"check"}, {"rollup"}, {"check", "-lang", "fr", seedTables}, {"render"}, {"rules", "x"}} {
		if code, _, _ := runCLI(t, args...); code != exitUnreadable {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
	if code, out, _ := runCLI(t, "help"); code != exitOK || !strings.Contains(out, "kstt check") || !strings.Contains(out, "kstt rollup") {
		t.Errorf("help: %d", code)
	}
}

const cleanII06a = "Biểu số II.06a/VPCP/KSTT\n" +
	"Đơn vị báo cáo: Sở Tư pháp\nĐơn vị nhận báo cáo: UBND tỉnh\nKỳ báo cáo: Quý II năm 2024\n(Từ ngày 15/3/2024 đến ngày 14/6/2024)\n" +
	"STT\tLĩnh vực giải quyết\tSố lượng hồ sơ tiếp nhận\t\t\t\tSố lượng hồ sơ đã giải quyết\t\t\t\tSố lượng hồ sơ đang giải quyết\n" +
	"(1)\t(2)\t(3)=(4)+(5)+(6)\t(4)\t(5)\t(6)\t(7)=(8)+(9)+(10)\t(8)\t(9)\t(10)\t(11)=(12)+(13)\t(12)\t(13)\n" +
	"1\tLĩnh vực hộ tịch\t10\t6\t3\t1\t8\t1\t7\t0\t2\t1\t1\n" +
	"TỔNG CỘNG\t\t10\t6\t3\t1\t8\t1\t7\t0\t2\t1\t1\n"

// unitReport is one generated unit's report: II.06a, II.07b and II.08,
// derived columns filled.
func unitReport(t *testing.T, unit string, seed int64) *kstt.Report {
	t.Helper()
	h := kstt.Header{Unit: unit, Recipient: "UBND tỉnh", Period: period.Must(period.Quarter(2024, 2))}
	a := &bieu.II06a{Header: h, Rows: []bieu.II06aRow{
		{STT: "1", Field: "Lĩnh vực Hộ tịch", Online: 10 + seed, Direct: 3, CarriedOver: seed, Early: 2, OnTime: 9 + seed, Late: 1, PendingOnTime: 1 + seed},
		{STT: "2", Field: "Lĩnh vực đất đai " + strconv.FormatInt(seed, 10), Online: 4 * seed, Direct: 7, OnTime: 4*seed + 5, PendingOverdue: 2},
	}}
	b := &bieu.II07b{Header: h}
	b.PartI.Rows = []bieu.II07bDeskRow{{STT: "1", Field: "Hộ tịch", CompetentProvince: 2, CompetentDistrict: 5 + seed, CompetentCommune: 8,
		OneStopProvince: 2, OneStopDistrict: 4 + seed, OneStopCommune: 7, ProcessProvince: 1, ProcessDistrict: 3, ProcessCommune: seed}}
	b.PartII.Rows = []bieu.II07bOnSpotRow{{STT: "1", Field: "Hộ tịch", Province: 1, District: 2 + seed}}
	c := &bieu.II08{Header: h, Sections: []bieu.II08Section{{Code: "B", Title: bieu.SectionB, Levels: []bieu.II08Level{
		{Code: "I", Title: bieu.LevelProvince, Rows: []bieu.II08Row{{STT: "1", Field: "Hộ tịch", PartialAssigned: 3, PartialDeployed: 3,
			PartialFiles: 10 + seed, FullAssigned: 2, FullDeployed: 2, FullFiles: seed, Integrated: 1}}}}}}}
	for _, f := range []interface{ Fill() error }{a, b, c} {
		if err := f.Fill(); err != nil {
			t.Fatal(err)
		}
	}
	return &kstt.Report{Header: h, Forms: []kstt.Form{a, b, c}}
}

// rollupInputs writes three units to dir: a JSON report, an XLSX workbook
// (written by the renderer) and the seed's pasted tables (Sở Ngoại vụ).
// It returns the paths and the three reports as the tool reads them.
func rollupInputs(t *testing.T, dir string) ([]string, []*kstt.Report) {
	t.Helper()
	tuPhap, camXuyen := unitReport(t, "Sở Tư pháp", 2), unitReport(t, "UBND huyện Cẩm Xuyên", 5)
	js, err := json.Marshal(tuPhap)
	if err != nil {
		t.Fatal(err)
	}
	jsonPath := filepath.Join(dir, "so-tu-phap.json")
	if err := os.WriteFile(jsonPath, js, 0o644); err != nil {
		t.Fatal(err)
	}
	var book bytes.Buffer
	if err := xlsx.New(xlsx.Options{}).RenderReport(&book, camXuyen); err != nil {
		t.Fatal(err)
	}
	xlsxPath := filepath.Join(dir, "cam-xuyen.xlsx")
	if err := os.WriteFile(xlsxPath, book.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	seed, err := os.ReadFile(seedTables)
	if err != nil {
		t.Fatal(err)
	}
	textPath := filepath.Join(dir, "so-ngoai-vu.txt")
	if err := os.WriteFile(textPath, seed, 0o644); err != nil {
		t.Fatal(err)
	}
	ngoaiVu, _, err := bieu.Read(bytes.NewReader(seed), int64(len(seed)), bieu.ReadOptions{Name: "so-ngoai-vu.txt"})
	if err != nil {
		t.Fatal(err)
	}
	return []string{jsonPath, xlsxPath, textPath}, []*kstt.Report{tuPhap, camXuyen, ngoaiVu}
}

// readAggregate reads the forms of a written workbook back.
func readAggregate(t *testing.T, path string) map[string]kstt.Form {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rep, _, err := bieu.Read(bytes.NewReader(data), int64(len(data)), bieu.ReadOptions{Name: filepath.Base(path)})
	if err != nil {
		t.Fatalf("the written workbook does not read: %v", err)
	}
	forms := map[string]kstt.Form{}
	for _, f := range rep.Forms {
		forms[f.Spec().Code] = f
	}
	return forms
}

func TestRollup(t *testing.T) {
	dir := t.TempDir()
	paths, reports := rollupInputs(t, dir)
	out := filepath.Join(dir, "tong-hop.xlsx")
	code, stdout, errOut := runCLI(t, append([]string{"rollup", "-recipient", "Văn phòng Chính phủ", "-o", out}, paths...)...)
	// The seed's heading period is an error of Sở Ngoại vụ's own.
	if code != exitFindings {
		t.Fatalf("exit %d, want 1\n%s%s", code, stdout, errOut)
	}

	// The independent sum: every unit's rows, column by column, plain
	// loops over the structs.
	var a bieu.II06aRow
	var desk bieu.II07bDeskRow
	var onSpot bieu.II07bOnSpotRow
	var c bieu.II08Row
	var hoTich int64 // II.06a (3) of "hộ tịch", which two units write differently
	byLevel := map[string]int64{}
	for i, r := range reports {
		level := []string{bieu.LevelProvince, bieu.LevelDistrict, bieu.LevelProvince}[i]
		for _, f := range r.Forms {
			switch f := f.(type) {
			case *bieu.II06a:
				for _, x := range f.Rows {
					a.Received, a.Online, a.Direct, a.CarriedOver = a.Received+x.Received, a.Online+x.Online, a.Direct+x.Direct, a.CarriedOver+x.CarriedOver
					a.Resolved, a.Early, a.OnTime, a.Late = a.Resolved+x.Resolved, a.Early+x.Early, a.OnTime+x.OnTime, a.Late+x.Late
					a.Pending, a.PendingOnTime, a.PendingOverdue = a.Pending+x.Pending, a.PendingOnTime+x.PendingOnTime, a.PendingOverdue+x.PendingOverdue
					if strings.EqualFold(x.Field, "Lĩnh vực Hộ tịch") {
						hoTich += x.Received
					}
					byLevel[level] += x.Received
				}
			case *bieu.II07b:
				for _, x := range f.PartI.Rows {
					desk.Competent += x.Competent
					desk.OneStop += x.OneStop
					desk.OneStopProvince += x.OneStopProvince
					desk.Process += x.Process
				}
				for _, x := range f.PartII.Rows {
					onSpot.Province += x.Province
					onSpot.District += x.District
				}
			case *bieu.II08:
				for _, s := range f.Sections {
					for _, l := range s.Levels {
						for _, x := range l.Rows {
							c.PartialFiles += x.PartialFiles
							c.FullFiles += x.FullFiles
							c.PartialAssigned += x.PartialAssigned
						}
					}
				}
			}
		}
	}
	if a.Received == 0 || desk.OneStop == 0 || c.PartialFiles == 0 {
		t.Fatalf("the inputs hold nothing to sum: %+v %+v %+v", a, desk, c)
	}

	forms := readAggregate(t, out)
	gotA, ok := forms["II.06a"].(*bieu.II06a)
	if !ok {
		t.Fatalf("no II.06a in the workbook: %v", forms)
	}
	if g := gotA.Total; g.Received != a.Received || g.Online != a.Online || g.Direct != a.Direct || g.CarriedOver != a.CarriedOver ||
		g.Resolved != a.Resolved || g.Early != a.Early || g.OnTime != a.OnTime || g.Late != a.Late ||
		g.Pending != a.Pending || g.PendingOnTime != a.PendingOnTime || g.PendingOverdue != a.PendingOverdue {
		t.Errorf("II.06a TỔNG CỘNG:\n got %+v\nwant %+v", g, a)
	}
	if h := gotA.Header; h.Unit != "UBND tỉnh" || h.Recipient != "Văn phòng Chính phủ" || h.Period.String() != "Quý II năm 2024" {
		t.Errorf("header: %+v", h)
	}
	// One row per lĩnh vực: hộ tịch (two spellings), two đất đai, lãnh
	// sự and HTQT.
	if len(gotA.Rows) != 5 || gotA.Rows[0].Received != hoTich {
		t.Errorf("II.06a rows: %+v, want 5 with hộ tịch %d", gotA.Rows, hoTich)
	}
	gotB, ok := forms["II.06b"].(*bieu.II06b)
	if !ok || len(gotB.Levels) != 2 || gotB.Total.Received != a.Received {
		t.Fatalf("II.06b: %+v", forms["II.06b"])
	}
	for _, l := range gotB.Levels {
		var sum int64
		for _, r := range l.Rows {
			sum += r.Received
		}
		if sum != byLevel[l.Title] {
			t.Errorf("II.06b %s: %d, want %d", l.Title, sum, byLevel[l.Title])
		}
	}
	gotDesk, ok := forms["II.07b"].(*bieu.II07b)
	if !ok {
		t.Fatal("no II.07b in the workbook")
	}
	if g := gotDesk.PartI.Total; g.Competent != desk.Competent || g.OneStop != desk.OneStop || g.OneStopProvince != desk.OneStopProvince || g.Process != desk.Process {
		t.Errorf("II.07b Phần I TỔNG CỘNG: got %+v, want %+v", g, desk)
	}
	if g := gotDesk.PartII.Total; g.Province != onSpot.Province || g.District != onSpot.District {
		t.Errorf("II.07b Phần II TỔNG CỘNG: got %+v, want %+v", g, onSpot)
	}
	gotC, ok := forms["II.08"].(*bieu.II08)
	if !ok {
		t.Fatal("no II.08 in the workbook")
	}
	if g := gotC.Total; g.PartialFiles != c.PartialFiles || g.FullFiles != c.FullFiles || g.PartialAssigned != c.PartialAssigned {
		t.Errorf("II.08 TỔNG CỘNG: got %+v, want %+v", g, c)
	}

	// The findings: each unit's own tagged with it (the cells of its
	// file), then the aggregate's.
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	var ngoaiVu, aggregate bool
	for _, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) != 7 {
			t.Errorf("not 7 fields: %q", l)
			continue
		}
		switch f[0] {
		case "Sở Ngoại vụ":
			ngoaiVu = ngoaiVu || (f[2] == "KSTT/R02" && f[1] == "Lỗi" && f[3] == "so-ngoai-vu.txt:L6:C1")
		case "UBND tỉnh (tổng hợp)":
			aggregate = true
		case "Sở Tư pháp", "UBND huyện Cẩm Xuyên":
		default:
			t.Errorf("untagged finding: %q", l)
		}
	}
	if !ngoaiVu || !aggregate {
		t.Errorf("findings:\n%s", stdout)
	}
	for _, want := range []string{"so-ngoai-vu.txt (Sở Ngoại vụ): 1 lỗi", "cam-xuyen.xlsx (UBND huyện Cẩm Xuyên): 0 lỗi", "UBND tỉnh (tổng hợp): 0 lỗi"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}

	// Without the seed, no error: exit 0; -json tags the units.
	code, stdout, _ = runCLI(t, "rollup", "-json", "-o", out, paths[0], paths[1])
	var fs []map[string]any
	if err := json.Unmarshal([]byte(stdout), &fs); err != nil || code != exitOK {
		t.Fatalf("exit %d, %v:\n%s", code, err, stdout)
	}
	for _, f := range fs {
		if f["severity"] == "error" || (f["unit"] == nil && f["file"] != out) {
			t.Errorf("finding: %v", f)
		}
	}

	// -format text prints the forms, and the findings go to stderr.
	code, stdout, errOut = runCLI(t, append([]string{"rollup", "-format", "text"}, paths...)...)
	if code != exitFindings || !strings.Contains(stdout, "Biểu số II.06b/VPCP/KSTT") || !strings.Contains(stdout, "CẤP HUYỆN") ||
		!strings.Contains(errOut, "Sở Ngoại vụ\tLỗi\tKSTT/R02") {
		t.Errorf("text: exit %d\n%s\n%s", code, stdout, errOut)
	}
	// The workbook to standard output.
	if code, stdout, _ := runCLI(t, "rollup", "-o", "-", paths[0]); code != exitOK || !strings.HasPrefix(stdout, "PK") {
		t.Errorf("xlsx to stdout: exit %d", code)
	}
}

func TestRollupRefused(t *testing.T) {
	dir := t.TempDir()
	paths, _ := rollupInputs(t, dir)
	// Sở Nội vụ reports for Quý I.
	q1 := unitReport(t, "Sở Nội vụ", 1)
	q1.Header.Period = period.Must(period.Quarter(2024, 1))
	for _, f := range q1.Forms {
		switch f := f.(type) {
		case *bieu.II06a:
			f.Header.Period = q1.Header.Period
		case *bieu.II07b:
			f.Header.Period = q1.Header.Period
		case *bieu.II08:
			f.Header.Period = q1.Header.Period
		}
	}
	js, _ := json.Marshal(q1)
	late := filepath.Join(dir, "so-noi-vu.json")
	os.WriteFile(late, js, 0o644)
	out := filepath.Join(dir, "tong-hop.xlsx")

	code, stdout, errOut := runCLI(t, append([]string{"rollup", "-o", out}, append(paths, late)...)...)
	if code != exitUnreadable || stdout != "" {
		t.Errorf("exit %d, want 2\n%s", code, stdout)
	}
	for _, want := range []string{"so-noi-vu.json: rollup: report 4 \"Sở Nội vụ\": period differs from the roll-up's: Quý I năm 2024, want Quý II năm 2024", "nothing written"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a refused roll-up wrote %s", out)
	}

	// Another recipient given with -unit: every unit is refused.
	code, _, errOut = runCLI(t, "rollup", "-unit", "Bộ Tư pháp", "-o", out, paths[0], paths[1])
	if code != exitUnreadable || strings.Count(errOut, "recipient differs") != 2 {
		t.Errorf("-unit: exit %d\n%s", code, errOut)
	}

	// An unreadable unit: nothing is rolled up.
	code, _, errOut = runCLI(t, "rollup", "-o", out, paths[0], filepath.Join(dir, "none.xlsx"))
	if code != exitUnreadable || !strings.Contains(errOut, "no such file") {
		t.Errorf("unreadable: exit %d\n%s", code, errOut)
	}
}

func TestRollupSameUnitTwice(t *testing.T) {
	dir := t.TempDir()
	paths, _ := rollupInputs(t, dir)
	// The same Sở Ngoại vụ, once as pasted text and once as a workbook.
	again := filepath.Join(dir, "so-ngoai-vu-lan-2.xlsx")
	if code, _, errOut := runCLI(t, "render", "-format", "xlsx", "-o", again, paths[2]); code != exitOK {
		t.Fatalf("render: %s", errOut)
	}
	out := filepath.Join(dir, "tong-hop.xlsx")
	code, _, errOut := runCLI(t, "rollup", "-o", out, paths[2], paths[0], again)
	if code != exitUnreadable || !strings.Contains(errOut, `so-ngoai-vu-lan-2.xlsx: rollup: report 3 "Sở Ngoại vụ": unit appears twice: also report 1`) {
		t.Errorf("exit %d\n%s", code, errOut)
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a refused roll-up wrote %s", out)
	}
}

func TestRollupLevels(t *testing.T) {
	dir := t.TempDir()
	ttpv := unitReport(t, "Trung tâm Phục vụ hành chính công", 1)
	js, _ := json.Marshal(ttpv)
	path := filepath.Join(dir, "ttpv.json")
	os.WriteFile(path, js, 0o644)
	out := filepath.Join(dir, "tong-hop.xlsx")
	// The name tells no level: refused, unless -level gives it.
	if code, _, errOut := runCLI(t, "rollup", "-o", out, path); code != exitUnreadable || !strings.Contains(errOut, "administrative level of the unit unknown") {
		t.Errorf("no level: exit %d\n%s", code, errOut)
	}
	if code, _, errOut := runCLI(t, "rollup", "-level", "trung tâm  phục vụ hành chính công=cấp tỉnh", "-o", out, path); code != exitOK {
		t.Fatalf("-level: exit %d\n%s", code, errOut)
	}
	if b, ok := readAggregate(t, out)["II.06b"].(*bieu.II06b); !ok || len(b.Levels) != 1 || b.Levels[0].Title != bieu.LevelProvince {
		t.Errorf("II.06b: %+v", b)
	}
	for _, bad := range []string{"Sở Tư pháp", "Sở Tư pháp=cấp bộ"} {
		if code, _, _ := runCLI(t, "rollup", "-level", bad, "-o", out, path); code != exitUnreadable {
			t.Errorf("-level %q: exit %d", bad, code)
		}
	}
	for _, args := range [][]string{{"rollup"}, {"rollup", path}, {"rollup", "-format", "pdf", "-o", out, path}, {"rollup", "-lang", "fr", "-o", out, path}} {
		if code, _, _ := runCLI(t, args...); code != exitUnreadable {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
}

// The roll-up the README shows: the seed's Sở Ngoại vụ (pasted text), Sở
// Tư pháp (JSON) and UBND huyện Cẩm Xuyên (pasted text), whose "Hộ tịch"
// and "Lĩnh vực Hộ tịch" are one lĩnh vực.
func TestRollupTestdata(t *testing.T) {
	out := filepath.Join(t.TempDir(), "tong-hop.xlsx")
	code, stdout, errOut := runCLI(t, "rollup", "-recipient", "Văn phòng Chính phủ", "-o", out,
		seedTables, "testdata/so-tu-phap.json", "testdata/huyen-cam-xuyen.txt")
	if code != exitFindings || strings.Count(stdout, "\n") != 8 || strings.Count(stdout, "Sở Ngoại vụ\t") != 5 ||
		!strings.Contains(stdout, "UBND tỉnh (tổng hợp)\tCảnh báo\tKSTT/R03\tII.06a «TỔNG CỘNG» (4)\t0\t196\t") {
		t.Errorf("exit %d\n%s%s", code, stdout, errOut)
	}
	a := readAggregate(t, out)["II.06a"].(*bieu.II06a)
	if len(a.Rows) != 5 || a.Rows[2].Field != "Hộ tịch" || a.Rows[2].Received != 55+120 || a.Total.Received != 33+140+184 {
		t.Errorf("II.06a: %+v", a)
	}
}

// Defect: `check -options` printed `kstt: options: kstt: check options:
// kstt: invalid severity: "fatal"`. Errors are one line with one "kstt:".
func TestErrorPrefixesNotRepeated(t *testing.T) {
	dir := t.TempDir()
	opts := filepath.Join(dir, "opts.json")
	os.WriteFile(opts, []byte(`{"rules":{"II.07b/R06":{"severity":"fatal"}}}`), 0o644)
	for _, cmd := range [][]string{{"check", "-options", opts, seedTables}, {"rollup", "-options", opts, "-o", filepath.Join(dir, "x.xlsx"), seedTables}} {
		code, out, errOut := runCLI(t, cmd...)
		want := "kstt: options: " + opts + `: rule II.07b/R06: invalid severity: "fatal" (want error, warning or info)` + "\n"
		if code != exitUnreadable || out != "" || errOut != want {
			t.Errorf("%s: exit %d\n got %q\nwant %q", cmd[0], code, errOut, want)
		}
	}
	os.WriteFile(opts, []byte(`{"rules":{"II.07b/R99":{"off":true}}}`), 0o644)
	if _, _, errOut := runCLI(t, "check", "-options", opts, seedTables); errOut != "kstt: options: "+opts+`: unknown rule: "II.07b/R99"`+"\n" {
		t.Errorf("unknown rule: %q", errOut)
	}
	// Every error line of a refused roll-up and of unreadable inputs.
	paths, _ := rollupInputs(t, dir)
	badJSON := filepath.Join(dir, "bad.json")
	os.WriteFile(badJSON, []byte(`{"header": 1}`), 0o644)
	_, _, e1 := runCLI(t, "rollup", "-o", filepath.Join(dir, "x.xlsx"), paths[0], paths[0])
	_, _, e2 := runCLI(t, "check", badJSON, filepath.Join(dir, "none.txt"))
	for _, l := range strings.Split(strings.TrimSpace(e1+e2), "\n") {
		if strings.Count(l, "kstt: ") != 1 || !strings.HasPrefix(l, "kstt: ") || strings.Contains(l, "bieu: ") || strings.Contains(l, "xlsx: ") {
			t.Errorf("repeated prefixes: %q", l)
		}
	}
	if !strings.Contains(e1, ": rollup: report 2 \"") || !strings.Contains(e1, "unit appears twice: also report 1\n") {
		t.Errorf("refused roll-up:\n%s", e1)
	}
	if got := errText(errors.New(`kstt: check options: kstt: invalid severity: "fatal"`)); got != `check options: invalid severity: "fatal"` {
		t.Errorf("errText = %q", got)
	}
}

// Defect: an empty (or non-zip) file named .xlsx was read as pasted text
// and reported as "no official form found". It goes to the XLSX reader.
func TestXLSXNamedFileReadAsWorkbook(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "bao-cao.xlsx")
	os.WriteFile(empty, nil, 0o644)
	pasted := filepath.Join(dir, "BAO-CAO-2.XLSM")
	os.WriteFile(pasted, []byte(cleanII06a), 0o644)
	for path, detail := range map[string]string{empty: "only 0 bytes", pasted: "not with a zip archive's PK signature"} {
		for _, cmd := range [][]string{{"check", path}, {"render", path}, {"rollup", "-o", filepath.Join(dir, "x.xlsx"), path}} {
			code, _, errOut := runCLI(t, cmd...)
			if code != exitUnreadable || !strings.Contains(errOut, path+": read: not an XLSX workbook: ") || !strings.Contains(errOut, detail) ||
				strings.Contains(errOut, "no official form found") {
				t.Errorf("%q: exit %d\n%s", cmd, code, errOut)
			}
		}
		if _, err := load(path, bieu.ReadOptions{}); !errors.Is(err, xlsx.ErrNotXLSX) {
			t.Errorf("load(%s) = %v, want xlsx.ErrNotXLSX", path, err)
		}
	}
	// The same text under another name is still read as pasted text.
	txt := filepath.Join(dir, "bao-cao.xlsx.txt")
	os.WriteFile(txt, []byte(cleanII06a), 0o644)
	if code, _, errOut := runCLI(t, "check", txt); code != exitOK {
		t.Errorf("pasted text: exit %d\n%s", code, errOut)
	}
}
