package atomicfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestWriteFileReplaces(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.xlsx")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, 0o644, func(w io.Writer) error { _, err := w.Write([]byte("new")); return err }); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	st, _ := os.Stat(path)
	if string(b) != "new" || st.Mode().Perm() != 0o600 {
		t.Errorf("got %q mode %v, want \"new\" with the old file's mode 0600", b, st.Mode().Perm())
	}
	fresh := filepath.Join(filepath.Dir(path), "fresh.txt")
	if err := WriteFile(fresh, 0o640, func(w io.Writer) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(fresh); st.Mode().Perm() != 0o640 {
		t.Errorf("new file mode %v, want 0640", st.Mode().Perm())
	}
}

// TestWriteFileFailure: a write that fails halfway leaves the old file
// byte for byte, and no temporary file.
func TestWriteFileFailure(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.xlsx")
	old := bytes.Repeat([]byte("old content\n"), 1000)
	if err := os.WriteFile(path, old, 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("render failed")
	err := WriteFile(path, 0o644, func(w io.Writer) error {
		w.Write([]byte("half a workbook"))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	if b, _ := os.ReadFile(path); !bytes.Equal(b, old) {
		t.Error("the old file changed")
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("%d files left in the folder, want 1", len(ents))
	}
}

// helper runs, in a child process, what ATOMICFILE_HELPER asks:
// "hang PATH" starts writing PATH and sleeps (to be killed), "write PATH"
// writes it whole.
func helper() bool {
	mode, path, ok := strings.Cut(os.Getenv("ATOMICFILE_HELPER"), " ")
	if !ok {
		return false
	}
	switch mode {
	case "hang":
		WriteFile(path, 0o644, func(w io.Writer) error {
			w.Write([]byte("partial"))
			os.WriteFile(path+".started", nil, 0o644)
			time.Sleep(time.Minute)
			return nil
		})
	case "write":
		if err := WriteFile(path, 0o644, func(w io.Writer) error { _, err := w.Write([]byte("new")); return err }); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
	}
	return true
}

// child starts this test binary running test as helper with ATOMICFILE_HELPER=mode+" "+path.
func child(t *testing.T, test, mode, path string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$")
	cmd.Env = append(os.Environ(), "ATOMICFILE_HELPER="+mode+" "+path)
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd
}

// hang starts a child that writes path and hangs, and waits until it is
// writing.
func hang(t *testing.T, test, path string) *exec.Cmd {
	t.Helper()
	os.Remove(path + ".started")
	cmd := child(t, test, "hang", path)
	deadline := time.Now().Add(20 * time.Second)
	for {
		if _, err := os.Stat(path + ".started"); err == nil {
			return cmd
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("helper did not start writing")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// temps lists the temporary files of base in dir.
func temps(t *testing.T, dir, base string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), "."+base+".tmp-") {
			out = append(out, e.Name())
		}
	}
	return out
}

// TestWriteFileKilled: a process killed (SIGKILL) in the middle of a
// write leaves the old file byte for byte, and the next process writing
// the file removes the temporary file it left.
func TestWriteFileKilled(t *testing.T) {
	if helper() {
		return
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "out.xlsx")
	old := []byte("the old workbook")
	if err := os.WriteFile(path, old, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := hang(t, "TestWriteFileKilled", path)
	if err := cmd.Process.Kill(); err != nil { // SIGKILL
		t.Fatal(err)
	}
	cmd.Wait()
	if b, _ := os.ReadFile(path); !bytes.Equal(b, old) {
		t.Errorf("after kill -9 the file holds %q, want %q", b, old)
	}
	if left := temps(t, dir, "out.xlsx"); len(left) != 1 {
		t.Fatalf("after kill -9: temporary files %q, want the one the killed write left", left)
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if e.Name() != "out.xlsx" && e.Name() != "out.xlsx.started" && !strings.HasPrefix(e.Name(), ".out.xlsx.tmp-") {
			t.Errorf("unexpected file %s", e.Name())
		}
	}
	time.Sleep(20 * time.Millisecond) // the next process starts after the temporary file's last change
	if err := child(t, "TestWriteFileKilled", "write", path).Wait(); err != nil {
		t.Fatal(err)
	}
	if left := temps(t, dir, "out.xlsx"); len(left) != 0 {
		t.Errorf("the next write left %q", left)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("the next write wrote %q", b)
	}
}

// TestWriteFileSparesLiveWriter: a write running in another process,
// older than this one, keeps its temporary file (it holds its lock), and
// both writes complete.
func TestWriteFileSparesLiveWriter(t *testing.T) {
	if helper() {
		return
	}
	if runtime.GOOS == "windows" {
		t.Skip("no flock(2)")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "out.xlsx")
	live := hang(t, "TestWriteFileSparesLiveWriter", path)
	defer func() { live.Process.Kill(); live.Wait() }()
	before := temps(t, dir, "out.xlsx")
	if len(before) != 1 {
		t.Fatalf("temporary files %q, want the live writer's", before)
	}
	time.Sleep(20 * time.Millisecond)
	if err := child(t, "TestWriteFileSparesLiveWriter", "write", path).Wait(); err != nil {
		t.Fatal(err)
	}
	if after := temps(t, dir, "out.xlsx"); !slices.Equal(after, before) {
		t.Errorf("temporary files %q after the second write, want the live writer's %q", after, before)
	}
}

// TestRemoveStale: only the exact temporary names of the file, regular
// files older than the process and not locked, are removed.
func TestRemoveStale(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.json")
	old := start.Add(-time.Hour)
	mk := func(name string, mtime time.Time) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(name), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mtime, mtime); err != nil {
			t.Fatal(err)
		}
		return p
	}
	mk(".r.json.tmp-123", old)        // stale: removed
	mk(".r.json.tmp-4294967295", old) // stale: removed
	keep := []string{
		"r.json",
		".r.json.tmp-",            // no digits
		".r.json.tmp-12a",         // not digits
		".r.json.tmp-12345678901", // 11 digits
		".r.json.tmp-1.bak",
		"r.json.tmp-5",      // no dot
		".x.r.json.tmp-5",   // another file's
		".r.jsonx.tmp-5",    // another file's
		".other.json.tmp-5", // another file's
	}
	for _, name := range keep {
		mk(name, old)
	}
	mk(".r.json.tmp-77", time.Now().Add(time.Minute)) // newer than the process
	keep = append(keep, ".r.json.tmp-77")
	target := mk("target", old)
	if err := os.Symlink(target, filepath.Join(dir, ".r.json.tmp-88")); err != nil {
		t.Fatal(err)
	}
	keep = append(keep, ".r.json.tmp-88", "target")
	if err := os.Mkdir(filepath.Join(dir, ".r.json.tmp-99"), 0o755); err != nil {
		t.Fatal(err)
	}
	keep = append(keep, ".r.json.tmp-99")
	if runtime.GOOS != "windows" {
		f, err := os.Create(filepath.Join(dir, ".r.json.tmp-66"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		lock(f) // a live writer's
		os.Chtimes(f.Name(), old, old)
		keep = append(keep, ".r.json.tmp-66")
	}
	removed := RemoveStale(path)
	slices.Sort(removed)
	if want := []string{".r.json.tmp-123", ".r.json.tmp-4294967295"}; !slices.Equal(removed, want) {
		t.Errorf("removed %q, want %q", removed, want)
	}
	ents, _ := os.ReadDir(dir)
	var left []string
	for _, e := range ents {
		left = append(left, e.Name())
	}
	slices.Sort(keep)
	if !slices.Equal(left, keep) {
		t.Errorf("left %q, want %q", left, keep)
	}
	if b, _ := os.ReadFile(target); string(b) != "target" {
		t.Error("a link's target changed")
	}
}
