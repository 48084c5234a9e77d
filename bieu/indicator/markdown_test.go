package indicator_test

import (
	"bytes"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/baocaodinhky/vpcp/bieu/indicator"
)

var update = flag.Bool("update", false, "rewrite INDICATORS.md")

// INDICATORS.md is the catalogue as written by WriteMarkdown (rewrite it
// with go test ./bieu/indicator -run Markdown -update).
func TestMarkdown(t *testing.T) {
	var b bytes.Buffer
	if err := indicator.WriteMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("INDICATORS.md", b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	disk, err := os.ReadFile("INDICATORS.md")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(disk, b.Bytes()) {
		t.Fatal("INDICATORS.md is out of date: run go test ./bieu/indicator -run Markdown -update")
	}
	for _, ind := range indicator.All() {
		if !strings.Contains(b.String(), "`"+ind.ID+"`") {
			t.Errorf("INDICATORS.md lacks %s", ind.ID)
		}
	}
}
