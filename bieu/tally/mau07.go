package tally

import (
	"strings"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/internal/vntext"
)

// Mau07 lists the printed columns of Mẫu số 07 "Sổ theo dõi hồ sơ"
// (Thông tư 03/2025/TT-VPCP, guiding Nghị định 118/2025/NĐ-CP), the case
// logbook offices keep in Excel, and the column each is read as. The
// header has two rows: "Ngày, tháng, năm" over Nhận hồ sơ, Hẹn trả kết
// quả and Ngày nhận kết quả, "Trả kết quả" over Bên giao and Bên nhận,
// the other labels merged over both rows; a row of column numbers "(1)",
// "(2)" … under it is skipped. ReadRows and ReadCSV (and xlsxlist)
// recognise it with no mapping.
//
// The labels come from the reading of the form; the circular's
// text was not found with the search tool, so their exact spelling is
// inferred, and so is that "Ngày nhận kết quả" (the day the desk received
// the result from the resolving office) is the finish date, and "Tên hồ
// sơ" the procedure.
//
// Mẫu 07 has no lĩnh vực, level, channel or status: lĩnh vực and level
// come from ReadOptions.Procedures (by the procedure), the channel, kind
// of online service, status and supplement dates from columns the office
// appends after Ghi chú ("Kênh tiếp nhận", "Loại DVCTT", "Trạng thái",
// "Ngày yêu cầu bổ sung", "Ngày nhận bổ sung"). A record that still lacks
// one is a finding of the tally naming it (TALLY/R04, R05), never guessed.
var Mau07 = []struct {
	Label  string
	Column Column
}{
	{"STT", ColNone},
	{"Mã hồ sơ", ColCode},
	{"Tên hồ sơ", ColProcedure},
	{"Số lượng hồ sơ (bộ)", ColNone},
	{"Tên tổ chức, cá nhân", ColNone},
	{"Địa chỉ", ColNone},
	{"Số điện thoại", ColNone},
	{"Nhận hồ sơ", ColReceived},
	{"Hẹn trả kết quả", ColDue},
	{"Ngày nhận kết quả", ColFinished},
	{"Bên giao", ColNone},
	{"Bên nhận", ColNone},
	{"Ghi chú", ColNone},
}

// ProcedureInfo is what ReadOptions.Procedures gives for a procedure: its
// lĩnh vực (the row of II.06a) and the level that resolves it.
type ProcedureInfo struct {
	Field string         `json:"field"`
	Level bieu.UnitLevel `json:"level"`
}

// lookup fills a record's lĩnh vực and level from Procedures, where the
// list gave none.
func (o *ReadOptions) lookup(r *Record) {
	if len(o.Procedures) == 0 || r.Procedure == "" || (r.Field != "" && r.Level != bieu.LevelUnknown) {
		return
	}
	p, ok := o.Procedures[r.Procedure]
	if !ok {
		k := vntext.Key(r.Procedure)
		for name, q := range o.Procedures {
			if vntext.Key(name) == k {
				p, ok = q, true
				break
			}
		}
	}
	if !ok {
		return
	}
	if r.Field == "" {
		r.Field = vntext.NFC(p.Field)
	}
	if r.Level == bieu.LevelUnknown {
		r.Level = p.Level
	}
}

// mergedHeader reads a two-row header: the labels of the row above fill
// the cells the header row leaves blank (a label merged over both rows is
// in the upper row only). The merged layout is kept when it knows more
// columns than the header row alone.
func mergedHeader(upper, cells []Cell, l layout, mapping map[string]Column) layout {
	if len(upper) == 0 {
		return l
	}
	n := max(len(upper), len(cells))
	merged := make([]Cell, n)
	for i := range merged {
		if i < len(cells) && strings.TrimSpace(cells[i].Text) != "" {
			merged[i] = cells[i]
		} else if i < len(upper) {
			merged[i] = upper[i]
		}
	}
	m, ok := matchLayout(merged, mapping)
	if !ok || known(m) <= known(l) {
		return l
	}
	return m
}

func known(l layout) int {
	n := 0
	for _, i := range l.idx {
		if i >= 0 {
			n++
		}
	}
	return n
}

// columnNumbers reports a row of column numbers, "(1)", "(2)" …, as forms
// print under their header.
func columnNumbers(cells []Cell) bool {
	n := 0
	for _, c := range cells {
		t := strings.TrimSpace(c.Text)
		if t == "" {
			continue
		}
		if len(t) < 3 || t[0] != '(' || t[len(t)-1] != ')' {
			return false
		}
		for _, d := range t[1 : len(t)-1] {
			if d < '0' || d > '9' {
				return false
			}
		}
		n++
	}
	return n >= 2
}
