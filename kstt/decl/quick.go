package decl

import (
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
)

// quickPlan is a form's fast path: the rules of its spec that a direct
// loop over the rows can verify. ok is false when the spec has a rule the
// loop does not know (a rate, a bound across parts): QuickClean then
// always defers to the engine.
type quickPlan struct {
	ok    bool
	parts []quickPart
}

type quickPart struct {
	sums    []quickSum // SumOfColumns and Balance: data and total rows
	atMost  [][2]int   // target ≤ other, same part, data rows
	flags   []int      // 0 or 1, data rows
	rowSum  bool       // TỔNG CỘNG = Σ data rows
	numeric []int
	// free are the numeric columns whose TỔNG CỘNG is compared with the
	// sum of the rows; the others are derived: each is the target of a sum
	// rule whose terms are free or derived before it, so its TỔNG CỘNG
	// follows from theirs once that rule holds on every row and on TỔNG
	// CỘNG (the sums are exact: see quickMax).
	free    []int
	maxMult uint64 // the largest multiplicity of a derived column (see freeColumns)
	width   int
	// sum2, sum3, sum4 are the sums of two, three and four terms; prog
	// the others flattened: target, number of terms, the terms, …
	sum2 [][3]int // target, a, b
	sum3 [][4]int // target, a, b, c
	sum4 [][5]int // target, a, b, c, d
	prog []int
}

type quickSum struct {
	target int
	terms  []int
}

func planQuick(spec *kstt.FormSpec, parts []partInfo) quickPlan {
	q := quickPlan{ok: true, parts: make([]quickPart, len(spec.Parts))}
	for pi := range spec.Parts {
		q.parts[pi] = quickPart{numeric: parts[pi].numeric, width: parts[pi].width}
	}
	for _, r := range spec.Rules {
		pi := spec.PartIndex(r.Target.Part)
		qp := &q.parts[pi]
		switch r.Kind {
		case kstt.SumOfColumns, kstt.Balance:
			if len(r.Terms) > quickMaxTerms {
				q.ok = false
			}
			s := quickSum{target: r.Target.Col}
			for _, t := range r.Terms {
				s.terms = append(s.terms, t.Col)
			}
			qp.sums = append(qp.sums, s)
		case kstt.SumOfRows:
			qp.rowSum = true
		case kstt.NonNegative:
			// Free counts are checked to be within [0, 2^31], derived
			// ones are sums of them.
		case kstt.FlagOnly:
			qp.flags = append(qp.flags, r.Target.Col)
		case kstt.AtMost:
			if r.Terms[0].Part != r.Target.Part {
				q.ok = false
			}
			qp.atMost = append(qp.atMost, [2]int{r.Target.Col, r.Terms[0].Col})
		default:
			q.ok = false
		}
	}
	for _, r := range spec.Rules {
		// The loop reads the columns straight from Row.Values: every
		// column a sum, bound or flag rule names must be a count or flag
		// column of its part.
		switch r.Kind {
		case kstt.SumOfColumns, kstt.Balance, kstt.AtMost, kstt.FlagOnly:
		default:
			continue
		}
		pi := spec.PartIndex(r.Target.Part)
		if !isNumeric(&parts[pi], r.Target.Col) {
			q.ok = false
		}
		for _, t := range r.Terms {
			if t.Part != r.Target.Part || !isNumeric(&parts[pi], t.Col) {
				q.ok = false
			}
		}
	}
	for pi := range q.parts {
		qp := &q.parts[pi]
		qp.free, qp.maxMult = freeColumns(qp.numeric, qp.sums)
		for _, s := range qp.sums {
			switch t := s.terms; len(t) {
			case 2:
				qp.sum2 = append(qp.sum2, [3]int{s.target, t[0], t[1]})
				continue
			case 3:
				qp.sum3 = append(qp.sum3, [4]int{s.target, t[0], t[1], t[2]})
				continue
			case 4:
				qp.sum4 = append(qp.sum4, [5]int{s.target, t[0], t[1], t[2], t[3]})
				continue
			}
			qp.prog = append(qp.prog, s.target, len(s.terms))
			qp.prog = append(qp.prog, s.terms...)
		}
	}
	return q
}

