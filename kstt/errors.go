package kstt

import "errors"

// Sentinel errors for the mechanical failures of this package. Rule outcomes
// are never errors: they are Findings. Match these with errors.Is.
var (
	// ErrBadSeverity: a severity that is not error, warning or info.
	ErrBadSeverity = errors.New("invalid severity")
	// ErrUnknownRule: an option or a lookup names a rule ID no catalogue has.
	ErrUnknownRule = errors.New("unknown rule")
	// ErrBadRule: a rule declaration that refers to a missing column, repeats
	// an ID or lacks a field; caught when a FormSpec is validated.
	ErrBadRule = errors.New("invalid rule declaration")
	// ErrUnknownForm: a form code that no catalogue declares.
	ErrUnknownForm = errors.New("unknown form")
	// ErrOverflow: a sum that does not fit in an int64 (Fill cannot compute
	// it; Check reports it as a finding instead).
	ErrOverflow = errors.New("sum overflows int64")
	// ErrFindings is matched (errors.Is) by the error Findings.Err returns,
	// so callers can tell "the form has errors" from an I/O failure.
	ErrFindings = errors.New("form has findings")
)
