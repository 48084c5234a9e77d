package kstt

import (
	"slices"

	"github.com/shopspring/decimal"

	"github.com/baocaodinhky/vpcp/internal/vntext"
)

// Sheet is the neutral layout of one form that renderers consume: the
// header block as the official forms print it, then one Block per part.
// Renderers (package render and below) know Sheet and never the typed
// forms, so a new form needs no renderer change and a new renderer no form
// change. Build one with Layout.
type Sheet struct {
	Name        string   `json:"name"`         // worksheet name: the form code, e.g. "II.06a"
	Code        string   `json:"code"`         // "Biểu số II.06a/VPCP/KSTT", printed top left
	Title       string   `json:"title"`        // title in capitals, printed bold and centred
	Unit        string   `json:"unit"`         // "Đơn vị báo cáo: Sở Ngoại vụ"
	Recipient   string   `json:"recipient"`    // "Đơn vị nhận báo cáo: UBND tỉnh"
	Period      string   `json:"period"`       // "Kỳ báo cáo: Quý II năm 2024"
	PeriodRange string   `json:"period_range"` // "(Từ ngày 15/3/2024 đến ngày 14/6/2024)"
	Measure     string   `json:"measure"`      // "Đơn vị tính: Số hồ sơ TTHC"
	Blocks      []Block  `json:"blocks"`
	Notes       []string `json:"notes,omitempty"`
	// Charts drawn from the sheet's figures, for renderers that draw
	// (render/xlsx, render/html); the forms themselves carry none.
	Charts []Chart `json:"charts,omitempty"`
}

// Block is one table of a sheet (one part of a form).
type Block struct {
	Title    string        `json:"title,omitempty"` // part title, e.g. "I. SỐ LƯỢNG TTHC TRIỂN KHAI TẠI BỘ PHẬN MỘT CỬA"
	Columns  []SheetColumn `json:"columns"`
	HeadRows int           `json:"head_rows"` // rows of the multi-level header
	Head     []HeadCell    `json:"head"`      // header cells with their spans, row by row
	Numbers  []string      `json:"numbers"`   // the column-number row: "(1)", "(3)=(4)+(5)+(6)" …, one per column
	Rows     []SheetRow    `json:"rows"`
}

// SheetColumn is one column of a block.
type SheetColumn struct {
	Num   int        `json:"num"`
	Key   string     `json:"key"`
	Kind  ColumnKind `json:"kind"`
	Width int        `json:"width,omitempty"` // suggested width in characters, 0 when not declared
}

// HeadCell is one cell of the multi-level header, spanning RowSpan rows and
// ColSpan columns from (Row, Col), both 0-based within the header grid.
type HeadCell struct {
	Text    string `json:"text"`
	Row     int    `json:"row"`
	Col     int    `json:"col"`
	RowSpan int    `json:"row_span"`
	ColSpan int    `json:"col_span"`
}

// SheetRow is one body row.
type SheetRow struct {
	Kind  RowKind `json:"kind"`
	Cells []Cell  `json:"cells"` // one per column
}

// CellKind says what a cell holds.
type CellKind uint8

// Cell kinds.
const (
	EmptyCell CellKind = iota
	TextCell
	IntCell
	DecimalCell
)

// Cell is one body cell: its value and the relation that derives it, so a
// renderer can write a formula with the value cached beside it.
type Cell struct {
	Kind CellKind        `json:"kind"`
	Text string          `json:"text,omitempty"`
	Int  int64           `json:"int,omitempty"`
	Dec  decimal.Decimal `json:"dec,omitzero"`
	Rel  Relation        `json:"rel,omitzero"`
}

// RelationKind says how a derived cell is computed.
type RelationKind uint8

// Relation kinds.
const (
	NoRelation RelationKind = iota
	// SumColumnsRel: the sum of Cols in the same row ("(3)=(4)+(5)+(6)").
	SumColumnsRel
	// SumRowsRel: the sum of the same column over Rows (the data rows
	// above, for TỔNG CỘNG).
	SumRowsRel
	// RateRel: Num ÷ Den × 100 rounded to Places, 0 when Den is 0.
	RateRel
)

// Relation is the rule a derived cell obeys, in sheet coordinates. Layout
// gives the cells of one column the same Cols slice, and the cells of a
// TỔNG CỘNG row the same Rows slice: treat them as read-only.
type Relation struct {
	Kind     RelationKind `json:"kind"`
	Cols     []int        `json:"cols,omitempty"` // column numbers, SumColumnsRel
	Rows     []int        `json:"rows,omitempty"` // row indices within the block, SumRowsRel
	Num, Den CellRef      `json:"-"`
	Places   int32        `json:"places,omitempty"`
}

// CellRef addresses a cell of a sheet: block index, row index within the
// block, official column number.
type CellRef struct{ Block, Row, Col int }

