//go:build unix

package bieu

import (
	"syscall"
	"time"
)

// cpuTime is the user and system CPU time the process has used: steadier
// than wall time on a machine other programs share.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
