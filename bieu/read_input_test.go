package bieu_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/grid"
	"github.com/baocaodinhky/vpcp/render/xlsx"
)

func readBytes(t *testing.T, data []byte, name string) (*kstt.Report, kstt.Findings, error) {
	t.Helper()
	return bieu.Read(bytes.NewReader(data), int64(len(data)), bieu.ReadOptions{Name: name})
}

// Read tells every kind apart by its first bytes and reads the same report
// from each: a workbook, its JSON and its pasted text give the same forms.
func TestReadSniffsEveryKind(t *testing.T) {
	seed, err := os.ReadFile("../examples/kstt/testdata/seed-tables.txt")
	if err != nil {
		t.Fatal(err)
	}
	fromText, textFindings, err := readBytes(t, seed, "seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(fromText.Forms) != 3 || len(textFindings) == 0 || !strings.HasPrefix(textFindings[0].Cell, "seed.txt:L") {
		t.Fatalf("text: %d forms, findings %v", len(fromText.Forms), textFindings)
	}
	var book bytes.Buffer
	if err := xlsx.New(xlsx.Options{}).Render(&book, fromText.Sheets()...); err != nil {
		t.Fatal(err)
	}
	fromBook, bookFindings, err := readBytes(t, book.Bytes(), "")
	if err != nil {
		t.Fatal(err)
	}
	js, err := fromText.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	// A UTF-8 byte order mark and blanks before the object are accepted.
	fromJSON, _, err := readBytes(t, append([]byte("\xEF\xBB\xBF \n"), js...), "r.json")
	if err != nil {
		t.Fatal(err)
	}
	formsOnly := *fromText
	formsOnly.Narrative = nil // a workbook holds the forms, not the narrative
	jsForms, err := formsOnly.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	for rep, want := range map[*kstt.Report][]byte{fromBook: jsForms, fromJSON: js} {
		got, err := rep.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("the report read differs from the text's:\n%s\n%s", got, want)
		}
	}
	for _, f := range bookFindings {
		if f.Form != "" && f.Cell != "" && !strings.Contains(f.Cell, "!") {
			t.Errorf("workbook finding without a sheet cell: %v", f)
		}
	}
}

// What is no report is an error naming what it is, never a finding.
func TestReadRefusesWhatIsNoReport(t *testing.T) {
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...)
	copy(ole[300:], []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00"))
	for _, c := range []struct {
		name string
		data []byte
		want error
	}{
		{"encrypted.xlsx", ole, xlsx.ErrEncrypted},
		{"empty.xlsx", nil, xlsx.ErrNotXLSX},
		{"notes.txt", []byte("Ghi chú: chưa có biểu nào.\n"), bieu.ErrNoForm},
		{"bad.json", []byte(`{"header": {"unit": "Sở A"}, "fromz": []}`), kstt.ErrUnknownField},
	} {
		_, fs, err := readBytes(t, c.data, c.name)
		if !errors.Is(err, c.want) || fs != nil {
			t.Errorf("%s: %v, %d findings; want %v", c.name, err, len(fs), c.want)
		}
	}
	big := []byte(`{"header": {}}`)
	if _, _, err := bieu.Read(bytes.NewReader(big), int64(len(big)), bieu.ReadOptions{MaxBytes: 4}); !errors.Is(err, bieu.ErrTooLarge) {
		t.Errorf("over MaxBytes: %v, want ErrTooLarge", err)
	}
	if _, _, err := bieu.Read(bytes.NewReader(nil), -1, bieu.ReadOptions{}); err == nil {
		t.Error("negative size: no error")
	}
}

// A format a user registers is read like the built-in ones.
func TestReadRegisteredFormat(t *testing.T) {
	err := grid.RegisterFormat(grid.Format{
		Name:  "test-semicolons",
		Match: func(head []byte, name string) bool { return strings.HasSuffix(name, ".semi") },
		Read: func(r io.ReaderAt, size int64, name string, lim grid.Limits) ([]*grid.Grid, error) {
			data, err := io.ReadAll(io.NewSectionReader(r, 0, size))
			if err != nil {
				return nil, err
			}
			g := &grid.Grid{Name: name, Text: true}
			for _, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
				var row []grid.Cell
				for _, f := range strings.Split(line, ";") {
					row = append(row, grid.Cell{Text: f})
				}
				g.Rows = append(g.Rows, row)
			}
			return []*grid.Grid{g}, nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := grid.RegisterFormat(grid.Format{Name: "test-semicolons", Match: func([]byte, string) bool { return false }, Read: func(io.ReaderAt, int64, string, grid.Limits) ([]*grid.Grid, error) { return nil, nil }}); !errors.Is(err, grid.ErrFormatRegistered) {
		t.Errorf("second registration: %v", err)
	}
	seed, err := os.ReadFile("../examples/kstt/testdata/seed-tables.txt")
	if err != nil {
		t.Fatal(err)
	}
	semi := bytes.ReplaceAll(seed, []byte("\t"), []byte(";"))
	rep, fs, err := readBytes(t, semi, "bao-cao.semi")
	if err != nil {
		t.Fatal(err)
	}
	want, _, err := readBytes(t, seed, "bao-cao.txt")
	if err != nil {
		t.Fatal(err)
	}
	rep.Narrative, want.Narrative = nil, nil // its prose holds semicolons of its own
	got, _ := rep.MarshalJSON()
	wantJS, _ := want.MarshalJSON()
	if !bytes.Equal(got, wantJS) || len(fs) == 0 || !strings.HasPrefix(fs[0].Cell, "bao-cao.semi:L") {
		t.Errorf("registered format:\n%s\nwant\n%s\nfindings %v", got, wantJS, fs)
	}
}
