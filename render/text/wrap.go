package text

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/baocaodinhky/vpcp/internal/vntext"
)

// text appends s to the arena as it will be printed and returns its span:
// NFC (unless NoNormalize), white space folded to single spaces and
// trimmed, format characters (bidirectional overrides, zero-width joiners,
// soft hyphens) dropped, control characters and invalid UTF-8 replaced by
// U+FFFD, so that nothing can move the cursor or hide text.
func (p *printer) text(arena *[]byte, s string) span {
	// QuickSpanString does not allocate; vntext.NFC (which checks with
	// IsNormalString) does, once per string: call it only when needed.
	if !p.opts.NoNormalize && norm.NFC.QuickSpanString(s) != len(s) {
		s = vntext.NFC(s)
	}
	dst := *arena
	start := len(dst)
	if plainASCII(s) {
		dst = append(dst, s...)
		*arena = dst
		return span{start, len(s), len(s), longestWord(s)}
	}
	w, word, cur := 0, 0, 0
	space := false
	for _, r := range s {
		rw := 1
		switch {
		case r >= 0x1e00 && r <= 0x1eff: // Latin Extended Additional: Vietnamese letters
		case r == ' ' || r < utf8.RuneSelf && unicode.IsSpace(r) || r >= utf8.RuneSelf && (r == '\u00a0' || unicode.IsSpace(r)):
			space = len(dst) > start
			continue
		case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0:
			r = utf8.RuneError
		case r < 0x300 && r != 0xad:
		case unicode.Is(unicode.Cf, r):
			continue
		default:
			rw = vntext.RuneWidth(r)
		}
		if space {
			dst = append(dst, ' ')
			w++
			space = false
			cur = 0
		}
		dst = utf8.AppendRune(dst, r)
		w += rw
		cur += rw
		word = max(word, cur)
		if breakAfter(r) {
			cur = 0
		}
	}
	*arena = dst
	return span{start, len(dst) - start, w, word}
}

// runeWidth is vntext.RuneWidth with a shortcut for the letters
// Vietnamese is written with.
func runeWidth(r rune) int {
	if r < 0x300 && r >= 0x20 && (r < 0x7f || r >= 0xa0) || r >= 0x1e00 && r <= 0x1eff {
		return 1
	}
	return vntext.RuneWidth(r)
}

// plainASCII reports whether s is printable ASCII with single inner spaces
// and no space at either end: text that needs no cleaning.
func plainASCII(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	prev := byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c >= 0x7f || c == ' ' && prev == ' ' {
			return false
		}
		prev = c
	}
	return true
}

// blank reports whether s holds nothing printable.
func blank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && r != '\u200b' && r != '\ufeff' && !unicode.Is(unicode.Cf, r) {
			return false
		}
	}
	return true
}

// breakAfter reports whether a line may break after r without a space:
// inside the printed formulas "(3)=(4)+(5)+(6)".
func breakAfter(r rune) bool { return r == '+' || r == '=' }

// longestWord is the width of the widest piece of ASCII text s that cannot
// be broken: a run between spaces, or between breakAfter points.
func longestWord(s string) int {
	best, cur := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			cur = 0
			continue
		}
		cur++
		best = max(best, cur)
		if breakAfter(rune(s[i])) {
			cur = 0
		}
	}
	return best
}

// wrap breaks the text of sp (cleaned: single spaces, no space at the
// ends) into lines at most W wide, greedily, and appends them to lines.
// Lines break at spaces, which are dropped, and after '+' and '='; a word
// wider than W is broken between characters, combining marks kept with
// their base.
func wrap(lines []span, arena []byte, sp span, W int) []span {
	W = max(W, 1)
	text := arena[sp.off : sp.off+sp.n]
	cur := span{off: -1}
	emit := func() {
		if cur.off >= 0 {
			lines = append(lines, cur)
			cur.off = -1
		}
	}
	for i := 0; i < len(text); {
		spaced := false
		for i < len(text) && text[i] == ' ' {
			i++
			spaced = true
		}
		if i >= len(text) {
			break
		}
		// The next word: up to a space, or just after '+' or '='.
		j, tw := i, 0
		for j < len(text) && text[j] != ' ' {
			r, size := utf8.DecodeRune(text[j:])
			tw += runeWidth(r)
			j += size
			if breakAfter(r) {
				break
			}
		}
		need := tw
		if spaced {
			need++
		}
		if cur.off >= 0 && cur.w+need <= W {
			cur.n = sp.off + j - cur.off
			cur.w += need
			i = j
			continue
		}
		emit()
		if tw <= W {
			cur = span{sp.off + i, j - i, tw, 0}
			i = j
			continue
		}
		// A word wider than the column: break it between characters.
		for i < j {
			k, kw := i, 0
			for k < j {
				r, size := utf8.DecodeRune(text[k:])
				rw := runeWidth(r)
				if kw+rw > W && kw > 0 {
					break
				}
				kw += rw
				k += size
			}
			cur = span{sp.off + i, k - i, kw, 0}
			i = k
			if k < j {
				emit()
			}
		}
	}
	emit()
	return lines
}

// balance returns the narrowest width, at most W, at which sp wraps into
// as few lines as at W: "Lĩnh vực giải quyết" in a column 16 wide becomes
// "Lĩnh vực" over "giải quyết" rather than "Lĩnh vực giải" over "quyết".
func balance(arena []byte, sp span, W int) int {
	var buf [8]span
	lines := func(w int) int { return len(wrap(buf[:0], arena, sp, w)) }
	n := lines(W)
	lo, hi := max(sp.word, 1), W
	for lo < hi {
		m := (lo + hi) / 2
		if lines(m) <= n {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return min(hi, W)
}
