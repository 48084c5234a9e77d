// Command kstt checks, renders and lists the rules of the periodic KSTT
// report forms of Thông tư 01/2020/TT-VPCP (Biểu II.06a, II.06b, II.07b,
// II.08), using only the public API of github.com/baocaodinhky/vpcp.
//
//	kstt check [-json] [-lang vi|en] [-options FILE] [-form DECL.json]… [-max-bytes N] [-max-rows N] [-max-memory N] FILE…
//	kstt render -format text|xlsx|html [-o OUT] [-form DECL.json]… [-max-bytes N] [-max-rows N] [-max-memory N] FILE
//	kstt rollup [-unit NAME] [-recipient NAME] [-level UNIT=LEVEL]… [-format xlsx|text] [-indicators] [-o OUT] [-max-bytes N] [-max-rows N] [-max-memory N] FILE…
//	kstt tally -period PERIOD [-unit NAME] [-format text|xlsx|json] [-o OUT] FILE…
//	kstt rules [-json]
//	kstt serve [-addr HOST:PORT] [-allow-remote] [-max-inflight N]
//
// A FILE is an XLSX workbook (as sent by a unit, or written by render/xlsx),
// a JSON report (kstt.Report, as bieu.DecodeReport reads it) or a text
// document with the forms pasted from Word or a PDF (tab-separated tables,
// as in the sample report). The kind is told from the content, not the name,
// except that a file named .xlsx or .xlsm is always read as a workbook (an
// empty or damaged one is reported as such, not as text without a form).
//
// Every input is read through bounds, whatever it is (a FIFO, /dev/zero):
// -max-bytes bounds the bytes read and decompressed (default 256 MiB for a
// workbook, 50 MiB for text or JSON), -max-rows the rows of a worksheet, the
// lines of text and the rows of a JSON form (default 250,000) — enough for
// a national aggregate — and the readers bound their memory besides
// (-max-memory).
// Output files (-o) are written to a temporary file renamed over the
// destination, so a failure or a kill leaves an existing file as it was.
// Control and bidirectional-formatting characters read from a file are
// printed escaped (\x1b, \u202e).
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
//
// serve opens a local web page (http://127.0.0.1:8080/ by default, on the
// loopback interface only unless -addr names another): upload the units'
// files to see their forms with the findings on the cells, the roll-up
// with its sources, indicators and charts, a comparison with an earlier
// period's files, and download the aggregate workbook, the same bytes as
// rollup writes for the same files. Nothing is written to disk. The page
// answers only its own Host names (421 otherwise, against DNS rebinding)
// and only POSTs from its own origin (403 otherwise); an -addr other
// machines reach needs -allow-remote; -max-inflight uploads (2 by default)
// are worked on at once, others get 503 with Retry-After; a client that
// goes away stops its work.
package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/examples/kstt/internal/atomicfile"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/render"
	"github.com/baocaodinhky/vpcp/render/html"
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
  kstt check [-json] [-lang vi|en] [-options FILE] [-form DECL.json]… [-max-bytes N] [-max-rows N] [-max-memory N] FILE…
        read each FILE (XLSX workbook, JSON report or pasted text), check it
        against the rules of Thông tư 01/2020/TT-VPCP and print the findings,
        one per line: severity, rule, cell, expected, actual, message.
        -form adds a form declared as data (JSON, package kstt/decl), read
        before the official ones and checked by its own rules.
        Exit status: 0 no error, 1 an error finding, 2 an unreadable input.
        -max-bytes: bytes read and decompressed from an input (default 256 MiB
        for a workbook, 50 MiB for text or JSON); -max-rows: rows of a
        worksheet, lines of text, rows of a JSON form (default 250000);
        -max-memory: the readers' memory budget for what they keep (default
        40 bytes per byte of input, 16 MiB to 160 MiB).
  kstt render -format text|xlsx|html [-o OUT] [-form DECL.json]… [-max-bytes N] [-max-rows N] [-max-memory N] FILE
        print the forms of FILE as text tables, or write them as an XLSX
        workbook (-o is required for xlsx; "-o -" writes to standard output)
        or an HTML page (A4 landscape when printed).
  kstt rollup [-unit NAME] [-recipient NAME] [-level UNIT=LEVEL]… [-format xlsx|text]
              [-indicators] [-json] [-lang vi|en] [-options FILE] [-max-bytes N] [-max-rows N] -o OUT.xlsx FILE…
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
        twice, an unknown level) — nothing is written then. -indicators adds
        the published rates (bieu/indicator) after the forms: the
        aggregate's row by row, and the units ranked by each, with charts.
