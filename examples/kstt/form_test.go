package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	declFile   = "../decl/ii07b-don-vi.json"
	declSample = "../decl/tinh-theo-don-vi.txt"
)

// The provincial II.07b by unit, declared as data only, read, checked and
// rendered through -form.
func TestCheckDeclaredForm(t *testing.T) {
	code, out, errOut := runCLI(t, "check", "-form", declFile, declSample)
	if code != exitOK {
		t.Fatalf("exit %d: %s %s", code, out, errOut)
	}
	got := map[string]int{}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		got[strings.Split(l, "\t")[1]]++
	}
	want := map[string]int{"II.07b-DV/R08": 3, "II.07b-DV/R06": 1}
	if len(got) != len(want) || got["II.07b-DV/R08"] != 3 || got["II.07b-DV/R06"] != 1 {
		t.Fatalf("findings %v, want %v:\n%s", got, want, out)
	}
	if !strings.Contains(out, "tinh-theo-don-vi.txt:L12:C5\t0\t4\t(5) ghi 4 ở kỳ Quý III năm 2025") {
		t.Errorf("the cấp huyện warning lacks its cell or period:\n%s", out)
	}
	// The same file in Q1 2026: the edition notice too.
	data, err := os.ReadFile(declSample)
	if err != nil {
		t.Fatal(err)
	}
	doc := strings.NewReplacer("Quý III năm 2025", "Quý I năm 2026", "(Từ ngày 15/6/2025 đến ngày 14/9/2025)", "(Từ ngày 15/12/2025 đến ngày 14/3/2026)").Replace(string(data))
	p := filepath.Join(t.TempDir(), "q1-2026.txt")
	if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, _ = runCLI(t, "check", "-form", declFile, p)
	if !strings.Contains(out, "Thông tin\tKSTT/R40\tq1-2026.txt:L5:C1") {
		t.Errorf("Q1 2026 lacks the edition notice:\n%s", out)
	}
	// Rendered as a workbook, then checked again: same rules, workbook cells.
	x := filepath.Join(t.TempDir(), "don-vi.xlsx")
	if code, _, e := runCLI(t, "render", "-format", "xlsx", "-o", x, "-form", declFile, declSample); code != exitOK {
		t.Fatalf("render: %d %s", code, e)
	}
	_, out, _ = runCLI(t, "check", "-form", declFile, x)
	if !strings.Contains(out, "II.07b-DV/R08\t'II.07b-DV'!E12") || strings.Count(out, "\n") != 4 {
		t.Errorf("the workbook's findings:\n%s", out)
	}
	code, out, _ = runCLI(t, "render", "-form", declFile, declSample)
	if code != exitOK || !strings.Contains(out, "(11)=(12)+(13)+(14)") || !strings.Contains(out, "UBND xã Cẩm Xuyên") {
		t.Errorf("render text: %d\n%s", code, out)
	}
}

func TestCheckBadDeclaration(t *testing.T) {
	p := filepath.Join(t.TempDir(), "bad.json")
	data, err := os.ReadFile(declFile)
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(data), `"rule":"(11) ≤ (7)"`, `"rule":"(11) ≤ (17)"`, 1)
	if err := os.WriteFile(p, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI(t, "check", "-form", p, declSample)
	if code != exitUnreadable || !strings.Contains(errOut, "$.rules[6].rule: column (17) does not exist") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
}
