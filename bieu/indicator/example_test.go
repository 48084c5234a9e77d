package indicator_test

import (
	"fmt"
	"os"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/bieu/indicator"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/period"
	"github.com/baocaodinhky/vpcp/render/text"
)

// The published rates of a unit's II.06a, on TỔNG CỘNG and row by row. A
// rate over zero files is no value ("–"), not 0 % or 100 %.
func Example() {
	f := &bieu.II06a{Rows: []bieu.II06aRow{
		{STT: "1", Field: "Lĩnh vực Hộ tịch", Online: 70, Direct: 45, CarriedOver: 5, Early: 20, OnTime: 90, Late: 2, PendingOnTime: 8},
		{STT: "2", Field: "Lĩnh vực Đất đai", Online: 30, Direct: 30, CarriedOver: 4, OnTime: 44, Late: 6, PendingOnTime: 10, PendingOverdue: 4},
	}}
	if err := f.Fill(); err != nil {
		panic(err)
	}
	for _, id := range []string{"II.06a/ON_TIME", "II.06a/LATE", "II.06a/ONLINE", "II.06a/PENDING_OVERDUE"} {
		ind, _ := indicator.Lookup(id)
		rows, _ := ind.Rows(f)
		fmt.Printf("%s %s:", ind.Name, ind.Expr())
		for _, r := range rows {
			fmt.Printf(" %s", r.Value)
		}
		fmt.Println()
	}
	// Output:
	// Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn ((8)+(9))/(7): 98,21% 88% 95,06%
	// Tỷ lệ hồ sơ giải quyết quá hạn (10)/(7): 1,79% 12% 4,94%
	// Tỷ lệ hồ sơ tiếp nhận trực tuyến (4)/((4)+(5)): 60,87% 50% 57,14%
	// Tỷ lệ hồ sơ đang giải quyết quá hạn (13)/(11): 0% 28,57% 18,18%
}

// Units of a roll-up ranked by an indicator, as a sheet any renderer
// prints (here as text; render/xlsx adds a bar chart).
func ExampleRankingSheet() {
	q, _ := period.Parse("Quý II năm 2024")
	unit := func(name string, early, onTime, late int64) *kstt.Report {
		f := &bieu.II06a{Header: kstt.Header{Unit: name, Recipient: "UBND tỉnh", Period: q},
			Rows: []bieu.II06aRow{{STT: "1", Field: "Hộ tịch", Direct: early + onTime + late, Early: early, OnTime: onTime, Late: late}}}
		if err := f.Fill(); err != nil {
			panic(err)
		}
		return &kstt.Report{Header: f.Header, Forms: []kstt.Form{f}}
	}
	reports := []*kstt.Report{unit("UBND huyện A", 10, 80, 10), unit("UBND huyện B", 0, 0, 0), unit("Sở Tư pháp", 50, 49, 1)}
	ind, _ := indicator.Lookup("II.06a/ON_TIME")
	units, _ := ind.Units(reports)
	s := indicator.RankingSheet(kstt.Header{Unit: "UBND tỉnh", Period: q}, ind, indicator.Rank(units, ind.LowerIsBetter))
	s.Title, s.Notes = "", nil
	_ = text.New(text.Options{Width: 100, Style: text.ASCIIStyle, DecimalComma: true}).Render(os.Stdout, s)
	fmt.Println(s.Charts[0].Title)
	// Output:
	// Kỳ báo cáo: Quý II năm 2024
	//                (Từ ngày 15/3/2024 đến ngày 14/6/2024)
	// Đơn vị báo cáo: UBND tỉnh
	// Đơn vị nhận báo cáo:
	//                                        Đơn vị tính: Số hồ sơ TTHC, %
	//
	// +----------+--------------+-----------+--------------+-------------+
	// |          |              |           |              | Tỷ lệ hồ sơ |
	// | Thứ hạng |    Đơn vị    |   Tử số   | Mẫu số [(7)] | giải quyết  |
	// |          |              | [(8)+(9)] |              |  trước hạn  |
	// |          |              |           |              | và đúng hạn |
	// +----------+--------------+-----------+--------------+-------------+
	// |   (1)    |     (2)      |    (3)    |     (4)      | (5)=(3)/(4) |
	// +----------+--------------+-----------+--------------+-------------+
	// |    1     | Sở Tư pháp   |        99 |          100 |         99% |
	// |    2     | UBND huyện A |        90 |          100 |         90% |
	// |          | UBND huyện B |         0 |            0 |             |
	// +----------+--------------+-----------+--------------+-------------+
	// Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn theo đơn vị (%)
}