` + tallyUsage + `  kstt serve [-addr HOST:PORT] [-allow-remote] [-max-inflight N]
        a local web page (default http://127.0.0.1:8080/, loopback only):
        upload units' files (XLSX, JSON, pasted text) to see their forms
        with the findings on the cells, the roll-up with its sources,
        indicators and charts, a comparison with an earlier period, and
        download the aggregate as kstt rollup writes it. It answers only
        its own Host names and POSTs from its own page; -allow-remote for
        an -addr other machines reach; -max-inflight N uploads at once
        (default 2), others get 503 and Retry-After.
  kstt rules [-json]
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
	case "serve":
		return runServe(args[1:], stdout, stderr)
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

// maxInput bounds the size of one file uploaded to kstt serve: 50 MiB, the
// text and JSON readers' default (a workbook that size holds far more than
// a national aggregate).
const maxInput = text.DefaultPasteMaxBytes

// limits bound what the tool reads of one input (-max-bytes, -max-rows); a
// zero field takes each reader's default.
type limits struct {
	maxBytes int64 // bytes read from the input, and decompressed from a workbook
	maxRows  int   // rows of a worksheet, lines of pasted text, rows of a JSON form
	maxMem   int64 // the readers' memory budget for the grid of a workbook or text
}

// limitFlags defines -max-bytes and -max-rows.
func limitFlags(fs *flag.FlagSet) *limits {
	l := &limits{}
	fs.Int64Var(&l.maxBytes, "max-bytes", 0, fmt.Sprintf("bytes read from an input and decompressed from a workbook (0: %d MiB for a workbook, %d MiB for text or JSON)", xlsx.DefaultMaxBytes>>20, text.DefaultPasteMaxBytes>>20))
	fs.IntVar(&l.maxRows, "max-rows", 0, fmt.Sprintf("rows of a worksheet, lines of text, rows of a JSON form (0: %d)", xlsx.DefaultMaxRows))
	fs.Int64Var(&l.maxMem, "max-memory", 0, fmt.Sprintf("memory budget of the grid read from a workbook or text (0: 40 bytes per byte of input, from %d to %d MiB)", xlsx.MinMemory>>20, xlsx.DefaultMaxMemory>>20))
	return l
}

// maxOptions bounds the size of an -options file.
const maxOptions = 1 << 20

// readLimited reads r to its end, failing once more than max bytes came:
// a FIFO or /dev/zero gets the size error, not an out-of-memory crash.
func readLimited(r io.Reader, max int64) ([]byte, error) {
	return readLimitedSize(r, max, -1)
}

// readLimitedSize is readLimited for an input of a known size (a regular
// file; -1 when unknown): one larger than max is refused before it is
// read, and one within it is read into a buffer of its size.
func readLimitedSize(r io.Reader, max, size int64) ([]byte, error) {
	if size > max {
		return nil, fmt.Errorf("%d bytes, more than the %d this tool reads", size, max)
	}
	var b bytes.Buffer
	if size >= 0 {
		b.Grow(int(size) + 1)
	}
	_, err := b.ReadFrom(io.LimitReader(r, max+1))
	data := b.Bytes()
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("more than the %d bytes this tool reads", max)
	}
	return data, nil
}

