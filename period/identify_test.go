package period

import (
	"errors"
	"strings"
	"testing"
)

func TestIdentifyExact(t *testing.T) {
	tests := []struct {
		from, to Date
		want     Period
	}{
		{d(2023, 12, 15), d(2024, 1, 14), Must(Month(2024, 1))},
		{d(2023, 12, 15), d(2024, 3, 14), Must(Quarter(2024, 1))},
		{d(2024, 3, 15), d(2024, 6, 14), Must(Quarter(2024, 2))},
		{d(2023, 12, 15), d(2024, 6, 14), Must(Half(2024, 1))},
		{d(2024, 6, 15), d(2024, 12, 14), Must(Half(2024, 2))},
		{d(2023, 12, 15), d(2024, 9, 14), Must(NineMonths(2024))},
		{d(2023, 12, 15), d(2024, 12, 14), Must(Year(2024))},
		{d(2024, 11, 15), d(2024, 12, 14), Must(Month(2024, 12))},
		{d(2024, 9, 15), d(2024, 12, 14), Must(Quarter(2024, 4))},
	}
	for _, tt := range tests {
		got, err := Identify(tt.from, tt.to)
		if err != nil || got != tt.want {
			t.Errorf("Identify(%v, %v) = %v, %v; want %v", tt.from, tt.to, got, err, tt.want)
		}
	}
}

func TestIdentifyNearest(t *testing.T) {
	tests := []struct {
		name     string
		from, to Date
		months   int
		nearest  Period
		reason   string // fragment of Reason
		reasonEN string // fragment of ReasonEN
	}{
		{"seed: start year mistyped", d(2023, 3, 15), d(2024, 6, 14), 15, Must(Quarter(2024, 2)),
			"dài 15 tháng, không phải kỳ báo cáo", "15 months long"},
		{"end year mistyped", d(2024, 3, 15), d(2025, 6, 14), 15, Must(Quarter(2025, 2)),
			"dài 15 tháng", "15 months"},
		{"year typo in a half", d(2022, 12, 15), d(2024, 6, 14), 18, Must(Half(2024, 1)),
			"dài 18 tháng", "18 months"},
		{"year typo in a year period", d(2022, 12, 15), d(2024, 12, 14), 24, Must(Year(2024)),
			"dài 24 tháng", "24 months"},
		{"calendar quarter", d(2024, 1, 1), d(2024, 3, 31), 3, Must(Quarter(2024, 1)),
			"tháng dương lịch", "calendar months"},
		{"calendar month", d(2024, 2, 1), d(2024, 2, 29), 1, Must(Month(2024, 2)),
			"tháng dương lịch", "calendar months"},
		{"calendar half", d(2024, 7, 1), d(2024, 12, 31), 6, Must(Half(2024, 2)),
			"tháng dương lịch", "calendar months"},
		{"calendar year", d(2024, 1, 1), d(2024, 12, 31), 12, Must(Year(2024)),
			"tháng dương lịch", "calendar months"},
		{"calendar nine months", d(2024, 1, 1), d(2024, 9, 30), 9, Must(NineMonths(2024)),
			"tháng dương lịch", "calendar months"},
		{"calendar months, no such period", d(2024, 3, 1), d(2024, 6, 30), 4, Must(Quarter(2024, 2)),
			"tháng dương lịch", "calendar months"},
		{"quarter length, wrong months", d(2024, 1, 15), d(2024, 4, 14), 3, Must(Quarter(2024, 1)),
			"dài 3 tháng nhưng không trùng", "matches no reporting period"},
		{"half length, wrong months", d(2024, 5, 15), d(2024, 11, 14), 6, Must(Half(2024, 2)),
			"dài 6 tháng", "6 months"},
		{"start off", d(2024, 3, 1), d(2024, 6, 14), 0, Must(Quarter(2024, 2)),
			"ngày bắt đầu 1/3/2024 không phải ngày 15", "not on a 15th"},
		{"end off", d(2024, 3, 15), d(2024, 6, 16), 0, Must(Quarter(2024, 2)),
			"ngày kết thúc 16/6/2024 không phải ngày 14", "not on a 14th"},
		{"end on 15th", d(2024, 3, 15), d(2024, 6, 15), 0, Must(Quarter(2024, 2)),
			"không phải ngày 14", "not on a 14th"},
		{"end of calendar quarter", d(2024, 3, 15), d(2024, 6, 30), 0, Must(Quarter(2024, 2)),
			"không phải ngày 14", "not on a 14th"},
		{"both off", d(2024, 3, 16), d(2024, 6, 13), 0, Must(Quarter(2024, 2)),
			"không phải ngày 15, ngày kết thúc", "not on a 15th and ends on"},
		{"start after end", d(2024, 6, 14), d(2024, 3, 15), 0, Must(Quarter(2024, 2)),
			"sau ngày kết thúc", "after the end"},
		{"start after end, year typo", d(2024, 3, 15), d(2023, 6, 14), 0, Must(Quarter(2023, 2)),
			"sau ngày kết thúc", "after the end"},
		{"one day", d(2024, 6, 14), d(2024, 6, 14), 0, Must(Month(2024, 6)),
			"không phải ngày 15", "not on a 15th"},
	}
	for _, tt := range tests {
		p, err := Identify(tt.from, tt.to)
		var re *RangeError
		if !errors.As(err, &re) || !errors.Is(err, ErrNotAPeriod) {
			t.Errorf("%s: Identify = %v, %v; want *RangeError", tt.name, p, err)
			continue
		}
		if re.From != tt.from || re.To != tt.to {
			t.Errorf("%s: From/To = %v/%v", tt.name, re.From, re.To)
		}
		if re.Months != tt.months {
			t.Errorf("%s: Months = %d, want %d", tt.name, re.Months, tt.months)
		}
		if re.Nearest != tt.nearest {
			t.Errorf("%s: Nearest = %v, want %v", tt.name, re.Nearest.English(), tt.nearest.English())
		}
		if !strings.Contains(re.Reason, tt.reason) || !strings.Contains(re.Reason, "Nghị định 09/2019/NĐ-CP") && tt.reason != "sau ngày kết thúc" {
			t.Errorf("%s: Reason = %q, want %q", tt.name, re.Reason, tt.reason)
		}
		if !strings.Contains(re.ReasonEN, tt.reasonEN) {
			t.Errorf("%s: ReasonEN = %q, want %q", tt.name, re.ReasonEN, tt.reasonEN)
		}
		if msg := err.Error(); !strings.Contains(msg, re.ReasonEN) || !strings.Contains(msg, re.Reason) ||
			!strings.Contains(msg, re.Nearest.English()) || !strings.Contains(msg, re.Nearest.String()) {
			t.Errorf("%s: Error() = %q lacks a part", tt.name, msg)
		}
	}
}

