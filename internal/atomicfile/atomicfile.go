// Package atomicfile writes a file so that it is replaced whole or not at
// all: the content goes to a temporary file in the destination's folder,
// which is synced and renamed over the destination only when everything was
// written. A failed write, or a process killed mid-write, leaves an
// existing destination as it was, byte for byte.
package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFile calls write with a temporary file in path's folder and, when
// write returns nil, renames it to path. The new file takes the mode of
// the file it replaces, or perm when there was none (perm is used as
// given: the umask does not apply). On any error the temporary file is removed and path is
// untouched.
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
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func writeDirect(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	return errors.Join(write(f), f.Close())
}
