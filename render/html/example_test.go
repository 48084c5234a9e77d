package html_test

import (
	"fmt"
	"strings"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/render/html"
)

// A form as an HTML table, with a finding shown on its cell: the cell's
// class says how serious it is and its title (a tooltip) what is wrong.
func Example() {
	f := &bieu.II06a{Rows: []bieu.II06aRow{{STT: "1", Field: "Lĩnh vực <Hộ tịch>", Online: 5, OnTime: 5}}}
	_ = f.Fill()
	f.Rows[0].Received = 4 // as a unit might have typed it
	found, _ := f.Check(kstt.CheckOptions{})
	var b strings.Builder
	_ = html.New(html.Options{Fragment: true, Findings: found}).Render(&b, kstt.Layout(f))
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(line, `<tr><td class="c">1</td>`) {
			cell := line[strings.Index(line, `<td class="n f-error"`):]
			fmt.Println(cell[:strings.Index(cell, ":")])
			fmt.Println(strings.Contains(cell, "[cần 5; có 4]"))
		}
	}
	// Output:
	// <td class="n f-error" title="Lỗi II.06a/R01
	// true
}

// A chart as SVG, for a page: units by on-time rate.
func ExampleWriteChart() {
	c := &layout.Chart{Kind: layout.BarChart, Title: "Tỷ lệ trước hạn và đúng hạn", Percent: true,
		Categories: []string{"Sở Tư pháp", "UBND huyện Cẩm Xuyên"},
		Series:     []layout.ChartSeries{{Name: "Quý II năm 2024", Values: decs("100", "95.06")}}}
	var b strings.Builder
	_ = html.WriteChart(&b, c)
	fmt.Println(strings.Count(b.String(), `class="bar"`), "bars;", strings.Contains(b.String(), ">95,06%</text>"))
	// Output: 2 bars; true
}
