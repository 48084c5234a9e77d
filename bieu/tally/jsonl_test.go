package tally

import (
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
	for _, i := range []int{0, 1, 2, 7, 11, 13, 14, 15, 17, 18, 19} {
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