func TestIdentifyEdgesOfTime(t *testing.T) {
	for _, tt := range []struct {
		from, to Date
		nearest  Period
	}{
		{d(1, 1, 1), d(1, 1, 1), Must(Month(1, 2))},
		{d(1, 1, 1), d(1, 12, 31), Must(Half(1, 2))},
		{d(9999, 12, 20), d(9999, 12, 31), Must(Month(9999, 12))},
		{d(9999, 12, 15), d(9999, 12, 15), Must(Month(9999, 12))},
	} {
		_, err := Identify(tt.from, tt.to)
		var re *RangeError
		if !errors.As(err, &re) || re.Nearest != tt.nearest {
			t.Errorf("Identify(%v, %v) err = %v, want nearest %v", tt.from, tt.to, err, tt.nearest)
		}
	}
}

func TestIdentifyInvalid(t *testing.T) {
	for _, tt := range []struct{ from, to Date }{
		{Date{2024, 2, 30}, d(2024, 6, 14)},
		{d(2024, 3, 15), Date{}},
		{Date{}, Date{}},
	} {
		if _, err := Identify(tt.from, tt.to); !errors.Is(err, ErrInvalidDate) {
			t.Errorf("Identify(%v, %v) err = %v, want ErrInvalidDate", tt.from, tt.to, err)
		}
	}
}

// Every range of whole days in a span either is a period (and Identify
// agrees with the period's bounds) or has a valid Nearest.
func TestIdentifyNearestAlwaysValid(t *testing.T) {
	base := d(2023, 11, 1)
	for i := 0; i < 500; i += 7 {
		for j := -30; j < 420; j += 3 {
			from, to := base.AddDays(i), base.AddDays(i+j)
			p, err := Identify(from, to)
			if err == nil {
				if p.Start() != from || p.End() != to {
					t.Fatalf("Identify(%v, %v) = %v", from, to, p)
				}
				continue
			}
			var re *RangeError
			if !errors.As(err, &re) || re.Nearest.IsZero() || re.Reason == "" || re.ReasonEN == "" {
				t.Fatalf("Identify(%v, %v) err = %v", from, to, err)
			}
		}
	}
}
