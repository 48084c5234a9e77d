//go:build unix

package xlsx_test

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/render/xlsx"
)

// Peak memory of writing a workbook, each figure from a process of its
// own (peak RSS is a high-water mark): an II.06a-like form of 1,000,
// 10,000 and 100,000 rows, built in memory, then
//
//   - ours: laid out (kstt.Layout) and written by the renderer, what a
//     user's program does;
//   - floor: its rows written straight from the form by excelize's
//     StreamWriter at the same compression (deflate BestSpeed), no style,
//     header or formula;
//   - ours-sheet and floor-sheet: the same two writers given the laid-out
//     sheet, so that the layout's own cost is in both.
//
// Each sub-benchmark reports the peak RSS in MB and, for ours, its ratio to
// the floor's. Goal: ours ≤ 2× the floor at 100,000 rows.
//
//	go test -run '^$' -bench WriteRSS -benchtime 1x ./render/xlsx

const rssEnv = "KSTT_XLSX_RSS_CHILD"

func BenchmarkWriteRSS(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		b.Run("rows="+strconv.Itoa(n), func(b *testing.B) {
			peak := map[string]float64{}
			for b.Loop() {
				for _, mode := range []string{"floor", "ours", "floor-sheet", "ours-sheet"} {
					peak[mode] = rssChild(b, mode, n)
				}
			}
			b.ReportMetric(peak["ours"], "MB-ours")
			b.ReportMetric(peak["floor"], "MB-floor")
			b.ReportMetric(peak["ours"]/peak["floor"], "x-floor")
			b.ReportMetric(peak["ours-sheet"], "MB-ours-sheet")
			b.ReportMetric(peak["floor-sheet"], "MB-floor-sheet")
			b.ReportMetric(peak["ours-sheet"]/peak["floor-sheet"], "x-floor-sheet")
		})
	}
}

// rssChild runs TestWriteRSSChild in a new process and returns its peak
// RSS in MB.
func rssChild(b *testing.B, mode string, rows int) float64 {
	b.Helper()
	cmd := exec.Command(os.Args[0], "-test.run", "^TestWriteRSSChild$", "-test.count", "1")
	cmd.Env = append(os.Environ(), rssEnv+"="+mode+":"+strconv.Itoa(rows))
	out, err := cmd.CombinedOutput()
	if err != nil {
		b.Fatalf("%s %d: %v\n%s", mode, rows, err, out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(line, "peak-rss-kb "); ok {
			kb, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil {
				b.Fatal(err)
			}
			return kb / 1024
		}
	}
	b.Fatalf("%s %d: no figure in\n%s", mode, rows, out)
	return 0
}

// TestWriteRSSChild is the child process of BenchmarkWriteRSS; it does
// nothing in a normal test run.
func TestWriteRSSChild(t *testing.T) {
	spec := os.Getenv(rssEnv)
	if spec == "" {
		t.Skip("child of BenchmarkWriteRSS")
	}
	mode, n, _ := strings.Cut(spec, ":")
	rows, err := strconv.Atoi(n)
	if err != nil {
		t.Fatal(err)
	}
	f := bigII06a(rows)
	if err := kstt.Fill(f); err != nil {
		t.Fatal(err)
	}
	switch mode {
	case "ours":
		err = xlsx.New(xlsx.Options{}).Render(io.Discard, kstt.Layout(f))
	case "floor":
		err = floorFromForm(io.Discard, f)
	case "ours-sheet", "floor-sheet":
		s := kstt.Layout(f)
		runtime.GC()
		if mode == "ours-sheet" {
			err = xlsx.New(xlsx.Options{}).Render(io.Discard, s)
		} else {
			err = floor(s)
		}
	default:
		t.Fatalf("mode %q", mode)
	}
	if err != nil {
		t.Fatal(err)
	}
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	fmt.Printf("peak-rss-kb %d\n", ru.Maxrss)
}

// floorFromForm writes the rows of f's first part with a StreamWriter at
// the renderer's compression: STT, label and the count columns, nothing
// else.
func floorFromForm(w io.Writer, f kstt.Form) error {
	x := excelize.NewFile()
	defer x.Close()
	x.SetZipWriter(bestSpeedZip)
	sw, err := x.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	t := f.Table(0)
	cols := f.Spec().Parts[0].MaxNum()
	buf := make([]int64, cols+1)
	vals := make([]any, cols)
	for i := 0; i < t.Len(); i++ {
		m := t.Row(i)
		t.Ints(i, buf)
		vals[0], vals[1] = m.STT, m.Label
		for c := 3; c <= cols; c++ {
			vals[c-1] = buf[c]
		}
		if err := sw.SetRow("A"+strconv.Itoa(i+1), vals); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return x.Write(w)
}
