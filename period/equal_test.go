package period_test

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/baocaodinhky/vpcp/period"
)

func TestCmpWithoutOptions(t *testing.T) {
	type header struct {
		Unit   string
		Period period.Period
	}
	q2, q3 := period.Must(period.Quarter(2024, 2)), period.Must(period.Quarter(2024, 3))
	if d := cmp.Diff(header{"a", q2}, header{"a", period.Must(period.Parse("Quý II năm 2024"))}); d != "" {
		t.Fatalf("same period differs: %s", d)
	}
	if cmp.Equal(header{"a", q2}, header{"a", q3}) || !q2.Equal(q2) || q2.Equal(period.Period{}) {
		t.Fatal("different periods compare equal")
	}
}

func ExamplePeriod_Equal() {
	a, _ := period.Parse("Quý II năm 2024")
	b, _ := period.Parse("15/3/2024 - 14/6/2024")
	fmt.Println(a.Equal(b), cmp.Equal(a, b))
	// Output: true true
}
