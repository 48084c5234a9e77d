// Package vntext holds the small text helpers every package of the module
// needs for Vietnamese: NFC normalisation, space folding, matching keys and
// display width. It is internal: users should not depend on it.
package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// NFC returns s in Unicode normalisation form C, with leading and trailing
// space removed, every run of white space (including non-breaking
// spaces, tabs, U+200B and U+FEFF) folded to one ASCII space, and the
// characters that show nothing and move nothing (invisible) removed, so
// that a text and its copy carrying one read as the same label, code or
// lĩnh vực. Direction controls (U+200E, U+202E …) stay: they change
// what a reader sees, and a text holding one is not the text without it.
// It returns s itself, without allocating, when s is already in that
// form.
func NFC(s string) string {
	if isClean(s) {
		return s
	}
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff' {
			space = b.Len() > 0
			continue
		}
		if invisible(r) {
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// invisible reports the format characters that NFC removes: the soft
// hyphen U+00AD, the zero-width non-joiner and joiner U+200C and U+200D,
// the word joiner and invisible operators U+2060–U+2064. A list or form
// copied from a web page or a word processor carries them inside codes
// and names, where no one sees them.
func invisible(r rune) bool {
	return r == 0xad || r == 0x200c || r == 0x200d || r >= 0x2060 && r <= 0x2064
}

// isClean reports whether s is already NFC with single inner spaces and no
// leading or trailing space.
func isClean(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	prevSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			if latinClean(s[i:]) {
				return !strings.Contains(s[i:], "  ") && s[len(s)-1] != ' '
			}
			return norm.NFC.QuickSpanString(s) == len(s) && !hasOddSpace(s)
		}
		if c == ' ' {
			if prevSpace {
				return false
			}
			prevSpace = true
			continue
		}
		if c < ' ' || c == 0x7f {
			return false
		}
		prevSpace = false
	}
	return true
}

// latinClean reports whether every rune of s is ASCII (no control
// character), a Latin letter or sign of U+00A1–U+02FF but the soft hyphen
// U+00AD, or a Vietnamese letter of Latin Extended Additional
// (U+1E00–U+1EFF): all of them NFC starters that never compose with a
// neighbour, none a space but the ASCII one nor a format character. Such text — Vietnamese written in NFC — is NFC as it is, so
// the general check need not run.
func latinClean(s string) bool {
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if r < ' ' || r == 0x7f {
				return false
			}
		case r >= 0xa1 && r < 0x300 && r != 0xad, r >= 0x1e00 && r < 0x1f00:
		default:
			return false
		}
	}
	return true
}

// hasOddSpace reports whether s has a space NFC folds (one but a single
// ASCII space) or a character it removes (invisible).
func hasOddSpace(s string) bool {
	prev := false
	for _, r := range s {
		sp := unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
		if sp && (r != ' ' || prev) || invisible(r) {
			return true
		}
		prev = sp
	}
	return false
}

// Key returns the matching key of a label: NFC, folded spaces, lower case.
// Two labels that a person reads as the same (one typed in NFD, one with a
// double space, one in capitals) have the same key.
func Key(s string) string {
	return strings.ToLower(NFC(s))
}

// KeyHash is a 64-bit hash of Key(s): labels with the same key have the
// same hash (labels with different keys almost never do; a caller that
// must be exact compares the keys of a match). It does not allocate when s
// is already NFC with single spaces, the usual case, so that a table can
// be indexed by lĩnh vực without building a key string per row.
func KeyHash(s string) uint64 {
	if !isClean(s) {
		s = NFC(s)
	}
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	h := uint64(offset)
	for _, r := range s { // the runes of strings.ToLower(s), as Key has them
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
		} else {
			r = unicode.ToLower(r)
		}
		h = (h ^ uint64(r)) * prime
	}
	return h
}

// Width returns the number of terminal columns s occupies: East Asian wide
// and full-width runes count 2, combining marks (Unicode Mn, Me) and
// control characters 0, every other rune 1. It is right for Vietnamese in
// NFC and NFD alike, where counting runes is not.
func Width(s string) int {
	n := 0
	for _, r := range s {
		n += RuneWidth(r)
	}
	return n
}

// RuneWidth is the display width of one rune, as Width counts it.
func RuneWidth(r rune) int {
	if r < 0x20 || r == 0x7f {
		return 0
	}
	if r < 0x300 {
		return 1
	}
	if unicode.In(r, unicode.Mn, unicode.Me) || r == '\u200b' || r == '\ufeff' {
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}
