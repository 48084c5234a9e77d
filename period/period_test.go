package period

import (
	"encoding/json"
	"errors"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
)

// table of every kind: constructor, bounds, names.
var periodTable = []struct {
	p          Period
	kind       Kind
	year, idx  int
	start, end Date
	days       int
	vi, code   string
	rangeText  string
	english    string
}{
	{Must(Month(2024, time.January)), KindMonth, 2024, 1, d(2023, 12, 15), d(2024, 1, 14), 31,
		"Tháng 1 năm 2024", "2024-M01", "Từ ngày 15/12/2023 đến ngày 14/1/2024",
		"January 2024 (15 Dec 2023 – 14 Jan 2024)"},
	{Must(Month(2024, time.March)), KindMonth, 2024, 3, d(2024, 2, 15), d(2024, 3, 14), 29,
		"Tháng 3 năm 2024", "2024-M03", "Từ ngày 15/2/2024 đến ngày 14/3/2024",
		"March 2024 (15 Feb 2024 – 14 Mar 2024)"},
	{Must(Month(2023, time.March)), KindMonth, 2023, 3, d(2023, 2, 15), d(2023, 3, 14), 28,
		"Tháng 3 năm 2023", "2023-M03", "Từ ngày 15/2/2023 đến ngày 14/3/2023",
		"March 2023 (15 Feb 2023 – 14 Mar 2023)"},
	{Must(Month(2024, time.December)), KindMonth, 2024, 12, d(2024, 11, 15), d(2024, 12, 14), 30,
		"Tháng 12 năm 2024", "2024-M12", "Từ ngày 15/11/2024 đến ngày 14/12/2024",
		"December 2024 (15 Nov 2024 – 14 Dec 2024)"},
	{Must(Quarter(2024, 1)), KindQuarter, 2024, 1, d(2023, 12, 15), d(2024, 3, 14), 91,
		"Quý I năm 2024", "2024-Q1", "Từ ngày 15/12/2023 đến ngày 14/3/2024",
		"Q1 2024 (15 Dec 2023 – 14 Mar 2024)"},
	{Must(Quarter(2024, 2)), KindQuarter, 2024, 2, d(2024, 3, 15), d(2024, 6, 14), 92,
		"Quý II năm 2024", "2024-Q2", "Từ ngày 15/3/2024 đến ngày 14/6/2024",
		"Q2 2024 (15 Mar 2024 – 14 Jun 2024)"},
	{Must(Quarter(2024, 3)), KindQuarter, 2024, 3, d(2024, 6, 15), d(2024, 9, 14), 92,
		"Quý III năm 2024", "2024-Q3", "Từ ngày 15/6/2024 đến ngày 14/9/2024",
		"Q3 2024 (15 Jun 2024 – 14 Sep 2024)"},
	{Must(Quarter(2024, 4)), KindQuarter, 2024, 4, d(2024, 9, 15), d(2024, 12, 14), 91,
		"Quý IV năm 2024", "2024-Q4", "Từ ngày 15/9/2024 đến ngày 14/12/2024",
		"Q4 2024 (15 Sep 2024 – 14 Dec 2024)"},
	{Must(Half(2024, 1)), KindHalf, 2024, 1, d(2023, 12, 15), d(2024, 6, 14), 183,
		"6 tháng đầu năm 2024", "2024-H1", "Từ ngày 15/12/2023 đến ngày 14/6/2024",
		"first half of 2024 (15 Dec 2023 – 14 Jun 2024)"},
	{Must(Half(2024, 2)), KindHalf, 2024, 2, d(2024, 6, 15), d(2024, 12, 14), 183,
		"6 tháng cuối năm 2024", "2024-H2", "Từ ngày 15/6/2024 đến ngày 14/12/2024",
		"second half of 2024 (15 Jun 2024 – 14 Dec 2024)"},
	{Must(NineMonths(2024)), KindNineMonths, 2024, 0, d(2023, 12, 15), d(2024, 9, 14), 275,
		"9 tháng năm 2024", "2024-9M", "Từ ngày 15/12/2023 đến ngày 14/9/2024",
		"first nine months of 2024 (15 Dec 2023 – 14 Sep 2024)"},
	{Must(Year(2024)), KindYear, 2024, 0, d(2023, 12, 15), d(2024, 12, 14), 366,
		"Năm 2024", "2024-Y", "Từ ngày 15/12/2023 đến ngày 14/12/2024",
		"year 2024 (15 Dec 2023 – 14 Dec 2024)"},
	{Must(Year(2025)), KindYear, 2025, 0, d(2024, 12, 15), d(2025, 12, 14), 365,
		"Năm 2025", "2025-Y", "Từ ngày 15/12/2024 đến ngày 14/12/2025",
		"year 2025 (15 Dec 2024 – 14 Dec 2025)"},
	{Must(Year(2)), KindYear, 2, 0, d(1, 12, 15), d(2, 12, 14), 365,
		"Năm 0002", "0002-Y", "Từ ngày 15/12/0001 đến ngày 14/12/0002",
		"year 0002 (15 Dec 0001 – 14 Dec 0002)"},
	{Must(Month(9999, time.December)), KindMonth, 9999, 12, d(9999, 11, 15), d(9999, 12, 14), 30,
		"Tháng 12 năm 9999", "9999-M12", "Từ ngày 15/11/9999 đến ngày 14/12/9999",
		"December 9999 (15 Nov 9999 – 14 Dec 9999)"},
}

