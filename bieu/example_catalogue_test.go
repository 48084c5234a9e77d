package bieu_test

import (
	"fmt"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/period"
)

// FieldKey is how lĩnh vực of many units are matched when forms are
// combined (Rollup, the cross-form rules): the same key however the label
// is spelt.
func ExampleFieldKey() {
	for _, label := range []string{"Lĩnh vực Hộ tịch", "hộ  tịch", "Ho\u0323\u0302 ti\u0323ch"} {
		fmt.Printf("%q\n", bieu.FieldKey(label))
	}
	// Output:
	// "hộ tịch"
	// "hộ tịch"
	// "hộ tịch"
}

// Official is the catalogue of the official forms and their rules. Each
// call gives a copy: a unit may tighten a rule for its own checks without
// changing anyone else's.
func ExampleOfficial() {
	cat := bieu.Official()
	r, err := cat.Rule(bieu.RuleII06aR01)
	fmt.Println(r.ID, r.Severity, r.Expr, err)
	fmt.Println(cat.Spec("II.07b").Title != "", cat.Spec("II.09") == nil)
	_, err = cat.Rule("II.06a/R99")
	fmt.Println(err)
	// Output:
	// II.06a/R01 error (3) = (4) + (5) + (6) <nil>
	// true true
	// kstt: unknown rule: "II.06a/R99"
}

// From 1/7/2025 local government has two levels: no cấp huyện reports.
// A quarter that starts before that date still has district days.
func ExampleNoDistrictFor() {
	for _, text := range []string{"Quý II năm 2025", "Quý III năm 2025", "Quý IV năm 2025"} {
		p := period.Must(period.Parse(text))
		fmt.Println(text, bieu.NoDistrictFor(p))
	}
	// Output:
	// Quý II năm 2025 false
	// Quý III năm 2025 false
	// Quý IV năm 2025 true
}

// The rules outside the catalogue: what the form reader reports when it
// had to interpret a cell (ReadRules), and the rules over a unit's
// consecutive reports that CheckSeries runs (SeriesRules).
func ExampleSeriesRules() {
	for _, rules := range [][]kstt.Rule{bieu.ReadRules()[:2], bieu.SeriesRules()} {
		for _, r := range rules {
			fmt.Println(r.ID, r.Severity, "—", r.MeaningEN)
		}
	}
	// Output:
	// READ/R01 info — a blank number cell is read as 0
	// READ/R02 info — a formula cell without a stored value is computed with the form's own rule (printed formula, TỔNG CỘNG, rate)
	// KSTT/R50 warning — files carried over equal the files pending at the end of the previous period, lĩnh vực by lĩnh vực
	// KSTT/R51 warning — total files carried over equal total files pending at the end of the previous period (TỔNG CỘNG)
	// KSTT/R52 error — a series holds one unit's reports, each period right after the one before
}
