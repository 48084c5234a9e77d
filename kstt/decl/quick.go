package decl

import "github.com/baocaodinhky/vpcp/kstt"

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
	free  []int
	width int
	// lo, hi: the numeric columns are lo…hi-1 without gaps (the usual
	// case), so the loop over them needs no index checks; lo is 0 when not.
	lo, hi int
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
		qp := quickPart{numeric: parts[pi].numeric, width: parts[pi].width}
		if n := len(qp.numeric); n > 0 && qp.numeric[n-1]-qp.numeric[0] == n-1 {
			qp.lo, qp.hi = qp.numeric[0], qp.numeric[n-1]+1
		}
		q.parts[pi] = qp
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
			// Every value is checked to be within [0, 2^31] anyway.
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
		qp.free = freeColumns(qp.numeric, qp.sums)
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

// freeColumns returns the numeric columns that are not derived: a column
// is derived when it is the target of a sum whose terms are all free or
// derived earlier (so a cycle of sums leaves its columns free).
func freeColumns(numeric []int, sums []quickSum) []int {
	known := map[int]bool{}
	target := map[int]bool{}
	for _, s := range sums {
		target[s.target] = true
	}
	for _, c := range numeric {
		if !target[c] {
			known[c] = true
		}
	}
	derived := map[int]bool{}
	for changed := true; changed; {
		changed = false
		for _, s := range sums {
			if known[s.target] {
				continue
			}
			all := true
			for _, t := range s.terms {
				all = all && known[t]
			}
			if all {
				known[s.target], derived[s.target], changed = true, true, true
			}
		}
	}
	var free []int
	for _, c := range numeric {
		if !derived[c] {
			free = append(free, c)
		}
	}
	return free
}

// quickMax bounds the values the fast path accepts in a row: with every
// count in [0, 2^31], no sum of at most quickMaxTerms terms and no sum of
// a column over fewer than 2^31 rows overflows int64, so the loop's
// int64 arithmetic is exact and agrees with the engine's checked one.
const (
	quickMax      = 1 << 31
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

// QuickClean implements kstt.QuickChecker: it reports true only when every
// rule of the form's declaration holds in every row, by a direct loop over
// the rows; it reports false — and the engine, which gives the findings,
// runs — whenever a rule fails or it is unsure (a negative count or one
// above 2^31, a row shorter than the form, a row kind it does not know, a
// rule it does not know).
//
// The loop is planned from the schema's compiled rules: per block of rows
// one pass checks the kinds, lengths and range of the counts, then each
// sum, bound and flag rule runs over the block, then the free columns'
// sums are carried (see quickPart.free). A block with level or section
// rows is checked row by row.
func (f *Form) QuickClean() bool {
	if f.schema == nil || !f.schema.quick.ok || len(f.Parts) < len(f.schema.parts) {
		return false
	}
	var stack [64]int64
	for pi := range f.schema.quick.parts {
		qp := &f.schema.quick.parts[pi]
		p := &f.Parts[pi]
		if len(p.Rows) >= quickMax {
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
	var or int64
	plain := true
	for i := range blk {
		r := &blk[i]
		switch r.Kind {
		case 0, kstt.DataRow:
		case kstt.LevelRow, kstt.SectionRow:
			plain = false
			continue
		default:
			return false // a TỔNG CỘNG among the rows, or an unknown kind
		}
		v := r.Values
		if len(v) < qp.width {
			return false
		}
		if qp.lo > 0 {
			for _, x := range v[qp.lo:qp.hi] {
				or |= x
			}
		} else {
			for _, c := range qp.numeric {
				or |= v[c]
			}
		}
	}
	if uint64(or) > quickMax {
		return false
	}
	if !plain {
		return qp.rowsClean(blk, acc)
	}
	// Every row of blk is a data row with all its columns in [0, 2^31]:
	// a difference is 0 exactly when a rule holds.
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
	if bad != 0 {
		return false
	}
	for k, c := range qp.free[:len(acc)] {
		s := acc[k]
		for i := range blk {
			s += blk[i].Values[c]
		}
		acc[k] = s
	}
	return true
}

// rowsClean is blockClean row by row, skipping level and section rows;
// the kinds, lengths and range are already checked.
func (qp *quickPart) rowsClean(blk []Row, acc []int64) bool {
	for i := range blk {
		r := &blk[i]
		if r.Kind == kstt.LevelRow || r.Kind == kstt.SectionRow {
			continue
		}
		v := r.Values
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

var _ kstt.QuickChecker = (*Form)(nil)
