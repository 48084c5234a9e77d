package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A JSON report that would read as another (a second "unit", a case twin,
// a lone surrogate, invalid UTF-8) is refused with exit 2 and its JSON
// pointer, and left as it was; a byte order mark is accepted.
func TestStrictJSONExitCodes(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("testdata/so-tu-phap.json")
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for name, in := range map[string]string{
		"dup.json":  strings.Replace(s, `"unit":`, `"unit": "Sở Giả", "unit":`, 1),
		"esc.json":  strings.Replace(s, `"unit":`, `"unit": "Sở Giả", "\u0075nit":`, 1),
		"twin.json": strings.Replace(s, `"unit":`, `"Unit": "Sở Giả", "unit":`, 1),
		"surr.json": strings.Replace(s, `"unit": "`, `"unit": "\ud800`, 1),
		"bad8.json": strings.Replace(s, "Sở", "S\xff", 1),
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(in), 0o644); err != nil {
			t.Fatal(err)
		}
		code, _, errOut := runCLI(t, "check", path)
		if code != exitUnreadable || !strings.Contains(errOut, "at /header/unit") {
			t.Errorf("%s: exit %d, %q; want 2 and the pointer /header/unit", name, code, errOut)
		}
		if after, _ := os.ReadFile(path); string(after) != in {
			t.Errorf("%s changed", name)
		}
	}
	bom := filepath.Join(dir, "bom.json")
	os.WriteFile(bom, append([]byte("\xEF\xBB\xBF"), data...), 0o644)
	if code, _, errOut := runCLI(t, "check", bom); code == exitUnreadable {
		t.Errorf("byte order mark: exit %d, %s", code, errOut)
	}
}
