package bieu

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/baocaodinhky/vpcp/internal/vntext"
	"golang.org/x/text/unicode/norm"
)

// TestFieldHashIsKeyHashOfFieldKey: the one-pass hash of KSTT/R45 equals
// vntext.KeyHash(FieldKey(label)) on generated labels (NFC and NFD, case,
// extra spaces and tabs, "Lĩnh vực" prefix variants, empty, other
// scripts), so the prefilter never misses a duplicate FieldKey finds.
func TestFieldHashIsKeyHashOfFieldKey(t *testing.T) {
	prefixes := []string{"", "Lĩnh vực", "LĨNH VỰC", "lĩnh vực", "lĩnh vực:", "Lĩnh vực :", "LĨNH vực::", "lĩnh  vực", "Lĩnh vưc", "lĩnh", "Lĩnh vựcx", "lĩnh vực: :", "l", "Linh vuc"}
	bodies := []string{"", "Hộ tịch", "HỘ TỊCH", "hộ  tịch", "Đất đai", "Tư pháp 12", "Ξένος", "日本語", "x", ":", " : ", "Kết quả: ĐẠT", "Ĩ", "ƯỚC", "a\u0301", "ǅ", "İstanbul", "ß", "ẞ"}
	seps := []string{"", " ", "  ", "\t", ":", " : ", "\u00a0", "\n"}
	rnd := rand.New(rand.NewPCG(1, 45))
	pieces := []string{" ", "  ", "\t", "a", "Z", ":", "Lĩnh", "VỰC", "vực", "ĩ", "Ĩ", "ự", "Ự", "é", "\u0301", "\u00a0", "中", "ǈ", "ʰ", "Ẁ", "ẛ"}
	check := func(s string) {
		t.Helper()
		for _, v := range []string{s, norm.NFC.String(s), norm.NFD.String(s), strings.ToUpper(s), strings.ToLower(s), "  " + s + " \t"} {
			if got, want := fieldHash(v), vntext.KeyHash(FieldKey(v)); got != want {
				t.Fatalf("fieldHash(%q) = %x, KeyHash(FieldKey) = %x (key %q)", v, got, want, FieldKey(v))
			}
		}
	}
	n := 0
	for _, p := range prefixes {
		for _, sep := range seps {
			for _, b := range bodies {
				check(p + sep + b)
				n++
			}
		}
	}
	for range 20000 {
		var sb strings.Builder
		for range rnd.IntN(8) {
			sb.WriteString(pieces[rnd.IntN(len(pieces))])
		}
		if rnd.IntN(2) == 0 {
			sb.WriteRune(rune(0xa1 + rnd.IntN(0x300-0xa1)))
			sb.WriteRune(rune(0x1e00 + rnd.IntN(0x100)))
		}
		check(sb.String())
		n++
	}
	if n < 20000 {
		t.Fatal("too few labels")
	}
	// Labels FieldKey makes one have one hash.
	if fieldHash("Lĩnh vực:  Hộ  tịch") != fieldHash(norm.NFD.String("hộ tịch")) {
		t.Fatal("prefixed and NFD labels of one lĩnh vực hash apart")
	}
}
