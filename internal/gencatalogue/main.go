// Command gencatalogue writes the official rule catalogue as Markdown
// (bieu/RULES.md). Run it with `go generate ./bieu`.
package main

import (
	"bytes"
	"fmt"
	"os"

	"github.com/baocaodinhky/vpcp/bieu"
)

func main() {
	out := "RULES.md"
	if len(os.Args) > 1 {
		out = os.Args[1]
	}
	var b bytes.Buffer
	if err := bieu.WriteRulesMarkdown(&b); err != nil {
		fmt.Fprintln(os.Stderr, "gencatalogue:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(out, b.Bytes(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gencatalogue:", err)
		os.Exit(1)
	}
}
