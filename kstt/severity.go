package kstt

import (
	"fmt"
	"strings"
)

// Severity grades a finding. The zero value is invalid so that a rule or an
// override that forgot to set it is caught when the catalogue is built.
type Severity uint8

// The three severities. Error: an arithmetic identity the form
// prints, or a value the form forbids; Warning: an implausible value or a
// cross-form mismatch a person must confirm; Info: a remark that needs no
// action (a blank cell read as 0, a value computed by the reader).
const (
	Info Severity = iota + 1
	Warning
	Error
)

// String returns "info", "warning" or "error".
func (s Severity) String() string {
	if s.Valid() {
		return severityNames[s].en
	}
	return fmt.Sprintf("severity(%d)", uint8(s))
}

// severityNames are each severity's English name (String) and Vietnamese
// label (Vietnamese), by Severity.
var severityNames = [...]struct{ en, vi string }{
	Info:    {"info", "Thông tin"},
	Warning: {"warning", "Cảnh báo"},
	Error:   {"error", "Lỗi"},
}

// Vietnamese returns the label an official reads: "Thông tin", "Cảnh báo"
// or "Lỗi".
func (s Severity) Vietnamese() string {
	if s.Valid() {
		return severityNames[s].vi
	}
	return s.String()
}

// Valid reports whether s is one of Info, Warning and Error.
func (s Severity) Valid() bool { return s >= Info && s <= Error }

// MarshalText writes the English name.
func (s Severity) MarshalText() ([]byte, error) {
	if !s.Valid() {
		return nil, fmt.Errorf("kstt: %w: %d", ErrBadSeverity, uint8(s))
	}
	return []byte(s.String()), nil
}

// UnmarshalText reads "error", "warning", "info" (any case) or the
// Vietnamese labels "lỗi", "cảnh báo", "thông tin".
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// ParseSeverity reads a severity written as MarshalText or Vietnamese
// writes it.
func ParseSeverity(text string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(text)) {
	case "error", "lỗi":
		return Error, nil
	case "warning", "cảnh báo":
		return Warning, nil
	case "info", "thông tin":
		return Info, nil
	}
	return 0, fmt.Errorf("kstt: %w: %q (want error, warning or info)", ErrBadSeverity, text)
}
