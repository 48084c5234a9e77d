package xlsx

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestTextWidthNFCAndNFD(t *testing.T) {
	for _, s := range []string{"Lĩnh vực lãnh sự", "TỔNG CỘNG", "Đơn vị tính: Số hồ sơ TTHC", "Tích hợp với Cổng Dịch vụ công quốc gia"} {
		for _, bold := range []bool{false, true} {
			nfc, nfd := textPx(norm.NFC.String(s), 12, bold), textPx(norm.NFD.String(s), 12, bold)
			if nfc != nfd || nfc == 0 {
				t.Errorf("%q bold=%t: NFC %g px, NFD %g px", s, bold, nfc, nfd)
			}
		}
	}
	// A Vietnamese letter is as wide as its base letter.
	for _, c := range []struct{ r, base rune }{{'ệ', 'e'}, {'Ữ', 'U'}, {'ợ', 'o'}, {'đ', 'd'}, {'Đ', 'D'}, {'à', 'a'}} {
		if got, want := runeEm(c.r, false), runeEm(c.base, false); got != want {
			t.Errorf("%c: %d/1000 em, want %d as %c", c.r, got, want, c.base)
		}
	}
	if runeEm('中', false) != 1000 || runeEm('\u0301', false) != 0 || runeEm('\t', false) != 0 {
		t.Error("wide, combining or control runes measured wrong")
	}
	if textPx("W", 12, true) <= textPx("i", 12, true) {
		t.Error("W is not wider than i")
	}
}

func TestWrapLines(t *testing.T) {
	word := textPx("Trực", 12, false)
	for _, c := range []struct {
		s     string
		avail float64
		want  int
	}{
		{"", 100, 1},
		{"Trực", 1000, 1},
		{"Trực tiếp, dịch vụ bưu chính", 1000, 1},
		{"Trực Trực Trực", word * 1.5, 3},
		{"Trực Trực Trực", word*2 + 10, 2},
		{"xxxxxxxxxxxxxxxxxxxx", textPx("xxxxx", 12, false), 4}, // a long word breaks across lines
		{"a\nb", 1000, 2},
	} {
		if got := wrapLines(c.s, 12, false, c.avail); got != c.want {
			t.Errorf("wrapLines(%q, %g) = %d, want %d", c.s, c.avail, got, c.want)
		}
	}
}
