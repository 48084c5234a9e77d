package kstt

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/baocaodinhky/vpcp/internal/safeint"
	"github.com/baocaodinhky/vpcp/internal/vntext"
	"github.com/baocaodinhky/vpcp/kstt/layout"
)

// Checker runs the rules of one FormSpec under fixed CheckOptions. Build it
// once with NewChecker and reuse it: checking a clean form allocates
// nothing when its parts do not refer to each other; a row of one part is
// matched to the row of the same lĩnh vực in another part (II.07b Part II
// against Part I) through an index of that part built once per check (its
// keys are what it allocates), so the cost grows linearly with the rows. A
// Checker holds scratch buffers and is not safe for concurrent use; build
// one per goroutine (Check, which shares compiled rules between calls, is
// safe for concurrent use).
type Checker struct {
	*checkPlan
	buf, acc []int64
	accBad   []bool
	other    []int64    // scratch for cells of another part
	index    []rowIndex // per part: its rows by lĩnh vực key, built on first use in a check
	tables   []Table    // per part: the table of the form being checked, got on first use
	// quickFor is the form spec for which the fast path was found to run
	// the same rules as this checker.
	quickFor *FormSpec
}

// checkPlan is a spec's rules compiled under one set of options. It is
// never changed once built, so many Checkers (and goroutines) share it.
type checkPlan struct {
	spec  *FormSpec
	parts []partPlan
	width int
}

type plannedRule struct {
	r   *Rule
	sev Severity
}

type colRef struct {
	part int // index into spec.Parts
	col  int
}

type sumPlan struct {
	plannedRule
	target int
	terms  []int
}

type cmpPlan struct {
	plannedRule
	target int
	other  colRef // Terms[0]
}

type ratePlan struct {
	plannedRule
	target   int
	num, den colRef
	places   int32
}

type partPlan struct {
	id      string
	numeric []int // count and flag columns
	nonNeg  []plannedRule
	rowSum  []plannedRule
	sums    []sumPlan
	atMost  []cmpPlan
	rates   []ratePlan
	flags   []cmpPlan
}

// NewChecker compiles the rules of spec, applying opts. It fails when the
// spec is invalid or an override names a rule the spec lacks.
func NewChecker(spec *FormSpec, opts CheckOptions) (*Checker, error) {
	if err := spec.Validate(); err != nil {
		return nil, err
	}
	if err := opts.Validate(spec.Rules); err != nil {
		return nil, err
	}
	return compile(spec, opts).newChecker(), nil
}

// compile plans the rules of a valid spec under valid opts.
func compile(spec *FormSpec, opts CheckOptions) *checkPlan {
	c := &checkPlan{spec: spec, parts: make([]partPlan, len(spec.Parts))}
	for i := range spec.Parts {
		c.width = max(c.width, spec.Parts[i].MaxNum()+1)
	}
	for i := range spec.Parts {
		p := &spec.Parts[i]
		pp := &c.parts[i]
		pp.id = p.ID
		pp.numeric = make([]int, 0, len(p.Columns))
		for _, col := range p.Columns {
			if col.Kind == layout.CountColumn || col.Kind == layout.FlagColumn {
				pp.numeric = append(pp.numeric, col.Num)
			}
		}
	}
	// Every term of every sum in one backing array: no slice grows.
	nterms := 0
	for i := range spec.Rules {
		if k := spec.Rules[i].Kind; k == SumOfColumns || k == Balance {
			nterms += len(spec.Rules[i].Terms)
		}
	}
	terms := make([]int, 0, nterms)
	for i := range spec.Rules {
		r := &spec.Rules[i]
		sev, on := opts.resolve(r)
		if !on {
			continue
		}
		pr := plannedRule{r, sev}
		pp := &c.parts[spec.PartIndex(r.Target.Part)]
		ref := func(x Ref) colRef { return colRef{spec.PartIndex(x.Part), x.Col} }
		switch r.Kind {
		case SumOfColumns, Balance:
			sp := sumPlan{plannedRule: pr, target: r.Target.Col}
			from := len(terms)
			for _, t := range r.Terms {
				terms = append(terms, t.Col)
			}
			sp.terms = terms[from:len(terms):len(terms)]
			pp.sums = append(pp.sums, sp)
		case SumOfRows:
			pp.rowSum = append(pp.rowSum, pr)
		case NonNegative:
			pp.nonNeg = append(pp.nonNeg, pr)
		case AtMost:
			pp.atMost = append(pp.atMost, cmpPlan{pr, r.Target.Col, ref(r.Terms[0])})
		case FlagOnly:
			pp.flags = append(pp.flags, cmpPlan{plannedRule: pr, target: r.Target.Col})
		case Percentage:
			pp.rates = append(pp.rates, ratePlan{pr, r.Target.Col, ref(r.Terms[0]), ref(r.Terms[1]), r.Places})
		}
	}
	return c
}

