package outline_test

import (
	"fmt"
	"os"

	"github.com/baocaodinhky/vpcp/kstt/outline"
	"github.com/baocaodinhky/vpcp/period"
)

// A narrative states its figures as typed fields; WriteText prints them in
// the words of the outline, with two-digit whole numbers as administrative
// writing does, and names part III after the period that follows.
func ExampleNarrative_WriteText() {
	n := &outline.Narrative{
		Feedback: &outline.FeedbackFigures{New: 2, Handled: 2},
		Tasks:    []string{"Tiếp tục rà soát, đơn giản hóa TTHC."},
	}
	if err := n.WriteText(os.Stdout, period.Must(period.Quarter(2024, 3))); err != nil {
		fmt.Println(err)
	}
	v, _ := n.Figure("feedback.handled")
	fmt.Println(outline.FigureText(v))
	// Output:
	// BÁO CÁO
	//
	// I. TÌNH HÌNH, KẾT QUẢ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH
	//
	// 5. Tiếp nhận, xử lý phản ánh, kiến nghị về quy định, TTHC
	//
	// - Tổng số phản ánh, kiến nghị đã tiếp nhận trong kỳ báo cáo, trong đó: Số tiếp nhận mới trong kỳ: 02; số từ kỳ trước chuyển qua: 0; số phản ánh, kiến nghị về quy định hành chính: 0; số phản ánh, kiến nghị về hành vi hành chính: 0.
	//
	// - Số phản ánh, kiến nghị đã xử lý: 02; trong đó số đã được đăng tải công khai: 0
	//
	// - Số phản ánh, kiến nghị đang xử lý: 0
	//
	// II. ĐÁNH GIÁ CHUNG
	//
	// III. PHƯƠNG HƯỚNG NHIỆM VỤ CHỦ YẾU QUÝ IV NĂM 2024
	//
	// 1. Tiếp tục rà soát, đơn giản hóa TTHC.
	// 02
}
