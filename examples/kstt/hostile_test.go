package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/baocaodinhky/vpcp/internal/heapwatch"
	"github.com/baocaodinhky/vpcp/internal/hostile"
)

// TestUnboundedInputs: /dev/zero, a FIFO fed without end and -options
// /dev/zero get the size error, fast.
func TestUnboundedInputs(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("needs /dev/zero and mkfifo")
	}
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	go func() {
		w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		defer w.Close()
		zeros := make([]byte, 64<<10)
		for {
			if _, err := w.Write(zeros); err != nil {
				return
			}
		}
	}()
	for _, args := range [][]string{
		{"check", "/dev/zero"},
		{"check", fifo},
		{"check", "-options", "/dev/zero", "testdata/seed-tables.txt"},
		{"check", "-max-bytes", "1000", "testdata/seed-tables.txt"},
		{"render", "-max-bytes", "1000", "testdata/seed-tables.txt"},
		{"tally", "-period", "Quý II năm 2024", "-policy", "/dev/zero", "testdata/ho-so-cam-xuyen.csv"},
		{"tally", "-period", "Quý II năm 2024", "-procedures", "/dev/zero", "testdata/ho-so-cam-xuyen.csv"},
	} {
		start := time.Now()
		var code int
		var errOut string
		peak := heapwatch.Peak(func() { code, _, errOut = runCLI(t, args...) })
		if code != exitUnreadable || !strings.Contains(errOut, "bytes") {
			t.Errorf("%v: exit %d, %q; want 2 and the size error", args, code, errOut)
		}
		if peak > 32<<20 {
			t.Errorf("%v: peak heap %d MB, more than 32 MB", args, peak>>20)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%v took %v", args, d)
		}
	}
}

// TestMaxRows: -max-rows bounds the rows of any input.
func TestMaxRows(t *testing.T) {
	dir := t.TempDir()
	txt := filepath.Join(dir, "big.txt")
	os.WriteFile(txt, hostile.PastedRows(500), 0o644)
	js := filepath.Join(dir, "rows.json")
	os.WriteFile(js, hostile.EmptyRowsJSON(500), 0o644)
	for _, f := range []string{txt, js} {
		if code, _, errOut := runCLI(t, "check", "-max-rows", "100", f); code != exitUnreadable || !strings.Contains(errOut, "100") {
			t.Errorf("%s with -max-rows 100: exit %d, %q", f, code, errOut)
		}
		if code, _, errOut := runCLI(t, "check", "-max-rows", "1000", f); code == exitUnreadable {
			t.Errorf("%s with -max-rows 1000: exit 2, %q", f, errOut)
		}
	}
}

// TestRenderKeepsOldOutput: a render that fails leaves an existing
// output file byte for byte.
func TestRenderKeepsOldOutput(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.xlsx")
	old := []byte("an earlier workbook")
	os.WriteFile(out, old, 0o644)
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte("no form here\n"), 0o644)
	if code, _, _ := runCLI(t, "render", "-format", "xlsx", "-o", out, bad); code != exitUnreadable {
		t.Errorf("exit %d, want 2", code)
	}
	if b, _ := os.ReadFile(out); !bytes.Equal(b, old) {
		t.Error("a failed render changed the old file")
	}
	if code, _, errOut := runCLI(t, "render", "-format", "xlsx", "-o", out, "testdata/seed-tables.txt"); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if b, _ := os.ReadFile(out); !bytes.HasPrefix(b, []byte("PK")) {
		t.Error("a good render did not replace the file")
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 2 {
		t.Errorf("%d files in the folder, want 2 (no temporary file left)", len(ents))
	}
}

// TestTerminalEscapes: escape sequences and bidi controls in a lĩnh vực
// name reach the terminal escaped.
func TestTerminalEscapes(t *testing.T) {
	data, err := os.ReadFile("testdata/so-tu-phap.json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	row := m["forms"].([]any)[0].(map[string]any)["form"].(map[string]any)["rows"].([]any)[0].(map[string]any)
	row["field"] = "Hộ tịch\x1b]0;pwned\x07\x1b[31m\u202eevil"
	row["received"] = 999999 // a finding that names the row
	b, _ := json.Marshal(m)
	path := filepath.Join(t.TempDir(), "evil.json")
	os.WriteFile(path, b, 0o644)
	_, out, errOut := runCLI(t, "check", path)
	if strings.ContainsAny(out+errOut, "\x1b\x07\u202e") {
		t.Errorf("raw control characters in the output:\n%q", out)
	}
	if !strings.Contains(out, `\x1b[31m\u202eevil`) {
		t.Errorf("the escaped name is missing:\n%s", out)
	}
}
