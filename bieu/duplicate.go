package bieu

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/baocaodinhky/vpcp/internal/vntext"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
)

// duplicateRule is RuleKSTTR45: a lĩnh vực appears once per part of a
// form (per level or section in II.06b and II.08).
var duplicateRule = kstt.Rule{ID: RuleKSTTR45, Kind: kstt.Custom, Severity: kstt.Warning, Inferred: true,
	Basis:     basis + "Phụ lục II (mỗi lĩnh vực một dòng, suy ra)",
	Expr:      "mỗi lĩnh vực một dòng trong mỗi phần, cấp",
	Meaning:   "một lĩnh vực chỉ ghi một dòng trong một phần (một cấp) của biểu; hai dòng chỉ khác chữ hoa, khoảng trắng, cách gõ dấu (NFC/NFD) hay tiền tố “Lĩnh vực” là một",
	MeaningEN: "a lĩnh vực has one row per part (and level) of a form; rows that differ only in case, spacing, the Unicode form of their accents (NFC/NFD) or a “Lĩnh vực” prefix are one",
	Note:      "cộng hai dòng thành một; khi tổng hợp, các dòng này được gộp",
	NoteEN:    "add the two rows into one; a roll-up merges them",
}

// duplicateCheck is the report check KSTT/R45 over every form of a report.
func duplicateCheck() kstt.ReportCheck {
	return kstt.ReportCheck{Rule: duplicateRule, Run: func(r *kstt.Report) kstt.Findings {
		var out kstt.Findings
		for _, f := range r.Forms {
			if f == nil || isNilForm(f) {
				continue
			}
			out = duplicateRows(f, out)
		}
		return out
	}}
}

// fieldPrefix is the leading "lĩnh vực" FieldKey drops, as runes.
var fieldPrefix = [...]rune{'l', 'ĩ', 'n', 'h', ' ', 'v', 'ự', 'c'}

// fieldLower maps each rune of U+0000–U+02FF (at its index) and of
// U+1E00–U+1EFF (at 0x300 + r - 0x1e00) to its lower case lowered again, as
// KeyHash has the runes of a FieldKey: a table, so that the hash of the
// prefilter does not search the Unicode case ranges per rune.
var fieldLower = func() (t [0x400]rune) {
	for i := range t {
		r := rune(i)
		if i >= 0x300 {
			r = rune(0x1e00 + i - 0x300)
		}
		t[i] = unicode.ToLower(unicode.ToLower(r))
	}
	return t
}()

// fieldHash is vntext.KeyHash(FieldKey(label)), computed in one pass over
// label without building the key when label is NFC text of ASCII, Latin
// letters and Vietnamese letters with ASCII spaces (the usual case;
// such text is NFC as it is): it lower-cases the runes, folds runs of
// spaces, trims, and recognises the "lĩnh vực" prefix (with the spaces and
// colons after it) on the lowered runes as it goes. Any other label (NFD
// accents, tabs, other spaces or scripts) takes the exact way through
// FieldKey.
func fieldHash(label string) uint64 {
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	h := uint64(offset)
	// pm: runes of fieldPrefix matched so far, -1 once the key departs
	// from it. When the whole prefix and the spaces and colons after it are
	// behind, h starts again on what follows (rest).
	pm, rest := 0, false
	space, started := false, false
	i := 0
	if len(label) >= len("lĩnh vực") && label[0]|0x20 == 'l' && (label[1:len("lĩnh vực")] == "ĩnh vực" || label[1:len("lĩnh vực")] == "ĨNH VỰC") {
		i, pm, started = len("lĩnh vực"), len(fieldPrefix), true // the common spellings, in NFC
	}
	for i < len(label) {
		r := rune(label[i])
		if r < utf8.RuneSelf {
			i++
			if r == ' ' {
				space = true
				continue
			}
			if r < ' ' || r == 0x7f {
				return vntext.KeyHash(FieldKey(label))
			}
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
		} else {
			var n int
			r, n = utf8.DecodeRuneInString(label[i:])
			switch {
			case r >= 0xa1 && r < 0x300 && r != 0xad: // U+00AD: a format character vntext.NFC removes
				r = fieldLower[r]
			case r >= 0x1e00 && r < 0x1f00:
				r = fieldLower[0x300+r-0x1e00]
			default:
				return vntext.KeyHash(FieldKey(label))
			}
			i += n
		}
		if space {
			space = false
			if started && (pm < 0 || rest) { // an inner run of spaces is one space
				h = (h ^ ' ') * prime
			} else if started && pm >= 0 && pm < len(fieldPrefix) {
				h = (h ^ ' ') * prime
				if fieldPrefix[pm] == ' ' {
					pm++
				} else {
					pm = -1
				}
			}
		}
		started = true
		switch {
		case rest || pm < 0:
		case pm < len(fieldPrefix):
			if fieldPrefix[pm] == r {
				pm++
			} else {
				pm = -1
			}
		case r == ':':
			continue // after "lĩnh vực", spaces and colons are dropped
		default: // the key after "lĩnh vực" and its spaces and colons starts
			rest, h = true, offset
		}
		h = (h ^ uint64(r)) * prime
	}
	if pm == len(fieldPrefix) && !rest {
		return vntext.KeyHash(FieldKey(label)) // the key is all prefix: rare
	}
	return h
}

