package kstt

// The engine uses a few methods of a form when the form has them. They
// are engine plumbing, not API: the forms of package bieu and of kstt/decl
// provide them, a form of one's own needs none of them, and a user never
// calls them. They are looked up on the form, then (textNormalizer,
// quickChecker) on its first table, so that a form type can keep such
// methods off its own method set and give them on the unexported table
// its Table method returns (package bieu does).

// headerInheritor is a form whose header a report can complete: every
// form of package bieu, and kstt/decl forms. InheritHeader sets each empty
// field of the form's header (unit, recipient, a zero period) from h and
// leaves the others as they are (Header.Inherit); NewReport calls it.
type headerInheritor interface {
	InheritHeader(h Header)
}

// textNormalizer brings a form's text (labels, STT, header names) to NFC
// with folded spaces (text is stored NFC-normalised, so labels typed in
// NFC and NFD match). Fill and Catalogue.DecodeReport call it.
type textNormalizer interface {
	NormalizeText()
}

// quickChecker is an optional fast path. QuickClean must report true
// only when every rule of the form's spec, all switched on, holds in every
// row; it may report false whenever it is unsure (a value near the int64
// limit, a negative count). A Checker then returns at once; otherwise it
// runs the rule engine as usual, so the fast path never changes a result.
// Package bieu generates QuickClean for its forms from the same rule
// declarations (go generate), and tests the two agree.
type quickChecker interface {
	QuickClean() bool
}

// textNormalizerOf returns the textNormalizer of f or of its first table.
func textNormalizerOf(f Form) (textNormalizer, bool) {
	if n, ok := f.(textNormalizer); ok {
		return n, true
	}
	if len(f.Spec().Parts) == 0 {
		return nil, false
	}
	n, ok := f.Table(0).(textNormalizer)
	return n, ok
}

// quickCheckerOf returns the quickChecker of f or of t0, its first table.
func quickCheckerOf(f Form, t0 Table) (quickChecker, bool) {
	if q, ok := f.(quickChecker); ok {
		return q, true
	}
	q, ok := t0.(quickChecker)
	return q, ok
}
