package tally

import (
	"errors"
	"strings"
	"testing"
)

// Policies and JSON Lines case lists refuse duplicate and case-twin
// member names and invalid UTF-8, naming the line and the JSON pointer, and
// take a byte order mark.
func TestStrictJSONPolicyAndLines(t *testing.T) {
	if _, err := ParsePolicy([]byte(`{"closing": "leave-out", "Closing": "count"}`)); !errors.Is(err, ErrPolicy) || !strings.Contains(err.Error(), "at /Closing") {
		t.Errorf("policy: %v", err)
	}
	if _, err := ParsePolicy([]byte("\xEF\xBB\xBF" + `{"closing": "leave-out"}`)); err != nil {
		t.Errorf("policy with a byte order mark: %v", err)
	}
	good := `{"code": "J2", "field": "Hộ tịch", "channel": "trực tiếp", "received": "1/5/2024", "due": "5/5/2024"}`
	for bad, ptr := range map[string]string{
		`{"code": "J3", "field": "Hộ tịch", "field": "H\u00f4 t\u1ecbch", "received": "1/5/2024"}`: "/field",
		`{"code": "J3", "Field": "X", "field": "Hộ tịch", "received": "1/5/2024"}`:                 "/field",
		"{\"code\": \"J4\", \"field\": \"H\xff t\xe9ch\", \"received\": \"1/5/2024\"}":             "/field",
		`{"code": "J5", "field": "\udc00", "received": "1/5/2024"}`:                                "/field",
	} {
		var got error
		for _, err := range ReadJSONL(strings.NewReader("\xEF\xBB\xBF"+good+"\n"+bad+"\n"), ReadOptions{Source: "ds.jsonl"}) {
			if err != nil {
				got = err
				break
			}
		}
		var re *ReadError
		if !errors.As(got, &re) || re.Row != 2 || !strings.Contains(got.Error(), "at "+ptr) {
			t.Errorf("%s: %v, want line 2 at %s", bad, got, ptr)
		}
	}
}
