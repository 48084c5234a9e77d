// Command kstt checks, renders and lists the rules of the periodic KSTT
// report forms of Thông tư 01/2020/TT-VPCP (Biểu II.06a, II.06b, II.07b,
// II.08), using only the public API of github.com/baocaodinhky/vpcp.
//
//	kstt check [-json] [-lang vi|en] [-options FILE] FILE…
//	kstt render -format text|xlsx [-o OUT] FILE
//	kstt rollup [-unit NAME] [-recipient NAME] [-level UNIT=LEVEL]… [-format xlsx|text] [-o OUT] FILE…
//	kstt tally -period PERIOD [-unit NAME] [-format text|xlsx|json] [-o OUT] FILE…
//	kstt rules [-json]
//
// A FILE is an XLSX workbook (as sent by a unit, or written by render/xlsx),
// a JSON report (kstt.Report, as bieu.DecodeReport reads it) or a text
// document with the forms pasted from Word or a PDF (tab-separated tables,
// as in the sample report). The kind is told from the content, not the name,
// except that a file named .xlsx or .xlsm is always read as a workbook (an
// empty or damaged one is reported as such, not as text without a form).
//
// check prints one finding per line — severity, rule, cell, expected,
// actual, message, separated by tabs — or a JSON array with -json. Its exit
// status is 0 when no finding is an error, 1 when one is, and 2 when an
// input cannot be read (the others are still checked).
//
// rollup reads the report of each unit (one FILE per unit), combines them
// with bieu.Rollup into the aggregate of the unit they report to — II.06a
// by lĩnh vực, II.06b by level, II.07b and II.08 — and writes its forms as
// an XLSX workbook (or as text tables with -format text). It prints the
// findings of every unit, tagged with the unit, and of the aggregate, as
// check does, with the same exit statuses; a unit the roll-up refuses
// (another period or recipient, the same unit twice, an unknown level) is
// exit status 2, and nothing is written.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/render"
	"github.com/baocaodinhky/vpcp/render/text"
	"github.com/baocaodinhky/vpcp/render/xlsx"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// Exit statuses.
const (
	exitOK         = 0 // no error finding
	exitFindings   = 1 // at least one error finding
	exitUnreadable = 2 // an input could not be read, or bad usage
)

const usage = `usage:
  kstt check [-json] [-lang vi|en] [-options FILE] FILE…
        read each FILE (XLSX workbook, JSON report or pasted text), check it
        against the rules of Thông tư 01/2020/TT-VPCP and print the findings,
        one per line: severity, rule, cell, expected, actual, message.
        Exit status: 0 no error, 1 an error finding, 2 an unreadable input.
  kstt render -format text|xlsx [-o OUT] FILE
        print the forms of FILE as text tables, or write them as an XLSX
        workbook (-o is required for xlsx; "-o -" writes to standard output).
  kstt rollup [-unit NAME] [-recipient NAME] [-level UNIT=LEVEL]… [-format xlsx|text]
              [-json] [-lang vi|en] [-options FILE] -o OUT.xlsx FILE…
        roll up the reports of many units (one FILE each, of any kind above)
        for one period into the aggregate of the unit they report to (-unit,
        by default their Đơn vị nhận báo cáo; -recipient names the
        aggregate's own recipient): II.06a by lĩnh vực, II.06b by level,
        II.07b and II.08. Write its forms to OUT ("-o -": standard output;
        -format text prints them), and print the findings of every unit,
        tagged with the unit, and of the aggregate, as check does. A unit's
        level is told from its name, or given with -level "Tên đơn vị=cấp
        tỉnh|cấp huyện|cấp xã" (repeatable). Exit status as check's; 2 also
        when a unit is refused (another period or recipient, the same unit
        twice, an unknown level) — nothing is written then.
` + tallyUsage + `  kstt rules [-json]
        list the rule catalogue: the rules of every form (II.06b included),
        of the report, and of the form reader (READ/…).
`

