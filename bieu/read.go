package bieu

import (
	"errors"
	"fmt"
	"strings"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/grid"
	"github.com/baocaodinhky/vpcp/kstt/outline"
)

// Sentinel errors of Read. The errors it returns are *ReadError values
// wrapping one of them.
var (
	// ErrNoForm: none of the grids holds an official form.
	ErrNoForm = errors.New("no official form found")
	// ErrUnrecognized: a form's code line was found, but no table under it
	// could be read as that form.
	ErrUnrecognized = errors.New("form not recognised")
)

// ReadError says what Read looked for and what it found instead.
type ReadError struct {
	Grid      string   // grid (worksheet or document) name
	Addr      string   // where the form was expected, e.g. the code line's address; "" for the whole grid
	Code      string   // the form code of the code line, for ErrUnrecognized
	LookedFor string   // what the reader looked for, in English
	Found     []string // what it found instead: a few non-empty rows, each "address: cell | cell | …"
	Err       error    // ErrNoForm or ErrUnrecognized
}

// Error returns one line: where, the cause, what was looked for and found.
func (e *ReadError) Error() string {
	var b strings.Builder
	b.WriteString("bieu: read ")
	if e.Addr != "" {
		b.WriteString(e.Addr)
	} else {
		b.WriteString(quote(e.Grid))
	}
	if e.Code != "" {
		b.WriteString(" (Biểu số " + e.Code + ")")
	}
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	if e.LookedFor != "" {
		b.WriteString(": looked for " + e.LookedFor)
	}
	if len(e.Found) == 0 {
		b.WriteString("; found nothing")
	} else {
		b.WriteString("; found " + strings.Join(e.Found, "; "))
	}
	return b.String()
}

// Unwrap returns ErrNoForm or ErrUnrecognized.
func (e *ReadError) Unwrap() error { return e.Err }

func quote(s string) string { return `"` + s + `"` }

// readResult is what readGrids found: the forms in the order they appear, the
// reader's findings, and what it could read of the narrative report when
// the grids hold one (pasted text).
type readResult struct {
	Forms []kstt.Form `json:"-"`
	// Origins[i] records where each cell of Forms[i] was read from.
	Origins []*kstt.Origin `json:"-"`
	// Where[i] is the address of the code line (or first header row) of
	// Forms[i], e.g. "II.06a!A1" or "bao-cao.txt:L136:C1".
	Where []string `json:"where"`
	// Findings are the reader's remarks (rules READ/…), sorted.
	Findings kstt.Findings `json:"findings"`
	// PeriodText is the period the narrative's heading writes under the
	// title, as written: "(Từ ngày 15/3/2023 – 14/6/2024)"; "" when the
	// grids hold no heading.
	PeriodText string `json:"period_text,omitempty"`
	// PeriodTextAt is the address of the heading line PeriodText was read
	// from, e.g. "bao-cao.txt:L11:C1".
	PeriodTextAt string `json:"period_text_at,omitempty"`
	// Files are the figures of section I.6 of the narrative (Tình hình,
	// kết quả giải quyết TTHC), when all twelve could be read.
	Files *outline.FileFigures `json:"files,omitempty"`
	// FilesAt is the address of the heading of section I.6.
	FilesAt string `json:"files_at,omitempty"`

	headerAt []map[string]string // per form: header field → address

	cat     *kstt.Catalogue // the catalogue read and checked
	edition *Edition        // the edition of the period, nil when ReadOptions.Catalogue was given
	exact   bool            // whether edition covers the period
}