// mayHaveDuplicates reports whether two data rows of one part and group of
// f may share a lĩnh vực: their FieldKey hashes collide. False means they
// certainly do not; true is confirmed by duplicateRows with the keys.
func mayHaveDuplicates(f kstt.Form) bool {
	var small [64]uint64
	if g, ok := f.(*II06a); ok && len(g.Rows) <= 32 {
		// One table whose rows but TỔNG CỘNG are lĩnh vực rows without a
		// group (ii06aTable.Row): the labels are read without the Table.
		hs := small[:0]
		for i := range g.Rows {
			hs = append(hs, fieldHash(g.Rows[i].Field))
		}
		return hashRepeats(hs)
	}
	for pi := range f.Spec().Parts {
		t := f.Table(pi)
		hs := small[:0]
		for i, n := 0, t.Len(); i < n; i++ {
			if m := t.Row(i); m.Kind == layout.DataRow {
				h := fieldHash(m.Label)
				if m.Group != "" {
					h ^= fieldHash(m.Group) * 1099511628211
				}
				hs = append(hs, h)
			}
		}
		if len(hs) <= 32 {
			if hashRepeats(hs) {
				return true
			}
			continue
		}
		slices.Sort(hs)
		for i := 1; i < len(hs); i++ {
			if hs[i] == hs[i-1] {
				return true
			}
		}
	}
	return false
}

// hashRepeats reports whether a value appears twice in hs (at most 32
// values), by an open-addressed set of 64 slots instead of a sort.
func hashRepeats(hs []uint64) bool {
	var set [64]uint64
	var used uint64 // bit j: slot j holds a value
	for _, h := range hs {
		j := (h ^ h>>29) * 0x9e3779b97f4a7c15 >> 58
		for used&(1<<j) != 0 {
			if set[j] == h {
				return true
			}
			j = (j + 1) & 63
		}
		set[j], used = h, used|1<<j
	}
	return false
}

// duplicateRows appends a finding for each data row of f whose lĩnh vực
// (FieldKey) an earlier row of the same part and group already has.
func duplicateRows(f kstt.Form, out kstt.Findings) kstt.Findings {
	if !mayHaveDuplicates(f) {
		return out
	}
	spec := f.Spec()
	for pi := range spec.Parts {
		t := f.Table(pi)
		part := spec.Parts[pi].ID
		type key struct{ group, field string }
		first := map[key]int{}
		for i, n := 0, t.Len(); i < n; i++ {
			m := t.Row(i)
			if m.Kind != layout.DataRow {
				continue
			}
			k := key{FieldKey(m.Group), FieldKey(m.Label)}
			if k.field == "" {
				continue
			}
			j, seen := first[k]
			if !seen {
				first[k] = i
				continue
			}
			prev := t.Row(j).Label
			fd := kstt.Finding{Form: spec.Code, Part: part, Row: i, RowLabel: m.Label, Group: m.Group, Column: 2,
				Expected: "một dòng «" + prev + "»", Actual: "dòng " + itoa(j+1) + " «" + prev + "» và dòng " + itoa(i+1) + " «" + m.Label + "»",
				Message:   "lĩnh vực «" + m.Label + "» đã có ở dòng " + itoa(j+1) + " «" + prev + "»",
				MessageEN: "lĩnh vực «" + m.Label + "» already has row " + itoa(j+1) + " «" + prev + "»"}
			out = append(out, fd)
		}
	}
	return out
}

// checkForm runs the rules of f's spec and the duplicate-row rule
// (KSTT/R45) under opts: the Check method of every form of this package.
func checkForm(f kstt.Form, opts kstt.CheckOptions) (kstt.Findings, error) {
	rules := f.Spec().Rules
	if len(opts.Rules) != 0 {
		if err := opts.Validate(append(rules[:len(rules):len(rules)], duplicateRule)); err != nil {
			return nil, err
		}
	}
	var fs kstt.Findings
	if q, ok := f.(interface{ quickClean() bool }); !ok || len(opts.Rules) != 0 || !q.quickClean() {
		// Every rule of the spec holds when QuickClean says so: what
		// kstt.Check finds, without compiling a checker.
		var err error
		if fs, err = kstt.Check(f, subOptions(opts, rules)); err != nil {
			return nil, err
		}
	}
	sev := duplicateRule.Severity
	if ov, ok := opts.Rules[RuleKSTTR45]; ok {
		if ov.Off {
			return fs, nil
		}
		if ov.Severity.Valid() {
			sev = ov.Severity
		}
	}
	n := len(fs)
	fs = duplicateRows(f, fs)
	for i := n; i < len(fs); i++ {
		x := &fs[i]
		x.Rule, x.Severity = RuleKSTTR45, sev
		x.Message += " (" + duplicateRule.Meaning + "). " + duplicateRule.Note
		x.MessageEN += " (" + duplicateRule.MeaningEN + "). " + duplicateRule.NoteEN
	}
	return fs.Sort(), nil
}