// run is main without the process: it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUnreadable
	}
	switch args[0] {
	case "check":
		return runCheck(args[1:], stdout, stderr)
	case "render":
		return runRender(args[1:], stdout, stderr)
	case "rollup":
		return runRollup(args[1:], stdout, stderr)
	case "rules":
		return runRules(args[1:], stdout, stderr)
	case "tally":
		return runTally(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "kstt: unknown command %q\n%s", args[0], usage)
	return exitUnreadable
}

func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("kstt "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	return fs
}

// maxInput bounds the size of an input file, as the readers bound what
// they decompress.
const maxInput = xlsx.DefaultMaxBytes

// input is one file read into a report.
type input struct {
	report *kstt.Report
	read   *bieu.ReadResult // for XLSX and text
}

// check checks the input: the reader's findings with the checker's.
func (in *input) check(opts kstt.CheckOptions) (kstt.Findings, error) {
	if in.read != nil {
		return in.read.Check(opts)
	}
	return bieu.Check(in.report, opts)
}

// libPrefixes are the package names the library's errors start with, one
// per layer ("kstt: check options: kstt: invalid severity"): the tool
// prints its own "kstt: " once and drops them.
var libPrefixes = []string{"kstt", "bieu", "period", "xlsx", "text", "render"}

// errText is err's message without the library's package prefixes, for a
// line of its own after the tool's "kstt: " and what it was doing.
func errText(err error) string {
	parts := strings.Split(err.Error(), ": ")
	out := parts[:0]
	for _, p := range parts {
		if !slices.Contains(libPrefixes, p) {
			out = append(out, p)
		}
	}
	return strings.Join(out, ": ")
}

// errorf prints "kstt: " and the context (which file, which step: each
// ends in ": ") then err as errText writes it, on one line.
func errorf(stderr io.Writer, context string, err error) {
	fmt.Fprintf(stderr, "kstt: %s%s\n", context, errText(err))
}

// optionsError prints an error of splitOptions: "kstt: options: FILE: what
// is wrong", without the library's own "check options".
func optionsError(stderr io.Writer, err error) {
	msg := errText(err)
	msg = strings.Replace(msg, ": check options: ", ": ", 1)
	msg = strings.TrimPrefix(msg, "check options: ")
	fmt.Fprintf(stderr, "kstt: options: %s\n", msg)
}

// isWorkbookName reports whether a file's name says it is an Excel
// workbook: .xlsx or .xlsm, in any case.
func isWorkbookName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".xlsx" || ext == ".xlsm"
}

// load reads a file of any kind into a report, telling the kind from the
// content: a zip (XLSX) or OLE file, a JSON object, or text. A file named
// .xlsx or .xlsm whose content is none of zip or OLE goes to the XLSX
// reader all the same, so that an empty or damaged workbook is reported as
// what it is (xlsx.ErrNotXLSX: "only 0 bytes", …), not as text in which no
// form was found.
func load(path string, readOpts bieu.ReadOptions) (*input, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.Size() > maxInput {
		return nil, fmt.Errorf("%d bytes, more than the %d this tool reads", st.Size(), maxInput)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	name := filepath.Base(path)
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")), " \t\r\n")
	var grids []*kstt.Grid
	switch {
	case bytes.HasPrefix(data, []byte("PK")) || bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}) || isWorkbookName(name):
		grids, err = xlsx.ReadWorkbook(bytes.NewReader(data), int64(len(data)), xlsx.ReadOptions{})
		for _, g := range grids {
			g.Source = name
		}
	case bytes.HasPrefix(trimmed, []byte("{")):
		rep, err := bieu.DecodeReport(trimmed)
		if err != nil {
			return nil, err
		}
		return &input{report: rep}, nil
	default:
		grids, err = text.ReadPasted(bytes.NewReader(data), name)
	}
	if err != nil {
		return nil, err
	}
	res, err := bieu.ReadWith(grids, readOpts)
	if err != nil {
		return nil, err
	}
	return &input{report: res.Report(), read: res}, nil
}