func TestPeriodBounds(t *testing.T) {
	for _, tt := range periodTable {
		p := tt.p
		if p.Kind() != tt.kind || p.Year() != tt.year || p.Index() != tt.idx || p.IsZero() {
			t.Errorf("%s: Kind/Year/Index = %v/%d/%d", tt.code, p.Kind(), p.Year(), p.Index())
		}
		if p.Start() != tt.start || p.End() != tt.end {
			t.Errorf("%s: Start/End = %v/%v, want %v/%v", tt.code, p.Start(), p.End(), tt.start, tt.end)
		}
		if p.Days() != tt.days {
			t.Errorf("%s: Days = %d, want %d", tt.code, p.Days(), tt.days)
		}
		if got := p.String(); got != tt.vi {
			t.Errorf("%s: String = %q, want %q", tt.code, got, tt.vi)
		}
		if got := p.Code(); got != tt.code {
			t.Errorf("%s: Code = %q", tt.code, got)
		}
		if got := p.RangeText(); got != tt.rangeText {
			t.Errorf("%s: RangeText = %q, want %q", tt.code, got, tt.rangeText)
		}
		if got := p.English(); got != tt.english {
			t.Errorf("%s: English = %q, want %q", tt.code, got, tt.english)
		}
		if !p.Contains(tt.start) || !p.Contains(tt.end) || p.Contains(tt.start.AddDays(-1)) || p.Contains(tt.end.AddDays(1)) {
			t.Errorf("%s: Contains wrong at the bounds", tt.code)
		}
		if q, err := New(tt.kind, tt.year, tt.idx); err != nil || q != p {
			t.Errorf("%s: New = %v, %v", tt.code, q, err)
		}
		if q, err := Identify(tt.start, tt.end); err != nil || q != p {
			t.Errorf("%s: Identify = %v, %v", tt.code, q, err)
		}
	}
}

func TestKind(t *testing.T) {
	want := map[Kind][2]any{
		KindMonth: {"month", 1}, KindQuarter: {"quarter", 3}, KindHalf: {"half", 6},
		KindNineMonths: {"nine-months", 9}, KindYear: {"year", 12}, 0: {"Kind(0)", 0}, 9: {"Kind(9)", 0},
	}
	for k, w := range want {
		if k.String() != w[0] || k.Months() != w[1] {
			t.Errorf("Kind %d: %q %d", k, k.String(), k.Months())
		}
	}
}

func TestConstructorErrors(t *testing.T) {
	bad := []struct {
		name string
		err  error
	}{
		{"month 0", func() error { _, err := Month(2024, 0); return err }()},
		{"month 13", func() error { _, err := Month(2024, 13); return err }()},
		{"quarter 0", func() error { _, err := Quarter(2024, 0); return err }()},
		{"quarter 5", func() error { _, err := Quarter(2024, 5); return err }()},
		{"half 3", func() error { _, err := Half(2024, 3); return err }()},
		{"year 0", func() error { _, err := Year(0); return err }()},
		{"year 1 starts in year 0", func() error { _, err := Year(1); return err }()},
		{"Q1 of year 1", func() error { _, err := Quarter(1, 1); return err }()},
		{"9M of year 1", func() error { _, err := NineMonths(1); return err }()},
		{"year 10000", func() error { _, err := Year(10000); return err }()},
		{"kind 0", func() error { _, err := New(0, 2024, 1); return err }()},
		{"kind 6", func() error { _, err := New(6, 2024, 1); return err }()},
		{"year with index", func() error { _, err := New(KindYear, 2024, 1); return err }()},
	}
	for _, tt := range bad {
		var pe *PeriodError
		if !errors.Is(tt.err, ErrInvalidPeriod) || !errors.As(tt.err, &pe) || pe.Msg == "" {
			t.Errorf("%s: err = %v, want *PeriodError", tt.name, tt.err)
		}
	}
	// The first periods that exist.
	for _, p := range []func() (Period, error){
		func() (Period, error) { return Month(1, time.February) },
		func() (Period, error) { return Quarter(1, 2) },
		func() (Period, error) { return Half(1, 2) },
	} {
		if _, err := p(); err != nil {
			t.Errorf("want ok: %v", err)
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("Must did not panic")
		}
	}()
	Must(Quarter(2024, 5))
}

