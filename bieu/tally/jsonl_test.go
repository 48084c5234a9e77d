package tally

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// jsonlSeeds are lines the one-pass reader must read as jsonlSlow does,
// or leave to it.
var jsonlSeeds = []string{
	`{"code": "J1", "field": "Hộ tịch", "channel": "trực tiếp", "received": "1/5/2024", "due": "5/5/2024"}`,
	`{"Mã hồ sơ": "A", "code": "B", "Lĩnh vực": "Đất đai", "field": "Hộ tịch", "received": "02/05/2024 11:39"}`,
	`{"code": "B", "Mã hồ sơ": "A", "field": "Hộ tịch", "Lĩnh vực": "Đất đai", "received": "02/05/2024 11:39"}`,
	`{"code": "J3", "field": "Hộ tịch", "field": "H\u00f4 t\u1ecbch", "received": "1/5/2024"}`,
	`{"code": "J3", "Field": "X", "field": "Hộ tịch", "received": "1/5/2024"}`,
	"{\"code\": \"J4\", \"field\": \"H\xff t\xe9ch\", \"received\": \"1/5/2024\"}",
	`{"code": "J5", "field": "\udc00", "received": "1/5/2024"}`,
	`{"code": 123, "field": null, "received": "1/5/2024", "level": "Cấp xã", "status": "Đã trả kết quả", "finished": "3/5/2024"}`,
	`{"code": true, "received": "1/5/2024"}`,
	`{"extra": {"a": 1, "A": 2}, "code": "X", "received": "1/5/2024", "field": "Hộ tịch"}`,
	`{"extra": [1, 2], "code": "X", "received": "1/5/2024", "field": "Hộ tịch"}`,
	`{"code": "P", "received": "1/5/2024", "field": "Hộ tịch", "pauses": [{"from": "2/5/2024", "to": "3/5/2024"}]}`,
	`{"code": "P", "received": "1/5/2024", "field": "Hộ tịch", "Pauses": [{"from": "2/5/2024", "From": "3/5/2024"}]}`,
	`{"code": "P", "received": "1/5/2024", "field": "Hộ tịch", "pauses": "soon"}`,
	`{"code": "P", "received": "1/5/2024", "field": "Hộ tịch", "pauses": null}`,
	`{"code": "P", "received": "1/5/2024", "field": "Hộ tịch", "pauses": [{"from": "x"}]}`,
	`{"code": "P", "received": "1/5/2024", "pauses": [], "pau\u017fes": [{"from": "2/5/2024"}]}`,
	`{"code": "Q", "received": "không phải ngày", "field": "Hộ tịch"}`,
	`{"code": "Q", "received": "1/5/2024", "channel": "bồ câu"}`,
	`{"c\u006fde": "E", "received": "1/5/2024", "field": "H\"ộ\\ tịch"}`,
	`{"code": "T", "received": "1/5/2024"} {"code": "U"}`,
	`{"code": "T", "received": "1/5/2024"} x`,
	`{"code": "T", "received": "1/5/2024",}`,
	`[1, 2]`, `null`, `"text"`, `42`, `{}`, `{"a": 1}`, "\xEF\xBB\xBF{\"code\": \"B\"}",
	`{"code": "K", "received": "1/5/2024", "\u212aode": "k"}`,
	// Two keys of one column with one value are read as one (the two
	// above, whose values differ, are rejected by the slow reader).
	`{"Mã hồ sơ": "A", "code": "A", "Lĩnh vực": "Hộ tịch", "field": "Hộ tịch", "received": "02/05/2024 11:39"}`,
	`{"code": "A", "Mã hồ sơ": "A", "field": "Hộ tịch", "Lĩnh vực": "Hộ tịch", "received": "02/05/2024 11:39"}`,
	`{"code": null, "Mã hồ sơ": "A", "field": "", "Lĩnh vực": "Hộ tịch", "received": "02/05/2024 11:39"}`,
	`{"Mã hồ sơ": "A", "code": null, "Lĩnh vực": "Hộ tịch", "field": "", "received": "02/05/2024 11:39"}`,
}

