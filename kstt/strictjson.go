package kstt

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"

	json "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	jsonv1 "github.com/go-json-experiment/json/v1"

	"github.com/baocaodinhky/vpcp/internal/strictjson"
)

// Sentinel errors of the JSON the SDK reads (reports, check options). The
// errors are *JSONError values wrapping one of them, or the error of the
// JSON decoder (github.com/go-json-experiment/json) for malformed JSON.
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

// JSONError is an error at a place of a JSON document, named by its JSON
// pointer (RFC 6901) from the root: "/forms/0/form/rows/3/recieved",
// "/rules/II.07b~1R06/sevrity" ("~1" stands for "/").
type JSONError struct {
	Path string // the JSON pointer; "" for the whole document
	Err  error
}

// Error returns e.g. `/forms/0/form/rows/3/recieved: unknown field`.
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
// way every JSON the SDK reads is decoded, by
// github.com/go-json-experiment/json:
//   - a key that names no field, at any level, is ErrUnknownField (keys
//     match field names as encoding/json matches them, without regard to
//     case, but two keys of one object differing only in case are refused);
//   - a fractional or out-of-range count is ErrBadNumber;
//   - an array of more than maxRows elements (0: DefaultMaxRows) is
//     ErrTooManyRows, found before anything is decoded;
//   - data after the value is ErrTrailingData;
//   - a member name twice (also through escapes), invalid UTF-8 and lone
//     surrogates are refused; a UTF-8 byte order mark at the start is
//     accepted.
//
// These come as a *JSONError with the JSON pointer ("/cases/12/recieved").
func UnmarshalStrict(data []byte, v any, maxRows int) error {
	if maxRows <= 0 {
		maxRows = DefaultMaxRows
	}
	if t := reflect.TypeOf(v); t == nil || t.Kind() != reflect.Pointer {
		return errors.New("kstt: UnmarshalStrict needs a pointer")
	}
	data, err := checkStrict(data, maxRows)
	if err != nil {
		return err
	}
	return unmarshalChecked(data, v, "")
}

// checkStrict runs the checks of the whole text that come before any
// decoding (duplicate and case-twin names, UTF-8, array lengths) and
// returns data without its byte order mark; what follows the value is
// unmarshalChecked's to refuse, once the value itself has passed.
func checkStrict(data []byte, maxRows int) ([]byte, error) {
	data, err := strictjson.CheckWith(data, strictjson.Options{MaxElements: maxRows})
	var se *strictjson.Error
	switch {
	case err == nil:
		return data, nil
	case errors.As(err, &se) && errors.Is(se.Err, strictjson.ErrTooManyElements):
		return nil, &JSONError{Path: se.Pointer, Err: fmt.Errorf("%w: more than %d", ErrTooManyRows, maxRows)}
	}
	return nil, err
}

// decodeOptions: unknown members refused, names matched without regard
// to case as encoding/json does (but "carried_over" never matches
// "carriedover").
var decodeOptions = json.JoinOptions(
	json.RejectUnknownMembers(true),
	json.MatchCaseInsensitiveNames(true),
	jsonv1.MatchCaseSensitiveDelimiter(true),
)

// unmarshalChecked decodes data, which checkStrict passed, into v; prefix
// is the JSON pointer of data in an outer document.
func unmarshalChecked(data []byte, v any, prefix string) error {
	dec := jsontext.NewDecoder(bytes.NewReader(data))
	if err := json.UnmarshalDecode(dec, v, decodeOptions); err != nil {
		return jsonError(err, prefix)
	}
	if _, err := dec.ReadToken(); err != io.EOF {
		return &JSONError{Path: prefix, Err: ErrTrailingData}
	}
	return nil
}

// jsonError turns the decoder's error into a *JSONError with the sentinel
// of its kind and the pointer of the value at fault.
func jsonError(err error, prefix string) error {
	var se *json.SemanticError
	if !errors.As(err, &se) {
		var syn *jsontext.SyntacticError
		if errors.As(err, &syn) {
			return &JSONError{Path: prefix + string(syn.JSONPointer), Err: syn.Err}
		}
		return &JSONError{Path: prefix, Err: err}
	}
	path := prefix + string(se.JSONPointer)
	switch {
	case errors.Is(se.Err, json.ErrUnknownName):
		return &JSONError{Path: path, Err: ErrUnknownField}
	case se.JSONKind == '0' && se.GoType != nil && isNumber(se.GoType):
		return &JSONError{Path: path, Err: fmt.Errorf("%w: %s", ErrBadNumber, se.JSONValue)}
	}
	return &JSONError{Path: path, Err: err}
}

// isNumber reports whether t is a Go integer or floating-point type.
func isNumber(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return true
	}
	return false
}