// newChecker gives the plan its own scratch buffers.
func (p *checkPlan) newChecker() *Checker {
	w := p.width
	ints := make([]int64, 3*w)
	return &Checker{checkPlan: p, buf: ints[:w:w], acc: ints[w : 2*w : 2*w], other: ints[2*w:],
		accBad: make([]bool, w), index: make([]rowIndex, len(p.parts)), tables: make([]Table, len(p.parts))}
}

// sameRules reports whether the form's own spec — the rules its fast path
// was generated from — has the same rules as the checker's (a catalogue a
// user changed must not be short-cut).
func (c *Checker) sameRules(s *FormSpec) bool {
	if s == c.spec || s == c.quickFor {
		return true
	}
	if reflect.DeepEqual(s.Rules, c.spec.Rules) && reflect.DeepEqual(s.Parts, c.spec.Parts) {
		c.quickFor = s
		return true
	}
	return false
}

// Spec returns the declaration the checker runs.
func (c *Checker) Spec() *FormSpec { return c.spec }

// Check runs every rule on f and returns the findings sorted, as Check
// (the function) does; f is never modified. It fails, with an error
// matching ErrUnknownForm, when f is not a form of the checker's spec. A
// clean form allocates nothing.
func (c *Checker) Check(f Form) (Findings, error) {
	if code := f.Spec().Code; code != c.spec.Code {
		return nil, fmt.Errorf("kstt: checker of %s: %w: %q", c.spec.Code, ErrUnknownForm, code)
	}
	return c.check(f, nil).Sort(), nil
}

// check runs every rule on f, a form of the checker's spec, and appends
// the findings, unsorted, to dst, which it returns: the path that
// allocates nothing on a clean form when dst has room, used by Check,
// Catalogue.Check and the compiled-rule cache.
func (c *Checker) check(f Form, dst Findings) Findings {
	if len(c.parts) > 0 {
		if q, ok := quickCheckerOf(f, c.table(f, 0)); ok && c.sameRules(f.Spec()) && q.QuickClean() {
			clear(c.tables) // keep no reference to the form
			return dst
		}
	}
	from := len(dst)
	for i := range c.index {
		c.index[i].built = false
	}
	for pi := range c.parts {
		dst = c.checkPart(f, pi, dst)
	}
	clear(c.tables) // keep no reference to the form
	if len(dst) > from+1 {
		dst = c.unfilledFold(f, dst, from)
	}
	return dst
}

// rowMatch caches, for the row being checked, the row of another part
// that has the same lĩnh vực (or is TỔNG CỘNG).
type rowMatch struct {
	part, row int // part -1: nothing looked up yet for this row
}

