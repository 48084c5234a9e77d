package vntext

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestNFCAndKey(t *testing.T) {
	nfd := norm.NFD.String("Lĩnh vực  lãnh sự ")
	if got := NFC(nfd); got != "Lĩnh vực lãnh sự" {
		t.Errorf("NFC(%q) = %q", nfd, got)
	}
	if Key("LĨNH VỰC\u00a0lãnh  sự") != Key(nfd) {
		t.Error("keys of the same label differ")
	}
	// Invisible format characters go: a code or lĩnh vực copied with one
	// is the same as without. Direction controls stay.
	for in, want := range map[string]string{"A1\u2060": "A1", "A\u200d1": "A1", "Hộ\u00adtịch": "Hộtịch", "\u200eHộ tịch": "\u200eHộ tịch", "1\u202e2": "1\u202e2",
		"Hộ \u200c tịch": "Hộ tịch", "Hộ\u200btịch": "Hộ tịch", "\u2060": "", "Lĩnh vực\u2064": "Lĩnh vực"} {
		if got := NFC(in); got != want {
			t.Errorf("NFC(%q) = %q, want %q", in, got, want)
		}
	}
	for _, s := range []string{"", "a", "Lĩnh vực lãnh sự", "TỔNG CỘNG"} {
		if NFC(s) != s {
			t.Errorf("NFC changed clean %q", s)
		}
	}
	if n := testing.AllocsPerRun(50, func() { _ = NFC("Lĩnh vực lãnh sự") }); n != 0 {
		t.Errorf("NFC of clean text allocates %v times", n)
	}
}

func TestWidthNFCAndNFD(t *testing.T) {
	s := "Lĩnh vực lãnh sự"
	if Width(s) != 16 || Width(norm.NFD.String(s)) != 16 {
		t.Errorf("widths %d %d", Width(s), Width(norm.NFD.String(s)))
	}
	if Width("漢字") != 4 || Width("a\tb") != 2 {
		t.Errorf("wide/control widths %d %d", Width("漢字"), Width("a\tb"))
	}
}

// Labels with the same Key have the same KeyHash, and labels with
// different keys (here) different hashes.
func TestKeyHashFollowsKey(t *testing.T) {
	labels := []string{"Lĩnh vực hộ tịch", "lĩnh vực  HỘ TỊCH", "Li\u0303nh vực hộ tịch", " Lĩnh\u00a0vực hộ tịch ",
		"Lĩnh vực đất đai", "LĨNH VỰC ĐẤT ĐAI", "đất đai", "", " ", "ABC", "abc", "İstanbul", "ǅ", "ǆ", "\xff\xfe", "TỔNG CỘNG",
		"Lĩnh vực hộ\u2060 tịch", "Lĩnh vực hộ tịch\u00ad", "Lĩnh vực đất\u200d đai", "\u00ad"}
	for _, a := range labels {
		for _, b := range labels {
			same := Key(a) == Key(b)
			if same && KeyHash(a) != KeyHash(b) {
				t.Errorf("%q and %q: same key %q, hashes differ", a, b, Key(a))
			}
			if !same && KeyHash(a) == KeyHash(b) {
				t.Errorf("%q and %q: keys %q and %q differ, hashes equal", a, b, Key(a), Key(b))
			}
		}
	}
	if n := testing.AllocsPerRun(100, func() { KeyHash("Lĩnh vực hộ tịch") }); n != 0 {
		t.Errorf("KeyHash of a clean label allocates %v times", n)
	}
}

// The fast path of NFC's cleanliness check holds for the runes it allows:
// each alone and each pair of them is NFC as it is, and isClean agrees
// with the general check on text mixing them with spaces, marks and
// controls.
func TestLatinCleanRunesAreNFC(t *testing.T) {
	var runes []rune
	for r := rune(0xa1); r < 0x300; r++ {
		runes = append(runes, r)
	}
	for r := rune(0x1e00); r < 0x1f00; r++ {
		runes = append(runes, r)
	}
	runes = append(runes, 'a', 'Z', '0', '~')
	for _, a := range runes {
		for _, b := range runes {
			s := string(a) + string(b)
			if norm.NFC.QuickSpanString(s) != len(s) || !norm.NFC.IsNormalString(s) {
				t.Fatalf("%q (U+%04X U+%04X) is not NFC as it is", s, a, b)
			}
		}
	}
	general := func(s string) bool {
		if s == "" {
			return true
		}
		if s[0] == ' ' || s[len(s)-1] == ' ' {
			return false
		}
		for i := 0; i < len(s); i++ {
			if s[i] >= utf8.RuneSelf {
				return norm.NFC.QuickSpanString(s) == len(s) && !hasOddSpace(s)
			}
			if (s[i] == ' ' && i > 0 && s[i-1] == ' ') || s[i] < ' ' || s[i] == 0x7f {
				return false
			}
		}
		return true
	}
	parts := []string{"Lĩnh", "vực", " ", "  ", "HỘ", "Li\u0303nh", "\u00a0", "\u0085", "\t", "\x01", "ǅ", "ẛ", "\u200b", "x", "đ", "–", "\u0301", "ư\u0300"}
	for i := 0; i < 200000; i++ {
		var b strings.Builder
		for k, n := i, 0; n < 4; n++ {
			b.WriteString(parts[k%len(parts)])
			k /= len(parts)
		}
		if s := b.String(); isClean(s) != general(s) {
			t.Fatalf("isClean(%q) = %t, the general check says %t", s, isClean(s), general(s))
		}
	}
}