// input is one file read into a report, with its findings: the reader's
// and the checker's (bieu.Read), each with its cell.
type input struct {
	report   *kstt.Report
	findings kstt.Findings
}

// withRules is readOpts whose rules are the reader's overrides and
// check's together: bieu.Read applies both.
func withRules(readOpts bieu.ReadOptions, check kstt.CheckOptions) bieu.ReadOptions {
	rules := make(map[kstt.RuleID]kstt.RuleOverride, len(check.Rules)+len(readOpts.Rules.Rules))
	for id, ov := range readOpts.Rules.Rules {
		rules[id] = ov
	}
	for id, ov := range check.Rules {
		rules[id] = ov
	}
	readOpts.Rules = kstt.CheckOptions{Rules: rules}
	return readOpts
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
	fmt.Fprintf(stderr, "kstt: %s%s\n", termSafe(context), termSafe(errText(err)))
}

// optionsError prints an error of splitOptions: "kstt: options: FILE: what
// is wrong", without the library's own "check options".
func optionsError(stderr io.Writer, err error) {
	msg := errText(err)
	msg = strings.Replace(msg, ": check options: ", ": ", 1)
	msg = strings.TrimPrefix(msg, "check options: ")
	fmt.Fprintf(stderr, "kstt: options: %s\n", termSafe(msg))
}

// load reads a file of any kind into a report with bieu.Read, which tells
// the kind from the content (a zip or OLE workbook, a JSON object, text)
// and checks it.
func load(path string, readOpts bieu.ReadOptions) (*input, error) {
	return loadWith(path, readOpts, limits{})
}

