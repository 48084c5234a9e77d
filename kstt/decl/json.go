package decl

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/baocaodinhky/vpcp/kstt/layout"
)

// ErrNoSchema: a Form was decoded without a schema (a zero Form). Decode
// with Schema.New, or through a catalogue the schema was added to.
var ErrNoSchema = errors.New("decl: a Form is decoded by its Schema (Schema.New, or Catalogue.DecodeReport of a catalogue the schema was added to)")

// MarshalJSON writes the form as the package documentation describes: for
// a form of one unnamed part {"header": …, "rows": […], "total": {…}} —
// the layout of the typed forms of package bieu, so a form declared as
// data writes the same JSON as its typed twin —, else {"header": …,
// "parts": [{"id": "I", "rows": […], "total": {…}}, …]}. A data row is an
// object keyed by column key in column order ((1) only when not empty); a
// level or section row is {"level": "I", "title": "CẤP TỈNH"} or
// {"section": "B", "title": "…"}.
func (f *Form) MarshalJSON() ([]byte, error) {
	if f.schema == nil {
		return nil, ErrNoSchema
	}
	f.ensure()
	var b bytes.Buffer
	b.WriteString(`{"header":`)
	h, err := json.Marshal(f.Header)
	if err != nil {
		return nil, err
	}
	b.Write(h)
	single := len(f.schema.parts) == 1 && f.schema.spec.Parts[0].ID == ""
	if !single {
		b.WriteString(`,"parts":[`)
	}
	for pi := range f.schema.parts {
		if !single {
			if pi > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`{"id":`)
			writeString(&b, f.schema.spec.Parts[pi].ID)
			b.WriteByte(',')
		} else {
			b.WriteByte(',')
		}
		p := &f.Parts[pi]
		b.WriteString(`"rows":[`)
		for i := range p.Rows {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := f.writeRow(&b, pi, &p.Rows[i]); err != nil {
				return nil, err
			}
		}
		b.WriteString(`],"total":`)
		if err := f.writeRow(&b, pi, &p.Total); err != nil {
			return nil, err
		}
		if !single {
			b.WriteByte('}')
		}
	}
	if !single {
		b.WriteByte(']')
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func writeString(b *bytes.Buffer, s string) {
	q, _ := json.Marshal(s)
	b.Write(q)
}

func (f *Form) writeRow(b *bytes.Buffer, pi int, r *Row) error {
	switch r.Kind {
	case layout.LevelRow, layout.SectionRow:
		key := "level"
		if r.Kind == layout.SectionRow {
			key = "section"
		}
		b.WriteString(`{"` + key + `":`)
		writeString(b, r.STT)
		b.WriteString(`,"title":`)
		writeString(b, r.Label)
		b.WriteByte('}')
		return nil
	}
	b.WriteByte('{')
	first := true
	member := func(key string) { // the member's name, after a comma unless first
		if !first {
			b.WriteByte(',')
		}
		first = false
		writeString(b, key)
		b.WriteByte(':')
	}
	for _, c := range f.schema.spec.Parts[pi].Columns {
		switch {
		case c.Num == 1:
			if r.STT == "" {
				continue
			}
			member(c.Key)
			writeString(b, r.STT)
		case c.Num == 2:
			member(c.Key)
			writeString(b, r.Label)
		case c.Kind == layout.RateColumn:
			member(c.Key)
			v := decimal.Zero
			if c.Num < len(r.Rates) {
				v = r.Rates[c.Num]
			}
			q, err := json.Marshal(v)
			if err != nil {
				return err
			}
			b.Write(q)
		default:
			member(c.Key)
			var v int64
			if c.Num < len(r.Values) {
				v = r.Values[c.Num]
			}
			b.WriteString(strconv.FormatInt(v, 10))
		}
	}
	b.WriteByte('}')
	return nil
}

// UnmarshalJSON reads what MarshalJSON writes, into a form built by its
// Schema. Field names are matched exactly: an unknown key, a count that is
// not a whole number or a part the declaration lacks is an error naming
// the place ("rows[2].online"), never silently dropped.
func (f *Form) UnmarshalJSON(data []byte) error {
	if f.schema == nil {
		return ErrNoSchema
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return fmt.Errorf("decl: form %s: %w", f.schema.spec.Code, err)
	}
	bad := func(where, format string, args ...any) error {
		return fmt.Errorf("decl: form %s: %s: %w: %s", f.schema.spec.Code, where, ErrInvalid, fmt.Sprintf(format, args...))
	}
	out := Form{schema: f.schema, Parts: make([]PartData, len(f.schema.parts))}
	single := len(f.schema.parts) == 1 && f.schema.spec.Parts[0].ID == ""
	for k, raw := range top {
		switch k {
		case "header":
			if err := json.Unmarshal(raw, &out.Header); err != nil {
				return fmt.Errorf("decl: form %s: header: %w", f.schema.spec.Code, err)
			}
		case "rows", "total":
			if !single {
				return bad(k, `a form of several parts holds its rows in "parts"`)
			}
		case "parts":
			if single {
				return bad(k, `a form of one part holds its rows in "rows" and "total"`)
			}
		default:
			return bad(k, "unknown field")
		}
	}
	if single {
		if err := out.readPart(0, "", top["rows"], top["total"], bad); err != nil {
			return err
		}
	} else if raw, ok := top["parts"]; ok {
		var parts []map[string]json.RawMessage
		if err := json.Unmarshal(raw, &parts); err != nil {
			return bad("parts", "%v", err)
		}
		done := map[int]bool{}
		for i, pm := range parts {
			where := "parts[" + strconv.Itoa(i) + "]"
			var id string
			if err := json.Unmarshal(pm["id"], &id); err != nil && pm["id"] != nil {
				return bad(where+".id", "%v", err)
			}
			pi := f.schema.spec.PartIndex(id)
			if pi < 0 || done[pi] {
				return bad(where+".id", "part %q is not declared, or given twice", id)
			}
			done[pi] = true
			for k := range pm {
				if k != "id" && k != "rows" && k != "total" {
					return bad(where+"."+k, "unknown field")
				}
			}
			if err := out.readPart(pi, where+".", pm["rows"], pm["total"], bad); err != nil {
				return err
			}
		}
	}
	*f = out
	return nil
}

func (f *Form) readPart(pi int, where string, rows, total json.RawMessage, bad func(string, string, ...any) error) error {
	var list []map[string]json.RawMessage
	if rows != nil {
		if err := json.Unmarshal(rows, &list); err != nil {
			return bad(where+"rows", "%v", err)
		}
	}
	p := &f.Parts[pi]
	for i, m := range list {
		r, err := f.readRow(pi, fmt.Sprintf("%srows[%d]", where, i), m, false, bad)
		if err != nil {
			return err
		}
		p.Rows = append(p.Rows, r)
	}
	if total != nil {
		var m map[string]json.RawMessage
		if err := json.Unmarshal(total, &m); err != nil {
			return bad(where+"total", "%v", err)
		}
		r, err := f.readRow(pi, where+"total", m, true, bad)
		if err != nil {
			return err
		}
		r.Kind = 0
		p.Total = r
	}
	return nil
}

func (f *Form) readRow(pi int, where string, m map[string]json.RawMessage, total bool, bad func(string, string, ...any) error) (Row, error) {
	info := &f.schema.parts[pi]
	str := func(k string) (string, error) {
		var s string
		if err := json.Unmarshal(m[k], &s); err != nil {
			return "", bad(where+"."+k, "want a string: %v", err)
		}
		return s, nil
	}
	for _, g := range []struct {
		key  string
		kind layout.RowKind
		ok   bool
	}{{"level", layout.LevelRow, len(info.levels) > 0}, {"section", layout.SectionRow, len(info.sections) > 0}} {
		if _, has := m[g.key]; !has {
			continue
		}
		if total || !g.ok {
			return Row{}, bad(where, "the part has no %s rows", g.key)
		}
		for k := range m {
			if k != g.key && k != "title" {
				return Row{}, bad(where+"."+k, "unknown field of a %s row", g.key)
			}
		}
		code, err := str(g.key)
		if err != nil {
			return Row{}, err
		}
		title := ""
		if m["title"] != nil {
			if title, err = str("title"); err != nil {
				return Row{}, err
			}
		}
		return Row{Kind: g.kind, STT: code, Label: title}, nil
	}
	r := Row{Kind: layout.DataRow, Values: make([]int64, info.width)}
	cols := f.schema.spec.Parts[pi].Columns
	for k, raw := range m {
		n, ok := info.keys[k]
		if !ok {
			return Row{}, bad(where+"."+k, "unknown field")
		}
		c := &cols[n-1]
		var err error
		switch {
		case n == 1:
			r.STT, err = str(k)
		case n == 2:
			r.Label, err = str(k)
		case c.Kind == layout.RateColumn:
			if r.Rates == nil {
				r.Rates = make([]decimal.Decimal, info.width)
			}
			if e := json.Unmarshal(raw, &r.Rates[n]); e != nil {
				err = bad(where+"."+k, "want a rate: %v", e)
			}
		default:
			if e := json.Unmarshal(raw, &r.Values[n]); e != nil {
				err = bad(where+"."+k, "want a whole number: %v", e)
			}
		}
		if err != nil {
			return Row{}, err
		}
	}
	return r, nil
}
