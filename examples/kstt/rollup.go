package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
	"golang.org/x/text/unicode/norm"
)

// unitKey is how -level matches a unit name: NFC, spaces folded, lower
// case.
func unitKey(name string) string {
	return strings.ToLower(strings.Join(strings.Fields(norm.NFC.String(name)), " "))
}

// levelFlag is -level "Tên đơn vị=cấp tỉnh", repeatable.
type levelFlag map[string]bieu.UnitLevel

func (l levelFlag) String() string { return "" }

func (l levelFlag) Set(v string) error {
	name, lvl, ok := strings.Cut(v, "=")
	if !ok || strings.TrimSpace(name) == "" {
		return fmt.Errorf(`want "Tên đơn vị=cấp tỉnh|cấp huyện|cấp xã", got %q`, v)
	}
	var level bieu.UnitLevel
	if err := level.UnmarshalText([]byte(strings.TrimSpace(lvl))); err != nil || level == bieu.LevelUnknown {
		return fmt.Errorf("unknown level %q: want cấp tỉnh, cấp huyện or cấp xã (province, district, commune)", lvl)
	}
	l[unitKey(name)] = level
	return nil
}

// level is RollupOptions.Level: the -level given for the unit, or what its
// name tells.
func (l levelFlag) level(unit string) bieu.UnitLevel {
	if lvl, ok := l[unitKey(unit)]; ok {
		return lvl
	}
	return bieu.GuessLevel(unit)
}

func runRollup(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("rollup", stderr)
	unit := fs.String("unit", "", "the unit rolling up (default: the units' Đơn vị nhận báo cáo)")
	recipient := fs.String("recipient", "", "the aggregate's Đơn vị nhận báo cáo")
	levels := levelFlag{}
	fs.Var(levels, "level", `a unit's level, "Tên đơn vị=cấp tỉnh|cấp huyện|cấp xã" (repeatable)`)
	format := fs.String("format", "xlsx", "output format of the aggregate's forms: xlsx or text")
	out := fs.String("o", "", `output file ("-": standard output)`)
	withIndicators := fs.Bool("indicators", false, "add the indicator sheets after the forms: the aggregate's rates row by row, and the units ranked by each rate, with charts")
	asJSON, lang, optsPath := findingFlags(fs)
	lim := limitFlags(fs)
	if !parseFiles(fs, args, lang) {
		return exitUnreadable
	}
	if refuseClobber(stderr, *out, stdout, fs.Args(), *optsPath) {
		return exitUnreadable
	}
	r, err := renderer(*format)
	if err != nil {
		errorf(stderr, "", err)
		return exitUnreadable
	}
	if r.Format() == "xlsx" && *out == "" {
		fmt.Fprintln(stderr, `kstt: rollup needs -o OUT.xlsx ("-o -" for standard output, or -format text)`)
		return exitUnreadable
	}
	checkOpts, readOpts, err := splitOptions(*optsPath)
	if err != nil {
		optionsError(stderr, err)
		return exitUnreadable
	}

	// Every unit must be read: an aggregate missing one would be wrong.
	paths := fs.Args()
	inputs := make([]*input, len(paths))
	reports := make([]*kstt.Report, len(paths))
	unreadable := false
	for i, path := range paths {
		in, err := loadWith(path, withRules(readOpts, checkOpts), *lim)
		if err != nil {
			errorf(stderr, path+": ", err)
			unreadable = true
			continue
		}
		inputs[i], reports[i] = in, in.report
	}
	if unreadable {
		fmt.Fprintln(stderr, "kstt: rollup: nothing written")
		return exitUnreadable
	}
	agg, err := bieu.Rollup(reports, bieu.RollupOptions{Unit: *unit, Recipient: *recipient, Level: levels.level})
	if err != nil {
		var re *bieu.RollupError
		if errors.As(err, &re) {
			for _, u := range re.Units {
				errorf(stderr, paths[u.Index]+": ", u)
			}
		} else {
			errorf(stderr, "", err)
		}
		fmt.Fprintln(stderr, "kstt: rollup: nothing written")
		return exitUnreadable
	}

	// The findings: each unit's own as check reads them (with the cells of
	// its file and the reader's findings), tagged with the unit, then the
	// aggregate's.
	var all []fileFinding
	var summaries []string
	for i, in := range inputs {
		found := in.findings
		for _, f := range found {
			f.Unit = agg.Units[i].Name
			all = append(all, fileFinding{File: paths[i], Finding: f})
		}
		summaries = append(summaries, summary(paths[i]+" ("+agg.Units[i].Name+")", found, *lang))
	}
	checked, err := agg.Check(checkOpts)
	if err != nil {
		errorf(stderr, "", err)
		return exitUnreadable
	}
	var aggFound kstt.Findings
	for _, f := range checked {
		if f.Unit == "" { // the units' own are above, with their cells
			aggFound = append(aggFound, f)
		}
	}
	aggName := aggregateName(agg, *lang)
	outName := *out
	if outName == "-" {
		outName = ""
	}
	for _, f := range aggFound {
		all = append(all, fileFinding{File: outName, Finding: f})
	}
	summaries = append(summaries, summary(aggName, aggFound, *lang))

	sheets := agg.Report().Sheets()
	if len(sheets) == 0 {
		fmt.Fprintln(stderr, "kstt: rollup: no unit files a form to roll up (II.06a, II.07b, II.08)")
		return exitUnreadable
	}
	if *withIndicators {
		rows, rankings := indicatorSheets(agg, reports)
		if rows != nil {
			sheets = append(sheets, rows)
		}
		sheets = append(sheets, rankings...)
	}
	if err := renderTo(r, *out, stdout, sheets); err != nil {
		errorf(stderr, "rollup: ", err)
		return exitUnreadable
	}

	// The forms on standard output push the findings to standard error.
	fout := stdout
	if *out == "" || *out == "-" {
		fout = stderr
	}
	if *asJSON {
		if all == nil {
			all = []fileFinding{}
		}
		enc := json.NewEncoder(fout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(all); err != nil {
			errorf(stderr, "", err)
			return exitUnreadable
		}
	} else {
		for _, f := range all {
			tag := f.Unit
			if tag == "" {
				tag = aggName
			}
			fmt.Fprintln(fout, termSafe(tag)+"\t"+line(f.Finding, *lang))
		}
	}
	for _, s := range summaries {
		fmt.Fprintln(stderr, termSafe(s))
	}
	for _, f := range all {
		if f.Severity == kstt.Error {
			return exitFindings
		}
	}
	return exitOK
}

// aggregateName tags the aggregate's own findings: "UBND tỉnh (tổng hợp)".
func aggregateName(agg *bieu.Aggregate, lang string) string {
	if lang == "en" {
		return agg.Header.Unit + " (aggregate)"
	}
	return agg.Header.Unit + " (tổng hợp)"
}

var _ flag.Value = levelFlag{}
