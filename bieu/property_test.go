package bieu

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/kstt/outline"
	"github.com/baocaodinhky/vpcp/period"
)

// randomForms builds valid inputs for the three forms: counts that respect
// every plausibility rule, so Fill then Check must find nothing.
func randomForms(rng *rand.Rand) []kstt.Form {
	h := kstt.Header{Unit: "UBND huyện Can Lộc", Recipient: "UBND tỉnh", Period: period.Must(period.Half(2024, 1))}
	n := 1 + rng.IntN(6)
	r := func(max int) int64 { return int64(rng.IntN(max + 1)) }
	a := &II06a{Header: h}
	b := &II07b{Header: h}
	c := &II08{Header: h, Sections: []II08Section{{Code: "B", Title: SectionB}}}
	for lv := 0; lv < 1+rng.IntN(3); lv++ {
		c.Sections[0].Levels = append(c.Sections[0].Levels, II08Level{Code: []string{"I", "II", "III"}[lv], Title: []string{LevelProvince, LevelDistrict, LevelCommune}[lv]})
	}
	for i := 0; i < n; i++ {
		field := fmt.Sprintf("Lĩnh vực số %d", i+1)
		row := II06aRow{STT: fmt.Sprint(i + 1), Field: field, Online: r(500), Direct: r(500), CarriedOver: r(50)}
		// Split what was received into resolved (early/on time/late) and pending.
		left := row.Online + row.Direct + row.CarriedOver
		take := func() int64 { v := int64(rng.IntN(int(left) + 1)); left -= v; return v }
		row.Early, row.OnTime, row.Late, row.PendingOnTime = take(), take(), take(), take()
		row.PendingOverdue = left
		a.Rows = append(a.Rows, row)

		d := II07bDeskRow{STT: fmt.Sprint(i + 1), Field: field, CompetentProvince: r(40), CompetentDistrict: r(40), CompetentCommune: r(40)}
		d.OneStopProvince, d.OneStopDistrict, d.OneStopCommune = r(int(d.CompetentProvince)), r(int(d.CompetentDistrict)), r(int(d.CompetentCommune))
		d.ProcessProvince, d.ProcessDistrict, d.ProcessCommune = r(int(d.OneStopProvince)), r(int(d.OneStopDistrict)), r(int(d.OneStopCommune))
		b.PartI.Rows = append(b.PartI.Rows, d)
		b.PartII.Rows = append(b.PartII.Rows, II07bOnSpotRow{STT: fmt.Sprint(i + 1), Field: field,
			Province: r(int(d.OneStopProvince)), District: r(int(d.OneStopDistrict))})

		o := II08Row{STT: fmt.Sprint(i + 1), Field: field, PartialAssigned: r(20), FullAssigned: r(20), PartialFiles: r(900), FullFiles: r(900), Integrated: r(1)}
		o.PartialDeployed, o.FullDeployed = r(int(o.PartialAssigned)), r(int(o.FullAssigned))
		lv := &c.Sections[0].Levels[rng.IntN(len(c.Sections[0].Levels))]
		lv.Rows = append(lv.Rows, o)
	}
	return []kstt.Form{a, b, c}
}

// inputColumns are the count and flag columns of a part that no printed
// formula derives.
func inputColumns(spec *kstt.FormSpec, part string) []int {
	var out []int
	for _, col := range spec.Part(part).Columns {
		if col.Kind != layout.CountColumn && col.Kind != layout.FlagColumn {
			continue
		}
		derived := false
		for _, r := range spec.Rules {
			if r.Kind == kstt.SumOfColumns && r.Target.Part == part && r.Target.Col == col.Num {
				derived = true
			}
		}
		if !derived {
			out = append(out, col.Num)
		}
	}
	return out
}

// involves reports whether rule r reads column col of part.
func involves(r kstt.Rule, part string, col int) bool {
	if r.Kind == kstt.SumOfRows || r.Kind == kstt.NonNegative {
		return r.Target.Part == part
	}
	for _, ref := range append([]kstt.Ref{r.Target}, r.Terms...) {
		if ref.Part == part && ref.Col == col {
			return true
		}
	}
	return false
}

// rowLevel reports whether some identity (not a bound, which a change may
// still satisfy) checks column col within each row.
func rowLevel(spec *kstt.FormSpec, part string, col int) bool {
	for _, r := range spec.Rules {
		switch r.Kind {
		case kstt.SumOfColumns, kstt.Balance, kstt.Percentage:
			if involves(r, part, col) {
				return true
			}
		}
	}
	return false
}

