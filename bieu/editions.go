package bieu

import (
	"fmt"
	"time"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/decl"
	"github.com/baocaodinhky/vpcp/period"
)

// Edition is one edition of the forms: the regime it implements (its
// name, legal basis and the periods it applies to, as a declaration
// carries them — decl.Edition) and the catalogue of its forms and rules.
type Edition struct {
	decl.Edition
	Catalogue *kstt.Catalogue
}

// The regime dates the package knows.
var (
	// Edition0120 is Thông tư 01/2020/TT-VPCP (21/10/2020, in force
	// 15/12/2020): the forms of this package. It applies to the periods
	// that end from 15/12/2020 to 14/02/2026, the day before Thông tư
	// 5/2025/TT-VPCP comes into force.
	//
	// The edition is read from the forms' declarations (forms/*.json),
	// which all name it.
	Edition0120 = schemaII06a.Edition()
	// TwoLevelFrom is the first day of the two-level local government
	// (cấp tỉnh and cấp xã): from 1/7/2025 there is no cấp huyện (Luật Tổ
	// chức chính quyền địa phương 2025).
	TwoLevelFrom = period.MustDate(2025, time.July, 1)
)

const editionBasis = "Thông tư 5/2025/TT-VPCP (ban hành 31/12/2025, hiệu lực 15/02/2026); Thông tư 01/2020/TT-VPCP; Nghị định 09/2019/NĐ-CP, Điều 12"

var editionRule = kstt.Rule{ID: RuleKSTTR40, Kind: kstt.Custom, Severity: kstt.Info, Basis: editionBasis,
	Expr:      "kỳ báo cáo thuộc một phiên bản mẫu biểu đã biết",
	Meaning:   "không có phiên bản mẫu biểu nào đã biết cho kỳ này: biểu được kiểm tra theo phiên bản nêu trên, không phải theo quy định mới; Thông tư 5/2025/TT-VPCP (hiệu lực từ 15/02/2026) đã thay chế độ báo cáo, mẫu biểu của thông tư này chưa có trong thư viện — đăng ký phiên bản mới (bieu.Editions.Register) khi có",
	MeaningEN: "no known edition of the forms covers this period: the forms were checked against the edition named, not against the new rules; Thông tư 5/2025/TT-VPCP (in force 15/02/2026) replaced the reporting regime, and its forms are not in this library — register the new edition (bieu.Editions.Register) when they are known",
}

// Editions selects the edition of the forms by a report's period. The
// zero value knows no edition; DefaultEditions knows Thông tư
// 01/2020/TT-VPCP. Editions a user registers take precedence for their
// periods over the ones known before (the most recently registered
// first).
type Editions struct {
	list []Edition // most precedent first
}

// DefaultEditions returns the editions this package knows: Thông tư
// 01/2020/TT-VPCP (Edition0120, catalogue Official) for the periods that
// end from 15/12/2020 to 14/02/2026. Each call returns a new value.
func DefaultEditions() *Editions {
	return &Editions{list: []Edition{{Edition: Edition0120, Catalogue: Official()}}}
}

// Register adds an edition — for example the forms of Thông tư
// 5/2025/TT-VPCP declared as data (package decl) once they are published —
// ahead of the others: for the periods it covers, it is the one applied.
// It fails when the catalogue is nil or does not validate, or the bounds
// are reversed.
func (e *Editions) Register(ed Edition) error {
	if ed.Catalogue == nil {
		return fmt.Errorf("bieu: register edition %q: %w: no catalogue", ed.Name, kstt.ErrBadRule)
	}
	if !ed.ValidFrom.IsZero() && !ed.ValidTo.IsZero() && ed.ValidTo.Before(ed.ValidFrom) {
		return fmt.Errorf("bieu: register edition %q: %w: valid to %s is before valid from %s", ed.Name, kstt.ErrBadRule, ed.ValidTo, ed.ValidFrom)
	}
	if err := ed.Catalogue.Validate(); err != nil {
		return fmt.Errorf("bieu: register edition %q: %w", ed.Name, err)
	}
	e.list = append([]Edition{ed}, e.list...)
	return nil
}

// List returns the editions, the most precedent first.
func (e *Editions) List() []Edition { return append([]Edition(nil), e.list...) }

