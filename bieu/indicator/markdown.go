package indicator

import (
	"bufio"
	"io"
	"strconv"
	"strings"
)

// WriteMarkdown writes the catalogue as a Markdown table, one indicator a
// row: ID, name (Vietnamese and English), formula, decimals, the forms it
// reads, the Quyết định 766/QĐ-TTg group it feeds (inferred), whether it
// is inferred, and its basis. The package's INDICATORS.md is its output.
func WriteMarkdown(w io.Writer) error {
	bw := bufio.NewWriter(w)
	cell := func(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
	bw.WriteString("# Indicators\n\n")
	bw.WriteString("Generated from the catalogue of package `bieu/indicator` (`indicator.All`); do not edit.\n")
	bw.WriteString("Each rate is Num ÷ Den × 100, rounded half away from zero; a zero denominator gives no value.\n")
	bw.WriteString("The Quyết định 766/QĐ-TTg group is the one the rate feeds, as inferred from the forms' columns.\n\n")
	bw.WriteString("| ID | Tên | Name | Formula | Places | Forms | QĐ 766 (inferred) | Inferred | Basis |\n")
	bw.WriteString("|---|---|---|---|---|---|---|---|---|\n")
	for _, ind := range catalogue {
		inferred := ""
		if ind.Inferred {
			inferred = "yes"
		}
		bw.WriteString("| " + strings.Join([]string{
			"`" + ind.ID + "`", cell(ind.Name), cell(ind.NameEN), cell(ind.Expr()) + " × 100",
			strconv.Itoa(int(ind.Places)), strings.Join(ind.Forms, ", "), cell(ind.Decision766), inferred, cell(ind.Basis),
		}, " | ") + " |\n")
	}
	return bw.Flush()
}
