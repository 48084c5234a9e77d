package tally

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/period"
	jsonv2 "github.com/go-json-experiment/json"
	"github.com/google/go-cmp/cmp"
)

const (
	shippedCSV    = "../../examples/kstt/testdata/ho-so-cam-xuyen.csv"
	shippedPortal = "../../examples/kstt/testdata/ho-so-cam-xuyen.portal.jsonl"
)

// tallyForms tallies seq for Quý III năm 2024 and returns the report's
// JSON (forms and section I.6) and the findings' rules and codes.
func tallyForms(t *testing.T, seq func(yield func(Record, error) bool)) (any, []string) {
	t.Helper()
	q, _ := period.Parse("Quý III năm 2024")
	tl, err := New(q, Policy{})
	if err != nil {
		t.Fatal(err)
	}
	if err := tl.AddSeq2(seq); err != nil {
		t.Fatal(err)
	}
	res, err := tl.Result(kstt.Header{Unit: "UBND huyện Cẩm Xuyên", Recipient: "UBND tỉnh Hà Tĩnh"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(res.Report())
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	var fs []string
	for _, f := range res.Findings {
		fs = append(fs, string(f.Rule)+" "+f.Record+" "+strconv.Itoa(f.Line))
	}
	return v, fs
}

// portalArray turns JSON Lines into one JSON array, an object a line.
func portalArray(lines []byte) []byte {
	s := strings.TrimRight(string(lines), "\n")
	return []byte("[\n" + strings.ReplaceAll(s, "}\n{", "},\n{") + "\n]\n")
}

// TestPortalSameForms: the shipped CSV list and the same records as the
// portal's sync records (JSON Lines and a JSON array) tally to the same
// forms and the same findings.
func TestPortalSameForms(t *testing.T) {
	csvData, err := os.ReadFile(shippedCSV)
	if err != nil {
		t.Fatal(err)
	}
	jl, err := os.ReadFile(shippedPortal)
	if err != nil {
		t.Fatal(err)
	}
	want, wantF := tallyForms(t, ReadCSV(bytes.NewReader(csvData), ReadOptions{Source: "a"}))
	for i := range wantF { // the CSV list has a header line; the portal list's array opens with "["
		f := strings.Fields(wantF[i])
		n, _ := strconv.Atoi(f[len(f)-1])
		wantF[i] = strings.Join(append(f[:len(f)-1], strconv.Itoa(n-1)), " ")
	}
	for name, seq := range map[string]func(yield func(Record, error) bool){
		"jsonl":        ReadJSONL(bytes.NewReader(jl), ReadOptions{Source: "b"}),
		"array":        ReadJSONL(bytes.NewReader(append([]byte("["), portalArray(jl)[2:]...)), ReadOptions{Source: "c"}), // "[" on the first line
		"array-direct": ReadPortal(bytes.NewReader(append([]byte("["), portalArray(jl)[2:]...)), ReadOptions{Source: "d"}),
	} {
		got, gotF := tallyForms(t, seq)
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%s: forms differ from the CSV list's (-csv +portal):\n%s", name, d)
		}
		if d := cmp.Diff(wantF, gotF); d != "" {
			t.Errorf("%s: findings differ (-csv +portal):\n%s", name, d)
		}
	}
}

const goodObj = `{"MaHoSo":"000.20.31.H12-240702-000001","TenTTHC":"Đăng ký khai sinh","TenLinhVuc":"Hộ tịch","KenhThucHien":"2","MucDo":"4","NgayTiepNhan":"20240702080000","NgayHenTra":"20240705","TrangThaiHoSo":"10","NgayKetThucXuLy":"20240703090000","NgayTra":"20240704090000","DonViXuLy":"UBND xã Cẩm Bình","TaiLieuNop":[{"x":1}]}`

func TestPortalRecord(t *testing.T) {
	var got []Record
	for r, err := range ReadPortal(strings.NewReader(goodObj+"\n"), ReadOptions{Source: "p"}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, r)
	}
	if len(got) != 1 {
		t.Fatalf("%d records", len(got))
	}
	r := got[0]
	vn := Vietnam()
	if r.Channel != Online || r.Service != Full || r.Outcome != Resolved || r.Field != "Hộ tịch" || r.Row != 1 ||
		!r.Received.Equal(time.Date(2024, 7, 2, 8, 0, 0, 0, vn)) || !r.Finished.Equal(time.Date(2024, 7, 3, 9, 0, 0, 0, vn)) ||
		!r.Due.Equal(time.Date(2024, 7, 5, 23, 59, 59, 0, vn)) {
		t.Errorf("record %+v", r)
	}
}