func TestContaining(t *testing.T) {
	tests := []struct {
		d    Date
		kind Kind
		want Period
	}{
		{d(2024, 12, 14), KindMonth, Must(Month(2024, 12))},
		{d(2024, 12, 15), KindMonth, Must(Month(2025, 1))},
		{d(2024, 12, 31), KindMonth, Must(Month(2025, 1))},
		{d(2025, 1, 1), KindMonth, Must(Month(2025, 1))},
		{d(2025, 1, 14), KindMonth, Must(Month(2025, 1))},
		{d(2025, 1, 15), KindMonth, Must(Month(2025, 2))},
		{d(2024, 3, 14), KindMonth, Must(Month(2024, 3))},
		{d(2024, 2, 29), KindMonth, Must(Month(2024, 3))},
		{d(2024, 12, 14), KindQuarter, Must(Quarter(2024, 4))},
		{d(2024, 12, 15), KindQuarter, Must(Quarter(2025, 1))},
		{d(2024, 12, 20), KindQuarter, Must(Quarter(2025, 1))},
		{d(2024, 3, 14), KindQuarter, Must(Quarter(2024, 1))},
		{d(2024, 3, 15), KindQuarter, Must(Quarter(2024, 2))},
		{d(2024, 6, 14), KindQuarter, Must(Quarter(2024, 2))},
		{d(2024, 6, 15), KindQuarter, Must(Quarter(2024, 3))},
		{d(2024, 9, 15), KindQuarter, Must(Quarter(2024, 4))},
		{d(2024, 6, 14), KindHalf, Must(Half(2024, 1))},
		{d(2024, 6, 15), KindHalf, Must(Half(2024, 2))},
		{d(2024, 12, 14), KindHalf, Must(Half(2024, 2))},
		{d(2024, 12, 15), KindHalf, Must(Half(2025, 1))},
		{d(2023, 12, 15), KindNineMonths, Must(NineMonths(2024))},
		{d(2024, 9, 14), KindNineMonths, Must(NineMonths(2024))},
		{d(2024, 12, 20), KindNineMonths, Must(NineMonths(2025))},
		{d(2024, 12, 14), KindYear, Must(Year(2024))},
		{d(2024, 12, 15), KindYear, Must(Year(2025))},
		{d(2024, 12, 20), KindYear, Must(Year(2025))},
		{d(2024, 1, 1), KindYear, Must(Year(2024))},
		{d(1, 2, 1), KindMonth, Must(Month(1, 2))},
		{d(9999, 12, 14), KindYear, Must(Year(9999))},
	}
	for _, tt := range tests {
		got, err := Containing(tt.kind, tt.d)
		if err != nil || got != tt.want {
			t.Errorf("Containing(%v, %v) = %v, %v; want %v", tt.kind, tt.d, got, err, tt.want)
			continue
		}
		if !got.Contains(tt.d) {
			t.Errorf("Containing(%v, %v) = %v does not contain it", tt.kind, tt.d, got)
		}
	}
}

func TestContainingErrors(t *testing.T) {
	for _, dd := range []Date{d(2024, 9, 15), d(2024, 10, 1), d(2024, 12, 14)} {
		_, err := Containing(KindNineMonths, dd)
		var ne *NoPeriodError
		if !errors.Is(err, ErrNoPeriod) || !errors.As(err, &ne) || ne.Date != dd || ne.Kind != KindNineMonths {
			t.Errorf("Containing(9M, %v) err = %v, want *NoPeriodError", dd, err)
		}
	}
	for _, tt := range []struct {
		k  Kind
		d  Date
		is error
	}{
		{KindYear, d(9999, 12, 15), ErrNoPeriod},
		{KindMonth, d(9999, 12, 31), ErrNoPeriod},
		{KindYear, d(1, 1, 1), ErrNoPeriod},
		{KindQuarter, d(1, 3, 1), ErrNoPeriod},
		{KindMonth, d(1, 1, 14), ErrNoPeriod},
		{KindMonth, Date{2024, 2, 30}, ErrInvalidDate},
		{KindMonth, Date{}, ErrInvalidDate},
		{0, d(2024, 1, 1), ErrInvalidPeriod},
		{99, d(2024, 1, 1), ErrInvalidPeriod},
	} {
		if _, err := Containing(tt.k, tt.d); !errors.Is(err, tt.is) {
			t.Errorf("Containing(%v, %v) err = %v, want %v", tt.k, tt.d, err, tt.is)
		}
	}
}

