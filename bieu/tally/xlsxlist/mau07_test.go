package xlsxlist

import (
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/bieu/tally"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/period"
	"github.com/google/go-cmp/cmp"
)

const (
	shippedCSV    = "../../../examples/kstt/testdata/ho-so-cam-xuyen.csv"
	shippedPortal = "../../../examples/kstt/testdata/ho-so-cam-xuyen.portal.jsonl"
	shippedMau07  = "../../../examples/kstt/testdata/ho-so-cam-xuyen.mau07.xlsx"
)

// camXuyenProcedures is the lookup mã TTHC / tên TTHC → lĩnh vực, level
// of the shipped list's procedures (examples/caselist).
var camXuyenProcedures = map[string]tally.ProcedureInfo{
	"Đăng ký khai sinh":                            {Field: "Hộ tịch", Level: bieu.CommuneLevel},
	"Đăng ký kết hôn":                              {Field: "Hộ tịch", Level: bieu.CommuneLevel},
	"Cấp bản sao trích lục hộ tịch":                {Field: "Hộ tịch", Level: bieu.CommuneLevel},
	"Chứng thực bản sao từ bản chính":              {Field: "Chứng thực", Level: bieu.CommuneLevel},
	"Chứng thực chữ ký trong các giấy tờ, văn bản": {Field: "Chứng thực", Level: bieu.CommuneLevel},
	"Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất": {Field: "Đất đai", Level: bieu.DistrictLevel},
	"Cấp giấy phép xây dựng nhà ở riêng lẻ":                                      {Field: "Xây dựng", Level: bieu.DistrictLevel},
	"Đăng ký thành lập hộ kinh doanh":                                            {Field: "Thành lập và hoạt động của hộ kinh doanh", Level: bieu.DistrictLevel},
	"Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng":                {Field: "Bảo trợ xã hội", Level: bieu.CommuneLevel},
	"Giải quyết hưởng chế độ ưu đãi đối với người có công":                       {Field: "Người có công", Level: bieu.DistrictLevel},
}

func tallyOf(t *testing.T, seq func(yield func(tally.Record, error) bool)) (any, []string) {
	t.Helper()
	q, _ := period.Parse("Quý III năm 2024")
	tl, err := tally.New(q, tally.Policy{})
	if err != nil {
		t.Fatal(err)
	}
	if err := tl.AddSeq2(seq); err != nil {
		t.Fatal(err)
	}
	res, err := tl.Result(kstt.Header{Unit: "UBND huyện Cẩm Xuyên", Recipient: "UBND tỉnh Hà Tĩnh"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(res.Report())
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	var fs []string
	for _, f := range res.Findings {
		fs = append(fs, string(f.Rule)+" "+f.Record)
	}
	return v, fs
}

// TestSameForms: the shipped CSV list, the same records as the national
// portal's sync records and as a Mẫu 07 workbook (with the procedures'
// lookup) tally to identical forms and findings.
func TestSameForms(t *testing.T) {
	f, err := os.Open(shippedCSV)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want, wantF := tallyOf(t, tally.ReadCSV(f, tally.ReadOptions{}))
	p, err := os.Open(shippedPortal)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	got, gotF := tallyOf(t, tally.ReadJSONL(p, tally.ReadOptions{}))
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("portal list: forms differ (-csv +portal):\n%s", d)
	}
	if d := cmp.Diff(wantF, gotF); d != "" {
		t.Errorf("portal list: findings differ (-csv +portal):\n%s", d)
	}
	got, gotF = tallyOf(t, ReadFile(shippedMau07, Options{ReadOptions: tally.ReadOptions{Procedures: camXuyenProcedures}}))
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Mẫu 07: forms differ (-csv +mau07):\n%s", d)
	}
	if d := cmp.Diff(wantF, gotF); d != "" {
		t.Errorf("Mẫu 07: findings differ (-csv +mau07):\n%s", d)
	}
	// Without the lookup, every record counted lacks its lĩnh vực: a
	// finding each, never guessed.
	_, noLookup := tallyOf(t, ReadFile(shippedMau07, Options{}))
	r05 := 0
	for _, s := range noLookup {
		if strings.HasPrefix(s, "TALLY/R05 ") {
			r05++
		}
	}
	if r05 != 400 {
		t.Errorf("without the lookup: %d TALLY/R05 findings, want 400 (one per record of the period): %v", r05, strconv.Itoa(len(noLookup)))
	}
}
