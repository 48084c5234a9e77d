package outline

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// String writes the date as a document does, "ngày 05 tháng 02 năm 2024",
// leaving blank parts empty: "ngày tháng 6 năm 2024" (Nghị định
// 30/2020/NĐ-CP, Phụ lục I, mục II.4: days below 10 and the months 1 and
// 2 take a leading zero).
func (d DocDate) String() string {
	var b strings.Builder
	part := func(word string, n int, zero bool) {
		b.WriteString(word)
		if n > 0 {
			b.WriteString(" ")
			if zero {
				b.WriteString("0")
			}
			b.WriteString(strconv.Itoa(n))
		}
	}
	part("ngày", d.Day, d.Day < 10)
	part(" tháng", d.Month, d.Month < 3)
	part(" năm", d.Year, false)
	return b.String()
}

// IsZero reports whether no part of the date is written.
func (d DocDate) IsZero() bool { return d == DocDate{} }

// FigureText writes a whole number as the narrative prints it: 1 to 9 with
// a leading zero ("02", "05"), as administrative writing does and the seed
// report shows; other values in plain digits.
func FigureText(v int64) string {
	if v > 0 && v < 10 {
		return "0" + strconv.FormatInt(v, 10)
	}
	return strconv.FormatInt(v, 10)
}

// RateText writes a rate in per cent the Vietnamese way: "33,33%", "0%".
func RateText(d decimal.Decimal) string { return decimalText(d, false) + "%" }

// MoneyText writes an amount the Vietnamese way, thousands grouped by dots
// and a decimal comma: "1.250.000", "0".
func MoneyText(d decimal.Decimal) string { return decimalText(d, true) }

func decimalText(d decimal.Decimal, group bool) string {
	s := d.String()
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	ip, fp, _ := strings.Cut(s, ".")
	if group && len(ip) > 3 {
		var b strings.Builder
		for i, c := range ip {
			if i > 0 && (len(ip)-i)%3 == 0 {
				b.WriteByte('.')
			}
			b.WriteRune(c)
		}
		ip = b.String()
	}
	if fp != "" {
		ip += "," + fp
	}
	if neg {
		ip = "-" + ip
	}
	return ip
}