// Layout builds the neutral Sheet of f from its declaration: header lines,
// the multi-level header, the column-number row with the printed formulas,
// the body rows and the relation of every derived cell.
func Layout(f Form) *Sheet {
	spec := f.Spec()
	h := f.FormHeader().Normalize()
	s := &Sheet{
		Name:      spec.Code,
		Code:      spec.FullCode(),
		Title:     spec.Title,
		Unit:      "Đơn vị báo cáo: " + h.Unit,
		Recipient: "Đơn vị nhận báo cáo: " + h.Recipient,
		Measure:   "Đơn vị tính: " + spec.Unit,
	}
	if !h.Period.IsZero() {
		s.Period = "Kỳ báo cáo: " + h.Period.String()
		s.PeriodRange = "(" + h.Period.RangeText() + ")"
	} else {
		s.Period = "Kỳ báo cáo:"
	}
	buf := make([]int64, 64)
	index := make([]rowIndex, len(spec.Parts)) // each part's rows by lĩnh vực, for rates across parts
	for pi := range spec.Parts {
		p := &spec.Parts[pi]
		t := f.Table(pi)
		b := Block{Title: p.Title}
		// What every row of a column shares: the terms of the printed
		// formula that derives it (one slice for the whole column).
		terms := make([][]int, len(p.Columns))
		for ci, c := range p.Columns {
			b.Columns = append(b.Columns, SheetColumn{Num: c.Num, Key: c.Key, Kind: c.Kind, Width: c.Width})
			b.Numbers = append(b.Numbers, spec.NumberLabel(p.ID, c.Num))
			if r := sumRule(spec, p.ID, c.Num); r != nil {
				terms[ci] = make([]int, len(r.Terms))
				for k, term := range r.Terms {
					terms[ci][k] = term.Col
				}
			}
		}
		b.HeadRows, b.Head = headGrid(p.Columns)
		if need := p.MaxNum() + 1; need > len(buf) {
			buf = make([]int64, need)
		}
		n, w := t.Len(), len(p.Columns)
		b.Rows = make([]SheetRow, 0, n)
		cells := make([]Cell, n*w) // every row's cells in one array
		var dataRows, totalRows []int
		for i := 0; i < n; i++ {
			meta := t.Row(i)
			row := SheetRow{Kind: meta.Kind, Cells: cells[i*w : (i+1)*w : (i+1)*w]}
			numeric := meta.Kind == DataRow || meta.Kind == TotalRow
			if numeric {
				t.Ints(i, buf)
			}
			if meta.Kind == TotalRow && len(dataRows) > 0 {
				totalRows = slices.Clone(dataRows) // shared by the row's cells
			}
			for ci, c := range p.Columns {
				cell := &row.Cells[ci]
				switch {
				case c.Num == 1:
					cell.Text = vntext.NFC(meta.STT)
					cell.Kind = textKind(cell.Text)
				case c.Num == 2:
					cell.Text = vntext.NFC(meta.Label)
					cell.Kind = textKind(cell.Text)
				case !numeric || c.Kind == TextColumn:
				case c.Kind == RateColumn:
					cell.Kind, cell.Dec = DecimalCell, t.Rate(i, c.Num)
					cell.Rel = rateRelation(f, spec, pi, i, meta, c.Num, index)
				default:
					cell.Kind, cell.Int = IntCell, buf[c.Num]
					if terms[ci] != nil {
						cell.Rel = Relation{Kind: SumColumnsRel, Cols: terms[ci]}
					} else if meta.Kind == TotalRow {
						cell.Rel = Relation{Kind: SumRowsRel, Rows: totalRows}
					}
				}
			}
			if meta.Kind == DataRow {
				dataRows = append(dataRows, i)
			}
			b.Rows = append(b.Rows, row)
		}
		s.Blocks = append(s.Blocks, b)
	}
	return s
}

func textKind(s string) CellKind {
	if s == "" {
		return EmptyCell
	}
	return TextCell
}

func sumRule(spec *FormSpec, part string, col int) *Rule {
	for i := range spec.Rules {
		r := &spec.Rules[i]
		if r.Kind == SumOfColumns && r.Target.Part == part && r.Target.Col == col {
			return r
		}
	}
	return nil
}

func rateRelation(f Form, spec *FormSpec, pi, row int, meta RowMeta, col int, index []rowIndex) Relation {
	for i := range spec.Rules {
		r := &spec.Rules[i]
		if r.Kind != Percentage || r.Target.Part != spec.Parts[pi].ID || r.Target.Col != col {
			continue
		}
		ref := func(x Ref) (CellRef, bool) {
			bi := spec.PartIndex(x.Part)
			j := row
			if bi != pi {
				if j = index[bi].find(f.Table(bi), meta, row); j < 0 {
					return CellRef{}, false
				}
			}
			return CellRef{Block: bi, Row: j, Col: x.Col}, true
		}
		num, ok1 := ref(r.Terms[0])
		den, ok2 := ref(r.Terms[1])
		if ok1 && ok2 {
			return Relation{Kind: RateRel, Num: num, Den: den, Places: r.Places}
		}
	}
	return Relation{}
}

// headGrid lays out the multi-level header: each column's path is its
// groups then its label; equal group prefixes of neighbouring columns merge
// across, and a label above the deepest level spans down to the bottom.
func headGrid(cols []Column) (int, []HeadCell) {
	depth := 1
	for _, c := range cols {
		depth = max(depth, len(c.Groups)+1)
	}
	path := func(c Column) []string { return append(slices.Clone(c.Groups), c.Label) }
	var cells []HeadCell
	for level := 0; level < depth; level++ {
		for i := 0; i < len(cols); {
			p := path(cols[i])
			if level >= len(p) {
				i++
				continue
			}
			leaf := level == len(p)-1
			j := i + 1
			if !leaf {
				for j < len(cols) {
					q := path(cols[j])
					if len(q)-1 <= level || !slices.Equal(q[:level+1], p[:level+1]) {
						break
					}
					j++
				}
			}
			rs := 1
			if leaf {
				rs = depth - level
			}
			cells = append(cells, HeadCell{Text: p[level], Row: level, Col: i, RowSpan: rs, ColSpan: j - i})
			i = j
		}
	}
	slices.SortStableFunc(cells, func(a, b HeadCell) int {
		if a.Row != b.Row {
			return a.Row - b.Row
		}
		return a.Col - b.Col
	})
	return depth, cells
}
