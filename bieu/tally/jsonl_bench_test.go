package tally

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"sync"
	"testing"

	jsonv2 "github.com/go-json-experiment/json"
)

var (
	benchJSONLMu    sync.Mutex
	benchJSONLFiles = map[int][]byte{}
)

// benchJSONL is benchCSV's list as JSON Lines: one object a row, the keys
// the columns' names (Column.String; "stt" a key the reader ignores), a
// key left out where the CSV cell is empty.
func benchJSONL(n int) []byte {
	benchJSONLMu.Lock()
	defer benchJSONLMu.Unlock()
	if b, ok := benchJSONLFiles[n]; ok {
		return b
	}
	rd := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(benchCSV(n), []byte("\xEF\xBB\xBF"))))
	rows, err := rd.ReadAll()
	if err != nil {
		panic(err)
	}
	keys := make([]string, len(rows[0]))
	for i, h := range rows[0] {
		keys[i] = MatchHeader(h, nil).String()
		if keys[i] == "" {
			keys[i] = "stt"
		}
	}
	var buf bytes.Buffer
	for _, row := range rows[1:] {
		m := map[string]string{}
		for i, v := range row {
			if v != "" {
				m[keys[i]] = v
			}
		}
		b, _ := json.Marshal(m)
		buf.Write(b)
		buf.WriteByte('\n')
	}
	benchJSONLFiles[n] = buf.Bytes()
	return buf.Bytes()
}

// benchLine is a line of benchJSONL decoded into a struct: the floor.
type benchLine struct {
	STT       string `json:"stt"`
	Code      string `json:"code"`
	Procedure string `json:"procedure"`
	Field     string `json:"field"`
	Level     string `json:"level"`
	Unit      string `json:"unit"`
	Channel   string `json:"channel"`
	Service   string `json:"service"`
	Received  string `json:"received"`
	Due       string `json:"due"`
	PauseFrom string `json:"pause_from"`
	PauseTo   string `json:"pause_to"`
	Finished  string `json:"finished"`
	Status    string `json:"status"`
}

// BenchmarkReadJSONL reads the same JSON Lines with ReadJSONL (each line
// strict — no name twice, in any case or escape, valid UTF-8 — its keys
// matched, dates parsed, values classified, records built) and with two
// floors that split the lines alike and decode each into a struct of
// strings: floor/v2, github.com/go-json-experiment/json's Unmarshal (it
// also refuses duplicate names and invalid UTF-8: the fair floor, and
// the goal's), and floor/v1, encoding/json's (no such checks).
func BenchmarkReadJSONL(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		data := benchJSONL(n)
		name := fmt.Sprintf("%dk", n/1000)
		b.Run(name+"/reader", func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				got := 0
				for _, err := range ReadJSONL(bytes.NewReader(data), ReadOptions{}) {
					if err != nil {
						b.Fatal(err)
					}
					got++
				}
				if got != n {
					b.Fatalf("%d records, want %d", got, n)
				}
			}
		})
		floor := func(b *testing.B, unmarshal func([]byte, any) error) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				sc := bufio.NewScanner(bytes.NewReader(data))
				sc.Buffer(make([]byte, 0, 64<<10), 64<<10+1)
				got, size := 0, 0
				for sc.Scan() {
					var l benchLine
					if err := unmarshal(sc.Bytes(), &l); err != nil {
						b.Fatal(err)
					}
					size += len(l.Code) + len(l.Received)
					got++
				}
				if got != n || size == 0 {
					b.Fatalf("%d lines, want %d", got, n)
				}
			}
		}
		b.Run(name+"/floor/v2", func(b *testing.B) {
			floor(b, func(d []byte, v any) error { return jsonv2.Unmarshal(d, v) })
		})
		b.Run(name+"/floor/v1", func(b *testing.B) { floor(b, json.Unmarshal) })
	}
}
