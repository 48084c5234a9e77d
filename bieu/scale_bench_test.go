package bieu

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/baocaodinhky/vpcp/kstt"
)

// Scaling of Check over the number of rows, for every form. Each form is
// clean (Fill derived it), so the run measures the rules, not the cost of
// writing findings. "Check" is the form's own Check method, the path a
// user calls; "engine" hides the generated fast path (QuickClean) so the
// rule engine runs every rule on every row. ns/row at 20,000 rows must
// stay within 1.5× of ns/row at 2,000: a quadratic path (a row matched to
// another part by a scan) shows at once.
//
//	go test -run '^$' -bench CheckScale -count 5 ./bieu

var scaleRows = []int{20, 2_000, 20_000}

// scaleLabel is the lĩnh vực of row i, with a little spelling noise so
// that rows of another part match after normalisation only.
func scaleLabel(i int, noisy bool) string {
	if noisy && i%3 == 0 {
		return fmt.Sprintf("lĩnh vực  SỐ %d", i)
	}
	return fmt.Sprintf("Lĩnh vực số %d", i)
}

func scaleII06b(n int) *II06b {
	f := &II06b{}
	for l, title := range []string{LevelProvince, LevelDistrict, LevelCommune} {
		lv := II06bLevel{Code: []string{"I", "II", "III"}[l], Title: title}
		for i := l; i < n; i += 3 {
			v := int64(i % 97)
			lv.Rows = append(lv.Rows, II06aRow{STT: strconv.Itoa(i + 1), Field: scaleLabel(i, false),
				Online: v, Direct: v / 2, CarriedOver: 3, Early: v, OnTime: v / 2, Late: 1, PendingOnTime: 1, PendingOverdue: 1})
		}
		f.Levels = append(f.Levels, lv)
	}
	if err := f.Fill(); err != nil {
		panic(err)
	}
	return f
}

func scaleII07b(n int) *II07b {
	f := &II07b{}
	for i := range n {
		v := int64(i%11 + 1)
		f.PartI.Rows = append(f.PartI.Rows, II07bDeskRow{STT: strconv.Itoa(i + 1), Field: scaleLabel(i, false),
			CompetentProvince: v + 2, CompetentDistrict: v + 1, CompetentCommune: v,
			OneStopProvince: v + 2, OneStopDistrict: v, OneStopCommune: v,
			ProcessProvince: v, ProcessDistrict: v, ProcessCommune: 1})
		f.PartII.Rows = append(f.PartII.Rows, II07bOnSpotRow{STT: strconv.Itoa(i + 1), Field: scaleLabel(i, true),
			Province: v, District: v / 2})
	}
	if err := f.Fill(); err != nil {
		panic(err)
	}
	return f
}

func scaleII08(n int) *II08 {
	f := &II08{}
	sec := II08Section{Code: "B", Title: SectionB}
	for l, title := range []string{LevelProvince, LevelDistrict, LevelCommune} {
		lv := II08Level{Code: []string{"I", "II", "III"}[l], Title: title}
		for i := l; i < n; i += 3 {
			v := int64(i%13 + 1)
			lv.Rows = append(lv.Rows, II08Row{STT: strconv.Itoa(i + 1), Field: scaleLabel(i, false),
				PartialAssigned: v, PartialDeployed: v - 1, PartialFiles: 3 * v,
				FullAssigned: v, FullDeployed: v, FullFiles: 2 * v, Integrated: int64(i % 2)})
		}
		sec.Levels = append(sec.Levels, lv)
	}
	f.Sections = []II08Section{sec}
	if err := f.Fill(); err != nil {
		panic(err)
	}
	return f
}

type checkable interface {
	kstt.Form
	Check(kstt.CheckOptions) (kstt.Findings, error)
}

func scaleForm(code string, n int) checkable {
	switch code {
	case "II.06a":
		return benchII06a(n)
	case "II.06b":
		return scaleII06b(n)
	case "II.07b":
		return scaleII07b(n)
	}
	return scaleII08(n)
}

func BenchmarkCheckScale(b *testing.B) {
	for _, code := range []string{"II.06a", "II.06b", "II.07b", "II.08"} {
		b.Run(code, func(b *testing.B) {
			for _, n := range scaleRows {
				b.Run("rows="+strconv.Itoa(n), func(b *testing.B) {
					f := scaleForm(code, n)
					b.Run("Check", func(b *testing.B) {
						b.ReportAllocs()
						c0 := cpuTime()
						for b.Loop() {
							fs, err := f.Check(kstt.CheckOptions{})
							if err != nil || len(fs) != 0 {
								b.Fatal(err, fs)
							}
						}
						b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/row")
						if c := cpuTime() - c0; c > 0 {
							b.ReportMetric(float64(c.Nanoseconds())/float64(b.N*n), "cpu-ns/row")
						}
					})
					b.Run("engine", func(b *testing.B) {
						c, err := kstt.NewChecker(f.Spec(), kstt.CheckOptions{})
						if err != nil {
							b.Fatal(err)
						}
						var dst kstt.Findings
						b.ReportAllocs()
						c0 := cpuTime()
						for b.Loop() {
							if dst, _ = c.Check(engineOnly{f}); len(dst) != 0 {
								b.Fatal(dst)
							}
						}
						b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/row")
						if c := cpuTime() - c0; c > 0 {
							b.ReportMetric(float64(c.Nanoseconds())/float64(b.N*n), "cpu-ns/row")
						}
					})
				})
			}
		})
	}
}