// freeColumns returns the numeric columns that are not derived, and the
// largest multiplicity of a derived column (how many free cells, counted
// with repetition, its value adds up; 1 when none is derived). A column is
// derived when it is the target of a sum whose terms are all free or
// derived earlier and its multiplicity stays within quickMaxMult (so a
// cycle of sums leaves its columns free).
func freeColumns(numeric []int, sums []quickSum) (free []int, maxMult uint64) {
	mult := map[int]uint64{}
	target := map[int]bool{}
	for _, s := range sums {
		target[s.target] = true
	}
	for _, c := range numeric {
		if !target[c] {
			mult[c] = 1
		}
	}
	derived := map[int]bool{}
	maxMult = 1
	for changed := true; changed; {
		changed = false
		for _, s := range sums {
			if mult[s.target] != 0 {
				continue
			}
			var m uint64
			for _, t := range s.terms {
				if mult[t] == 0 {
					m = 0
					break
				}
				m += mult[t]
				if m > quickMaxMult {
					break
				}
			}
			if m != 0 && m <= quickMaxMult {
				mult[s.target], derived[s.target], changed = m, true, true
				maxMult = max(maxMult, m)
			}
		}
	}
	for _, c := range numeric {
		if !derived[c] {
			free = append(free, c)
		}
	}
	return free, maxMult
}

// The fast path's arithmetic is exact — it agrees with the engine's
// checked int64 sums — because of these bounds. A free column's count is in
// [0, quickMax]; a derived one is then a sum of at most quickMaxMult free
// cells (checked by its rule, exactly, since its terms are exact), so in
// [0, 2^51]; a sum rule has at most quickMaxTerms terms; and a part is
// taken only when its rows times its largest multiplicity stay below
// quickMax, so that no column adds up to 2^62 or more over the rows.
const (
	quickMax      = 1 << 31
	quickMaxMult  = 1 << 20
	quickMaxTerms = 1 << 10
	// quickMaxTotal bounds TỔNG CỘNG of a part without the "Σ các dòng"
	// rule (not compared with the rows): a sum of quickMaxTerms of them
	// fits in int64.
	quickMaxTotal = 1 << 52
)

// quickBlock is how many rows the loop takes at a time: each rule then
// runs over the block in a tight loop of its own (the rows stay in the
// cache), so the plan is read once a block, not once a row.
const quickBlock = 32

// quickClean is the fast path (QuickClean for kstt, given by the form's
// tables): it reports true only when every
// rule of the form's declaration holds in every row, by a direct loop over
// the rows; it reports false — and the engine, which gives the findings,
// runs — whenever a rule fails or it is unsure (a negative count or one
// above 2^31, a row shorter than the form, a row kind it does not know, a
// rule it does not know).
//
// The loop is planned from the schema's compiled rules: per block of rows
// one pass checks the kinds and lengths, then the free columns (see
// quickPart.free) are range-checked and summed a few at a time, then each
// sum, bound and flag rule runs over the block. A block with level or
// section rows is checked row by row.
func (f *Form) quickClean() bool {
	if f.schema == nil || !f.schema.quick.ok || len(f.Parts) < len(f.schema.parts) {
		return false
	}
	var stack [64]int64
	for pi := range f.schema.quick.parts {
		qp := &f.schema.quick.parts[pi]
		p := &f.Parts[pi]
		if uint64(len(p.Rows))*qp.maxMult >= quickMax {
			return false
		}
		acc := stack[:0]
		if qp.rowSum {
			if len(qp.free) <= len(stack) {
				acc = stack[:len(qp.free)]
				clear(acc)
			} else {
				acc = make([]int64, len(qp.free))
			}
		}
		for rows := p.Rows; len(rows) > 0; {
			n := min(len(rows), quickBlock)
			if !qp.blockClean(rows[:n], acc) {
				return false
			}
			rows = rows[n:]
		}
		if !qp.totalClean(p.Total.Values, acc) {
			return false
		}
	}
	return true
}

