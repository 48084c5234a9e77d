package bieu

import (
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
)

// listRow is row i of a table laid out as its lĩnh vực rows then TỔNG
// CỘNG (II.06a, both parts of II.07b): rows[i], or total when i is
// len(rows).
func listRow[R any](rows []R, total *R, i int) *R {
	if i == len(rows) {
		return total
	}
	return &rows[i]
}

// listMeta describes a row of such a table.
func listMeta(isTotal bool, stt, field string) kstt.RowMeta {
	if isTotal {
		return kstt.RowMeta{Kind: layout.TotalRow, STT: stt, Label: kstt.TotalLabel}
	}
	return kstt.RowMeta{Kind: layout.DataRow, STT: stt, Label: field}
}
