// Package heapwatch measures the peak heap of a function for tests, with
// runtime/metrics: a goroutine samples the bytes of live and unswept heap
// objects every 200 µs while the function runs.
package heapwatch

import (
	"runtime"
	"runtime/metrics"
	"sync"
	"time"
)

const heapObjects = "/memory/classes/heap/objects:bytes"

// Peak runs fn and returns the highest heap (bytes of heap objects, live
// or not yet swept) seen while it ran, above the heap before it started.
func Peak(fn func()) uint64 {
	runtime.GC()
	s := []metrics.Sample{{Name: heapObjects}}
	metrics.Read(s)
	base := s[0].Value.Uint64()
	var peak uint64
	var mu sync.Mutex
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		s := []metrics.Sample{{Name: heapObjects}}
		t := time.NewTicker(200 * time.Microsecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			mu.Lock()
			peak = max(peak, s[0].Value.Uint64())
			mu.Unlock()
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	fn()
	metrics.Read(s)
	close(done)
	wg.Wait()
	peak = max(peak, s[0].Value.Uint64())
	if peak < base {
		return 0
	}
	return peak - base
}
