package text_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/baocaodinhky/vpcp/internal/heapwatch"
	"github.com/baocaodinhky/vpcp/internal/hostile"
	"github.com/baocaodinhky/vpcp/render/text"
)

// TestHostilePasted: a million body rows and 48,000 lines of 1,024 cells
// fail with ErrPasteTooLarge, and the peak heap stays within the
// documented bound: twice the memory budget.
func TestHostilePasted(t *testing.T) {
	if testing.Short() {
		t.Skip("generates megabytes of input")
	}
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"1,000,000 body rows", hostile.PastedRows(1_000_000)},
		{"48,000 lines of 1,024 cells", hostile.PastedWide(48_000, 1024)},
	} {
		t.Run(c.name, func(t *testing.T) {
			var err error
			peak := heapwatch.Peak(func() { _, err = text.ReadPasted(bytes.NewReader(c.data), "x.txt") })
			var pe *text.PasteError
			if !errors.Is(err, text.ErrPasteTooLarge) || !errors.As(err, &pe) {
				t.Fatalf("err = %v, want a *PasteError with ErrPasteTooLarge", err)
			}
			if limit := uint64(2 * text.DefaultPasteMaxMemory); peak > limit {
				t.Errorf("peak heap %d MB, more than %d MB", peak>>20, limit>>20)
			}
			t.Logf("%d bytes, peak heap %d MB: %v", len(c.data), peak>>20, err)
		})
	}
	// Within the bounds, a big form reads.
	if _, err := text.ReadPasted(bytes.NewReader(hostile.PastedRows(50_000)), "x.txt"); err != nil {
		t.Fatal(err)
	}
}
