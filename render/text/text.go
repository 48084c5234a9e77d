// Package text renders layout.Sheet values as plain-text tables for
// terminals, e-mail, logs and golden tests.
//
// It lays out tables itself rather than with text/tabwriter, which counts
// runes: Vietnamese typed in NFD ("Lĩnh vực lãnh sự" is 16 runes in NFC and
// 22 in NFD) comes out of tabwriter misaligned. Widths here are display
// widths (combining marks count 0, East Asian wide characters 2), and text
// is written in NFC unless Options.NoNormalize asks to keep it as given.
//
// Each sheet prints as the official forms do: the form code, the title
// centred (wrapped to the table width), the period and its date range
// centred under it, the reporting unit and the recipient, the unit of
// measure on the right, then each block (its title, then the table) and the
// sheet's notes. A table has the multi-level header with its merged cells,
// the column-number row with the printed formulas ("(3)=(4)+(5)+(6)") and
// the body: labels left, STT centred, numbers right; a double rule above
// every TỔNG CỘNG row, whose label spans the STT and label columns; the
// label of a section or level row ("B DVCTT DO CƠ QUAN…", "I CẤP TỈNH")
// runs on over the empty cells to its right. Long labels and header words
// wrap within their column so that the table fits Options.Width.
//
// The renderer never panics on odd sheets: a block with no columns prints
// only its title, short or long rows are padded or widened to the widest
// row, header cells with bad spans are clipped, and a width limit narrower
// than the table can be degrades to breaking words, then to overflowing.
//
// ReadPasted reads the other way: a document pasted from Word or a PDF,
// tables as tab-separated lines, into a kstt/grid.Grid from which package bieu
// reads the forms.
package text

import (
	"io"

	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/render"
)

// DefaultWidth is the total width, in terminal columns, that
// DefaultOptions and a zero Options.Width ask tables to fit.
const DefaultWidth = 160

// Style is the set of characters tables are drawn with.
type Style uint8

// Styles.
const (
	// BoxStyle draws rules with Unicode box-drawing characters (─ │ ┼ …),
	// and a double rule (═) above TỔNG CỘNG.
	BoxStyle Style = iota
	// ASCIIStyle draws rules with - | + only, and = above TỔNG CỘNG, for
	// mail clients, old terminals and files that must stay ASCII apart
	// from the Vietnamese text.
	ASCIIStyle
)

// String returns "box" or "ascii".
func (s Style) String() string {
	switch s {
	case BoxStyle:
		return "box"
	case ASCIIStyle:
		return "ascii"
	}
	return "style?"
}

// Options control the output. The zero value prints numbers exactly as
// stored (no padding, decimal point) in the box style at DefaultWidth;
// DefaultOptions prints them as official documents do.
type Options struct {
	// Width is the total width, in terminal columns, that each table and
	// the header block should fit; 0 or less means DefaultWidth. Header
	// words and long labels wrap within their columns to fit it; numbers
	// never wrap. When even one character per text column does not fit,
	// the table is printed wider than Width.
	Width int
	// Style selects box-drawing (the default) or plain-ASCII rules.
	Style Style
	// PadCounts prints counts 1 to 9 with a leading zero ("02"), as the
	// official documents print them; 0, counts from 10 and negative counts
	// are printed as they are. Flags (0/1) and rates are never padded.
	PadCounts bool
	// DecimalComma writes rates with a decimal comma, as Vietnamese does
	// ("33,33%"); otherwise with a point ("33.33%").
	DecimalComma bool
	// NoNormalize keeps text in the normalisation form it came in (NFD
	// stays NFD) instead of writing NFC. Alignment is right either way;
	// white space is folded and control characters are replaced either way.
	NoNormalize bool
}

// DefaultOptions returns the options the official documents call for:
// DefaultWidth, box style, counts padded to two digits, decimal comma.
func DefaultOptions() Options {
	return Options{Width: DefaultWidth, Style: BoxStyle, PadCounts: true, DecimalComma: true}
}

// Renderer renders sheets as text tables. It implements render.Renderer
// with format name "text". It holds only its options, so one Renderer may
// be used from several goroutines at once.
type Renderer struct {
	opts Options
}

var _ render.Renderer = (*Renderer)(nil)

// New returns a text renderer with opts (see DefaultOptions).
func New(opts Options) *Renderer {
	if opts.Width <= 0 {
		opts.Width = DefaultWidth
	}
	return &Renderer{opts: opts}
}

// Options returns the options the renderer was built with, Width filled in.
func (r *Renderer) Options() Options {
	if r == nil {
		return New(DefaultOptions()).opts
	}
	return r.opts
}

// Format returns "text".
func (r *Renderer) Format() string { return "text" }

// Render writes sheets to w, separated by a blank line. It returns an
// error wrapping render.ErrNilSheet, before writing anything, when a sheet
// is nil, and otherwise the first error w returns.
func (r *Renderer) Render(w io.Writer, sheets ...*layout.Sheet) error {
	if err := render.CheckSheets(sheets); err != nil {
		return err
	}
	p := newPrinter(w, r.Options())
	for i, s := range sheets {
		if i > 0 {
			p.endLine()
		}
		p.sheet(s)
		if p.err != nil {
			return p.err
		}
	}
	return p.flush()
}
