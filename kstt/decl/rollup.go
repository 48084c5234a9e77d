package decl

import (
	"fmt"
	"strconv"

	"github.com/baocaodinhky/vpcp/internal/safeint"
	"github.com/baocaodinhky/vpcp/internal/vntext"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
)

// Rollup sums forms of the schema — the same form of many units, for one
// period — into one form with header h: in each part, the data rows of
// the same lĩnh vực (matched after NFC, space and case folding) under the
// same level and section row are added column by column, in order of
// first appearance, numbered 1, 2, …; group rows are kept once each. The
// derived columns, TỔNG CỘNG and the rates are then computed from the sums
// (Fill). It fails for a form of another schema or a sum that overflows
// int64 (kstt.ErrOverflow, naming the row and column).
func (s *Schema) Rollup(h kstt.Header, forms ...*Form) (*Form, error) {
	out := s.New(h)
	for pi := range out.Parts {
		out.Parts[pi].Rows = nil
	}
	for fi, f := range forms {
		if f == nil || f.schema != s {
			return nil, fmt.Errorf("decl: rollup %s: %w: form %d is not a form of this declaration", s.spec.Code, ErrInvalid, fi+1)
		}
	}
	for pi := range s.parts {
		info := &s.parts[pi]
		index := map[string]int{} // group key + "\x00" + label key → row
		var group string
		data := 0
		for _, f := range forms {
			if pi >= len(f.Parts) {
				continue
			}
			group = ""
			for _, r := range f.Parts[pi].Rows {
				switch r.Kind {
				case layout.LevelRow, layout.SectionRow:
					group = strconv.Itoa(int(r.Kind)) + vntext.Key(r.Label)
					if _, ok := index[group]; !ok {
						out.Parts[pi].Rows = append(out.Parts[pi].Rows, Row{Kind: r.Kind, STT: r.STT, Label: vntext.NFC(r.Label)})
						index[group] = len(out.Parts[pi].Rows) - 1
					}
					continue
				}
				key := group + "\x00" + vntext.Key(r.Label)
				j, ok := index[key]
				if !ok {
					data++
					out.Parts[pi].Rows = append(out.Parts[pi].Rows, Row{Kind: layout.DataRow, STT: strconv.Itoa(data),
						Label: vntext.NFC(r.Label), Values: make([]int64, info.width)})
					j = len(out.Parts[pi].Rows) - 1
					index[key] = j
				}
				acc := out.Parts[pi].Rows[j].Values
				for _, c := range info.numeric {
					if c >= len(r.Values) {
						continue
					}
					sum, ok := safeint.Add(acc[c], r.Values[c])
					if !ok {
						return nil, fmt.Errorf("decl: rollup %s: the sum of column (%d) of «%s»: %w", s.spec.Code, c, r.Label, kstt.ErrOverflow)
					}
					acc[c] = sum
				}
			}
		}
	}
	if err := out.Fill(); err != nil {
		return nil, err
	}
	return out, nil
}
