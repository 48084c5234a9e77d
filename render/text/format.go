package text

import (
	"io"

	"github.com/baocaodinhky/vpcp/kstt/grid"
)

// Importing this package registers the "text" grid.Format, which
// bieu.Read falls back to when no other format matches: pasted text and
// Markdown, read by ReadPastedOptions (one grid, cells addressed
// "name:L12:C3").
func init() {
	if err := grid.RegisterFormat(grid.Format{Name: "text", Fallback: true, Match: matchText, Read: readFormat}); err != nil {
		panic(err) // registered once, by this package's init
	}
}

// matchText is the "text" format's Match: any input; one that is not
// UTF-8 text is refused by the reader with ErrNotText.
func matchText(head []byte, name string) bool { return true }

// readFormat is the "text" format's Read.
func readFormat(r io.ReaderAt, size int64, name string, lim grid.Limits) ([]*grid.Grid, error) {
	return ReadPastedOptions(io.NewSectionReader(r, 0, size), name, PasteOptions{MaxBytes: lim.MaxBytes, MaxLines: lim.MaxRows, MaxMemory: lim.MaxMemory})
}
