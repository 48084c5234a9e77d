//go:build !(darwin || dragonfly || freebsd || linux || netbsd || openbsd)

package atomicfile

import (
	"io/fs"
	"os"
)

// renameOpen: a file open in this process cannot be renamed (Windows).
const renameOpen = false

// lock does nothing where flock(2) is missing.
func lock(*os.File) {}

// removeUnlocked removes the temporary file at path, old enough by the
// caller's test; on Windows a file another process has open cannot be
// deleted, so a live writer's survives.
func removeUnlocked(path string, info fs.FileInfo) bool {
	st, err := os.Lstat(path)
	if err != nil || !st.Mode().IsRegular() || !os.SameFile(st, info) {
		return false
	}
	return os.Remove(path) == nil
}