// For returns the edition for period p and whether it covers p. When none
// does, it returns the edition nearest in time — the one whose periods
// ended last before p, or else the one starting first after p — with
// false: the caller applies it and says so (Check adds the Info finding
// KSTT/R40). A zero period takes the most precedent edition, as covered.
// It returns nil only when no edition is known.
func (e *Editions) For(p period.Period) (*Edition, bool) {
	if len(e.list) == 0 {
		return nil, false
	}
	if p.IsZero() {
		return &e.list[0], true
	}
	for i := range e.list {
		if e.list[i].Covers(p) {
			return &e.list[i], true
		}
	}
	end := p.End()
	best := -1
	for i, ed := range e.list {
		if !ed.ValidTo.IsZero() && ed.ValidTo.Before(end) && (best < 0 || ed.ValidTo.After(e.list[best].ValidTo)) {
			best = i
		}
	}
	if best < 0 {
		for i, ed := range e.list {
			if !ed.ValidFrom.IsZero() && ed.ValidFrom.After(end) && (best < 0 || ed.ValidFrom.Before(e.list[best].ValidFrom)) {
				best = i
			}
		}
	}
	return &e.list[max(best, 0)], false
}

// Rules lists every rule of every edition's catalogue (each ID once, the
// most precedent edition's) and the edition notice KSTT/R40.
func (e *Editions) Rules() []kstt.Rule {
	seen := map[kstt.RuleID]bool{}
	var out []kstt.Rule
	for _, ed := range e.list {
		for _, r := range ed.Catalogue.Rules() {
			if !seen[r.ID] {
				seen[r.ID] = true
				out = append(out, r)
			}
		}
	}
	return append(out, editionRule)
}

// Notice returns the Info finding KSTT/R40 for a report of period p
// checked against ed, an edition that does not cover p.
func Notice(p period.Period, ed *Edition) kstt.Finding {
	to := "không giới hạn"
	toEN := "open"
	if !ed.ValidTo.IsZero() {
		to, toEN = ed.ValidTo.Vietnamese(), ed.ValidTo.Vietnamese()
	}
	from, fromEN := "không giới hạn", "open"
	if !ed.ValidFrom.IsZero() {
		from, fromEN = ed.ValidFrom.Vietnamese(), ed.ValidFrom.Vietnamese()
	}
	f := kstt.Finding{Rule: RuleKSTTR40, Severity: editionRule.Severity, Row: -1, RowLabel: "Kỳ báo cáo",
		Expected: "phiên bản mẫu biểu cho " + p.String(), Actual: ed.Name,
		Message: fmt.Sprintf("kỳ %s (%s) không thuộc phiên bản mẫu biểu nào đã biết; đã áp dụng %s, dành cho các kỳ kết thúc từ %s đến %s",
			p.String(), p.RangeText(), ed.Name, from, to),
		MessageEN: fmt.Sprintf("period %s is covered by no known edition of the forms; %s was applied, meant for periods ending from %s to %s",
			p.English(), ed.Name, fromEN, toEN)}
	f.Message += " (" + editionRule.Meaning + ")"
	f.MessageEN += " (" + editionRule.MeaningEN + ")"
	return f
}

// Check checks a report against the edition of its period (the report's
// header, else its first form's): the edition's catalogue
// (kstt.Catalogue.Check), plus, when no known edition covers the period,
// the Info finding KSTT/R40 naming the edition applied — a 2026 report is
// never presented as checked against the 2026 rules. opts may name any
// rule of Rules.
func (e *Editions) Check(r *kstt.Report, opts kstt.CheckOptions) (kstt.Findings, error) {
	if r == nil {
		return nil, fmt.Errorf("bieu: check: %w: nil report", kstt.ErrInvalidReport)
	}
	if len(opts.Rules) > 0 { // nothing to validate otherwise
		if err := opts.Validate(e.Rules()); err != nil {
			return nil, err
		}
	}
	p := reportPeriod(r)
	ed, exact := e.For(p)
	if ed == nil {
		return nil, fmt.Errorf("bieu: check: %w: no edition of the forms is known", kstt.ErrUnknownForm)
	}
	sub := subOptions(opts, ed.Catalogue.Rules())
	fs, err := ed.Catalogue.Check(r, sub)
	if err != nil {
		return nil, err
	}
	if !exact {
		fs = appendNotice(fs, opts, p, ed, "")
	}
	return fs.Sort(), nil
}

// appendNotice adds KSTT/R40 at the severity opts give, at cell.
func appendNotice(fs kstt.Findings, opts kstt.CheckOptions, p period.Period, ed *Edition, cell string) kstt.Findings {
	n := Notice(p, ed)
	if ov, ok := opts.Rules[RuleKSTTR40]; ok {
		if ov.Off {
			return fs
		}
		if ov.Severity.Valid() {
			n.Severity = ov.Severity
		}
	}
	n.Cell = cell
	return append(fs, n)
}

// subOptions keeps the overrides of opts that name one of rules.
func subOptions(opts kstt.CheckOptions, rules []kstt.Rule) kstt.CheckOptions {
	sub := kstt.CheckOptions{Rules: map[kstt.RuleID]kstt.RuleOverride{}}
	for _, rule := range rules {
		if ov, ok := opts.Rules[rule.ID]; ok {
			sub.Rules[rule.ID] = ov
		}
	}
	return sub
}

