package xlsx

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// Text measurement. excelize has no auto-fit, so column widths and row
// heights are estimated from the advance widths of Times New Roman (the
// font every cell uses), taken from the metrics of the standard Times
// faces in 1/1000 em and stored divided by 4, one byte per printable
// ASCII character from ' ' (0x20) to '~' (0x7e).
const (
	timesRegular = "\x3e\x53\x66\x7d\x7d\xd0\xc2\x2d\x53\x53\x7d\x8d\x3e\x53\x3e\x46\x7d\x7d\x7d\x7d\x7d\x7d\x7d\x7d\x7d\x7d\x46\x46\x8d\x8d\x8d\x6f\xe6\xb4\xa7\xa7\xb4\x99\x8b\xb4\xb4\x53\x61\xb4\x99\xde\xb4\xb4\x8b\xb4\xa7\x8b\x99\xb4\xb4\xec\xb4\xb4\x99\x53\x46\x53\x75\x7d\x53\x6f\x7d\x6f\x7d\x6f\x53\x7d\x7d\x46\x46\x7d\x46\xc2\x7d\x7d\x7d\x7d\x53\x61\x46\x7d\x7d\xb4\x7d\x7d\x6f\x78\x32\x78\x87"
	timesBold    = "\x3e\x53\x8b\x7d\x7d\xfa\xd0\x46\x53\x53\x7d\x8e\x3e\x53\x3e\x46\x7d\x7d\x7d\x7d\x7d\x7d\x7d\x7d\x7d\x7d\x53\x53\x8e\x8e\x8e\x7d\xe8\xb4\xa7\xb4\xb4\xa7\x99\xc2\xc2\x61\x7d\xc2\xa7\xec\xb4\xc2\x99\xc2\xb4\x8b\xa7\xb4\xb4\xfa\xb4\xb4\xa7\x53\x46\x53\x91\x7d\x53\x7d\x8b\x6f\x8b\x6f\x53\x7d\x8b\x46\x53\x8b\x46\xd0\x8b\x7d\x8b\x8b\x6f\x61\x53\x8b\x7d\xb4\x7d\x7d\x6f\x62\x37\x62\x82"
)

// Unit conversions. Column widths in a workbook are counted in digits of
// the default font (Times New Roman 11 here, whose digit is 7 pixels at 96
// dpi) and include 5 pixels of padding; row heights are in points.
const (
	digitPx     = 7.0  // pixels per unit of column width
	cellPadPx   = 9.0  // padding, grid line and a little slack inside a cell
	widthSlack  = 1.08 // spreadsheet programs render fonts a little wider than the metrics
	lineFactor  = 1.32 // line height as a multiple of the font size (Times New Roman 12 takes 15.75 pt a line)
	rowPadPt    = 1.5  // vertical padding of a row, points
	maxColWidth = 255  // the largest column width a workbook accepts
	maxRowPt    = 409  // the largest row height a workbook accepts, points
)

// runeEm returns the advance width of r in 1/1000 em.
func runeEm(r rune, bold bool) int {
	tab := timesRegular
	if bold {
		tab = timesBold
	}
	if r >= ' ' && r <= '~' {
		return int(tab[r-' ']) * 4
	}
	switch {
	case r == 'đ':
		return runeEm('d', bold)
	case r == 'Đ':
		return runeEm('D', bold)
	case r >= 0x300 && r < 0x370: // combining diacritics, as NFD Vietnamese has them
		return 0
	}
	// Vietnamese and other Latin letters with marks (Latin-1, Latin
	// Extended-A and B, Latin Extended Additional): the width of the base
	// letter. The decomposition is a slice of the normalisation tables, so
	// this does not allocate.
	if (r >= 0xc0 && r < 0x250) || (r >= 0x1e00 && r < 0x1f00) {
		var buf [utf8.UTFMax]byte
		n := utf8.EncodeRune(buf[:], r)
		if d := norm.NFD.Properties(buf[:n]).Decomposition(); len(d) > 0 {
			if base, _ := utf8.DecodeRune(d); base < utf8.RuneSelf {
				return runeEm(base, bold)
			}
		}
	}
	switch {
	case r < ' ' || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || r == '\u200b' || r == '\ufeff':
		return 0
	case r == '\u00a0':
		return runeEm(' ', bold)
	case r == '“' || r == '”' || r == '‘' || r == '’':
		return runeEm('"', bold)
	case r == '–':
		return 500
	case r == '—' || r == '…' || r == '‰':
		return 1000
	}
	if k := width.LookupRune(r).Kind(); k == width.EastAsianWide || k == width.EastAsianFullwidth {
		return 1000
	}
	if unicode.IsUpper(r) {
		return 722
	}
	return 500
}

// textPx is the width of s in pixels at size points.
func textPx(s string, size float64, bold bool) float64 {
	em := 0
	for _, r := range s {
		em += runeEm(r, bold)
	}
	return float64(em) / 1000 * size * 96 / 72
}

// colUnits is the column width, in workbook units, that shows px pixels of
// text on one line.
func colUnits(px float64) float64 {
	return (px*widthSlack + cellPadPx) / digitPx
}

// usablePx is the room for text, in pixels, in a column (or merged range)
// units wide.
func usablePx(units float64) float64 {
	return max(units*digitPx-cellPadPx, 1) / widthSlack
}

// longestWordPx is the width of the widest word of s, in pixels: the
// narrowest column that wraps s without breaking a word.
func longestWordPx(s string, size float64, bold bool) float64 {
	best := 0.0
	for w := range strings.FieldsSeq(s) {
		best = max(best, textPx(w, size, bold))
	}
	return best
}

// wrapLines counts the lines s takes when wrapped at spaces into a cell
// whose text area is avail pixels wide, as a spreadsheet program wraps it:
// greedily, a word wider than the line broken across lines.
func wrapLines(s string, size float64, bold bool, avail float64) int {
	if s == "" {
		return 1
	}
	space := textPx(" ", size, bold)
	lines, cur := 0, 0.0
	for para := range strings.SplitSeq(s, "\n") {
		lines++
		cur = 0
		for w := range strings.FieldsSeq(para) {
			wp := textPx(w, size, bold)
			switch {
			case cur == 0:
				cur = wp
			case cur+space+wp <= avail:
				cur += space + wp
			default:
				lines++
				cur = wp
			}
			if cur > avail {
				extra := int(math.Ceil(cur/avail)) - 1
				lines += extra
				cur -= float64(extra) * avail
			}
		}
	}
	return lines
}

// linesPt is the height in points of n lines of text at size points.
func linesPt(n int, size float64) float64 {
	return min(math.Ceil((float64(n)*size*lineFactor+rowPadPt)*4)/4, maxRowPt)
}
