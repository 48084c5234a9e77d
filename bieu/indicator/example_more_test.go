package indicator_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/bieu/indicator"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/period"
)

// Of rounds half away from zero to the published decimals; a zero
// denominator is no value, printed "–", never 0 % or 100 %.
func ExampleOf() {
	for _, v := range []indicator.Value{
		indicator.Of(349, 350, 2),
		indicator.Of(1, 8, 1),
		indicator.Of(7, 7, 2),
		indicator.Of(0, 0, 2),
	} {
		fmt.Println(v, v.Rate, v.OK)
	}
	// Output:
	// 99,71% 99.71 true
	// 12,5% 12.5 true
	// 100% 100 true
	// – 0 false
}

// All lists the catalogue in the order offices publish it; For selects the
// indicators that read one form (II.06b shares II.06a's).
func ExampleAll() {
	fmt.Println(len(indicator.All()) > 0)
	for _, ind := range indicator.For("II.07b") {
		fmt.Println(ind.ID, ind.Expr(), ind.AppliesTo("II.07b"), ind.AppliesTo("II.06a"))
	}
	fmt.Println(len(indicator.For("II.06b")) == len(indicator.For("II.06a")), len(indicator.For("II.99")))
	// Output:
	// true
	// II.07b/ONE_STOP (7)/(3) true false
	// II.07b/PROCESS (11)/(7) true false
	// II.07b/ON_SPOT_PROVINCE Phần II (3)/Phần I (8) true false
	// II.07b/ON_SPOT_DISTRICT Phần II (5)/Phần I (9) true false
	// true 0
}

// Total computes one indicator on TỔNG CỘNG; a form the indicator does not
// read is an error wrapping ErrNotApplicable.
func ExampleIndicator_Total() {
	f := &bieu.II06a{Rows: []bieu.II06aRow{{Field: "Lĩnh vực hộ tịch", Online: 40, Direct: 10, Early: 5, OnTime: 43, Late: 2}}}
	if err := f.Fill(); err != nil {
		panic(err)
	}
	ind, ok := indicator.Lookup("II.06a/ONLINE")
	v, err := ind.Total(f)
	fmt.Println(ok, v.Num, v.Den, v, err)

	_, err = ind.Total(&bieu.II07b{})
	fmt.Println(errors.Is(err, indicator.ErrNotApplicable))
	_, ok = indicator.Lookup("II.06a/ONTIME")
	fmt.Println(ok)
	// Output:
	// true 40 50 80% <nil>
	// true
	// false
}

// Report computes every indicator on the TỔNG CỘNG of each form a report
// files, in catalogue order.
func ExampleReport() {
	f := &bieu.II06a{Rows: []bieu.II06aRow{{Field: "Lĩnh vực hộ tịch", Online: 40, Direct: 10, CarriedOver: 1, Early: 5, OnTime: 43, Late: 2, PendingOverdue: 1}}}
	r := kstt.NewReport(kstt.Header{Unit: "Sở Tư pháp", Period: period.Must(period.Quarter(2024, 2))}, f)
	if err := r.Fill(); err != nil {
		panic(err)
	}
	results, err := indicator.Report(r)
	if err != nil {
		panic(err)
	}
	for _, res := range results {
		fmt.Println(res.Form, res.Indicator.ID, res.Indicator.Expr(), res.Value)
	}
	// Output:
	// II.06a II.06a/ON_TIME ((8)+(9))/(7) 96%
	// II.06a II.06a/LATE (10)/(7) 4%
	// II.06a II.06a/ONLINE (4)/((4)+(5)) 80%
	// II.06a II.06a/PENDING_OVERDUE (13)/(11) 100%
	// II.06a II.06a/RESOLVED (7)/(3) 98,04%
	// II.06a II.06a/PENDING_ON_TIME (12)/(11) 0%
}

// WriteMarkdown writes INDICATORS.md, one indicator a row; here its first
// lines.
func ExampleWriteMarkdown() {
	var b strings.Builder
	if err := indicator.WriteMarkdown(&b); err != nil {
		panic(err)
	}
	lines := strings.Split(b.String(), "\n")
	for _, l := range lines[:3] {
		fmt.Println(l)
	}
	// Output:
	// # Indicators
	//
	// Generated from the catalogue of package `bieu/indicator` (`indicator.All`); do not edit.
}

// Comparison.Sheet lays out a comparison of two periods for a renderer:
// a block of counts and a block of indicators per form, and a column chart.
func ExampleComparison_Sheet() {
	report := func(q int, direct, onTime, late int64) *kstt.Report {
		f := &bieu.II06a{Rows: []bieu.II06aRow{{Field: "Lĩnh vực hộ tịch", Direct: direct, OnTime: onTime, Late: late}}}
		r := kstt.NewReport(kstt.Header{Unit: "UBND huyện Cẩm Xuyên", Period: period.Must(period.Quarter(2024, q))}, f)
		if err := r.Fill(); err != nil {
			panic(err)
		}
		return r
	}
	c, err := indicator.Compare(report(1, 20, 18, 2), report(2, 25, 25, 0))
	if err != nil {
		panic(err)
	}
	s := c.Sheet()
	fmt.Println(s.Name, len(s.Blocks), len(s.Charts))
	fmt.Println(s.Blocks[0].Head[len(s.Blocks[0].Head)-1].Text)

	other := report(2, 1, 1, 0)
	other.Header.Unit = "UBND huyện Kỳ Anh"
	_, err = indicator.Compare(report(1, 1, 1, 0), other)
	fmt.Println(errors.Is(err, indicator.ErrOtherUnit))
	// Output:
	// So sánh 2 1
	// Tỷ lệ tăng, giảm
	// true
}