// TestPortalBad: every unknown code, bad date and duplicate key is a
// finding (a *RowError) with its line, or a *ReadError with its line.
func TestPortalBad(t *testing.T) {
	sub := func(old, new string) string { return strings.Replace(goodObj, old, new, 1) }
	cases := []struct {
		name, line string
		col        string
		sentinel   error
	}{
		{"channel", sub(`"KenhThucHien":"2"`, `"KenhThucHien":"7"`), "KenhThucHien", ErrUnknownValue},
		{"channel-number", sub(`"KenhThucHien":"2"`, `"KenhThucHien":0`), "KenhThucHien", ErrUnknownValue},
		{"status", sub(`"TrangThaiHoSo":"10"`, `"TrangThaiHoSo":"12"`), "TrangThaiHoSo", ErrUnknownValue},
		{"status-missing", sub(`"TrangThaiHoSo":"10",`, ``), "TrangThaiHoSo", ErrUnknownValue},
		{"not-received", sub(`"TrangThaiHoSo":"10"`, `"TrangThaiHoSo":"3"`), "TrangThaiHoSo", ErrUnknownValue},
		{"mucdo", sub(`"MucDo":"4"`, `"MucDo":"9"`), "MucDo", ErrUnknownValue},
		{"date-day", sub(`20240702080000`, `20240231080000`), "NgayTiepNhan", ErrBadDate},
		{"date-format", sub(`20240702080000`, `02/07/2024 08:00`), "NgayTiepNhan", ErrBadDate},
		{"date-hour", sub(`20240703090000`, `20240703250000`), "NgayKetThucXuLy", ErrBadDate},
		{"date-due", sub(`"20240705"`, `"2024075"`), "NgayHenTra", ErrBadDate},
		{"duplicate", sub(`"KenhThucHien":"2"`, `"KenhThucHien":"2","KenhThucHien":"1"`), "/KenhThucHien", ErrBadRow},
		{"duplicate-skipped", sub(`"TaiLieuNop"`, `"GhiChu":"a","GhiChu":"b","TaiLieuNop"`), "/GhiChu", ErrBadRow},
		{"object-value", sub(`"TenLinhVuc":"Hộ tịch"`, `"TenLinhVuc":{"a":1}`), "TenLinhVuc", ErrBadRow},
		{"no-code", sub(`"MaHoSo":"000.20.31.H12-240702-000001"`, `"MaHoSo":""`), "MaHoSo", ErrBadRow},
	}
	for _, c := range cases {
		in := goodObj + "\n\n" + c.line + "\n" + goodObj + "\n"
		var rows []int
		var rerr *RowError
		for _, err := range ReadPortal(strings.NewReader(in), ReadOptions{Source: "p"}) {
			if err != nil {
				if !errors.As(err, &rerr) {
					t.Fatalf("%s: %v", c.name, err)
				}
				continue
			}
			rows = append(rows, 0)
		}
		if rerr == nil || rerr.Row != 3 || rerr.Column != c.col || !errors.Is(rerr, c.sentinel) || len(rows) != 2 {
			t.Errorf("%s: %v (row %v), %d records; want row 3, column %q, %v", c.name, rerr, rerr, len(rows), c.col, c.sentinel)
			continue
		}
		t.Logf("%s: %s", c.name, rerr.finding())
	}
	// Fatal input: a ReadError with the line.
	for name, c := range map[string]struct {
		in   string
		line int
	}{
		"utf8":            {goodObj + "\n" + strings.Replace(goodObj, "Hộ", "H\xff", 1) + "\n", 2},
		"not-object":      {goodObj + "\n[1]\n", 2},
		"truncated":       {goodObj + "\n" + goodObj[:40] + "\n", 2},
		"array-duplicate": {"[\n" + goodObj + ",\n" + strings.Replace(goodObj, `"MucDo":"4"`, `"MucDo":"4","MucDo":"4"`, 1) + "\n]", 3},
		"array-utf8":      {"[\n" + goodObj + ",\n" + strings.Replace(goodObj, "Hộ", "H\xff", 1) + "\n]", 3},
		"array-trailing":  {"[\n" + goodObj + "\n]\n{}", 4},
		"array-number":    {"[\n" + goodObj + ",\n1]", 3},
	} {
		var re *ReadError
		n := 0
		for _, err := range ReadPortal(strings.NewReader(c.in), ReadOptions{Source: "p"}) {
			if err != nil && !errors.As(err, &re) {
				var row *RowError
				if errors.As(err, &row) {
					continue
				}
				t.Fatalf("%s: %v", name, err)
			}
			n++
		}
		if re == nil || re.Row != c.line || !errors.Is(re, ErrCorrupt) {
			t.Errorf("%s: %v, want ErrCorrupt at line %d", name, re, c.line)
			continue
		}
		t.Logf("%s: %v", name, re)
	}
}

