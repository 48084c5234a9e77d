package vntext

import (
	"testing"

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
		"Lĩnh vực đất đai", "LĨNH VỰC ĐẤT ĐAI", "đất đai", "", " ", "ABC", "abc", "İstanbul", "ǅ", "ǆ", "\xff\xfe", "TỔNG CỘNG"}
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