func (c *Checker) checkPart(f Form, pi int, dst Findings) Findings {
	pp := &c.parts[pi]
	t := c.table(f, pi)
	n := t.Len()
	clear(c.acc)
	clear(c.accBad)
	code := c.spec.Code
	find := func(pr plannedRule, row int, meta RowMeta, col int, expected, actual, diff, vi, en string) {
		fd := Finding{Rule: pr.r.ID, Severity: pr.sev, Form: code, Part: pp.id, Row: row, RowLabel: meta.Label, Group: meta.Group,
			Column: col, Expected: expected, Actual: actual, Difference: diff}
		fd.Message, fd.MessageEN = compose(pr.r, vi, en)
		dst = append(dst, fd)
	}
	buf := c.buf
	sawTotal := false
	for i := 0; i < n; i++ {
		meta := t.Row(i)
		if meta.Kind != layout.DataRow && meta.Kind != layout.TotalRow {
			continue
		}
		t.Ints(i, buf)
		m := rowMatch{part: -1}
		for _, pr := range pp.nonNeg {
			for _, col := range pp.numeric {
				if v := buf[col]; v < 0 {
					find(pr, i, meta, col, "≥ 0", itoa(v), "",
						fmt.Sprintf("cột (%d) ghi số âm %d", col, v),
						fmt.Sprintf("column (%d) holds the negative count %d", col, v))
				}
			}
		}
		for _, sp := range pp.sums {
			sum, ok := sumCols(buf, sp.terms)
			got := buf[sp.target]
			switch {
			case !ok:
				find(sp.plannedRule, i, meta, sp.target, "> "+itoa(math.MaxInt64), itoa(got), "",
					fmt.Sprintf("tổng %s vượt giới hạn số nguyên 64 bit", termsText(sp.terms)),
					fmt.Sprintf("the sum %s overflows a 64-bit integer", termsText(sp.terms)))
			case sum != got:
				find(sp.plannedRule, i, meta, sp.target, itoa(sum), itoa(got), safeint.DiffText(got, sum),
					fmt.Sprintf("(%d) ghi %d, nhưng %s = %d", sp.target, got, termsText(sp.terms), sum),
					fmt.Sprintf("(%d) is %d, but %s = %d", sp.target, got, termsText(sp.terms), sum))
			}
		}
		if meta.Kind == layout.TotalRow {
			sawTotal = true
			for _, pr := range pp.rowSum {
				for _, col := range pp.numeric {
					got := buf[col]
					if c.accBad[col] {
						find(pr, i, meta, col, "> "+itoa(math.MaxInt64), itoa(got), "",
							fmt.Sprintf("tổng các dòng của cột (%d) vượt giới hạn số nguyên 64 bit", col),
							fmt.Sprintf("the sum of the rows of column (%d) overflows a 64-bit integer", col))
					} else if want := c.acc[col]; want != got {
						find(pr, i, meta, col, itoa(want), itoa(got), safeint.DiffText(got, want),
							fmt.Sprintf("TỔNG CỘNG cột (%d) ghi %d, nhưng tổng các dòng là %d", col, got, want),
							fmt.Sprintf("TỔNG CỘNG column (%d) is %d, but the rows add up to %d", col, got, want))
					}
				}
			}
		} else {
			for _, col := range pp.numeric {
				if s, ok := safeint.Add(c.acc[col], buf[col]); ok {
					c.acc[col] = s
				} else {
					c.accBad[col] = true
				}
			}
			for _, fp := range pp.flags {
				if v := buf[fp.target]; v != 0 && v != 1 {
					find(fp.plannedRule, i, meta, fp.target, "0 hoặc 1", itoa(v), "",
						fmt.Sprintf("cột (%d) chỉ nhận 0 (không) hoặc 1 (có), ghi %d", fp.target, v),
						fmt.Sprintf("column (%d) takes only 0 (no) or 1 (yes), found %d", fp.target, v))
				}
			}
			for _, cp := range pp.atMost {
				other, ok := c.cell(f, pi, i, meta, cp.other, buf, &m)
				if !ok {
					label := c.refText(pi, cp.other)
					find(cp.plannedRule, i, meta, cp.target, "", "", "",
						fmt.Sprintf("không tìm thấy dòng «%s» ở %s để so sánh", meta.Label, label),
						fmt.Sprintf("no row «%s» in %s to compare with", meta.Label, label))
					continue
				}
				if got := buf[cp.target]; got > other {
					label := c.refText(pi, cp.other)
					find(cp.plannedRule, i, meta, cp.target, "≤ "+itoa(other), itoa(got), safeint.DiffText(got, other),
						fmt.Sprintf("(%d)=%d lớn hơn %s=%d", cp.target, got, label, other),
						fmt.Sprintf("(%d)=%d exceeds %s=%d", cp.target, got, label, other))
				}
			}
		}
		for _, rp := range pp.rates {
			num, ok1 := c.cell(f, pi, i, meta, rp.num, buf, &m)
			den, ok2 := c.cell(f, pi, i, meta, rp.den, buf, &m)
			if !ok1 || !ok2 {
				denLabel := c.refText(pi, rp.den)
				find(rp.plannedRule, i, meta, rp.target, "", "", "",
					fmt.Sprintf("không tìm thấy dòng «%s» ở %s để tính tỷ lệ", meta.Label, denLabel),
					fmt.Sprintf("no row «%s» in %s to compute the rate from", meta.Label, denLabel))
				continue
			}
			got := t.Rate(i, rp.target)
			if !rateMatches(got, num, den, rp.places) {
				want := RateOf(num, den, rp.places)
				find(rp.plannedRule, i, meta, rp.target, want.String(), got.String(), got.Sub(want).String(),
					fmt.Sprintf("tỷ lệ (%d) ghi %s%%, nhưng %d/%d×100 = %s%%", rp.target, got, num, den, want),
					fmt.Sprintf("rate (%d) is %s%%, but %d/%d×100 = %s%%", rp.target, got, num, den, want))
			}
		}
	}
	if !sawTotal && len(pp.rowSum) > 0 {
		pr := pp.rowSum[0]
		find(pr, -1, RowMeta{}, 0, TotalLabel, "", "",
			"biểu thiếu dòng TỔNG CỘNG", "the form has no TỔNG CỘNG row")
	}
	return dst
}

