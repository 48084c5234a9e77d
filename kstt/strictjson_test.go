package kstt

import (
	"errors"
	"strings"
	"testing"
)

func TestUnmarshalStrictHostile(t *testing.T) {
	type row struct {
		N int32 `json:"n"`
	}
	type doc struct {
		Rows []row          `json:"rows"`
		Any  any            `json:"any"`
		M    map[string]row `json:"m"`
	}
	deep := strings.Repeat("[", 200_000) + strings.Repeat("]", 200_000)
	for _, c := range []struct {
		in   string
		path string
		want error
	}{
		{`{"rows":[{"n":1},{"n":2147483648}]}`, "rows[1].n", ErrBadNumber},
		{`{"rows":[{"n":1e2}]}`, "rows[0].n", ErrBadNumber},
		{`{"m":{"a":{"n":1,"x":2}}}`, `m["a"].x`, ErrUnknownField},
		{`{"rows":[{},{},{},{}]}`, "rows", ErrTooManyRows},
		{`{"rows":[]}x`, "", ErrTrailingData},
	} {
		var d doc
		err := UnmarshalStrict([]byte(c.in), &d, 3)
		var je *JSONError
		if !errors.Is(err, c.want) || !errors.As(err, &je) || je.Path != c.path {
			t.Errorf("%s: err = %v, want %v at %q", c.in, err, c.want, c.path)
		}
	}
	for _, in := range []string{`{"any":` + deep + `}`, `{"rows":` + deep + `}`, deep, `{"rows":[{"n":`} {
		var d doc
		if err := UnmarshalStrict([]byte(in), &d, 0); err == nil {
			t.Errorf("%.40s…: no error", in)
		}
	}
	// Keys match as encoding/json matches them: case-insensitively.
	var d doc
	if err := UnmarshalStrict([]byte(`{"Rows":[{"N":7}]}`), &d, 0); err != nil || d.Rows[0].N != 7 {
		t.Errorf("case-insensitive keys: %v %+v", err, d)
	}
}
