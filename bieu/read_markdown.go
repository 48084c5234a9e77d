package bieu

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteRulesMarkdown writes the whole rule catalogue as Markdown — the
// official catalogue (kstt.Catalogue.WriteMarkdown: every form's columns and
// rules, then the report rules) followed by the rules of the form reader
// (ReadRules). RULES.md is generated with it (go generate ./bieu).
func WriteRulesMarkdown(w io.Writer) error {
	if err := Official().WriteMarkdown(w); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	cell := func(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
	fmt.Fprintf(bw, "## Reading rules (bieu.Read, READ/…)\n\n")
	fmt.Fprintf(bw, "What the form reader reports when it had to interpret a cell or a header of a form read from a workbook or pasted text. ")
	fmt.Fprintf(bw, "They are not run by Check; `bieu.ReadOptions.Rules` switches them off or changes their severity by ID.\n\n")
	fmt.Fprintf(bw, "| ID | severity | rule | meaning | basis |\n|---|---|---|---|---|\n")
	for _, r := range readRules {
		fmt.Fprintf(bw, "| `%s` | %s | %s | %s | %s |\n", r.ID, r.Severity, cell(r.Expr), cell(r.Meaning+" — "+r.MeaningEN), cell(r.Basis))
	}
	fmt.Fprintln(bw)
	writeSeriesMarkdown(bw)
	return bw.Flush()
}
