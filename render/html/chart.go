package html

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/baocaodinhky/vpcp/internal/vntext"
	"github.com/baocaodinhky/vpcp/kstt/layout"
)

// Chart geometry, in SVG user units (pixels at 100 %).
const (
	chartWidth  = 760
	labelWidth  = 270 // category labels, right-aligned against the axis
	valueWidth  = 70  // room for the value printed after a bar
	barHeight   = 16
	barGap      = 2  // between the bars of one category
	groupGap    = 10 // between categories
	chartTop    = 8
	legendRow   = 20
	axisHeight  = 22
	maxLabelLen = 42 // runes of a category label before it is cut with "…"
)

// seriesColors are the fills of the series, in order; they print well in
// grey scale too (dark, then light).
var seriesColors = []string{"#1f5fa8", "#e08a1e", "#3a8f4b", "#8c3f9a"}

// WriteChart writes c as an SVG element (no XML prolog), for a page of
// its own or inline in HTML: one horizontal bar per category and series,
// the value printed after each bar ("99,71%"), the categories on the left,
// a legend when there are several series. Long Vietnamese labels read
// better beside bars than under columns, so both ChartKinds are drawn as
// horizontal bars here (render/xlsx keeps the kind). A category without a
// value (ChartSeries.Missing) shows "–" and no bar. Percent charts run from
// 0 to 100 (or the largest value, when one is over 100). Text is escaped.
func WriteChart(w io.Writer, c *layout.Chart) error {
	bw := bufio.NewWriter(w)
	p := &printer{w: bw, opts: &Options{}}
	if err := writeChart(p, c); err != nil {
		return err
	}
	return bw.Flush()
}

func writeChart(p *printer, c *layout.Chart) error {
	if c == nil {
		return nil
	}
	nser := max(len(c.Series), 1)
	legend := 0
	if len(c.Series) > 1 {
		legend = legendRow
	}
	groupH := nser*barHeight + (nser-1)*barGap
	plotH := len(c.Categories)*(groupH+groupGap) + groupGap
	height := chartTop + legend + plotH + axisHeight
	plotX := labelWidth + 8
	plotW := chartWidth - plotX - valueWidth

	// The scale: 0 to 100 for percentages (further when a value is over),
	// else 0 to a round number above the largest value.
	top := decimal.Zero
	for si := range c.Series {
		s := &c.Series[si]
		for i := range c.Categories {
			if s.Has(i) && s.Values[i].GreaterThan(top) {
				top = s.Values[i]
			}
		}
	}
	if c.Percent && top.LessThan(decimal.NewFromInt(100)) {
		top = decimal.NewFromInt(100)
	}
	top = niceCeil(top)
	scale := func(v decimal.Decimal) float64 {
		if top.IsZero() || v.IsNegative() {
			return 0
		}
		return v.Div(top).InexactFloat64() * float64(plotW)
	}

	p.raw(`<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 ` + itoa(chartWidth) + " " + itoa(height) +
		`" width="` + itoa(chartWidth) + `" height="` + itoa(height) + `" font-family="Times New Roman,Times,serif" font-size="12"><title>`)
	p.text(c.Title)
	p.raw("</title>\n")
	if c.Title != "" {
		p.elem("<desc>", c.Title, "</desc>\n")
	}
	y := chartTop
	if legend > 0 {
		x := plotX
		for si := range c.Series {
			p.raw(`<rect x="` + itoa(x) + `" y="` + itoa(y+2) + `" width="12" height="12" fill="` + color(si) + `"/>`)
			p.elem(`<text x="`+itoa(x+16)+`" y="`+itoa(y+12)+`">`, c.Series[si].Name, "</text>\n")
			x += 28 + 7*utf8.RuneCountInString(c.Series[si].Name)
		}
		y += legend
	}
	// Grid lines and the axis at 0, 25, 50, 75, 100 % of the scale.
	plotTop, plotBottom := y, y+plotH
	for k := 0; k <= 4; k++ {
		x := plotX + plotW*k/4
		p.raw(`<line x1="` + itoa(x) + `" y1="` + itoa(plotTop) + `" x2="` + itoa(x) + `" y2="` + itoa(plotBottom) + `" stroke="#ccc" stroke-width="1"/>`)
		tick := top.Mul(decimal.NewFromInt(int64(k))).Div(decimal.NewFromInt(4)).Round(1)
		p.raw(`<text x="` + itoa(x) + `" y="` + itoa(plotBottom+15) + `" text-anchor="middle" fill="#333">`)
		p.text(number(tick, c.Percent))
		p.raw("</text>")
	}
	p.raw(`<line x1="` + itoa(plotX) + `" y1="` + itoa(plotTop) + `" x2="` + itoa(plotX) + `" y2="` + itoa(plotBottom) + `" stroke="#000" stroke-width="1"/>` + "\n")
	y += groupGap
	for i, cat := range c.Categories {
		label := vntext.NFC(cat)
		short := label
		if utf8.RuneCountInString(short) > maxLabelLen {
			r := []rune(short)
			short = string(r[:maxLabelLen-1]) + "…"
		}
		p.raw(`<g class="cat"><title>`)
		p.text(label)
		p.raw(`</title><text x="` + itoa(labelWidth) + `" y="` + itoa(y+groupH/2+4) + `" text-anchor="end">`)
		p.text(short)
		p.raw("</text>")
		for si := range c.Series {
			s := &c.Series[si]
			by := y + si*(barHeight+barGap)
			if !s.Has(i) {
				p.raw(`<text x="` + itoa(plotX+4) + `" y="` + itoa(by+barHeight-4) + `" fill="#555">–</text>`)
				continue
			}
			v := s.Values[i]
			wd := scale(v)
			p.raw(`<rect class="bar" x="` + itoa(plotX) + `" y="` + itoa(by) + `" width="` + strconv.FormatFloat(wd, 'f', 1, 64) +
				`" height="` + itoa(barHeight) + `" fill="` + color(si) + `"><title>`)
			p.text(s.Name + ": " + number(v, c.Percent))
			p.raw(`</title></rect><text x="` + strconv.FormatFloat(float64(plotX)+wd+4, 'f', 1, 64) + `" y="` + itoa(by+barHeight-4) + `">`)
			p.text(number(v, c.Percent))
			p.raw("</text>")
		}
		p.raw("</g>\n")
		y += groupH + groupGap
	}
	p.raw("</svg>")
	return nil
}

func color(i int) string { return seriesColors[i%len(seriesColors)] }

func itoa(n int) string { return strconv.Itoa(n) }

// number writes v the Vietnamese way, with a per cent sign for a
// percentage: "99,71%", "1.234" is not grouped ("1234").
func number(v decimal.Decimal, percent bool) string {
	s := strings.Replace(v.String(), ".", ",", 1)
	if percent {
		s += "%"
	}
	return s
}

// niceCeil rounds v up to 1, 2, 2.5 or 5 times a power of ten (0 stays 1).
func niceCeil(v decimal.Decimal) decimal.Decimal {
	if !v.IsPositive() {
		return decimal.NewFromInt(1)
	}
	pow := decimal.NewFromInt(1)
	ten := decimal.NewFromInt(10)
	for pow.Mul(ten).LessThan(v) {
		pow = pow.Mul(ten)
	}
	for pow.GreaterThan(v) && pow.GreaterThan(decimal.NewFromFloat(0.001)) {
		pow = pow.Div(ten)
	}
	for _, m := range []string{"1", "2", "2.5", "5", "10"} {
		c := pow.Mul(decimal.RequireFromString(m))
		if !c.LessThan(v) {
			return c
		}
	}
	return pow.Mul(ten)
}
