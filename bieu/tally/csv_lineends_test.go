package tally

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestReadCSVLineEnds reads the same case list with CR LF, LF and CR-only
// line ends (Excel for Mac), with and without a byte-order mark: the
// records, their row numbers and the row errors are the same.
func TestReadCSVLineEnds(t *testing.T) {
	crlf := benchCSV(500)
	crlf = append(crlf, "501,X,,Hộ tịch,,,,,không phải ngày,,,,,\r\n"...) // a row error, numbered
	plain := bytes.TrimPrefix(crlf, []byte("\xEF\xBB\xBF"))
	lf := bytes.ReplaceAll(plain, []byte("\r\n"), []byte("\n"))
	cr := bytes.ReplaceAll(lf, []byte("\n"), []byte("\r"))
	read := func(b []byte) (recs []Record, errs []string) {
		for r, err := range ReadCSV(bytes.NewReader(b), ReadOptions{Source: "x.csv"}) {
			if err != nil {
				errs = append(errs, err.Error())
				continue
			}
			recs = append(recs, r)
		}
		return recs, errs
	}
	want, wantErrs := read(crlf)
	if len(want) != 500 || len(wantErrs) != 1 {
		t.Fatalf("CR LF: %d records, errors %q; want 500 and one row error", len(want), wantErrs)
	}
	for name, b := range map[string][]byte{"no BOM": plain, "LF": lf, "CR": cr, "BOM+CR": append([]byte("\xEF\xBB\xBF"), cr...)} {
		got, errs := read(b)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: records differ (-CR LF +%s):\n%s", name, name, diff)
		}
		if diff := cmp.Diff(wantErrs, errs); diff != "" {
			t.Errorf("%s: errors differ:\n%s", name, diff)
		}
	}
}
