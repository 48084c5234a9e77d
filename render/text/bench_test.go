package text_test

import (
	"bufio"
	"io"
	"strconv"
	"testing"
	"text/tabwriter"

	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/render/text"
)

const benchRows = 10000

// BenchmarkRender10k renders a 10,000-row II.06a-like sheet with this
// package and, for comparison in the same run, prints the same cells
// (column numbers and body) through text/tabwriter as a user would by hand.
// The tabwriter output has no header block, no merged header, no rules and
// misaligns NFD text; it is the floor to compare against.
func BenchmarkRender10k(b *testing.B) {
	s := bigII06a(benchRows)
	rows := len(s.Blocks[0].Rows)
	perRow := func(b *testing.B) {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*rows), "ns/row")
	}
	b.Run("text", func(b *testing.B) {
		r := text.New(text.DefaultOptions())
		b.ReportAllocs()
		for b.Loop() {
			if err := r.Render(io.Discard, s); err != nil {
				b.Fatal(err)
			}
		}
		perRow(b)
	})
	b.Run("text-ascii", func(b *testing.B) {
		o := text.DefaultOptions()
		o.Style = text.ASCIIStyle
		r := text.New(o)
		b.ReportAllocs()
		for b.Loop() {
			if err := r.Render(io.Discard, s); err != nil {
				b.Fatal(err)
			}
		}
		perRow(b)
	})
	b.Run("tabwriter", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			tabwrite(io.Discard, &s.Blocks[0])
		}
		perRow(b)
	})
}

// tabwrite prints the column numbers and the body of blk through
// text/tabwriter, cells formatted with strconv.
func tabwrite(w io.Writer, blk *layout.Block) {
	bw := bufio.NewWriter(w)
	tw := tabwriter.NewWriter(bw, 0, 0, 1, ' ', tabwriter.AlignRight|tabwriter.Debug)
	for _, n := range blk.Numbers {
		io.WriteString(tw, n)
		tw.Write([]byte{'\t'})
	}
	tw.Write([]byte{'\n'})
	var num []byte
	for _, row := range blk.Rows {
		for _, c := range row.Cells {
			switch c.Kind {
			case layout.TextCell:
				io.WriteString(tw, c.Text)
			case layout.IntCell:
				num = strconv.AppendInt(num[:0], c.Int, 10)
				tw.Write(num)
			case layout.DecimalCell:
				io.WriteString(tw, c.Dec.String())
			}
			tw.Write([]byte{'\t'})
		}
		tw.Write([]byte{'\n'})
	}
	tw.Flush()
	bw.Flush()
}
