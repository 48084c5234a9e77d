package std_test

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"testing"

	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/render/std"
)

func TestRegistry(t *testing.T) {
	a, b := std.Registry(), std.Registry()
	if got, want := a.Formats(), []string{"csv", "html", "text", "xlsx"}; !slices.Equal(got, want) {
		t.Fatalf("Formats = %q, want %q", got, want)
	}
	sheet := &layout.Sheet{Name: "II.06a", Code: "Biểu số II.06a/VPCP/KSTT", Blocks: []layout.Block{{
		Columns: []layout.Column{{Num: 1, Kind: layout.TextColumn}, {Num: 2, Kind: layout.CountColumn}},
		Numbers: []string{"(1)", "(2)"},
		Rows:    []layout.Row{{Kind: layout.DataRow, Cells: []layout.Cell{{Kind: layout.TextCell, Text: "1"}, {Kind: layout.IntCell, Int: 2}}}},
	}}}
	for _, f := range a.Formats() {
		r, err := a.Lookup(f)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := r.Render(&buf, sheet); err != nil || buf.Len() == 0 {
			t.Errorf("%s: %v, %d bytes", f, err, buf.Len())
		}
	}
	// Registries are independent.
	if err := a.Register(fakeRenderer("pdf")); err != nil {
		t.Fatal(err)
	}
	if len(b.Formats()) != 4 {
		t.Errorf("registering on one registry changed another: %q", b.Formats())
	}
}

type fakeRenderer string

func (f fakeRenderer) Format() string                           { return string(f) }
func (f fakeRenderer) Render(io.Writer, ...*layout.Sheet) error { return nil }

func ExampleRegistry() {
	reg := std.Registry()
	fmt.Println(reg.Formats())
	// Output: [csv html text xlsx]
}
