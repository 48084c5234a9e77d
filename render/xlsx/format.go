package xlsx

import (
	"bytes"
	"io"
	"path/filepath"
	"strings"

	"github.com/baocaodinhky/vpcp/kstt/grid"
)

// Importing this package registers the "xlsx" grid.Format, which
// bieu.Read uses for workbooks: an input starting as a zip archive or an
// OLE compound file (where Excel keeps an encrypted or legacy .xls
// workbook: ReadWorkbook then says which), or named .xlsx or .xlsm
// whatever its content (so an empty or damaged workbook is reported as
// one, not as text without a form).
func init() {
	if err := grid.RegisterFormat(grid.Format{Name: "xlsx", Match: matchWorkbook, Read: readFormat}); err != nil {
		panic(err) // registered once, by this package's init
	}
}

// matchWorkbook is the "xlsx" format's Match.
func matchWorkbook(head []byte, name string) bool {
	if bytes.HasPrefix(head, []byte("PK")) || bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
		return true
	}
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".xlsx" || ext == ".xlsm"
}

// readFormat is the "xlsx" format's Read: ReadWorkbook within lim, each
// grid's Source set to name.
func readFormat(r io.ReaderAt, size int64, name string, lim grid.Limits) ([]*grid.Grid, error) {
	grids, err := ReadWorkbook(r, size, ReadOptions{MaxBytes: lim.MaxBytes, MaxRows: lim.MaxRows, MaxMemory: lim.MaxMemory})
	if err != nil {
		return nil, err
	}
	for _, g := range grids {
		g.Source = name
	}
	return grids, nil
}
