package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestProceduresTrailingData: a -procedures file with text after its
// object is refused (exit 2), not read as its first object.
func TestProceduresTrailingData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "procs.json")
	if err := os.WriteFile(path, []byte(`{"1.000": {"field": "Hộ tịch", "level": "cấp xã"}} {"x": 1}`), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI(t, "tally", "-period", "Quý II năm 2024", "-procedures", path, "testdata/ho-so-cam-xuyen.csv")
	if code != exitUnreadable || !strings.Contains(errOut, "data after the JSON value") {
		t.Errorf("exit %d, stderr %q; want %d and the trailing data named", code, errOut, exitUnreadable)
	}
}
