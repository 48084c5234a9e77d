package main

import (
	"github.com/shopspring/decimal"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/outline"
	"github.com/baocaodinhky/vpcp/period"
)

// seedReport builds the sample report — the narrative and its three forms —
// with every figure, date, name and label as the real report prints them,
// including its mistaken heading period; the prose is shortened.
func seedReport() *kstt.Report {
	q2 := period.Must(period.Quarter(2024, 2))
	header := kstt.Header{Unit: "Sở Ngoại vụ", Recipient: "UBND tỉnh", Period: q2}

	files := &bieu.II06a{Header: header, Rows: []bieu.II06aRow{
		{STT: "1", Field: "Lĩnh vực lãnh sự", Online: 31, OnTime: 31},
		{STT: "2", Field: "Lĩnh vực HTQT", CarriedOver: 2, OnTime: 2},
	}}

	desk := &bieu.II07b{Header: header}
	desk.PartI.Rows = []bieu.II07bDeskRow{{STT: "1", Field: "Lĩnh vực đối ngoại",
		CompetentProvince: 1, OneStopProvince: 5, ProcessProvince: 5}}
	desk.PartII.Rows = []bieu.II07bOnSpotRow{{STT: "1", Field: "Lĩnh vực đối ngoại"}}

	online := &bieu.II08{Header: header, Sections: []bieu.II08Section{{
		Code: "B", Title: bieu.SectionB,
		Levels: []bieu.II08Level{{Code: "I", Title: bieu.LevelProvince, Rows: []bieu.II08Row{
			{STT: "1", Field: "Lĩnh vực đối ngoại", PartialAssigned: 4, PartialDeployed: 4,
				FullAssigned: 1, FullDeployed: 1, Integrated: 1},
		}}},
	}}}

	report := &kstt.Report{
		Header:    header,
		Narrative: seedNarrative(),
		Forms:     []kstt.Form{files, desk, online},
	}
	// Derive the totals, (3), (7), (11) and the rates of every form from
	// the inputs, as a system that builds the forms from its database would.
	if err := report.Fill(); err != nil {
		panic(err) // cannot happen with these small figures
	}
	return report
}