// BenchmarkFormCheck20 is one call of f.Check(opts) on a clean 20-row
// II.06a — the call a one-stop system makes per unit — against the floor,
// a hand-written loop over the same rules: the three printed formulas,
// (3) = (7) + (11), non-negative counts and TỔNG CỘNG as the sum of the
// rows. Goal: Check ≤ 2× the hand loop.
func BenchmarkFormCheck20(b *testing.B) {
	f := benchII06a(20)
	b.Run("f.Check", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			fs, err := f.Check(kstt.CheckOptions{})
			if err != nil || len(fs) != 0 {
				b.Fatal(err, fs)
			}
		}
	})
	b.Run("kstt.Check", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			fs, err := kstt.Check(f, kstt.CheckOptions{})
			if err != nil || len(fs) != 0 {
				b.Fatal(err, fs)
			}
		}
	})
	b.Run("floor/hand-loop", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if !handCheckII06a(f) {
				b.Fatal("hand loop finds a fault")
			}
		}
	})
	// f.Check also runs KSTT/R45 (no lĩnh vực on two rows: case, spacing,
	// NFC/NFD); the arithmetic loop above does not. The floor for the same
	// rules adds the duplicate check a user writes by hand: a map of the
	// lower-cased NFC labels.
	b.Run("floor/hand-loop+duplicates", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if !handCheckII06a(f) || handDuplicates(f) {
				b.Fatal("hand loop finds a fault")
			}
		}
	})
	b.Run("paired", func(b *testing.B) {
		paired(b, 10_000, func() {
			if fs, err := f.Check(kstt.CheckOptions{}); err != nil || len(fs) != 0 {
				b.Fatal(err, fs)
			}
		}, func() {
			if !handCheckII06a(f) {
				b.Fatal("hand loop finds a fault")
			}
		})
	})
}

// addRowII06a adds the counts of r to t, as a hand-written TỔNG CỘNG
// does.
func addRowII06a(t, r *II06aRow) {
	t.Received += r.Received
	t.Online += r.Online
	t.Direct += r.Direct
	t.CarriedOver += r.CarriedOver
	t.Resolved += r.Resolved
	t.Early += r.Early
	t.OnTime += r.OnTime
	t.Late += r.Late
	t.Pending += r.Pending
	t.PendingOnTime += r.PendingOnTime
	t.PendingOverdue += r.PendingOverdue
}

// handCheckII06a is the loop a user writes by hand for every rule of
// II.06a, TỔNG CỘNG included.
func handCheckII06a(f *II06a) bool {
	ok := true
	var t II06aRow
	for i := range f.Rows {
		r := &f.Rows[i]
		ok = ok && handRowII06a(r)
		addRowII06a(&t, r)
	}
	t.STT, t.Field = f.Total.STT, f.Total.Field
	return ok && handRowII06a(&f.Total) && t == f.Total
}

// handDuplicates is the duplicate-row check written by hand: two rows whose
// labels are the same in lower-cased NFC with folded spaces.
func handDuplicates(f *II06a) bool {
	seen := make(map[string]bool, len(f.Rows))
	for i := range f.Rows {
		k := strings.ToLower(strings.Join(strings.Fields(norm.NFC.String(f.Rows[i].Field)), " "))
		if seen[k] {
			return true
		}
		seen[k] = true
	}
	return false
}

// handRowII06a: no negative count, the printed formulas and (3) = (7) + (11).
func handRowII06a(r *II06aRow) bool {
	return r.Received >= 0 && r.Online >= 0 && r.Direct >= 0 && r.CarriedOver >= 0 && r.Resolved >= 0 && r.Early >= 0 &&
		r.OnTime >= 0 && r.Late >= 0 && r.Pending >= 0 && r.PendingOnTime >= 0 && r.PendingOverdue >= 0 &&
		r.Received == r.Online+r.Direct+r.CarriedOver && r.Resolved == r.Early+r.OnTime+r.Late &&
		r.Pending == r.PendingOnTime+r.PendingOverdue && r.Received == r.Resolved+r.Pending
}
