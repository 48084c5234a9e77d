package bieu

import "github.com/baocaodinhky/vpcp/kstt/grid"

// ReadGridsResult exposes, to this package's external tests, what the
// reader found in grids before checking: the forms, their addresses and the
// reader's own findings.
type ReadGridsResult = readResult

// ReadGridsForTest is readGrids for the external tests, which build grids
// by hand.
func ReadGridsForTest(grids []*grid.Grid, opts ReadOptions) (*ReadGridsResult, error) {
	return readGrids(grids, opts)
}