// loadWith is load within the bounds lim (-max-bytes, -max-rows,
// -max-memory).
func loadWith(path string, readOpts bieu.ReadOptions, lim limits) (*input, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Mode().IsRegular() {
		return loadFrom(filepath.Base(path), f, st.Size(), readOpts, lim)
	}
	// A FIFO or /dev/zero: copied to a temporary file within the bound
	// first, so that memory stays flat whatever comes.
	spool, err := os.CreateTemp("", "kstt-input-*")
	if err != nil {
		return nil, err
	}
	defer os.Remove(spool.Name())
	defer spool.Close()
	max := cmp.Or(lim.maxBytes, xlsx.DefaultMaxBytes)
	n, err := io.Copy(spool, io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if n > max {
		return nil, fmt.Errorf("more than the %d bytes this tool reads", max)
	}
	return loadFrom(filepath.Base(path), spool, n, readOpts, lim)
}

// loadFrom reads one input of size bytes into a report with bieu.Read,
// within lim.
func loadFrom(name string, at io.ReaderAt, size int64, readOpts bieu.ReadOptions, lim limits) (*input, error) {
	readOpts.Name = name
	readOpts.MaxBytes, readOpts.MaxRows, readOpts.MaxMemory = lim.maxBytes, lim.maxRows, lim.maxMem
	rep, found, err := bieu.Read(at, size, readOpts)
	if err != nil {
		return nil, err
	}
	return &input{report: rep, findings: found}, nil
}

// splitOptions reads a JSON options file ({"rules": {"II.07b/R06": {"off":
// true}}}) and splits it into the checker's and the reader's rules.
func splitOptions(path string, extra ...kstt.Rule) (kstt.CheckOptions, bieu.ReadOptions, error) {
	var check kstt.CheckOptions
	var read bieu.ReadOptions
	if path == "" {
		return check, read, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return check, read, err
	}
	defer f.Close()
	data, err := readLimited(f, maxOptions)
	if err != nil {
		return check, read, fmt.Errorf("%s: %w", path, err)
	}
	opts, err := kstt.ParseCheckOptions(data, append(allRules(), extra...))
	if err != nil {
		return check, read, fmt.Errorf("%s: %w", path, err)
	}
	check.Rules = map[kstt.RuleID]kstt.RuleOverride{}
	read.Rules.Rules = map[kstt.RuleID]kstt.RuleOverride{}
	for id, ov := range opts.Rules {
		if strings.HasPrefix(string(id), "READ/") {
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
	var forms formFlag
	fs.Var(&forms, "form", "JSON declaration of a form to read and check besides the official ones (repeatable)")
	lim := limitFlags(fs)
	if !parseFiles(fs, args, lang) {
		return exitUnreadable
	}
	eds, extra, err := declared(forms)
	if err != nil {
		errorf(stderr, "-form ", err)
		return exitUnreadable
	}
	checkOpts, readOpts, err := splitOptions(*optsPath, extra...)
	if err != nil {
		optionsError(stderr, err)
		return exitUnreadable
	}
	readOpts.Editions = eds
	status := exitOK
	all := []fileFinding{}
	for _, path := range fs.Args() {
		in, err := loadWith(path, withRules(readOpts, checkOpts), *lim)
		if err != nil {
			errorf(stderr, path+": ", err)
			status = exitUnreadable
			continue
		}
		found := in.findings
		if found.HasErrors() && status == exitOK {
			status = exitFindings
		}
		for _, f := range found {
			all = append(all, fileFinding{File: path, Finding: f})
		}
		if !*asJSON {
			prefix := ""
			if fs.NArg() > 1 {
				prefix = termSafe(path) + "\t"
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
	fields := []string{sev, string(f.Rule), dash(where), dash(f.Expected), dash(f.Actual), msg}
	for i := range fields {
		fields[i] = termSafe(fields[i])
	}
	return strings.Join(fields, "\t")
}

// termSafe escapes what a terminal would obey rather than print: control
// characters (ESC starting a colour or title sequence, a tab or line break
// inside a field, C1 controls) and the bidirectional formatting
// characters that reorder what follows (U+202E …), as \x1b or \u202e.
// Text read from a file reaches the terminal only through it.
func termSafe(s string) string {
	clean := true
	for _, r := range s {
		if unsafeRune(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case !unsafeRune(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

func summary(path string, fs kstt.Findings, lang string) string {
	path = termSafe(path)
	if lang == "en" {
		return fmt.Sprintf("%s: %d error(s), %d warning(s), %d info", path, fs.Count(kstt.Error), fs.Count(kstt.Warning), fs.Count(kstt.Info))
	}
	return fmt.Sprintf("%s: %d lỗi, %d cảnh báo, %d thông tin", path, fs.Count(kstt.Error), fs.Count(kstt.Warning), fs.Count(kstt.Info))
}

// renderer returns the renderer of format: text, xlsx or html.
func renderer(format string) (render.Renderer, error) {
	reg := render.NewRegistry()
	for _, r := range []render.Renderer{text.New(text.DefaultOptions()), xlsx.New(xlsx.Options{}), html.New(html.Options{})} {
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
func renderTo(r render.Renderer, out string, stdout io.Writer, sheets []*layout.Sheet) error {
	if out == "" || out == "-" {
		return r.Render(stdout, sheets...)
	}
	// Written to a temporary file renamed over out: a failed render or a
	// kill mid-write leaves an existing out as it was.
	return atomicfile.WriteFile(out, 0o644, func(w io.Writer) error { return r.Render(w, sheets...) })
}

func runRender(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("render", stderr)
	format := fs.String("format", "text", "output format: text, xlsx or html")
	out := fs.String("o", "", `output file ("-": standard output)`)
	var forms formFlag
	fs.Var(&forms, "form", "JSON declaration of a form to read besides the official ones (repeatable)")
	lim := limitFlags(fs)
	if err := fs.Parse(args); err != nil {
		return exitUnreadable
	}
	if refuseClobber(stderr, *out, stdout, fs.Args(), forms...) {
		return exitUnreadable
	}
	eds, _, err := declared(forms)
	if err != nil {
		errorf(stderr, "-form ", err)
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
	in, err := loadWith(fs.Arg(0), bieu.ReadOptions{Editions: eds}, *lim)
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
