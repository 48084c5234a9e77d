package kstt_test

import (
	"os"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/outline"
	"github.com/baocaodinhky/vpcp/period"
)

// The narrative prints in the layout of the outline; a renderer prints the
// forms (render/text's RenderReport prints both).
func ExampleWriteNarrative() {
	r := &kstt.Report{
		Header: kstt.Header{Unit: "Sở Ngoại vụ", Recipient: "UBND tỉnh", Period: period.Must(period.Quarter(2024, 2))},
		Narrative: &outline.Narrative{
			Heading:    &outline.Heading{Symbol: "BC-SNgV", Place: "Hà Tĩnh", Date: outline.DocDate{Month: 6, Year: 2024}, Title: "Công tác kiểm soát thủ tục hành chính"},
			PeriodText: "(Từ ngày 15/3/2024 đến ngày 14/6/2024)",
			OneStop:    &outline.OneStopFigures{SurveyResponses: 18},
			Tasks:      []string{"Tiếp tục rà soát TTHC."},
			Recipients: []string{"Văn phòng UBND tỉnh", "Lưu: VT"},
			Signature:  &outline.Signature{Authority: "KT. GIÁM ĐỐC", Title: "PHÓ GIÁM ĐỐC", Name: "Ngô Thị Hoài Nam"},
		},
	}
	if err := kstt.WriteNarrative(os.Stdout, r); err != nil {
		panic(err)
	}
	// Output:
	// Số: /BC-SNgV
	//
	// Hà Tĩnh, ngày tháng 6 năm 2024
	//
	// BÁO CÁO
	//
	// Công tác kiểm soát thủ tục hành chính
	// (Từ ngày 15/3/2024 đến ngày 14/6/2024)
	//
	// I. TÌNH HÌNH, KẾT QUẢ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH
	//
	// 7. Triển khai cơ chế một cửa, một cửa liên thông trong giải quyết TTHC
	//
	// - Số ý kiến khách hàng được đo lường sự hài lòng trong kỳ: 18
	//
	// II. ĐÁNH GIÁ CHUNG
	//
	// III. PHƯƠNG HƯỚNG NHIỆM VỤ CHỦ YẾU QUÝ III NĂM 2024
	//
	// 1. Tiếp tục rà soát TTHC.
	//
	// Nơi nhận:
	//
	// - Văn phòng UBND tỉnh;
	//
	// - Lưu: VT.
	//
	// KT. GIÁM ĐỐC
	// PHÓ GIÁM ĐỐC
	//
	// Ngô Thị Hoài Nam
}
