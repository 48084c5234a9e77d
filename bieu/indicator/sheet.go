package indicator

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
)

// Sheet names and titles of the sheets this package builds.
const (
	// SheetName is the worksheet name of Sheet's output.
	SheetName = "Chỉ số"
	// SheetTitle is the title of Sheet's output.
	SheetTitle = "CÁC CHỈ SỐ TÍNH TỪ BIỂU BÁO CÁO"
	// RankingName is the worksheet name of RankingSheet's output.
	RankingName = "Xếp hạng"
	// CompareName is the worksheet name of Comparison.Sheet's output.
	CompareName = "So sánh"
)

// headerLines fills the header block of s from h as kstt.Layout does.
func headerLines(s *layout.Sheet, h kstt.Header) {
	h = h.Normalize()
	s.Unit = "Đơn vị báo cáo: " + h.Unit
	s.Recipient = "Đơn vị nhận báo cáo: " + h.Recipient
	s.Period = "Kỳ báo cáo:"
	if !h.Period.IsZero() {
		s.Period += " " + h.Period.String()
		s.PeriodRange = "(" + h.Period.RangeText() + ")"
	}
}

func reportHeader(r *kstt.Report) kstt.Header {
	h := r.Header.Normalize()
	if h.Unit == "" && h.Recipient == "" && h.Period.IsZero() {
		for _, f := range r.Forms {
			if !isNil(f) {
				return f.FormHeader().Normalize()
			}
		}
	}
	return h
}

func text(s string) layout.Cell {
	if s == "" {
		return layout.Cell{}
	}
	return layout.Cell{Kind: layout.TextCell, Text: s}
}

func rateCell(v Value) layout.Cell {
	if !v.OK {
		return layout.Cell{}
	}
	return layout.Cell{Kind: layout.DecimalCell, Dec: v.Rate}
}

func intCell(n int64) layout.Cell { return layout.Cell{Kind: layout.IntCell, Int: n} }

// headRow is a head of one row, one cell a column, texts in order.
func headRow(texts ...string) []layout.HeadCell {
	h := make([]layout.HeadCell, len(texts))
	for i, t := range texts {
		h[i] = layout.HeadCell{Text: t, Col: i, RowSpan: 1, ColSpan: 1}
	}
	return h
}

// plot adds v to s, missing when v has no value.
func plot(s *layout.ChartSeries, v Value) {
	s.Values = append(s.Values, v.Rate)
	s.Missing = append(s.Missing, !v.OK)
}

// Sheet lays out every indicator on every form of r that it reads, row by
// row: one block per form, a row per lĩnh vực and TỔNG CỘNG, a column per
// indicator headed by its name, with its formula in the column-number row
// ("((8)+(9))/(7)"). A rate without a value (zero denominator) is an
// empty cell. When r files II.06a (or II.06b) the sheet carries two
// charts of the first of them: files received by lĩnh vực, and the
// on-time rate by lĩnh vực.
// It returns nil for a nil report or one with no form an indicator reads.
func Sheet(r *kstt.Report) *layout.Sheet {
	if r == nil {
		return nil
	}
	s := &layout.Sheet{Name: SheetName, Title: SheetTitle, Measure: "Đơn vị tính: %"}
	headerLines(s, reportHeader(r))
	charted := false
	for _, f := range r.Forms {
		if isNil(f) {
			continue
		}
		spec := f.Spec()
		all := For(spec.Code)
		// One block per part the indicators are computed in (II.07b has
		// two, with rows of their own).
		for pi := range spec.Parts {
			part := &spec.Parts[pi]
			var inds []Indicator
			for _, ind := range all {
				if ind.Num[0].Part == part.ID {
					inds = append(inds, ind)
				}
			}
			if len(inds) == 0 {
				continue
			}
			b, first := indicatorBlock(f, spec, part, inds)
			if b == nil {
				continue
			}
			s.Blocks = append(s.Blocks, *b)
			// II.06b repeats II.06a's figures by level: chart the first only.
			if (spec.Code == "II.06a" || spec.Code == "II.06b") && !charted {
				charted = true
				s.Charts = append(s.Charts, fieldCharts(f, first)...)
			}
		}
	}
	if len(s.Blocks) == 0 {
		return nil
	}
	return s
}

// indicatorBlock lays out inds, all computed in part, row by row; it
// returns the first indicator's values too (for the charts), or nil when
// the form has no row to show.
func indicatorBlock(f kstt.Form, spec *kstt.FormSpec, part *kstt.PartSpec, inds []Indicator) (*layout.Block, []RowValue) {
	title := spec.FullCode()
	if len(spec.Parts) > 1 {
		title += ", Phần " + part.ID
	}
	b := &layout.Block{Title: title, HeadRows: 2}
	b.Columns = []layout.Column{{Num: 1, Key: "stt", Kind: layout.TextColumn, Width: 5}, {Num: 2, Key: "field", Kind: layout.TextColumn, Width: 28}}
	b.Numbers = []string{"(1)", "(2)"}
	b.Head = []layout.HeadCell{
		{Text: "STT", Row: 0, Col: 0, RowSpan: 2, ColSpan: 1},
		{Text: "Lĩnh vực", Row: 0, Col: 1, RowSpan: 2, ColSpan: 1},
		{Text: "Tỷ lệ (%)", Row: 0, Col: 2, RowSpan: 1, ColSpan: len(inds)},
	}
	values := make([][]RowValue, len(inds))
	for i := range inds {
		ind := &inds[i]
		b.Columns = append(b.Columns, layout.Column{Num: 3 + i, Key: ind.ID, Kind: layout.RateColumn, Width: 14})
		b.Numbers = append(b.Numbers, ind.Expr())
		b.Head = append(b.Head, layout.HeadCell{Text: ind.Name, Row: 1, Col: 2 + i, RowSpan: 1, ColSpan: 1})
		rows, err := ind.Rows(f)
		if err != nil {
			return nil, nil // For(spec.Code) gave it: it reads this form
		}
		values[i] = rows
	}
	if len(values[0]) == 0 {
		return nil, nil
	}
	t := f.Table(spec.PartIndex(part.ID))
	for ri, rv := range values[0] {
		meta := t.Row(rv.Row)
		row := layout.Row{Kind: rv.Kind, Cells: []layout.Cell{text(meta.STT), text(rv.Label)}}
		if rv.Kind == layout.DataRow {
			row.Cells[1] = text(groupLabel(rv.Label, rv.Group))
		}
		for i := range inds {
			// Every indicator of the block reads the same part: the same rows.
			row.Cells = append(row.Cells, rateCell(values[i][ri].Value))
		}
		b.Rows = append(b.Rows, row)
	}
	return b, values[0]
}

