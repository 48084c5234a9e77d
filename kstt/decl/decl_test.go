package decl

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/period"
)

func small(t testing.TB) *Schema {
	t.Helper()
	data, err := os.ReadFile("testdata/small.json")
	if err != nil {
		t.Fatal(err)
	}
	s, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestParseSmall(t *testing.T) {
	s := small(t)
	spec := s.Spec()
	if spec.FullCode() != "Biểu số X.01/THỬ" || len(spec.Parts) != 2 || len(spec.Rules) != 7 {
		t.Fatalf("spec: %+v", spec)
	}
	if len(s.ReportRules()) != 1 || s.ReportRules()[0].Kind != kstt.Matches || s.ReportRules()[0].Terms[0] != (kstt.Ref{Form: "X.01", Part: "I", Col: 4}) {
		t.Fatalf("report rules: %+v", s.ReportRules())
	}
	if len(s.Checks()) != 2 || s.Checks()[1].Rule.Kind != kstt.Custom {
		t.Fatalf("checks: %+v", s.Checks())
	}
	r := spec.Rule("X.01/R06")
	if r.Kind != kstt.Percentage || r.Places != 1 || r.Severity != kstt.Warning || r.Terms[1] != (kstt.Ref{Part: "I", Col: 3}) {
		t.Fatalf("R06: %+v", r)
	}
	if got := spec.NumberLabel("I", 3); got != "(3)=(4)+(5)" {
		t.Errorf("number label %q", got)
	}
	if !s.Edition().Covers(period.Must(period.Quarter(2025, 4))) || s.Edition().Covers(period.Must(period.Quarter(2026, 1))) {
		t.Error("edition bounds")
	}
}

// A form built, filled, checked, laid out and written as JSON and back.
func TestFormEndToEnd(t *testing.T) {
	s := small(t)
	q := period.Must(period.Quarter(2025, 4))
	f := s.New(kstt.Header{Unit: "Sở Tư pháp", Recipient: "UBND tỉnh", Period: q})
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.AddGroup(0, layout.LevelRow, "I", "CẤP TỈNH"))
	must(f.AddRow(0, "Hộ tịch", map[string]int64{"online": 3, "direct": 2}))
	must(f.AddGroup(0, layout.LevelRow, "II", "CẤP HUYỆN"))
	must(f.AddRow(0, "Hộ tịch", map[string]int64{"direct": 1, "district": 1}))
	must(f.AddRow(1, "Hộ tịch", map[string]int64{"done": 2, "linked": 1}))
	if err := f.AddRow(0, "x", map[string]int64{"nope": 1}); !errors.Is(err, ErrInvalid) {
		t.Fatalf("unknown key: %v", err)
	}
	if err := f.AddGroup(1, layout.LevelRow, "I", "CẤP TỈNH"); !errors.Is(err, ErrInvalid) {
		t.Fatalf("part II has no levels: %v", err)
	}
	must(f.Fill())
	if got := f.Value(0, 1, 3); got != 5 {
		t.Fatalf("(3) of Hộ tịch = %d, want 5", got)
	}
	if got := f.Value(0, 4, 5); got != 3 {
		t.Fatalf("TỔNG CỘNG (5) = %d, want 3", got)
	}
	// Part II (4) = 2 ÷ Part I (3) of the same lĩnh vực (first match, 5) × 100 = 40.0
	if got := f.Parts[1].Rows[0].Rates[4]; !got.Equal(decimal.NewFromInt(40)) {
		t.Fatalf("rate = %s", got)
	}
	fs, err := f.Check(kstt.CheckOptions{})
	must(err)
	if len(fs) != 0 {
		t.Fatalf("clean form: %v", fs)
	}
	// The catalogue's checks: cấp huyện in Q4 2025.
	cat, err := NewCatalogue(s)
	must(err)
	rep := &kstt.Report{Header: f.Header, Forms: []kstt.Form{f}}
	fs, err = cat.Check(rep, kstt.CheckOptions{})
	must(err)
	if len(byRule(t, cat, fs, "X.01/R08")) != 1 || len(byRule(t, cat, fs, "X.01/R09")) != 3 {
		t.Fatalf("zero rules: %v", fs)
	}
	// Q2 2024: before "from", no zero finding.
	f.Header.Period = period.Must(period.Quarter(2024, 2))
	rep.Header = f.Header
	fs, _ = cat.Check(rep, kstt.CheckOptions{})
	if len(byRule(t, cat, fs, "X.01/R08"))+len(byRule(t, cat, fs, "X.01/R09")) != 0 {
		t.Fatalf("Q2 2024: %v", fs)
	}
	sheet := kstt.Layout(f)
	if len(sheet.Blocks) != 2 || sheet.Blocks[0].Numbers[2] != "(3)=(4)+(5)" || sheet.Code != "Biểu số X.01/THỬ" {
		t.Fatalf("sheet: %+v", sheet.Blocks[0].Numbers)
	}
	if sheet.Blocks[0].Rows[0].Kind != layout.LevelRow || sheet.Blocks[0].Rows[4].Kind != layout.TotalRow {
		t.Fatal("sheet rows")
	}
	b, err := json.Marshal(f)
	must(err)
	g := s.New(kstt.Header{})
	must(json.Unmarshal(b, g))
	b2, _ := json.Marshal(g)
	if string(b) != string(b2) {
		t.Fatalf("JSON round trip:\n%s\n%s", b, b2)
	}
	if !strings.Contains(string(b), `{"level":"II","title":"CẤP HUYỆN"}`) || !strings.Contains(string(b), `"parts":[{"id":"I"`) {
		t.Fatalf("JSON layout: %s", b)
	}
	// Report JSON through the catalogue.
	rb, err := json.Marshal(rep)
	must(err)
	back, err := cat.DecodeReport(rb)
	must(err)
	if _, ok := back.Forms[0].(*Form); !ok {
		t.Fatal("decoded form is not generic")
	}
	for _, bad := range []string{
		`{"header":{},"rows":[]}`,
		`{"header":{},"parts":[{"id":"III"}]}`,
		`{"header":{},"parts":[{"id":"I","rows":[{"field":"x","online":"3"}]}]}`,
		`{"header":{},"parts":[{"id":"I","rows":[{"field":"x","onlin":3}]}]}`,
		`{"header":{},"parts":[{"id":"II","rows":[{"level":"I","title":"x"}]}]}`,
		`{"header":{},"parts":[{"id":"I","rows":[{"field":"x","online":1.5}]}]}`,
	} {
		if err := json.Unmarshal([]byte(bad), s.New(kstt.Header{})); err == nil {
			t.Errorf("accepted %s", bad)
		}
	}
	var zero Form
	if err := json.Unmarshal(b, &zero); !errors.Is(err, ErrNoSchema) {
		t.Errorf("zero form: %v", err)
	}
	if _, err := kstt.Check(&zero, kstt.CheckOptions{}); err == nil {
		t.Error("a zero Form must not check")
	}
}

