package main

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/period"
)

// TestSeedReportJSONRoundTrip: the whole seed report — narrative and
// forms — survives JSON (kstt.Report.MarshalJSON, bieu.DecodeReport).
func TestSeedReportJSONRoundTrip(t *testing.T) {
	want := seedReport()
	b, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	got, err := bieu.DecodeReport(b)
	if err != nil {
		t.Fatal(err)
	}
	opts := cmp.Options{
		cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) }),
		cmp.Comparer(func(a, b period.Period) bool { return a == b }),
	}
	if d := cmp.Diff(want, got, opts); d != "" {
		t.Errorf("round trip (-want +got):\n%s", d)
	}
}
