package render_test

import (
	"errors"
	"io"
	"slices"
	"testing"

	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/render"
)

type fake struct{ name string }

func (f *fake) Format() string                                    { return f.name }
func (f *fake) Render(w io.Writer, sheets ...*layout.Sheet) error { return render.CheckSheets(sheets) }

func TestRegistry(t *testing.T) {
	reg := render.NewRegistry()
	if got := reg.Formats(); len(got) != 0 {
		t.Fatalf("Formats of an empty registry = %q", got)
	}
	for _, n := range []string{"text", "xlsx", "csv"} {
		if err := reg.Register(&fake{n}); err != nil {
			t.Fatalf("Register(%q): %v", n, err)
		}
	}
	if got, want := reg.Formats(), []string{"csv", "text", "xlsx"}; !slices.Equal(got, want) {
		t.Errorf("Formats = %q, want %q", got, want)
	}
	rd, err := reg.Lookup("XLSX")
	if err != nil || rd.Format() != "xlsx" {
		t.Errorf("Lookup(XLSX) = %v, %v", rd, err)
	}
	_, err = reg.Lookup("pdf")
	if !errors.Is(err, render.ErrUnknownFormat) {
		t.Errorf("Lookup(pdf) error = %v, want ErrUnknownFormat", err)
	}
	var fe *render.FormatError
	if !errors.As(err, &fe) || fe.Format != "pdf" {
		t.Errorf("Lookup(pdf) error = %#v, want *FormatError for pdf", err)
	}
	if err := reg.Register(&fake{"Text"}); !errors.Is(err, render.ErrDuplicate) {
		t.Errorf("second text renderer: %v, want ErrDuplicate", err)
	}
	if rd, _ := reg.Lookup("text"); rd.Format() != "text" {
		t.Errorf("duplicate replaced the first renderer")
	}
	var typedNil *fake
	for name, rd := range map[string]render.Renderer{"nil": nil, "typed nil": typedNil, "empty": &fake{""}, "blank": &fake{"  "}} {
		if err := reg.Register(rd); !errors.Is(err, render.ErrInvalidRenderer) {
			t.Errorf("Register(%s) = %v, want ErrInvalidRenderer", name, err)
		}
	}
	if n := len(reg.Formats()); n != 3 {
		t.Errorf("registry has %d formats after rejected registrations, want 3", n)
	}
}

func TestCheckSheets(t *testing.T) {
	if err := render.CheckSheets(nil); err != nil {
		t.Errorf("CheckSheets(nil) = %v", err)
	}
	err := render.CheckSheets([]*layout.Sheet{{}, nil})
	var se *render.SheetError
	if !errors.Is(err, render.ErrNilSheet) || !errors.As(err, &se) || se.Index != 1 {
		t.Errorf("CheckSheets = %v, want ErrNilSheet at 1", err)
	}
}