// seedNarrative is the narrative of the sample report: the outline's
// heading, sections, assessment, tasks, recipients and signature.
func seedNarrative() *outline.Narrative {
	return &outline.Narrative{
		Heading: &outline.Heading{
			Symbol: "BC-SNgV", // the number is left blank until the report is registered
			Place:  "Hà Tĩnh",
			Date:   outline.DocDate{Month: 6, Year: 2024}, // the day is left blank for the signer
			Title:  "Công tác kiểm soát thủ tục hành chính, triển khai cơ chế một cửa một cửa liên thông và thực hiện thủ tục hành chính trên môi trường điện tử",
		},
		// The heading as the report writes it: 15 months, not a period.
		PeriodText: "(Từ ngày 15/3/2023 – 14/6/2024)",
		Preamble: "Căn cứ Thông tư số 01/2020/TT-VPCP ngày 21/10/2020 của Văn phòng Chính phủ và Hướng dẫn số 127/VP-PC₁ ngày 01/3/2021 của Văn phòng UBND tỉnh, " +
			"Sở Ngoại vụ báo cáo công tác kiểm soát thủ tục hành chính, cơ chế một cửa, một cửa liên thông và thủ tục hành chính trên môi trường điện tử Quý II năm 2024 như sau:",
		Sections: []outline.Section{
			{No: 1},
			{No: 2, Text: []string{"Trong Quý II năm 2024, Sở Ngoại vụ không soạn thảo văn bản QPPL nào trình tỉnh, nên không có TTHC phải thẩm định, thẩm tra."}},
			{No: 3, Text: []string{"Trong quý, Sở không tham mưu UBND tỉnh công bố, công khai TTHC hay danh mục TTHC."}},
			{No: 4, Text: []string{
				"Sở tiếp tục chỉ đạo các đơn vị trực thuộc rà soát, cập nhật và sửa đổi kịp thời nội dung TTHC theo văn bản của Bộ, của tỉnh và các văn bản QPPL.",
				"Việc cung cấp TTHC trên môi trường điện tử được kiểm soát theo Chương III Nghị định số 45/2020/NĐ-CP, từ lập danh mục, rà soát, đơn giản hóa đến chọn giải pháp cung cấp.",
			}},
			{No: 5, Text: []string{"Địa chỉ tiếp nhận phản ánh, kiến nghị và hộp thư góp ý được công khai tại trụ sở và trên Cổng thông tin điện tử của Sở."}},
			{No: 6},
			{No: 7, Text: []string{
				"Mọi TTHC thuộc thẩm quyền của Sở được tiếp nhận và trả kết quả tại Trung tâm Phục vụ hành chính công của tỉnh; hồ sơ được chuyển Bộ Ngoại giao xử lý nhanh, đúng quy định. Trong Quý II năm 2024, Sở không nhận được đơn thư khiếu nại, tố cáo nào.",
				"Sở cử cán bộ hướng dẫn nhân viên Bưu điện tiếp nhận, trả kết quả tại Trung tâm, và đo lường sự hài lòng của cá nhân, tổ chức trong Quý II với 18 ý kiến khách hàng.",
			}},
			{No: 8, Text: []string{
				"100% TTHC của Sở được tiếp nhận, giải quyết theo DVC trực tuyến toàn trình và toàn trình một phần trên Cổng DVC của tỉnh - dichvucong.hatinh.gov.vn.",
				"Sở đã số hóa 100% kết quả giải quyết TTHC theo Nghị định 45/2020/NĐ-CP, nhưng chưa trả kết quả điện tử cho công dân vì kết quả là hộ chiếu, bản dịch công chứng hoặc bản gốc có tem Chứng nhận lãnh sự, Hợp pháp hóa lãnh sự để dùng ở nước ngoài.",
				"Bộ Ngoại giao đã tích hợp đầy đủ các TTHC lĩnh vực đối ngoại trên địa bàn tỉnh vào Cổng dịch vụ công quốc gia (<https://dichvucong.gov.vn>).",
			}},
			{No: 9, Text: []string{
				"Sở Ngoại vụ tuyên truyền trực tiếp và trên Cổng Thông tin điện tử của Sở về Kế hoạch cải cách hành chính tỉnh Hà Tĩnh năm 2024 (Quyết định số 3433/QĐ-UBND ngày 25/12/2023) và Kế hoạch kiểm soát TTHC năm 2024 (Quyết định số 566/QĐ-UBND ngày 28/02/2024).",
				"Sở tiếp tục niêm yết địa chỉ tiếp nhận phản ánh, kiến nghị và đăng tin về kiểm soát TTHC trên Cổng thông tin điện tử của Sở.",
			}},
			{No: 10, Text: []string{"Trong Quý II năm 2024, Sở Ngoại vụ không có sáng kiến cải cách TTHC."}},
			{No: 11, Text: []string{"Trong Quý II năm 2024, Sở Ngoại vụ chưa kiểm tra việc kiểm soát TTHC; nội dung này được lồng ghép vào Kế hoạch kiểm tra công tác CCHC năm 2024."}},
			{No: 12, Text: []string{"Sở thường xuyên rà soát điều kiện để kiến nghị cung cấp toàn trình; các TTHC còn lại phải liên thông Cục Lãnh sự - Bộ Ngoại giao và cần bản gốc, Sở sẽ triển khai khi có chỉ đạo của Bộ Ngoại giao."}},
			{No: 13, Text: []string{
				"Sở đang dự thảo Quyết định công bố Danh mục và Quy trình nội bộ TTHC lĩnh vực lãnh sự theo Quyết định số 1275/QĐ-BNG ngày 20/5/2024 của Bộ Ngoại giao để trình UBND tỉnh.",
				"Sở tổng hợp các báo cáo về công vụ trong giải quyết TTHC, về Bộ phận Một cửa các cấp và về vướng mắc TTHC theo yêu cầu; rà soát văn bản QPPL lĩnh vực đối ngoại để đề xuất công bố bổ sung TTHC nội bộ.",
				"Cấp ủy và Ban Giám đốc thường xuyên chỉ đạo Văn phòng - Thanh tra và cán bộ đầu mối đôn đốc giải quyết hồ sơ TTHC đúng thời gian, quy trình.",
			}},
		},
		Impact: &outline.ImpactFigures{Assessed: 0, IssuedAssessed: 0},
		Review: &outline.ReviewFigures{MoneySaved: decimal.Zero, CostSavingRate: decimal.Zero, CompletionRate: decimal.Zero},
		// The report writes no number for the total of section 5.
		Feedback: &outline.FeedbackFigures{New: 0, CarriedOver: 0, Regulations: 0, Conduct: 0, Handled: 0, Published: 0, InProgress: 0},
		Files: &outline.FileFigures{Received: 33, New: 31, Online: 31, Direct: 0, CarriedOver: 2,
			Resolved: 33, Early: 0, OnTime: 33, Late: 0, Pending: 0, PendingOnTime: 0, PendingOverdue: 0},
		OneStop: &outline.OneStopFigures{SurveyResponses: 18},
		Online:  &outline.OnlineFigures{Deployed: 5, PartialOnly: 4},
		Assessment: []string{
			"Kiểm soát TTHC là nhiệm vụ trọng tâm, thường xuyên, được Lãnh đạo Sở chỉ đạo sát sao; công bố kịp thời quy trình điện tử, quy trình nội bộ đã nâng cao chất lượng phục vụ và sự hài lòng của người dân.",
			"Quý II năm 2024, Sở đã triển khai kịp thời kế hoạch kiểm soát TTHC và cơ chế một cửa, một cửa liên thông; hồ sơ được tiếp nhận, trả kết quả đúng hạn, không gây phiền hà.",
			"Khó khăn còn lại: chế độ báo cáo định kỳ theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020 của Văn phòng Chính phủ còn nhiều hạn chế khi thực hiện.",
		},
		Tasks: []string{
			"Tiếp tục phổ biến, quán triệt văn bản của Trung ương và tỉnh về kiểm soát TTHC tới cán bộ, công chức, viên chức; phối hợp hoàn thiện thể chế về kiểm soát TTHC và cơ chế một cửa, một cửa liên thông.",
			"Thực hiện nghiêm chỉ đạo của Chính phủ, Thủ tướng Chính phủ, hướng dẫn của Văn phòng Chính phủ, các Bộ, ngành và UBND tỉnh về kiểm soát TTHC.",
			"Tiếp tục niêm yết địa chỉ, đường dây nóng tiếp nhận phản ánh, kiến nghị; tự kiểm tra việc rà soát TTHC.",
			"Cập nhật văn bản pháp luật mới, rà soát TTHC do Sở tham mưu Ủy ban nhân dân tỉnh ban hành để hệ thống hóa quy định của Sở Ngoại vụ.",
			"Tiếp tục rà soát, đơn giản hóa TTHC và xây dựng quy trình nội bộ giải quyết từng TTHC thuộc thẩm quyền.",
			"Tham mưu UBND tỉnh công bố Danh mục và Quy trình TTHC nội bộ lĩnh vực công tác lãnh sự của Bộ Ngoại giao do Sở Ngoại vụ tiếp nhận, giải quyết trên địa bàn tỉnh Hà Tĩnh.",
			"Thực hiện nghiêm việc xin lỗi cá nhân, tổ chức khi trễ hẹn trả kết quả giải quyết TTHC (nếu có).",
		},
		Closing:    "Trên đây là báo cáo kết quả thực hiện công tác kiểm soát thủ tục hành chính Quý II và một số nhiệm vụ chủ yếu Quý III năm 2024 của Sở Ngoại vụ./.",
		Recipients: []string{"Văn phòng UBND tỉnh", "Ban Giám đốc Sở", "Các phòng chuyên môn, đơn vị thuộc Sở", "Lưu: VT, VPTr"},
		Signature:  &outline.Signature{Authority: "KT. GIÁM ĐỐC", Title: "PHÓ GIÁM ĐỐC", Name: "Ngô Thị Hoài Nam"},
	}
}