// Check checks the report read (see Report) against the catalogue of its
// edition (ReadOptions.Editions; the official one by default, with the
// Info finding KSTT/R40 for a period no edition covers) and returns the
// reader's findings with the checker's, sorted.
// opts may name any rule of RULES.md, READ rules included (they then apply
// to the reader's findings too).
// Findings about a form's header (KSTT/R01) and about the narrative — its
// heading period, its section I.6 figures — get the address of the line
// they were read from.
func (r *readResult) Check(opts kstt.CheckOptions) (kstt.Findings, error) {
	cat := r.cat
	if cat == nil {
		cat = Official()
	}
	// Options may name the catalogue's rules and the reader's; a misspelt
	// ID is an error (kstt.ErrUnknownRule).
	if err := opts.Validate(append(append(cat.Rules(), readRules...), editionRule)); err != nil {
		return nil, err
	}
	sub := kstt.CheckOptions{Rules: map[kstt.RuleID]kstt.RuleOverride{}}
	for id, ov := range opts.Rules {
		if _, err := cat.Rule(id); err == nil {
			sub.Rules[id] = ov
		}
	}
	fs, err := cat.Check(r.Report(), sub)
	if err != nil {
		return nil, err
	}
	for i := range fs {
		f := &fs[i]
		if f.Cell != "" {
			continue
		}
		rule, err := cat.Rule(f.Rule)
		if err != nil {
			continue
		}
		switch {
		case rule.Kind == kstt.SameHeader:
			// The header line of the first form of that code.
			for k, form := range r.Forms {
				if form.Spec().Code == f.Form && k < len(r.headerAt) {
					f.Cell = r.headerAt[k][f.RowLabel]
					break
				}
			}
		case f.Form != "":
		case rule.Kind == kstt.ValidPeriodText:
			f.Cell = r.PeriodTextAt
		case strings.HasPrefix(rule.Target.Field, "files."):
			f.Cell = r.FilesAt
		}
	}
	out := make(kstt.Findings, 0, len(r.Findings)+len(fs))
	for _, f := range r.Findings {
		if ov, ok := opts.Rules[f.Rule]; ok {
			if ov.Off {
				continue
			}
			if ov.Severity.Valid() {
				f.Severity = ov.Severity
			}
		}
		out = append(out, f)
	}
	out = append(out, fs...)
	if r.edition != nil && !r.exact {
		out = r.appendNotice(out, opts)
	}
	return out.Sort(), nil
}

// Report assembles a kstt.Report from the result: the header of the first
// form, the forms, and a Narrative holding PeriodText and Files when
// either was read.
func (r *readResult) Report() *kstt.Report {
	rep := &kstt.Report{Forms: r.Forms, Origins: r.Origins}
	if len(r.Forms) > 0 {
		rep.Header = r.Forms[0].FormHeader()
	}
	if r.PeriodText != "" || r.Files != nil {
		rep.Narrative = &outline.Narrative{PeriodText: r.PeriodText, Files: r.Files}
	}
	return rep
}

// ReadOptions configure Read. The zero value reads the official forms
// (Official) with every READ rule at its default severity.
type ReadOptions struct {
	// Rules switches READ rules off or changes their severity, as
	// kstt.CheckOptions does for the form rules. IDs that are not READ
	// rules are ignored here, so one CheckOptions can serve both.
	Rules kstt.CheckOptions
	// Editions select the edition of the forms by the period the forms
	// name: the grids are read with each edition's forms, most precedent
	// first, until one finds a form, then again with the forms of the
	// period's edition, which readResult.Check applies (with the notice
	// KSTT/R40 when no edition covers the period). nil: DefaultEditions
	// (Thông tư 01/2020/TT-VPCP).
	Editions *Editions
	// Catalogue, when set, is read and checked whatever the period, with no
	// edition notice: its typed official forms by their readers, its forms
	// declared as data (package decl) as generic forms, recognised by
	// their headers like the others.
	Catalogue *kstt.Catalogue

	// Name is the input's file name (its base name is enough): the cells
	// of findings read "Name:L12:C3" for text, and a workbook named .xlsx
	// or .xlsm goes to the workbook reader whatever its content, so that
	// an empty or damaged one is reported as such.
	Name string
	// MaxBytes bounds the bytes read and decompressed from the input: by
	// default DefaultMaxJSONBytes for JSON and the readers' own defaults
	// (render/xlsx.DefaultMaxBytes, render/text.DefaultPasteMaxBytes).
	MaxBytes int64
	// MaxRows bounds the rows of a worksheet, the lines of text and the
	// rows of a JSON form; 0: the readers' defaults.
	MaxRows int
	// MaxMemory is the readers' memory budget for the grids they keep; 0:
	// from the input's size, as render/xlsx.ReadOptions documents.
	MaxMemory int64
}

