package xlsx

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/baocaodinhky/vpcp/internal/vntext"
	"github.com/baocaodinhky/vpcp/kstt/grid"
	"github.com/baocaodinhky/vpcp/kstt/layout"
)

// ChartSheetSuffix ends the name of the worksheet that holds the charts of
// a sheet: "Xếp hạng – biểu đồ".
const ChartSheetSuffix = " – biểu đồ"

// Chart layout on a chart worksheet, in rows and pixels.
const (
	chartW    = 720 // pixels
	chartMinH = 300 // pixels, at least
	chartMaxH = 760 // pixels, at most: with the data beside it, one A4 landscape page
	barPx     = 30  // pixels per bar, for the height of a chart
	rowPx     = 20  // pixels of a default row
	chartFont = "Times New Roman"
)

// writeCharts adds, after the sheets' own worksheets, one worksheet per
// sheet that carries charts (layout.Sheet.Charts). Each chart is written
// with its data: a small table (the categories down column A, one column
// per series, percentages as fractions with a percent format) and, beside
// it, a native chart over that table, each on a printed page of its own —
// horizontal bars for layout.BarChart
// (first category at the top), clustered columns for layout.ColumnChart —
// with its title, a legend when there are several series and the values
// printed on the bars. A category without a value has an empty cell and
// no bar. The forms' worksheets are not touched: a workbook without
// charts is written byte for byte as before.
func writeCharts(f *excelize.File, sheets []*layout.Sheet, names []string) error {
	used := map[string]bool{}
	drew := false
	for _, n := range names {
		used[strings.ToLower(n)] = true
	}
	for i, s := range sheets {
		if s == nil || len(s.Charts) == 0 {
			continue
		}
		name := chartSheetName(names[i], used)
		if _, err := f.NewSheet(name); err != nil {
			return fmt.Errorf("xlsx: chart sheet %q: %w", name, err)
		}
		if err := setupChartSheet(f, name, s.Charts); err != nil {
			return fmt.Errorf("xlsx: chart sheet %q: %w", name, err)
		}
		pct, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("0.00%")})
		if err != nil {
			return fmt.Errorf("xlsx: chart sheet %q: %w", name, err)
		}
		bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
		if err != nil {
			return fmt.Errorf("xlsx: chart sheet %q: %w", name, err)
		}
		wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Horizontal: "center", Vertical: "center"}})
		if err != nil {
			return fmt.Errorf("xlsx: chart sheet %q: %w", name, err)
		}
		row := 1
		for ci := range s.Charts {
			next, err := writeChart(f, name, row, &s.Charts[ci], pct, bold, wrap)
			if err != nil {
				return fmt.Errorf("xlsx: chart sheet %q, chart %d: %w", name, ci+1, err)
			}
			row = next
		}
		drew = true
	}
	if drew && f.ContentTypes != nil {
		// Drawing parts make excelize add the image extensions to the
		// content types in the order of a map: sort them, so the same
		// sheets give the same bytes.
		d := f.ContentTypes.Defaults
		sort.SliceStable(d, func(i, j int) bool { return d[i].Extension < d[j].Extension })
	}
	return nil
}

func ptr[T any](v T) *T { return &v }

// setupChartSheet sets the column widths and prints the sheet on A4
// landscape, one page wide, as the forms are.
func setupChartSheet(f *excelize.File, name string, charts []layout.Chart) error {
	nser := 1
	for _, c := range charts {
		nser = max(nser, len(c.Series))
	}
	if err := f.SetColWidth(name, "A", "A", 44); err != nil {
		return err
	}
	last := string(grid.AppendColumnName(nil, nser))
	if err := f.SetColWidth(name, "B", last, 22); err != nil {
		return err
	}
	if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: ptr(true)}); err != nil {
		return err
	}
	return f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: ptr(9), Orientation: ptr("landscape"), FitToWidth: ptr(1), FitToHeight: ptr(0)})
}

// chartSheetName is the sheet's name with ChartSheetSuffix, cut to the 31
// characters a workbook allows and made unique.
func chartSheetName(base string, used map[string]bool) string {
	suffix := ChartSheetSuffix
	n := cutRunes(base, maxSheetName-utf8.RuneCountInString(suffix)) + suffix
	for k := 2; used[strings.ToLower(n)]; k++ {
		s := fmt.Sprintf("%s (%d)", suffix, k)
		n = cutRunes(base, maxSheetName-utf8.RuneCountInString(s)) + s
	}
	used[strings.ToLower(n)] = true
	return n
}

