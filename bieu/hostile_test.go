package bieu_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/internal/heapwatch"
	"github.com/baocaodinhky/vpcp/internal/hostile"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/grid"
	"github.com/baocaodinhky/vpcp/render/xlsx"
)

// sampleJSON is the JSON of a filled II.06a report of n rows.
func sampleJSON(t testing.TB, n int) map[string]any {
	t.Helper()
	f := bigII06a(t, n)
	b, err := json.Marshal(kstt.Report{Header: f.Header, Forms: []kstt.Form{f}})
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestDecodeReportStrict: a misspelt field at any level is refused with
// its JSON path — never read as 0 — and so are fractional counts and
// data after the report.
func TestDecodeReportStrict(t *testing.T) {
	m := sampleJSON(t, 5)
	good, _ := json.Marshal(m)
	if _, err := bieu.DecodeReport(good); err != nil {
		t.Fatal(err)
	}
	row := m["forms"].([]any)[0].(map[string]any)["form"].(map[string]any)["rows"].([]any)[3].(map[string]any)
	row["recieved"] = row["received"]
	delete(row, "received")
	typo, _ := json.Marshal(m)
	_, err := bieu.DecodeReport(typo)
	var je *kstt.JSONError
	if !errors.Is(err, kstt.ErrUnknownField) || !errors.As(err, &je) || je.Path != "/forms/0/form/rows/3/recieved" {
		t.Fatalf("err = %v, want ErrUnknownField at /forms/0/form/rows/3/recieved", err)
	}
	for _, c := range []struct {
		doc, path string
		want      error
	}{
		{`{"header":{"unit":"X","recipent":"Y"},"forms":[]}`, "/header/recipent", kstt.ErrUnknownField},
		{`{"header":{},"forms":[{"code":"II.06a","form":{"rows":[{"online":1.5}]}}]}`, "/forms/0/form/rows/0/online", kstt.ErrBadNumber},
		{`{"header":{},"forms":[{"code":"II.06a","form":{"total":{"online":1e30}}}]}`, "/forms/0/form/total/online", kstt.ErrBadNumber},
		{`{"header":{},"forms":[{"form":{"rows":[{"x":1}]},"code":"II.06a"}]}`, "/forms/0/form/rows/0/x", kstt.ErrUnknownField},
		{`{"header":{},"forms":[{"code":"II.06a","form":{}, "kode":1}]}`, "/forms/0/kode", kstt.ErrUnknownField},
		{`{"header":{},"forms":[]} {}`, "", kstt.ErrTrailingData},
	} {
		_, err := bieu.DecodeReport([]byte(c.doc))
		if !errors.Is(err, c.want) || !errors.As(err, &je) || je.Path != c.path {
			t.Errorf("%s: err = %v, want %v at %q", c.doc, err, c.want, c.path)
		}
	}
	// Check options too.
	_, err = kstt.ParseCheckOptions([]byte(`{"rules":{"II.07b/R06":{"sevrity":"info"}}}`), bieu.Rules())
	if !errors.Is(err, kstt.ErrUnknownField) || !errors.As(err, &je) || je.Path != "/rules/II.07b~1R06/sevrity" {
		t.Errorf("options: err = %v", err)
	}
}

// TestDecodeReportRows: a report of millions of empty rows is refused
// before it is decoded, in bounded memory; MaxRows raises the bound.
func TestDecodeReportRows(t *testing.T) {
	if testing.Short() {
		t.Skip("generates megabytes of input")
	}
	data := hostile.EmptyRowsJSON(3_000_000)
	var err error
	peak := heapwatch.Peak(func() { _, err = bieu.DecodeReport(data) })
	var je *kstt.JSONError
	if !errors.Is(err, kstt.ErrTooManyRows) || !errors.As(err, &je) || je.Path != "/forms/0/form/rows" {
		t.Fatalf("err = %v, want ErrTooManyRows at /forms/0/form/rows", err)
	}
	// The walk keeps nothing per row: the bound is the decoder's buffer.
	if limit := uint64(16 << 20); peak > limit {
		t.Errorf("peak heap %d MB, more than %d MB", peak>>20, limit>>20)
	}
	small := hostile.EmptyRowsJSON(300)
	if _, err := bieu.DecodeReportWith(small, kstt.DecodeOptions{MaxRows: 299}); !errors.Is(err, kstt.ErrTooManyRows) {
		t.Errorf("MaxRows 299: err = %v", err)
	}
	if _, err := bieu.DecodeReportWith(small, kstt.DecodeOptions{MaxRows: 300}); err != nil {
		t.Errorf("MaxRows 300: err = %v", err)
	}
}

// TestNamedSheetWithoutTable: a worksheet named for a form that holds no
// table of it is an error naming the sheet, not dropped in silence.
func TestNamedSheetWithoutTable(t *testing.T) {
	data := hostile.XLSX([]hostile.Sheet{{Name: "II.06a", Rows: `<row r="1"><c r="A1" t="inlineStr"><is><t>Ghi chú</t></is></c></row>`}}, nil)
	gs, err := xlsx.ReadWorkbook(strings.NewReader(string(data)), int64(len(data)), xlsx.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = bieu.ReadGridsForTest(gs, bieu.ReadOptions{})
	var re *bieu.ReadError
	if !errors.Is(err, bieu.ErrUnrecognized) || !errors.As(err, &re) || re.Grid != "II.06a" {
		t.Fatalf("err = %v, want ErrUnrecognized for sheet II.06a", err)
	}
	// An empty sheet named for a form is a warning (READ/R13): the unit
	// had nothing to fill in, and says so.
	data = writeWorkbook(t, bigII06a(t, 3))
	gs, err = xlsx.ReadWorkbook(strings.NewReader(string(data)), int64(len(data)), xlsx.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	gs = append(gs, &grid.Grid{Name: "II.08", Rows: [][]grid.Cell{{{}}, nil}})
	res, err := bieu.ReadGridsForTest(gs, bieu.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		if f.Rule == "READ/R13" {
			got = append(got, f.Cell+" "+f.Severity.String()+" "+f.MessageEN)
		}
	}
	if len(got) != 1 || !strings.HasPrefix(got[0], `II.08!A1 warning worksheet "II.08" is named for the form but empty: form II.08 is not in the report`) {
		t.Errorf("READ/R13 findings: %q", got)
	}
}

// FuzzDecodeReport: no input makes the strict decoder panic; what it
// accepts re-encodes and decodes to the same JSON.
//
// Run it (it made ≥ 500 execs/s on the 2-core development machine):
//
//	go test -run '^$' -fuzz '^FuzzDecodeReport$' -fuzztime 30s -fuzzminimizetime=0 ./bieu
//
// -fuzzminimizetime=0 matters: the default minimises each new input for
// up to 60 s, which took the whole window (3–80 execs in 45 s).
// .ci/fuzz-smoke runs every Fuzz target of the module 10 s this way.
func FuzzDecodeReport(f *testing.F) {
	m := sampleJSON(f, 3)
	good, _ := json.Marshal(m)
	f.Add(good)
	f.Add([]byte(`{"header":{},"forms":[{"code":"II.07b","form":{"part_i":{"rows":[{}]}}}]}`))
	f.Add([]byte(`{"header":{},"forms":[{"code":"II.08","form":{"sections":[{"levels":[{"rows":[{"x":1}]}]}]}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		rep, err := bieu.DecodeReportWith(data, kstt.DecodeOptions{MaxRows: 1000})
		if err != nil {
			return
		}
		b, err := json.Marshal(rep)
		if err != nil {
			t.Fatalf("accepted report does not encode: %v", err)
		}
		back, err := bieu.DecodeReport(b)
		if err != nil {
			t.Fatalf("re-encoded report refused: %v\n%s", err, b)
		}
		b2, _ := json.Marshal(back)
		if string(b) != string(b2) {
			t.Fatalf("round trip changed the report:\n%s\n%s", b, b2)
		}
	})
}
