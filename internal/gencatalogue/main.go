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
	out, write := "RULES.md", bieu.WriteRulesMarkdown
	args := os.Args[1:]
	if len(args) > 0 && args[0] == "-declarations" {
		// The reference of the declaration language (DECLARATIONS.md).
		out, write, args = "DECLARATIONS.md", bieu.WriteDeclarationsMarkdown, args[1:]
	}
	if len(args) > 0 {
		out = args[0]
	}
	var b bytes.Buffer
	if err := write(&b); err != nil {
		fmt.Fprintln(os.Stderr, "gencatalogue:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(out, b.Bytes(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gencatalogue:", err)
		os.Exit(1)
	}
}
