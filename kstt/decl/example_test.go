package decl_test

import (
	"fmt"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/decl"
	"github.com/baocaodinhky/vpcp/period"
)

// A form of one's own, declared in JSON, filled from Go values, then
// checked: the printed formula "(3) = (4) + (5)" derives (3), TỔNG CỘNG
// is the sum of the rows, and the bound "(6) ≤ (3)" is a warning.
func Example() {
	schema, err := decl.Parse([]byte(`{
	  "code": "HS.01",
	  "title": "TÌNH HÌNH TIẾP NHẬN HỒ SƠ",
	  "unit": "hồ sơ",
	  "basis": "Quyết định của UBND tỉnh (ví dụ)",
	  "edition": {"name": "Quyết định (ví dụ)", "valid_from": "2025-01-01"},
	  "parts": [{"columns": [
	    {"num": 1, "key": "stt", "label": "STT", "kind": "text"},
	    {"num": 2, "key": "field", "label": "Lĩnh vực", "kind": "text"},
	    {"num": 3, "key": "received", "label": "Tổng số", "groups": ["Tiếp nhận"], "kind": "count"},
	    {"num": 4, "key": "online", "label": "Trực tuyến", "groups": ["Tiếp nhận"], "kind": "count"},
	    {"num": 5, "key": "direct", "label": "Trực tiếp", "groups": ["Tiếp nhận"], "kind": "count"},
	    {"num": 6, "key": "resolved", "label": "Đã giải quyết", "kind": "count"}
	  ]}],
	  "rules": [
	    {"id": "HS.01/R01", "rule": "(3) = (4) + (5)"},
	    {"id": "HS.01/R02", "rule": "TỔNG CỘNG = Σ các dòng"},
	    {"id": "HS.01/R03", "rule": "(6) ≤ (3)", "meaning": "không giải quyết nhiều hơn số đã nhận", "meaning_en": "no more resolved than received"}
	  ]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	q := period.Must(period.Quarter(2025, 2))
	f := schema.New(kstt.Header{Unit: "Sở Tư pháp", Recipient: "UBND tỉnh", Period: q})
	_ = f.AddRow(0, "Hộ tịch", map[string]int64{"online": 3, "direct": 2, "resolved": 4})
	_ = f.AddRow(0, "Chứng thực", map[string]int64{"online": 1, "resolved": 2})
	if err := f.Fill(); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("(3) of TỔNG CỘNG:", f.Value(0, 2, 3))
	fmt.Println(schema.Spec().NumberLabel("", 3))
	findings, _ := f.Check(kstt.CheckOptions{})
	for _, x := range findings {
		fmt.Println(x.Rule, x.Severity, x.RowLabel, x.Expected, x.Actual)
	}
	// A declaration error names its place.
	_, err = decl.Parse([]byte(`{"code": "HS.02", "title": "T", "basis": "B", "parts": [{"columns": [
	    {"num": 1, "key": "stt", "label": "STT", "kind": "text"},
	    {"num": 2, "key": "field", "label": "Lĩnh vực", "kind": "text"},
	    {"num": 3, "key": "n", "label": "Số", "kind": "count"}]}],
	  "rules": [{"id": "HS.02/R01", "rule": "(3) = (4) + (5)"}]}`))
	fmt.Println(err)
	// Output:
	// (3) of TỔNG CỘNG: 6
	// (3)=(4)+(5)
	// HS.01/R03 warning Chứng thực ≤ 1 2
	// decl: $.rules[0].rule: column (4) does not exist in the form (columns (1) to (3))
}

func ExampleParseRule() {
	e, err := decl.ParseRule("Phần II: (4) = (3) ÷ Phần I (8) × 100")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(e.Op, e.Target, e.Terms)
	_, err = decl.ParseRule("(3) = (4) +")
	fmt.Println(err)
	// Output:
	// rate Phần II (4) [Phần II (3) Phần I (8)]
	// at 11 in "(3) = (4) +": a cell is missing
}

// The same form of two units summed: rows of the same lĩnh vực are added,
// derived columns and TỔNG CỘNG recomputed.
func ExampleSchema_Rollup() {
	schema := decl.MustCompile(&decl.Declaration{
		Code: "HS.01", Title: "TÌNH HÌNH TIẾP NHẬN HỒ SƠ", Unit: "hồ sơ", Basis: "Quyết định của UBND tỉnh (ví dụ)",
		Parts: []decl.Part{{Columns: []decl.Column{
			{Num: 1, Key: "stt", Label: "STT", Kind: "text"},
			{Num: 2, Key: "field", Label: "Lĩnh vực", Kind: "text"},
			{Num: 3, Key: "received", Label: "Tổng số", Kind: "count"},
			{Num: 4, Key: "online", Label: "Trực tuyến", Kind: "count"},
			{Num: 5, Key: "direct", Label: "Trực tiếp", Kind: "count"},
		}}},
		Rules: []decl.Rule{{ID: "HS.01/R01", Rule: "(3) = (4) + (5)"}, {ID: "HS.01/R02", Rule: "TỔNG CỘNG = Σ các dòng"}},
	})
	a := schema.New(kstt.Header{Unit: "Sở Tư pháp"})
	_ = a.AddRow(0, "Hộ tịch", map[string]int64{"online": 3, "direct": 1})
	b := schema.New(kstt.Header{Unit: "UBND xã Cẩm Xuyên"})
	_ = b.AddRow(0, "hộ tịch", map[string]int64{"online": 2})
	_ = b.AddRow(0, "Chứng thực", map[string]int64{"direct": 5})
	agg, err := schema.Rollup(kstt.Header{Unit: "UBND tỉnh"}, a, b)
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, r := range agg.Parts[0].Rows {
		fmt.Println(r.STT, r.Label, agg.Value(0, i, 3))
	}
	fmt.Println("TỔNG CỘNG", agg.Value(0, len(agg.Parts[0].Rows), 3))
	// Output:
	// 1 Hộ tịch 6
	// 2 Chứng thực 5
	// TỔNG CỘNG 11
}
