package period

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"testing"
	"time"
)

func d(y int, m time.Month, day int) Date { return MustDate(y, m, day) }

func TestNewDate(t *testing.T) {
	tests := []struct {
		y    int
		m    time.Month
		d    int
		want bool
	}{
		{2024, time.February, 29, true},
		{2023, time.February, 29, false},
		{1900, time.February, 29, false},
		{2000, time.February, 29, true},
		{2024, time.April, 31, false},
		{2024, time.December, 31, true},
		{2024, 13, 1, false},
		{2024, 0, 1, false},
		{2024, 1, 0, false},
		{0, 1, 1, false},
		{1, 1, 1, true},
		{9999, 12, 31, true},
		{10000, 1, 1, false},
	}
	for _, tt := range tests {
		got, err := NewDate(tt.y, tt.m, tt.d)
		if (err == nil) != tt.want {
			t.Errorf("NewDate(%d,%d,%d) err = %v, want ok=%v", tt.y, tt.m, tt.d, err, tt.want)
			continue
		}
		if err != nil {
			if !errors.Is(err, ErrInvalidDate) {
				t.Errorf("NewDate(%d,%d,%d) err = %v, not ErrInvalidDate", tt.y, tt.m, tt.d, err)
			}
			var de *DateError
			if !errors.As(err, &de) || de.Date != (Date{tt.y, tt.m, tt.d}) {
				t.Errorf("NewDate(%d,%d,%d) err = %#v", tt.y, tt.m, tt.d, err)
			}
			if !got.IsZero() {
				t.Errorf("NewDate on error returned %v", got)
			}
			continue
		}
		if want := (Date{tt.y, tt.m, tt.d}); got != want || !got.IsValid() {
			t.Errorf("NewDate(%d,%d,%d) = %v", tt.y, tt.m, tt.d, got)
		}
	}
	if (Date{}).IsValid() || !(Date{}).IsZero() {
		t.Error("zero Date: want invalid and zero")
	}
}

