package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/baocaodinhky/vpcp/render/text"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// TestSeedReportGolden prints the seed's whole report — narrative and
// forms — as text and compares it with testdata/seed-report.txt. Run
// `go test ./examples/quickstart -update` after an intended change, and
// read the diff.
func TestSeedReportGolden(t *testing.T) {
	var b bytes.Buffer
	if err := text.New(text.DefaultOptions()).RenderReport(&b, seedReport()); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "seed-report.txt")
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("the seed report's text differs from %s; run with -update and review the diff.\ngot:\n%s", golden, b.String())
	}
}

// TestSeedReportKeepsTheSeedsWords checks, independently of the golden
// file, that the figures, dates, names and labels the seed prints are in
// the text exactly as the seed has them.
func TestSeedReportKeepsTheSeedsWords(t *testing.T) {
	var b bytes.Buffer
	if err := text.New(text.DefaultOptions()).RenderReport(&b, seedReport()); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"Số: /BC-SNgV\n",
		"Hà Tĩnh, ngày tháng 6 năm 2024\n",
		"BÁO CÁO\n",
		"Công tác kiểm soát thủ tục hành chính, triển khai cơ chế một cửa một cửa liên thông và thực hiện thủ tục hành chính trên môi trường điện tử\n(Từ ngày 15/3/2023 – 14/6/2024)\n",
		"I. TÌNH HÌNH, KẾT QUẢ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH\n",
		"- Số lượng TTHC đã được đánh giá tác động trong kỳ báo cáo: 0\n",
		"- Số lượng TTHC được ban hành trong kỳ báo cáo đã được đánh giá tác động: 0\n",
		"- Tổng số TTHC cần rà soát, đơn giản hóa theo Kế hoạch: 0\n",
		"- Phương án đơn giản hóa cụ thể: số TTHC giữ nguyên: 0; số TTHC bãi bỏ: 0; số TTHC sửa đổi, bổ sung: 0; số TTHC thay thế: 0; số TTHC liên thông: 0; số TTHC có giải pháp để thực hiện trên môi trường điện tử: 0\n",
		"- Số tiền tiết kiệm được: 0\n",
		"- Tỷ lệ hoàn thành kế hoạch rà soát, đơn giản hóa: 0%\n",
		"- Tổng số phản ánh, kiến nghị đã tiếp nhận trong kỳ báo cáo, trong đó: Số tiếp nhận mới trong kỳ: 0; số từ kỳ trước chuyển qua: 0; số phản ánh, kiến nghị về quy định hành chính: 0; số phản ánh, kiến nghị về hành vi hành chính: 0.\n",
		"- Số phản ánh, kiến nghị đã xử lý: 0; trong đó số đã được đăng tải công khai: 0\n",
		"- Số phản ánh, kiến nghị đang xử lý: 0\n",
		"- Tổng số hồ sơ TTHC đã tiếp nhận trong kỳ báo cáo: 33, trong đó: Số mới tiếp nhận trong kỳ: 31 (trực tuyến: 31; trực tiếp và qua dịch vụ bưu chính: 0); số từ kỳ trước chuyển qua: 02\n",
		"- Số lượng hồ sơ đã giải quyết: 33; trong đó, giải quyết trước hạn: 0, đúng hạn: 33, quá hạn: 0\n",
		"- Số lượng hồ sơ đang giải quyết: 0; trong đó, trong hạn: 0, quá hạn: 0.\n",
		"18 ý kiến khách hàng",
		": 05\n", ": 04\n",
		"12. Về rà soát, cập nhật, đẩy mạnh triển khai, cung cấp 100% dịch vụ công đủ trực tuyến toàn trình\n",
		"Quyết định số 3433/QĐ-UBND ngày 25/12/2023", "Quyết định số 566/QĐ-UBND ngày 28/02/2024", "Quyết định số 1275/QĐ-BNG ngày 20/5/2024",
		"Hướng dẫn số 127/VP-PC₁ ngày 01/3/2021",
		"II. ĐÁNH GIÁ CHUNG\n",
		"III. PHƯƠNG HƯỚNG NHIỆM VỤ CHỦ YẾU QUÝ III NĂM 2024\n",
		"\n7. Thực hiện nghiêm việc xin lỗi", // the seventh task
		"Trên đây là báo cáo kết quả thực hiện công tác kiểm soát thủ tục hành chính Quý II và một số nhiệm vụ chủ yếu Quý III năm 2024 của Sở Ngoại vụ./.\n",
		"Nơi nhận:\n\n- Văn phòng UBND tỉnh;\n\n- Ban Giám đốc Sở;\n\n- Các phòng chuyên môn, đơn vị thuộc Sở;\n\n- Lưu: VT, VPTr.\n",
		"KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nNgô Thị Hoài Nam\n",
		"Biểu số II.06a/VPCP/KSTT", "Biểu số II.07b/VPCP/KSTT", "Biểu số II.08/VPCP/KSTT",
		"Lĩnh vực lãnh sự", "Lĩnh vực HTQT", "Lĩnh vực đối ngoại", "DVCTT DO CƠ QUAN, UBND TỈNH CHỦ ĐỘNG TRIỂN KHAI",
	} {
		if !bytes.Contains(b.Bytes(), []byte(s)) {
			t.Errorf("the report text lacks %q", s)
		}
	}
}