// readGrids recognises the official forms in raw grids (see Read for
// how) and returns them as typed forms whose cells remember their address
// in the source, with the reader's findings. It fails with a *ReadError
// when no grid holds a form (ErrNoForm) or a code line — or a worksheet
// named for a form ("II.06a") that is not empty (an empty one is READ/R13)
// — has no readable table of that form (ErrUnrecognized). Grids without a
// form (a sheet of notes) are skipped when another grid holds one.
func readGrids(grids []*grid.Grid, opts ReadOptions) (*readResult, error) {
	if opts.Catalogue == nil {
		return readEdition(grids, opts) // picks the catalogue by period, then comes back here
	}
	res := &readResult{cat: opts.Catalogue}
	rd := newReader(opts)
	var noForm []string
	for _, g := range grids {
		if g == nil {
			continue
		}
		n := len(res.Forms)
		if err := rd.readGrid(g, res); err != nil {
			return nil, err
		}
		if len(res.Forms) == n {
			noForm = append(noForm, describeGrid(g, 0, g.Len(), 4)...)
		}
	}
	if len(res.Forms) == 0 {
		name := ""
		if len(grids) == 1 && grids[0] != nil {
			name = grids[0].Name
		}
		return nil, &ReadError{Grid: name, Err: ErrNoForm, LookedFor: lookedForAny(), Found: noForm}
	}
	res.Findings = rd.findings.Sort()
	return res, nil
}

func lookedForAny() string {
	var codes []string
	for _, s := range readableSpecs(Official()) {
		codes = append(codes, s.Code)
	}
	return fmt.Sprintf("a code line \"Biểu số %s/VPCP/KSTT\" (or %s), a column-number row \"(1) (2) (3) …\" or a header row \"STT | Lĩnh vực …\"",
		codes[0], strings.Join(codes[1:], ", "))
}

// Read rule IDs.
const (
	ruleBlank        = "READ/R01"
	ruleFormula      = "READ/R02"
	ruleFormulaInput = "READ/R03"
	ruleBadNumber    = "READ/R04"
	ruleColumnNumber = "READ/R05"
	ruleNoTotal      = "READ/R06"
	ruleHeader       = "READ/R07"
	ruleLabel        = "READ/R08"
	ruleSkippedRow   = "READ/R09"
	ruleSkipped      = "READ/R10"
	ruleMissingPart  = "READ/R11"
	ruleNarrative    = "READ/R12"
	ruleEmptySheet   = "READ/R13"
	// ruleFormulaDiffers: a formula cell without a stored value whose
	// workbook formula, evaluated, disagrees with the form's rule.
	ruleFormulaDiffers = "READ/R14"
	// ruleFormulaCalc: a formula cell without a stored value in a column no
	// rule derives, taken from the workbook's formula, evaluated.
	ruleFormulaCalc = "READ/R15"
)

const readBasis = "Thông tư 01/2020/TT-VPCP, Phụ lục II (mẫu biểu); đọc biểu từ tệp"

func readRule(id kstt.RuleID, sev kstt.Severity, expr, vi, en string) kstt.Rule {
	return kstt.Rule{ID: id, Kind: kstt.Reading, Severity: sev, Basis: readBasis, Expr: expr, Meaning: vi, MeaningEN: en}
}

