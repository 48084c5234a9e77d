package outline_test

import (
	"fmt"

	"github.com/baocaodinhky/vpcp/kstt/outline"
	"github.com/shopspring/decimal"
)

// FigureText writes 1 to 9 with a leading zero, as administrative writing
// does; MoneyText and RateText write amounts and rates the Vietnamese way,
// with dots grouping thousands and a decimal comma.
func ExampleFigureText() {
	var texts []string
	for _, v := range []int64{0, 2, 9, 10, 1250} {
		texts = append(texts, outline.FigureText(v))
	}
	fmt.Println(texts)
	fmt.Println(outline.MoneyText(decimal.RequireFromString("1250000")), outline.MoneyText(decimal.RequireFromString("1250000.5")), outline.MoneyText(decimal.Zero))
	fmt.Println(outline.RateText(decimal.RequireFromString("33.33")), outline.RateText(decimal.RequireFromString("100")), outline.RateText(decimal.Zero))
	// Output:
	// [0 02 09 10 1250]
	// 1.250.000 1.250.000,5 0
	// 33,33% 100% 0%
}

// SectionTitle gives the title of a numbered section of part I of the
// outline; a number outside 1–13 has none.
func ExampleSectionTitle() {
	for _, n := range []int{1, 6, 13, 0, 14} {
		fmt.Printf("%d %q\n", n, outline.SectionTitle(n))
	}
	// Output:
	// 1 "Đánh giá tác động TTHC quy định tại dự thảo văn bản quy phạm pháp luật"
	// 6 "Tình hình, kết quả giải quyết TTHC"
	// 13 "Nội dung khác"
	// 0 ""
	// 14 ""
}

// FigureKeys are the keys report rules read the narrative's figures by;
// IsFigureKey tells a misspelt key, DecimalFigureKeys the decimal ones.
func ExampleFigureKeys() {
	keys := outline.FigureKeys()
	fmt.Println(len(keys), keys[0], keys[len(keys)-1])
	fmt.Println(outline.IsFigureKey("files.received"), outline.IsFigureKey("files.recieved"), outline.IsFigureKey("review.money_saved"))
	fmt.Println(outline.DecimalFigureKeys(), outline.IsDecimalKey("review.money_saved"))
	// Output:
	// 33 files.received online.partial_only
	// true false false
	// [review.money_saved review.cost_saving_rate review.completion_rate] true
}

// DecimalFigure and Figure read a figure by key, and say whether the
// narrative states it; Section gives a numbered section's prose.
func ExampleNarrative_DecimalFigure() {
	n := &outline.Narrative{
		Review:   &outline.ReviewFigures{Planned: 12, Reviewed: 9, MoneySaved: decimal.RequireFromString("1250000"), CompletionRate: decimal.RequireFromString("75")},
		Sections: []outline.Section{{No: 4, Text: []string{"Đã rà soát 09 TTHC theo Kế hoạch."}}},
	}
	m, ok := n.DecimalFigure("review.money_saved")
	fmt.Println(outline.MoneyText(m), ok)
	r, ok := n.DecimalFigure("review.completion_rate")
	fmt.Println(outline.RateText(r), ok)
	_, ok = n.Figure("files.received")
	fmt.Println(ok)
	s, ok := n.Section(4)
	fmt.Println(s.Text[0], ok, outline.SectionTitle(4))
	_, ok = n.Section(5)
	fmt.Println(ok)
	// Output:
	// 1.250.000 true
	// 75% true
	// false
	// Đã rà soát 09 TTHC theo Kế hoạch. true Rà soát, đơn giản hóa TTHC
	// false
}

// A document date may leave parts blank for the signer, as the seed report
// prints "ngày tháng 6 năm 2024"; days below 10 and months 1 and 2 take a
// leading zero (Nghị định 30/2020/NĐ-CP, Phụ lục I).
func ExampleDocDate_String() {
	for _, d := range []outline.DocDate{{Day: 5, Month: 2, Year: 2024}, {Month: 6, Year: 2024}, {Day: 16, Month: 12, Year: 2024}, {}} {
		fmt.Printf("%q %v\n", d.String(), d.IsZero())
	}
	// Output:
	// "ngày 05 tháng 02 năm 2024" false
	// "ngày tháng 6 năm 2024" false
	// "ngày 16 tháng 12 năm 2024" false
	// "ngày tháng năm" true
}
