package kstt

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"
)

var fieldCache sync.Map // reflect.Type → map[string]reflect.Type

// Sentinel errors of the JSON the SDK reads (reports, check options). The
// errors are *JSONError values wrapping one of them, or the error of
// encoding/json for malformed JSON.
var (
	// ErrUnknownField: an object holds a key its type has no field for —
	// a misspelt "recieved" is refused, never read as 0.
	ErrUnknownField = errors.New("unknown field")
	// ErrBadNumber: a number is fractional where a count is expected, or
	// out of its type's range.
	ErrBadNumber = errors.New("number out of range or not whole")
	// ErrTooManyRows: an array holds more elements than the decoder's
	// MaxRows.
	ErrTooManyRows = errors.New("too many rows")
	// ErrTrailingData: something follows the JSON value.
	ErrTrailingData = errors.New("data after the JSON value")
)

// JSONError is an error at a place of a JSON document, named by its path
// from the root: "forms[0].form.rows[3].recieved", `rules["II.07b/R06"].sevrity`.
type JSONError struct {
	Path string
	Err  error
}

// Error returns e.g. `forms[0].form.rows[3].recieved: unknown field`.
func (e *JSONError) Error() string {
	if e.Path == "" {
		return e.Err.Error()
	}
	return e.Path + ": " + e.Err.Error()
}

// Unwrap returns the sentinel.
func (e *JSONError) Unwrap() error { return e.Err }

// DefaultMaxRows bounds the elements of any one JSON array the SDK
// decodes (the rows of a form): more than a national aggregate holds.
const DefaultMaxRows = 250_000

// UnmarshalStrict decodes the JSON document data into v (a pointer) the
// way every JSON the SDK reads is decoded: a key that names no field, at
// any level, is ErrUnknownField; a fractional or out-of-range count is
// ErrBadNumber; an array of more than maxRows elements (0: DefaultMaxRows)
// is ErrTooManyRows, found before anything is decoded; data after the
// value is ErrTrailingData. These come as a *JSONError with the path
// ("cases[12].recieved"). Other malformed JSON is encoding/json's error.
func UnmarshalStrict(data []byte, v any, maxRows int) error {
	if maxRows <= 0 {
		maxRows = DefaultMaxRows
	}
	t := reflect.TypeOf(v)
	if t == nil || t.Kind() != reflect.Pointer {
		return errors.New("kstt: UnmarshalStrict needs a pointer")
	}
	if err := strictCheck(data, t, "", maxRows); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// strictCheck walks the JSON document data against type t without
// decoding it: every object key must name a field of the struct it fills
// (matched as encoding/json matches it, case-insensitively), every number
// bound for an integer must be a whole number in range, no array may hold
// more than maxRows elements, and nothing may follow the value. Values of
// types that decode themselves (json.Unmarshaler, encoding.TextUnmarshaler,
// json.RawMessage, interfaces) are skipped. prefix is the path of data in
// an outer document.
func strictCheck(data []byte, t reflect.Type, prefix string, maxRows int) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	w := walker{dec: dec, maxRows: maxRows}
	if err := w.value(t, prefix); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return &JSONError{Path: prefix, Err: ErrTrailingData}
	}
	return nil
}

type walker struct {
	dec     *json.Decoder
	maxRows int
	// formType gives the Go type of a report's form by its code, so that
	// forms are checked in the same pass; checked records the forms it
	// walked (a form written before its code is checked afterwards).
	formType func(code string) reflect.Type
	checked  map[int]bool
	form     int
}

var (
	unmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	rawMessageType      = reflect.TypeFor[json.RawMessage]()
)

// selfDecoding reports whether values of t decode themselves.
func selfDecoding(t reflect.Type) bool {
	if t == rawMessageType || t.Kind() == reflect.Interface {
		return true
	}
	p := reflect.PointerTo(t)
	return t.Implements(unmarshalerType) || p.Implements(unmarshalerType) ||
		t.Implements(textUnmarshalerType) || p.Implements(textUnmarshalerType)
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// value walks one value of type t at path.
func (w *walker) value(t reflect.Type, path string) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if selfDecoding(t) {
		// Skipped with the decoder's scanner, much faster than token
		// by token.
		var raw json.RawMessage
		return jsonSyntax(path, w.dec.Decode(&raw))
	}
	tok, err := w.dec.Token()
	if err != nil {
		return jsonSyntax(path, err)
	}
	if tok == nil { // null fills anything
		return nil
	}
	switch d := tok.(type) {
	case json.Delim:
		switch {
		case d == '{' && t.Kind() == reflect.Struct:
			return w.object(t, path)
		case d == '{' && t.Kind() == reflect.Map:
			return w.mapValues(t.Elem(), path)
		case d == '[' && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array):
			return w.array(t.Elem(), path)
		}
		return w.skip(tok, path) // a type mismatch: encoding/json reports it
	case json.Number:
		return checkNumber(d, t, path)
	}
	return nil
}

// skip skips the rest of a value whose first token is tok.
func (w *walker) skip(tok json.Token, path string) error {
	d, ok := tok.(json.Delim)
	if !ok || d == '}' || d == ']' {
		return nil
	}
	for depth := 1; depth > 0; {
		tok, err := w.dec.Token()
		if err != nil {
			return jsonSyntax(path, err)
		}
		if d, ok := tok.(json.Delim); ok {
			if d == '{' || d == '[' {
				depth++
			} else {
				depth--
			}
		}
	}
	return nil
}