// Bad declarations: each error names the JSON path.
func TestErrorsNameThePath(t *testing.T) {
	base, err := os.ReadFile("testdata/small.json")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, from, to, path, msg string
	}{
		{"column that does not exist", `"Phần II: (3) ≤ Phần I (3)"`, `"Phần II: (3) ≤ Phần I (15)"`, "$.rules[4].rule", "column (15) does not exist"},
		{"formula that does not parse", `"Phần I: (3) = (4) + (5)"`, `"Phần I: (3) = (4) + "`, "$.rules[0].rule", "does not parse"},
		{"duplicate column number", `{"num": 5, "key": "direct"`, `{"num": 4, "key": "direct"`, "$.parts[0].columns[4].num", "duplicate column number (4)"},
		{"gap in numbers", `{"num": 6, "key": "district"`, `{"num": 7, "key": "district"`, "$.parts[0].columns[5].num", "without gaps"},
		{"unknown field", `"groups": ["Hồ sơ"], "kind": "count"}`, `"group": ["Hồ sơ"], "kind": "count"}`, "$.parts[0].columns[2].group", "unknown field"},
		{"wrong type", `{"num": 3, "key": "done"`, `{"num": "3", "key": "done"`, "$.parts[1].columns[2].num", "want a whole number"},
		{"bad kind", `"key": "rate", "label": "Tỷ lệ", "kind": "rate"`, `"key": "rate", "label": "Tỷ lệ", "kind": "percent"`, "$.parts[1].columns[3].kind", "want text, count, rate or flag"},
		{"rate in a sum", `"Phần I: (3) = (4) + (5)"`, `"Phần II: (3) = (4) + (3)"`, "$.rules[0].rule", "is a rate column"},
		{"part missing", `"Phần II: (5) ∈ {0, 1}"`, `"Phần III: (5) ∈ {0, 1}"`, "$.rules[6].rule", "no part \"III\""},
		{"no part named", `"Phần I: mọi cột số ≥ 0"`, `"mọi cột số ≥ 0"`, "$.rules[3].rule", "name one"},
		{"duplicate rule ID", `"id": "X.01/R02"`, `"id": "X.01/R01"`, "$.rules[1].id", "also $.rules[0]"},
		{"rule ID prefix", `"id": "X.01/R04"`, `"id": "Y/R04"`, "$.rules[3].id", "starts with \"X.01/\""},
		{"bad date", `"valid_to": "2025-12-31"`, `"valid_to": "31/13/2025"`, "$.edition.valid_to", "want a date"},
		{"reversed edition", `"valid_to": "2025-12-31"`, `"valid_to": "2023-12-31"`, "$.edition.valid_to", "before valid_from"},
		{"from on a sum", `"rule": "Phần I: (3) = (4) + (5)"`, `"rule": "Phần I: (3) = (4) + (5)", "from": "2025-07-01"`, "$.rules[0].from", "only a \"= 0\" rule"},
		{"bad severity", `"rule": "Phần I: TỔNG CỘNG = Σ các dòng"`, `"rule": "Phần I: TỔNG CỘNG = Σ các dòng", "severity": "fatal"`, "$.rules[1].severity", "want error, warning or info"},
		{"group without levels", `"Phần I: «CẤP HUYỆN» = 0"`, `"Phần II: «CẤP HUYỆN» = 0"`, "$.rules[8].rule", "declares no levels"},
		{"text column 3", `{"num": 3, "key": "done", "label": "Xong", "kind": "count"}`, `{"num": 3, "key": "done", "label": "Xong", "kind": "text"}`, "$.parts[1].columns[2].kind", "only columns (1) and (2) are text"},
		{"not JSON", `"code": "X.01",`, `"code": "X.01"`, "$", "not a JSON document"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := strings.Replace(string(base), c.from, c.to, 1)
			if doc == string(base) {
				t.Fatalf("case does not change the document: %s", c.from)
			}
			_, err := Parse([]byte(doc))
			var de *Error
			if !errors.As(err, &de) || !errors.Is(err, ErrInvalid) {
				t.Fatalf("want *Error, got %v", err)
			}
			if de.Path != c.path || !strings.Contains(err.Error(), c.msg) {
				t.Fatalf("got %q, want path %s and %q", err, c.path, c.msg)
			}
		})
	}
	// A formula that does not parse carries the *SyntaxError.
	_, err = Parse([]byte(strings.Replace(string(base), `"Phần I: (3) = (4) + (5)"`, `"Phần I: (3) = (4) +"`, 1)))
	var se *SyntaxError
	if !errors.As(err, &se) || se.Offset == 0 {
		t.Fatalf("want *SyntaxError with an offset, got %v", err)
	}
	// The catalogue refuses a cross-form rule to a form it lacks.
	doc := strings.Replace(string(base), `"files.online = X.01 Phần I Σ(4)"`, `"X.01 Phần I Σ(4) = II.08 Σ(5)"`, 1)
	s, err := Parse([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewCatalogue(s); !errors.Is(err, ErrInvalid) || !errors.Is(err, kstt.ErrUnknownForm) {
		t.Fatalf("want unknown form through ErrInvalid, got %v", err)
	}
	if _, err := Compile(nil); !errors.Is(err, ErrInvalid) {
		t.Fatal(err)
	}
}

func TestParseRule(t *testing.T) {
	good := map[string]Expr{
		"(3) = (4) + (5) + (6)":                 {Op: OpSum, Target: kstt.Ref{Col: 3}, Terms: []kstt.Ref{{Col: 4}, {Col: 5}, {Col: 6}}},
		"Phần I: (3)=(4)+(5)":                   {Op: OpSum, Part: "I", Target: kstt.Ref{Part: "I", Col: 3}, Terms: []kstt.Ref{{Part: "I", Col: 4}, {Part: "I", Col: 5}}},
		"TỔNG CỘNG = Σ các dòng":                {Op: OpTotal},
		"tổng cộng = Σ":                         {Op: OpTotal},
		"mọi cột số ≥ 0":                        {Op: OpNonNegative},
		">= 0":                                  {Op: OpNonNegative},
		"(7) <= (3)":                            {Op: OpAtMost, Target: kstt.Ref{Col: 7}, Terms: []kstt.Ref{{Col: 3}}},
		"Phần II: (4) = (3) / Phần I (8) * 100": {Op: OpRate, Part: "II", Target: kstt.Ref{Part: "II", Col: 4}, Terms: []kstt.Ref{{Part: "II", Col: 3}, {Part: "I", Col: 8}}},
		"(9) ∈ {0, 1}":                          {Op: OpFlag, Target: kstt.Ref{Col: 9}},
		"(9) = 0 hoặc 1":                        {Op: OpFlag, Target: kstt.Ref{Col: 9}},
		"(5), (9), (13) = 0":                    {Op: OpZero, Targets: []kstt.Ref{{Col: 5}, {Col: 9}, {Col: 13}}},
		"«CẤP HUYỆN» = 0":                       {Op: OpZero, Group: "CẤP HUYỆN"},
		"II.06a Σ(4) = II.08 Σ(5) + Σ(8)":       {Op: OpSum, Target: kstt.Ref{Form: "II.06a", Col: 4}, Terms: []kstt.Ref{{Form: "II.08", Col: 5}, {Form: "II.08", Col: 8}}},
		"files.received = II.06a Σ(3)":          {Op: OpSum, Target: kstt.Ref{Field: "files.received"}, Terms: []kstt.Ref{{Form: "II.06a", Col: 3}}},
		"07a/BTP (3) = 07a/BTP (4)":             {Op: OpSum, Target: kstt.Ref{Form: "07a/BTP", Col: 3}, Terms: []kstt.Ref{{Form: "07a/BTP", Col: 4}}},
	}
	for src, want := range good {
		got, err := ParseRule(src)
		if err != nil {
			t.Errorf("%q: %v", src, err)
			continue
		}
		if want.Target == (kstt.Ref{}) && (want.Op == OpTotal || want.Op == OpNonNegative || want.Op == OpZero) {
			want.Target = kstt.Ref{Part: want.Part}
		}
		if got.Op != want.Op || got.Part != want.Part || got.Target != want.Target || got.Group != want.Group ||
			!refsEqual(got.Terms, want.Terms) || !refsEqual(got.Targets, want.Targets) {
			t.Errorf("%q:\n got %+v\nwant %+v", src, *got, want)
		}
	}
	for _, bad := range []string{"", "(3) =", "(3) = (4) +", "(3) ≤ (4) + (5)", "(a) = (4)", "(0) = (1) + (2)", "(3) = (4) (5)",
		"TỔNG CỘNG", "(3) ∈ {0, 2}", "(3), (4) = (5)", "«» = 0", "«CẤP HUYỆN = 0", "(3) = (4) ÷ (5)", "foo = (3)", "(12345) = (1) + (2)",
		"Phần : (3) = (4) + (5)", "\xff(3)"} {
		_, err := ParseRule(bad)
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("%q: want *SyntaxError, got %v", bad, err)
		}
	}
}