func TestParseDate(t *testing.T) {
	want := d(2024, 3, 15)
	for _, s := range []string{
		"15/3/2024", "15/03/2024", "2024-03-15", "15-3-2024", "15.3.2024",
		"  15/3/2024  ", "\t15/03/2024\n", "15 / 3 / 2024", "2024/03/15",
		"ngày 15/3/2024", "Ngày 15 tháng 3 năm 2024", "NGÀY 15 THÁNG 03 NĂM 2024",
		"15‐3‐2024", // U+2010 hyphen
	} {
		got, err := ParseDate(s)
		if err != nil || got != want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	for _, s := range []string{
		"", "   ", "15/3", "15/3/24", "15/3-2024", "31/2/2024", "29/2/2023", "32/1/2024",
		"0/1/2024", "15/13/2024", "15/3/2024 x", "abc", "2024-3", "15/3/20245",
		"015/3/2024", "15/003/2024", "15/3/0000", "2024-02-30", "15 tháng 3 2024",
	} {
		got, err := ParseDate(s)
		if err == nil {
			t.Errorf("ParseDate(%q) = %v, want error", s, got)
			continue
		}
		var se *SyntaxError
		if !errors.Is(err, ErrSyntax) || !errors.As(err, &se) || se.Input != s || se.Msg == "" || se.MsgVI == "" {
			t.Errorf("ParseDate(%q) err = %#v, want *SyntaxError with messages", s, err)
		}
	}
	// An impossible day is a syntax error that also says why.
	_, err := ParseDate("31/2/2024")
	if !errors.Is(err, ErrInvalidDate) {
		t.Errorf("ParseDate(31/2/2024) err = %v, want ErrInvalidDate too", err)
	}
}

func TestDateFormat(t *testing.T) {
	tests := []struct {
		d       Date
		iso, vi string
	}{
		{d(2024, 3, 15), "2024-03-15", "15/3/2024"},
		{d(2023, 12, 5), "2023-12-05", "5/12/2023"},
		{d(7, 1, 1), "0007-01-01", "1/1/0007"},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.iso {
			t.Errorf("%#v.String() = %q, want %q", tt.d, got, tt.iso)
		}
		if got := tt.d.Vietnamese(); got != tt.vi {
			t.Errorf("%#v.Vietnamese() = %q, want %q", tt.d, got, tt.vi)
		}
		for _, s := range []string{tt.iso, tt.vi} {
			if back, err := ParseDate(s); err != nil || back != tt.d {
				t.Errorf("ParseDate(%q) = %v, %v; want %v", s, back, err, tt.d)
			}
		}
	}
}

func TestDateArithmetic(t *testing.T) {
	if got := d(2024, 2, 28).AddDays(1); got != d(2024, 2, 29) {
		t.Errorf("AddDays leap: %v", got)
	}
	if got := d(2023, 12, 31).AddDays(1); got != d(2024, 1, 1) {
		t.Errorf("AddDays year end: %v", got)
	}
	if got := d(2024, 3, 1).AddDays(-1); got != d(2024, 2, 29) {
		t.Errorf("AddDays back: %v", got)
	}
	if got := d(2024, 3, 15).AddDays(0); got != d(2024, 3, 15) {
		t.Errorf("AddDays 0: %v", got)
	}
	// Against the time package, across the whole supported range.
	r := rand.New(rand.NewPCG(1, 2))
	base := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 20000; i++ {
		day := r.IntN(3652059) // days in years 1..9999
		tm := base.AddDate(0, 0, day)
		dd := DateOf(tm)
		if !dd.IsValid() || !dd.Time().Equal(tm) {
			t.Fatalf("DateOf/Time mismatch at %v: %v", tm, dd)
		}
		n := r.IntN(2000) - 1000
		want := DateOf(tm.AddDate(0, 0, n))
		if got := dd.AddDays(n); got != want && want.Year >= 1 {
			t.Fatalf("%v.AddDays(%d) = %v, want %v", dd, n, got, want)
		}
		if got := fromDays(dd.days()); got != dd {
			t.Fatalf("fromDays(days(%v)) = %v", dd, got)
		}
	}
	if got := (Date{2024, 2, 31}).AddDays(0); got != d(2024, 3, 2) {
		t.Errorf("AddDays normalises an invalid date like time.Date: got %v", got)
	}
}

func TestDateCompare(t *testing.T) {
	a, b := d(2024, 3, 14), d(2024, 3, 15)
	if a.Compare(b) != -1 || b.Compare(a) != 1 || a.Compare(a) != 0 {
		t.Error("Compare")
	}
	if !a.Before(b) || a.After(b) || !b.After(a) || a.Before(a) {
		t.Error("Before/After")
	}
	if d(2023, 12, 31).Compare(d(2024, 1, 1)) != -1 || d(2024, 2, 1).Compare(d(2024, 1, 31)) != 1 {
		t.Error("Compare across month/year")
	}
}

func TestDateOfZone(t *testing.T) {
	hcm := time.FixedZone("ICT", 7*3600)
	tm := time.Date(2024, 6, 14, 20, 0, 0, 0, time.UTC) // 15/6 03:00 in Vietnam
	if got := DateOf(tm); got != d(2024, 6, 14) {
		t.Errorf("DateOf UTC = %v", got)
	}
	if got := DateOf(tm.In(hcm)); got != d(2024, 6, 15) {
		t.Errorf("DateOf ICT = %v", got)
	}
}

func TestDateText(t *testing.T) {
	type doc struct {
		D Date `json:"d"`
	}
	in := doc{d(2024, 6, 14)}
	b, err := json.Marshal(in)
	if err != nil || string(b) != `{"d":"2024-06-14"}` {
		t.Fatalf("Marshal = %s, %v", b, err)
	}
	var out doc
	if err := json.Unmarshal(b, &out); err != nil || out != in {
		t.Fatalf("Unmarshal = %v, %v", out, err)
	}
	if err := json.Unmarshal([]byte(`{"d":"14/6/2024"}`), &out); err != nil || out != in {
		t.Errorf("Unmarshal Vietnamese form = %v, %v", out, err)
	}
	if err := json.Unmarshal([]byte(`{"d":""}`), &out); err != nil || !out.D.IsZero() {
		t.Errorf("Unmarshal empty = %v, %v", out, err)
	}
	if b, err := (Date{}).MarshalText(); err != nil || len(b) != 0 {
		t.Errorf("zero MarshalText = %q, %v", b, err)
	}
	if _, err := (Date{2024, 2, 30}).MarshalText(); !errors.Is(err, ErrInvalidDate) {
		t.Errorf("invalid MarshalText err = %v", err)
	}
	if err := json.Unmarshal([]byte(`{"d":"30/2/2024"}`), &out); !errors.Is(err, ErrSyntax) {
		t.Errorf("Unmarshal invalid err = %v", err)
	}
}
