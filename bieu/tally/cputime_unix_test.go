//go:build unix

package tally

import (
	"syscall"
	"time"
)

// processCPU is the CPU time (user + system) the process has used so far:
// on a machine shared with other work it grows with the work done, not
// with the time spent waiting for a core, as wall time does.
func processCPU() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
