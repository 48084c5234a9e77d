package tally

import (
	"strings"
	"testing"

	"github.com/baocaodinhky/vpcp/kstt"
)

// TestInvisibleCharacters: a code or lĩnh vực copied with an invisible
// format character (word joiner, zero-width joiner, soft hyphen) is the
// same code or lĩnh vực: the copies of one case
// are duplicates (TALLY/R06), and one lĩnh vực makes one row of II.06a,
// not two that print the same.
func TestInvisibleCharacters(t *testing.T) {
	in := "Mã hồ sơ,Lĩnh vực,Cấp,Kênh tiếp nhận,Ngày tiếp nhận,Ngày hẹn trả,Trạng thái\n" +
		"000.20.31.H12-240902-000001,Hộ tịch,Cấp xã,Trực tiếp,02/09/2024,05/09/2024,Đang xử lý\n" +
		"000.20.31.H12-240902-000001\u2060,Hộ tịch,Cấp xã,Trực tiếp,02/09/2024,05/09/2024,Đang xử lý\n" +
		"000.20.31.H12-240902-000001\u200d,Hộ tịch,Cấp xã,Trực tiếp,02/09/2024,05/09/2024,Đang xử lý\n" +
		"000.20.31.H12-\u00ad240902-000001,Hộ tịch,Cấp xã,Trực tiếp,02/09/2024,05/09/2024,Đang xử lý\n" +
		"000.20.31.H12-240902-000002,Hộ\u00ad tịch\u2060,Cấp xã,Trực tiếp,02/09/2024,05/09/2024,Đang xử lý\n" +
		"000.20.31.H12-240902-000003,Hộ\u200c tịch,Cấp xã,Trực tiếp,02/09/2024,05/09/2024,Đang xử lý\n"
	tl, _ := New(q3, Policy{})
	if err := tl.AddSeq2(ReadCSV(strings.NewReader(in), ReadOptions{Source: "ds.csv"})); err != nil {
		t.Fatal(err)
	}
	res, err := tl.Result(kstt.Header{Unit: "UBND xã Cẩm Bình", Recipient: "UBND huyện Cẩm Xuyên"})
	if err != nil {
		t.Fatal(err)
	}
	dups := 0
	for _, f := range res.Findings {
		if f.Rule == RuleDuplicateCode {
			dups++
		}
	}
	if dups != 3 {
		t.Errorf("%d findings %s, want 3 (the copies of …-000001)", dups, RuleDuplicateCode)
	}
	if rows := res.II06a.Rows; len(rows) != 1 || rows[0].Field != "Hộ tịch" || rows[0].Received != 3 {
		t.Errorf("II.06a rows %+v, want one, Hộ tịch, 3 received", rows)
	}
}
