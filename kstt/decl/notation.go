package decl

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocaodinhky/vpcp/internal/vntext"
	"github.com/baocaodinhky/vpcp/kstt"
)

// Op is what a rule written in the printed notation asserts; see
// ParseRule and the package documentation for the notation.
type Op uint8

// The operations of the notation.
const (
	// OpSum: "(3) = (4) + (5) + (6)" — the target equals the sum of the
	// terms. In a form it is the printed formula (kstt.SumOfColumns, which
	// Fill derives) unless the rule is declared a balance; across forms
	// and the narrative it is kstt.Matches.
	OpSum Op = iota + 1
	// OpTotal: "TỔNG CỘNG = Σ các dòng" — kstt.SumOfRows.
	OpTotal
	// OpNonNegative: "mọi cột số ≥ 0" — kstt.NonNegative.
	OpNonNegative
	// OpAtMost: "(7) ≤ (3)" — kstt.AtMost.
	OpAtMost
	// OpRate: "(4) = (3) ÷ Phần I (8) × 100" — kstt.Percentage.
	OpRate
	// OpFlag: "(9) ∈ {0, 1}" — kstt.FlagOnly.
	OpFlag
	// OpZero: "(5), (9), (13) = 0" or "«CẤP HUYỆN» = 0" — the columns (or
	// every count column of the rows under the group) hold 0; with a
	// rule's From date, only in periods that reach it.
	OpZero
)

var opNames = [...]string{OpSum: "sum", OpTotal: "total", OpNonNegative: "non-negative", OpAtMost: "at-most",
	OpRate: "rate", OpFlag: "flag", OpZero: "zero"}

// String returns the operation's name: "sum", "total", "non-negative",
// "at-most", "rate", "flag" or "zero".
func (o Op) String() string {
	if int(o) < len(opNames) && opNames[o] != "" {
		return opNames[o]
	}
	return "op(" + strconv.Itoa(int(o)) + ")"
}

// Expr is a rule of the printed notation, parsed: what it asserts and the
// cells it relates. Refs carry the part of a "Phần I:" prefix unless they
// name their own.
type Expr struct {
	Op      Op
	Part    string     // the part of a "Phần I:" prefix, "" when none
	Target  kstt.Ref   // the constrained cell (OpSum, OpAtMost, OpRate, OpFlag)
	Terms   []kstt.Ref // summands (OpSum); the bound (OpAtMost); numerator and denominator (OpRate)
	Targets []kstt.Ref // the columns that must be 0 (OpZero)
	Group   string     // the level or section title of «…» = 0 (OpZero)
}

// SyntaxError is a rule that does not parse: where (a byte offset into
// the rule text) and why.
type SyntaxError struct {
	Text   string // the rule as given
	Offset int    // byte offset of the problem in Text
	Msg    string // English
}

// Error returns e.g. `at 7 in "(3) = (4) +": a term is missing after "+"`.
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("at %d in %q: %s", e.Offset, e.Text, e.Msg)
}

// maxRuleLen bounds a rule's text: the longest printed rule is far shorter.
const maxRuleLen = 2000

// ParseRule parses a rule written in the notation the forms print —
// "(3) = (4) + (5) + (6)", "Phần II: (4) = (3) ÷ Phần I (8) × 100",
// "TỔNG CỘNG = Σ các dòng", "II.06a Σ(4) = II.08 Σ(5) + Σ(8)",
// "files.received = II.06a Σ(3)", "(5), (9), (13) = 0" — see the package
// documentation for the whole notation. Text is read in NFC, with any
// spacing. It fails with a *SyntaxError; it never panics.
func ParseRule(s string) (*Expr, error) {
	if len(s) > maxRuleLen {
		return nil, &SyntaxError{Text: s[:64] + "…", Msg: fmt.Sprintf("a rule is at most %d bytes", maxRuleLen)}
	}
	if !utf8.ValidString(s) {
		return nil, &SyntaxError{Text: s, Msg: "not UTF-8 text"}
	}
	p := &parser{src: vntext.NFC(s)}
	e, err := p.rule()
	if err != nil {
		return nil, err
	}
	return e, nil
}

type parser struct {
	src string
	pos int
}

