package period

import (
	"errors"
	"testing"
	"unicode/utf8"
)

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"Quý II năm 2024", "quý II/2024", "Quý 2/2024", "QUÝ IV NĂM 2024", "Q2/2024", "Q2 2024",
		"2024-Q2", "Tháng 3 năm 2024", "tháng 03/2024", "6 tháng đầu năm 2024", "6 tháng cuối năm 2024",
		"sáu tháng đầu năm 2024", "9 tháng năm 2024", "9 tháng đầu năm 2024", "Năm 2024", "2024-M03",
		"2024-H1", "2024-9M", "2024-Y", "15/3/2024 – 14/6/2024", "(Từ ngày 15/3/2024 đến ngày 14/6/2024)",
		"từ 15/03/2024 đến 14/06/2024", "(Từ ngày 15/3/2023 – 14/6/2024)", "Kỳ báo cáo: Quý II năm 2024",
		"Quý II năm 2024 (Từ ngày 15/3/2024 đến ngày 14/6/2024)", "31/2/2024 – 1/3/2024", "",
		"2024-03-15 – 2024-06-14", "Năm 0002", "15/12/0001 – 14/12/0002", "\xff",
		"Quý II năm -2024", "Quý 2-2024", "năm 0", "Năm −2024",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := Parse(s)
		if err != nil {
			if !p.IsZero() {
				t.Fatalf("Parse(%q) = %v with error %v", s, p, err)
			}
			if !errors.Is(err, ErrSyntax) && !errors.Is(err, ErrNotAPeriod) && !errors.Is(err, ErrInvalidDate) {
				t.Fatalf("Parse(%q) err = %v: no sentinel", s, err)
			}
			var re *RangeError
			if errors.As(err, &re) && (re.Nearest.IsZero() || re.Reason == "" || re.ReasonEN == "") {
				t.Fatalf("Parse(%q) RangeError incomplete: %+v", s, re)
			}
			_ = err.Error()
			return
		}
		if p.IsZero() || !p.Start().IsValid() || !p.End().IsValid() || p.Days() < 28 {
			t.Fatalf("Parse(%q) = %#v: not a valid period", s, p)
		}
		checkRoundTrip(t, p)
	})
}

func FuzzRoundTrip(f *testing.F) {
	f.Add(uint8(KindQuarter), 2024, 2)
	f.Add(uint8(KindMonth), 2024, 1)
	f.Add(uint8(KindHalf), 2024, 2)
	f.Add(uint8(KindNineMonths), 2024, 0)
	f.Add(uint8(KindYear), 2, 0)
	f.Add(uint8(KindMonth), 1, 2)
	f.Add(uint8(KindMonth), 9999, 12)
	f.Fuzz(func(t *testing.T, kind uint8, year, index int) {
		p, err := New(Kind(kind), year, index)
		if err != nil {
			if !errors.Is(err, ErrInvalidPeriod) {
				t.Fatalf("New err = %v", err)
			}
			return
		}
		if p.Kind() != Kind(kind) || p.Year() != year || p.Index() != index {
			t.Fatalf("New(%d, %d, %d) = %#v", kind, year, index, p)
		}
		checkRoundTrip(t, p)
		for _, d := range []Date{p.Start(), p.End(), p.Start().AddDays(p.Days() / 2)} {
			if c, err := Containing(p.Kind(), d); err != nil || c != p {
				t.Fatalf("Containing(%v, %v) = %v, %v; want %v", p.Kind(), d, c, err, p)
			}
		}
		if n := p.Next(); !n.IsZero() && (n.Prev() != p || n.Compare(p) <= 0) {
			t.Fatalf("%v.Next() = %v, back %v", p, n, n.Prev())
		}
		if q := p.Prev(); !q.IsZero() && (q.Next() != p || q.Compare(p) >= 0) {
			t.Fatalf("%v.Prev() = %v, back %v", p, q, q.Next())
		}
	})
}

// checkRoundTrip checks that every text form of p reads back as p.
func checkRoundTrip(t *testing.T, p Period) {
	t.Helper()
	for _, s := range []string{
		p.String(), p.Code(), p.RangeText(), "(" + p.RangeText() + ")",
		"Kỳ báo cáo: " + p.String(), p.String() + " (" + p.RangeText() + ")",
		p.Start().Vietnamese() + " – " + p.End().Vietnamese(),
	} {
		if !utf8.ValidString(s) {
			t.Fatalf("%#v: invalid UTF-8 %q", p, s)
		}
		q, err := Parse(s)
		if err != nil || q != p {
			t.Fatalf("Parse(%q) = %v, %v; want %v (%s)", s, q, err, p, p.Code())
		}
	}
	if q, err := Identify(p.Start(), p.End()); err != nil || q != p {
		t.Fatalf("Identify(%v, %v) = %v, %v; want %v", p.Start(), p.End(), q, err, p)
	}
	b, err := p.MarshalText()
	if err != nil {
		t.Fatal(err)
	}
	var q Period
	if err := q.UnmarshalText(b); err != nil || q != p {
		t.Fatalf("UnmarshalText(%q) = %v, %v; want %v", b, q, err, p)
	}
	if p.English() == "" || p.Start().After(p.End()) {
		t.Fatalf("%#v: bad English or bounds", p)
	}
}