// Every day of a span of years is in exactly the period Containing says,
// and in no neighbour of it.
func TestContainingExhaustive(t *testing.T) {
	for day := d(2019, 12, 1); day.Before(d(2026, 2, 1)); day = day.AddDays(1) {
		for _, k := range kinds {
			p, err := Containing(k, day)
			if err != nil {
				if k == KindNineMonths && errors.Is(err, ErrNoPeriod) {
					if q := Must(NineMonths(day.Year)); q.Contains(day) {
						t.Fatalf("%v: no 9M period, but %v holds it", day, q)
					}
					continue
				}
				t.Fatalf("Containing(%v, %v): %v", k, day, err)
			}
			if !p.Contains(day) || p.Next().Contains(day) || p.Prev().Contains(day) {
				t.Fatalf("Containing(%v, %v) = %v: Contains wrong", k, day, p)
			}
		}
	}
}

func TestNextPrev(t *testing.T) {
	tests := []struct{ p, next Period }{
		{Must(Month(2024, 12)), Must(Month(2025, 1))},
		{Must(Month(2024, 1)), Must(Month(2024, 2))},
		{Must(Quarter(2024, 4)), Must(Quarter(2025, 1))},
		{Must(Quarter(2024, 1)), Must(Quarter(2024, 2))},
		{Must(Half(2024, 2)), Must(Half(2025, 1))},
		{Must(Half(2024, 1)), Must(Half(2024, 2))},
		{Must(NineMonths(2024)), Must(NineMonths(2025))},
		{Must(Year(2024)), Must(Year(2025))},
	}
	for _, tt := range tests {
		if got := tt.p.Next(); got != tt.next {
			t.Errorf("%v.Next() = %v, want %v", tt.p, got, tt.next)
		}
		if got := tt.next.Prev(); got != tt.p {
			t.Errorf("%v.Prev() = %v, want %v", tt.next, got, tt.p)
		}
	}
	// Periods of one kind other than nine-months tile time: each starts the
	// day after the previous one ends.
	for _, k := range []Kind{KindMonth, KindQuarter, KindHalf, KindYear} {
		p := Must(Containing(k, d(2019, 1, 1)))
		for i := 0; i < 100; i++ {
			n := p.Next()
			if n.Start() != p.End().AddDays(1) || n.Prev() != p || p.Next().Prev() != p {
				t.Fatalf("%v -> %v does not tile", p, n)
			}
			p = n
		}
	}
	for _, tt := range []Period{Must(Year(9999)), Must(Month(9999, 12)), Must(Quarter(9999, 4))} {
		if !tt.Next().IsZero() {
			t.Errorf("%v.Next() = %v, want zero", tt, tt.Next())
		}
	}
	for _, tt := range []Period{Must(Year(2)), Must(Month(1, 2)), Must(Quarter(1, 2)), Must(Half(1, 2))} {
		if !tt.Prev().IsZero() {
			t.Errorf("%v.Prev() = %v, want zero", tt, tt.Prev())
		}
	}
	var zero Period
	if !zero.Next().IsZero() || !zero.Prev().IsZero() {
		t.Error("zero Next/Prev")
	}
}

func TestZeroPeriod(t *testing.T) {
	var z Period
	if !z.IsZero() || z.Kind() != 0 || z.Year() != 0 || z.Index() != 0 {
		t.Error("zero accessors")
	}
	if !z.Start().IsZero() || !z.End().IsZero() || z.Days() != 0 || z.Contains(d(2024, 1, 1)) {
		t.Error("zero bounds")
	}
	if z.String() != "" || z.Code() != "" || z.RangeText() != "" || z.English() != "" {
		t.Error("zero text")
	}
	if z.Compare(Must(Month(2, 1))) != -1 {
		t.Error("zero sorts first")
	}
}

func TestCompare(t *testing.T) {
	ps := []Period{
		Must(Year(2024)), Must(Quarter(2024, 2)), Must(Month(2024, 1)), Must(Half(2024, 1)),
		Must(Quarter(2024, 1)), Must(NineMonths(2024)), Must(Month(2024, 2)), Must(Half(2024, 2)),
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].Compare(ps[j]) < 0 })
	var got []string
	for _, p := range ps {
		got = append(got, p.Code())
	}
	want := []string{"2024-M01", "2024-Q1", "2024-H1", "2024-9M", "2024-Y", "2024-M02", "2024-Q2", "2024-H2"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("sorted = %v, want %v", got, want)
		}
	}
	q := Must(Quarter(2024, 2))
	if q.Compare(q) != 0 || q.Compare(q.Next()) != -1 || q.Next().Compare(q) != 1 {
		t.Error("Compare")
	}
}

