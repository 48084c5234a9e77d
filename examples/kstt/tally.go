package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"iter"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/bieu/tally"
	"github.com/baocaodinhky/vpcp/bieu/tally/xlsxlist"
	"github.com/baocaodinhky/vpcp/examples/kstt/internal/atomicfile"
	"github.com/baocaodinhky/vpcp/internal/strictjson"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/period"
)

const tallyUsage = `  kstt tally -period "Quý III năm 2024" [-unit NAME] [-recipient NAME] [-level cấp tỉnh|cấp huyện|cấp xã]
             [-policy FILE] [-closing count|leave-out] [-timeliness day|timestamp] [-pauses shift|ignore]
             [-format text|xlsx|json] [-json] [-lang vi|en] [-o OUT] FILE…
        count the case records (hồ sơ) of the case lists FILE… (CSV, JSON
        Lines or an XLSX workbook, told from the name and the content; the
        header matched by its Vietnamese labels) into II.06a, II.06b and the
        files columns of II.08 for the period; print the findings on records
        (file:row, code) and on the tallied forms (-policy: a JSON policy,
        which the other flags override), and write the forms (text
        to standard output by default; -format, or -o's name, .xlsx or
        .json, chooses xlsx or the report JSON that check and render read).
        Exit status as check's.
`

// kindOf tells a case list's format: xlsx, jsonl or csv.
func kindOf(path string) (string, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		return "xlsx", nil
	case ".jsonl", ".ndjson":
		return "jsonl", nil
	}
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	head = bytes.TrimLeft(bytes.TrimPrefix(head[:n], []byte("\xEF\xBB\xBF")), " \t\r\n")
	switch {
	case bytes.HasPrefix(head, []byte("PK")), bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return "xlsx", nil
	case bytes.HasPrefix(head, []byte("{")), bytes.HasPrefix(head, []byte("[")):
		return "jsonl", nil
	}
	return "csv", nil
}

// caseList streams the records of one file.
func caseList(path string, procs map[string]tally.ProcedureInfo) iter.Seq2[tally.Record, error] {
	return func(yield func(tally.Record, error) bool) {
		kind, err := kindOf(path)
		if err != nil {
			yield(tally.Record{}, err)
			return
		}
		opts := tally.ReadOptions{Source: filepath.Base(path), Procedures: procs}
		if kind == "xlsx" {
			for r, err := range xlsxlist.ReadFile(path, xlsxlist.Options{ReadOptions: opts}) {
				if !yield(r, err) {
					return
				}
			}
			return
		}
		f, err := os.Open(path)
		if err != nil {
			yield(tally.Record{}, err)
			return
		}
		defer f.Close()
		seq := tally.ReadCSV(bufio.NewReaderSize(f, 1<<20), opts)
		if kind == "jsonl" {
			seq = tally.ReadJSONL(bufio.NewReaderSize(f, 1<<20), opts)
		}
		for r, err := range seq {
			if !yield(r, err) {
				return
			}
		}
	}
}

