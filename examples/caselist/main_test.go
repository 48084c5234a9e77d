package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestShippedCaseList regenerates the case list shipped in examples/kstt
// and compares the bytes: the generator is deterministic and the files are
// its output.
func TestShippedCaseList(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []struct{ format, shipped string }{
		{"csv", "../kstt/testdata/ho-so-cam-xuyen.csv"},
		{"xlsx", "../kstt/testdata/ho-so-cam-xuyen.xlsx"},
		{"portal", "../kstt/testdata/ho-so-cam-xuyen.portal.jsonl"},
		{"mau07", "../kstt/testdata/ho-so-cam-xuyen.mau07.xlsx"},
	} {
		out := filepath.Join(dir, "list."+f.format)
		if err := run(600, 2024, f.format, out); err != nil {
			t.Fatal(err)
		}
		got, _ := os.ReadFile(out)
		want, err := os.ReadFile(f.shipped)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the generator's output: run go run ./examples/caselist -format %s -o examples/kstt/testdata/ho-so-cam-xuyen.%s", f.shipped, f.format, f.format)
		}
	}
}
