package kstt

import (
	"github.com/shopspring/decimal"

	"github.com/baocaodinhky/vpcp/internal/vntext"
	"github.com/baocaodinhky/vpcp/kstt/grid"
	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/period"
)

// Header is the block every form prints above its table (Thông tư
// 01/2020/TT-VPCP, Phụ lục II): Đơn vị báo cáo, Đơn vị nhận báo cáo and Kỳ
// báo cáo.
type Header struct {
	Unit      string        `json:"unit"`      // Đơn vị báo cáo, e.g. "Sở Ngoại vụ"
	Recipient string        `json:"recipient"` // Đơn vị nhận báo cáo, e.g. "UBND tỉnh"
	Period    period.Period `json:"period"`    // Kỳ báo cáo (Nghị định 09/2019/NĐ-CP, Điều 12)
}

// Normalize returns the header with its names in NFC and spaces folded.
func (h Header) Normalize() Header {
	h.Unit = vntext.NFC(h.Unit)
	h.Recipient = vntext.NFC(h.Recipient)
	return h
}

// TotalLabel is the label of the total row on every form.
const TotalLabel = "TỔNG CỘNG"

// RowMeta describes one body row: its kind, the STT it prints in column (1)
// and its label in column (2).
type RowMeta struct {
	Kind  layout.RowKind
	STT   string
	Label string
	// Group names the level or section row a data row stands under
	// ("CẤP TỈNH" in II.06b and II.08), so that two rows of the same
	// lĩnh vực under different levels are told apart in findings.
	Group string
}

// Table is the neutral, column-numbered view of one part of a form that the
// rule engine reads. Rows are in printed order; the last row is TỔNG
// CỘNG. Typed forms in package bieu implement it; a form of your own can
// too.
type Table interface {
	// Len is the number of body rows, TỔNG CỘNG included.
	Len() int
	// Row describes row i.
	Row(i int) RowMeta
	// Ints stores the count and flag columns of row i in dst, indexed by
	// official column number (dst[3] is column (3)). dst is at least
	// PartSpec.MaxNum()+1 long. Other entries are left as they are.
	Ints(i int, dst []int64)
	// Rate returns rate column col of row i.
	Rate(i, col int) decimal.Decimal
}

// MutableTable is a Table that Fill can write back to.
type MutableTable interface {
	Table
	// SetInts stores src[n] into column (n) of row i for every count and
	// flag column.
	SetInts(i int, src []int64)
	// SetRate stores v into rate column col of row i.
	SetRate(i, col int, v decimal.Decimal)
	// EnsureTotal makes sure the last row is a TỔNG CỘNG row.
	EnsureTotal()
}

// Form is an official form: its declaration and, part by part, its tables.
type Form interface {
	Spec() *FormSpec
	FormHeader() Header
	// Table returns the table of part i (in Spec().Parts order).
	Table(part int) Table
}

// CellKey identifies a cell of a form for Origin.
type CellKey struct {
	Part     string
	Row, Col int
}

// Origin records where each cell of a form was read from: a report read
// from a file (bieu.Read) holds one per form in Report.Origins, so that
// the findings of Catalogue.Check name the cell. The form itself stays a
// plain value.
//
// A reader records, per part, the grid row of each printed row and the
// grid column of each column number (SetGrid); an address is computed from
// them when asked for, so a read form keeps 4 bytes per row, not a string
// per cell. Cells holds addresses set one by one (SetCellAddress), which
// take precedence.
type Origin struct {
	Cells map[CellKey]string `json:"-"`
	// Grid names the grid the form was read from (its name and kind; no
	// rows), Parts maps each part's cells to it; see SetGrid.
	Grid  *grid.Grid   `json:"-"`
	Parts []PartOrigin `json:"-"`
}

// PartOrigin maps one part of a form to the grid it was read from: Rows[i]
// is the 0-based grid row of the part's printed row i, Cols[n] the 0-based
// grid column of column (n); -1 (or an index beyond the slice) for a cell
// that was not read from the grid.
type PartOrigin struct {
	Part string
	Rows []int32
	Cols []int32
}

// SetGrid records that the form was read from g, part by part. Only g's
// name and kind are kept, not its rows.
func (o *Origin) SetGrid(g *grid.Grid, parts ...PartOrigin) {
	o.Grid = &grid.Grid{Name: g.Name, Source: g.Source, Text: g.Text}
	o.Parts = parts
}

// CellAddress returns the address of a cell read from a file
// ("II.06a!D12", "bao-cao.txt:L60:C7"), or "": what Check puts in
// Finding.Cell.
func (o *Origin) CellAddress(part string, row, col int) string {
	if o == nil {
		return ""
	}
	if o.Cells != nil {
		if a, ok := o.Cells[CellKey{part, row, col}]; ok {
			return a
		}
	}
	if o.Grid == nil {
		return ""
	}
	for i := range o.Parts {
		p := &o.Parts[i]
		if p.Part != part {
			continue
		}
		if row < 0 || row >= len(p.Rows) || col < 0 || col >= len(p.Cols) || p.Rows[row] < 0 || p.Cols[col] < 0 {
			return ""
		}
		return o.Grid.Addr(int(p.Rows[row]), int(p.Cols[col]))
	}
	return ""
}

// SetCellAddress records the address of one cell.
func (o *Origin) SetCellAddress(part string, row, col int, addr string) {
	if o.Cells == nil {
		o.Cells = map[CellKey]string{}
	}
	o.Cells[CellKey{part, row, col}] = addr
}