func runTally(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("tally", stderr)
	per := fs.String("period", "", `the reporting period, e.g. "Quý III năm 2024"`)
	unit := fs.String("unit", "", "the reporting unit (Đơn vị báo cáo)")
	recipient := fs.String("recipient", "", "the recipient (Đơn vị nhận báo cáo)")
	level := fs.String("level", "", "level of records that state none: cấp tỉnh, cấp huyện or cấp xã (default: told by the unit)")
	policyPath := fs.String("policy", "", `JSON file with the counting policy, e.g. {"closing": "leave-out", "actions": {"TALLY/R02": "skip"}}`)
	closing := fs.String("closing", "count", "returned, withdrawn, stopped files: count (as on time) or leave-out")
	timeliness := fs.String("timeliness", "day", "trước/đúng/quá hạn by calendar day or by timestamp")
	pauses := fs.String("pauses", "shift", "supplement pauses: shift the due date, or ignore them")
	format := fs.String("format", "", "output format of the forms: text, xlsx or json (default: told by -o's name, else text)")
	out := fs.String("o", "", `output file ("-": standard output)`)
	asJSON := fs.Bool("json", false, "print the findings as a JSON array")
	lang := fs.String("lang", "vi", "language of severities and messages: vi or en")
	procPath := fs.String("procedures", "", `JSON file giving each procedure's lĩnh vực and level, for lists without them (Mẫu 07): {"Đăng ký khai sinh": {"field": "Hộ tịch", "level": "cấp xã"}}`)
	if !parseFiles(fs, args, lang) {
		return exitUnreadable
	}
	if refuseClobber(stderr, *out, stdout, fs.Args(), *policyPath, *procPath) {
		return exitUnreadable
	}
	var procs map[string]tally.ProcedureInfo
	if *procPath != "" {
		data, err := readFileLimited(*procPath, maxOptions) // not /dev/zero whole
		if err == nil {
			data, err = strictjson.Check(data) // no duplicate or case-twin procedure codes
		}
		if err == nil {
			dec := json.NewDecoder(bytes.NewReader(data))
			dec.DisallowUnknownFields()
			err = dec.Decode(&procs)
			if _, terr := dec.Token(); err == nil && terr != io.EOF {
				err = fmt.Errorf("data after the JSON value (byte %d)", dec.InputOffset())
			}
		}
		if err != nil {
			errorf(stderr, "-procedures "+*procPath+": ", err)
			return exitUnreadable
		}
	}
	p, err := period.Parse(*per)
	if err != nil {
		errorf(stderr, "-period: ", err)
		return exitUnreadable
	}
	pol := tally.Policy{}
	if *policyPath != "" {
		data, err := readFileLimited(*policyPath, maxOptions) // not /dev/zero whole
		if err == nil {
			pol, err = tally.ParsePolicy(data)
		}
		if err != nil {
			errorf(stderr, "-policy "+*policyPath+": ", err)
			return exitUnreadable
		}
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	switch *closing {
	case "count":
		if set["closing"] {
			pol.Closing = tally.CountOnTime
		}
	case "leave-out":
		pol.Closing = tally.LeaveOut
	default:
		fmt.Fprintf(stderr, "kstt: -closing %q: want count or leave-out\n", *closing)
		return exitUnreadable
	}
	switch *timeliness {
	case "day":
		if set["timeliness"] {
			pol.Timeliness = tally.ByDay
		}
	case "timestamp":
		pol.Timeliness = tally.ByTimestamp
	default:
		fmt.Fprintf(stderr, "kstt: -timeliness %q: want day or timestamp\n", *timeliness)
		return exitUnreadable
	}
	switch *pauses {
	case "shift":
		if set["pauses"] {
			pol.Pauses = tally.ShiftDue
		}
	case "ignore":
		pol.Pauses = tally.IgnorePauses
	default:
		fmt.Fprintf(stderr, "kstt: -pauses %q: want shift or ignore\n", *pauses)
		return exitUnreadable
	}
	if *level != "" {
		if err := pol.Level.UnmarshalText([]byte(*level)); err != nil {
			errorf(stderr, "-level: ", err)
			return exitUnreadable
		}
	} else if pol.Level == bieu.LevelUnknown {
		pol.Level = bieu.GuessLevel(*unit)
	}
	if *format == "" {
		switch strings.ToLower(filepath.Ext(*out)) {
		case ".xlsx":
			*format = "xlsx"
		case ".json":
			*format = "json"
		default:
			*format = "text"
		}
	}
	if *format != "text" && *format != "xlsx" && *format != "json" {
		fmt.Fprintf(stderr, "kstt: -format %q: want text, xlsx or json\n", *format)
		return exitUnreadable
	}
	if *format == "xlsx" && *out == "" {
		fmt.Fprintln(stderr, `kstt: -format xlsx needs -o FILE (or "-o -" for standard output)`)
		return exitUnreadable
	}
	t, err := tally.New(p, pol)
	if err != nil {
		errorf(stderr, "", err)
		return exitUnreadable
	}
	for _, path := range fs.Args() {
		if err := t.AddSeq2(caseList(path, procs)); err != nil {
			errorf(stderr, path+": ", err)
			fmt.Fprintln(stderr, "kstt: tally: nothing written")
			return exitUnreadable
		}
	}
	res, err := t.Result(kstt.Header{Unit: *unit, Recipient: *recipient})
	if err != nil {
		errorf(stderr, "", err)
		return exitUnreadable
	}
	rep := res.Report()
	checked, err := bieu.Check(rep, kstt.CheckOptions{})
	if err != nil {
		errorf(stderr, "", err)
		return exitUnreadable
	}

	// The forms on standard output push the findings to standard error.
	fout := stdout
	toStdout := *out == "" || *out == "-"
	if toStdout {
		fout = stderr
	}
	if err := writeTallied(rep, *format, *out, stdout); err != nil {
		errorf(stderr, "tally: ", err)
		return exitUnreadable
	}
	status := exitOK
	if *asJSON {
		type item struct {
			Record *recordJSON   `json:"record,omitempty"`
			Form   *kstt.Finding `json:"form,omitempty"`
		}
		items := []item{}
		for _, f := range res.Findings {
			items = append(items, item{Record: recordOf(f)})
		}
		for i := range checked {
			items = append(items, item{Form: &checked[i]})
		}
		enc := json.NewEncoder(fout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(items); err != nil {
			errorf(stderr, "", err)
			return exitUnreadable
		}
	} else {
		for _, f := range res.Findings {
			fmt.Fprintln(fout, recordLine(f, *lang))
		}
		for _, f := range checked {
			fmt.Fprintln(fout, line(f, *lang))
		}
	}
	nErr, nWarn := 0, 0
	for _, f := range res.Findings {
		switch f.Severity {
		case kstt.Error:
			nErr++
		case kstt.Warning:
			nWarn++
		}
	}
	nErr += checked.Count(kstt.Error)
	nWarn += checked.Count(kstt.Warning)
	if nErr > 0 {
		status = exitFindings
	}
	s := res.Stats
	if *lang == "en" {
		fmt.Fprintf(stderr, "%s: %d records: %d counted, %d outside the period, %d skipped, %d rows rejected; %d error(s), %d warning(s)\n",
			p.English(), s.Records, s.Counted, s.Outside, s.Skipped, s.Rejected, nErr, nWarn)
	} else {
		fmt.Fprintf(stderr, "%s: %d hồ sơ: %d được đếm, %d ngoài kỳ, %d bỏ qua, %d dòng không đọc được; %d lỗi, %d cảnh báo\n",
			p, s.Records, s.Counted, s.Outside, s.Skipped, s.Rejected, nErr, nWarn)
	}
	for _, r := range slices.Sorted(maps.Keys(res.Suppressed)) {
		fmt.Fprintf(stderr, "kstt: %d more findings %s not printed\n", res.Suppressed[r], r)
	}
	return status
}

// recordJSON is how -json writes a finding on a record (a kstt.Finding
// of the tally): its file row as "row" and the record's code as "code".
type recordJSON struct {
	Rule      kstt.RuleID   `json:"rule"` // TALLY/R01 …
	Severity  kstt.Severity `json:"severity"`
	Action    string        `json:"action,omitempty"` // what was done with the record
	Code      string        `json:"code,omitempty"`   // Mã hồ sơ
	Source    string        `json:"source,omitempty"` // the file
	Row       int           `json:"row,omitempty"`    // the row of the file, 1-based
	Column    string        `json:"column,omitempty"` // the column of the file a rejected value sits in
	Policy    string        `json:"policy,omitempty"` // the policy a finding is about (TALLY/P…)
	Expected  string        `json:"expected,omitempty"`
	Actual    string        `json:"actual,omitempty"`
	Message   string        `json:"message"`    // Vietnamese
	MessageEN string        `json:"message_en"` // English
}

func recordOf(f kstt.Finding) *recordJSON {
	return &recordJSON{Rule: f.Rule, Severity: f.Severity, Action: f.Action, Code: f.Record, Source: f.Source, Row: f.Line,
		Column: f.SourceColumn, Policy: f.Policy, Expected: f.Expected, Actual: f.Actual, Message: f.Message, MessageEN: f.MessageEN}
}

// recordLine writes a finding on a record like check's lines: severity,
// rule, where (file:row), the record's code, the value found, message.
func recordLine(f kstt.Finding, lang string) string {
	sev, msg := f.Severity.Vietnamese(), f.Message
	if lang == "en" {
		sev, msg = f.Severity.String(), f.MessageEN
	}
	where := f.Source
	if f.Line > 0 {
		where = fmt.Sprintf("%s:%d", f.Source, f.Line)
	}
	dash := func(s string) string {
		if s == "" {
			return "-"
		}
		return s
	}
	return strings.Join([]string{sev, string(f.Rule), dash(where), dash(f.Record), dash(f.Actual), msg}, "\t")
}

// writeTallied writes the report's forms as text, xlsx or the report JSON.
func writeTallied(rep *kstt.Report, format, out string, stdout io.Writer) error {
	if format == "json" {
		data, err := json.MarshalIndent(rep, "", "  ")
		if err != nil {
			return err
		}
		data = append(data, '\n')
		if out == "" || out == "-" {
			_, err = stdout.Write(data)
			return err
		}
		return atomicfile.WriteFile(out, 0o644, func(w io.Writer) error { _, err := w.Write(data); return err })
	}
	r, err := renderer(format)
	if err != nil {
		return err
	}
	return renderTo(r, out, stdout, rep.Sheets())
}