// splitOptions reads a JSON options file ({"rules": {"II.07b/R06": {"off":
// true}}}) and splits it into the checker's and the reader's rules.
func splitOptions(path string) (kstt.CheckOptions, bieu.ReadOptions, error) {
	var check kstt.CheckOptions
	var read bieu.ReadOptions
	if path == "" {
		return check, read, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return check, read, err
	}
	opts, err := kstt.ParseCheckOptions(data, allRules())
	if err != nil {
		return check, read, fmt.Errorf("%s: %w", path, err)
	}
	check.Rules = map[string]kstt.RuleOverride{}
	read.Rules.Rules = map[string]kstt.RuleOverride{}
	for id, ov := range opts.Rules {
		if strings.HasPrefix(id, "READ/") {
			read.Rules.Rules[id] = ov
		} else {
			check.Rules[id] = ov
		}
	}
	return check, read, nil
}

// allRules lists every rule the tool applies: the official catalogue's,
// II.06b's (a roll-up form outside it) and the form reader's.
func allRules() []kstt.Rule {
	rules := bieu.Rules()
	rules = append(rules, new(bieu.II06b).Spec().Rules...)
	rules = append(rules, bieu.SeriesRules()...)
	return append(rules, bieu.ReadRules()...)
}

// fileFinding is a finding with the file it is about, for -json.
type fileFinding struct {
	File string `json:"file,omitempty"`
	kstt.Finding
}

// findingFlags defines the flags of the commands that print findings
// (check, rollup): -json, -lang and -options.
func findingFlags(fs *flag.FlagSet) (asJSON *bool, lang, optsPath *string) {
	asJSON = fs.Bool("json", false, "print the findings as a JSON array")
	lang = fs.String("lang", "vi", "language of severities and messages: vi or en")
	optsPath = fs.String("options", "", "JSON file switching rules off or changing their severity")
	return asJSON, lang, optsPath
}

// parseFiles parses args of a command that takes FILE…; false (after the
// usage text) when they are wrong.
func parseFiles(fs *flag.FlagSet, args []string, lang *string) bool {
	if err := fs.Parse(args); err != nil {
		return false
	}
	if fs.NArg() == 0 || (*lang != "vi" && *lang != "en") {
		fs.Usage()
		return false
	}
	return true
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", stderr)
	asJSON, lang, optsPath := findingFlags(fs)
	if !parseFiles(fs, args, lang) {
		return exitUnreadable
	}
	checkOpts, readOpts, err := splitOptions(*optsPath)
	if err != nil {
		optionsError(stderr, err)
		return exitUnreadable
	}
	status := exitOK
	all := []fileFinding{}
	for _, path := range fs.Args() {
		in, err := load(path, readOpts)
		if err != nil {
			errorf(stderr, path+": ", err)
			status = exitUnreadable
			continue
		}
		found, err := in.check(checkOpts)
		if err != nil {
			errorf(stderr, path+": ", err)
			status = exitUnreadable
			continue
		}
		if found.HasErrors() && status == exitOK {
			status = exitFindings
		}
		for _, f := range found {
			all = append(all, fileFinding{File: path, Finding: f})
		}
		if !*asJSON {
			prefix := ""
			if fs.NArg() > 1 {
				prefix = path + "\t"
			}
			for _, f := range found {
				fmt.Fprintln(stdout, prefix+line(f, *lang))
			}
		}
		fmt.Fprintln(stderr, summary(path, found, *lang))
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(all); err != nil {
			errorf(stderr, "", err)
			return exitUnreadable
		}
	}
	return status
}

