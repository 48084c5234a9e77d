package period_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/baocaodinhky/vpcp/period"
)

func ExampleParse() {
	for _, s := range []string{
		"Kỳ báo cáo: Quý II năm 2024",
		"quý 2/2024",
		"(Từ ngày 15/12/2023 đến ngày 14/6/2024)",
		"tháng 03/2024",
		"2024-9M",
	} {
		p, err := period.Parse(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-42q %-22s %s\n", s, p, p.Code())
	}
	// Output:
	// "Kỳ báo cáo: Quý II năm 2024"              Quý II năm 2024        2024-Q2
	// "quý 2/2024"                               Quý II năm 2024        2024-Q2
	// "(Từ ngày 15/12/2023 đến ngày 14/6/2024)"  6 tháng đầu năm 2024   2024-H1
	// "tháng 03/2024"                            Tháng 3 năm 2024       2024-M03
	// "2024-9M"                                  9 tháng năm 2024       2024-9M
}

// The seed report for Quý II năm 2024 prints "(Từ ngày 15/3/2023 –
// 14/6/2024)" under its heading: one year is mistyped.
func ExampleIdentify() {
	from, to, err := period.ParseRange("(Từ ngày 15/3/2023 – 14/6/2024)")
	if err != nil {
		panic(err)
	}
	_, err = period.Identify(from, to)
	var re *period.RangeError
	if errors.As(err, &re) {
		fmt.Println(re.Months)
		fmt.Println(re.Reason)
		fmt.Println(re.ReasonEN)
		fmt.Println(re.Nearest)
		fmt.Println(re.Nearest.RangeText())
	}
	// Output:
	// 15
	// khoảng 15/3/2023 – 14/6/2024 dài 15 tháng, không phải kỳ báo cáo theo Nghị định 09/2019/NĐ-CP
	// the range 15/3/2023 – 14/6/2024 is 15 months long, which is no reporting period under Decree 09/2019/ND-CP
	// Quý II năm 2024
	// Từ ngày 15/3/2024 đến ngày 14/6/2024
}

func ExampleContaining() {
	for _, day := range []period.Date{
		period.MustDate(2024, time.December, 14),
		period.MustDate(2024, time.December, 20),
	} {
		q, _ := period.Containing(period.KindQuarter, day)
		y, _ := period.Containing(period.KindYear, day)
		fmt.Printf("%s: %s, %s\n", day.Vietnamese(), q, y)
	}
	_, err := period.Containing(period.KindNineMonths, period.MustDate(2024, time.October, 1))
	fmt.Println(errors.Is(err, period.ErrNoPeriod))
	// Output:
	// 14/12/2024: Quý IV năm 2024, Năm 2024
	// 20/12/2024: Quý I năm 2025, Năm 2025
	// true
}

func ExamplePeriod_String() {
	p := period.Must(period.Quarter(2024, 2))
	fmt.Println("Kỳ báo cáo: " + p.String())
	fmt.Println("(" + p.RangeText() + ")")
	fmt.Println(p.English())
	fmt.Println(p.Code(), p.Days(), "days")
	// Output:
	// Kỳ báo cáo: Quý II năm 2024
	// (Từ ngày 15/3/2024 đến ngày 14/6/2024)
	// Q2 2024 (15 Mar 2024 – 14 Jun 2024)
	// 2024-Q2 92 days
}

func ExamplePeriod_RangeText() {
	for _, p := range []period.Period{
		period.Must(period.Month(2024, time.January)),
		period.Must(period.Half(2024, 1)),
		period.Must(period.Half(2024, 2)),
		period.Must(period.NineMonths(2024)),
		period.Must(period.Year(2024)),
	} {
		fmt.Printf("%s: %s\n", p, p.RangeText())
	}
	// Output:
	// Tháng 1 năm 2024: Từ ngày 15/12/2023 đến ngày 14/1/2024
	// 6 tháng đầu năm 2024: Từ ngày 15/12/2023 đến ngày 14/6/2024
	// 6 tháng cuối năm 2024: Từ ngày 15/6/2024 đến ngày 14/12/2024
	// 9 tháng năm 2024: Từ ngày 15/12/2023 đến ngày 14/9/2024
	// Năm 2024: Từ ngày 15/12/2023 đến ngày 14/12/2024
}

func ExamplePeriod_Next() {
	p := period.Must(period.Quarter(2024, 3))
	for i := 0; i < 3; i++ {
		fmt.Println(p, "–", p.RangeText())
		p = p.Next()
	}
	fmt.Println(p.Prev())
	// Output:
	// Quý III năm 2024 – Từ ngày 15/6/2024 đến ngày 14/9/2024
	// Quý IV năm 2024 – Từ ngày 15/9/2024 đến ngày 14/12/2024
	// Quý I năm 2025 – Từ ngày 15/12/2024 đến ngày 14/3/2025
	// Quý I năm 2025
}

func ExampleParseDate() {
	for _, s := range []string{"15/03/2024", "2024-03-15", "ngày 15 tháng 3 năm 2024", "31/2/2024"} {
		d, err := period.ParseDate(s)
		if err != nil {
			fmt.Println(errors.Is(err, period.ErrSyntax), errors.Is(err, period.ErrInvalidDate))
			continue
		}
		fmt.Println(d, d.Vietnamese())
	}
	// Output:
	// 2024-03-15 15/3/2024
	// 2024-03-15 15/3/2024
	// 2024-03-15 15/3/2024
	// true true
}