// cell reads the value of ref for the row being checked: from buf when it
// is in the same part, else from the row of the same label (or TỔNG CỘNG)
// in the other part, found through that part's index and remembered in m
// for the other rules of the row.
func (c *Checker) cell(f Form, pi, row int, meta RowMeta, ref colRef, buf []int64, m *rowMatch) (int64, bool) {
	if ref.part == pi {
		return buf[ref.col], true
	}
	ot := c.table(f, ref.part)
	if m.part != ref.part {
		m.part, m.row = ref.part, c.index[ref.part].find(ot, meta, row)
	}
	if m.row < 0 {
		return 0, false
	}
	ot.Ints(m.row, c.other)
	return c.other[ref.col], true
}

// refText writes ref, read from a row of part pi, for messages: "(3)", or
// "Phần I (8)" in another part.
func (c *Checker) refText(pi int, ref colRef) string {
	if ref.part == pi {
		return "(" + strconv.Itoa(ref.col) + ")"
	}
	return "Phần " + c.spec.Parts[ref.part].ID + " (" + strconv.Itoa(ref.col) + ")"
}

// table returns the table of part pi of f, asking f once per check.
func (c *Checker) table(f Form, pi int) Table {
	if c.tables[pi] == nil {
		c.tables[pi] = f.Table(pi)
	}
	return c.tables[pi]
}

// rowIndex finds the rows of one table by lĩnh vực as MatchRow does, in
// constant time: it maps the hash of every data row's key
// (vntext.KeyHash) to the first such row, and remembers the last TỔNG
// CỘNG row. A row found by hash is confirmed by its label (the same
// label, or the same key); in the rare case of two keys with one hash the
// table is scanned as MatchRow does. It is built on its first use after
// built is reset.
type rowIndex struct {
	built  bool
	total  int
	first  map[uint64]int32 // vntext.KeyHash of a label → first data row with that hash
	hashes []uint64         // the hash of each row's label (data rows)
}

