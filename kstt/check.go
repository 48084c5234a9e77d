package kstt

import (
	"fmt"
	"math"
	"reflect"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/baocaodinhky/vpcp/internal/vntext"
)

// Checker runs the rules of one FormSpec under fixed CheckOptions. Build it
// once with NewChecker and reuse it: checking a clean form allocates
// nothing. A Checker holds scratch buffers and is not safe for concurrent
// use; build one per goroutine.
type Checker struct {
	spec  *FormSpec
	parts []partPlan
	// quickFor is the form spec for which the fast path was found to run
	// the same rules as this checker.
	quickFor *FormSpec
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
	id       string
	numeric  []int // count and flag columns
	nonNeg   []plannedRule
	rowSum   []plannedRule
	sums     []sumPlan
	atMost   []cmpPlan
	rates    []ratePlan
	flags    []cmpPlan
	buf, acc []int64
	accBad   []bool
	other    []int64 // scratch for cells of another part
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
	c := &Checker{spec: spec, parts: make([]partPlan, len(spec.Parts))}
	width := 0
	for i := range spec.Parts {
		width = max(width, spec.Parts[i].MaxNum()+1)
	}
	for i := range spec.Parts {
		p := &spec.Parts[i]
		pp := &c.parts[i]
		pp.id = p.ID
		for _, col := range p.Columns {
			if col.Kind == CountColumn || col.Kind == FlagColumn {
				pp.numeric = append(pp.numeric, col.Num)
			}
		}
		pp.buf = make([]int64, width)
		pp.acc = make([]int64, width)
		pp.accBad = make([]bool, width)
		pp.other = make([]int64, width)
	}
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
			for _, t := range r.Terms {
				sp.terms = append(sp.terms, t.Col)
			}
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
	return c, nil
}

