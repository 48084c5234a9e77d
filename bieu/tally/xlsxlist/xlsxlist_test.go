package xlsxlist

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/baocaodinhky/vpcp/bieu/tally"
	"github.com/baocaodinhky/vpcp/internal/xlsxsheet"
)

// The case list shipped with the command-line example, written by
// examples/caselist: real date cells, shared strings, bad rows.
const shipped = "../../../examples/kstt/testdata/ho-so-cam-xuyen.xlsx"

func TestReadShipped(t *testing.T) {
	var recs []tally.Record
	var rejected []*tally.RowError
	for r, err := range ReadFile(shipped, Options{}) {
		var re *tally.RowError
		switch {
		case errors.As(err, &re):
			rejected = append(rejected, re)
		case err != nil:
			t.Fatal(err)
		default:
			recs = append(recs, r)
		}
	}
	if len(recs) != 612 || len(rejected) != 2 {
		t.Fatalf("%d records, %d rejected", len(recs), len(rejected))
	}
	if rejected[0].Row != 294 || rejected[0].Value != "Fax" || rejected[1].Row != 302 || !errors.Is(rejected[1], tally.ErrBadDate) {
		t.Errorf("rejected %v %v", rejected[0], rejected[1])
	}
	// The boundary records: 14/6 23:59 and 15/9 00:00 are real date cells.
	loc := tally.Vietnam()
	var b1, b4 bool
	for _, r := range recs {
		b1 = b1 || r.Received.Equal(time.Date(2024, 6, 14, 23, 59, 0, 0, loc))
		b4 = b4 || r.Received.Equal(time.Date(2024, 9, 15, 0, 0, 0, 0, loc))
	}
	if !b1 || !b4 {
		t.Errorf("boundary instants not read: %v %v", b1, b4)
	}
}

func TestReadErrors(t *testing.T) {
	var last error
	for _, err := range Read(bytes.NewReader([]byte("STT,Mã hồ sơ\n")), 13, Options{}) {
		last = err
	}
	if !errors.Is(last, xlsxsheet.ErrNotXLSX) {
		t.Errorf("text: %v", last)
	}
	data, _ := os.ReadFile(shipped)
	last = nil
	for _, err := range Read(bytes.NewReader(data), int64(len(data)), Options{Rows: RowsOptions{MaxRows: 100}}) {
		if err != nil {
			last = err
		}
	}
	if !errors.Is(last, xlsxsheet.ErrOverLimit) {
		t.Errorf("MaxRows: %v", last)
	}
	for _, err := range ReadFile("no-such.xlsx", Options{}) {
		if err == nil || !errors.Is(err, os.ErrNotExist) {
			t.Errorf("missing file: %v", err)
		}
	}
}

// tinyList is a minimal workbook written by hand: a header, a row with
// date cells (one of them a time) and shared strings, an inline string.
func tinyList(t testing.TB) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	put := func(name, body string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = w.Write([]byte(body))
	}
	put("_rels/.rels", `<Relationships><Relationship Id="r1" Type="x/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	put("xl/workbook.xml", `<workbook><workbookPr date1904="0"/><sheets><sheet name="DS" sheetId="1" r:id="r1"/></sheets></workbook>`)
	put("xl/_rels/workbook.xml.rels", `<Relationships><Relationship Id="r1" Type="x/worksheet" Target="worksheets/s.xml"/><Relationship Id="r2" Type="x/sharedStrings" Target="sst.xml"/><Relationship Id="r3" Type="x/styles" Target="styles.xml"/></Relationships>`)
	put("xl/styles.xml", `<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="22"/><xf numFmtId="14"/></cellXfs></styleSheet>`)
	put("xl/sst.xml", `<sst><si><t>Mã hồ sơ</t></si><si><t>Lĩnh vực</t></si><si><t>Ngày tiếp nhận</t></si><si><t>Ngày hẹn trả</t></si><si><t>Kênh</t></si><si><t>H01</t></si><si><t>Hộ tịch</t></si><si><t>Trực tuyến</t></si></sst>`)
	put("xl/worksheets/s.xml", `<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>`+
		`<row r="2"><c r="A2" t="s"><v>5</v></c><c r="B2" t="s"><v>6</v></c><c r="C2" s="1"><v>45549.999305555555</v></c><c r="D2" s="2"><v>45553</v></c><c r="E2" t="s"><v>7</v></c></row>`+
		`<row r="4"><c r="A4" t="inlineStr"><is><t>H02</t></is></c><c r="B4" t="s"><v>6</v></c><c r="C4" t="str"><v>15/09/2024 00:00</v></c><c r="D4"><v>45553</v></c><c r="E4" t="s"><v>7</v></c></row></sheetData></worksheet>`)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestReadTiny(t *testing.T) {
	data := tinyList(t)
	var recs []tally.Record
	for r, err := range Read(bytes.NewReader(data), int64(len(data)), Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, r)
	}
	loc := tally.Vietnam()
	if len(recs) != 2 || !recs[0].Received.Equal(time.Date(2024, 9, 14, 23, 59, 0, 0, loc)) || recs[1].Row != 4 ||
		!recs[1].Received.Equal(time.Date(2024, 9, 15, 0, 0, 0, 0, loc)) || recs[0].Channel != tally.Online {
		t.Errorf("%+v", recs)
	}
}

// FuzzRead: no bytes make Read panic or loop; every error is typed.
// Seeds: a small valid case list (tinyList) and its first half.
//
// Run it (it made ≥ 500 execs/s on the 2-core development machine):
//
//	go test -run '^$' -fuzz '^FuzzRead$' -fuzztime 30s -fuzzminimizetime=0 ./bieu/tally/xlsxlist
//
// -fuzzminimizetime=0 matters: the default minimises each new input for
// up to 60 s, which took the whole window (3–80 execs in 45 s).
// .ci/fuzz-smoke runs every Fuzz target of the module 10 s this way.
func FuzzRead(f *testing.F) {
	data := tinyList(f)
	f.Add(data)
	f.Add(data[:len(data)/2])
	f.Fuzz(func(t *testing.T, data []byte) {
		n := 0
		for _, err := range Read(bytes.NewReader(data), int64(len(data)), Options{Rows: RowsOptions{MaxBytes: 4 << 20, MaxRows: 5000}}) {
			n++
			if n > 10000 {
				t.Fatal("no end")
			}
			if err == nil {
				continue
			}
			var xe *xlsxsheet.ReadError
			var te *tally.ReadError
			var re *tally.RowError
			if !errors.As(err, &xe) && !errors.As(err, &te) && !errors.As(err, &re) {
				t.Fatalf("untyped error %T: %v", err, err)
			}
		}
	})
}
