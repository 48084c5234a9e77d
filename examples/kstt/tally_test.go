package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
)

const caseCSV, caseXLSX = "testdata/ho-so-cam-xuyen.csv", "testdata/ho-so-cam-xuyen.xlsx"

func TestTallyCaseList(t *testing.T) {
	dir := t.TempDir()
	var forms [2]string
	for i, in := range []string{caseCSV, caseXLSX} {
		out := filepath.Join(dir, "q3.json")
		code, stdout, stderr := runCLI(t, "tally", "-period", "Quý III năm 2024", "-unit", "UBND huyện Cẩm Xuyên",
			"-recipient", "UBND tỉnh Hà Tĩnh", "-format", "json", "-o", out, in)
		if code != exitFindings {
			t.Fatalf("%s: exit %d, want 1 (bad records)\n%s%s", in, code, stdout, stderr)
		}
		got := map[string]bool{}
		for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
			f := strings.Split(l, "\t")
			if len(f) != 6 {
				t.Fatalf("line %q", l)
			}
			got[f[1]+" "+f[2]] = true
		}
		base := filepath.Base(in)
		for _, w := range []string{"TALLY/R06 " + base + ":272", "TALLY/R01 " + base + ":278", "TALLY/R02 " + base + ":285",
			"TALLY/R10 " + base + ":294", "TALLY/R10 " + base + ":302"} {
			if !got[w] {
				t.Errorf("%s: no finding %s in\n%s", in, w, stdout)
			}
		}
		if len(got) != 5 {
			t.Errorf("%s: %d findings, want 5 (the tallied forms check clean):\n%s", in, len(got), stdout)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		forms[i] = string(data)
		rep, err := bieu.DecodeReport(data)
		if err != nil {
			t.Fatal(err)
		}
		found, _ := bieu.Check(rep, kstt.CheckOptions{})
		if len(found) != 0 {
			t.Errorf("%s: the report JSON checks with findings: %v", in, found)
		}
		if code, out, errOut := runCLI(t, "check", out); code != exitOK {
			t.Errorf("check of the tally's JSON: exit %d\n%s%s", code, out, errOut)
		}
	}
	if forms[0] != forms[1] {
		t.Error("the CSV and the XLSX of one case list give different forms")
	}
}

// TestTallySeries tallies Q2, Q3 and Q4 from the shipped list: the series
// rules hold.
func TestTallySeries(t *testing.T) {
	dir := t.TempDir()
	var reports []*kstt.Report
	for _, q := range []string{"Quý II năm 2024", "Quý III năm 2024", "Quý IV năm 2024"} {
		out := filepath.Join(dir, "r.json")
		if code, _, stderr := runCLI(t, "tally", "-period", q, "-unit", "UBND huyện Cẩm Xuyên", "-recipient", "UBND tỉnh Hà Tĩnh",
			"-format", "json", "-o", out, caseCSV); code == exitUnreadable {
			t.Fatal(stderr)
		}
		data, _ := os.ReadFile(out)
		rep, err := bieu.DecodeReport(data)
		if err != nil {
			t.Fatal(err)
		}
		reports = append(reports, rep)
	}
	found, err := bieu.CheckSeries(reports, kstt.CheckOptions{})
	if err != nil || len(found) != 0 {
		t.Errorf("series: %v %v", found, err)
	}
}

func TestTallyUsage(t *testing.T) {
	cases := [][]string{
		{"tally", caseCSV}, // no period
		{"tally", "-period", "Quý 5 năm 2024", caseCSV},                      // no such period
		{"tally", "-period", "Quý III năm 2024", "nope.csv"},                 // no file
		{"tally", "-period", "Quý III năm 2024", "-format", "xlsx", caseCSV}, // xlsx without -o
		{"tally", "-period", "Quý III năm 2024", "-closing", "maybe", caseCSV},
		{"tally", "-period", "Quý III năm 2024", "testdata/seed-tables.txt"}, // not a case list
	}
	for _, args := range cases {
		if code, _, _ := runCLI(t, args...); code != exitUnreadable {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
	code, out, _ := runCLI(t, "tally", "-period", "Quý III năm 2024", "-unit", "UBND huyện Cẩm Xuyên", "-recipient", "UBND tỉnh Hà Tĩnh", caseCSV)
	if code != exitFindings || !strings.Contains(out, "TỔNG CỘNG") || !strings.Contains(out, "Biểu số II.06b/VPCP/KSTT") {
		t.Errorf("text forms: exit %d\n%s", code, out)
	}
}

func TestTallyPolicyFile(t *testing.T) {
	dir := t.TempDir()
	pol := filepath.Join(dir, "policy.json")
	if err := os.WriteFile(pol, []byte(`{"closing": "leave-out"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runCLI(t, "tally", "-period", "Quý III năm 2024", "-unit", "UBND huyện Cẩm Xuyên", "-recipient", "UBND tỉnh Hà Tĩnh",
		"-policy", pol, "-o", filepath.Join(dir, "q3.json"), caseCSV)
	if code != exitFindings || !strings.Contains(out, "TALLY/R09") || !strings.Contains(out, "II.06a/R06") {
		t.Errorf("leave-out: exit %d\n%s", code, out)
	}
	// The flag overrides the file.
	_, out, _ = runCLI(t, "tally", "-period", "Quý III năm 2024", "-unit", "UBND huyện Cẩm Xuyên", "-recipient", "UBND tỉnh Hà Tĩnh",
		"-policy", pol, "-closing", "count", "-o", filepath.Join(dir, "q3.json"), caseCSV)
	if strings.Contains(out, "TALLY/R09") {
		t.Errorf("-closing count did not override the file:\n%s", out)
	}
	if err := os.WriteFile(pol, []byte(`{"closing": "later"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := runCLI(t, "tally", "-period", "Quý III năm 2024", "-policy", pol, caseCSV); code != exitUnreadable {
		t.Errorf("a bad policy file: exit %d", code)
	}
}

// TestTallyCROnlyCSV: the case list saved with CR-only line ends (old
// Excel for Mac) tallies as its LF original does: the same output, rows of
// findings included, and the same exit code.
func TestTallyCROnlyCSV(t *testing.T) {
	data, err := os.ReadFile(caseCSV)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "\r") {
		t.Fatal("the testdata case list is expected to end its lines in LF")
	}
	crOnly := filepath.Join(t.TempDir(), filepath.Base(caseCSV)) // same name: findings name the file
	if err := os.WriteFile(crOnly, []byte(strings.ReplaceAll(string(data), "\n", "\r")), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"tally", "-period", "Quý II năm 2024"}
	wantCode, want, wantErr := runCLI(t, append(args, caseCSV)...)
	code, got, gotErr := runCLI(t, append(args, crOnly)...)
	if code != wantCode || got != want || gotErr != wantErr {
		t.Errorf("CR-only: exit %d, want %d\nstdout:\n%s\nwant:\n%s\nstderr:\n%s\nwant:\n%s", code, wantCode, got, want, gotErr, wantErr)
	}
	if wantCode != exitFindings || !strings.Contains(want+wantErr, "612 hồ sơ: 182 được đếm") {
		t.Errorf("the LF original: exit %d\n%s%s", wantCode, want, wantErr)
	}
}
