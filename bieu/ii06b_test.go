package bieu

import (
	"testing"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
)

func cleanII06b() *II06b {
	f := &II06b{Header: kstt.Header{Unit: "UBND tỉnh", Period: rollupQ2}, Levels: []II06bLevel{
		{Code: "I", Title: LevelProvince, Rows: []II06aRow{{STT: "1", Field: "Hộ tịch", Online: 3, CarriedOver: 1, OnTime: 3, PendingOnTime: 1}}},
		{Code: "III", Title: LevelCommune, Rows: []II06aRow{{STT: "2", Field: "Hộ tịch", Direct: 5, Early: 4, PendingOverdue: 1}}},
	}}
	if err := f.Fill(); err != nil {
		panic(err)
	}
	return f
}

// TestII06bRulesPassAndFail: each rule of the (inferred) II.06b passes on
// a clean form and fails on one broken cell.
func TestII06bRulesPassAndFail(t *testing.T) {
	breakers := map[kstt.RuleID]func(f *II06b){
		"II.06b/R01": func(f *II06b) { f.Levels[0].Rows[0].Received++ },
		"II.06b/R02": func(f *II06b) { f.Levels[1].Rows[0].Resolved = 9 },
		"II.06b/R03": func(f *II06b) { f.Levels[1].Rows[0].Pending = 0 },
		"II.06b/R04": func(f *II06b) { f.Total.Online = 1 },
		"II.06b/R05": func(f *II06b) { f.Levels[0].Rows[0].Late = -1 },
		"II.06b/R06": func(f *II06b) {
			r := &f.Levels[0].Rows[0]
			r.Online, r.Received = r.Online+1, r.Received+1
			f.Total.Online, f.Total.Received = f.Total.Online+1, f.Total.Received+1
		},
	}
	if err := specII06b.Validate(); err != nil {
		t.Fatal(err)
	}
	clean, err := cleanII06b().Check(kstt.CheckOptions{})
	if err != nil || len(clean) != 0 {
		t.Fatalf("clean II.06b: %v %v", clean, err)
	}
	for _, r := range specII06b.Rules {
		t.Run(string(r.ID), func(t *testing.T) {
			if !r.Inferred {
				t.Error("every rule of an inferred form is inferred")
			}
			b, ok := breakers[r.ID]
			if !ok {
				t.Fatal("no failing case")
			}
			f := cleanII06b()
			b(f)
			fs, _ := f.Check(kstt.CheckOptions{})
			if len(byRule(t, fs, r.ID)) == 0 {
				t.Fatalf("%s does not fire: %v", r.ID, fs)
			}
		})
	}
	// Level rows carry no figures and are skipped by every rule.
	s := cleanII06b().Sheet()
	if s.Blocks[0].Rows[0].Kind != layout.LevelRow || s.Blocks[0].Rows[0].Cells[2].Kind != layout.EmptyCell {
		t.Errorf("level row: %+v", s.Blocks[0].Rows[0])
	}
}
