package period

import (
	"strconv"
	"time"
)

var romans = [...]string{"", "I", "II", "III", "IV"}

// String returns the Vietnamese name of p as the forms print it after
// "Kỳ báo cáo:": "Tháng 3 năm 2024", "Quý II năm 2024", "6 tháng đầu năm
// 2024", "6 tháng cuối năm 2024", "9 tháng năm 2024", "Năm 2024". The zero
// Period gives "". Parse reads every such name back.
func (p Period) String() string {
	if p.IsZero() {
		return ""
	}
	b := make([]byte, 0, 24)
	switch p.kind {
	case KindMonth:
		b = append(b, "Tháng "...)
		b = strconv.AppendInt(b, int64(p.index), 10)
		b = append(b, ' ')
	case KindQuarter:
		b = append(b, "Quý "...)
		b = append(b, romans[p.index]...)
		b = append(b, ' ')
	case KindHalf:
		if p.index == 1 {
			b = append(b, "6 tháng đầu "...)
		} else {
			b = append(b, "6 tháng cuối "...)
		}
	case KindNineMonths:
		b = append(b, "9 tháng "...)
	}
	if p.kind == KindYear {
		b = append(b, "Năm "...)
	} else {
		b = append(b, "năm "...)
	}
	b = appendPadded(b, int(p.year), 4)
	return string(b)
}

// RangeText returns the dates of p as the forms print them under the
// period's name: "Từ ngày 15/3/2024 đến ngày 14/6/2024". Renderers add the
// parentheses. The zero Period gives "".
func (p Period) RangeText() string {
	if p.IsZero() {
		return ""
	}
	b := make([]byte, 0, 40)
	b = append(b, "Từ ngày "...)
	b = p.Start().appendVI(b)
	b = append(b, " đến ngày "...)
	b = p.End().appendVI(b)
	return string(b)
}

// English returns an English name of p with its dates, for logs and
// messages to non-Vietnamese readers: "Q2 2024 (15 Mar 2024 – 14 Jun
// 2024)", "March 2024 (15 Feb 2024 – 14 Mar 2024)", "first half of 2024
// (…)", "second half of 2024 (…)", "first nine months of 2024 (…)", "year
// 2024 (…)". The zero Period gives "".
func (p Period) English() string {
	if p.IsZero() {
		return ""
	}
	y := string(appendPadded(nil, int(p.year), 4))
	var name string
	switch p.kind {
	case KindMonth:
		name = time.Month(p.index).String() + " " + y
	case KindQuarter:
		name = "Q" + strconv.Itoa(int(p.index)) + " " + y
	case KindHalf:
		if p.index == 1 {
			name = "first half of " + y
		} else {
			name = "second half of " + y
		}
	case KindNineMonths:
		name = "first nine months of " + y
	case KindYear:
		name = "year " + y
	}
	return name + " (" + p.Start().english() + " – " + p.End().english() + ")"
}

// Code returns the canonical machine form of p: "2024-M03", "2024-Q2",
// "2024-H1", "2024-9M", "2024-Y". It sorts like Compare within one kind,
// and Parse reads it back. The zero Period gives "".
func (p Period) Code() string {
	if p.IsZero() {
		return ""
	}
	b := make([]byte, 0, 8)
	b = appendPadded(b, int(p.year), 4)
	b = append(b, '-')
	switch p.kind {
	case KindMonth:
		b = append(b, 'M')
		b = appendPadded(b, int(p.index), 2)
	case KindQuarter:
		b = append(b, 'Q', '0'+p.index)
	case KindHalf:
		b = append(b, 'H', '0'+p.index)
	case KindNineMonths:
		b = append(b, '9', 'M')
	case KindYear:
		b = append(b, 'Y')
	}
	return string(b)
}

// MarshalText implements encoding.TextMarshaler with Code; the zero Period
// marshals to empty text.
func (p Period) MarshalText() ([]byte, error) {
	return []byte(p.Code()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler. It accepts Code and
// everything Parse accepts; empty text gives the zero Period.
func (p *Period) UnmarshalText(text []byte) error { return unmarshalText(p, text, Parse) }