// line writes a finding as tab-separated fields: severity, rule, cell (or,
// for a finding about no single cell, where it is), expected, actual,
// message.
func line(f kstt.Finding, lang string) string {
	sev, msg := f.Severity.Vietnamese(), f.Message
	if lang == "en" {
		sev, msg = f.Severity.String(), f.MessageEN
	}
	where := f.Cell
	if where == "" {
		f.Unit = "" // a roll-up prints the unit in a column of its own
		where = f.Where()
	}
	dash := func(s string) string {
		if s == "" {
			return "-"
		}
		return s
	}
	return strings.Join([]string{sev, f.Rule, dash(where), dash(f.Expected), dash(f.Actual), msg}, "\t")
}

func summary(path string, fs kstt.Findings, lang string) string {
	if lang == "en" {
		return fmt.Sprintf("%s: %d error(s), %d warning(s), %d info", path, fs.Count(kstt.Error), fs.Count(kstt.Warning), fs.Count(kstt.Info))
	}
	return fmt.Sprintf("%s: %d lỗi, %d cảnh báo, %d thông tin", path, fs.Count(kstt.Error), fs.Count(kstt.Warning), fs.Count(kstt.Info))
}

// renderer returns the renderer of format, text or xlsx.
func renderer(format string) (render.Renderer, error) {
	reg := render.NewRegistry()
	for _, r := range []render.Renderer{text.New(text.DefaultOptions()), xlsx.New(xlsx.Options{})} {
		if err := reg.Register(r); err != nil {
			return nil, err
		}
	}
	r, err := reg.Lookup(format)
	if err != nil {
		return nil, fmt.Errorf("%w (formats: %s)", err, strings.Join(reg.Formats(), ", "))
	}
	return r, nil
}

// renderTo renders sheets with r into the file out, or to stdout when out
// is "" or "-".
func renderTo(r render.Renderer, out string, stdout io.Writer, sheets []*kstt.Sheet) error {
	if out == "" || out == "-" {
		return r.Render(stdout, sheets...)
	}
	file, err := os.Create(out)
	if err != nil {
		return err
	}
	return errors.Join(r.Render(file, sheets...), file.Close())
}

func runRender(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("render", stderr)
	format := fs.String("format", "text", "output format: text or xlsx")
	out := fs.String("o", "", `output file ("-": standard output)`)
	if err := fs.Parse(args); err != nil {
		return exitUnreadable
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUnreadable
	}
	r, err := renderer(*format)
	if err != nil {
		errorf(stderr, "", err)
		return exitUnreadable
	}
	if r.Format() == "xlsx" && *out == "" {
		fmt.Fprintln(stderr, `kstt: -format xlsx needs -o FILE (or "-o -" for standard output)`)
		return exitUnreadable
	}
	in, err := load(fs.Arg(0), bieu.ReadOptions{})
	if err != nil {
		errorf(stderr, fs.Arg(0)+": ", err)
		return exitUnreadable
	}
	sheets := in.report.Sheets()
	if len(sheets) == 0 {
		fmt.Fprintf(stderr, "kstt: %s: the report has no form to render\n", fs.Arg(0))
		return exitUnreadable
	}
	if err := renderTo(r, *out, stdout, sheets); err != nil {
		errorf(stderr, "render: ", err)
		return exitUnreadable
	}
	return exitOK
}

func runRules(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("rules", stderr)
	asJSON := fs.Bool("json", false, "print the rules as a JSON array")
	if err := fs.Parse(args); err != nil || fs.NArg() != 0 {
		return exitUnreadable
	}
	rules := allRules()
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rules); err != nil {
			errorf(stderr, "", err)
			return exitUnreadable
		}
		return exitOK
	}
	for _, r := range rules {
		inferred := ""
		if r.Inferred {
			inferred = " (inferred)"
		}
		fmt.Fprintf(stdout, "%s\t%s\t%s\t%s — %s%s\n", r.ID, r.Severity, r.Expr, r.Meaning, r.MeaningEN, inferred)
	}
	return exitOK
}