// reportPeriod is the period of a report: its header's, else the first
// form's that names one.
func reportPeriod(r *kstt.Report) period.Period {
	if !r.Header.Period.IsZero() {
		return r.Header.Period
	}
	for _, f := range r.Forms {
		if f != nil && !isNilForm(f) && !f.FormHeader().Period.IsZero() {
			return f.FormHeader().Period
		}
	}
	return period.Period{}
}

// twoLevelBasis is the legal basis of the rules of the two-level local
// government.
const twoLevelBasis = "Luật Tổ chức chính quyền địa phương 2025 (Luật số 72/2025/QH15), hiệu lực 01/7/2025: chính quyền địa phương hai cấp (tỉnh, xã), không còn cấp huyện"

func twoLevelRule(id kstt.RuleID, form, part string, cols []int, expr, vi, en string) kstt.Rule {
	r := kstt.Rule{ID: id, Kind: kstt.Custom, Severity: kstt.Warning, Basis: twoLevelBasis, Expr: expr,
		Meaning: vi, MeaningEN: en,
		Note:   "Từ 01/7/2025 chính quyền địa phương hai cấp (Luật Tổ chức chính quyền địa phương 2025): không còn cấp huyện, số liệu của cấp huyện cũ nay thuộc cấp xã hoặc cấp tỉnh",
		NoteEN: "from 1/7/2025 local government has two levels (Law on the Organisation of Local Government 2025): there is no district level, and former district figures belong to the commune or the province",
		Target: kstt.Ref{Form: form, Part: part}}
	for _, c := range cols {
		r.Terms = append(r.Terms, kstt.Ref{Form: form, Part: part, Col: c})
	}
	return r
}

// twoLevelChecks are the rules KSTT/R41–R44: for periods that reach
// 1/7/2025 (their last day is on or after it), cấp huyện columns and rows
// hold 0. A period that starts before (Quý III năm 2025 runs from
// 15/6/2025) gets the Warning too, with a note that its first days may
// have legitimate district figures.
func twoLevelChecks() []kstt.ReportCheck {
	return []kstt.ReportCheck{
		decl.ZeroCheck(twoLevelRule("KSTT/R41", "II.07b", "I", []int{5, 9, 13},
			"II.07b Phần I (5), (9), (13) = 0 (kỳ có ngày từ 01/7/2025)",
			"không còn cấp huyện: TTHC thuộc thẩm quyền, tại Bộ phận Một cửa và quy trình nội bộ cấp huyện ghi 0",
			"no district level: district procedures, procedures at district one-stop desks and district internal processes are 0"), "", TwoLevelFrom),
		decl.ZeroCheck(twoLevelRule("KSTT/R42", "II.07b", "II", []int{5},
			"II.07b Phần II (5) = 0 (kỳ có ngày từ 01/7/2025)",
			"không còn cấp huyện: TTHC thực hiện “4 tại chỗ” tại Bộ phận Một cửa cấp huyện ghi 0",
			"no district level: procedures done “4 tại chỗ” at district one-stop desks are 0"), "", TwoLevelFrom),
		decl.ZeroCheck(twoLevelRule("KSTT/R43", "II.06b", "", nil,
			"II.06b «CẤP HUYỆN» = 0 (kỳ có ngày từ 01/7/2025)",
			"không còn cấp huyện: các dòng thuộc cấp huyện (II) của Biểu II.06b ghi 0",
			"no district level: the rows under the district level (II) of II.06b are 0"), LevelDistrict, TwoLevelFrom),
		decl.ZeroCheck(twoLevelRule("KSTT/R44", "II.08", "", nil,
			"II.08 «CẤP HUYỆN» = 0 (kỳ có ngày từ 01/7/2025)",
			"không còn cấp huyện: các dòng thuộc cấp huyện (II) của Biểu II.08 ghi 0",
			"no district level: the rows under the district level (II) of II.08 are 0"), LevelDistrict, TwoLevelFrom),
	}
}

// NoDistrictFor reports whether no cấp huyện reports for period p: p
// starts on or after 1/7/2025 (TwoLevelFrom). A period that starts
// before and ends after (Quý III năm 2025) still has district days.
func NoDistrictFor(p period.Period) bool {
	return !p.IsZero() && !p.Start().Before(TwoLevelFrom)
}

// GuessLevelAt is GuessLevel for a report of period p: a district name
// ("UBND huyện …") is LevelUnknown for a period that starts on or after
// 1/7/2025, when no cấp huyện reports any more (NoDistrictFor); Rollup
// refuses such a unit with ErrNoDistrict.
func GuessLevelAt(unit string, p period.Period) UnitLevel {
	l := GuessLevel(unit)
	if l == DistrictLevel && NoDistrictFor(p) {
		return LevelUnknown
	}
	return l
}