var readRules = []kstt.Rule{
	readRule(ruleBlank, kstt.Info, "ô số để trống = 0",
		"ô số để trống được đọc là 0", "a blank number cell is read as 0"),
	readRule(ruleFormula, kstt.Info, "ô công thức chưa có giá trị = giá trị theo quy tắc của biểu",
		"ô công thức không lưu giá trị được tính lại theo quy tắc của biểu (công thức in trên biểu, dòng TỔNG CỘNG, tỷ lệ)",
		"a formula cell without a stored value is computed with the form's own rule (printed formula, TỔNG CỘNG, rate)"),
	readRule(ruleFormulaInput, kstt.Warning, "ô công thức chưa có giá trị ở cột nhập liệu = 0",
		"ô công thức không lưu giá trị ở cột không có quy tắc tính được đọc là 0; hãy mở tệp bằng Excel, tính lại và lưu",
		"a formula cell without a stored value in a column no rule derives is read as 0; open the file in a spreadsheet, recalculate and save"),
	readRule(ruleBadNumber, kstt.Error, "ô số ghi một số (cột số lượng: số nguyên)",
		"ô số ghi chữ, số lẻ ở cột số lượng, hoặc giá trị lỗi (#REF!): được đọc là 0",
		"a number cell holds text, a fraction in a count column, or an error value (#REF!): read as 0"),
	readRule(ruleColumnNumber, kstt.Info, "số thứ tự cột in ra = vị trí cột",
		"hàng số thứ tự cột in sai số của một cột (mẫu Sở Ngoại vụ in (8) hai lần): cột được đọc theo vị trí",
		"the column-number row misprints a column's number (the seed prints (8) twice): the column is read by its position"),
	readRule(ruleNoTotal, kstt.Warning, "biểu có dòng TỔNG CỘNG",
		"bảng không có dòng TỔNG CỘNG: dòng tổng được tính từ các dòng",
		"the table has no TỔNG CỘNG row: the total is computed from the rows"),
	readRule(ruleHeader, kstt.Warning, "Đơn vị báo cáo, Đơn vị nhận báo cáo, Kỳ báo cáo đọc được và khớp với dòng (Từ ngày … đến ngày …)",
		"phần đầu biểu thiếu hoặc không đọc được đơn vị báo cáo, đơn vị nhận, kỳ báo cáo, hoặc kỳ báo cáo và khoảng ngày ghi dưới nó không khớp",
		"the form's header lacks or garbles the reporting unit, the recipient or the period, or the period and the date range under it disagree"),
	readRule(ruleLabel, kstt.Warning, "tiêu đề cột như mẫu biểu",
		"tiêu đề cột khác tiêu đề trên mẫu biểu (cột được đọc theo số thứ tự cột): cần xác nhận đúng mẫu",
		"a column header differs from the official label (the column was read by its number): confirm the template"),
	readRule(ruleSkippedRow, kstt.Warning, "mọi dòng của bảng là dòng lĩnh vực, dòng nhóm của biểu hoặc TỔNG CỘNG",
		"dòng không thuộc biểu (dòng cộng nhóm, dòng cấp ở biểu không chia cấp) bị bỏ qua",
		"a row the form does not have (a subtotal, a level row in a form without levels) is skipped"),
	readRule(ruleSkipped, kstt.Info, "bảng không phải biểu được bỏ qua",
		"bảng có hàng STT hoặc hàng số thứ tự cột nhưng không khớp biểu nào: bỏ qua",
		"a table with an STT or column-number row that matches no form is skipped"),
	readRule(ruleMissingPart, kstt.Warning, "biểu có đủ các phần",
		"biểu thiếu một phần (II.07b Phần II): phần đó được coi là trống",
		"a part of the form is missing (II.07b Part II): it is read as empty"),
	readRule(ruleNarrative, kstt.Info, "mục I.6 của báo cáo đọc được đủ 12 số liệu",
		"không đọc được đủ số liệu mục I.6 của báo cáo: các quy tắc đối chiếu với Biểu II.06a bị bỏ qua",
		"the figures of section I.6 of the narrative could not all be read: the rules comparing them with II.06a are skipped"),
	readRule(ruleEmptySheet, kstt.Warning, "trang tính mang tên biểu có biểu",
		"trang tính mang tên biểu để trống: coi như báo cáo không có biểu đó (có nội dung mà không có bảng của biểu thì là lỗi đọc tệp)",
		"a worksheet named for a form is empty: the report is read without that form (content without the form's table is a read error)"),
	readRule(ruleFormulaDiffers, kstt.Error, "công thức của bảng tính (tính lại) = quy tắc của biểu",
		"ô công thức không lưu giá trị: công thức của bảng tính, tính lại, cho giá trị khác quy tắc của biểu (vùng ô thiếu hoặc thừa dòng, cộng nhầm cột); biểu dùng giá trị theo quy tắc",
		"a formula cell without a stored value: the workbook's formula, evaluated, disagrees with the form's rule (a range missing or adding a row, a wrong column); the form takes the rule's value"),
	readRule(ruleFormulaCalc, kstt.Info, "ô công thức chưa có giá trị ở cột nhập liệu = giá trị công thức của bảng tính",
		"ô công thức không lưu giá trị ở cột không có quy tắc tính được tính theo công thức của bảng tính",
		"a formula cell without a stored value in a column no rule derives is computed with the workbook's own formula"),
}

// ReadRules lists the rules of the form reader (READ/R01 …): what Read
// reports when it had to interpret a cell or a header. They are not part
// of the catalogue that Check runs; kstt.CheckOptions in ReadOptions can
// switch them off or change their severity.
func ReadRules() []kstt.Rule { return append([]kstt.Rule(nil), readRules...) }

func readRuleByID(id kstt.RuleID) *kstt.Rule {
	for i := range readRules {
		if readRules[i].ID == id {
			return &readRules[i]
		}
	}
	return nil
}
