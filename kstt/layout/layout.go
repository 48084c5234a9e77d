package layout

import "github.com/shopspring/decimal"

// Sheet is the neutral layout of one form that renderers consume: the
// header block as the official forms print it, then one Block per part.
// Renderers (package render and below) know Sheet and never the typed
// forms, so a new form needs no renderer change and a new renderer no form
// change. kstt.Layout builds one from any form; a program may also build one
// by hand (an indicator table, a ranking) and hand it to any renderer.
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
	Title    string     `json:"title,omitempty"` // part title, e.g. "I. SỐ LƯỢNG TTHC TRIỂN KHAI TẠI BỘ PHẬN MỘT CỬA"
	Columns  []Column   `json:"columns"`
	HeadRows int        `json:"head_rows"` // rows of the multi-level header
	Head     []HeadCell `json:"head"`      // header cells with their spans, row by row
	Numbers  []string   `json:"numbers"`   // the column-number row: "(1)", "(3)=(4)+(5)+(6)" …, one per column
	Rows     []Row      `json:"rows"`
}

// Column is one column of a block.
type Column struct {
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

// Row is one body row.
type Row struct {
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
	Rel  *Relation       `json:"rel,omitempty"` // nil for an input or text cell
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

// Relation is the rule a derived cell obeys, in sheet coordinates.
// kstt.Layout gives every cell of a column that sums columns one shared
// *Relation, and the cells of a TỔNG CỘNG row the same Rows slice, so a
// 100,000-row sheet holds one relation per column, not one per cell: treat
// them as read-only.
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
