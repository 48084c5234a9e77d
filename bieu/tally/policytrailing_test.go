package tally

import (
	"errors"
	"testing"
)

// TestParsePolicyTrailingData: a policy file with text after its object
// ("{…}x", two objects) is refused; the first object alone was read and
// the rest ignored.
func TestParsePolicyTrailingData(t *testing.T) {
	for _, in := range []string{`{"no_duplicate_check": true}x`, `{} {"no_duplicate_check": true}`, `{}}`, `{"closing": "leave-out"} []`} {
		if p, err := ParsePolicy([]byte(in)); !errors.Is(err, ErrPolicy) {
			t.Errorf("ParsePolicy(%q) = %+v, %v; want ErrPolicy", in, p, err)
		}
	}
	for _, in := range []string{`{"no_duplicate_check": true}`, "{}\n", " {} \r\n\t"} {
		if _, err := ParsePolicy([]byte(in)); err != nil {
			t.Errorf("ParsePolicy(%q): %v", in, err)
		}
	}
}
