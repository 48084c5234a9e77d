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
		{`{"rows":[{"n":1},{"n":2147483648}]}`, "/rows/1/n", ErrBadNumber},
		{`{"rows":[{"n":1e2}]}`, "/rows/0/n", ErrBadNumber},
		{`{"m":{"a":{"n":1,"x":2}}}`, "/m/a/x", ErrUnknownField},
		{`{"rows":[{},{},{},{}]}`, "/rows", ErrTooManyRows},
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
	// … but never ignoring the underscore: "carriedover" is not
	// "carried_over".
	var c struct {
		CarriedOver int64 `json:"carried_over"`
	}
	if err := UnmarshalStrict([]byte(`{"carriedover": 1}`), &c, 0); !errors.Is(err, ErrUnknownField) {
		t.Errorf("carriedover: err = %v, want ErrUnknownField", err)
	}
	// A member name twice, in another case or through an escape, invalid
	// UTF-8 and a lone surrogate are refused with their pointer; a byte
	// order mark is accepted.
	for _, in := range []string{`{"Rows":[],"rows":[]}`, `{"rows":[{"n":1,"\u006e":2}]}`, "{\"m\":{\"\xff\":{}}}", `{"m":{"\udc00":{}}}`} {
		if err := UnmarshalStrict([]byte(in), &d, 0); err == nil || !strings.Contains(err.Error(), "/") {
			t.Errorf("%s: err = %v, want a refusal with its pointer", in, err)
		}
	}
	if err := UnmarshalStrict([]byte("\xEF\xBB\xBF{\"rows\":[{\"n\":3}]}"), &d, 0); err != nil || d.Rows[0].N != 3 {
		t.Errorf("with a BOM: %v %+v", err, d)
	}
}
