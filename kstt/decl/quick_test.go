package decl

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
)

// engineOnly hides a form's fast path, so a Checker runs its rules.
type engineOnly struct{ *Form }

func (e engineOnly) Table(pi int) kstt.Table { return engineTable{e.Form.Table(pi)} }

// engineTable is a form's table without its optional interfaces.
type engineTable struct{ kstt.Table }

// randomSchema declares a one-part form of 2–12 count columns (3), (4), …
// with random rules. When dag is true the sums go from lower to higher
// column numbers (a target's terms are all to its right), so a form filled
// from the right is clean; otherwise the sums are arbitrary (repeated
// terms, cycles) and only the zero form is sure to be clean.
func randomSchema(t *testing.T, rng *rand.Rand, dag bool) (*Schema, []string) {
	t.Helper()
	n := 2 + rng.IntN(11)
	last := 2 + n
	cols := []map[string]any{
		{"num": 1, "key": "stt", "label": "STT", "kind": "text"},
		{"num": 2, "key": "field", "label": "Lĩnh vực", "kind": "text"},
	}
	flag := 0
	if rng.IntN(3) == 0 {
		flag = last // the last column is a flag: a leaf
	}
	for c := 3; c <= last; c++ {
		kind := "count"
		if c == flag {
			kind = "flag"
		}
		cols = append(cols, map[string]any{"num": c, "key": fmt.Sprintf("c%d", c), "label": fmt.Sprintf("Cột %d", c), "kind": kind})
	}
	top := last // the count columns are (3)…(top)
	if flag > 0 {
		top--
	}
	var rules []string
	for c := 3; c < top; c++ {
		if rng.IntN(3) == 0 {
			continue
		}
		k := 2 + rng.IntN(5)
		var terms []string
		for range k {
			var u int
			if dag {
				u = c + 1 + rng.IntN(top-c)
			} else {
				u = 3 + rng.IntN(top-2)
			}
			terms = append(terms, fmt.Sprintf("(%d)", u))
		}
		if dag && rng.IntN(5) == 0 {
			continue
		}
		rules = append(rules, fmt.Sprintf("(%d) = %s", c, strings.Join(terms, " + ")))
		if dag && rng.IntN(3) == 0 {
			rules = append(rules, fmt.Sprintf("%s ≤ (%d)", terms[0], c))
		}
	}
	if !dag && rng.IntN(2) == 0 {
		rules = append(rules, fmt.Sprintf("(%d) ≤ (%d)", 3+rng.IntN(top-2), 3+rng.IntN(top-2)))
	}
	if flag > 0 {
		rules = append(rules, fmt.Sprintf("(%d) ∈ {0, 1}", flag))
	}
	if rng.IntN(5) > 0 {
		rules = append(rules, "TỔNG CỘNG = Σ các dòng")
	}
	if rng.IntN(2) == 0 {
		rules = append(rules, "mọi cột số ≥ 0")
	}
	var rs []map[string]any
	for i, r := range rules {
		rs = append(rs, map[string]any{"id": fmt.Sprintf("Y.01/R%02d", i+1), "rule": r})
	}
	rows := map[string]any{"label": "Lĩnh vực"}
	if rng.IntN(2) == 0 {
		rows["levels"] = []map[string]any{{"code": "I", "title": "CẤP TỈNH"}, {"code": "II", "title": "CẤP XÃ"}}
	}
	d := map[string]any{"code": "Y.01", "title": "BIỂU THỬ", "unit": "hồ sơ", "basis": "Quyết định thử",
		"parts": []map[string]any{{"columns": cols, "rows": rows}}, "rules": rs}
	data, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Parse(data)
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if !s.quick.ok {
		t.Fatalf("no fast path for %v", rules)
	}
	return s, rules
}

// cleanForm fills a form of s from the right: each column not a target of
// a sum is random (a flag 0 or 1), then each sum's target is its terms'
// sum; TỔNG CỘNG is the sum of the rows. zero leaves every count 0.
func cleanForm(rng *rand.Rand, s *Schema, zero bool, maxLeaf int64) *Form {
	f := s.New(kstt.Header{})
	info := &s.parts[0]
	nrows := rng.IntN(80)
	if rng.IntN(10) == 0 {
		nrows = 100 + rng.IntN(300)
	}
	for i := range nrows {
		if len(info.levels) > 0 && rng.IntN(8) == 0 {
			f.Parts[0].Rows = append(f.Parts[0].Rows, Row{Kind: layout.LevelRow, STT: "I", Label: "CẤP TỈNH",
				Values: []int64{int64(rng.IntN(5))}}) // ignored by every rule
		}
		v := make([]int64, info.width)
		if !zero {
			for c := info.width - 1; c >= 3; c-- {
				if s.decl.Parts[0].Columns[c-1].Kind == "flag" {
					v[c] = int64(rng.IntN(2))
				} else {
					v[c] = rng.Int64N(maxLeaf + 1)
				}
				for _, r := range s.spec.Rules {
					if (r.Kind == kstt.SumOfColumns || r.Kind == kstt.Balance) && r.Target.Col == c {
						v[c] = 0
						for _, term := range r.Terms {
							v[c] += v[term.Col]
						}
					}
				}
			}
		}
		kind := layout.DataRow
		if rng.IntN(4) == 0 {
			kind = 0 // the zero value is a data row too
		}
		f.Parts[0].Rows = append(f.Parts[0].Rows, Row{Kind: kind, STT: fmt.Sprint(i + 1), Label: fmt.Sprintf("Lĩnh vực %d", i), Values: v})
	}
	total := make([]int64, info.width)
	for _, r := range f.Parts[0].Rows {
		if r.Kind == layout.DataRow || r.Kind == 0 {
			for _, c := range info.numeric {
				total[c] += r.Values[c]
			}
		}
	}
	f.Parts[0].Total.Values = total
	return f
}

