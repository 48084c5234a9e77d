package xlsx_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/baocaodinhky/vpcp/render/xlsx"
)

// LibreOffice opens a workbook with charts and prints it: the data sheet,
// then each chart with its data on an A4 landscape page of its own. Skips
// when soffice or pdfinfo is absent, unless KSTT_REQUIRE_SOFFICE is set.
func TestChartsInLibreOffice(t *testing.T) {
	need := func(name string) string {
		p, err := exec.LookPath(name)
		if err != nil {
			if os.Getenv("KSTT_REQUIRE_SOFFICE") != "" {
				t.Fatalf("KSTT_REQUIRE_SOFFICE is set but %s is not installed", name)
			}
			t.Skipf("%s not installed", name)
		}
		return p
	}
	bin, pdfinfo := need("soffice"), need("pdfinfo")
	dir := t.TempDir()
	in := filepath.Join(dir, "bieu-do.xlsx")
	if err := xlsx.New(xlsx.Options{}).WriteFile(in, chartSheet()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, in)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	info, err := exec.Command(pdfinfo, filepath.Join(dir, "bieu-do.pdf")).Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := regexp.MustCompile(`Pages:\s+(\d+)`).FindSubmatch(info)
	if pages == nil {
		t.Fatalf("pdfinfo:\n%s", info)
	}
	if n, _ := strconv.Atoi(string(pages[1])); n != 3 {
		t.Errorf("%s pages, want 3 (the sheet, then one per chart)", pages[1])
	}
	if !bytes.Contains(info, []byte("841.89 x 595.3")) {
		t.Errorf("not A4 landscape:\n%s", info)
	}
}
