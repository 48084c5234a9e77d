package kstt_test

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
)

// miniForm is a user's own form built from kstt primitives: two parts, a
// printed sum, a rate across parts, a bound and a flag.
type miniForm struct {
	rows  [][6]int64 // part A: (3)=(4)+(5), (6) flag
	rates []decimal.Decimal
	total [6]int64
	rateT decimal.Decimal
}

var miniSpec = &kstt.FormSpec{
	Code: "X.01", Title: "BIỂU THỬ", Unit: "hồ sơ", Basis: "test",
	Parts: []kstt.PartSpec{
		{ID: "A", Columns: []kstt.Column{
			{Num: 1, Key: "stt", Label: "STT", Kind: layout.TextColumn},
			{Num: 2, Key: "field", Label: "Lĩnh vực", Kind: layout.TextColumn},
			{Num: 3, Key: "total", Label: "Tổng số", Groups: []string{"Hồ sơ"}, Kind: layout.CountColumn},
			{Num: 4, Key: "a", Label: "Trực tuyến", Groups: []string{"Hồ sơ", "Trong kỳ"}, Kind: layout.CountColumn},
			{Num: 5, Key: "b", Label: "Trực tiếp", Groups: []string{"Hồ sơ", "Trong kỳ"}, Kind: layout.CountColumn},
			{Num: 6, Key: "flag", Label: "Có", Kind: layout.FlagColumn},
		}},
		{ID: "B", Columns: []kstt.Column{
			{Num: 1, Key: "stt", Label: "STT", Kind: layout.TextColumn},
			{Num: 2, Key: "field", Label: "Lĩnh vực", Kind: layout.TextColumn},
			{Num: 3, Key: "rate", Label: "Tỷ lệ", Kind: layout.RateColumn},
		}},
	},
	Rules: []kstt.Rule{
		{ID: "X.01/R1", Kind: kstt.SumOfColumns, Severity: kstt.Error, Expr: "(3)=(4)+(5)", Basis: "b", Meaning: "m", MeaningEN: "m",
			Target: kstt.Ref{Part: "A", Col: 3}, Terms: []kstt.Ref{{Part: "A", Col: 4}, {Part: "A", Col: 5}}},
		{ID: "X.01/R2", Kind: kstt.SumOfRows, Severity: kstt.Error, Expr: "Σ", Basis: "b", Meaning: "m", MeaningEN: "m", Target: kstt.Ref{Part: "A"}},
		{ID: "X.01/R3", Kind: kstt.NonNegative, Severity: kstt.Error, Expr: "≥0", Basis: "b", Meaning: "m", MeaningEN: "m", Target: kstt.Ref{Part: "A"}},
		{ID: "X.01/R4", Kind: kstt.FlagOnly, Severity: kstt.Error, Expr: "(6)∈{0,1}", Basis: "b", Meaning: "m", MeaningEN: "m", Target: kstt.Ref{Part: "A", Col: 6}},
		{ID: "X.01/R5", Kind: kstt.AtMost, Severity: kstt.Warning, Expr: "(4)≤(5)", Basis: "b", Meaning: "m", MeaningEN: "m",
			Target: kstt.Ref{Part: "A", Col: 4}, Terms: []kstt.Ref{{Part: "A", Col: 5}}},
		{ID: "X.01/R6", Kind: kstt.Percentage, Severity: kstt.Warning, Places: 2, Expr: "B(3)=A(4)/A(3)×100", Basis: "b", Meaning: "m", MeaningEN: "m",
			Target: kstt.Ref{Part: "B", Col: 3}, Terms: []kstt.Ref{{Part: "A", Col: 4}, {Part: "A", Col: 3}}},
	},
}

func (f *miniForm) Spec() *kstt.FormSpec      { return miniSpec }
func (f *miniForm) FormHeader() kstt.Header   { return kstt.Header{Unit: "Đơn vị thử"} }
func (f *miniForm) Table(part int) kstt.Table { return &miniTable{f, part} }

type miniTable struct {
	f    *miniForm
	part int
}

