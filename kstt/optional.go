package kstt

// The optional interfaces a form may implement (TextNormalizer,
// QuickChecker) are looked up on the form, then on its first table, so
// that a form type can keep such engine methods off its own method set
// and give them on the unexported table its Table method returns (package
// bieu does).

// textNormalizerOf returns the TextNormalizer of f or of its first table.
func textNormalizerOf(f Form) (TextNormalizer, bool) {
	if n, ok := f.(TextNormalizer); ok {
		return n, true
	}
	if len(f.Spec().Parts) == 0 {
		return nil, false
	}
	n, ok := f.Table(0).(TextNormalizer)
	return n, ok
}

// quickCheckerOf returns the QuickChecker of f or of t0, its first table.
func quickCheckerOf(f Form, t0 Table) (QuickChecker, bool) {
	if q, ok := f.(QuickChecker); ok {
		return q, true
	}
	q, ok := t0.(QuickChecker)
	return q, ok
}