// find returns the row matching meta, as MatchRow(t, meta) does. pos is
// the row's own position in its table: when t has the very same label at
// that position (parts listing the same lĩnh vực in the same order), its
// hash is known already.
func (x *rowIndex) find(t Table, meta RowMeta, pos int) int {
	if !x.built {
		x.build(t)
	}
	if meta.Kind == layout.TotalRow {
		return x.total
	}
	var h uint64
	same := false
	if pos >= 0 && pos < len(x.hashes) {
		m := t.Row(pos)
		same = m.Kind == layout.DataRow && m.Label == meta.Label
	}
	if same {
		h = x.hashes[pos]
	} else {
		h = vntext.KeyHash(meta.Label)
	}
	j, ok := x.first[h]
	if !ok {
		return -1 // no row has the key: its hash would be there
	}
	if l := t.Row(int(j)).Label; l == meta.Label || vntext.Key(l) == vntext.Key(meta.Label) {
		return int(j) // the first row with the hash has the key, so it is the first with the key
	}
	return MatchRow(t, meta)
}

func (x *rowIndex) build(t Table) {
	n := t.Len()
	x.total = -1
	if x.first == nil {
		x.first = make(map[uint64]int32, n)
	} else {
		clear(x.first)
	}
	x.hashes = slices.Grow(x.hashes[:0], n)[:n]
	for j := 0; j < n; j++ {
		x.hashes[j] = 0
		switch m := t.Row(j); m.Kind {
		case layout.TotalRow:
			x.total = j
		case layout.DataRow:
			h := vntext.KeyHash(m.Label)
			x.hashes[j] = h
			if _, dup := x.first[h]; !dup {
				x.first[h] = int32(j)
			}
		}
	}
	x.built = true
}

// MatchRow finds the row of t that corresponds to a row of another part or
// form: TỔNG CỘNG matches TỔNG CỘNG, a data row matches the data row whose
// label is the same after NFC normalisation, space folding and case
// folding. It returns -1 when there is none. It scans t: to match many
// rows, Check and Fill index t once instead.
func MatchRow(t Table, meta RowMeta) int {
	n := t.Len()
	if meta.Kind == layout.TotalRow {
		for j := n - 1; j >= 0; j-- {
			if t.Row(j).Kind == layout.TotalRow {
				return j
			}
		}
		return -1
	}
	key := vntext.Key(meta.Label)
	for j := 0; j < n; j++ {
		m := t.Row(j)
		if m.Kind == layout.DataRow && (m.Label == meta.Label || vntext.Key(m.Label) == key) {
			return j
		}
	}
	return -1
}

// RateOf is the rate of a Percentage rule: num ÷ den × 100 rounded half away
// from zero (a spreadsheet's ROUND) to places decimals, and 0 when den is 0
// — a level with no procedure has rate 0 (II.07b Part II). It
// never panics.
func RateOf(num, den int64, places int32) decimal.Decimal {
	if den == 0 {
		return decimal.Zero
	}
	return decimal.NewFromInt(num).Mul(decimal.NewFromInt(100)).DivRound(decimal.NewFromInt(den), places)
}

// rateMatches accepts a rate equal to RateOf at the rule's places, or equal
// to the exact rate rounded to the decimals the value itself shows (a form
// that prints 33.3 or 33 for 1/3 is not wrong).
func rateMatches(got decimal.Decimal, num, den int64, places int32) bool {
	if ok, sure := rateMatchesInt(got, num, den, places); sure {
		return ok
	}
	if got.Equal(RateOf(num, den, places)) {
		return true
	}
	shown := max(-got.Exponent(), 0)
	return got.Equal(RateOf(num, den, shown))
}

