// Package atomicfile writes a file so that it is replaced whole or not at
// all: the content goes to a temporary file in the destination's folder,
// which is synced and renamed over the destination only when everything was
// written. A failed write, or a process killed mid-write, leaves an
// existing destination as it was, byte for byte.
//
// The temporary file of path NAME is ".NAME.tmp-" and decimal digits (as
// os.CreateTemp makes them). A process killed mid-write (kill -9, a crash,
// a power cut) leaves it behind; the next WriteFile to the same path
// removes it — see WriteFile for when it may.
package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// start is when this process started (the package's initialisation): a
// temporary file last modified before it is not one this run is writing.
var start = time.Now()

// WriteFile calls write with a temporary file in path's folder and, when
// write returns nil, renames it to path. The new file takes the mode of
// the file it replaces, or perm when there was none (perm is used as
// given: the umask does not apply). On any error the temporary file is removed and path is
// untouched.
//
// Before it writes, WriteFile removes the temporary files that earlier
// writes of path left behind when they were killed: the regular files
// (not symbolic links) of path's folder named exactly ".NAME.tmp-" and
// digits, NAME being path's base name, last modified before this process
// started, and — on the systems with flock(2) — not locked by the live
// process writing them (the writer holds an exclusive lock on its
// temporary file until it is renamed; the kernel drops the lock of a
// killed process). No other file is touched. On other systems (Windows),
// where a file open in another process cannot be deleted, age alone
// decides.
func WriteFile(path string, perm fs.FileMode, write func(io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	mode := perm
	if st, err := os.Stat(path); err == nil {
		if !st.Mode().IsRegular() {
			// A device or FIFO (/dev/stdout) cannot be replaced: write
			// straight to it.
			return writeDirect(path, write)
		}
		mode = st.Mode().Perm()
	}
	RemoveStale(path)
	tmp, err := os.CreateTemp(dir, tempPrefix(base)+"*")
	if err != nil {
		return err
	}
	closed := false
	defer func() {
		if err != nil {
			if !closed {
				tmp.Close()
			}
			os.Remove(tmp.Name())
		}
	}()
	lock(tmp) // best effort: without it, a cleaner goes by age alone
	if err := write(tmp); err != nil {
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if renameOpen {
		// Renamed while still open, so locked: a cleaner never sees it
		// unlocked under its temporary name.
		if err := os.Rename(tmp.Name(), path); err != nil {
			return err
		}
		closed = true
		return tmp.Close()
	}
	closed = true
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// tempPrefix is the name of a temporary file of base, before its digits.
func tempPrefix(base string) string { return "." + base + ".tmp-" }

// isTempOf reports whether name is exactly a temporary file's name of
// base: ".BASE.tmp-" then 1 to 10 decimal digits (os.CreateTemp's random
// part is a uint32).
func isTempOf(name, base string) bool {
	digits, ok := strings.CutPrefix(name, tempPrefix(base))
	if !ok || len(digits) == 0 || len(digits) > 10 {
		return false
	}
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return false
		}
	}
	return true
}

// RemoveStale removes the temporary files that writes of path killed
// mid-write left in its folder, as WriteFile does before it writes, and
// returns the names it removed. A tool calls it when it will not write
// path after all (a refused run), so that what a killed run left does not
// wait for the next successful one.
func RemoveStale(path string) []string {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	if base == "" {
		return nil
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var removed []string
	for _, e := range ents {
		if !e.Type().IsRegular() || !isTempOf(e.Name(), base) {
			continue
		}
		info, err := e.Info()
		if err != nil || !info.ModTime().Before(start) {
			continue
		}
		if removeUnlocked(filepath.Join(dir, e.Name()), info) {
			removed = append(removed, e.Name())
		}
	}
	return removed
}

func writeDirect(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	return errors.Join(write(f), f.Close())
}
