//go:build !unix

package bieu

import "time"

// cpuTime is not measured here: the paired benchmarks report wall time
// only.
func cpuTime() time.Duration { return 0 }
