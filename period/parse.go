package period

import (
	"strconv"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Parsing works on a folded copy of the input: compatibility-decomposed
// (NFKD, so NFC, NFD and "Ⅱ" all read alike), lower-cased, with the
// Vietnamese diacritics dropped and đ read as d, every dash read as '-' and
// every space as ' '. The folded text is cut into words (a–z), numbers
// (0–9) and single symbols, and a small hand-written grammar runs over the
// tokens. Dropping diacritics also accepts text that lost them on the way
// ("Quy II nam 2024"); no two phrases of the grammar differ only by them.

// fold returns the folded form of s described above.
func fold(s string) string {
	s = norm.NFKD.String(s)
	b := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			b = append(b, byte(r)+'a'-'A')
		case r < utf8.RuneSelf:
			if r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' {
				r = ' '
			}
			b = append(b, byte(r))
		case unicode.Is(unicode.Mn, r):
			// combining mark (a Vietnamese tone or vowel mark): drop
		case r == 'đ' || r == 'Đ':
			b = append(b, 'd')
		case r >= 0x2010 && r <= 0x2015, r == 0x2212, r == 0xFE58, r == 0xFE63, r == 0xFF0D:
			b = append(b, '-')
		case unicode.IsSpace(r):
			b = append(b, ' ')
		default:
			b = utf8.AppendRune(b, unicode.ToLower(r))
		}
	}
	return string(b)
}

const (
	tWord = 'w'
	tNum  = 'n'
)

// token is a word, a number or one symbol (kind is the symbol itself, or
// '?' for any non-ASCII symbol).
type token struct {
	kind byte
	s    string
}

func tokenize(s string) []token {
	var t []token
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ':
			i++
		case c >= 'a' && c <= 'z':
			j := i + 1
			for j < len(s) && s[j] >= 'a' && s[j] <= 'z' {
				j++
			}
			t = append(t, token{tWord, s[i:j]})
			i = j
		case c >= '0' && c <= '9':
			j := i + 1
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			t = append(t, token{tNum, s[i:j]})
			i = j
		case c < utf8.RuneSelf:
			t = append(t, token{c, s[i : i+1]})
			i++
		default:
			_, n := utf8.DecodeRuneInString(s[i:])
			t = append(t, token{'?', s[i : i+n]})
			i += n
		}
	}
	return t
}

// parser walks a token list.
type parser struct {
	t []token
	i int
}

func (p *parser) done() bool { return p.i >= len(p.t) }

// word reports whether the next token is the word w, and consumes it.
func (p *parser) word(w string) bool {
	if p.i < len(p.t) && p.t[p.i].kind == tWord && p.t[p.i].s == w {
		p.i++
		return true
	}
	return false
}

// sym reports whether the next token is the symbol c, and consumes it.
func (p *parser) sym(c byte) bool {
	if p.i < len(p.t) && p.t[p.i].kind == c {
		p.i++
		return true
	}
	return false
}

func (p *parser) peekWord(off int, w string) bool {
	j := p.i + off
	return j < len(p.t) && p.t[j].kind == tWord && p.t[j].s == w
}

func (p *parser) peekNum(off int) (string, bool) {
	j := p.i + off
	if j < len(p.t) && p.t[j].kind == tNum {
		return p.t[j].s, true
	}
	return "", false
}

// num consumes a number of at most maxDigits digits (leading zeros
// allowed) and returns its value.
func (p *parser) num(maxDigits int) (int, bool) {
	s, ok := p.peekNum(0)
	if !ok || len(s) > maxDigits {
		return 0, false
	}
	p.i++
	return atoi(s), true
}

// yearMiss says why no year was read where one was expected.
type yearMiss uint8

const (
	yearOK       yearMiss = iota
	yearMissing           // no number there
	yearNegative          // a minus sign before the number: "năm -2024"
	yearDigits            // a number, but not of four digits: "năm 0", "Q2/24"
)

// year consumes a four-digit year. Shorter years are refused on purpose:
// "Quý II/24" is ambiguous and real forms always write four digits. A
// minus sign (any dash) right before the number is refused too: there is
// no negative year.
func (p *parser) year() (int, yearMiss) {
	if p.kindAt(0) == '-' {
		if _, ok := p.peekNum(1); ok {
			return 0, yearNegative
		}
	}
	s, ok := p.peekNum(0)
	if !ok {
		return 0, yearMissing
	}
	if len(s) != 4 {
		return 0, yearDigits
	}
	p.i++
	return atoi(s), yearOK
}

