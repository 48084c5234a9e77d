// Package render holds the Renderer interface that every output format of
// the module implements, and Registry, a small name-to-renderer table that a
// program builds for itself (there is no global registry and nothing
// registers itself in init).
//
// Renderers consume the neutral layout.Sheet layout (see kstt.Layout), never
// the typed forms of package bieu: a new form needs no renderer change, and
// a new renderer needs no form change. The renderers of this module live in
// subpackages (render/text, render/xlsx); CSV, a plain spreadsheet-safe
// export, lives here because it needs nothing beyond the standard library.
//
// A program that wants the usual formats builds its registry once:
//
//	reg := render.NewRegistry()
//	if err := reg.Register(text.New(text.DefaultOptions())); err != nil { … }
//	if err := reg.Register(xlsx.New(xlsx.Options{})); err != nil { … }
//	if err := reg.Register(render.CSV{}); err != nil { … }
//	r, err := reg.Lookup(*format) // "text", "xlsx", "csv", …
//
// Package render/std returns that registry ready made. (It cannot live
// here: render/text and render/xlsx import render.)
package render

import (
	"errors"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/baocaodinhky/vpcp/kstt/layout"
)

// Renderer writes one or more sheets to w in one output format.
//
// Implementations must not keep state between calls that changes their
// output (the same sheets give the same bytes), must not panic on odd sheets
// (no columns, short rows, bad header spans) and must return an error that
// wraps ErrNilSheet, before writing anything, when one of sheets is nil
// (CheckSheets does that check). Rendering no sheets at all writes nothing
// and returns nil, or returns an error in formats that cannot be empty
// (an XLSX workbook needs a worksheet).
type Renderer interface {
	// Format is the name of the output format, in lower case: "text",
	// "xlsx", "csv", …. A Registry holds one renderer per format name.
	Format() string
	// Render writes sheets to w, in order.
	Render(w io.Writer, sheets ...*layout.Sheet) error
}

// Sentinel errors of this package. Match them with errors.Is: the errors
// the package returns wrap them in a *FormatError that names the format.
var (
	// ErrDuplicate: Register was given a second renderer for a format name
	// the registry already holds.
	ErrDuplicate = errors.New("renderer already registered for this format")
	// ErrUnknownFormat: Lookup was asked for a format no renderer was
	// registered for.
	ErrUnknownFormat = errors.New("unknown output format")
	// ErrInvalidRenderer: Register was given a nil renderer or one whose
	// Format is empty.
	ErrInvalidRenderer = errors.New("invalid renderer")
	// ErrNilSheet: Render was given a nil *layout.Sheet.
	ErrNilSheet = errors.New("nil sheet")
)

// FormatError is the error Registry returns: the format name concerned and
// the sentinel that says what went wrong (ErrDuplicate, ErrUnknownFormat or
// ErrInvalidRenderer).
type FormatError struct {
	Format string // the format name as given
	Err    error  // one of the sentinels of this package
}

// Error returns e.g. `render: format "pdf": unknown output format`.
func (e *FormatError) Error() string {
	return "render: format " + quote(e.Format) + ": " + e.Err.Error()
}

// Unwrap returns the sentinel, for errors.Is.
func (e *FormatError) Unwrap() error { return e.Err }

func quote(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"`
}

// Registry maps format names to renderers. Names are matched without
// regard to case ("XLSX" finds "xlsx"). The zero value is not ready for
// use: call NewRegistry. A Registry is safe for concurrent use.
type Registry struct {
	mu sync.RWMutex
	m  map[string]Renderer // key: strings.ToLower(Format())
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry {
	return &Registry{m: make(map[string]Renderer)}
}

// Register adds rd under rd.Format(). It returns an error wrapping
// ErrInvalidRenderer when rd is nil (also a typed nil pointer) or its format
// name is empty or blank, and one wrapping ErrDuplicate when a renderer is
// already registered under that name; the registry is unchanged then.
func (r *Registry) Register(rd Renderer) error {
	if isNil(rd) {
		return &FormatError{Format: "", Err: ErrInvalidRenderer}
	}
	name := rd.Format()
	key := strings.ToLower(strings.TrimSpace(name))
	if key == "" {
		return &FormatError{Format: name, Err: ErrInvalidRenderer}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.m == nil {
		r.m = make(map[string]Renderer)
	}
	if _, dup := r.m[key]; dup {
		return &FormatError{Format: name, Err: ErrDuplicate}
	}
	r.m[key] = rd
	return nil
}

// Lookup returns the renderer registered for format, or an error wrapping
// ErrUnknownFormat.
func (r *Registry) Lookup(format string) (Renderer, error) {
	key := strings.ToLower(strings.TrimSpace(format))
	r.mu.RLock()
	rd, ok := r.m[key]
	r.mu.RUnlock()
	if !ok {
		return nil, &FormatError{Format: format, Err: ErrUnknownFormat}
	}
	return rd, nil
}

// Formats returns the registered format names, sorted.
func (r *Registry) Formats() []string {
	r.mu.RLock()
	names := make([]string, 0, len(r.m))
	for _, rd := range r.m {
		names = append(names, rd.Format())
	}
	r.mu.RUnlock()
	slices.Sort(names)
	return names
}

// isNil reports whether rd is nil or an interface holding a nil pointer,
// map, slice, func or channel (calling Format on it could panic).
func isNil(rd Renderer) bool {
	if rd == nil {
		return true
	}
	switch v := reflect.ValueOf(rd); v.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan, reflect.Interface:
		return v.IsNil()
	}
	return false
}

// CheckSheets returns an error wrapping ErrNilSheet when one of sheets is
// nil. Renderers call it before writing anything.
func CheckSheets(sheets []*layout.Sheet) error {
	for i, s := range sheets {
		if s == nil {
			return &SheetError{Index: i, Err: ErrNilSheet}
		}
	}
	return nil
}

// SheetError is an error about one of the sheets passed to Render.
type SheetError struct {
	Index int   // position of the sheet in the Render call, from 0
	Err   error // what went wrong, e.g. ErrNilSheet
}

// Error returns e.g. "render: sheet 2: nil sheet" for Index 1: the
// message counts sheets from 1, as a person reads them.
func (e *SheetError) Error() string {
	return "render: sheet " + strconv.Itoa(e.Index+1) + ": " + e.Err.Error()
}

// Unwrap returns the cause, for errors.Is.
func (e *SheetError) Unwrap() error { return e.Err }
