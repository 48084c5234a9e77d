package main

import (
	"bytes"
	"crypto/sha256"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/baocaodinhky/vpcp/internal/hostile"
)

// copyFile copies testdata file src to dir/name and returns its path.
func copyFile(t *testing.T, src, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func sum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// TestOutputIsInput: every command with -o refuses, with exit status 2
// and both paths named, an -o that is one of its inputs — by the same
// name, another spelling, a symbolic or a hard link, and the files of
// -form, -options and -policy — before it reads anything: a FIFO among
// the inputs, which would block the command once opened, is never opened.
// Every input keeps its bytes.
func TestOutputIsInput(t *testing.T) {
	dir := t.TempDir()
	c := copyFile(t, "testdata/ho-so-cam-xuyen.csv", dir, "c.csv")
	r := copyFile(t, "testdata/so-tu-phap.json", dir, "r.json")
	b := copyFile(t, "testdata/so-tu-phap.json", dir, "b.json")
	decl := copyFile(t, "../../bieu/testdata/ii06a.decl.json", dir, "decl.json")
	a := filepath.Join(dir, "a.xlsx")
	if code, _, errOut := runCLI(t, "render", "-format", "xlsx", "-o", a, seedTables); code != exitOK {
		t.Fatalf("making a.xlsx: exit %d: %s", code, errOut)
	}
	opts := filepath.Join(dir, "opts.json")
	pol := filepath.Join(dir, "policy.json")
	for _, p := range []string{opts, pol} {
		if err := os.WriteFile(p, []byte("{}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := filepath.Join(dir, "link.csv")
	if err := os.Symlink("c.csv", link); err != nil {
		t.Fatal(err)
	}
	hard := filepath.Join(dir, "hard.json")
	if err := os.Link(r, hard); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	respelt := filepath.Join(dir, "sub", "..", "a.xlsx")
	var fifo string
	if runtime.GOOS == "linux" {
		fifo = filepath.Join(dir, "fifo")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	inputs := []string{c, r, b, decl, a, opts, pol}
	before := map[string][32]byte{}
	for _, p := range inputs {
		before[p] = sum(t, p)
	}
	withFIFO := func(args ...string) []string {
		if fifo == "" {
			return args
		}
		return append(args, fifo)
	}
	q2 := "Quý II năm 2024"
	// render takes one FILE: the FIFO goes in a -form, read before it.
	renderForm := []string{"render", "-format", "html", "-form", decl, "-o", decl, r}
	if fifo != "" {
		renderForm = []string{"render", "-format", "html", "-form", fifo, "-form", decl, "-o", decl, r}
	}
	for _, tc := range []struct {
		args    []string
		out, in string // the paths the refusal names
	}{
		{withFIFO("tally", "-period", q2, "-o", c, c), c, c},
		{withFIFO("tally", "-period", q2, "-o", link, c), link, c},
		{withFIFO("tally", "-period", q2, "-format", "json", "-policy", pol, "-o", pol, c), pol, pol},
		{withFIFO("rollup", "-o", a, a, b), a, a},
		{withFIFO("rollup", "-o", respelt, b, a), respelt, a},
		{withFIFO("rollup", "-format", "text", "-options", opts, "-o", opts, a, b), opts, opts},
		{[]string{"render", "-format", "xlsx", "-o", r, r}, r, r},
		{[]string{"render", "-format", "text", "-o", hard, r}, hard, r},
		{renderForm, decl, decl},
	} {
		done := make(chan struct{})
		var code int
		var out, errOut string
		go func() {
			defer close(done)
			code, out, errOut = runCLI(t, tc.args...)
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("%q: still running after 20 s: it opened the FIFO", tc.args)
		}
		if code != exitUnreadable || out != "" ||
			!strings.Contains(errOut, "-o "+tc.out+" is the input "+tc.in+" ") ||
			strings.Count(errOut, "\n") != 1 {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 2 and one line naming -o %s and the input %s",
				tc.args, code, out, errOut, tc.out, tc.in)
		}
		for _, p := range inputs {
			if sum(t, p) != before[p] {
				t.Fatalf("%q changed %s", tc.args, p)
			}
		}
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file %s left", e.Name())
		}
	}
	// An output that is no input is written, as before.
	if code, _, errOut := runCLI(t, "render", "-format", "text", "-o", filepath.Join(dir, "r.txt"), r); code != exitOK {
		t.Errorf("render to a new file: exit %d: %s", code, errOut)
	}
}

var cli struct {
	once sync.Once
	path string
	err  error
	out  []byte
}

// buildCLI builds the command once for the tests that run it as a
// process.
func buildCLI(t *testing.T) string {
	t.Helper()
	cli.once.Do(func() {
		dir, err := os.MkdirTemp("", "kstt-cli-")
		if err != nil {
			cli.err = err
			return
		}
		cli.path = filepath.Join(dir, "kstt")
		cmd := exec.Command("go", "build", "-o", cli.path, ".")
		cli.out, cli.err = cmd.CombinedOutput()
	})
	if cli.err != nil {
		t.Fatalf("go build: %v\n%s", cli.err, cli.out)
	}
	return cli.path
}

func TestMain(m *testing.M) {
	code := m.Run()
	if cli.path != "" {
		os.RemoveAll(filepath.Dir(cli.path))
	}
	os.Exit(code)
}

// TestStdoutIsInput: the forms printed to a standard output redirected
// (>>) to an input are refused as -o is.
func TestStdoutIsInput(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	bin := buildCLI(t)
	dir := t.TempDir()
	r := copyFile(t, "testdata/so-tu-phap.json", dir, "r.json")
	before := sum(t, r)
	f, err := os.OpenFile(r, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var errb bytes.Buffer
	cmd := exec.Command(bin, "render", "-format", "text", r)
	cmd.Stdout, cmd.Stderr = f, &errb
	err = cmd.Run()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitUnreadable || !strings.Contains(errb.String(), "standard output is the input "+r) {
		t.Errorf("exit %v, stderr %q; want 2 naming standard output and %s", err, errb.String(), r)
	}
	if sum(t, r) != before {
		t.Error("the input changed")
	}
}

// TestKilledWrite: a render killed (SIGKILL) at several moments — while
// it reads, as it starts writing, halfway through the workbook — leaves
// the input and the earlier output byte for byte; the next run into the
// folder removes the temporary file the killed one left, and no other
// file (names like it but not its own) is touched.
func TestKilledWrite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	if runtime.GOOS == "windows" {
		t.Skip("no SIGKILL")
	}
	bin := buildCLI(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(in, hostile.PastedRows(40_000), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.xlsx")
	old := []byte("an earlier workbook")
	if err := os.WriteFile(out, old, 0o644); err != nil {
		t.Fatal(err)
	}
	decoys := []string{".out.xlsx.tmp-12x", ".out.xlsx.tmp-1.bak", ".other.xlsx.tmp-5", "out.xlsx.tmp-5"}
	for _, d := range decoys {
		if err := os.WriteFile(filepath.Join(dir, d), []byte(d), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	inSum := sum(t, in)
	tempsOf := func() []string {
		var ts []string
		ents, _ := os.ReadDir(dir)
		for _, e := range ents {
			if isTemp(e.Name()) {
				ts = append(ts, e.Name())
			}
		}
		return ts
	}
	// wait returns once the run's temporary file holds at least n bytes
	// (n < 0: at once).
	waitTemp := func(n int64) bool {
		if n < 0 {
			return true
		}
		deadline := time.Now().Add(60 * time.Second)
		for time.Now().Before(deadline) {
			for _, name := range tempsOf() {
				if st, err := os.Stat(filepath.Join(dir, name)); err == nil && st.Size() >= n {
					return true
				}
			}
			time.Sleep(time.Millisecond)
		}
		return false
	}
	args := []string{"render", "-format", "xlsx", "-o", out, in}
	for _, m := range []struct {
		name  string
		delay time.Duration // after the start, or after the temporary file reached size
		size  int64         // -1: do not wait for the temporary file
		left  bool          // the killed run must have left a temporary file
	}{
		{"at start", 0, -1, false},
		{"reading", 100 * time.Millisecond, -1, false},
		{"temporary file created", 0, 0, true},
		{"first bytes written", 0, 1, true},
		{"halfway", 0, 256 << 10, true},
	} {
		cmd := exec.Command(bin, args...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(m.delay)
		if !waitTemp(m.size) {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("%s: the run wrote no temporary file of %d bytes", m.name, m.size)
		}
		if err := cmd.Process.Kill(); err != nil { // SIGKILL
			t.Fatal(err)
		}
		cmd.Wait()
		left := tempsOf()
		if m.left && len(left) != 1 {
			// One: its own; what the runs killed before it left, it
			// removed when it started writing.
			t.Fatalf("%s: killed, left %q, want one temporary file", m.name, left)
		}
		if sum(t, in) != inSum {
			t.Fatalf("%s: the input changed", m.name)
		}
		if b, _ := os.ReadFile(out); !bytes.Equal(b, old) {
			t.Fatalf("%s: the earlier output changed", m.name)
		}
		t.Logf("%s: killed, left %q", m.name, left)
		time.Sleep(20 * time.Millisecond) // the next run starts after the temporary file's last change
	}
	// Each killed write removed what the one before it left: one is left.
	if left := tempsOf(); len(left) != 1 {
		t.Fatalf("killed runs left %q, want the last one's temporary file", left)
	}
	var errb bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stderr = &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("the next run: %v: %s", err, errb.String())
	}
	if left := tempsOf(); len(left) != 0 {
		t.Errorf("after the next run: %q left", left)
	}
	if b, _ := os.ReadFile(out); !bytes.HasPrefix(b, []byte("PK")) {
		t.Error("the next run wrote no workbook")
	}
	if sum(t, in) != inSum {
		t.Error("the input changed")
	}
	for _, d := range decoys {
		if b, err := os.ReadFile(filepath.Join(dir, d)); err != nil || string(b) != d {
			t.Errorf("%s, not the tool's, was touched", d)
		}
	}
}

// isTemp reports whether name is a temporary file of out.xlsx.
func isTemp(name string) bool {
	digits, ok := strings.CutPrefix(name, ".out.xlsx.tmp-")
	return ok && digits != "" && strings.Trim(digits, "0123456789") == ""
}
