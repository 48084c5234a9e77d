//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package atomicfile

import (
	"io/fs"
	"os"
	"syscall"
)

// renameOpen: a file is renamed while open (and locked).
const renameOpen = true

// lock takes an exclusive flock(2) on the temporary file f, held until f
// is closed or the process dies.
func lock(f *os.File) {
	if c, err := f.SyscallConn(); err == nil {
		c.Control(func(fd uintptr) { syscall.Flock(int(fd), syscall.LOCK_EX|syscall.LOCK_NB) })
	}
}

// removeUnlocked removes the temporary file at path when no live process
// holds its lock and it is still the file info describes (a regular file,
// not a link put there since); it reports whether it did.
func removeUnlocked(path string, info fs.FileInfo) bool {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
	if err != nil {
		return false
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() || !os.SameFile(st, info) {
		return false
	}
	c, err := f.SyscallConn()
	if err != nil {
		return false
	}
	locked := false
	c.Control(func(fd uintptr) { locked = syscall.Flock(int(fd), syscall.LOCK_EX|syscall.LOCK_NB) == nil })
	if !locked {
		return false // a live writer holds it, or the lock cannot be told
	}
	return os.Remove(path) == nil
}