// One unit's report against its report for the previous quarter: every
// count and every indicator, row by row, matched by lĩnh vực ("hộ tịch"
// and "Lĩnh vực Hộ tịch" are one row).
func ExampleCompare() {
	report := func(p string, field string, online, direct, early, onTime, late int64) *kstt.Report {
		q, _ := period.Parse(p)
		f := &bieu.II06a{Header: kstt.Header{Unit: "UBND huyện Cẩm Xuyên", Recipient: "UBND tỉnh", Period: q},
			Rows: []bieu.II06aRow{{STT: "1", Field: field, Online: online, Direct: direct, Early: early, OnTime: onTime, Late: late}}}
		if err := f.Fill(); err != nil {
			panic(err)
		}
		return &kstt.Report{Header: f.Header, Forms: []kstt.Form{f}}
	}
	prev := report("Quý I năm 2024", "hộ tịch", 50, 50, 10, 80, 10)
	cur := report("Quý II năm 2024", "Lĩnh vực Hộ tịch", 70, 45, 20, 90, 5)
	c, err := indicator.Compare(prev, cur)
	if err != nil {
		panic(err)
	}
	total := c.Forms[0].Rows[len(c.Forms[0].Rows)-1]
	ch := total.Columns[0]
	fmt.Printf("%s %s: %d → %d (%+d, %s)\n", total.Label, ch.Label, ch.Prev, ch.Cur, ch.Diff, ch.Percent)
	for _, ic := range c.Forms[0].Indicators {
		if ic.Kind == layout.TotalRow && ic.ID == "II.06a/ON_TIME" {
			fmt.Printf("%s: %s → %s (%s điểm %%)\n", ic.Name, ic.Prev, ic.Cur, ic.Points)
		}
	}
	// Output:
	// TỔNG CỘNG (3) Số lượng hồ sơ tiếp nhận – Tổng số: 100 → 115 (+15, 15%)
	// Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn: 90% → 95,65% (5.65 điểm %)
}

// Sheet lays out every indicator of a report's forms as a table a renderer
// prints: a row per lĩnh vực and TỔNG CỘNG, a column per indicator, the
// formula in the column-number row, and the charts of II.06a.
func ExampleSheet() {
	q, _ := period.Parse("Quý II năm 2024")
	f := &bieu.II06a{Header: kstt.Header{Unit: "Sở Tư pháp", Recipient: "UBND tỉnh", Period: q},
		Rows: []bieu.II06aRow{{STT: "1", Field: "Hộ tịch", Online: 6, Direct: 4, Early: 2, OnTime: 6, Late: 1, PendingOnTime: 1}}}
	if err := f.Fill(); err != nil {
		panic(err)
	}
	s := indicator.Sheet(kstt.NewReport(f.Header, f))
	b := s.Blocks[0]
	fmt.Println(len(s.Blocks), len(s.Charts), b.Numbers[2], b.Numbers[3])
	for _, r := range b.Rows {
		fmt.Println(r.Cells[1].Text, r.Cells[2].Dec, r.Cells[3].Dec)
	}
	// Output:
	// 1 2 ((8)+(9))/(7) (10)/(7)
	// Hộ tịch 88.89 11.11
	// TỔNG CỘNG 88.89 11.11
}
