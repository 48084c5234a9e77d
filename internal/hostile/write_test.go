package hostile_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/internal/hostile"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/period"
	"github.com/baocaodinhky/vpcp/render/xlsx"
)

// bigII06a is a filled II.06a of n lĩnh vực rows, as the SDK writes a
// national aggregate.
func bigII06a(t testing.TB, n int) []byte {
	q, err := period.Parse("Quý II năm 2024")
	if err != nil {
		t.Fatal(err)
	}
	f := &bieu.II06a{Header: kstt.Header{Unit: "UBND tỉnh Hà Tĩnh", Recipient: "Văn phòng Chính phủ", Period: q}}
	f.Rows = make([]bieu.II06aRow, n)
	for i := range f.Rows {
		v := int64(i % 97)
		f.Rows[i] = bieu.II06aRow{STT: fmt.Sprint(i + 1), Field: fmt.Sprintf("Lĩnh vực số %d", i+1),
			Online: v, Direct: v / 2, CarriedOver: v % 5, Early: v / 3, OnTime: v, Late: v % 7, PendingOnTime: v % 11, PendingOverdue: v % 2}
	}
	if err := f.Fill(); err != nil {
		t.Fatal(err)
	}
	rep := &kstt.Report{Header: f.Header, Forms: []kstt.Form{f}}
	var b bytes.Buffer
	if err := xlsx.New(xlsx.Options{}).Render(&b, rep.Sheets()...); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestWriteFiles writes the hostile inputs to $KSTT_HOSTILE_DIR, for
// measuring the command-line tool with /usr/bin/time -v.
func TestWriteFiles(t *testing.T) {
	dir := os.Getenv("KSTT_HOSTILE_DIR")
	if dir == "" {
		t.Skip("KSTT_HOSTILE_DIR not set")
	}
	files := map[string][]byte{
		"sparse-100k-1024.xlsx": hostile.SparseXLSX(1, 100_000, 1024),
		"sparse-3sheets.xlsx":   hostile.SparseXLSX(3, 100_000, 1024),
		"sst-40mb-2000.xlsx":    hostile.SharedStringXLSX(40<<20, 2000),
		"sst-45mb-30000.xlsx":   hostile.SharedStringXLSX(45<<20, 30000),
		"empty-rows.json":       hostile.EmptyRowsJSON(16_000_000),
		"pasted-1m-rows.txt":    hostile.PastedRows(1_000_000),
		"pasted-48k-wide.txt":   hostile.PastedWide(48_000, 1024),
		"ii06a-100k.xlsx":       bigII06a(t, 100_000),
		"ii06a-84k.xlsx":        bigII06a(t, 84_000),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d bytes", name, len(b))
	}
}
