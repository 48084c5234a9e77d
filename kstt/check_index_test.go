package kstt

import (
	"math/rand/v2"
	"testing"

	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/shopspring/decimal"
)

// labelTable is a Table of labelled rows with no numbers.
type labelTable []RowMeta

func (t labelTable) Len() int                      { return len(t) }
func (t labelTable) Row(i int) RowMeta             { return t[i] }
func (t labelTable) Ints(int, []int64)             {}
func (t labelTable) Rate(int, int) decimal.Decimal { return decimal.Zero }

// The index Check and Fill use finds exactly the row MatchRow finds, on
// tables with repeated lĩnh vực, spellings that differ in case, spacing
// and normalisation, level rows and several TỔNG CỘNG rows.
func TestRowIndexAgreesWithMatchRow(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	spellings := []string{"Lĩnh vực hộ tịch", "lĩnh vực  HỘ TỊCH", "Li\u0303nh vực hộ tịch", "Lĩnh vực đất đai", "đất đai",
		"CẤP TỈNH", "", " ", TotalLabel}
	kinds := []layout.RowKind{layout.DataRow, layout.DataRow, layout.DataRow, layout.LevelRow, layout.SectionRow, layout.TotalRow}
	for iter := 0; iter < 2000; iter++ {
		tab := make(labelTable, rng.IntN(8))
		for i := range tab {
			tab[i] = RowMeta{Kind: kinds[rng.IntN(len(kinds))], Label: spellings[rng.IntN(len(spellings))]}
		}
		var x rowIndex
		for _, k := range kinds {
			for _, l := range spellings {
				meta := RowMeta{Kind: k, Label: l}
				if k != layout.DataRow && k != layout.TotalRow {
					continue // Check and Fill look up data and total rows only
				}
				for pos := -1; pos <= len(tab); pos++ {
					if got, want := x.find(tab, meta, pos), MatchRow(tab, meta); got != want {
						t.Fatalf("table %v, row %v at %d: index finds %d, MatchRow %d", tab, meta, pos, got, want)
					}
				}
			}
		}
	}
}
