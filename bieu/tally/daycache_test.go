package tally

import (
	"fmt"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Berlin, for days of a clock change
)

// parseDateIn with a dayCache gives what parseDate gives, also on the
// days a zone changes its clock (not remembered) and after the cache was
// filled by another zone.
func TestDayCache(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	var days dayCache
	for _, loc := range []*time.Location{Vietnam(), berlin, time.UTC, berlin} {
		for d := time.Date(2023, 12, 25, 0, 0, 0, 0, time.UTC); d.Year() < 2025; d = d.AddDate(0, 0, 1) {
			for _, s := range []string{d.Format("02/01/2006"), d.Format("2/1/2006 15:04"), d.Format("02/01/2006") + " 02:30",
				d.Format("02/01/2006") + " 23:59:59", d.Format("2006-01-02") + " 03:15", "31/" + d.Format("01/2006")} {
				want, wantOnly, wantOK := parseDate(s, loc)
				got, only, ok := parseDateIn(s, loc, &days)
				if !got.Equal(want) || got.Location() != want.Location() || only != wantOnly || ok != wantOK {
					t.Fatalf("%s in %s: %v %v %v, want %v %v %v", s, loc, got, only, ok, want, wantOnly, wantOK)
				}
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Fatalf("%s in %s: %v, want %v", s, loc, got, want)
				}
			}
		}
	}
}

// The fast path of fixedDate reads its forms as the general reader does,
// and leaves any other text to it.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"15/03/2024", "15/03/2024 08:30", "15/03/2024 08:30:15", "31/04/2024", "29/02/2023 10:00",
		"15/13/2024", "15/03/2024 24:00", "1a/03/2024", "15/03/2024T08:30", "15/03/2024 08:30:6x", "2024-03-15", "00/01/2024",
		"15/03/2024 08:3a", "15/03/2024 08-30", "15/03/20z4", "15/0:/2024", "15\xaf03/2024", "15/03/2024 0\xb8:30", "15/03/2024 08:30;15", "9/03/2024 08:30:15"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.TrimSpace(s)
		if s == "" || len(s) > 40 {
			return
		}
		got, only, ok := parseDate(s, Vietnam())
		want, wantOnly, wantOK := parseAnyDate(s, Vietnam(), nil)
		if !got.Equal(want) || only != wantOnly || ok != wantOK {
			t.Fatalf("%q: %v %v %v, the general reader %v %v %v", s, got, only, ok, want, wantOnly, wantOK)
		}
		// fixedDateIn, recordWith's fast path, gives what the slow path
		// gives, with and without a cache, a due date to its day's end.
		for _, days := range []*dayCache{nil, {}} {
			for _, end := range []bool{false, true} {
				ft, fixed, fok := days.fixedDateIn(s, Vietnam(), end)
				if !fixed {
					continue
				}
				w := want
				if wantOnly && end {
					w = w.Add(24*time.Hour - time.Second)
				}
				if fok != wantOK || fok && (ft != w || ft.Location() != w.Location()) {
					t.Fatalf("%q end %v cache %v: fixedDateIn %v %v, the general reader %v %v", s, end, days != nil, ft, fok, w, wantOK)
				}
				for _, c := range []byte(s) {
					if c >= 0x80 {
						t.Fatalf("%q: fixed but not ASCII", s)
					}
				}
			}
		}
	})
}
