package bieu

import (
	"encoding/json"
	"testing"

	"github.com/baocaodinhky/vpcp/kstt"
)

// BenchmarkDecodeReport decodes a report of one II.06a of 10,000 rows
// strictly (DecodeReport: duplicate and case-twin names, UTF-8, array
// bounds, unknown members, whole counts), next to its floor: encoding/json
// decoding the same text into the same types with none of those checks.
func BenchmarkDecodeReport(b *testing.B) {
	f := benchII06a(10000)
	data, err := kstt.NewReport(f.Header, f).MarshalJSON()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("DecodeReport", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := DecodeReport(data); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("floor=encoding/json", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			var in struct {
				Header kstt.Header `json:"header"`
				Forms  []struct {
					Code string `json:"code"`
					Form II06a  `json:"form"`
				} `json:"forms"`
			}
			if err := json.Unmarshal(data, &in); err != nil {
				b.Fatal(err)
			}
		}
	})
}