// TestQuickCleanAgreesWithTheEngine: on random declarations and random
// forms, clean and dirty, the fast path says clean exactly when the engine
// finds nothing (clean forms of small counts), and never when it finds
// something.
func TestQuickCleanAgreesWithTheEngine(t *testing.T) {
	rng := rand.New(rand.NewPCG(10, 11))
	extremes := []int64{-1, 0, 1, 2, 3, 1 << 20, 1<<31 - 1, 1 << 31, 1<<31 + 1, 1 << 51, 1 << 62, -1 << 63, 1<<63 - 1}
	var fastClean, engineClean, dirty int
	for trial := range 600 {
		dag := trial%4 != 0
		s, rules := randomSchema(t, rng, dag)
		c, err := kstt.NewChecker(s.Spec(), kstt.CheckOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for form := range 12 {
			maxLeaf := int64(1000)
			if form%3 == 2 {
				maxLeaf = 1 << 28
			}
			f := cleanForm(rng, s, !dag, maxLeaf)
			if form > 0 {
				mutate(rng, f, extremes, form)
			}
			q := f.quickClean()
			fs, _ := c.Check(engineOnly{f})
			if q && len(fs) > 0 {
				t.Fatalf("trial %d form %d: QuickClean true but the engine finds %v\nrules %q", trial, form, fs[0], rules)
			}
			if form == 0 {
				if len(fs) > 0 {
					t.Fatalf("trial %d: the clean form has findings %v\nrules %q", trial, fs[0], rules)
				}
				if !q {
					t.Fatalf("trial %d: QuickClean false on a clean form of small counts\nrules %q", trial, rules)
				}
			}
			switch {
			case q:
				fastClean++
			case len(fs) == 0:
				engineClean++
			default:
				dirty++
			}
			// The checker with the fast path gives the engine's findings.
			if got, _ := c.Check(f); len(got) != len(fs) {
				t.Fatalf("trial %d form %d: %d findings with the fast path, %d without", trial, form, len(got), len(fs))
			}
		}
	}
	t.Logf("fast path clean %d, engine-only clean %d, dirty %d", fastClean, engineClean, dirty)
	if fastClean < 1000 || dirty < 1000 {
		t.Fatalf("the trials do not exercise both outcomes: %d clean, %d dirty", fastClean, dirty)
	}
}

// mutate changes a form the way a wrong report would: one or a few cells
// (in rows or TỔNG CỘNG, small or extreme values), a short row, a TỔNG
// CỘNG among the rows, a row kind out of range.
func mutate(rng *rand.Rand, f *Form, extremes []int64, form int) {
	p := &f.Parts[0]
	width := len(p.Total.Values)
	cell := func() {
		col := 3 + rng.IntN(width-3)
		v := extremes[rng.IntN(len(extremes))]
		if rng.IntN(2) == 0 {
			v = int64(rng.IntN(200)) - 2
		}
		if i := rng.IntN(len(p.Rows) + 1); i < len(p.Rows) && p.Rows[i].Kind != layout.LevelRow {
			p.Rows[i].Values[col] = v
		} else {
			p.Total.Values[col] = v
		}
	}
	switch form % 6 {
	case 1, 2, 3:
		cell()
	case 4:
		for range 1 + rng.IntN(4) {
			cell()
		}
	case 5:
		if len(p.Rows) == 0 {
			cell()
			return
		}
		r := &p.Rows[rng.IntN(len(p.Rows))]
		switch rng.IntN(3) {
		case 0:
			if r.Kind != layout.LevelRow {
				r.Values = r.Values[:rng.IntN(len(r.Values))]
			}
		case 1:
			if r.Kind != layout.LevelRow {
				r.Kind = layout.TotalRow
			}
		default:
			r.Kind = layout.RowKind(5 + rng.IntN(3))
		}
	}
}

// FuzzQuickClean: a random declaration and clean form (from seed) with up
// to three cells set to the fuzzer's values: the fast path says clean only
// when the engine finds nothing.
func FuzzQuickClean(f *testing.F) {
	f.Add(uint64(1), int64(-1<<63), int64(1<<62), int64(1<<62))
	f.Add(uint64(2), int64(1<<31), int64(-1), int64(3))
	f.Add(uint64(7), int64(1<<63-1), int64(1<<63-1), int64(2))
	f.Fuzz(func(t *testing.T, seed uint64, a, b, c int64) {
		rng := rand.New(rand.NewPCG(seed, seed>>7))
		dag := seed%4 != 0
		s, rules := randomSchema(t, rng, dag)
		chk, err := kstt.NewChecker(s.Spec(), kstt.CheckOptions{})
		if err != nil {
			t.Fatal(err)
		}
		form := cleanForm(rng, s, !dag, 1000)
		p := &form.Parts[0]
		width := len(p.Total.Values)
		for _, v := range []int64{a, b, c} {
			if v == 0 {
				continue // leave the cell
			}
			col := 3 + rng.IntN(width-3)
			if i := rng.IntN(len(p.Rows) + 1); i < len(p.Rows) && p.Rows[i].Kind != layout.LevelRow {
				p.Rows[i].Values[col] = v
			} else {
				p.Total.Values[col] = v
			}
		}
		if form.quickClean() {
			if fs, _ := chk.Check(engineOnly{form}); len(fs) > 0 {
				t.Fatalf("QuickClean true but the engine finds %v\nrules %q", fs[0], rules)
			}
		}
	})
}
