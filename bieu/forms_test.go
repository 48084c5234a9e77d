package bieu

import (
	"bytes"
	"os"
	"reflect"
	"testing"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/decl"
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
