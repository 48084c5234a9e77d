package outline_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/baocaodinhky/vpcp/kstt/outline"
	"github.com/baocaodinhky/vpcp/period"
)

// fullNarrative states every part of the outline.
func fullNarrative() *outline.Narrative {
	return &outline.Narrative{
		PeriodText: "(Từ ngày 15/3/2024 đến ngày 14/6/2024)",
		Heading: &outline.Heading{Authority: "UBND TỈNH HÀ TĨNH", Issuer: "SỞ NGOẠI VỤ", Number: "125", Symbol: "BC-SNgV",
			Place: "Hà Tĩnh", Date: outline.DocDate{Day: 5, Month: 2, Year: 2024}, Title: "Công tác kiểm soát thủ tục hành chính"},
		Preamble: "Thực hiện Thông tư số 01/2020/TT-VPCP, Sở báo cáo như sau:",
		Sections: []outline.Section{{No: 2, Text: []string{"Không có dự thảo."}}, {No: 13, Title: "Nội dung khác (bổ sung)", Text: []string{"a", "b"}}},
		Impact:   &outline.ImpactFigures{Assessed: 3, IssuedAssessed: 1},
		Review: &outline.ReviewFigures{Planned: 4, Reviewed: 2, Kept: 1, Amended: 1, Linked: 1,
			MoneySaved: decimal.RequireFromString("1250000.5"), CostSavingRate: decimal.RequireFromString("12.5"),
			CompletionRate: decimal.NewFromInt(50)},
		Feedback:   &outline.FeedbackFigures{Total: new(int64(3)), New: 2, CarriedOver: 1, Regulations: 3, Handled: 2, Published: 1, InProgress: 1},
		Files:      &outline.FileFigures{Received: 33, New: 31, Online: 31, CarriedOver: 2, Resolved: 33, OnTime: 33},
		OneStop:    &outline.OneStopFigures{SurveyResponses: 18},
		Online:     &outline.OnlineFigures{Deployed: 5, PartialOnly: 4},
		Assessment: []string{"Tốt.", "Còn khó khăn."},
		Tasks:      []string{"Việc một.", "Việc hai."},
		Closing:    "Trên đây là báo cáo./.",
		Recipients: []string{"Văn phòng UBND tỉnh", "Lưu: VT, VPTr"},
		Signature:  &outline.Signature{Authority: "KT. GIÁM ĐỐC", Title: "PHÓ GIÁM ĐỐC", Name: "Ngô Thị Hoài Nam"},
	}
}

var decimalEqual = cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) })

func TestNarrativeJSONRoundTrip(t *testing.T) {
	for _, n := range []*outline.Narrative{fullNarrative(), {}, {PeriodText: "Quý II năm 2024"}} {
		b, err := json.Marshal(n)
		if err != nil {
			t.Fatal(err)
		}
		var back outline.Narrative
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&back); err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(n, &back, decimalEqual); d != "" {
			t.Errorf("round trip (-want +got):\n%s\n%s", d, b)
		}
	}
}

func TestFigureKeysAllReadable(t *testing.T) {
	n := fullNarrative()
	for _, k := range outline.FigureKeys() {
		if _, ok := n.Figure(k); !ok {
			t.Errorf("Figure(%q) not stated by the full narrative", k)
		}
	}
	for _, k := range outline.DecimalFigureKeys() {
		if _, ok := n.DecimalFigure(k); !ok {
			t.Errorf("DecimalFigure(%q) not stated", k)
		}
	}
	if v, _ := n.Figure("feedback.total"); v != 3 {
		t.Errorf("feedback.total = %d", v)
	}
	n.Feedback.Total = nil
	if _, ok := n.Figure("feedback.total"); ok {
		t.Error("an unstated total must read as absent")
	}
	if _, ok := n.Figure("no.such"); ok {
		t.Error("unknown key")
	}
	var nilN *outline.Narrative
	if _, ok := nilN.Figure("files.received"); ok {
		t.Error("nil narrative")
	}
	if _, ok := nilN.DecimalFigure("review.money_saved"); ok {
		t.Error("nil narrative")
	}
}

func TestWriteTextLayout(t *testing.T) {
	var b bytes.Buffer
	if err := fullNarrative().WriteText(&b, period.Must(period.Quarter(2024, 4))); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"UBND TỈNH HÀ TĨNH\nSỞ NGOẠI VỤ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n",
		"Số: 125/BC-SNgV\n\nHà Tĩnh, ngày 05 tháng 02 năm 2024\n\nBÁO CÁO\n\nCông tác kiểm soát thủ tục hành chính\n(Từ ngày 15/3/2024 đến ngày 14/6/2024)\n",
		"\n1. Đánh giá tác động TTHC quy định tại dự thảo văn bản quy phạm pháp luật\n\n- Số lượng TTHC đã được đánh giá tác động trong kỳ báo cáo: 03\n",
		"\n13. Nội dung khác (bổ sung)\n\na\n\nb\n",
		"- Số tiền tiết kiệm được: 1.250.000,5\n\n- Tỷ lệ chi phí tiết kiệm được: 12,5%\n",
		"- Tổng số phản ánh, kiến nghị đã tiếp nhận trong kỳ báo cáo: 03, trong đó: Số tiếp nhận mới trong kỳ: 02;",
		"\nIII. PHƯƠNG HƯỚNG NHIỆM VỤ CHỦ YẾU QUÝ I NĂM 2025\n\n1. Việc một.\n\n2. Việc hai.\n",
		"Nơi nhận:\n\n- Văn phòng UBND tỉnh;\n\n- Lưu: VT, VPTr.\n\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nNgô Thị Hoài Nam\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	for _, absent := range []string{"\n3. ", "\n8. "} {
		if strings.Contains(out, absent) {
			t.Errorf("a section with neither prose nor figures is printed: %q", absent)
		}
	}
	b.Reset()
	var none *outline.Narrative
	if err := none.WriteText(&b, period.Period{}); err != nil || b.Len() != 0 {
		t.Errorf("no narrative: %q %v", b.String(), err)
	}
}

func TestFigureAndDateText(t *testing.T) {
	for v, want := range map[int64]string{0: "0", 2: "02", 9: "09", 10: "10", 33: "33", -2: "-2"} {
		if got := outline.FigureText(v); got != want {
			t.Errorf("FigureText(%d) = %q, want %q", v, got, want)
		}
	}
	for d, want := range map[outline.DocDate]string{
		{}:                               "ngày tháng năm",
		{Month: 6, Year: 2024}:           "ngày tháng 6 năm 2024",
		{Day: 14, Month: 12, Year: 2024}: "ngày 14 tháng 12 năm 2024",
		{Day: 1, Month: 1, Year: 2025}:   "ngày 01 tháng 01 năm 2025",
	} {
		if got := d.String(); got != want {
			t.Errorf("%+v.String() = %q, want %q", d, got, want)
		}
	}
	if got := outline.MoneyText(decimal.RequireFromString("-1234567.25")); got != "-1.234.567,25" {
		t.Errorf("MoneyText = %q", got)
	}
	if got := outline.RateText(decimal.RequireFromString("33.33")); got != "33,33%" {
		t.Errorf("RateText = %q", got)
	}
}
