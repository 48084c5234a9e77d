// Package strictjson checks that a JSON text is one the library's inputs
// may take as it stands: well-formed (RFC 8259), valid UTF-8 with no lone
// surrogate escape, and with no object holding the same member name twice
// — neither written alike, nor through escapes ("unit" and "\u0075nit"),
// nor differing only in case ("unit" and "Unit"), which a decoder matching
// names without regard to case would read as one. A UTF-8 byte order mark
// at the start is accepted and dropped.
//
// It runs on github.com/go-json-experiment/json/jsontext, which rejects
// duplicate names (after unescaping) and invalid UTF-8 by default; the
// case-twin check is this package's. Every error names the JSON pointer
// (RFC 6901) of the member or value at fault, e.g. "/forms/0/form/rows/3".
package strictjson

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/go-json-experiment/json/jsontext"
)

// bom is the UTF-8 byte order mark Notepad and Excel write.
var bom = []byte("\xEF\xBB\xBF")

// TrimBOM returns data without a leading UTF-8 byte order mark.
func TrimBOM(data []byte) []byte { return bytes.TrimPrefix(data, bom) }

// Error is a JSON text refused by Check: where (the JSON pointer, and the
// byte offset) and why.
type Error struct {
	Pointer string // the JSON pointer of the value at fault; "" for the whole text
	Offset  int64  // the byte offset after which the fault was found
	Err     error  // the cause, e.g. ErrCaseTwin or jsontext's syntactic error
}

// ErrCaseTwin: an object holds two member names that differ only in case.
var ErrCaseTwin = errors.New("two member names differ only in case")

// Error returns e.g. `at /header/Unit: two member names differ only in
// case: "unit" and "Unit"`.
func (e *Error) Error() string {
	where := cmp.Or(e.Pointer, "/")
	return fmt.Sprintf("at %s (byte %d): %v", where, e.Offset, e.Err)
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// ErrTooManyElements: an array holds more than Options.MaxElements
// elements (CheckWith); the error's pointer names the array.
var ErrTooManyElements = errors.New("array has too many elements")

// Options are the bounds CheckWith adds to Check's checks.
type Options struct {
	// MaxElements, when above 0, bounds the elements of any one array:
	// more is ErrTooManyElements, found before anything is decoded.
	MaxElements int
}

// Check returns data without a leading byte order mark when it holds
// exactly one JSON value that passes the checks of the package doc, and a
// *Error naming the first fault otherwise.
func Check(data []byte) ([]byte, error) { return CheckWith(data, Options{}) }

// CheckWith is Check with the bounds of o.
func CheckWith(data []byte, o Options) ([]byte, error) {
	data = TrimBOM(data)
	dec := jsontext.NewDecoder(bytes.NewBuffer(data)) // parsed in place, not copied
	// names[i] maps the folded member names of the i-th open value to
	// their spelling: nil for an array, and for an object until its first
	// name (an empty object costs nothing).
	var names []map[string]string
	for {
		// A member name is the next token when the innermost open value is
		// an object holding an even number of tokens so far.
		depth := dec.StackDepth()
		kind, length := dec.StackIndex(depth)
		atName := depth > 0 && kind == '{' && length%2 == 0
		if o.MaxElements > 0 && depth > 0 && kind == '[' && length >= int64(o.MaxElements) && dec.PeekKind() != ']' {
			ptr := string(dec.StackPointer())
			if i := strings.LastIndexByte(ptr, '/'); i >= 0 {
				ptr = ptr[:i] // the array, not its last element
			}
			return nil, &Error{Pointer: ptr, Offset: dec.InputOffset(), Err: fmt.Errorf("%w: more than %d", ErrTooManyElements, o.MaxElements)}
		}
		tok, err := dec.ReadToken()
		if err == io.EOF && dec.InputOffset() == int64(len(data)) && len(names) == 0 {
			// No value at all: the caller's decoder says so in its words.
			return data, nil
		}
		if err != nil {
			return nil, fail(dec, err)
		}
		switch tok.Kind() {
		case '{', '[':
			names = append(names, nil)
		case '}', ']':
			names = names[:len(names)-1]
			if len(names) == 0 {
				// The value is complete; what follows it, if anything, is
				// the caller's decoder's to refuse (trailing data).
				return data, nil
			}
		case '"':
			if atName && len(names) > 0 {
				name := tok.String()
				folded := strings.ToLower(name)
				seen := names[len(names)-1]
				if seen == nil {
					seen = make(map[string]string, 16)
					names[len(names)-1] = seen
				}
				if prev, ok := seen[folded]; ok && prev != name {
					return nil, &Error{Pointer: string(dec.StackPointer()), Offset: dec.InputOffset(),
						Err: fmt.Errorf("%w: %q and %q", ErrCaseTwin, prev, name)}
				}
				seen[folded] = name
			}
		}
	}
}

// fail turns a decoder error into an *Error with its pointer.
func fail(dec *jsontext.Decoder, err error) error {
	var se *jsontext.SyntacticError
	if errors.As(err, &se) {
		return &Error{Pointer: string(se.JSONPointer), Offset: se.ByteOffset, Err: se.Err}
	}
	return &Error{Pointer: string(dec.StackPointer()), Offset: dec.InputOffset(), Err: err}
}