func (p *parser) fail(format string, args ...any) error {
	return &SyntaxError{Text: p.src, Offset: p.pos, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) skip() {
	for p.pos < len(p.src) {
		r, n := utf8.DecodeRuneInString(p.src[p.pos:])
		if !unicode.IsSpace(r) {
			return
		}
		p.pos += n
	}
}

func (p *parser) rest() string { return p.src[p.pos:] }

func (p *parser) eof() bool { p.skip(); return p.pos >= len(p.src) }

// word consumes w (case-insensitive, after spaces) when it comes next.
func (p *parser) word(w string) bool {
	p.skip()
	r := p.rest()
	if len(r) >= len(w) && strings.EqualFold(r[:len(w)], w) {
		p.pos += len(w)
		return true
	}
	return false
}

// oneOf consumes the first of ws that comes next and returns it.
func (p *parser) oneOf(ws ...string) string {
	for _, w := range ws {
		if p.word(w) {
			return w
		}
	}
	return ""
}

func (p *parser) rule() (*Expr, error) {
	e := &Expr{}
	if p.eof() {
		return nil, p.fail("the rule is empty")
	}
	// "Phần I:" prefix.
	save := p.pos
	if p.word("Phần") {
		id := p.ident()
		if id != "" && p.word(":") {
			e.Part = id
		} else {
			p.pos = save
		}
	}
	switch {
	case p.word("TỔNG CỘNG"):
		if !p.word("=") {
			return nil, p.fail(`want "=" after TỔNG CỘNG`)
		}
		if !p.word("Σ") && !p.word("tổng") {
			return nil, p.fail(`want "Σ" (the sum of the rows) after "TỔNG CỘNG ="`)
		}
		// Any words may follow ("các dòng", "các dòng lĩnh vực").
		e.Op = OpTotal
		e.Target = kstt.Ref{Part: e.Part}
		return e, nil
	case p.word("mọi cột số"), p.peekGE():
		if !p.word("≥") && !p.word(">=") {
			return nil, p.fail(`want "≥ 0" after "mọi cột số"`)
		}
		if !p.word("0") || !p.eof() {
			return nil, p.fail(`want "≥ 0" and nothing after it`)
		}
		e.Op = OpNonNegative
		e.Target = kstt.Ref{Part: e.Part}
		return e, nil
	case p.word("«"):
		start := p.pos
		end := strings.Index(p.rest(), "»")
		if end < 0 {
			return nil, p.fail(`«… has no closing »`)
		}
		e.Group = strings.TrimSpace(p.src[start : start+end])
		p.pos = start + end + len("»")
		if e.Group == "" {
			return nil, p.fail("the group «» is empty")
		}
		if !p.word("=") || !p.word("0") || !p.eof() {
			return nil, p.fail(`want "= 0" after «%s»`, e.Group)
		}
		e.Op = OpZero
		e.Target = kstt.Ref{Part: e.Part}
		return e, nil
	}
	lhs, err := p.refList(e.Part)
	if err != nil {
		return nil, err
	}
	switch op := p.oneOf("=", "≤", "<=", "∈"); op {
	case "≤", "<=":
		if len(lhs) != 1 {
			return nil, p.fail("a bound constrains one cell")
		}
		t, err := p.ref(e.Part, "")
		if err != nil {
			return nil, err
		}
		if !p.eof() {
			return nil, p.fail("unexpected %q after the bound", p.rest())
		}
		e.Op, e.Target, e.Terms = OpAtMost, lhs[0], []kstt.Ref{t}
		return e, nil
	case "∈":
		if len(lhs) != 1 || !p.word("{") || !p.word("0") || !p.word(",") || !p.word("1") || !p.word("}") || !p.eof() {
			return nil, p.fail(`want "(n) ∈ {0, 1}"`)
		}
		e.Op, e.Target = OpFlag, lhs[0]
		return e, nil
	case "=":
	default:
		return nil, p.fail(`want "=", "≤" or "∈" after the first cell`)
	}
	// Right of "=".
	save = p.pos
	if p.word("0") {
		switch {
		case p.eof():
			e.Op, e.Targets = OpZero, lhs
			return e, nil
		case p.word("hoặc") && p.word("1") && p.eof():
			if len(lhs) != 1 {
				return nil, p.fail("a flag rule constrains one column")
			}
			e.Op, e.Target = OpFlag, lhs[0]
			return e, nil
		}
		p.pos = save
	}
	if len(lhs) != 1 {
		return nil, p.fail("a list of columns can only be \"= 0\"")
	}
	e.Target = lhs[0]
	first, err := p.ref(e.Part, "")
	if err != nil {
		return nil, err
	}
	if p.oneOf("÷", "/", ":") != "" {
		den, err := p.ref(e.Part, first.Form)
		if err != nil {
			return nil, err
		}
		if p.oneOf("×", "*", "x", "·") == "" || !p.word("100") || !p.eof() {
			return nil, p.fail(`a rate is written "(a) ÷ (b) × 100"`)
		}
		e.Op, e.Terms = OpRate, []kstt.Ref{first, den}
		return e, nil
	}
	e.Op, e.Terms = OpSum, []kstt.Ref{first}
	for p.word("+") {
		t, err := p.ref(e.Part, e.Terms[len(e.Terms)-1].Form)
		if err != nil {
			return nil, err
		}
		e.Terms = append(e.Terms, t)
	}
	if !p.eof() {
		return nil, p.fail("unexpected %q: terms are joined by \"+\"", p.rest())
	}
	return e, nil
}

// peekGE reports whether "≥" or ">=" comes next, without consuming it.
func (p *parser) peekGE() bool {
	p.skip()
	return strings.HasPrefix(p.rest(), "≥") || strings.HasPrefix(p.rest(), ">=")
}

// refList reads "(5), (9), (13)" (one or more cells).
func (p *parser) refList(part string) ([]kstt.Ref, error) {
	var out []kstt.Ref
	form := ""
	for {
		r, err := p.ref(part, form)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
		form = r.Form
		if !p.word(",") {
			return out, nil
		}
		if len(out) > 64 {
			return nil, p.fail("too many cells in one list")
		}
	}
}

// ident reads a part ID, a form code or a figure key: letters, digits and
// "._-/" up to a space, "(", ":" or "Σ".
func (p *parser) ident() string {
	p.skip()
	start := p.pos
	for p.pos < len(p.src) {
		r, n := utf8.DecodeRuneInString(p.src[p.pos:])
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '_' || r == '-' || r == '/') {
			break
		}
		p.pos += n
	}
	return p.src[start:p.pos]
}