func refsEqual(a, b []kstt.Ref) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestFormatRoundTrip(t *testing.T) {
	s := small(t)
	d := s.Declaration()
	b, err := Format(&d)
	if err != nil {
		t.Fatal(err)
	}
	s2, err := Parse(b)
	if err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	b2, _ := Format(func() *Declaration { d := s2.Declaration(); return &d }())
	if string(b) != string(b2) {
		t.Fatalf("Format is not stable:\n%s\n%s", b, b2)
	}
}

func TestRollup(t *testing.T) {
	s := small(t)
	mk := func(unit string, online int64) *Form {
		f := s.New(kstt.Header{Unit: unit})
		_ = f.AddGroup(0, layout.LevelRow, "I", "CẤP TỈNH")
		_ = f.AddRow(0, "Hộ tịch", map[string]int64{"online": online, "direct": 1})
		_ = f.AddRow(0, unit, map[string]int64{"online": 1})
		_ = f.AddRow(1, "Hộ tịch", map[string]int64{"done": 1})
		if err := f.Fill(); err != nil {
			t.Fatal(err)
		}
		return f
	}
	agg, err := s.Rollup(kstt.Header{Unit: "UBND tỉnh"}, mk("A", 2), mk("B", 3))
	if err != nil {
		t.Fatal(err)
	}
	rows := agg.Parts[0].Rows
	if len(rows) != 4 || rows[1].Label != "Hộ tịch" || rows[1].Values[4] != 5 || rows[1].Values[3] != 7 || rows[3].STT != "3" {
		t.Fatalf("rows: %+v", rows)
	}
	if got := agg.Value(0, len(rows), 3); got != 9 {
		t.Fatalf("TỔNG CỘNG (3) = %d, want 9", got)
	}
	if fs, _ := agg.Check(kstt.CheckOptions{}); len(fs) != 0 {
		t.Fatalf("aggregate: %v", fs)
	}
	other := MustCompile(func() *Declaration { d := s.Declaration(); return &d }())
	if _, err := s.Rollup(kstt.Header{}, other.New(kstt.Header{})); !errors.Is(err, ErrInvalid) {
		t.Fatalf("a form of another schema: %v", err)
	}
	big := mk("C", 1<<62)
	if _, err := s.Rollup(kstt.Header{}, big, big, big); !errors.Is(err, kstt.ErrOverflow) {
		t.Fatalf("overflow: %v", err)
	}
}

func TestFillNumbersBlankSTT(t *testing.T) {
	f := small(t).New(kstt.Header{})
	f.Parts[0].Rows = append(f.Parts[0].Rows, Row{Kind: layout.LevelRow, STT: "I", Label: "CẤP TỈNH"}, Row{Label: "a"}, Row{STT: "x", Label: "b"}, Row{Label: "c"})
	if err := f.Fill(); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range f.Parts[0].Rows {
		got = append(got, r.STT)
	}
	if strings.Join(got, ",") != "I,1,x,3" {
		t.Fatalf("STT %v", got)
	}
}

// byRule selects findings through the catalogue's ByRule, so a misspelt
// rule ID fails the test.
func byRule(t testing.TB, cat *kstt.Catalogue, fs kstt.Findings, ids ...kstt.RuleID) kstt.Findings {
	t.Helper()
	got, err := cat.ByRule(fs, ids...)
	if err != nil {
		t.Fatal(err)
	}
	return got
}
