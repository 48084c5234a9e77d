package decl_test

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/decl"
	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/period"
)

// hs02 is a local form with level rows, a "= 0" rule for the district level
// from 1/7/2025 and a rule tying it to Biểu II.06a.
const hs02 = `{"code": "HS.02", "title": "TIẾP NHẬN HỒ SƠ THEO CẤP", "unit": "hồ sơ", "basis": "Quyết định của UBND tỉnh (ví dụ)",
  "edition": {"name": "Quyết định (ví dụ)", "valid_from": "2025-01-01", "valid_to": "2026-02-14"},
  "parts": [{"columns": [
    {"num": 1, "key": "stt", "label": "STT", "kind": "text"},
    {"num": 2, "key": "field", "label": "Lĩnh vực", "kind": "text"},
    {"num": 3, "key": "received", "label": "Tổng số", "kind": "count"},
    {"num": 4, "key": "online", "label": "Trực tuyến", "kind": "count"},
    {"num": 5, "key": "direct", "label": "Trực tiếp", "kind": "count"}],
    "rows": {"levels": [{"code": "I", "title": "CẤP TỈNH"}, {"code": "II", "title": "CẤP HUYỆN"}, {"code": "III", "title": "CẤP XÃ"}]}}],
  "rules": [
    {"id": "HS.02/R01", "rule": "(3) = (4) + (5)"},
    {"id": "HS.02/R02", "rule": "TỔNG CỘNG = Σ các dòng"},
    {"id": "HS.02/R03", "rule": "«CẤP HUYỆN» = 0", "from": "2025-07-01"},
    {"id": "HS.02/R04", "rule": "HS.02 Σ(4) = II.06a Σ(4)"}]}`

// Compile checks a declaration given as a Go value; an error names the JSON
// path of the value at fault and matches ErrInvalid.
func ExampleCompile() {
	d := &decl.Declaration{
		Code: "HS.03", Title: "TIẾP NHẬN HỒ SƠ", Unit: "hồ sơ", Basis: "Quyết định của UBND tỉnh (ví dụ)",
		Parts: []decl.Part{{Columns: []decl.Column{
			{Num: 1, Key: "stt", Label: "STT", Kind: "text"},
			{Num: 2, Key: "field", Label: "Lĩnh vực", Kind: "text"},
			{Num: 3, Key: "received", Label: "Tổng số", Kind: "count"},
			{Num: 3, Key: "online", Label: "Trực tuyến", Kind: "count"},
		}}},
	}
	_, err := decl.Compile(d)
	fmt.Println(errors.Is(err, decl.ErrInvalid), err)

	d.Parts[0].Columns[3].Num = 4
	s, err := decl.Compile(d)
	fmt.Println(err, s.Spec().FullCode(), s.Spec().Part("").MaxNum())
	// Output:
	// true decl: $.parts[0].columns[3].num: duplicate column number (3): also $.parts[0].columns[2]
	// <nil> Biểu số HS.03/VPCP/KSTT 4
}

// Covers decides by a period's last day: Thông tư 01/2020/TT-VPCP covers
// Tháng 2 năm 2026 (15/1–14/2/2026), not Tháng 3 năm 2026, and not Quý IV
// năm 2020, which ended on 14/12/2020. The zero period is covered by no
// edition with a bound.
func ExampleEdition_Covers() {
	ed := bieu.Edition0120
	fmt.Println(ed.Name, ed.ValidFrom.Vietnamese(), ed.ValidTo.Vietnamese())
	for _, p := range []period.Period{
		period.Must(period.Month(2026, time.February)),
		period.Must(period.Month(2026, time.March)),
		period.Must(period.Quarter(2026, 1)),
		period.Must(period.Quarter(2020, 4)),
	} {
		fmt.Printf("%q %s %v\n", p.String(), p.End().Vietnamese(), ed.Covers(p))
	}
	fmt.Println(ed.Covers(period.Period{}))
	// Output:
	// Thông tư 01/2020/TT-VPCP 15/12/2020 14/2/2026
	// "Tháng 2 năm 2026" 14/2/2026 true
	// "Tháng 3 năm 2026" 14/3/2026 false
	// "Quý I năm 2026" 14/3/2026 false
	// "Quý IV năm 2020" 14/12/2020 false
	// false
}

// AddGroup adds the level rows a part declares; the data rows after a level
// row stand under it. A part that declares no such row refuses it.
func ExampleForm_AddGroup() {
	s, err := decl.Parse([]byte(hs02))
	if err != nil {
		panic(err)
	}
	f := s.New(kstt.Header{Unit: "UBND tỉnh Hà Tĩnh"})
	_ = f.AddGroup(0, layout.LevelRow, "I", "CẤP TỈNH")
	_ = f.AddRow(0, "Hộ tịch", map[string]int64{"online": 4, "direct": 1})
	_ = f.AddGroup(0, layout.LevelRow, "III", "CẤP XÃ")
	_ = f.AddRow(0, "Hộ tịch", map[string]int64{"direct": 2})
	if err := f.Fill(); err != nil {
		panic(err)
	}
	for i, r := range f.Parts[0].Rows {
		fmt.Println(r.Kind == layout.LevelRow, r.STT, r.Label, f.Value(0, i, 3))
	}
	fmt.Println(kstt.TotalLabel, f.Value(0, len(f.Parts[0].Rows), 3))
	fmt.Println(f.AddGroup(0, layout.SectionRow, "A", "DVCTT") != nil)
	// Output:
	// true I CẤP TỈNH 0
	// false 1 Hộ tịch 5
	// true III CẤP XÃ 0
	// false 2 Hộ tịch 2
	// TỔNG CỘNG 7
	// true
}

// A schema's rules that reach beyond the form are for a catalogue:
// ReportRules relate it to other forms, Checks are its "= 0" rules.
// AddTo puts the form in a catalogue, here the official one; Edition and
// Declaration give back what it was compiled from.
func ExampleSchema_AddTo() {
	s, err := decl.Parse([]byte(hs02))
	if err != nil {
		panic(err)
	}
	for _, r := range s.ReportRules() {
		fmt.Println("report:", r.ID, r.Kind, r.Expr)
	}
	for _, c := range s.Checks() {
		fmt.Println("check:", c.Rule.ID, c.Rule.Severity, c.Rule.Expr)
	}
	fmt.Println(s.Edition().Name, s.Edition().ValidTo.Vietnamese(), len(s.Declaration().Rules))

	cat := bieu.Official()
	if err := s.AddTo(cat); err != nil {
		panic(err)
	}
	fmt.Println(cat.Spec("HS.02") != nil, len(cat.Forms))

	// Without II.06a, the cross-form rule names a form the catalogue lacks.
	alone := &kstt.Catalogue{}
	fmt.Println(s.AddTo(alone) != nil, len(alone.Forms))
	// Output:
	// report: HS.02/R04 matches HS.02 Σ(4) = II.06a Σ(4)
	// check: HS.02/R03 warning «CẤP HUYỆN» = 0
	// Quyết định (ví dụ) 14/2/2026 4
	// true 5
	// true 0
}

// WriteReference writes the language's reference as Markdown, headings from
// level 2; here only its headings.
func ExampleWriteReference() {
	var b strings.Builder
	if err := decl.WriteReference(&b); err != nil {
		panic(err)
	}
	for _, l := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(l, "#") {
			fmt.Println(l)
		}
	}
	// Output:
	// ## The document
	// ## Columns
	// ## Rows
	// ## Rules
	// ## Editions
	// ## Data
}