// QuickChecker is an optional fast path a Form may implement. QuickClean
// must report true only when every rule of the form's spec, all switched
// on, holds in every row; it may report false whenever it is unsure (a
// value near the int64 limit, a negative count). A Checker then returns at
// once; otherwise it runs the rule engine as usual, so the fast path never
// changes a result. Package bieu generates QuickClean for its forms from the
// same rule declarations (go generate), and tests the two agree.
type QuickChecker interface {
	QuickClean() bool
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

// Check runs every rule on f and appends the findings to dst, which it
// returns. f is never modified. A form whose spec is not the checker's is
// reported as an error finding of rule "kstt/form".
func (c *Checker) Check(f Form, dst Findings) Findings {
	if f.Spec().Code != c.spec.Code {
		return append(dst, Finding{Rule: "kstt/form", Severity: Error, Form: f.Spec().Code, Row: -1,
			Expected: c.spec.Code, Actual: f.Spec().Code,
			Message:   "biểu không đúng loại cho bộ kiểm tra này",
			MessageEN: "form is not of the kind this checker runs"})
	}
	if q, ok := f.(QuickChecker); ok && c.sameRules(f.Spec()) && q.QuickClean() {
		return dst
	}
	loc, _ := f.(Locator)
	from := len(dst)
	for pi := range c.parts {
		dst = c.checkPart(f, pi, loc, dst)
	}
	if len(dst) > from+1 {
		dst = c.unfilledFold(f, dst, from)
	}
	return dst
}

func (c *Checker) checkPart(f Form, pi int, loc Locator, dst Findings) Findings {
	pp := &c.parts[pi]
	t := f.Table(pi)
	n := t.Len()
	clear(pp.acc)
	clear(pp.accBad)
	code := c.spec.Code
	find := func(pr plannedRule, row int, meta RowMeta, col int, expected, actual, diff, vi, en string) {
		fd := Finding{Rule: pr.r.ID, Severity: pr.sev, Form: code, Part: pp.id, Row: row, RowLabel: meta.Label, Group: meta.Group,
			Column: col, Expected: expected, Actual: actual, Difference: diff}
		fd.Message, fd.MessageEN = compose(pr.r, vi, en)
		if loc != nil && col > 0 {
			fd.Cell = loc.CellAddress(pp.id, row, col)
		}
		dst = append(dst, fd)
	}
	buf := pp.buf
	sawTotal := false
	for i := 0; i < n; i++ {
		meta := t.Row(i)
		if meta.Kind != DataRow && meta.Kind != TotalRow {
			continue
		}
		t.Ints(i, buf)
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
				find(sp.plannedRule, i, meta, sp.target, itoa(sum), itoa(got), diffText(got, sum),
					fmt.Sprintf("(%d) ghi %d, nhưng %s = %d", sp.target, got, termsText(sp.terms), sum),
					fmt.Sprintf("(%d) is %d, but %s = %d", sp.target, got, termsText(sp.terms), sum))
			}
		}
		if meta.Kind == TotalRow {
			sawTotal = true
			for _, pr := range pp.rowSum {
				for _, col := range pp.numeric {
					got := buf[col]
					if pp.accBad[col] {
						find(pr, i, meta, col, "> "+itoa(math.MaxInt64), itoa(got), "",
							fmt.Sprintf("tổng các dòng của cột (%d) vượt giới hạn số nguyên 64 bit", col),
							fmt.Sprintf("the sum of the rows of column (%d) overflows a 64-bit integer", col))
					} else if want := pp.acc[col]; want != got {
						find(pr, i, meta, col, itoa(want), itoa(got), diffText(got, want),
							fmt.Sprintf("TỔNG CỘNG cột (%d) ghi %d, nhưng tổng các dòng là %d", col, got, want),
							fmt.Sprintf("TỔNG CỘNG column (%d) is %d, but the rows add up to %d", col, got, want))
					}
				}
			}
		} else {
			for _, col := range pp.numeric {
				if s, ok := addInt64(pp.acc[col], buf[col]); ok {
					pp.acc[col] = s
				} else {
					pp.accBad[col] = true
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
				other, label, ok := c.cell(f, t, pi, i, meta, cp.other, buf)
				if !ok {
					find(cp.plannedRule, i, meta, cp.target, "", "", "",
						fmt.Sprintf("không tìm thấy dòng «%s» ở %s để so sánh", meta.Label, label),
						fmt.Sprintf("no row «%s» in %s to compare with", meta.Label, label))
					continue
				}
				if got := buf[cp.target]; got > other {
					find(cp.plannedRule, i, meta, cp.target, "≤ "+itoa(other), itoa(got), diffText(got, other),
						fmt.Sprintf("(%d)=%d lớn hơn %s=%d", cp.target, got, label, other),
						fmt.Sprintf("(%d)=%d exceeds %s=%d", cp.target, got, label, other))
				}
			}
		}
		for _, rp := range pp.rates {
			num, _, ok1 := c.cell(f, t, pi, i, meta, rp.num, buf)
			den, denLabel, ok2 := c.cell(f, t, pi, i, meta, rp.den, buf)
			if !ok1 || !ok2 {
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
// in the other part. It also returns ref written for messages.
func (c *Checker) cell(f Form, t Table, pi, row int, meta RowMeta, ref colRef, buf []int64) (int64, string, bool) {
	if ref.part == pi {
		return buf[ref.col], "(" + strconv.Itoa(ref.col) + ")", true
	}
	op := &c.spec.Parts[ref.part]
	label := "Phần " + op.ID + " (" + strconv.Itoa(ref.col) + ")"
	ot := f.Table(ref.part)
	j := MatchRow(ot, meta)
	if j < 0 {
		return 0, label, false
	}
	scratch := c.parts[pi].other
	ot.Ints(j, scratch)
	return scratch[ref.col], label, true
}

// MatchRow finds the row of t that corresponds to a row of another part or
// form: TỔNG CỘNG matches TỔNG CỘNG, a data row matches the data row whose
// label is the same after NFC normalisation, space folding and case
// folding. It returns -1 when there is none.
func MatchRow(t Table, meta RowMeta) int {
	n := t.Len()
	if meta.Kind == TotalRow {
		for j := n - 1; j >= 0; j-- {
			if t.Row(j).Kind == TotalRow {
				return j
			}
		}
		return -1
	}
	key := vntext.Key(meta.Label)
	for j := 0; j < n; j++ {
		m := t.Row(j)
		if m.Kind == DataRow && (m.Label == meta.Label || vntext.Key(m.Label) == key) {
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
	if got.Equal(RateOf(num, den, places)) {
		return true
	}
	shown := max(-got.Exponent(), 0)
	return got.Equal(RateOf(num, den, shown))
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

func addInt64(a, b int64) (int64, bool) {
	s := a + b
	if (b > 0 && s < a) || (b < 0 && s > a) {
		return 0, false
	}
	return s, true
}

func itoa(v int64) string { return strconv.FormatInt(v, 10) }

func diffText(got, want int64) string {
	if (want < 0 && got > math.MaxInt64+want) || (want > 0 && got < math.MinInt64+want) {
		return ""
	}
	d := got - want
	if d > 0 {
		return "+" + itoa(d)
	}
	return itoa(d)
}

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
// sorted. For many forms of one kind, build a Checker once instead.
func Check(f Form, opts CheckOptions) (Findings, error) {
	c, err := NewChecker(f.Spec(), opts)
	if err != nil {
		return nil, err
	}
	return c.Check(f, nil).Sort(), nil
}