func (t *miniTable) Len() int { return len(t.f.rows) + 1 }
func (t *miniTable) Row(i int) kstt.RowMeta {
	if i == len(t.f.rows) {
		return kstt.RowMeta{Kind: layout.TotalRow, Label: kstt.TotalLabel}
	}
	return kstt.RowMeta{Kind: layout.DataRow, STT: string(rune('1' + i)), Label: "Lĩnh vực " + string(rune('a'+i))}
}
func (t *miniTable) vals(i int) *[6]int64 {
	if i == len(t.f.rows) {
		return &t.f.total
	}
	return &t.f.rows[i]
}
func (t *miniTable) Ints(i int, d []int64) {
	if t.part == 0 {
		copy(d[1:7], t.vals(i)[:])
	}
}
func (t *miniTable) SetInts(i int, s []int64) {
	if t.part == 0 {
		copy(t.vals(i)[:], s[1:7])
	}
}
func (t *miniTable) Rate(i, col int) decimal.Decimal {
	if i == len(t.f.rows) {
		return t.f.rateT
	}
	return t.f.rates[i]
}
func (t *miniTable) SetRate(i, col int, v decimal.Decimal) {
	if i == len(t.f.rows) {
		t.f.rateT = v
	} else {
		t.f.rates[i] = v
	}
}
func (t *miniTable) EnsureTotal() {}

// newMini returns a filled form; values are columns (4), (5), (6) per row.
func newMini(t *testing.T, rows ...[3]int64) *miniForm {
	f := &miniForm{rates: make([]decimal.Decimal, len(rows))}
	for _, r := range rows {
		f.rows = append(f.rows, [6]int64{0, 0, 0, r[0], r[1], r[2]})
	}
	if err := kstt.Fill(f); err != nil {
		t.Fatal(err)
	}
	return f
}

