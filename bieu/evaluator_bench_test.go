package bieu

import (
	"encoding/json"
	"testing"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/period"
)

// BenchmarkEvaluator decides whether the rule engine needs its fast paths
// (the generated QuickClean of II.06a and II.08, and the interpreted one
// of a declared form): one Check of each form with the fast path
// ("path=fast") and with the engine alone ("path=engine"), on clean
// 20-row forms and on the seed report's three forms (which have
// findings, so the fast path only adds its own cost). "paired" alternates
// batches of the two in one loop and reports their CPU time; x-floor is
// engine ÷ fast, the figure to read on a shared machine.
//
//	go test -run '^$' -bench Evaluator -count 8 ./bieu | tee out.txt
//	benchstat -col /path out.txt
func BenchmarkEvaluator(b *testing.B) {
	s, _ := declaredII06a(b)
	declared := s.New(kstt.Header{})
	data, err := json.Marshal(benchII06a(20))
	if err != nil {
		b.Fatal(err)
	}
	if err := json.Unmarshal(data, declared); err != nil {
		b.Fatal(err)
	}
	cases := []struct {
		name  string
		forms []kstt.Form
		clean bool
	}{
		{"II.06a-20", []kstt.Form{benchII06a(20)}, true},
		{"II.06b-20", []kstt.Form{scaleII06b(20)}, true},
		{"II.07b-20", []kstt.Form{scaleII07b(20)}, true},
		{"II.08-20", []kstt.Form{scaleII08(20)}, true},
		{"declared-II.06a-20", []kstt.Form{declared}, true},
		{"seed", evaluatorSeedForms(b), false},
	}
	check := func(b *testing.B, f kstt.Form, fast, clean bool) {
		if !fast {
			f = noFastPath{f}
		}
		var fs kstt.Findings
		var err error
		if isDeclared(f) {
			fs, err = kstt.Check(f, kstt.CheckOptions{})
		} else {
			fs, err = checkForm(f, kstt.CheckOptions{})
		}
		if err != nil || clean && len(fs) != 0 {
			b.Fatal(err, fs)
		}
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for _, fast := range []bool{true, false} {
				name := "path=engine"
				if fast {
					name = "path=fast"
				}
				b.Run(name, func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						for _, f := range c.forms {
							check(b, f, fast, c.clean)
						}
					}
				})
			}
			b.Run("paired", func(b *testing.B) {
				paired(b, 500, func() {
					for _, f := range c.forms {
						check(b, f, false, c.clean)
					}
				}, func() {
					for _, f := range c.forms {
						check(b, f, true, c.clean)
					}
				})
			})
		})
	}
}

// isDeclared reports whether f (or the form noFastPath hides) is a form
// declared as data: it is checked with kstt.Check, as package bieu checks
// it in a report; the typed forms with their own Check (checkForm).
func isDeclared(f kstt.Form) bool {
	if n, ok := f.(noFastPath); ok {
		f = n.Form
	}
	switch f.(type) {
	case *II06a, *II06b, *II07b, *II08:
		return false
	}
	return true
}

// noFastPath hides a form's fast path — the QuickClean of its table and
// the form's quickClean — so the rule engine runs every rule.
type noFastPath struct{ kstt.Form }

func (e noFastPath) Table(i int) kstt.Table { return noFastTable{e.Form.Table(i)} }

type noFastTable struct{ kstt.Table }

// evaluatorSeedForms are the three forms of the seed report (examples/kstt/
// testdata/seed-tables.txt) with the figures it prints, filled.
func evaluatorSeedForms(b *testing.B) []kstt.Form {
	h := kstt.Header{Unit: "Sở Ngoại vụ", Recipient: "UBND tỉnh", Period: period.Must(period.Quarter(2024, 2))}
	a := &II06a{Header: h, Rows: []II06aRow{
		{STT: "1", Field: "Lĩnh vực lãnh sự", Online: 31, OnTime: 31},
		{STT: "2", Field: "Lĩnh vực HTQT", CarriedOver: 2, OnTime: 2},
	}}
	c := &II07b{Header: h}
	c.PartI.Rows = []II07bDeskRow{{STT: "1", Field: "Lĩnh vực đối ngoại", CompetentProvince: 1, OneStopProvince: 5, ProcessProvince: 5}}
	c.PartII.Rows = []II07bOnSpotRow{{STT: "1", Field: "Lĩnh vực đối ngoại"}}
	d := &II08{Header: h, Sections: []II08Section{{Code: "B", Title: SectionB,
		Levels: []II08Level{{Code: "I", Title: LevelProvince, Rows: []II08Row{
			{STT: "1", Field: "Lĩnh vực đối ngoại", PartialAssigned: 4, PartialDeployed: 4, FullAssigned: 1, FullDeployed: 1, Integrated: 1},
		}}}}}}
	forms := []kstt.Form{a, c, d}
	for _, f := range forms {
		if err := kstt.Fill(f); err != nil {
			b.Fatal(err)
		}
	}
	return forms
}
