package main

import (
	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/bieu/indicator"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
)

// indicatorSheets are the indicator sheets of a roll-up, for kstt rollup
// -indicators and the page: the aggregate's indicators row by row (with
// its charts by lĩnh vực), then — with two units or more — for every
// indicator some unit has a value for, the units ranked, each sheet with
// its chart. reports are the units' reports, as given to bieu.Rollup.
func indicatorSheets(agg *bieu.Aggregate, reports []*kstt.Report) (rows *layout.Sheet, rankings []*layout.Sheet) {
	rows = indicator.Sheet(agg.Report())
	if len(reports) < 2 {
		return rows, nil // a ranking of one unit says nothing
	}
	for _, ind := range indicator.All() {
		units, err := ind.Units(reports)
		if err != nil {
			continue
		}
		has := false
		for _, u := range units {
			has = has || u.Value.OK
		}
		if has {
			rankings = append(rankings, indicator.RankingSheet(agg.Header, ind, indicator.Rank(units, ind.LowerIsBetter)))
		}
	}
	return rows, rankings
}