// rateMatchesInt is rateMatches in int64 arithmetic, without allocating,
// for the rates forms hold (a coefficient of at most 18 digits, counts
// below 10^12). sure is false when the figures are out of that range and
// the decimal path must decide.
func rateMatchesInt(got decimal.Decimal, num, den int64, places int32) (ok, sure bool) {
	if places < 0 || places > 6 || got.NumDigits() > 18 {
		return false, false
	}
	c, e := got.CoefficientInt64(), got.Exponent()
	eq := func(p int32) (bool, bool) {
		q, ok := rateScaled(num, den, p)
		if !ok {
			return false, false
		}
		return scaledEqual(c, e, q, p)
	}
	if ok, sure = eq(places); !sure || ok {
		return ok, sure
	}
	shown := max(-e, 0)
	if shown == places {
		return false, true
	}
	return eq(shown)
}

// rateScaled is RateOf(num, den, p) × 10^p, an integer: num × 100 × 10^p ÷
// den rounded half away from zero, 0 when den is 0. ok is false when it
// does not fit int64 arithmetic.
func rateScaled(num, den int64, p int32) (int64, bool) {
	const lim = 1_000_000_000_000 // 10^12
	if den == 0 {
		return 0, true
	}
	if p > 6 || num >= lim || num <= -lim || den == math.MinInt64 {
		return 0, false
	}
	a := num * 100 * pow10[p]
	if num != 0 && a/num != 100*pow10[p] { // overflowed
		return 0, false
	}
	q, r := a/den, a%den
	if r < 0 {
		r = -r
	}
	d := den
	if d < 0 {
		d = -d
	}
	if r >= d-r { // 2|r| ≥ |den|: half or more, away from zero
		if (a < 0) != (den < 0) {
			q--
		} else {
			q++
		}
	}
	return q, true
}

var pow10 = [...]int64{1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
	10_000_000_000, 100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000,
	1_000_000_000_000_000, 10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000}

// scaledEqual reports whether c × 10^e equals q × 10^-p; sure is false
// when scaling one to the other's exponent would overflow.
func scaledEqual(c int64, e int32, q int64, p int32) (ok, sure bool) {
	d := e + p // c × 10^d against q
	switch {
	case d == 0:
		return c == q, true
	case d > 0:
		if d > 18 {
			return false, false
		}
		m := pow10[d]
		if c > math.MaxInt64/m || c < math.MinInt64/m {
			return false, false
		}
		return c*m == q, true
	default:
		if -d > 18 {
			return false, false
		}
		m := pow10[-d]
		if q > math.MaxInt64/m || q < math.MinInt64/m {
			return false, false
		}
		return q*m == c, true
	}
}

func sumCols(buf []int64, cols []int) (int64, bool) {
	var s int64
	for _, c := range cols {
		v := buf[c]
		t := s + v
		if (v > 0 && t < s) || (v < 0 && t > s) {
			return 0, false
		}
		s = t
	}
	return s, true
}

func itoa(v int64) string { return strconv.FormatInt(v, 10) }

func termsText(cols []int) string {
	b := make([]byte, 0, 4*len(cols))
	for i, c := range cols {
		if i > 0 {
			b = append(b, '+')
		}
		b = append(b, '(')
		b = strconv.AppendInt(b, int64(c), 10)
		b = append(b, ')')
	}
	return string(b)
}

// compose joins the specific text with the rule's meaning and note.
func compose(r *Rule, vi, en string) (string, string) {
	mvi, men := vi, en
	if r.Meaning != "" {
		mvi += " (" + r.Meaning + ")"
		men += " (" + r.MeaningEN + ")"
	}
	if r.Note != "" {
		mvi += ". " + r.Note
		men += ". " + r.NoteEN
	}
	return mvi, men
}

// Check runs every rule of f's spec under opts and returns the findings
// sorted. It compiles a spec's rules once and reuses them on later calls
// (a spec changed in place is compiled afresh), and is safe for
// concurrent use.
func Check(f Form, opts CheckOptions) (Findings, error) {
	if len(opts.Rules) == 0 {
		fs, err := checkCompiled(f, nil)
		if err != nil {
			return nil, err
		}
		return fs.Sort(), nil
	}
	c, err := NewChecker(f.Spec(), opts)
	if err != nil {
		return nil, err
	}
	return c.Check(f)
}
