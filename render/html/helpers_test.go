package html_test

import "github.com/shopspring/decimal"

func decs(s ...string) []decimal.Decimal {
	out := make([]decimal.Decimal, len(s))
	for i, x := range s {
		out[i] = decimal.RequireFromString(x)
	}
	return out
}