func TestPeriodText(t *testing.T) {
	type doc struct {
		P Period `json:"p"`
		Z Period `json:"z"`
	}
	in := doc{P: Must(Quarter(2024, 2))}
	b, err := json.Marshal(in)
	if err != nil || string(b) != `{"p":"2024-Q2","z":""}` {
		t.Fatalf("Marshal = %s, %v", b, err)
	}
	var out doc
	if err := json.Unmarshal(b, &out); err != nil || out != in {
		t.Fatalf("Unmarshal = %+v, %v", out, err)
	}
	for _, tt := range periodTable {
		b, err := tt.p.MarshalText()
		if err != nil || string(b) != tt.code {
			t.Errorf("MarshalText(%v) = %q, %v", tt.p, b, err)
		}
		for _, s := range []string{tt.code, tt.vi, tt.rangeText, "(" + tt.rangeText + ")"} {
			var p Period
			if err := p.UnmarshalText([]byte(s)); err != nil || p != tt.p {
				t.Errorf("UnmarshalText(%q) = %v, %v", s, p, err)
			}
		}
	}
	var p Period = Must(Year(2024))
	if err := p.UnmarshalText(nil); err != nil || !p.IsZero() {
		t.Errorf("UnmarshalText(empty) = %v, %v", p, err)
	}
	if err := p.UnmarshalText([]byte("Quý V năm 2024")); !errors.Is(err, ErrSyntax) {
		t.Errorf("UnmarshalText(bad) err = %v", err)
	}
}

func TestNoAllocs(t *testing.T) {
	q := Must(Quarter(2024, 2))
	day := d(2024, 12, 20)
	var sink Period
	var sinkD Date
	checks := map[string]func(){
		"Start":      func() { sinkD = q.Start() },
		"End":        func() { sinkD = q.End() },
		"Containing": func() { sink, _ = Containing(KindQuarter, day) },
		"Containing9M": func() {
			sink, _ = Containing(KindNineMonths, d(2024, 5, 1))
		},
		"Contains": func() { _ = q.Contains(day) },
		"Days":     func() { _ = q.Days() },
		"NextPrev": func() { sink = q.Next().Prev() },
		"Compare":  func() { _ = q.Compare(sink) },
	}
	for name, f := range checks {
		if n := testing.AllocsPerRun(100, f); n != 0 {
			t.Errorf("%s allocates %v times", name, n)
		}
	}
	_, _ = sink, sinkD
}

// Defect: the package doc said String and RangeText give "Kỳ báo cáo: Quý
// II năm 2024" and "(Từ ngày 15/3/2024 …)"; they return neither the label
// nor the parentheses. Every quoted result the doc's Text section gives
// for them must be what they return.
func TestPackageDocStringAndRangeText(t *testing.T) {
	data, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(string(data), "\n") {
		lines = append(lines, strings.TrimSpace(strings.TrimPrefix(l, "//")))
	}
	doc := strings.Join(lines, " ")
	_, text, ok := strings.Cut(doc, "# Text")
	if !ok {
		t.Fatal("doc.go has no # Text section")
	}
	text, _, _ = strings.Cut(text, "# Errors")
	p := Must(Quarter(2024, 2))
	for method, got := range map[string]string{"String": p.String(), "RangeText": p.RangeText(), "Code": p.Code()} {
		re := regexp.MustCompile(method + ` returns [^"]*"([^"]*)"`)
		m := re.FindStringSubmatch(text)
		if m == nil {
			t.Errorf("the doc does not say what %s returns:\n%s", method, text)
			continue
		}
		if m[1] != got {
			t.Errorf("the doc says %s returns %q; it returns %q", method, m[1], got)
		}
	}
	for _, wrong := range []string{`"Kỳ báo cáo: Quý II năm 2024"`, `"(Từ ngày 15/3/2024`} {
		if strings.Contains(text, wrong) {
			t.Errorf("the doc still quotes %s as a result", wrong)
		}
	}
	if h := "Kỳ báo cáo: " + p.String() + "\n(" + p.RangeText() + ")"; h != "Kỳ báo cáo: Quý II năm 2024\n(Từ ngày 15/3/2024 đến ngày 14/6/2024)" {
		t.Errorf("heading built as the doc says: %q", h)
	}
}
