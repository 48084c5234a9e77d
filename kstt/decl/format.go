package decl

import (
	"bytes"
	"encoding/json"
)

// Format writes d as a JSON document laid out for people: one line per
// field, column and rule. Decode reads it back.
func Format(d *Declaration) ([]byte, error) {
	var b bytes.Buffer
	enc := func(v any) error {
		var buf bytes.Buffer
		e := json.NewEncoder(&buf)
		e.SetEscapeHTML(false)
		if err := e.Encode(v); err != nil {
			return err
		}
		b.Write(bytes.TrimRight(buf.Bytes(), "\n"))
		return nil
	}
	field := func(indent, key string, v any, last bool) error {
		b.WriteString(indent + `"` + key + `": `)
		if err := enc(v); err != nil {
			return err
		}
		if !last {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
		return nil
	}
	b.WriteString("{\n")
	head := []struct {
		key  string
		v    any
		skip bool
	}{
		{"code", d.Code, false}, {"printed", d.Printed, d.Printed == ""}, {"title", d.Title, false},
		{"unit", d.Unit, false}, {"basis", d.Basis, false}, {"edition", d.Edition, false},
		{"doc", d.Doc, d.Doc == ""}, {"inferred", d.Inferred, len(d.Inferred) == 0},
	}
	for _, h := range head {
		if !h.skip {
			if err := field("  ", h.key, h.v, false); err != nil {
				return nil, err
			}
		}
	}
	b.WriteString("  \"parts\": [\n")
	for i, p := range d.Parts {
		b.WriteString("    {\n")
		if p.ID != "" {
			_ = field("      ", "id", p.ID, false)
		}
		if p.Title != "" {
			_ = field("      ", "title", p.Title, false)
		}
		b.WriteString("      \"columns\": [\n")
		for j, c := range p.Columns {
			b.WriteString("        ")
			if err := enc(c); err != nil {
				return nil, err
			}
			if j < len(p.Columns)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		if r := p.Rows; r.Label == "" && len(r.Fields) == 0 && len(r.Levels) == 0 && len(r.Sections) == 0 {
			b.WriteString("      ]\n") // no row structure declared: no "rows" member
		} else {
			b.WriteString("      ],\n")
			if err := field("      ", "rows", p.Rows, true); err != nil {
				return nil, err
			}
		}
		b.WriteString("    }")
		if i < len(d.Parts)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("  ],\n  \"rules\": [\n")
	for i, r := range d.Rules {
		b.WriteString("    ")
		if err := enc(r); err != nil {
			return nil, err
		}
		if i < len(d.Rules)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("  ]\n}\n")
	return b.Bytes(), nil
}
