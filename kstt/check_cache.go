package kstt

import (
	"sync"
	"sync/atomic"
)

// Check and Catalogue.Check compile a spec's rules once and reuse them:
// compiledFor keeps, per *FormSpec, a copy of the spec as it was compiled
// and the plan of its rules under the zero CheckOptions, with a pool of
// Checkers (scratch buffers) over that plan. A spec changed in place after
// it was compiled no longer equals its copy and is compiled afresh, so the
// cache never runs stale rules. At most maxCachedSpecs specs are kept;
// when that many are, the cache is emptied and fills again (specs are
// compiled anew, which is always correct).

const maxCachedSpecs = 256

type compiledSpec struct {
	snap *FormSpec // the spec as compiled; the plan reads this copy
	plan *checkPlan
	pool sync.Pool // *Checker over plan
}

var (
	specCache  sync.Map // *FormSpec → *compiledSpec
	specCached atomic.Int32
)

// compiledFor returns the compiled rules of spec under the zero options,
// validating the spec the first time it is seen.
func compiledFor(spec *FormSpec) (*compiledSpec, error) {
	if v, ok := specCache.Load(spec); ok {
		if cs := v.(*compiledSpec); sameSpec(spec, cs.snap) {
			return cs, nil
		}
	}
	snap := spec.Clone()
	if err := snap.Validate(); err != nil {
		return nil, err
	}
	cs := &compiledSpec{snap: snap, plan: compile(snap, CheckOptions{})}
	if _, ok := specCache.Load(spec); !ok && specCached.Add(1) > maxCachedSpecs {
		// Full, mostly of specs no longer used (a catalogue copied for
		// each check): start afresh rather than stop caching.
		specCache.Clear()
		specCached.Store(1)
	}
	specCache.Store(spec, cs)
	return cs, nil
}

// checker takes a Checker from the pool for a form whose own spec is fs.
// When fs is the spec compiled (and found equal to the copy), the form's
// fast path applies at once; otherwise the Checker compares the rules on
// first use, as any Checker does.
func (cs *compiledSpec) checker(spec, fs *FormSpec) *Checker {
	c, _ := cs.pool.Get().(*Checker)
	if c == nil {
		c = cs.plan.newChecker()
	}
	if fs == spec {
		c.quickFor = fs
	}
	return c
}

func (cs *compiledSpec) release(c *Checker) { cs.pool.Put(c) }

// sameSpec reports whether a and b declare the same form: every field of
// the spec, its parts, columns and rules. It costs a few hundred
// nanoseconds and never allocates.
func sameSpec(a, b *FormSpec) bool {
	if a.Code != b.Code || a.Title != b.Title || a.Unit != b.Unit || a.Basis != b.Basis ||
		len(a.Parts) != len(b.Parts) || len(a.Rules) != len(b.Rules) {
		return false
	}
	for i := range a.Parts {
		pa, pb := &a.Parts[i], &b.Parts[i]
		if pa.ID != pb.ID || pa.Title != pb.Title || len(pa.Columns) != len(pb.Columns) {
			return false
		}
		for j := range pa.Columns {
			ca, cb := &pa.Columns[j], &pb.Columns[j]
			if ca.Num != cb.Num || ca.Key != cb.Key || ca.Label != cb.Label || ca.Kind != cb.Kind || ca.Width != cb.Width ||
				len(ca.Groups) != len(cb.Groups) {
				return false
			}
			for k := range ca.Groups {
				if ca.Groups[k] != cb.Groups[k] {
					return false
				}
			}
		}
	}
	for i := range a.Rules {
		ra, rb := &a.Rules[i], &b.Rules[i]
		if ra.ID != rb.ID || ra.Kind != rb.Kind || ra.Severity != rb.Severity || ra.Expr != rb.Expr || ra.Basis != rb.Basis ||
			ra.Meaning != rb.Meaning || ra.MeaningEN != rb.MeaningEN || ra.Inferred != rb.Inferred ||
			ra.Note != rb.Note || ra.NoteEN != rb.NoteEN || ra.Target != rb.Target || ra.Places != rb.Places ||
			len(ra.Terms) != len(rb.Terms) {
			return false
		}
		for k := range ra.Terms {
			if ra.Terms[k] != rb.Terms[k] {
				return false
			}
		}
	}
	return true
}

// checkCompiled runs the cached rules of f's spec (zero options) and
// appends the findings to dst.
func checkCompiled(f Form, dst Findings) (Findings, error) {
	return checkCompiledSpec(f.Spec(), f, dst)
}

// checkCompiledSpec runs the cached rules of spec (zero options) on f.
func checkCompiledSpec(spec *FormSpec, f Form, dst Findings) (Findings, error) {
	cs, err := compiledFor(spec)
	if err != nil {
		return dst, err
	}
	c := cs.checker(spec, f.Spec())
	dst = c.check(f, dst)
	cs.release(c)
	return dst, nil
}