func TestIsPortal(t *testing.T) {
	if !IsPortal([]byte("\xEF\xBB\xBF ["+goodObj)) || IsPortal([]byte(`{"code":"a","received":"1/7/2024"}`)) {
		t.Error("IsPortal")
	}
}

func FuzzReadPortal(f *testing.F) {
	f.Add([]byte(goodObj + "\n" + goodObj))
	f.Add(portalArray([]byte(goodObj + "\n" + goodObj + "\n")))
	f.Add([]byte(`[{"MaHoSo":"a","NgayTiepNhan":"20240101000000","TrangThaiHoSo":"9","MaHoSo":"b"}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		last := 0
		for r, err := range ReadPortal(bytes.NewReader(data), ReadOptions{Source: "f", MaxRowBytes: 4096}) {
			var row int
			switch e := err.(type) {
			case nil:
				row = r.Row
				if r.Code == "" {
					t.Fatal("a record without MaHoSo")
				}
			case *RowError:
				row = e.Row
			case *ReadError:
				row = e.Row
			default:
				t.Fatalf("error of type %T: %v", err, err)
			}
			if row < last || row > bytes.Count(data, []byte("\n"))+1 {
				t.Fatalf("line %d after %d", row, last)
			}
			last = row
		}
	})
}

// BenchmarkReadPortal reads the shipped portal list with ReadPortal
// against decoding the same lines into a struct of strings (the floor: no
// dates, no codes) with encoding/json and with go-json-experiment/json.
// Goal ≤ 1.5× the floor.
func BenchmarkReadPortal(b *testing.B) {
	data, err := os.ReadFile(shippedPortal)
	if err != nil {
		b.Fatal(err)
	}
	data = bytes.Repeat(data, 20)
	b.Run("ReadPortal", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			n := 0
			for _, err := range ReadPortal(bytes.NewReader(data), ReadOptions{}) {
				_ = err
				n++
			}
		}
	})
	b.Run("struct", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		type obj struct {
			MaHoSo, MaTTHC, TenTTHC, MaLinhVuc, TenLinhVuc, KenhThucHien, MucDo, ChuHoSo  string
			NgayTiepNhan, NgayHenTra, TrangThaiHoSo, NgayYeuCauBoSung, NgayTiepNhanBoSung string
			NgayKetThucXuLy, NgayTra, DuocThanhToanTrucTuyen, DonViXuLy                   string
		}
		b.Run("encoding-json", func(b *testing.B) {
			for b.Loop() {
				sc := bufio.NewScanner(bytes.NewReader(data))
				for sc.Scan() {
					var o obj
					if err := json.Unmarshal(sc.Bytes(), &o); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
		b.Run("json-v2", func(b *testing.B) {
			for b.Loop() {
				sc := bufio.NewScanner(bytes.NewReader(data))
				for sc.Scan() {
					var o obj
					if err := jsonv2.Unmarshal(sc.Bytes(), &o); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	})
}
