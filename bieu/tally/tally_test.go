package tally

import (
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/period"
)

var q3 = period.Must(period.Quarter(2024, 3))

func at(d, m, y, hh, mm int) time.Time {
	return time.Date(y, time.Month(m), d, hh, mm, 0, 0, Vietnam())
}

func tallyOf(t *testing.T, p period.Period, pol Policy, rs ...Record) *Result {
	t.Helper()
	tl, err := New(p, pol)
	if err != nil {
		t.Fatal(err)
	}
	if err := tl.AddSeq(seqOf(rs)); err != nil {
		t.Fatal(err)
	}
	res, err := tl.Result(kstt.Header{Unit: "Sở Tư pháp", Recipient: "UBND tỉnh"})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func rec(code string, recv, due, fin time.Time) Record {
	return Record{Code: code, Field: "Hộ tịch", Level: bieu.ProvinceLevel, Channel: Direct, Received: recv, Due: due, Finished: fin}
}

func TestBoundaryMidnight(t *testing.T) {
	a := rec("A", at(14, 9, 2024, 23, 59), at(20, 9, 2024, 0, 0), time.Time{})
	b := rec("B", at(15, 9, 2024, 0, 0), at(20, 9, 2024, 0, 0), time.Time{})
	r3 := tallyOf(t, q3, Policy{}, a, b)
	r4 := tallyOf(t, q3.Next(), Policy{}, a, b)
	if r3.Files.New != 1 || r3.Files.Pending != 1 {
		t.Errorf("Q3: new %d pending %d, want 1 and 1 (only A)", r3.Files.New, r3.Files.Pending)
	}
	if r4.Files.New != 1 || r4.Files.CarriedOver != 1 {
		t.Errorf("Q4: new %d carried over %d, want 1 (B) and 1 (A)", r4.Files.New, r4.Files.CarriedOver)
	}
	// The same instants written in UTC land the same way.
	a.Received = a.Received.UTC()
	b.Received = b.Received.UTC()
	if r := tallyOf(t, q3, Policy{}, a, b); r.Files.New != 1 {
		t.Errorf("UTC instants: Q3 new %d, want 1", r.Files.New)
	}
	// Under a fixed UTC+7 zone (no tzdata) the window is the same.
	if r := tallyOf(t, q3, Policy{Location: time.FixedZone("UTC+7", 7*3600)}, a, b); r.Files.New != 1 {
		t.Errorf("fixed zone: Q3 new %d, want 1", r.Files.New)
	}
}

func TestTimeliness(t *testing.T) {
	due := at(10, 9, 2024, 17, 0)
	cases := []struct {
		fin  time.Time
		pol  Policy
		want [3]int64 // early, on time, late
	}{
		{at(9, 9, 2024, 23, 0), Policy{}, [3]int64{1, 0, 0}},
		{at(10, 9, 2024, 8, 0), Policy{}, [3]int64{0, 1, 0}},   // the due day: đúng hạn
		{at(10, 9, 2024, 23, 59), Policy{}, [3]int64{0, 1, 0}}, // by day: still the due day
		{at(11, 9, 2024, 0, 0), Policy{}, [3]int64{0, 0, 1}},
		{at(10, 9, 2024, 18, 0), Policy{Timeliness: ByTimestamp}, [3]int64{0, 0, 1}},
		{at(10, 9, 2024, 16, 0), Policy{Timeliness: ByTimestamp}, [3]int64{0, 1, 0}},
	}
	for i, c := range cases {
		r := tallyOf(t, q3, c.pol, rec("X", at(1, 9, 2024, 8, 0), due, c.fin))
		got := [3]int64{r.Files.Early, r.Files.OnTime, r.Files.Late}
		if got != c.want {
			t.Errorf("case %d: finished %v: got %v, want %v", i, c.fin, got, c.want)
		}
	}
}

func TestPendingJudgedAtEnd(t *testing.T) {
	overdue := rec("OD", at(1, 9, 2024, 8, 0), at(13, 9, 2024, 17, 0), time.Time{})
	dueLast := rec("DL", at(1, 9, 2024, 8, 0), at(14, 9, 2024, 17, 0), time.Time{})
	r := tallyOf(t, q3, Policy{}, overdue, dueLast)
	if r.Files.PendingOverdue != 1 || r.Files.PendingOnTime != 1 {
		t.Errorf("pending overdue %d in time %d, want 1 and 1", r.Files.PendingOverdue, r.Files.PendingOnTime)
	}
	// A pause moves the due date (ShiftDue) or not.
	p := overdue
	p.Code = "P"
	p.Pauses = []Pause{{From: at(5, 9, 2024, 8, 0), To: at(8, 9, 2024, 8, 0)}}
	if r := tallyOf(t, q3, Policy{}, p); r.Files.PendingOnTime != 1 {
		t.Errorf("ShiftDue: a 3-day pause should move 13/9 to 16/9: %+v", r.Files)
	}
	if r := tallyOf(t, q3, Policy{Pauses: IgnorePauses}, p); r.Files.PendingOverdue != 1 {
		t.Errorf("IgnorePauses: %+v", r.Files)
	}
}

func TestStatusAfterPeriodChangesNothing(t *testing.T) {
	base := rec("S", at(1, 9, 2024, 8, 0), at(20, 9, 2024, 17, 0), time.Time{})
	want := tallyOf(t, q3, Policy{}, base)
	for _, o := range []Outcome{Resolved, Returned, Withdrawn, Stopped} {
		later := base
		later.Finished, later.Outcome = at(1, 10, 2024, 9, 0), o
		got := tallyOf(t, q3, Policy{}, later)
		if d := cmp.Diff(want.II06a, got.II06a, cmpopts.IgnoreUnexported(bieu.II06a{}), cmpopts.EquateComparable(period.Period{})); d != "" {
			t.Errorf("outcome %v recorded in Q4 changed Q3:\n%s", o, d)
		}
	}
}

func TestClosingPolicy(t *testing.T) {
	w := rec("W", at(1, 9, 2024, 8, 0), at(20, 9, 2024, 17, 0), at(5, 9, 2024, 9, 0))
	w.Outcome = Withdrawn
	r := tallyOf(t, q3, Policy{}, w)
	if r.Files.OnTime != 1 {
		t.Errorf("CountOnTime: %+v", r.Files)
	}
	r = tallyOf(t, q3, Policy{Closing: LeaveOut}, w)
	if r.Files.Resolved != 0 || r.Files.Received != 1 {
		t.Errorf("LeaveOut: %+v", r.Files)
	}
	var bal []kstt.Finding
	for _, f := range r.Findings {
		if f.Rule == RuleBalance {
			bal = append(bal, f)
		}
	}
	if len(bal) != 1 || bal[0].Policy != PolicyClosing {
		t.Fatalf("LeaveOut must say (3) ≠ (7)+(11) naming %s: %v", PolicyClosing, r.Findings)
	}
	found, err := bieu.Check(r.Report(), kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if hits, err := bieu.ByRule(found, bieu.RuleII06aR06); err != nil || len(hits) == 0 {
		t.Errorf("Check should see (3) ≠ (7)+(11): %v", found)
	}
}

func TestProblems(t *testing.T) {
	good := rec("G", at(1, 9, 2024, 8, 0), at(10, 9, 2024, 17, 0), at(9, 9, 2024, 9, 0))
	mk := func(f func(*Record)) Record { r := good; f(&r); return r }
	asOf := at(1, 10, 2024, 0, 0)
	cases := []struct {
		p   Problem
		bad Record
	}{
		{ProblemFinishedBeforeReceived, mk(func(r *Record) { r.Code = "FB"; r.Finished = at(31, 8, 2024, 8, 0) })},
		{ProblemNoDueDate, mk(func(r *Record) { r.Code = "ND"; r.Due = time.Time{} })},
		{ProblemFutureDate, mk(func(r *Record) { r.Code = "FD"; r.Finished = at(2, 10, 2024, 8, 0) })},
		{ProblemUnknownChannel, mk(func(r *Record) { r.Code = "UC"; r.Channel = ChannelUnknown })},
		{ProblemUnknownField, mk(func(r *Record) { r.Code = "UF"; r.Field = "" })},
		{ProblemDuplicateCode, mk(func(r *Record) {})},
		{ProblemNoReceivedDate, mk(func(r *Record) { r.Code = "NR"; r.Received = time.Time{} })},
		{ProblemUnknownLevel, mk(func(r *Record) { r.Code = "UL"; r.Level = bieu.LevelUnknown })},
	}
	for _, c := range cases {
		for _, a := range []Action{Count, Skip, Fail} {
			pol := Policy{AsOf: asOf, Actions: map[Problem]Action{c.p: a}}
			tl, _ := New(q3, pol)
			_ = tl.Add(good)
			err := tl.Add(c.bad)
			if a == Fail {
				var re *RecordError
				if !errors.As(err, &re) || !errors.Is(err, ErrBadRecord) || re.Code != c.bad.Code || re.Problem != c.p {
					t.Errorf("%s %v: err %v", c.p.Rule(), a, err)
				}
				continue
			}
			if err != nil {
				t.Fatalf("%s %v: %v", c.p.Rule(), a, err)
			}
			res, _ := tl.Result(kstt.Header{Unit: "Sở Tư pháp", Recipient: "UBND tỉnh"})
			var f *kstt.Finding
			for i := range res.Findings {
				if res.Findings[i].Rule == c.p.Rule() {
					f = &res.Findings[i]
				}
			}
			if f == nil || f.Record != c.bad.Code || f.Action != a.String() {
				t.Errorf("%s %v: finding %+v", c.p.Rule(), a, res.Findings)
				continue
			}
			wantCounted := int64(2)
			if a == Skip || c.p == ProblemNoReceivedDate {
				wantCounted = 1
			}
			if res.Files.Received != wantCounted {
				t.Errorf("%s %v: received %d, want %d", c.p.Rule(), a, res.Files.Received, wantCounted)
			}
			mustBeClean(t, res)
		}
	}
}

func mustBeClean(t *testing.T, res *Result) {
	t.Helper()
	found, err := bieu.Check(res.Report(), kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(found) > 0 {
		t.Errorf("Check of a tally found %d: %v", len(found), found)
	}
}

func TestRandomHistoriesCheckClean(t *testing.T) {
	for seed := uint64(1); seed <= 40; seed++ {
		rs := history(seed, 3000, at(1, 1, 2024, 0, 0), 365)
		for _, p := range []period.Period{q3, period.Must(period.Month(2024, 5)), period.Must(period.Half(2024, 2)), period.Must(period.Year(2024))} {
			res := tallyOf(t, p, Policy{}, rs...)
			mustBeClean(t, res)
			if res.Files.Received != res.Files.Resolved+res.Files.Pending {
				t.Errorf("seed %d %s: (3) %d ≠ (7)+(11) %d", seed, p, res.Files.Received, res.Files.Resolved+res.Files.Pending)
			}
		}
	}
}

func TestContinuityFourQuarters(t *testing.T) {
	for seed := uint64(1); seed <= 20; seed++ {
		rs := history(seed, 4000, at(1, 10, 2023, 0, 0), 400)
		var reports []*kstt.Report
		for q := 1; q <= 4; q++ {
			res := tallyOf(t, period.Must(period.Quarter(2024, q)), Policy{}, rs...)
			reports = append(reports, res.Report())
		}
		found, err := bieu.CheckSeries(reports, kstt.CheckOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(found) > 0 {
			t.Errorf("seed %d: %v", seed, found)
		}
		// The rule can fail: tamper with Q3's carried over.
		a := reports[2].Form("II.06a").(*bieu.II06a)
		a.Rows[0].CarriedOver++
		a.Total.CarriedOver++
		found, _ = bieu.CheckSeries(reports, kstt.CheckOptions{})
		if len(byRule(t, found, "KSTT/R50")) != 1 || len(byRule(t, found, "KSTT/R51")) != 1 {
			t.Errorf("seed %d: tampered Q3 (6) not found: %v", seed, found)
		}
	}
}

func formsOf(r *Result) []any { return []any{r.II06a, r.II06b, r.II08, r.Files, r.Stats} }

func TestShardedMergeEqualsSingle(t *testing.T) {
	cmpOpts := cmp.Options{cmpopts.IgnoreUnexported(bieu.II06a{}, bieu.II06b{}, bieu.II08{}), cmpopts.EquateComparable(period.Period{})}
	for seed := uint64(1); seed <= 10; seed++ {
		rs := history(seed, 5000, at(1, 1, 2024, 0, 0), 300)
		single := tallyOf(t, q3, Policy{}, rs...)
		// By unit.
		byUnit := map[string][]Record{}
		for _, r := range rs {
			byUnit[r.Unit] = append(byUnit[r.Unit], r)
		}
		var merged *Tally
		for _, u := range testUnits {
			tl, _ := New(q3, Policy{})
			_ = tl.AddSeq(seqOf(byUnit[u.name]))
			if merged == nil {
				merged = tl
			} else if err := merged.Merge(tl); err != nil {
				t.Fatal(err)
			}
		}
		got, _ := merged.Result(kstt.Header{Unit: "Sở Tư pháp", Recipient: "UBND tỉnh"})
		if d := cmp.Diff(formsOf(single), formsOf(got), cmpOpts); d != "" {
			t.Fatalf("seed %d by unit:\n%s", seed, d)
		}
		// By goroutine, round robin.
		const shards = 4
		parts := make([]*Tally, shards)
		var wg sync.WaitGroup
		for s := range shards {
			wg.Go(func() {
				tl, _ := New(q3, Policy{})
				for i := s; i < len(rs); i += shards {
					_ = tl.Add(rs[i])
				}
				parts[s] = tl
			})
		}
		wg.Wait()
		for _, p := range parts[1:] {
			if err := parts[0].Merge(p); err != nil {
				t.Fatal(err)
			}
		}
		got, _ = parts[0].Result(kstt.Header{Unit: "Sở Tư pháp", Recipient: "UBND tỉnh"})
		if d := cmp.Diff(formsOf(single), formsOf(got), cmpOpts); d != "" {
			t.Fatalf("seed %d by goroutine:\n%s", seed, d)
		}
	}
	a, _ := New(q3, Policy{})
	b, _ := New(q3.Next(), Policy{})
	if err := a.Merge(b); !errors.Is(err, ErrMerge) {
		t.Errorf("merging two periods: %v", err)
	}
}

func TestAuditBothWays(t *testing.T) {
	w := rec("W1", at(1, 9, 2024, 8, 0), at(20, 9, 2024, 17, 0), at(5, 9, 2024, 9, 0))
	w.Outcome = Withdrawn
	o := rec("O1", at(1, 6, 2024, 8, 0), at(10, 6, 2024, 17, 0), time.Time{})
	o.Channel, o.Service = Online, Full
	old := rec("OLD", at(1, 1, 2024, 8, 0), at(10, 1, 2024, 17, 0), at(9, 1, 2024, 9, 0))
	res := tallyOf(t, q3, Policy{Audit: &AuditOptions{}, Closing: LeaveOut}, w, o, old)
	tr, ok := res.Trail("O1")
	if !ok || tr.Status != "counted" {
		t.Fatalf("trail O1: %+v %v", tr, ok)
	}
	var cols []int
	for _, c := range tr.Cells {
		if c.Form == "II.06a" {
			cols = append(cols, c.Column)
		}
	}
	// Received 1/6 (Q2), not finished: carried over (6), pending overdue (13).
	if !slices.Equal(cols, []int{3, 6, 11, 13}) {
		t.Errorf("O1 II.06a columns %v, want [3 6 11 13]; %+v", cols, tr)
	}
	if tr, _ := res.Trail("OLD"); tr.Status != "outside" {
		t.Errorf("OLD: %+v", tr)
	}
	codes, complete := res.Codes("II.06a", "Hộ tịch", bieu.LevelUnknown, 3)
	if !complete || !slices.Equal(codes, []string{"O1", "W1"}) {
		t.Errorf("codes of (3): %v %v", codes, complete)
	}
	found, _ := bieu.Check(res.Report(), kstt.CheckOptions{})
	r06 := byRule(t, found, "II.06a/R06")
	if len(r06) == 0 {
		t.Fatalf("no R06: %v", found)
	}
	codes, _ = res.Explain(r06[0])
	if !slices.Contains(codes, "W1") {
		t.Errorf("Explain(%v) = %v, want W1 among them", r06[0], codes)
	}
}

func TestPolicyJSON(t *testing.T) {
	p, err := ParsePolicy([]byte(`{"closing": "leave-out", "timeliness": "by-timestamp", "pauses": "ignore",
		"online_service": "toàn trình", "level": "district", "actions": {"TALLY/R02": "skip", "TALLY/R06": "fail"}}`))
	if err != nil {
		t.Fatal(err)
	}
	if p.Closing != LeaveOut || p.Timeliness != ByTimestamp || p.Pauses != IgnorePauses || p.OnlineService != Full ||
		p.Level != bieu.DistrictLevel || p.Actions[ProblemNoDueDate] != Skip || p.Actions[ProblemDuplicateCode] != Fail {
		t.Errorf("%+v", p)
	}
	for _, bad := range []string{`{"closing": "maybe"}`, `{"actions": {"TALLY/R99": "skip"}}`, `{"actions": {"TALLY/R01": "later"}}`, `{"colsing": "leave-out"}`, `{"section": "C"}`} {
		if _, err := ParsePolicy([]byte(bad)); !errors.Is(err, ErrPolicy) {
			t.Errorf("%s: %v", bad, err)
		}
	}
}

// TestContinuityWithProblems: bad records, whatever each problem's action
// (Count or Skip), leave the forms clean and the series continuous.
func TestContinuityWithProblems(t *testing.T) {
	for seed := uint64(1); seed <= 12; seed++ {
		rs := withProblems(seed, history(seed, 3000, at(1, 10, 2023, 0, 0), 400))
		for _, a := range []Action{Count, Skip} {
			acts := map[Problem]Action{}
			for p := Problem(1); p < numProblems; p++ {
				acts[p] = a
			}
			var reports []*kstt.Report
			for q := 1; q <= 4; q++ {
				res := tallyOf(t, period.Must(period.Quarter(2024, q)), Policy{Actions: acts}, rs...)
				mustBeClean(t, res)
				reports = append(reports, res.Report())
			}
			found, _ := bieu.CheckSeries(reports, kstt.CheckOptions{})
			if len(found) > 0 {
				t.Errorf("seed %d action %v: %v", seed, a, found)
			}
		}
	}
}

func TestOpenPeriod(t *testing.T) {
	r := tallyOf(t, q3, Policy{AsOf: at(10, 9, 2024, 12, 0)}, rec("A", at(1, 9, 2024, 8, 0), at(5, 9, 2024, 17, 0), time.Time{}))
	if len(r.Findings) != 1 || r.Findings[0].Rule != RuleOpenPeriod {
		t.Errorf("%v", r.Findings)
	}
	r = tallyOf(t, q3, Policy{AsOf: at(15, 9, 2024, 0, 0)}, rec("A", at(1, 9, 2024, 8, 0), at(5, 9, 2024, 17, 0), time.Time{}))
	if len(r.Findings) != 0 {
		t.Errorf("closed at 15/9 00:00: %v", r.Findings)
	}
}

func TestMaxFindings(t *testing.T) {
	var rs []Record
	for range 30 {
		rs = append(rs, rec("", at(1, 9, 2024, 8, 0), at(5, 9, 2024, 17, 0), time.Time{})) // no code: a duplicate each
	}
	r := tallyOf(t, q3, Policy{MaxFindings: 10}, rs...)
	if len(r.Findings) != 10 || r.Suppressed["TALLY/R06"] != 20 {
		t.Errorf("%d kept, suppressed %v", len(r.Findings), r.Suppressed)
	}
}