// readJSONLLine reads one line with the one-pass reader, falling back as
// ReadJSONL does, and with jsonlSlow alone.
func readJSONLLine(line string) (fast, slow string, took bool) {
	o := ReadOptions{Source: "x.jsonl"}
	_ = o.defaults()
	jl := newJSONLLine()
	rec, err, ok := jl.read([]byte(line), 7, &o, newReadCache())
	if !ok {
		rec, err = jsonlSlow([]byte(line), 7, map[string]Column{}, &o, newReadCache())
	}
	srec, serr := jsonlSlow([]byte(line), 7, map[string]Column{}, &o, nil)
	return fmt.Sprintf("%+v %v", rec, err), fmt.Sprintf("%+v %v", srec, serr), ok
}

// The one-pass reader of JSON Lines reads each line as the reader always
// did (jsonlSlow): the same record, the same error, word for word.
func TestJSONLLineAsSlow(t *testing.T) {
	took := 0
	for _, line := range jsonlSeeds {
		fast, slow, ok := readJSONLLine(line)
		if ok {
			took++
		}
		if fast != slow {
			t.Errorf("%s:\none pass %s\nslow     %s", line, fast, slow)
		}
	}
	// The plain lines are the one pass's, not the slow reader's.
	for _, i := range []int{0, len(jsonlSeeds) - 4, len(jsonlSeeds) - 3, len(jsonlSeeds) - 2, len(jsonlSeeds) - 1, 7, 11, 13, 14, 15, 17, 18, 19} {
		if _, _, ok := readJSONLLine(jsonlSeeds[i]); !ok {
			t.Errorf("%s: left to the slow reader", jsonlSeeds[i])
		}
	}
	if took == len(jsonlSeeds) {
		t.Error("no seed left to the slow reader")
	}
}

// The lines of the benchmark are read in one pass, and their records are
// those of the CSV list they were made from.
func TestJSONLBenchLines(t *testing.T) {
	data := benchJSONL(300)
	for i, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if _, _, ok := readJSONLLine(line); !ok {
			t.Fatalf("line %d left to the slow reader: %s", i+1, line)
		}
	}
	var csvRecs, jsonRecs []Record
	for r, err := range ReadCSV(strings.NewReader(string(benchCSV(300))), ReadOptions{}) {
		if err != nil {
			t.Fatal(err)
		}
		r.Row = 0
		csvRecs = append(csvRecs, r)
	}
	for r, err := range ReadJSONL(strings.NewReader(string(data)), ReadOptions{}) {
		if err != nil {
			t.Fatal(err)
		}
		r.Row = 0
		jsonRecs = append(jsonRecs, r)
	}
	if diff := cmp.Diff(csvRecs, jsonRecs); diff != "" {
		t.Errorf("JSON Lines and CSV records differ:\n%s", diff)
	}
}

// FuzzJSONLLine holds the one-pass reader to jsonlSlow on any line.
func FuzzJSONLLine(f *testing.F) {
	for _, s := range jsonlSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		if fast, slow, _ := readJSONLLine(line); fast != slow {
			t.Fatalf("%q:\none pass %s\nslow     %s", line, fast, slow)
		}
	})
}

// Two keys of one column with different values were read by the first in
// sorted order, silently. The line is now a *RowError naming both; with one
// value, the line is read.
func TestJSONLTwoKeysOneColumn(t *testing.T) {
	in := `{"Mã hồ sơ": "H01", "code": "H02", "field": "Hộ tịch", "channel": "trực tiếp", "received": "1/5/2024"}` + "\n" +
		`{"code": "H03", "Mã hồ sơ": "H03", "field": "Hộ tịch", "channel": "trực tiếp", "received": "1/5/2024"}` + "\n" +
		`{"code": "", "Mã hồ sơ": "H04", "field": "Hộ tịch", "channel": "trực tiếp", "received": "1/5/2024"}` + "\n"
	var codes []string
	var errs []error
	for r, err := range ReadJSONL(strings.NewReader(in), ReadOptions{Source: "l.jsonl"}) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		codes = append(codes, r.Code)
	}
	if len(codes) != 2 || codes[0] != "H03" || codes[1] != "H04" {
		t.Errorf("records %q, want [H03 H04]", codes)
	}
	var re *RowError
	if len(errs) != 1 || !errors.As(errs[0], &re) || !errors.Is(re, ErrBadRow) || re.Row != 1 {
		t.Fatalf("errors %v, want one *RowError on row 1", errs)
	}
	if msg := re.Error(); !strings.Contains(msg, `"Mã hồ sơ" ("H01")`) || !strings.Contains(msg, `"code" ("H02")`) {
		t.Errorf("error %q names not both keys and values", msg)
	}
}
