package layout

import "github.com/shopspring/decimal"

// ChartKind says how a chart draws its series.
type ChartKind uint8

// Chart kinds.
const (
	// BarChart draws one horizontal bar per category: the reading order of
	// a ranking (units by on-time rate, best first).
	BarChart ChartKind = iota + 1
	// ColumnChart draws vertical columns, the series of one category side
	// by side (this period against the last).
	ColumnChart
)

// Chart is a chart in the neutral layout: a title, the categories (units,
// lĩnh vực) and one or more series of values over them. It carries its
// own figures, so a renderer draws it without reading the sheet's cells:
// render/xlsx writes it as a native chart with its data beside it,
// render/html as an SVG picture. Renderers that cannot draw (text, CSV)
// leave it out.
type Chart struct {
	Kind       ChartKind     `json:"kind"`
	Title      string        `json:"title"`
	Categories []string      `json:"categories"`
	Series     []ChartSeries `json:"series"`
	// Percent: the values are percentages (99.71 means 99.71 %), drawn
	// on a 0–100 axis.
	Percent bool `json:"percent,omitempty"`
	// Places is the number of decimals the values are printed with.
	Places int32 `json:"places,omitempty"`
}

// ChartSeries is one series of a chart: a name ("Quý II năm 2024") and
// one value per category. A category with no value (a rate over a zero
// denominator) has Missing set at its index and draws nothing.
type ChartSeries struct {
	Name    string            `json:"name"`
	Values  []decimal.Decimal `json:"values"`
	Missing []bool            `json:"missing,omitempty"`
}

// Has reports whether the series has a value for category i.
func (s *ChartSeries) Has(i int) bool {
	return i >= 0 && i < len(s.Values) && !(i < len(s.Missing) && s.Missing[i])
}