// writeChart writes c's data from row top of sheet, and the chart beside
// it; it returns the first free row below both.
func writeChart(f *excelize.File, sheet string, top int, c *layout.Chart, pct, bold, wrap int) (int, error) {
	if len(c.Categories) == 0 || len(c.Series) == 0 {
		return top, nil
	}
	cell := func(col, row int) string { return grid.CellName(row-1, col) } // rows from 1
	if err := f.SetCellValue(sheet, cell(0, top), vntext.NFC(c.Title)); err != nil {
		return 0, err
	}
	if err := f.SetCellStyle(sheet, cell(0, top), cell(0, top), bold); err != nil {
		return 0, err
	}
	head := top + 1
	// The series names wrap in their 22-character columns: make the row
	// tall enough, since a spreadsheet does not grow it on its own.
	lines := 1
	for si := range c.Series {
		lines = max(lines, (utf8.RuneCountInString(c.Series[si].Name)+19)/20)
	}
	if lines > 1 {
		if err := f.SetRowHeight(sheet, head, float64(15*lines)); err != nil {
			return 0, err
		}
	}
	for si := range c.Series {
		if err := f.SetCellValue(sheet, cell(si+1, head), vntext.NFC(c.Series[si].Name)); err != nil {
			return 0, err
		}
		if err := f.SetCellStyle(sheet, cell(si+1, head), cell(si+1, head), wrap); err != nil {
			return 0, err
		}
	}
	for i, cat := range c.Categories {
		r := head + 1 + i
		if err := f.SetCellValue(sheet, cell(0, r), vntext.NFC(cat)); err != nil {
			return 0, err
		}
		for si := range c.Series {
			s := &c.Series[si]
			if !s.Has(i) {
				continue
			}
			v := s.Values[i]
			if c.Percent {
				v = v.Shift(-2)
			}
			if err := f.SetCellValue(sheet, cell(si+1, r), v.InexactFloat64()); err != nil {
				return 0, err
			}
			if c.Percent {
				if err := f.SetCellStyle(sheet, cell(si+1, r), cell(si+1, r), pct); err != nil {
					return 0, err
				}
			}
		}
	}
	last := head + len(c.Categories)
	ref := func(col, r1, r2 int) string {
		q := "'" + strings.ReplaceAll(sheet, "'", "''") + "'!"
		return q + absCell(col, r1) + ":" + absCell(col, r2)
	}
	height := chartHeight(c)
	ch := &excelize.Chart{
		Type:       excelize.Col,
		Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: vntext.NFC(c.Title), Font: &excelize.Font{Bold: true, Size: 12, Family: chartFont}}}},
		Dimension:  excelize.ChartDimension{Width: chartW, Height: uint(height)},
		Legend:     excelize.ChartLegend{Position: "bottom"},
		PlotArea:   excelize.ChartPlotArea{ShowVal: true},
		VaryColors: ptr(false),
	}
	axisFont := excelize.Font{Color: "000000", Size: 10, Family: chartFont}
	ch.XAxis.Font, ch.YAxis.Font = axisFont, axisFont
	if len(c.Series) == 1 {
		ch.Legend.Position = "none"
	}
	if c.Kind == layout.BarChart {
		ch.Type = excelize.Bar
		ch.XAxis.ReverseOrder = true // the first category at the top, as listed
	}
	if c.Percent {
		ch.YAxis.NumFmt = excelize.ChartNumFmt{CustomNumFmt: "0%"}
		ch.PlotArea.NumFmt = excelize.ChartNumFmt{CustomNumFmt: "0.00%"}
		ch.YAxis.Minimum = ptr(0.0)
		ch.YAxis.MajorGridLines = true
		if allAtMost100(c) {
			ch.YAxis.Maximum = ptr(1.0)
		}
	}
	for si := range c.Series {
		ch.Series = append(ch.Series, excelize.ChartSeries{
			Name:       "'" + strings.ReplaceAll(sheet, "'", "''") + "'!" + absCell(si+1, head),
			Categories: ref(0, head+1, last),
			Values:     ref(si+1, head+1, last),
		})
	}
	// The chart beside its data, each chart and its data on a page of
	// their own (the sheet prints one page wide, so both shrink to fit).
	if top > 1 {
		if err := f.InsertPageBreak(sheet, cell(0, top)); err != nil {
			return 0, err
		}
	}
	if err := f.AddChart(sheet, cell(len(c.Series)+2, top), ch); err != nil {
		return 0, err
	}
	return max(last, top+(height+rowPx-1)/rowPx) + 2, nil
}

// chartHeight is a chart's height in pixels: room for every bar, within
// chartMinH and chartMaxH.
func chartHeight(c *layout.Chart) int {
	return min(max(chartMinH, 120+barPx*len(c.Categories)*len(c.Series)), chartMaxH)
}

// allAtMost100 reports whether every value of a percent chart is at most
// 100 %, so that its axis can stop there.
func allAtMost100(c *layout.Chart) bool {
	hundred := decimal.NewFromInt(100)
	for si := range c.Series {
		for i, v := range c.Series[si].Values {
			if c.Series[si].Has(i) && v.GreaterThan(hundred) {
				return false
			}
		}
	}
	return true
}

// absCell is an absolute reference, "$B$3".
func absCell(col, row int) string {
	return "$" + string(grid.AppendColumnName(nil, col)) + "$" + strconv.Itoa(row)
}