// yearPart consumes the link before a year ("năm", "/", "-", ",", or
// nothing; at most two of them) and the four-digit year. A dash is a link
// only right after what precedes the year ("Quý 2-2024", "Q2 - năm 2024");
// after "năm", "/" or "," it is a minus sign ("Quý II năm -2024"), which
// year refuses.
func (p *parser) yearPart() (int, yearMiss) {
	save := p.i
	for n := 0; n < 2; n++ {
		if p.word("nam") || p.sym('/') || p.sym(',') || (n == 0 && p.sym('-')) {
			continue
		}
		break
	}
	y, miss := p.year()
	if miss != yearOK {
		p.i = save
	}
	return y, miss
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// trimFrame strips what surrounds a period in a heading: a leading
// "Kỳ báo cáo:" (or "Báo cáo"), enclosing parentheses or brackets, and
// trailing punctuation.
func trimFrame(t []token) []token {
	for {
		n := len(t)
		p := parser{t: t}
		ky := p.word("ky")
		if p.word("bao") && p.word("cao") {
			if !p.sym(':') {
				p.sym('-')
			}
			t = t[p.i:]
		} else if ky && p.sym(':') {
			t = t[p.i:]
		}
		if len(t) >= 2 {
			if f, l := t[0].kind, t[len(t)-1].kind; (f == '(' && l == ')') || (f == '[' && l == ']') {
				t = t[1 : len(t)-1]
			}
		}
		for len(t) > 0 {
			if k := t[len(t)-1].kind; k == '.' || k == ',' || k == ';' || k == ':' {
				t = t[:len(t)-1]
				continue
			}
			break
		}
		if len(t) == n {
			return t
		}
	}
}

// dateResult is the outcome of trying to read a date.
type dateResult int

const (
	noDate  dateResult = iota // the tokens are not shaped like a date
	badDate                   // shaped like a date, but wrong (two-digit year, 31/2)
	okDate
)

// date reads one date at the parser's position: "15/3/2024", "15-03-2024",
// "15.3.2024", "2024-03-15", "15 tháng 3 năm 2024", each optionally
// preceded by "ngày". On badDate, msg/msgVI say why and err may hold a
// *DateError.
func (p *parser) date() (d Date, res dateResult, msg, msgVI string, err error) {
	save := p.i
	p.word("ngay")
	a, ok := p.peekNum(0)
	if !ok {
		p.i = save
		return Date{}, noDate, "", "", nil
	}
	var b, c string
	var iso bool
	if sep := p.kindAt(1); (sep == '/' || sep == '-' || sep == '.') && p.kindAt(3) == sep {
		b, _ = p.peekNum(2)
		c, _ = p.peekNum(4)
		if b == "" || c == "" {
			p.i = save
			return Date{}, noDate, "", "", nil
		}
		iso = len(a) == 4
		p.i += 5
	} else if p.peekWord(1, "thang") && p.peekWord(3, "nam") {
		b, _ = p.peekNum(2)
		c, _ = p.peekNum(4)
		if b == "" || c == "" {
			p.i = save
			return Date{}, noDate, "", "", nil
		}
		p.i += 5
	} else {
		p.i = save
		return Date{}, noDate, "", "", nil
	}
	ys, ms, ds := c, b, a
	if iso {
		ys, ms, ds = a, b, c
	}
	if len(ys) != 4 {
		return Date{}, badDate, "the year must have four digits", "năm phải viết đủ bốn chữ số", nil
	}
	if len(ms) > 2 || len(ds) > 2 {
		return Date{}, badDate, "day and month have at most two digits", "ngày và tháng có tối đa hai chữ số", nil
	}
	d = Date{atoi(ys), time.Month(atoi(ms)), atoi(ds)}
	if m := d.problem(); m != "" {
		return Date{}, badDate, "no such day " + d.Vietnamese() + " (" + m + ")",
			"ngày " + d.Vietnamese() + " không tồn tại", &DateError{Date: d, Msg: m}
	}
	return d, okDate, "", "", nil
}

func (p *parser) kindAt(off int) byte {
	if j := p.i + off; j < len(p.t) {
		return p.t[j].kind
	}
	return 0
}

// dateRange reads "[từ] [ngày] D1 <sep> [ngày] D2" where sep is a dash,
// "đến", "tới", "~" (optionally with "hết"). It must consume every token.
func (p *parser) dateRange() (from, to Date, res dateResult, msg, msgVI string, err error) {
	save := p.i
	p.word("tu")
	from, res, msg, msgVI, err = p.date()
	if res != okDate {
		if res == noDate {
			p.i = save
		}
		return
	}
	seps := 0
	for {
		if p.sym('-') || p.sym('~') || p.word("den") || p.word("toi") {
			seps++
		} else if !p.word("het") {
			break
		}
	}
	if seps == 0 {
		p.i = save
		return Date{}, Date{}, noDate, "", "", nil
	}
	to, res, msg, msgVI, err = p.date()
	if res == noDate {
		return Date{}, Date{}, badDate, "expected the end date of the range", "thiếu ngày kết thúc", nil
	}
	if res == okDate && !p.done() {
		return Date{}, Date{}, badDate, "unexpected text after the range", "có chữ thừa sau khoảng ngày", nil
	}
	return
}

// ParseDate reads a civil date as Vietnamese documents write it:
// "15/3/2024", "15/03/2024", "15-3-2024", "15.3.2024", "ngày 15 tháng 3
// năm 2024", or ISO "2024-03-15". Surrounding spaces are ignored; the year
// must have four digits. Errors are *SyntaxError (ErrSyntax); a day that
// does not exist ("31/2/2024") also matches ErrInvalidDate.
func ParseDate(s string) (Date, error) {
	p := parser{t: tokenize(fold(s))}
	d, res, msg, msgVI, err := p.date()
	switch {
	case res == okDate && p.done():
		return d, nil
	case res == okDate:
		msg, msgVI = "unexpected text after the date", "có chữ thừa sau ngày"
	case res == noDate:
		msg, msgVI = "not a date (want e.g. 15/3/2024 or 2024-03-15)", "không phải ngày (ví dụ đúng: 15/3/2024)"
	}
	return Date{}, &SyntaxError{Input: s, Msg: msg, MsgVI: msgVI, Err: err}
}

// ParseRange reads a date range as report headings write it: "15/3/2024 –
// 14/6/2024", "(Từ ngày 15/3/2024 đến ngày 14/6/2024)", "từ 15/03/2024 đến
// 14/06/2024", with any dash, with or without "Kỳ báo cáo:" and
// parentheses, and with the date forms of ParseDate. It checks only that
// the text is a range of two real days; whether the range is a reporting
// period is Identify's business. Errors are *SyntaxError.
func ParseRange(s string) (from, to Date, err error) {
	p := parser{t: trimFrame(tokenize(fold(s)))}
	from, to, res, msg, msgVI, derr := p.dateRange()
	if res == okDate {
		return from, to, nil
	}
	if res == noDate {
		msg, msgVI = "not a date range (want e.g. 15/3/2024 – 14/6/2024)",
			"không phải khoảng ngày (ví dụ đúng: từ ngày 15/3/2024 đến ngày 14/6/2024)"
	}
	return Date{}, Date{}, &SyntaxError{Input: s, Msg: msg, MsgVI: msgVI, Err: derr}
}

// Parse reads a reporting period as real documents write it, in any case,
// with any spacing, in NFC or NFD, with or without a leading "Kỳ báo cáo:"
// and surrounding parentheses:
//
//	Quý II năm 2024, quý II/2024, Quý 2/2024, Quý 2 năm 2024, QUÝ IV NĂM 2024,
//	Q2/2024, Q2 2024
//	Tháng 3 năm 2024, tháng 03/2024
//	6 tháng đầu năm 2024, sáu tháng đầu năm 2024, nửa đầu năm 2024,
//	6 tháng năm 2024 (the first half, as "9 tháng năm 2024" is cumulative)
//	6 tháng cuối năm 2024, nửa cuối năm 2024
//	9 tháng năm 2024, 9 tháng đầu năm 2024
//	Năm 2024, cả năm 2024
//	the Code forms 2024-M03, 2024-Q2, 2024-H1, 2024-9M, 2024-Y
//	date ranges: 15/3/2024 – 14/6/2024, (Từ ngày 15/3/2024 đến ngày 14/6/2024)
//
// A name may be followed by its range, "Quý II năm 2024 (Từ ngày 15/3/2024
// đến ngày 14/6/2024)"; the two must agree. Years must have four digits.
//
// A range that is a period under Nghị định 09/2019/NĐ-CP, Art. 12 gives that
// period (see Identify); one that is not gives a *RangeError (ErrNotAPeriod)
// naming the nearest period. Unreadable text, a period that does not exist
// ("Quý 5/2024") and an invalid date ("31/2/2024") give a *SyntaxError
// (ErrSyntax).
func Parse(s string) (Period, error) {
	p := parser{t: trimFrame(tokenize(fold(s)))}
	if p.done() {
		return Period{}, &SyntaxError{Input: s, Msg: "empty text", MsgVI: "chuỗi rỗng"}
	}
	// A bare date range.
	from, to, res, msg, msgVI, derr := p.dateRange()
	switch res {
	case okDate:
		return Identify(from, to)
	case badDate:
		return Period{}, &SyntaxError{Input: s, Msg: msg, MsgVI: msgVI, Err: derr}
	}
	// A name, possibly followed by its range.
	per, serr := p.name(s)
	if serr != nil {
		return Period{}, serr
	}
	if p.done() {
		return per, nil
	}
	rest := p.t[p.i:]
	if len(rest) > 0 && (rest[0].kind == ',' || rest[0].kind == '-' || rest[0].kind == ':') {
		rest = rest[1:]
	}
	q := parser{t: trimFrame(rest)}
	from, to, res, msg, msgVI, derr = q.dateRange()
	switch res {
	case noDate:
		return Period{}, &SyntaxError{Input: s, Msg: "unexpected text after " + per.English(),
			MsgVI: "có chữ thừa sau \"" + per.String() + "\""}
	case badDate:
		return Period{}, &SyntaxError{Input: s, Msg: msg, MsgVI: msgVI, Err: derr}
	}
	byRange, err := Identify(from, to)
	if err != nil {
		return Period{}, err
	}
	if byRange != per {
		return Period{}, &SyntaxError{Input: s,
			Msg:   "the name says " + per.English() + " but the dates give " + byRange.English(),
			MsgVI: "tên kỳ là \"" + per.String() + "\" nhưng khoảng ngày là \"" + byRange.String() + "\""}
	}
	return per, nil
}

var quarterWords = map[string]int{
	"i": 1, "ii": 2, "iii": 3, "iv": 4,
	"mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4,
}

// name reads a period name at the parser's position.
func (p *parser) name(input string) (Period, error) {
	bad := func(msg, msgVI string) (Period, error) {
		return Period{}, &SyntaxError{Input: input, Msg: msg, MsgVI: msgVI}
	}
	mk := func(k Kind, y, idx int) (Period, error) {
		per, err := New(k, y, idx)
		if err != nil {
			en, vi := invalidMsg(k, y, idx)
			return Period{}, &SyntaxError{Input: input, Msg: en, MsgVI: vi, Err: err}
		}
		return per, nil
	}
	noYear := func(miss yearMiss) (Period, error) {
		switch miss {
		case yearNegative:
			return bad("the year cannot be negative (a minus sign before it)", "năm không được có dấu trừ (số âm)")
		case yearDigits:
			return bad("expected a four-digit year", "năm phải viết đủ bốn chữ số")
		}
		return bad("expected a four-digit year", "thiếu năm (bốn chữ số)")
	}
	// withYear reads the year that ends the name of a period of kind k
	// and index idx.
	withYear := func(k Kind, idx int) (Period, error) {
		y, miss := p.yearPart()
		if miss != yearOK {
			return noYear(miss)
		}
		return mk(k, y, idx)
	}
	switch {
	case p.peekWord(0, "quy") || p.peekWord(0, "q"):
		p.i++
		q, ok := 0, false
		if p.i < len(p.t) && p.t[p.i].kind == tWord {
			q, ok = quarterWords[p.t[p.i].s]
			if ok {
				p.i++
			}
		} else {
			q, ok = p.num(2)
		}
		if !ok {
			return bad("expected a quarter number (I–IV or 1–4)", "thiếu số quý (I–IV hoặc 1–4)")
		}
		return withYear(KindQuarter, q)

	case p.peekWord(0, "thang"):
		p.i++
		m, ok := p.num(2)
		if !ok {
			return bad("expected a month number (1–12)", "thiếu số tháng (1–12)")
		}
		return withYear(KindMonth, m)

	case p.peekWord(0, "nua"):
		p.i++
		h := 0
		if p.word("dau") {
			h = 1
		} else if p.word("cuoi") {
			h = 2
		} else {
			return bad("expected \"đầu\" or \"cuối\"", "thiếu \"đầu\" hoặc \"cuối\"")
		}
		return withYear(KindHalf, h)

	case p.peekWord(1, "thang") && (p.peekWord(0, "sau") || p.peekWord(0, "chin") || p.isNum(0, 6) || p.isNum(0, 9)):
		nine := p.peekWord(0, "chin") || p.isNum(0, 9)
		p.i += 2
		h := 1
		if p.word("cuoi") {
			if nine {
				return bad("there is no \"last nine months\" period", "không có kỳ \"9 tháng cuối năm\"")
			}
			h = 2
		} else {
			p.word("dau")
		}
		if nine {
			return withYear(KindNineMonths, 0)
		}
		return withYear(KindHalf, h)

	case p.peekWord(0, "h") || (p.isNum(0, 9) && p.peekWord(1, "m")):
		if p.word("h") {
			h, ok := p.num(2)
			if !ok {
				return bad("expected the half (1 or 2)", "thiếu số (1 hoặc 2) sau H")
			}
			return withYear(KindHalf, h)
		}
		p.i += 2
		return withYear(KindNineMonths, 0)

	case p.peekWord(0, "nam") || (p.peekWord(0, "ca") && p.peekWord(1, "nam")):
		p.word("ca")
		p.i++
		y, miss := p.year()
		if miss != yearOK {
			return noYear(miss)
		}
		return mk(KindYear, y, 0)
	}

	// Code forms: 2024-Q2, 2024-M03, 2024-H1, 2024-9M, 2024-Y.
	if s, ok := p.peekNum(0); ok && len(s) == 4 && p.kindAt(1) == '-' {
		y := atoi(s)
		p.i += 2
		switch {
		case p.word("q"):
			if q, ok := p.num(2); ok {
				return mk(KindQuarter, y, q)
			}
		case p.word("m"):
			if m, ok := p.num(2); ok {
				return mk(KindMonth, y, m)
			}
		case p.word("h"):
			if h, ok := p.num(2); ok {
				return mk(KindHalf, y, h)
			}
		case p.isNum(0, 9) && p.peekWord(1, "m"):
			p.i += 2
			return mk(KindNineMonths, y, 0)
		case p.word("y"):
			return mk(KindYear, y, 0)
		}
		return bad("unknown period code (want e.g. 2024-Q2, 2024-M03, 2024-H1, 2024-9M, 2024-Y)",
			"mã kỳ không hợp lệ (ví dụ đúng: 2024-Q2)")
	}
	return bad("not a reporting period (want e.g. \"Quý II năm 2024\", \"Tháng 3 năm 2024\", "+
		"\"6 tháng đầu năm 2024\", \"Năm 2024\", \"2024-Q2\" or \"15/3/2024 – 14/6/2024\")",
		"không đọc được kỳ báo cáo (ví dụ đúng: \"Quý II năm 2024\", \"Tháng 3 năm 2024\", "+
			"\"6 tháng đầu năm 2024\", \"Năm 2024\", \"từ ngày 15/3/2024 đến ngày 14/6/2024\")")
}

// isNum reports whether the token at off is the number v (leading zeros
// allowed, at most two digits).
func (p *parser) isNum(off, v int) bool {
	s, ok := p.peekNum(off)
	return ok && len(s) <= 2 && atoi(s) == v
}

// invalidMsg explains why New(k, y, idx) failed, in English and Vietnamese.
func invalidMsg(k Kind, y, idx int) (string, string) {
	if max := k.maxIndex(); max > 0 && (idx < 1 || idx > max) {
		switch k {
		case KindMonth:
			return "month " + strconv.Itoa(idx) + " does not exist (1–12)", "tháng " + strconv.Itoa(idx) + " không tồn tại (1–12)"
		case KindQuarter:
			return "quarter " + strconv.Itoa(idx) + " does not exist (1–4)", "quý " + strconv.Itoa(idx) + " không tồn tại (I–IV)"
		default:
			return "half " + strconv.Itoa(idx) + " does not exist (1–2)", "không có nửa năm thứ " + strconv.Itoa(idx)
		}
	}
	return "the " + k.String() + " period of year " + strconv.Itoa(y) + " is outside years 1–9999",
		"kỳ báo cáo năm " + strconv.Itoa(y) + " nằm ngoài khoảng năm 1–9999"
}
