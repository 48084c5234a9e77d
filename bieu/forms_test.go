package bieu

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/decl"
	"github.com/baocaodinhky/vpcp/kstt/layout"
)

// officialDecl decodes the embedded declaration forms/name.json afresh,
// to change in a test.
func officialDecl(t testing.TB, name string) *decl.Declaration {
	t.Helper()
	data, err := os.ReadFile("forms/" + name + ".json")
	if err != nil {
		t.Fatal(err)
	}
	d, err := decl.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// The embedded declarations are the only source of the official forms:
// each names the edition Edition0120 says, is laid out as decl.Format
// writes it, and gives the form its typed struct reports.
func TestOfficialDeclarations(t *testing.T) {
	for _, c := range []struct {
		file, code string
		spec       *kstt.FormSpec
	}{{"ii06a", "II.06a", new(II06a).Spec()}, {"ii06b", "II.06b", new(II06b).Spec()}, {"ii07b", "II.07b", new(II07b).Spec()}, {"ii08", "II.08", new(II08).Spec()}} {
		d := officialDecl(t, c.file)
		if d.Code != c.code || d.Edition != Edition0120 {
			t.Errorf("%s: code %q, edition %+v", c.file, d.Code, d.Edition)
		}
		data, _ := os.ReadFile("forms/" + c.file + ".json")
		if b, err := decl.Format(d); err != nil || !bytes.Equal(b, data) {
			t.Errorf("%s: not in decl.Format's layout (%v)", c.file, err)
		}
		s, err := decl.Compile(d)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(s.Spec(), c.spec) {
			t.Errorf("%s: the typed form's declaration is not the file's", c.file)
		}
	}
}

// Every row type binds, by its kstt tags, a field of the right type to
// every column its parts declare.
func TestRowBindings(t *testing.T) {
	for _, c := range []struct {
		b    *rowBinding
		part *kstt.PartSpec
	}{
		{bindingOf[II06aRow](), &specII06a.Parts[0]},
		{bindingOf[II06aRow](), &specII06b.Parts[0]},
		{bindingOf[II07bDeskRow](), &specII07b.Parts[0]},
		{bindingOf[II07bOnSpotRow](), &specII07b.Parts[1]},
		{bindingOf[II08Row](), &specII08.Parts[0]},
	} {
		if err := c.b.check(c.part); err != nil {
			t.Errorf("part %q: %v", c.part.ID, err)
		}
	}
	type bad struct {
		STT   string `kstt:"1"`
		Label string `kstt:"2"`
		N     int    `kstt:"3"`
	}
	if _, err := bindType(reflect.TypeFor[bad]()); err == nil {
		t.Error("an int field bound to a count column")
	}
	if err := bindingOf[II06aRow]().check(&specII08.Parts[0]); err == nil {
		t.Error("II.06a's row binds II.08's columns")
	}
}

// check reports whether the binding has a field of the right type for
// every column of p and no other.
func (b *rowBinding) check(p *kstt.PartSpec) error {
	num := map[int]bool{}
	rate := map[int]bool{}
	for _, f := range b.ints {
		num[f.col] = true
	}
	for _, f := range b.rates {
		rate[f.col] = true
	}
	if b.maxCol != p.MaxNum() {
		return fmt.Errorf("the row binds columns up to (%d), the part has (%d)", b.maxCol, p.MaxNum())
	}
	for _, c := range p.Columns {
		switch c.Kind {
		case layout.CountColumn, layout.FlagColumn:
			if !num[c.Num] {
				return fmt.Errorf("column (%d) %q has no int64 field", c.Num, c.Key)
			}
		case layout.RateColumn:
			if !rate[c.Num] {
				return fmt.Errorf("column (%d) %q has no decimal field", c.Num, c.Key)
			}
		}
	}
	return nil
}

// The typed forms are plain values: a literal filled compares with the
// literal written out, with go-cmp and no option (no unexported field, no
// cache on the form).
func TestFilledLiteralsArePlainValues(t *testing.T) {
	got := &II06a{Rows: []II06aRow{{Field: "Hộ tịch", Online: 3, Direct: 2, OnTime: 4, PendingOverdue: 1}}}
	want := &II06a{
		Rows:  []II06aRow{{STT: "1", Field: "Hộ tịch", Received: 5, Online: 3, Direct: 2, Resolved: 4, OnTime: 4, Pending: 1, PendingOverdue: 1}},
		Total: II06aRow{Received: 5, Online: 3, Direct: 2, Resolved: 4, OnTime: 4, Pending: 1, PendingOverdue: 1},
	}
	if err := got.Fill(); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("II.06a (-want +got):\n%s", d)
	}
	c := &II08{Sections: []II08Section{{Code: "B", Title: SectionB, Levels: []II08Level{{Code: "I", Title: LevelProvince,
		Rows: []II08Row{{Field: "Tư pháp", PartialAssigned: 2, PartialDeployed: 1, Integrated: 1}}}}}}}
	if err := c.Fill(); err != nil {
		t.Fatal(err)
	}
	wantC := &II08{Sections: []II08Section{{Code: "B", Title: SectionB, Levels: []II08Level{{Code: "I", Title: LevelProvince,
		Rows: []II08Row{{STT: "1", Field: "Tư pháp", PartialAssigned: 2, PartialDeployed: 1, Integrated: 1}}}}}},
		Total: II08Row{PartialAssigned: 2, PartialDeployed: 1, Integrated: 1}}
	if d := cmp.Diff(wantC, c); d != "" {
		t.Errorf("II.08 (-want +got):\n%s", d)
	}
	d := &II07b{}
	d.PartI.Rows = []II07bDeskRow{{Field: "Tư pháp", CompetentProvince: 4, OneStopProvince: 4}}
	d.PartII.Rows = []II07bOnSpotRow{{Field: "Tư pháp", Province: 1}}
	if err := d.Fill(); err != nil {
		t.Fatal(err)
	}
	if got, want := d.PartII.Rows[0].ProvinceRate.String(), "25"; got != want {
		t.Errorf("II.07b Part II (4) = %s, want %s", got, want)
	}
	if d.PartI.Total.Competent != 4 || d.PartI.Total.OneStop != 4 || d.PartII.Total.Province != 1 {
		t.Errorf("II.07b totals: %+v %+v", d.PartI.Total, d.PartII.Total)
	}
}
