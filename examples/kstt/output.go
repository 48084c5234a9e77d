package main

import (
	"fmt"
	"io"
	"os"
	"slices"
)

// sameFileError is the refusal of a command whose output is one of its
// inputs: written, the output would replace the input (a case list by
// the forms counted from it, a unit's report by the aggregate).
type sameFileError struct {
	out, in string // out is "" for standard output
}

func (e *sameFileError) Error() string {
	out := "-o " + e.out
	if e.out == "" {
		out = "standard output"
	}
	return fmt.Sprintf("%s is the input %s (the same file): refusing to write over an input; nothing read, nothing written", out, e.in)
}

// outputClobbers tells whether the output of a command — the file out
// (-o), or stdout when out is "" or "-" — is the same file as one of
// inputs (the FILE arguments and the files of -form, -options, -policy),
// by os.SameFile: a symbolic or hard link to an input counts. Only a
// regular file is compared: a terminal, pipe or device is not replaced. An
// input that cannot be stat-ed is left for the reader to report. It reads
// nothing, so a command calls it before it reads any input.
func outputClobbers(out string, stdout io.Writer, inputs ...string) error {
	var ost os.FileInfo
	if out == "" || out == "-" {
		f, ok := stdout.(*os.File)
		if !ok {
			return nil
		}
		st, err := f.Stat()
		if err != nil {
			return nil
		}
		ost, out = st, ""
	} else {
		st, err := os.Stat(out)
		if err != nil {
			return nil // not there yet: no input is it
		}
		ost = st
	}
	if !ost.Mode().IsRegular() {
		return nil
	}
	for _, in := range inputs {
		if in == "" {
			continue
		}
		if st, err := os.Stat(in); err == nil && os.SameFile(ost, st) {
			return &sameFileError{out: out, in: in}
		}
	}
	return nil
}

// refuseClobber prints outputClobbers' refusal, if any, for the inputs
// files (the FILE arguments) and extra (the files of -form, -options,
// -policy), and reports whether there was one (the command then exits
// with status 2).
func refuseClobber(stderr io.Writer, out string, stdout io.Writer, files []string, extra ...string) bool {
	err := outputClobbers(out, stdout, slices.Concat(files, extra)...)
	if err == nil {
		return false
	}
	errorf(stderr, "", err)
	return true
}