func (w *walker) object(t reflect.Type, path string) error {
	if t == reportFormType && w.formType != nil {
		return w.reportForm(path)
	}
	fields := jsonFields(t)
	for w.dec.More() {
		tok, err := w.dec.Token()
		if err != nil {
			return jsonSyntax(path, err)
		}
		key, _ := tok.(string)
		ft, ok := fields[key]
		if !ok {
			for name, f := range fields {
				if strings.EqualFold(name, key) {
					ft, ok = f, true
					break
				}
			}
		}
		if !ok {
			return &JSONError{Path: join(path, key), Err: ErrUnknownField}
		}
		if err := w.value(ft, join(path, key)); err != nil {
			return err
		}
	}
	_, err := w.dec.Token() // }
	return jsonSyntax(path, err)
}

var reportFormType = reflect.TypeFor[reportForm]()

// reportForm walks {"code": …, "form": {…}}, the form with its own type
// when its code came first.
func (w *walker) reportForm(path string) error {
	n := w.form
	w.form++
	var ft reflect.Type
	for w.dec.More() {
		tok, err := w.dec.Token()
		if err != nil {
			return jsonSyntax(path, err)
		}
		key, _ := tok.(string)
		switch {
		case strings.EqualFold(key, "code"):
			tok, err := w.dec.Token()
			if err != nil {
				return jsonSyntax(join(path, key), err)
			}
			code, _ := tok.(string)
			ft = w.formType(code)
			if d, ok := tok.(json.Delim); ok {
				if err := w.skip(d, join(path, key)); err != nil {
					return err
				}
			}
		case strings.EqualFold(key, "form") && ft != nil:
			if err := w.value(ft, join(path, key)); err != nil {
				return err
			}
			w.checked[n] = true
		case strings.EqualFold(key, "form"):
			if err := w.value(rawMessageType, join(path, key)); err != nil {
				return err
			}
		default:
			return &JSONError{Path: join(path, key), Err: ErrUnknownField}
		}
	}
	_, err := w.dec.Token()
	return jsonSyntax(path, err)
}

func (w *walker) mapValues(elem reflect.Type, path string) error {
	for w.dec.More() {
		tok, err := w.dec.Token()
		if err != nil {
			return jsonSyntax(path, err)
		}
		key, _ := tok.(string)
		if err := w.value(elem, path+"["+strconv.Quote(key)+"]"); err != nil {
			return err
		}
	}
	_, err := w.dec.Token()
	return jsonSyntax(path, err)
}

func (w *walker) array(elem reflect.Type, path string) error {
	n := 0
	for w.dec.More() {
		if n == w.maxRows {
			return &JSONError{Path: path, Err: fmt.Errorf("%w: more than %d", ErrTooManyRows, w.maxRows)}
		}
		if err := w.value(elem, path+"["+strconv.Itoa(n)+"]"); err != nil {
			return err
		}
		n++
	}
	_, err := w.dec.Token()
	return jsonSyntax(path, err)
}

// checkNumber checks a number bound for an integer field.
func checkNumber(n json.Number, t reflect.Type, path string) error {
	var ok bool
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v, err := strconv.ParseInt(string(n), 10, 64)
		ok = err == nil && !reflect.Zero(t).OverflowInt(v)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v, err := strconv.ParseUint(string(n), 10, 64)
		ok = err == nil && !reflect.Zero(t).OverflowUint(v)
	case reflect.Float32, reflect.Float64:
		f, err := strconv.ParseFloat(string(n), 64)
		ok = err == nil && !math.IsInf(f, 0)
	default:
		return nil // a type mismatch: encoding/json reports it
	}
	if !ok {
		return &JSONError{Path: path, Err: fmt.Errorf("%w: %s", ErrBadNumber, n)}
	}
	return nil
}

// jsonSyntax wraps a decoder error with the path it was met at.
func jsonSyntax(path string, err error) error {
	if err == nil {
		return nil
	}
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	return &JSONError{Path: path, Err: err}
}

// jsonFields maps the JSON names of t's fields (embedded structs' fields
// promoted, as encoding/json does) to their types.
func jsonFields(t reflect.Type) map[string]reflect.Type {
	if m, ok := fieldCache.Load(t); ok {
		return m.(map[string]reflect.Type)
	}
	out := map[string]reflect.Type{}
	defer fieldCache.Store(t, out)
	var add func(t reflect.Type, depth int)
	add = func(t reflect.Type, depth int) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			tag := f.Tag.Get("json")
			if tag == "-" {
				continue
			}
			name, _, _ := strings.Cut(tag, ",")
			ft := f.Type
			if f.Anonymous && name == "" {
				et := ft
				if et.Kind() == reflect.Pointer {
					et = et.Elem()
				}
				if et.Kind() == reflect.Struct && depth < 8 {
					add(et, depth+1)
					continue
				}
			}
			if !f.IsExported() {
				continue
			}
			if name == "" {
				name = f.Name
			}
			if _, dup := out[name]; !dup || depth == 0 {
				out[name] = ft
			}
		}
	}
	add(t, 0)
	return out
}
