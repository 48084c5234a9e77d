package atomicfile

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
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

// TestWriteFileKilled: a process killed (SIGKILL) in the middle of a
// write leaves the old file byte for byte.
func TestWriteFileKilled(t *testing.T) {
	if path := os.Getenv("ATOMICFILE_HELPER"); path != "" {
		WriteFile(path, 0o644, func(w io.Writer) error {
			w.Write([]byte("partial"))
			os.WriteFile(path+".started", nil, 0o644)
			time.Sleep(time.Minute)
			return nil
		})
		return
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "out.xlsx")
	old := []byte("the old workbook")
	if err := os.WriteFile(path, old, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestWriteFileKilled$")
	cmd.Env = append(os.Environ(), "ATOMICFILE_HELPER="+path)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		if _, err := os.Stat(path + ".started"); err == nil {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("helper did not start writing")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := cmd.Process.Kill(); err != nil { // SIGKILL
		t.Fatal(err)
	}
	cmd.Wait()
	if b, _ := os.ReadFile(path); !bytes.Equal(b, old) {
		t.Errorf("after kill -9 the file holds %q, want %q", b, old)
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if e.Name() != "out.xlsx" && e.Name() != "out.xlsx.started" && !strings.HasPrefix(e.Name(), ".out.xlsx.tmp-") {
			t.Errorf("unexpected file %s", e.Name())
		}
	}
}
