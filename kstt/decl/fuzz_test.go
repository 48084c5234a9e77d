package decl

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
)

func FuzzParseRule(f *testing.F) {
	for _, s := range []string{"(3) = (4) + (5) + (6)", "Phần II: (4) = (3) ÷ Phần I (8) × 100", "TỔNG CỘNG = Σ các dòng",
		"mọi cột số ≥ 0", "(9) ∈ {0, 1}", "II.06a Σ(4) = II.08 Σ(5) + Σ(8)", "files.received = II.06a Σ(3)",
		"(5), (9), (13) = 0", "«CẤP HUYỆN» = 0", "Phần I: (7) ≤ (3)", "(9) = 0 hoặc 1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e, err := ParseRule(s)
		if err != nil {
			if _, ok := err.(*SyntaxError); !ok {
				t.Fatalf("error of type %T", err)
			}
			return
		}
		if e.Op < OpSum || e.Op > OpZero {
			t.Fatalf("op %d", e.Op)
		}
	})
}

// FuzzParse: any document either fails with an *Error or gives a schema
// whose forms fill, check, lay out and round-trip through JSON without a
// panic.
//
// Run it (it made ≥ 500 execs/s on the 2-core development machine):
//
//	go test -run '^$' -fuzz '^FuzzParse$' -fuzztime 30s -fuzzminimizetime=0 ./kstt/decl
//
// -fuzzminimizetime=0 matters: the default minimises each new input for
// up to 60 s, which took the whole window (3–80 execs in 45 s).
// .ci/fuzz-smoke runs every Fuzz target of the module 10 s this way.
func FuzzParse(f *testing.F) {
	for _, p := range []string{"testdata/small.json"} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"code":"A","title":"T","basis":"B","parts":[{"columns":[{"num":1,"key":"a","label":"STT","kind":"text"},{"num":2,"key":"b","label":"L","kind":"text"},{"num":3,"key":"c","label":"C","kind":"count"}]}],"rules":[{"id":"A/R1","rule":"TỔNG CỘNG = Σ"}]}`))
	f.Add([]byte(`{"code":"A","parts":[{"columns":[{"num":1e400}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse(data)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		form := s.New(kstt.Header{})
		for pi := range s.Spec().Parts {
			_ = form.AddGroup(pi, layout.LevelRow, "I", "CẤP TỈNH")
			vals := map[string]int64{}
			for _, c := range s.Spec().Parts[pi].Columns {
				if c.Kind == layout.CountColumn {
					vals[c.Key] = int64(c.Num)
				}
			}
			if err := form.AddRow(pi, "Hộ tịch", vals); err != nil {
				t.Fatal(err)
			}
		}
		_ = form.Fill()
		if _, err := form.Check(kstt.CheckOptions{}); err != nil {
			t.Fatalf("a compiled schema's form does not check: %v", err)
		}
		_ = kstt.Layout(form)
		b, err := json.Marshal(form)
		if err != nil {
			t.Fatal(err)
		}
		back := s.New(kstt.Header{})
		if err := json.Unmarshal(b, back); err != nil {
			t.Fatalf("round trip: %v\n%s", err, b)
		}
		if cat, err := NewCatalogue(s); err == nil {
			_, _ = cat.Check(&kstt.Report{Forms: []kstt.Form{form}}, kstt.CheckOptions{})
		}
		_ = json.Unmarshal(data, s.New(kstt.Header{}))
	})
}

// FuzzFormJSON: a form's JSON, however broken, decodes into a form or
// fails with an error; what decodes checks, lays out and encodes again.
func FuzzFormJSON(f *testing.F) {
	data, err := os.ReadFile("testdata/small.json")
	if err != nil {
		f.Fatal(err)
	}
	s, err := Parse(data)
	if err != nil {
		f.Fatal(err)
	}
	g := s.New(kstt.Header{Unit: "Sở Tư pháp"})
	_ = g.AddGroup(0, layout.LevelRow, "I", "CẤP TỈNH")
	_ = g.AddRow(0, "Hộ tịch", map[string]int64{"online": 3, "direct": 2})
	_ = g.AddRow(1, "Hộ tịch", map[string]int64{"done": 2, "linked": 1})
	_ = g.Fill()
	b, err := json.Marshal(g)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte(`{"header":{},"parts":[{"id":"I","rows":[{"level":"I"},{"field":"x","online":-9223372036854775808}],"total":{"total":9223372036854775807}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		form := s.New(kstt.Header{})
		if err := json.Unmarshal(data, form); err != nil {
			return
		}
		_, _ = form.Check(kstt.CheckOptions{})
		_ = form.quickClean()
		_ = kstt.Layout(form)
		if _, err := json.Marshal(form); err != nil {
			t.Fatal(err)
		}
		_ = form.Fill()
	})
}
