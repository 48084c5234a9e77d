package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
	for _, args := range [][]string{nil, {"frobnicate"}, {"check"}, {"check", "-lang", "fr", seedTables}, {"render"}, {"rules", "x"}} {
		if code, _, _ := runCLI(t, args...); code != exitUnreadable {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
	if code, out, _ := runCLI(t, "help"); code != exitOK || !strings.Contains(out, "kstt check") {
		t.Errorf("help: %d", code)
	}
}

const cleanII06a = "Biểu số II.06a/VPCP/KSTT\n" +
	"Đơn vị báo cáo: Sở Tư pháp\nĐơn vị nhận báo cáo: UBND tỉnh\nKỳ báo cáo: Quý II năm 2024\n(Từ ngày 15/3/2024 đến ngày 14/6/2024)\n" +
	"STT\tLĩnh vực giải quyết\tSố lượng hồ sơ tiếp nhận\t\t\t\tSố lượng hồ sơ đã giải quyết\t\t\t\tSố lượng hồ sơ đang giải quyết\n" +
	"(1)\t(2)\t(3)=(4)+(5)+(6)\t(4)\t(5)\t(6)\t(7)=(8)+(9)+(10)\t(8)\t(9)\t(10)\t(11)=(12)+(13)\t(12)\t(13)\n" +
	"1\tLĩnh vực hộ tịch\t10\t6\t3\t1\t8\t1\t7\t0\t2\t1\t1\n" +
	"TỔNG CỘNG\t\t10\t6\t3\t1\t8\t1\t7\t0\t2\t1\t1\n"
