package html_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/render/html"
)

// Whatever text a sheet, a finding or a chart holds, it adds no markup:
// the output has as many "<", ">" and quotes as with the text "x".
func FuzzEscaped(f *testing.F) {
	for _, s := range []string{"<script>alert(1)</script>", `"'><img src=x onerror=alert(1)>`, "Lĩnh vực &amp; <Hộ tịch>", "\x00\xff", ""} {
		f.Add(s)
	}
	sheet := func(s string) *layout.Sheet {
		return &layout.Sheet{Name: "II.06a", Code: s, Title: s, Unit: s, Notes: []string{s},
			Blocks: []layout.Block{{Title: s, HeadRows: 1,
				Columns: []layout.Column{{Num: 1, Kind: layout.TextColumn}, {Num: 2, Kind: layout.TextColumn}},
				Head:    []layout.HeadCell{{Text: s, Row: 0, Col: 0, RowSpan: 1, ColSpan: 2}},
				Numbers: []string{s, s},
				Rows:    []layout.Row{{Kind: layout.DataRow, Cells: []layout.Cell{{Kind: layout.TextCell, Text: s}, {Kind: layout.TextCell, Text: s}}}},
			}},
			Charts: []layout.Chart{{Title: s, Categories: []string{s}, Series: []layout.ChartSeries{{Name: s, Values: decs("1")}}}},
		}
	}
	render := func(t *testing.T, s string) string {
		found := kstt.Findings{
			{Rule: "X/R1", Severity: kstt.Error, Form: "II.06a", Row: 0, Column: 2, Message: s, Expected: s, Actual: s},
			{Rule: "X/R2", Severity: kstt.Warning, Form: "II.06a", Row: -1, Message: s},
		}
		var b bytes.Buffer
		if err := html.New(html.Options{Findings: found, Title: s}).Render(&b, sheet(s)); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	f.Fuzz(func(t *testing.T, s string) {
		if s == "" {
			return // empty text leaves elements out
		}
		empty, out := render(t, "x"), render(t, s)
		for _, c := range []string{"<", ">", `"`, "'"} {
			if strings.Count(out, c) != strings.Count(empty, c) {
				t.Fatalf("%q adds %q to the markup", s, c)
			}
		}
	})
}
