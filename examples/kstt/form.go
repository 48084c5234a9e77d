package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/decl"
)

// formFlag collects the -form FILE flags: forms declared as data (JSON,
// package kstt/decl) to read and check besides the official ones.
type formFlag []string

func (f *formFlag) String() string { return strings.Join(*f, ",") }

func (f *formFlag) Set(s string) error { *f = append(*f, s); return nil }

// declared reads the declarations of -form and returns the editions that
// apply them — one per declaration, with its own legal basis and periods,
// holding the declared form first (so a table that fits it and an official
// form alike is read as the declared one) then the official forms — and
// their rules, for -options. No -form: nil editions (the default ones).
func declared(paths []string) (*bieu.Editions, []kstt.Rule, error) {
	if len(paths) == 0 {
		return nil, nil, nil
	}
	eds := bieu.DefaultEditions()
	var rules []kstt.Rule
	for _, path := range paths {
		data, err := readFileLimited(path, maxOptions)
		if err != nil {
			return nil, nil, err
		}
		s, err := decl.Parse(data)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", path, err)
		}
		cat, err := decl.NewCatalogue(s)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", path, err)
		}
		off := bieu.Official()
		for _, f := range off.Forms {
			if f.Code != s.Spec().Code {
				cat.Forms = append(cat.Forms, f)
				cat.New[f.Code] = off.New[f.Code]
			}
		}
		cat.Report = append(off.Report, cat.Report...)
		cat.Checks = append(off.Checks, cat.Checks...)
		ed := bieu.Edition{Edition: s.Edition(), Catalogue: cat}
		if ed.Name == "" {
			ed.Name = "biểu " + s.Spec().Code + " (" + path + ")"
		}
		if err := eds.Register(ed); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", path, err)
		}
		rules = append(rules, s.Spec().Rules...)
		rules = append(rules, s.ReportRules()...)
		for _, c := range s.Checks() {
			rules = append(rules, c.Rule)
		}
	}
	return eds, rules, nil
}

// readFileLimited reads a small input file (a declaration) through a
// bound, so that /dev/zero or a FIFO gets the size error, not all memory.
func readFileLimited(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := readLimited(f, max)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return data, nil
}