// blockClean checks the data rows of blk and adds their free columns to
// acc (when the part sums its rows).
func (qp *quickPart) blockClean(blk []Row, acc []int64) bool {
	plain := true
	for i := range blk {
		r := &blk[i]
		switch r.Kind {
		case 0, layout.DataRow:
		case layout.LevelRow, layout.SectionRow:
			plain = false
			continue
		default:
			return false // a TỔNG CỘNG among the rows, or an unknown kind
		}
		if len(r.Values) < qp.width {
			return false
		}
	}
	if !plain {
		return qp.rowsClean(blk, acc)
	}
	// Every row of blk is a data row as long as the form. The free
	// columns first: in [0, 2^31] (or is above it otherwise), summed.
	// Four columns a pass, then two, then one: a row's Values is read once
	// a pass.
	var or int64
	free := qp.free
	k := 0
	for ; k+4 <= len(free); k += 4 {
		c0, c1, c2, c3 := free[k], free[k+1], free[k+2], free[k+3]
		var s0, s1, s2, s3 int64
		for i := range blk {
			v := blk[i].Values
			x0, x1, x2, x3 := v[c0], v[c1], v[c2], v[c3]
			or |= x0 | x1 | x2 | x3
			s0, s1, s2, s3 = s0+x0, s1+x1, s2+x2, s3+x3
		}
		if len(acc) > 0 {
			acc[k] += s0
			acc[k+1] += s1
			acc[k+2] += s2
			acc[k+3] += s3
		}
	}
	for ; k+2 <= len(free); k += 2 {
		c0, c1 := free[k], free[k+1]
		var s0, s1 int64
		for i := range blk {
			v := blk[i].Values
			x0, x1 := v[c0], v[c1]
			or |= x0 | x1
			s0, s1 = s0+x0, s1+x1
		}
		if len(acc) > 0 {
			acc[k] += s0
			acc[k+1] += s1
		}
	}
	for ; k < len(free); k++ {
		c := free[k]
		var s int64
		for i := range blk {
			x := blk[i].Values[c]
			or |= x
			s += x
		}
		if len(acc) > 0 {
			acc[k] += s
		}
	}
	if uint64(or) > quickMax {
		return false
	}
	// The sums: all differences are 0 (mod 2^64) only when every derived
	// column, in the order it was found, is exactly the sum of its terms —
	// so in [0, 2^51] — and then every other sum rule holds exactly too.
	var bad int64
	for _, s := range qp.sum2 {
		t, a, b := s[0], s[1], s[2]
		for i := range blk {
			v := blk[i].Values
			bad |= v[t] - v[a] - v[b]
		}
	}
	for _, s := range qp.sum3 {
		t, a, b, c := s[0], s[1], s[2], s[3]
		for i := range blk {
			v := blk[i].Values
			bad |= v[t] - v[a] - v[b] - v[c]
		}
	}
	for _, s := range qp.sum4 {
		t, a, b, c, d := s[0], s[1], s[2], s[3], s[4]
		for i := range blk {
			v := blk[i].Values
			bad |= v[t] - v[a] - v[b] - v[c] - v[d]
		}
	}
	if len(qp.prog) > 0 {
		for i := range blk {
			if !qp.progHolds(blk[i].Values) {
				return false
			}
		}
	}
	if bad != 0 {
		return false
	}
	// Every count is now in [0, 2^51].
	for _, m := range qp.atMost {
		t, o := m[0], m[1]
		for i := range blk {
			v := blk[i].Values
			bad |= (v[o] - v[t]) >> 63 // -1 when v[t] > v[o]
		}
	}
	for _, c := range qp.flags {
		for i := range blk {
			bad |= blk[i].Values[c] >> 1 // not 0 when above 1
		}
	}
	return bad == 0
}

// rowsClean is blockClean row by row, skipping level and section rows;
// the kinds and lengths are already checked.
func (qp *quickPart) rowsClean(blk []Row, acc []int64) bool {
	for i := range blk {
		r := &blk[i]
		if r.Kind == layout.LevelRow || r.Kind == layout.SectionRow {
			continue
		}
		v := r.Values
		for _, c := range qp.free {
			if uint64(v[c]) > quickMax {
				return false
			}
		}
		if !qp.sumsHold(v) {
			return false
		}
		for _, m := range qp.atMost {
			if v[m[0]] > v[m[1]] {
				return false
			}
		}
		for _, c := range qp.flags {
			if v[c] > 1 {
				return false
			}
		}
		for k, c := range qp.free[:len(acc)] {
			acc[k] += v[c]
		}
	}
	return true
}

// totalClean checks TỔNG CỘNG: its free columns equal the sums of the
// rows (acc) and the sums hold on it; without the "Σ các dòng" rule, its
// counts are only bounded.
func (qp *quickPart) totalClean(v []int64, acc []int64) bool {
	if len(v) < qp.width {
		return false
	}
	if qp.rowSum {
		for k, c := range qp.free {
			if v[c] != acc[k] {
				return false
			}
		}
	} else {
		for _, c := range qp.numeric {
			if x := v[c]; x < 0 || x > quickMaxTotal {
				return false
			}
		}
	}
	return qp.sumsHold(v)
}

func (qp *quickPart) sumsHold(v []int64) bool {
	for _, s := range qp.sum2 {
		if v[s[1]]+v[s[2]] != v[s[0]] {
			return false
		}
	}
	for _, s := range qp.sum3 {
		if v[s[1]]+v[s[2]]+v[s[3]] != v[s[0]] {
			return false
		}
	}
	for _, s := range qp.sum4 {
		if v[s[1]]+v[s[2]]+v[s[3]]+v[s[4]] != v[s[0]] {
			return false
		}
	}
	return qp.progHolds(v)
}

// progHolds checks the sums of other than two, three or four terms.
func (qp *quickPart) progHolds(v []int64) bool {
	prog := qp.prog
	for len(prog) >= 2 {
		target, n := prog[0], prog[1]
		terms := prog[2:]
		if n > len(terms) {
			return false
		}
		var sum int64
		for _, t := range terms[:n] {
			sum += v[t]
		}
		if sum != v[target] {
			return false
		}
		prog = terms[n:]
	}
	return true
}

var _ interface{ QuickClean() bool } = (*partTable)(nil)
