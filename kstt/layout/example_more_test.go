package layout_test

import (
	"fmt"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/bieu/indicator"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/period"
)

// A chart's series may lack a value for a category: the on-time rate of a
// lĩnh vực with no file resolved is no value, drawn as nothing, not 0 %.
func ExampleChartSeries_Has() {
	f := &bieu.II06a{Rows: []bieu.II06aRow{
		{Field: "Lĩnh vực hộ tịch", Online: 8, Direct: 2, Early: 1, OnTime: 8, Late: 1},
		{Field: "Lĩnh vực đất đai", Direct: 3, PendingOnTime: 3},
	}}
	r := kstt.NewReport(kstt.Header{Unit: "UBND huyện Kỳ Anh", Period: period.Must(period.Quarter(2024, 2))}, f)
	if err := r.Fill(); err != nil {
		panic(err)
	}
	s := indicator.Sheet(r)
	c := s.Charts[1]
	fmt.Println(c.Title, c.Percent)
	for _, ser := range c.Series {
		for i, cat := range c.Categories {
			if ser.Has(i) {
				fmt.Println(cat, ser.Values[i])
			} else {
				fmt.Println(cat, "–")
			}
		}
	}
	// Output:
	// Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn theo lĩnh vực (%) true
	// Lĩnh vực hộ tịch 90
	// Lĩnh vực đất đai –
}
