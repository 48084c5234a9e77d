package layout

import "strconv"

// ColumnKind says what a column of an official form holds.
type ColumnKind uint8

// Column kinds. A count is a whole number of files or procedures (int64); a
// rate is a percentage held as decimal.Decimal; a flag is 0 or 1 (II.08
// column (9), "có=1; không=0"); text holds STT and labels.
const (
	TextColumn ColumnKind = iota + 1
	CountColumn
	RateColumn
	FlagColumn
)

// String returns "text", "count", "rate" or "flag".
func (k ColumnKind) String() string {
	switch k {
	case TextColumn:
		return "text"
	case CountColumn:
		return "count"
	case RateColumn:
		return "rate"
	case FlagColumn:
		return "flag"
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// Numeric reports whether the column holds a number (count, flag or rate).
func (k ColumnKind) Numeric() bool { return k == CountColumn || k == RateColumn || k == FlagColumn }

// RowKind tells what a row of a form's body is.
type RowKind uint8

// Row kinds. Section rows ("B DVCTT DO CƠ QUAN, UBND TỈNH CHỦ ĐỘNG TRIỂN
// KHAI") and level rows ("I CẤP TỈNH") of II.08 carry no numbers; data rows
// are one lĩnh vực (or unit); the total row is TỔNG CỘNG.
const (
	DataRow RowKind = iota + 1
	SectionRow
	LevelRow
	TotalRow
)

// String returns "data", "section", "level" or "total".
func (k RowKind) String() string {
	switch k {
	case DataRow:
		return "data"
	case SectionRow:
		return "section"
	case LevelRow:
		return "level"
	case TotalRow:
		return "total"
	}
	return "row-kind?"
}
