package render_test

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/render"
	"github.com/baocaodinhky/vpcp/render/text"
)

// Markdown is a renderer a user writes for their own needs: each block as
// a GitHub-flavoured Markdown table, one header row of column numbers.
type Markdown struct{}

// Format names the format in a registry.
func (Markdown) Format() string { return "markdown" }

// Render writes each block of each sheet as a Markdown table.
func (Markdown) Render(w io.Writer, sheets ...*layout.Sheet) error {
	if err := render.CheckSheets(sheets); err != nil {
		return err
	}
	cell := func(c layout.Cell) string {
		switch c.Kind {
		case layout.IntCell:
			return strconv.FormatInt(c.Int, 10)
		case layout.DecimalCell:
			return c.Dec.String()
		}
		return strings.ReplaceAll(c.Text, "|", `\|`)
	}
	for _, s := range sheets {
		fmt.Fprintf(w, "**%s** — %s\n\n", s.Code, s.Title)
		for _, b := range s.Blocks {
			fmt.Fprintf(w, "| %s |\n|%s\n", strings.Join(b.Numbers, " | "), strings.Repeat("---|", len(b.Numbers)))
			for _, r := range b.Rows {
				cells := make([]string, len(r.Cells))
				for i, c := range r.Cells {
					cells[i] = cell(c)
				}
				if _, err := fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | ")); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// smallSheet is a two-row sheet shaped like Part II of II.07b.
func smallSheet() *layout.Sheet {
	text := func(s string) layout.Cell { return layout.Cell{Kind: layout.TextCell, Text: s} }
	n := func(v int64) layout.Cell { return layout.Cell{Kind: layout.IntCell, Int: v} }
	return &layout.Sheet{
		Code:  "Biểu số II.07b/VPCP/KSTT",
		Title: "KẾT QUẢ THỰC HIỆN “4 TẠI CHỖ”",
		Blocks: []layout.Block{{
			Columns: []layout.Column{{Num: 1, Kind: layout.TextColumn}, {Num: 2, Kind: layout.TextColumn}, {Num: 3, Kind: layout.CountColumn}},
			Numbers: []string{"(1)", "(2)", "(3)"},
			Rows: []layout.Row{
				{Kind: layout.DataRow, Cells: []layout.Cell{text("1"), text("Lĩnh vực đối ngoại"), n(5)}},
				{Kind: layout.DataRow, Cells: []layout.Cell{text("2"), text("=HYPERLINK(\"http://x\")"), n(12)}},
				{Kind: layout.TotalRow, Cells: []layout.Cell{{}, text(kstt.TotalLabel), n(17)}},
			},
		}},
	}
}

// A program builds its own registry (there is no global one), with the
// renderers of this module and any of its own, and picks one by name.
func ExampleRegistry() {
	reg := render.NewRegistry()
	for _, r := range []render.Renderer{text.New(text.DefaultOptions()), render.CSV{}, Markdown{}} {
		if err := reg.Register(r); err != nil {
			fmt.Println(err)
			return
		}
	}
	fmt.Println(reg.Formats())

	r, err := reg.Lookup("markdown")
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := r.Render(os.Stdout, smallSheet()); err != nil {
		fmt.Println(err)
	}

	_, err = reg.Lookup("pdf")
	fmt.Println(err)
	// Output:
	// [csv markdown text]
	// **Biểu số II.07b/VPCP/KSTT** — KẾT QUẢ THỰC HIỆN “4 TẠI CHỖ”
	//
	// | (1) | (2) | (3) |
	// |---|---|---|
	// | 1 | Lĩnh vực đối ngoại | 5 |
	// | 2 | =HYPERLINK("http://x") | 12 |
	// |  | TỔNG CỘNG | 17 |
	// render: format "pdf": unknown output format
}

// CSV writes counts as numbers and neutralises text that a spreadsheet
// would run as a formula.
func ExampleCSV() {
	if err := (render.CSV{NoPreamble: true}).Render(os.Stdout, smallSheet()); err != nil {
		fmt.Println(err)
	}
	// Output:
	// (1),(2),(3)
	// 1,Lĩnh vực đối ngoại,5
	// 2,"'=HYPERLINK(""http://x"")",12
	// ,TỔNG CỘNG,17
}

func ExampleNeutralize() {
	for _, s := range []string{"=1+1", "+84 912", "-5", "@SUM(A1)", "  =x", "Lĩnh vực", "(3)=(4)+(5)"} {
		fmt.Println(render.Neutralize(s))
	}
	// Output:
	// '=1+1
	// '+84 912
	// '-5
	// '@SUM(A1)
	// '  =x
	// Lĩnh vực
	// (3)=(4)+(5)
}
