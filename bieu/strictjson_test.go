package bieu_test

import (
	"os"
	"strings"
	"testing"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/decl"
)

// Every JSON input refuses what would silently change a value — a second
// member of the same name (also through escapes or in another case),
// invalid UTF-8, a lone surrogate — naming its JSON pointer, and takes a
// byte order mark.
func TestStrictJSONInputs(t *testing.T) {
	report, err := os.ReadFile("../examples/kstt/testdata/so-tu-phap.json")
	if err != nil {
		t.Fatal(err)
	}
	s := string(report)
	cases := map[string]string{ // input → the pointer the error names
		strings.Replace(s, `"unit":`, `"unit": "Sở Giả", "unit":`, 1):      "/header/unit",
		strings.Replace(s, `"unit":`, `"unit": "Sở Giả", "\u0075nit":`, 1): "/header/unit",
		strings.Replace(s, `"unit":`, `"Unit": "Sở Giả", "unit":`, 1):      "/header/unit",
		strings.Replace(s, `"unit": "`, `"unit": "\ud800`, 1):              "/header/unit",
		strings.Replace(s, "Sở", "S\xff", 1):                               "/header/unit",
	}
	for in, ptr := range cases {
		if _, err := bieu.DecodeReport([]byte(in)); err == nil || !strings.Contains(err.Error(), "at "+ptr) {
			t.Errorf("report: %v, want an error at %s", err, ptr)
		}
	}
	if _, err := bieu.DecodeReport(append([]byte("\xEF\xBB\xBF"), report...)); err != nil {
		t.Errorf("report with a byte order mark: %v", err)
	}
	if _, err := kstt.ParseCheckOptions([]byte(`{"rules": {"II.07b/R06": {"off": true}, "II.07b/R06": {"off": false}}}`), bieu.Rules()); err == nil || !strings.Contains(err.Error(), "at /rules/II.07b~1R06") {
		t.Errorf("options: %v", err)
	}
	if _, err := kstt.ParseCheckOptions([]byte("\xEF\xBB\xBF"+`{"rules": {"II.07b/R06": {"off": true}}}`), bieu.Rules()); err != nil {
		t.Errorf("options with a byte order mark: %v", err)
	}
	d, err := os.ReadFile("testdata/ii06a.decl.json")
	if err != nil {
		t.Fatal(err)
	}
	ds := string(d)
	i := strings.Index(ds, `"code"`)
	if _, err := decl.Parse([]byte(ds[:i] + `"Code": "X", ` + ds[i:])); err == nil || !strings.Contains(err.Error(), "differ only in case") {
		t.Errorf("declaration: %v", err)
	}
	if _, err := decl.Parse(append([]byte("\xEF\xBB\xBF"), d...)); err != nil {
		t.Errorf("declaration with a byte order mark: %v", err)
	}
}
