package strictjson

import (
	"errors"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	for _, c := range []struct {
		in      string
		pointer string // "" for accepted
		cause   string
	}{
		{`{"unit": "Sở A", "forms": [{"rows": [{"a": 1}]}]}`, "", ""},
		{"\xEF\xBB\xBF{\"unit\": \"Sở A\"}", "", ""},
		{`[1, 2, {"a": {"b": []}}]`, "", ""},
		{`"just a string"`, "", ""},
		{`{"unit": "A", "unit": "B"}`, "/unit", "duplicate"},
		{`{"unit": "A", "\u0075nit": "B"}`, "/unit", "duplicate"},
		{`{"header": {"unit": "A", "Unit": "B"}}`, "/header/Unit", "differ only in case"},
		{`{"forms": [{"rows": [{"x": 1}, {"x": 1, "X": 2}]}]}`, "/forms/0/rows/1/X", "differ only in case"},
		{"{\"unit\": \"H\xff t\xe9ch\"}", "/unit", "UTF-8"},
		{`{"unit": "\ud800"}`, "/unit", "surrogate"},
		{`{"unit": "A",}`, "", "invalid character"},
	} {
		out, err := Check([]byte(c.in))
		if c.cause == "" {
			if err != nil || strings.HasPrefix(string(out), "\xEF\xBB\xBF") {
				t.Errorf("%q: %v", c.in, err)
			}
			continue
		}
		var e *Error
		if !errors.As(err, &e) || !strings.Contains(strings.ToLower(err.Error()), strings.ToLower(c.cause)) || (c.pointer != "" && e.Pointer != c.pointer) {
			t.Errorf("%q: %v (pointer %q), want %s at %s", c.in, err, e.Pointer, c.cause, c.pointer)
		}
	}
	if _, err := Check([]byte(`{"a": "x"}`)); err != nil {
		t.Fatal(err)
	}
	// Case twins in different objects are fine.
	if _, err := Check([]byte(`{"a": {"x": 1}, "b": {"X": 2}}`)); err != nil {
		t.Errorf("twins in two objects: %v", err)
	}
}

func FuzzCheck(f *testing.F) {
	f.Add([]byte(`{"unit": "Sở A", "forms": [{"rows": [{"a": 1}]}]}`))
	f.Add([]byte(`{"a": 1, "A": 2}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := Check(data)
		if err == nil && len(out) > len(data) {
			t.Fatal("output longer than input")
		}
	})
}

// CheckWith's bound: the elements of any one array.
func TestCheckWith(t *testing.T) {
	o := Options{MaxElements: 3}
	for _, c := range []struct {
		in      string
		pointer string
		want    error // nil for accepted
	}{
		{`{"rows": [1, 2, 3]}`, "", nil},
		{`{"rows": []}` + " \r\n\t", "", nil},
		{`[[1, 2, 3], {"a": [{}, {}, {}]}]`, "", nil},
		{`{"rows": [1, 2, 3, 4]}`, "/rows", ErrTooManyElements},
		{`{"forms": [{"rows": [{}, {}, {}, {}]}]}`, "/forms/0/rows", ErrTooManyElements},
		{`[1, 2, 3, [4]]`, "", ErrTooManyElements},
	} {
		_, err := CheckWith([]byte(c.in), o)
		var e *Error
		switch {
		case c.want == nil && err != nil:
			t.Errorf("%s: %v", c.in, err)
		case c.want != nil && (!errors.Is(err, c.want) || !errors.As(err, &e) || e.Pointer != c.pointer):
			t.Errorf("%s: err = %v, want %v at %q", c.in, err, c.want, c.pointer)
		}
	}
	// Without the bound, Check leaves the length alone; what follows
	// the value is the caller's decoder's to refuse.
	for _, in := range []string{`[1, 2, 3, 4]`, `{} {}`} {
		if _, err := Check([]byte(in)); err != nil {
			t.Errorf("Check(%s): %v", in, err)
		}
	}
}
