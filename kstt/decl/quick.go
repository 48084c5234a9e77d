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
	width   int
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
	for pi := range q.parts {
		qp := &q.parts[pi]
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

// quickMax bounds the values the fast path adds: with counts at most
// 2^31, no sum of fewer than 2^32 rows overflows int64.
const quickMax = 1 << 31

// QuickClean implements kstt.QuickChecker: it reports true only when every
// rule of the form's declaration holds in every row, by a direct loop over
// the rows; it reports false — and the engine, which gives the findings,
// runs — whenever a rule fails or it is unsure (a negative count or one
// above 2^31, a row shorter than the form, a rule it does not know).
func (f *Form) QuickClean() bool {
	if f.schema == nil || !f.schema.quick.ok || len(f.Parts) < len(f.schema.parts) {
		return false
	}
	var acc [256]int64
	for pi := range f.schema.quick.parts {
		qp := &f.schema.quick.parts[pi]
		if qp.width > len(acc) {
			return false
		}
		clear(acc[:qp.width])
		p := &f.Parts[pi]
		for i := range p.Rows {
			r := &p.Rows[i]
			if r.Kind != kstt.DataRow && r.Kind != 0 {
				continue
			}
			v := r.Values
			if len(v) < qp.width {
				return false
			}
			var or int64
			if qp.lo > 0 {
				vs := v[qp.lo:qp.hi]
				as := acc[qp.lo:qp.hi]
				as = as[:len(vs)]
				for j, x := range vs {
					or |= x
					as[j] += x
				}
			} else {
				for _, c := range qp.numeric {
					x := v[c]
					or |= x
					acc[c] += x
				}
			}
			if uint64(or) > quickMax {
				return false
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
		}
		v := p.Total.Values
		if len(v) < qp.width {
			return false
		}
		for _, c := range qp.numeric {
			if x := v[c]; x < 0 || x > quickMax*quickMax || (qp.rowSum && x != acc[c]) {
				return false
			}
		}
		if !qp.sumsHold(v) {
			return false
		}
	}
	return true
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
