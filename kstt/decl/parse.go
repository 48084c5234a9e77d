package decl

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/baocaodinhky/vpcp/internal/strictjson"
	"github.com/baocaodinhky/vpcp/period"
)

// MaxDeclarationBytes bounds the JSON document Parse reads: a real form's
// declaration is a few kilobytes.
const MaxDeclarationBytes = 1 << 20

// Parse reads a declaration from its JSON document and compiles it (see
// Compile). Every error is an *Error naming the JSON path of the value at
// fault — an unknown field, a value of the wrong type, a duplicate column
// number, a rule naming a column that does not exist, a formula that does
// not parse. It never panics.
func Parse(data []byte) (*Schema, error) {
	d, err := Decode(data)
	if err != nil {
		return nil, err
	}
	return Compile(d)
}

// Decode reads a declaration from JSON without compiling it. Fields are
// matched exactly (an unknown or misspelt field is an error, not ignored).
func Decode(data []byte) (*Declaration, error) {
	if len(data) > MaxDeclarationBytes {
		return nil, errAt("$", "the document is %d bytes, more than %d", len(data), MaxDeclarationBytes)
	}
	if !utf8.Valid(data) {
		return nil, errAt("$", "the document is not UTF-8 text")
	}
	data = strictjson.TrimBOM(data) // a byte order mark, as Notepad writes
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, &Error{Path: "$", Msg: "not a JSON document", Err: err}
	}
	if dec.More() {
		return nil, errAt("$", "more than one JSON value")
	}
	// Duplicate and case-twin member names and lone surrogates, which the
	// decoder above takes silently, are refused with their JSON pointer.
	if _, err := strictjson.Check(data); err != nil {
		return nil, &Error{Path: "$", Msg: "not strict JSON", Err: err}
	}
	w := walker{}
	d := w.declaration("$", v)
	if w.err != nil {
		return nil, w.err
	}
	return d, nil
}

// walker reads a decoded JSON value into a Declaration, keeping the first
// error with its path.
type walker struct{ err *Error }

func (w *walker) fail(path, format string, args ...any) {
	if w.err == nil {
		w.err = errAt(path, format, args...)
	}
}

// object returns v as an object whose keys are all among known.
func (w *walker) object(path string, v any, known ...string) map[string]any {
	m, ok := v.(map[string]any)
	if !ok {
		w.fail(path, "want an object, found %s", kindOf(v))
		return nil
	}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if !slices.Contains(known, k) {
			w.fail(path+"."+k, "unknown field (known: %s)", strings.Join(known, ", "))
		}
	}
	return m
}

func kindOf(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return "a value"
}

func (w *walker) str(path string, m map[string]any, key string) string {
	v, ok := m[key]
	if !ok || v == nil {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		w.fail(path+"."+key, "want a string, found %s", kindOf(v))
	}
	return s
}

func (w *walker) boolean(path string, m map[string]any, key string) bool {
	v, ok := m[key]
	if !ok || v == nil {
		return false
	}
	b, ok := v.(bool)
	if !ok {
		w.fail(path+"."+key, "want true or false, found %s", kindOf(v))
	}
	return b
}

func (w *walker) integer(path string, m map[string]any, key string, lo, hi int64) int64 {
	v, ok := m[key]
	if !ok || v == nil {
		return 0
	}
	n, ok := v.(json.Number)
	if !ok {
		w.fail(path+"."+key, "want a whole number, found %s", kindOf(v))
		return 0
	}
	i, err := strconv.ParseInt(string(n), 10, 64)
	if err != nil || i < lo || i > hi {
		w.fail(path+"."+key, "want a whole number from %d to %d, found %s", lo, hi, n)
		return 0
	}
	return i
}

func (w *walker) date(path string, m map[string]any, key string) period.Date {
	s := w.str(path, m, key)
	if s == "" {
		return period.Date{}
	}
	d, err := period.ParseDate(s)
	if err != nil {
		if w.err == nil {
			w.err = &Error{Path: path + "." + key, Msg: "want a date such as 2025-07-01 or 1/7/2025", Err: err}
		}
	}
	return d
}

func (w *walker) array(path string, m map[string]any, key string) []any {
	v, ok := m[key]
	if !ok || v == nil {
		return nil
	}
	a, ok := v.([]any)
	if !ok {
		w.fail(path+"."+key, "want an array, found %s", kindOf(v))
	}
	return a
}