func check(t *testing.T, f kstt.Form) kstt.Findings {
	t.Helper()
	fs, err := kstt.Check(f, kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

func TestOwnFormFillAndCheck(t *testing.T) {
	f := newMini(t, [3]int64{1, 2, 1}, [3]int64{2, 2, 0})
	if fs := check(t, f); len(fs) != 0 {
		t.Fatalf("filled form has findings: %v", fs)
	}
	if f.total != [6]int64{0, 0, 7, 3, 4, 1} {
		t.Fatalf("total = %v", f.total)
	}
	if !f.rates[0].Equal(decimal.RequireFromString("33.33")) || !f.rates[1].Equal(decimal.NewFromInt(50)) {
		t.Fatalf("rates = %v", f.rates)
	}
	// 3/7 = 42.857… → 42.86
	if !f.rateT.Equal(decimal.RequireFromString("42.86")) {
		t.Fatalf("total rate = %v", f.rateT)
	}
}

func TestCheckFindsAndLocates(t *testing.T) {
	f := newMini(t, [3]int64{1, 2, 1}, [3]int64{2, 2, 0})
	f.rows[1][3] = 5 // (4) of row 2: breaks R1 (row), R2 (total), R5 (5 > 2), R6 (rate)
	f.rows[0][5] = 3 // (6) flag of row 1
	// Where the form was read from is the report's (Report.Origins), not
	// the form's: the checker of the catalogue puts it in Finding.Cell.
	origin := &kstt.Origin{}
	origin.SetCellAddress("A", 1, 4, "X.01!D8")
	cat := &kstt.Catalogue{Forms: []*kstt.FormSpec{miniSpec}}
	fs, err := cat.Check(&kstt.Report{Forms: []kstt.Form{f}, Origins: []*kstt.Origin{origin}}, kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if alone := check(t, f); len(alone) != len(fs) {
		t.Errorf("kstt.Check: %d findings, the report's check %d", len(alone), len(fs))
	}
	got := map[kstt.RuleID]int{}
	for _, x := range fs {
		got[x.Rule]++
	}
	want := map[kstt.RuleID]int{"X.01/R1": 1, "X.01/R2": 2, "X.01/R4": 1, "X.01/R5": 1}
	for id, n := range want {
		if got[id] != n {
			t.Errorf("%s: %d findings, want %d (all: %v)", id, got[id], n, fs)
		}
	}
	var r5 kstt.Finding
	for _, x := range fs {
		if x.Rule == "X.01/R5" {
			r5 = x
		}
	}
	if r5.Cell != "X.01!D8" || r5.Row != 1 || r5.Column != 4 || r5.Expected != "≤ 2" || r5.Actual != "5" || r5.Difference != "+3" {
		t.Errorf("R5 finding = %+v", r5)
	}
	// Check never mutates.
	if f.rows[1][3] != 5 || f.rows[1][2] != 4 {
		t.Errorf("Check changed the form: %v", f.rows[1])
	}
}

func TestNegativeAndOverflowAreFindings(t *testing.T) {
	f := newMini(t, [3]int64{1, 2, 0})
	f.rows[0][4] = -2
	fs := check(t, f)
	if len(byRule(t, fs, "X.01/R3")) != 1 {
		t.Errorf("negative count not reported: %v", fs)
	}
	g := newMini(t, [3]int64{1, 2, 0}, [3]int64{1, 1, 0})
	g.rows[0][3], g.rows[0][4] = math.MaxInt64, math.MaxInt64
	fs = check(t, g)
	var overflow bool
	for _, x := range fs {
		if x.Rule == "X.01/R1" && strings.Contains(x.MessageEN, "overflow") {
			overflow = true
		}
	}
	if !overflow {
		t.Errorf("overflowing sum not reported: %v", fs)
	}
	if err := kstt.Fill(g); !errors.Is(err, kstt.ErrOverflow) {
		t.Errorf("Fill of an overflowing form: %v", err)
	}
}

func TestRateOf(t *testing.T) {
	for _, c := range []struct {
		num, den int64
		places   int32
		want     string
	}{
		{0, 0, 2, "0"}, {5, 0, 2, "0"}, {0, 5, 2, "0"}, {1, 3, 2, "33.33"}, {2, 3, 2, "66.67"},
		{1, 8, 1, "12.5"}, {1, 8, 0, "13"}, {1, 200, 2, "0.5"}, {5, 5, 2, "100"},
		{math.MaxInt64, math.MaxInt64, 2, "100"},
	} {
		if got := kstt.RateOf(c.num, c.den, c.places); !got.Equal(decimal.RequireFromString(c.want)) {
			t.Errorf("RateOf(%d, %d, %d) = %s, want %s", c.num, c.den, c.places, got, c.want)
		}
	}
}

func TestRateShownWithFewerDecimalsIsAccepted(t *testing.T) {
	f := newMini(t, [3]int64{1, 2, 0})
	for _, shown := range []string{"33.33", "33.3", "33"} {
		f.rates[0] = decimal.RequireFromString(shown)
		if fs := byRule(t, check(t, f), "X.01/R6"); len(fs) != 0 {
			t.Errorf("rate %s flagged: %v", shown, fs)
		}
	}
	f.rates[0] = decimal.RequireFromString("34")
	if fs := byRule(t, check(t, f), "X.01/R6"); len(fs) != 1 {
		t.Errorf("rate 34 for 1/3 not flagged")
	}
}

func TestFindingsSortFilterJSONAndErr(t *testing.T) {
	fs := kstt.Findings{
		{Rule: "B/2", Severity: kstt.Warning, Form: "II.08", Row: 2, Column: 4},
		{Rule: "A/1", Severity: kstt.Error, Form: "II.06a", Row: 1, Column: 3},
		{Rule: "K/1", Severity: kstt.Info, Form: "", Row: -1},
		{Rule: "A/2", Severity: kstt.Error, Form: "II.06a", Row: 1, Column: 2},
	}
	fs.Sort()
	var order []string
	for _, f := range fs {
		order = append(order, string(f.Rule))
	}
	if strings.Join(order, " ") != "K/1 A/2 A/1 B/2" {
		t.Errorf("sorted order %v", order)
	}
	if len(fs.AtLeast(kstt.Warning)) != 3 || len(fs.ByForm("II.06a")) != 2 || len(fs.Filter(func(f kstt.Finding) bool { return f.Rule == "B/2" })) != 1 || !fs.HasErrors() {
		t.Error("filters")
	}
	b, err := json.Marshal(fs)
	if err != nil || !strings.HasPrefix(string(b), `[{"rule":"K/1","severity":"info"`) {
		t.Errorf("JSON %s %v", b, err)
	}
	var back kstt.Findings
	if err := json.Unmarshal(b, &back); err != nil || len(back) != 4 || back[1].Severity != kstt.Error {
		t.Errorf("JSON round trip %v %v", back, err)
	}
	if b, _ := json.Marshal(kstt.Findings(nil)); string(b) != "[]" {
		t.Errorf("empty findings marshal to %s", b)
	}
	if kstt.Findings(nil).Err() != nil {
		t.Error("no findings must give a nil error")
	}
	err = fs.Err()
	if !errors.Is(err, kstt.ErrFindings) {
		t.Error("Err does not match ErrFindings")
	}
	var one kstt.Finding
	if !errors.As(err, &one) || one.Rule != "K/1" {
		t.Errorf("errors.As gives %+v", one)
	}
	if n := len(err.(interface{ Unwrap() []error }).Unwrap()); n != 4 {
		t.Errorf("Unwrap gives %d errors", n)
	}
}

func TestSeverityText(t *testing.T) {
	for _, in := range []string{"error", "ERROR", " lỗi ", "Lỗi"} {
		if s, err := kstt.ParseSeverity(in); err != nil || s != kstt.Error {
			t.Errorf("ParseSeverity(%q) = %v, %v", in, s, err)
		}
	}
	if _, err := kstt.ParseSeverity("fatal"); !errors.Is(err, kstt.ErrBadSeverity) {
		t.Errorf("bad severity: %v", err)
	}
	if _, err := kstt.Severity(0).MarshalText(); err == nil {
		t.Error("zero severity marshals")
	}
}

func TestCheckOptionsAsData(t *testing.T) {
	o, err := kstt.ParseCheckOptions([]byte(`{"rules":{"X.01/R5":{"severity":"info"},"X.01/R1":{"off":true}}}`), miniSpec.Rules)
	if err != nil {
		t.Fatal(err)
	}
	f := newMini(t, [3]int64{1, 2, 0})
	f.rows[0][3] = 9
	fs, err := kstt.Check(f, o)
	if err != nil {
		t.Fatal(err)
	}
	if len(byRule(t, fs, "X.01/R1")) != 0 || len(byRule(t, fs, "X.01/R5")) != 1 || byRule(t, fs, "X.01/R5")[0].Severity != kstt.Info {
		t.Errorf("options not applied: %v", fs)
	}
	for _, bad := range []string{`{"rules":{"X.01/R9":{"off":true}}}`, `{"rules":{"X.01/R1":{"severity":"fatal"}}}`, `{"rule":{}}`, `[`} {
		if _, err := kstt.ParseCheckOptions([]byte(bad), miniSpec.Rules); err == nil {
			t.Errorf("ParseCheckOptions(%s): no error", bad)
		}
	}
	if _, err := kstt.ParseCheckOptions([]byte(`{"rules":{"X.01/R9":{}}}`), miniSpec.Rules); !errors.Is(err, kstt.ErrUnknownRule) {
		t.Errorf("unknown rule: %v", err)
	}
}

func TestSpecValidateCatchesBadDeclarations(t *testing.T) {
	mk := func(edit func(s *kstt.FormSpec)) *kstt.FormSpec {
		b, _ := json.Marshal(miniSpec)
		var s kstt.FormSpec
		if err := json.Unmarshal(b, &s); err != nil {
			t.Fatal(err)
		}
		edit(&s)
		return &s
	}
	if err := mk(func(*kstt.FormSpec) {}).Validate(); err != nil {
		t.Fatalf("JSON copy of a valid spec: %v", err)
	}
	for name, edit := range map[string]func(s *kstt.FormSpec){
		"missing column":    func(s *kstt.FormSpec) { s.Rules[0].Terms[0].Col = 12 },
		"text column":       func(s *kstt.FormSpec) { s.Rules[0].Terms[0].Col = 2 },
		"repeated ID":       func(s *kstt.FormSpec) { s.Rules[1].ID = s.Rules[0].ID },
		"foreign prefix":    func(s *kstt.FormSpec) { s.Rules[1].ID = "Y/1" },
		"no severity":       func(s *kstt.FormSpec) { s.Rules[1].Severity = 0 },
		"no meaning":        func(s *kstt.FormSpec) { s.Rules[1].MeaningEN = "" },
		"unknown part":      func(s *kstt.FormSpec) { s.Rules[0].Target.Part = "Z" },
		"gap in numbering":  func(s *kstt.FormSpec) { s.Parts[0].Columns[3].Num = 9 },
		"rate target count": func(s *kstt.FormSpec) { s.Rules[5].Target = kstt.Ref{Part: "A", Col: 3} },
		"one-term sum":      func(s *kstt.FormSpec) { s.Rules[0].Terms = s.Rules[0].Terms[:1] },
		"report kind":       func(s *kstt.FormSpec) { s.Rules[0].Kind = kstt.Matches },
	} {
		if err := mk(edit).Validate(); !errors.Is(err, kstt.ErrBadRule) {
			t.Errorf("%s: Validate = %v", name, err)
		}
	}
}

func TestLayoutHeaderGridAndRelations(t *testing.T) {
	f := newMini(t, [3]int64{1, 2, 1}, [3]int64{2, 2, 0})
	s := kstt.Layout(f)
	a := s.Blocks[0]
	if a.HeadRows != 3 {
		t.Fatalf("head rows %d", a.HeadRows)
	}
	var got []string
	for _, h := range a.Head {
		got = append(got, h.Text+"@"+string(rune('0'+h.Row))+string(rune('0'+h.Col))+"/"+string(rune('0'+h.RowSpan))+string(rune('0'+h.ColSpan)))
	}
	want := "STT@00/31 Lĩnh vực@01/31 Hồ sơ@02/13 Có@05/31 Tổng số@12/21 Trong kỳ@13/12 Trực tuyến@23/11 Trực tiếp@24/11"
	if strings.Join(got, " ") != want {
		t.Errorf("head grid\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	if a.Numbers[2] != "(3)=(4)+(5)" || a.Numbers[3] != "(4)" {
		t.Errorf("numbers %v", a.Numbers)
	}
	total := a.Rows[2]
	if total.Kind != layout.TotalRow || total.Cells[2].Rel.Kind != layout.SumColumnsRel || total.Cells[3].Rel.Kind != layout.SumRowsRel ||
		len(total.Cells[3].Rel.Rows) != 2 || total.Cells[3].Int != 3 {
		t.Errorf("total row %+v", total)
	}
	rate := s.Blocks[1].Rows[0].Cells[2]
	if rate.Kind != layout.DecimalCell || rate.Rel.Kind != layout.RateRel || rate.Rel.Den != (layout.CellRef{Block: 0, Row: 0, Col: 3}) {
		t.Errorf("rate cell %+v", rate)
	}
}

func TestFindingMatchAndNumbers(t *testing.T) {
	f := kstt.Finding{Rule: "X/R1", Severity: kstt.Error, Expected: "≤ 1", Actual: "5", Difference: "+4", Cell: "'Biểu 1''s'!AB12"}
	err := kstt.Findings{{Rule: "X/R0"}, f}.Err()
	if !errors.Is(err, kstt.RuleID("X/R1")) || errors.Is(err, kstt.RuleID("X/R2")) || !errors.Is(err, kstt.ErrFindings) {
		t.Fatal("errors.Is by rule")
	}
	e, ok1 := f.ExpectedValue()
	a, ok2 := f.ActualValue()
	d, ok3 := f.DifferenceValue()
	if !ok1 || !ok2 || !ok3 || e.IntPart() != 1 || a.IntPart() != 5 || d.IntPart() != 4 {
		t.Fatalf("%v %v %v", e, a, d)
	}
	for _, s := range []string{"0 hoặc 1", "", "Quý II năm 2024", "1e9"} {
		if _, ok := (kstt.Finding{Expected: s}).ExpectedValue(); ok {
			t.Errorf("%q read as a number", s)
		}
	}
	if d, ok := (kstt.Finding{Difference: "-0.01"}).DifferenceValue(); !ok || d.String() != "-0.01" {
		t.Errorf("decimal difference %v", d)
	}
	l := f.Location()
	if l.Sheet != "Biểu 1's" || l.SheetRow != 12 || l.SheetColumn != 28 || l.Line != 0 {
		t.Errorf("workbook location %+v", l)
	}
	l = kstt.Finding{Form: "II.06a", Row: 3, Column: 4, Cell: "dir/a:b.txt:L60:C7"}.Location()
	if l.File != "dir/a:b.txt" || l.Line != 60 || l.Field != 7 || l.Form != "II.06a" || l.Row != 3 || l.Column != 4 || l.Sheet != "" {
		t.Errorf("text location %+v", l)
	}
	if l := (kstt.Finding{Cell: "garbage!"}).Location(); l.Sheet != "" || l.SheetRow != 0 {
		t.Errorf("garbage %+v", l)
	}
}

// Report.Origins may be shorter than Forms, hold nil, or be absent; the
// report and its forms may be nil: CellAddress then names no cell and
// never panics.
func TestReportCellAddressBounds(t *testing.T) {
	f := newMini(t, [3]int64{1, 2, 1}, [3]int64{2, 2, 0})
	o := &kstt.Origin{}
	o.SetCellAddress("A", 0, 3, "X.01!C7")
	var nilReport *kstt.Report
	for _, c := range []struct {
		r    *kstt.Report
		want string
	}{
		{nilReport, ""},
		{&kstt.Report{Forms: []kstt.Form{f}}, ""},
		{&kstt.Report{Forms: []kstt.Form{f}, Origins: []*kstt.Origin{nil}}, ""},
		{&kstt.Report{Forms: []kstt.Form{nil, f}, Origins: []*kstt.Origin{o}}, ""},
		{&kstt.Report{Forms: []kstt.Form{f}, Origins: []*kstt.Origin{o, o}}, "X.01!C7"},
	} {
		if got := c.r.CellAddress("X.01", "A", 0, 3); got != c.want {
			t.Errorf("%+v: %q, want %q", c.r, got, c.want)
		}
	}
}

// TestReportFill: Report.Fill fills every form, a user's own form through
// the function Fill, goes on past a failing form, and refuses nil.
func TestReportFill(t *testing.T) {
	good := newMini(t, [3]int64{1, 2, 0})
	good.rows[0][2] = 0 // unfilled again: (3) must come back as (4)+(5)
	bad := newMini(t, [3]int64{1, 2, 0})
	bad.rows[0][3], bad.rows[0][4] = math.MaxInt64, math.MaxInt64
	last := newMini(t, [3]int64{4, 5, 0})
	last.rows[0][2] = 0
	err := (&kstt.Report{Forms: []kstt.Form{good, bad, last}}).Fill()
	if !errors.Is(err, kstt.ErrOverflow) {
		t.Errorf("overflowing form: %v", err)
	}
	if good.rows[0][2] != 3 || last.rows[0][2] != 9 {
		t.Errorf("(3) not filled around the failing form: %d, %d", good.rows[0][2], last.rows[0][2])
	}
	var typedNil *miniForm
	for _, r := range []*kstt.Report{nil, {Forms: []kstt.Form{nil}}, {Forms: []kstt.Form{typedNil}}} {
		if err := r.Fill(); !errors.Is(err, kstt.ErrInvalidReport) {
			t.Errorf("Fill of %v: %v, want ErrInvalidReport", r, err)
		}
	}
	if err := (&kstt.Report{}).Fill(); err != nil {
		t.Errorf("a report without forms: %v", err)
	}
}
