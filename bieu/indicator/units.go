package indicator

import (
	"cmp"
	"fmt"
	"slices"

	"golang.org/x/text/unicode/norm"

	"github.com/baocaodinhky/vpcp/kstt"
)

// UnitValue is an indicator's value on the TỔNG CỘNG of one unit's report.
type UnitValue struct {
	Index int    `json:"index"` // position of the unit's report in the input
	Unit  string `json:"unit"`  // Đơn vị báo cáo, NFC
	Value Value  `json:"value"`
	// Filed is false when the unit files no form the indicator reads:
	// its value is missing, as for a zero denominator.
	Filed bool `json:"filed"`
}

// Units computes the indicator on each unit's report: the reports given to
// bieu.Rollup, in the same order, so that a roll-up's units are compared
// with each other. A nil report is an error wrapping ErrNilForm.
func (ind *Indicator) Units(reports []*kstt.Report) ([]UnitValue, error) {
	out := make([]UnitValue, len(reports))
	for i, r := range reports {
		if r == nil {
			return nil, fmt.Errorf("%w: report %d", ErrNilForm, i+1)
		}
		u := UnitValue{Index: i, Unit: unitName(r)}
		if f := formOf(r, ind); f != nil {
			v, err := ind.Total(f)
			if err != nil {
				return nil, err
			}
			u.Value, u.Filed = v, true
		}
		out[i] = u
	}
	return out, nil
}

func unitName(r *kstt.Report) string {
	h := r.Header.Normalize()
	if h.Unit == "" {
		for _, f := range r.Forms {
			if !isNil(f) {
				if u := f.FormHeader().Normalize().Unit; u != "" {
					return u
				}
			}
		}
	}
	return norm.NFC.String(h.Unit)
}

// Rank orders units by value, highest first (lowest first when ascending,
// for a rate where less is better, such as II.06a/LATE); units without a
// value come last. Equal values keep the input order. The input is not
// changed.
func Rank(units []UnitValue, ascending bool) []UnitValue {
	out := slices.Clone(units)
	slices.SortStableFunc(out, func(a, b UnitValue) int {
		if a.Value.OK != b.Value.OK {
			if a.Value.OK {
				return -1
			}
			return 1
		}
		c := a.Value.Rate.Cmp(b.Value.Rate)
		if !ascending {
			c = -c
		}
		return cmp.Or(c, cmp.Compare(a.Index, b.Index))
	})
	return out
}