func TestPropertyFillThenCheckIsClean_AndOneChangeIsLocated(t *testing.T) {
	rng := rand.New(rand.NewPCG(2024, 6))
	for iter := 0; iter < 300; iter++ {
		for _, f := range randomForms(rng) {
			if err := kstt.Fill(f); err != nil {
				t.Fatal(err)
			}
			fs, err := kstt.Check(f, kstt.CheckOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(fs) != 0 {
				t.Fatalf("iteration %d: %s filled but not clean: %v", iter, f.Spec().Code, fs)
			}
			// Change one input cell of one data row.
			spec := f.Spec()
			pi := rng.IntN(len(spec.Parts))
			part := spec.Parts[pi].ID
			tab := f.Table(pi).(kstt.MutableTable)
			var dataRows []int
			for i := 0; i < tab.Len(); i++ {
				if tab.Row(i).Kind == layout.DataRow {
					dataRows = append(dataRows, i)
				}
			}
			row := dataRows[rng.IntN(len(dataRows))]
			cols := inputColumns(spec, part)
			col := cols[rng.IntN(len(cols))]
			buf := make([]int64, 16)
			tab.Ints(row, buf)
			buf[col] += int64(1 + rng.IntN(5))
			tab.SetInts(row, buf)
			label := tab.Row(row).Label

			fs, err = kstt.Check(f, kstt.CheckOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(fs) == 0 {
				t.Fatalf("%s part %q row %d col (%d) changed: no finding", spec.Code, part, row, col)
			}
			namesRow, namesCol := false, false
			for _, fd := range fs {
				r := spec.Rule(fd.Rule)
				if r == nil || !involves(*r, part, col) {
					t.Errorf("%s row %d col (%d) changed: unrelated finding %v", spec.Code, row, col, fd)
				}
				if fd.Part == part && fd.Row == row {
					namesRow = true
				}
				if fd.Part == part && fd.Column == col {
					namesCol = true
				}
				if fd.RowLabel != label && fd.RowLabel != kstt.TotalLabel {
					t.Errorf("%s row %q col (%d) changed: finding on another row %v", spec.Code, label, col, fd)
				}
			}
			if !namesCol {
				t.Errorf("%s part %q row %d col (%d) changed: no finding names the column: %v", spec.Code, part, row, col, fs)
			}
			// A column that no row-level rule reads (II.08 (3), (5), …) can
			// only be caught by TỔNG CỘNG: then the finding names the
			// column at the total row, since nothing tells which row is off.
			if !namesRow && rowLevel(spec, part, col) {
				t.Errorf("%s part %q row %d col (%d) changed: no finding names the row: %v", spec.Code, part, row, col, fs)
			}
		}
	}
}

func TestJSONRoundTripEveryFormAndReport(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20; i++ {
		forms := randomForms(rng)
		for _, f := range forms {
			if err := kstt.Fill(f); err != nil {
				t.Fatal(err)
			}
		}
		rep := &kstt.Report{Header: forms[0].FormHeader(), Forms: forms,
			Narrative: &outline.Narrative{PeriodText: "6 tháng đầu năm 2024", Files: &outline.FileFigures{Received: int64(i)}}}
		data, err := json.Marshal(rep)
		if err != nil {
			t.Fatal(err)
		}
		back, err := DecodeReport(data)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(rep, back, cmp.AllowUnexported(period.Period{})); d != "" {
			t.Fatalf("report round trip (-want +got):\n%s", d)
		}
		for _, f := range forms {
			one, err := json.Marshal(f)
			if err != nil {
				t.Fatal(err)
			}
			g := Official().New[f.Spec().Code]()
			if err := json.Unmarshal(one, g); err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(f, g, cmp.AllowUnexported(period.Period{})); d != "" {
				t.Fatalf("%s round trip (-want +got):\n%s", f.Spec().Code, d)
			}
		}
	}
}

func TestDecodeReportErrors(t *testing.T) {
	for _, in := range []string{
		``, `{`, `[]`, `{"forms":[{"code":"II.99","form":{}}]}`,
		`{"forms":[{"code":"II.06a","form":{"rows":[{"online":"x"}]}}]}`,
		`{"header":{"period":"Quý V năm 2024"}}`,
		`{"bogus":1}`,
	} {
		if _, err := DecodeReport([]byte(in)); err == nil {
			t.Errorf("DecodeReport(%q): no error", in)
		}
	}
}

// An aggregate report, II.06b included, travels as JSON like any other.
func TestAggregateReportJSONRoundTrip(t *testing.T) {
	f := cleanFixture()
	f.rep.Forms = []kstt.Form{f.a, f.b, f.c}
	agg, err := Rollup([]*kstt.Report{f.rep}, RollupOptions{})
	if err != nil {
		t.Fatal(err)
	}
	rep := agg.Report()
	if rep.Form("II.06b") == nil {
		t.Fatal("aggregate has no II.06b")
	}
	data, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	back, err := DecodeReport(data)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(rep, back, cmp.AllowUnexported(period.Period{})); d != "" {
		t.Fatalf("aggregate round trip (-want +got):\n%s", d)
	}
}
