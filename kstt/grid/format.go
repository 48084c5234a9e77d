package grid

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"sync"
)

// Format is a kind of input file that a reader turns into grids: a
// workbook format, pasted text, or one a user adds. Readers register
// themselves with RegisterFormat, the way image/png registers with package
// image: render/xlsx registers "xlsx" and render/text registers "text" when
// they are imported (a blank import is enough), and bieu.Read tries the
// registered formats on every input it is given.
type Format struct {
	// Name names the format in errors ("xlsx", "text").
	Name string
	// Match reports whether an input is of this format, from its first
	// bytes (at most SniffLen of them; fewer for a shorter input) and the
	// file name the caller gave ("" when none). It must not keep head.
	Match func(head []byte, name string) bool
	// Read reads the whole input, size bytes from r, into grids, within
	// lim. name is the file name for cell addresses and errors.
	Read func(r io.ReaderAt, size int64, name string, lim Limits) ([]*Grid, error)
	// Fallback formats are tried only when no other format matches, in
	// the order they were registered (pasted text reads anything that is
	// UTF-8).
	Fallback bool
}

// Limits bound what a Format's Read accepts; a zero field takes the
// reader's own default, documented by the reader (render/xlsx.ReadOptions,
// render/text.PasteOptions).
type Limits struct {
	MaxBytes  int64 // bytes read and decompressed from the input
	MaxRows   int   // rows of a worksheet, lines of text
	MaxMemory int64 // the reader's memory budget for what it keeps
}

// SniffLen is how many bytes of an input Format.Match is shown.
const SniffLen = 4096

var (
	formatsMu sync.RWMutex
	formats   []Format
)

// ErrFormatRegistered is returned by RegisterFormat for a Name already
// registered.
var ErrFormatRegistered = errors.New("grid: format already registered")

// RegisterFormat adds a format for bieu.Read and Sniff. A format of the
// same Name registered twice is refused (ErrFormatRegistered), and one
// without a Name, Match or Read is refused too, so that a misconfigured
// reader fails at start-up, not on a user's file.
func RegisterFormat(f Format) error {
	if f.Name == "" || f.Match == nil || f.Read == nil {
		return errors.New("grid: RegisterFormat: a format needs a Name, a Match and a Read")
	}
	formatsMu.Lock()
	defer formatsMu.Unlock()
	if slices.ContainsFunc(formats, func(g Format) bool { return g.Name == f.Name }) {
		return fmt.Errorf("%w: %q", ErrFormatRegistered, f.Name)
	}
	formats = append(formats, f)
	return nil
}

// Sniff returns the registered format that matches an input's first bytes
// and name: the first non-fallback format, in the order of registration,
// whose Match accepts it, else the first fallback that does.
func Sniff(head []byte, name string) (Format, bool) {
	formatsMu.RLock()
	defer formatsMu.RUnlock()
	if len(head) > SniffLen {
		head = head[:SniffLen]
	}
	for _, fallback := range []bool{false, true} {
		for _, f := range formats {
			if f.Fallback == fallback && f.Match(head, name) {
				return f, true
			}
		}
	}
	return Format{}, false
}

// Formats lists the names of the registered formats, in the order they
// are tried.
func Formats() []string {
	formatsMu.RLock()
	defer formatsMu.RUnlock()
	var names []string
	for _, fallback := range []bool{false, true} {
		for _, f := range formats {
			if f.Fallback == fallback {
				names = append(names, f.Name)
			}
		}
	}
	return names
}