func (w *walker) strings(path string, m map[string]any, key string) []string {
	var out []string
	for i, v := range w.array(path, m, key) {
		s, ok := v.(string)
		if !ok {
			w.fail(fmt.Sprintf("%s.%s[%d]", path, key, i), "want a string, found %s", kindOf(v))
			continue
		}
		out = append(out, s)
	}
	return out
}

func (w *walker) declaration(path string, v any) *Declaration {
	m := w.object(path, v, "code", "printed", "title", "unit", "basis", "edition", "doc", "inferred", "parts", "rules")
	if m == nil {
		return nil
	}
	d := &Declaration{
		Code: w.str(path, m, "code"), Printed: w.str(path, m, "printed"), Title: w.str(path, m, "title"),
		Unit: w.str(path, m, "unit"), Basis: w.str(path, m, "basis"), Doc: w.str(path, m, "doc"), Inferred: w.strings(path, m, "inferred"),
	}
	if ev, ok := m["edition"]; ok {
		ep := path + ".edition"
		if em := w.object(ep, ev, "name", "basis", "valid_from", "valid_to", "note"); em != nil {
			d.Edition = Edition{Name: w.str(ep, em, "name"), Basis: w.str(ep, em, "basis"),
				ValidFrom: w.date(ep, em, "valid_from"), ValidTo: w.date(ep, em, "valid_to"), Note: w.str(ep, em, "note")}
		}
	}
	for i, pv := range w.array(path, m, "parts") {
		pp := fmt.Sprintf("%s.parts[%d]", path, i)
		pm := w.object(pp, pv, "id", "title", "columns", "rows")
		if pm == nil {
			continue
		}
		p := Part{ID: w.str(pp, pm, "id"), Title: w.str(pp, pm, "title")}
		for j, cv := range w.array(pp, pm, "columns") {
			cp := fmt.Sprintf("%s.columns[%d]", pp, j)
			cm := w.object(cp, cv, "num", "key", "label", "groups", "kind", "width")
			if cm == nil {
				continue
			}
			p.Columns = append(p.Columns, Column{Num: int(w.integer(cp, cm, "num", math.MinInt32, math.MaxInt32)), Key: w.str(cp, cm, "key"),
				Label: w.str(cp, cm, "label"), Groups: w.strings(cp, cm, "groups"), Kind: w.str(cp, cm, "kind"),
				Width: int(w.integer(cp, cm, "width", 0, 200))})
		}
		if rv, ok := pm["rows"]; ok {
			rp := pp + ".rows"
			if rm := w.object(rp, rv, "label", "fields", "levels", "sections"); rm != nil {
				p.Rows = Rows{Label: w.str(rp, rm, "label"), Fields: w.strings(rp, rm, "fields"),
					Levels: w.groups(rp, rm, "levels"), Sections: w.groups(rp, rm, "sections")}
			}
		}
		d.Parts = append(d.Parts, p)
	}
	for i, rv := range w.array(path, m, "rules") {
		rp := fmt.Sprintf("%s.rules[%d]", path, i)
		rm := w.object(rp, rv, "id", "rule", "check", "severity", "places", "from", "basis", "meaning", "meaning_en", "inferred", "note", "note_en")
		if rm == nil {
			continue
		}
		d.Rules = append(d.Rules, Rule{ID: w.str(rp, rm, "id"), Rule: w.str(rp, rm, "rule"), Check: w.boolean(rp, rm, "check"),
			Severity: w.str(rp, rm, "severity"), Places: int32(w.integer(rp, rm, "places", 0, 10)), From: w.date(rp, rm, "from"),
			Basis: w.str(rp, rm, "basis"), Meaning: w.str(rp, rm, "meaning"), MeaningEN: w.str(rp, rm, "meaning_en"),
			Inferred: w.boolean(rp, rm, "inferred"), Note: w.str(rp, rm, "note"), NoteEN: w.str(rp, rm, "note_en")})
	}
	return d
}

func (w *walker) groups(path string, m map[string]any, key string) []Group {
	var out []Group
	for i, gv := range w.array(path, m, key) {
		gp := fmt.Sprintf("%s.%s[%d]", path, key, i)
		gm := w.object(gp, gv, "code", "title")
		if gm == nil {
			continue
		}
		out = append(out, Group{Code: w.str(gp, gm, "code"), Title: w.str(gp, gm, "title")})
	}
	return out
}
