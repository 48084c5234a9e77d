package xlsx_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/baocaodinhky/vpcp/internal/heapwatch"
	"github.com/baocaodinhky/vpcp/internal/hostile"
	"github.com/baocaodinhky/vpcp/render/xlsx"
)

// TestHostileWorkbooks reads workbooks under every size limit that span a
// huge rectangle or repeat one long shared string: each fails with
// ErrOverLimit, early, and the peak heap stays within the documented
// bound — twice the memory budget plus a few times the longest text (at
// most maxTextRun, 1 MiB).
func TestHostileWorkbooks(t *testing.T) {
	if testing.Short() {
		t.Skip("generates megabytes of input")
	}
	cases := []struct {
		name string
		data []byte
		sst  int // bytes of the shared-strings part
	}{
		{"100,000 sparse rows reaching column 1,024", hostile.SparseXLSX(1, 100_000, 1024), 0},
		{"the same sparse sheet on 3 sheets", hostile.SparseXLSX(3, 100_000, 1024), 0},
		{"a 4 MB shared string referenced 2,000 times", hostile.SharedStringXLSX(4<<20, 2000), maxTextRun},
		{"a 20 MB shared string used by 30,000 cells", hostile.SharedStringXLSX(20<<20, 30_000), maxTextRun},
		{"a 100 kB shared string used by 30,000 cells", hostile.SharedStringXLSX(100<<10, 30_000), 100 << 10},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			budget := xlsx.ReadOptions{}.MemoryBudget(int64(len(c.data)))
			var err error
			peak := heapwatch.Peak(func() { _, err = readBytes(c.data, xlsx.ReadOptions{}) })
			var re *xlsx.ReadError
			if !errors.Is(err, xlsx.ErrOverLimit) || !errors.As(err, &re) ||
				!strings.Contains(re.Detail, "MaxMemory") && !strings.Contains(re.Detail, "without markup") {
				t.Fatalf("err = %v, want a *ReadError with ErrOverLimit naming MaxMemory or the text run", err)
			}
			if limit := uint64(2*budget) + uint64(4*c.sst); peak > limit {
				t.Errorf("peak heap %d MB, more than %d MB (budget %d MB)", peak>>20, limit>>20, budget>>20)
			}
			t.Logf("%d bytes of file, budget %d MB, peak heap %d MB: %v", len(c.data), budget>>20, peak>>20, err)
		})
	}
}

// TestMemoryBudget: the budget follows the file's size between its floor
// and its cap, and an explicit MaxMemory wins.
func TestMemoryBudget(t *testing.T) {
	for _, c := range []struct {
		opts xlsx.ReadOptions
		size int64
		want int64
	}{
		{xlsx.ReadOptions{}, 1000, xlsx.MinMemory},
		{xlsx.ReadOptions{}, 1 << 20, xlsx.MemoryPerByte << 20},
		{xlsx.ReadOptions{}, 100 << 20, xlsx.DefaultMaxMemory},
		{xlsx.ReadOptions{MaxMemory: 5}, 100 << 20, 5},
	} {
		if got := c.opts.MemoryBudget(c.size); got != c.want {
			t.Errorf("%+v.MemoryBudget(%d) = %d, want %d", c.opts, c.size, got, c.want)
		}
	}
	// A workbook within the budget reads; the same under a budget too
	// small for it is refused.
	data := hostile.SparseXLSX(1, 100, 20)
	if _, err := readBytes(data, xlsx.ReadOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := readBytes(data, xlsx.ReadOptions{MaxMemory: 1000}); !errors.Is(err, xlsx.ErrOverLimit) {
		t.Fatalf("err = %v, want ErrOverLimit", err)
	}
}

// maxTextRun is the reader's bound on a text between two tags.
const maxTextRun = 1 << 20

// FuzzReadSheetXML fuzzes the XML of a worksheet and of the shared
// strings, zipped into a workbook inside the target, so that mutations
// land in the XML the reader parses instead of breaking the zip's
// checksums. No input panics, escapes its typed errors or its bounds.
func FuzzReadSheetXML(f *testing.F) {
	f.Add(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>12</v></c></row><row r="2"><c r="C2"><f>A2+B2</f><v>3</v></c><c r="D2" t="inlineStr"><is><t>Lĩnh vực</t></is></c></row>`, "Biểu số II.06a/VPCP/KSTT")
	f.Add(`<row><c t="s"><v>0</v></c><c><f t="shared" si="0"/></c></row><row r="9"><c r="XFD9"><v>1</v></c></row>`, "a")
	f.Add(`<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="e"><v>#REF!</v></c><c r="C1" t="str"><f>"x"</f><v>x</v></c></row>`, "")
	// Formulas without a stored value: evaluated by the reader (read_calc.go).
	f.Add(`<row r="1"><c r="A1"><f>SUM(A1:A2)+1/0</f></c><c r="B1"><f>INDIRECT("A"&amp;B1)</f></c><c r="C1"><f>(</f></c><c r="D1"><f>D1+1</f></c><c r="E1"><f>SUM(A:XFD)</f></c></row>`, "x")
	f.Add(`<row r="1"><c r="A1"><f>A2+1</f></c><c r="B1"><f>SUM(A:A)+SUM(1:1)</f></c><c r="C1"><f t="shared" ref="C1:C2" si="0">$A$1+B1</f></c></row><row r="2"><c r="A2"><f>'II.06a'!B2*2</f></c><c r="B2"><v>3</v></c><c r="C2"><f t="shared" si="0"/></c></row>`, "x")
	f.Add(`<row r="1"><c r="A1"><f>ROUND(AVERAGE(B1:D1)/3,2)</f></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="e"><v>#N/A</v></c><c r="D1"><f>IF(B1="x",1,0)</f></c></row>`, "x")
	f.Fuzz(func(t *testing.T, rows, sst string) {
		data := hostile.XLSX([]hostile.Sheet{{Name: "II.06a", Rows: rows}}, []string{sst})
		gs, err := readBytes(data, xlsx.ReadOptions{MaxBytes: 1 << 20, MaxRows: 2000, MaxCols: 64, MaxMemory: 4 << 20})
		if err != nil {
			var re *xlsx.ReadError
			if !errors.As(err, &re) {
				t.Fatalf("untyped error %T: %v", err, err)
			}
			return
		}
		for _, g := range gs {
			if g.Len() > 2000 {
				t.Fatalf("%d rows beyond MaxRows", g.Len())
			}
			for r := range g.Len() {
				row := g.Row(r)
				if len(row) > 64 {
					t.Fatalf("%d columns beyond MaxCols", len(row))
				}
			}
		}
	})
}