// fieldCharts are the II.06a charts of one form: files received (3) by
// lĩnh vực, and the on-time rate by lĩnh vực.
func fieldCharts(f kstt.Form, onTime []RowValue) []layout.Chart {
	t := f.Table(0)
	received := layout.Chart{Kind: layout.BarChart, Title: "Số hồ sơ tiếp nhận theo lĩnh vực"}
	rate := layout.Chart{Kind: layout.BarChart, Title: "Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn theo lĩnh vực (%)", Percent: true, Places: 2}
	recv := layout.ChartSeries{Name: "Số hồ sơ tiếp nhận"}
	rs := layout.ChartSeries{Name: "Trước hạn và đúng hạn"}
	buf := make([]int64, f.Spec().Parts[0].MaxNum()+1)
	for _, rv := range onTime {
		if rv.Kind != layout.DataRow {
			continue
		}
		label := groupLabel(rv.Label, rv.Group)
		t.Ints(rv.Row, buf)
		received.Categories = append(received.Categories, label)
		recv.Values = append(recv.Values, decimal.NewFromInt(buf[3]))
		rate.Categories = append(rate.Categories, label)
		plot(&rs, rv.Value)
	}
	if len(received.Categories) == 0 {
		return nil
	}
	received.Series = []layout.ChartSeries{recv}
	rate.Series = []layout.ChartSeries{rs}
	return []layout.Chart{received, rate}
}

// RankingSheet lays out units ranked by ind (the output of Rank, or of
// Units in any order): rank, unit, the two sums and the rate, under the
// header h of the unit rolling up (a bieu.Aggregate's Header). Units
// without a value come last with no rank. The sheet carries a bar chart of
// the units by the indicator, in the same order.
func RankingSheet(h kstt.Header, ind Indicator, units []UnitValue) *layout.Sheet {
	s := &layout.Sheet{
		Name:    RankingName,
		Title:   "XẾP HẠNG CÁC ĐƠN VỊ THEO " + strings.ToUpper(ind.Name),
		Measure: "Đơn vị tính: Số hồ sơ TTHC, %",
	}
	headerLines(s, h)
	b := layout.Block{
		HeadRows: 1,
		Columns: []layout.Column{
			{Num: 1, Key: "rank", Kind: layout.TextColumn, Width: 8},
			{Num: 2, Key: "unit", Kind: layout.TextColumn, Width: 32},
			{Num: 3, Key: "num", Kind: layout.CountColumn, Width: 12},
			{Num: 4, Key: "den", Kind: layout.CountColumn, Width: 12},
			{Num: 5, Key: "rate", Kind: layout.RateColumn, Width: 12},
		},
		Head: headRow("Thứ hạng", "Đơn vị", "Tử số "+sideText(ind.Num),
			"Mẫu số "+sideText(ind.Den), ind.Name),
		Numbers: []string{"(1)", "(2)", "(3)", "(4)", "(5)=(3)/(4)"},
	}
	chart := layout.Chart{Kind: layout.BarChart, Title: ind.Name + " theo đơn vị (%)", Percent: true, Places: ind.Places}
	series := layout.ChartSeries{Name: ind.Name}
	rank := 0
	for _, u := range units {
		row := layout.Row{Kind: layout.DataRow, Cells: []layout.Cell{{}, text(u.Unit), {}, {}, {}}}
		if u.Filed {
			row.Cells[2], row.Cells[3] = intCell(u.Value.Num), intCell(u.Value.Den)
		}
		if u.Value.OK {
			rank++
			row.Cells[0] = text(strconv.Itoa(rank))
			row.Cells[4] = rateCell(u.Value)
		}
		b.Rows = append(b.Rows, row)
		chart.Categories = append(chart.Categories, u.Unit)
		plot(&series, u.Value)
	}
	s.Blocks = []layout.Block{b}
	s.Notes = []string{ind.Name + " = " + ind.Expr() + " × 100, " + ind.Basis + ". Đơn vị không có giá trị (mẫu số bằng 0 hoặc không gửi biểu) không xếp hạng."}
	if len(units) > 0 {
		chart.Series = []layout.ChartSeries{series}
		s.Charts = []layout.Chart{chart}
	}
	return s
}

// sideText is one side of a formula in brackets: "((8)+(9))", "((7))".
func sideText(refs []kstt.Ref) string {
	parts := make([]string, len(refs))
	for i, r := range refs {
		parts[i] = "(" + strconv.Itoa(r.Col) + ")"
		if r.Part != "" {
			parts[i] = "Phần " + r.Part + " " + parts[i]
		}
	}
	return "[" + strings.Join(parts, "+") + "]"
}