// ref reads one cell: "(4)", "Phần I (8)", "II.08 Σ(5)", "II.08 (5)",
// "Σ(8)" (of form, the previous term's), or a narrative figure
// "files.received".
func (p *parser) ref(part, form string) (kstt.Ref, error) {
	p.skip()
	if p.pos >= len(p.src) {
		return kstt.Ref{}, p.fail("a cell is missing")
	}
	r := kstt.Ref{Part: part, Form: form}
	sigma := false
	switch {
	case strings.HasPrefix(p.rest(), "("):
	case p.word("Σ"):
		sigma = true
	default:
		save := p.pos
		if p.word("Phần") {
			id := p.ident()
			if id == "" {
				return kstt.Ref{}, p.fail(`want a part ID after "Phần"`)
			}
			r.Part = id
			break
		}
		p.pos = save
		id := p.ident()
		if id == "" {
			return kstt.Ref{}, p.fail("want a cell such as (4), Phần I (8), II.08 Σ(5) or a figure such as files.received")
		}
		p.skip()
		next := p.rest()
		if !strings.HasPrefix(next, "(") && !strings.HasPrefix(next, "Σ") && !strings.HasPrefix(next, "Phần") {
			// A narrative figure.
			if !strings.Contains(id, ".") {
				p.pos = save
				return kstt.Ref{}, p.fail("%q is neither a cell nor a figure key (a figure key has a dot: files.received)", id)
			}
			return kstt.Ref{Field: id}, nil
		}
		r = kstt.Ref{Form: id}
		if p.word("Phần") {
			pid := p.ident()
			if pid == "" {
				return kstt.Ref{}, p.fail(`want a part ID after "Phần"`)
			}
			r.Part = pid
		}
		sigma = p.word("Σ")
	}
	_ = sigma
	if !p.word("(") {
		return kstt.Ref{}, p.fail(`want "(" and a column number`)
	}
	p.skip()
	start := p.pos
	for p.pos < len(p.src) && p.src[p.pos] >= '0' && p.src[p.pos] <= '9' {
		p.pos++
	}
	if p.pos == start || p.pos-start > 4 {
		return kstt.Ref{}, p.fail("want a column number of 1 to 4 digits")
	}
	n, _ := strconv.Atoi(p.src[start:p.pos])
	if n < 1 {
		return kstt.Ref{}, p.fail("column numbers start at 1")
	}
	if !p.word(")") {
		return kstt.Ref{}, p.fail(`want ")" after the column number`)
	}
	r.Col = n
	return r, nil
}
