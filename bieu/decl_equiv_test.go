package bieu

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/decl"
	"github.com/baocaodinhky/vpcp/kstt/grid"
	"github.com/baocaodinhky/vpcp/period"
	"github.com/baocaodinhky/vpcp/render/text"
	"github.com/baocaodinhky/vpcp/render/xlsx"
)

// II.06a declared as data (testdata/ii06a.decl.json) is the typed II.06a:
// the same declaration, and on every fixture the same XLSX bytes, the
// same findings and the same JSON.

func declaredII06a(t testing.TB) (*decl.Schema, *kstt.Catalogue) {
	t.Helper()
	data, err := os.ReadFile("testdata/ii06a.decl.json")
	if err != nil {
		t.Fatal(err)
	}
	s, err := decl.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	cat := Official()
	if err := s.AddTo(cat); err != nil {
		t.Fatal(err)
	}
	return s, cat
}

// generic swaps every *II06a of r for the declared form, through JSON.
func generic(t testing.TB, s *decl.Schema, r *kstt.Report) *kstt.Report {
	t.Helper()
	out := *r
	out.Forms = nil
	for _, f := range r.Forms {
		if a, ok := f.(*II06a); ok {
			b, err := json.Marshal(a)
			if err != nil {
				t.Fatal(err)
			}
			g := s.New(kstt.Header{})
			if err := json.Unmarshal(b, g); err != nil {
				t.Fatal(err)
			}
			f = g
		}
		out.Forms = append(out.Forms, f)
	}
	return &out
}

func sameOutputs(t *testing.T, name string, typed, gen *kstt.Report, tf, gf kstt.Findings) {
	t.Helper()
	if !reflect.DeepEqual(tf, gf) {
		t.Errorf("%s: findings differ:\ntyped   %v\ngeneric %v", name, tf, gf)
	}
	tj, err1 := json.Marshal(typed)
	gj, err2 := json.Marshal(gen)
	if err1 != nil || err2 != nil || !bytes.Equal(tj, gj) {
		t.Errorf("%s: JSON differs (%v, %v):\n%s\n%s", name, err1, err2, tj, gj)
	}
	var tx, gx bytes.Buffer
	if err := xlsx.New(xlsx.Options{}).Render(&tx, typed.Sheets()...); err != nil {
		t.Fatal(err)
	}
	if err := xlsx.New(xlsx.Options{}).Render(&gx, gen.Sheets()...); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(tx.Bytes(), gx.Bytes()) {
		t.Errorf("%s: XLSX bytes differ (%d vs %d bytes)", name, tx.Len(), gx.Len())
	}
}

func TestDeclaredII06aOnEveryFixture(t *testing.T) {
	s, cat := declaredII06a(t)
	names := []kstt.RuleID{"clean"}
	for id := range ruleBreakers {
		names = append(names, id)
	}
	slices.Sort(names)
	checked := 0
	for _, name := range names {
		f := cleanFixture()
		if name != "clean" {
			ruleBreakers[name](f)
		}
		gen := generic(t, s, f.rep)
		tf, err := Official().Check(f.rep, kstt.CheckOptions{})
		if err != nil {
			t.Fatal(err)
		}
		gf, err := cat.Check(gen, kstt.CheckOptions{})
		if err != nil {
			t.Fatal(err)
		}
		sameOutputs(t, string(name), f.rep, gen, tf, gf)
		checked++
	}
	// Fill: the same inputs give the same filled form.
	a := &II06a{Rows: []II06aRow{{STT: "1", Field: "Hộ tịch", Online: 3, Direct: 2, OnTime: 4, PendingOverdue: 1}}}
	g := s.New(kstt.Header{})
	if err := g.AddRow(0, "Hộ tịch", map[string]int64{"online": 3, "direct": 2, "on_time": 4, "pending_overdue": 1}); err != nil {
		t.Fatal(err)
	}
	if err := a.Fill(); err != nil {
		t.Fatal(err)
	}
	if err := g.Fill(); err != nil {
		t.Fatal(err)
	}
	aj, _ := json.Marshal(a)
	gj, _ := json.Marshal(g)
	if !bytes.Equal(aj, gj) {
		t.Errorf("Fill differs:\n%s\n%s", aj, gj)
	}
	t.Logf("%d fixtures compared", checked)
}

// The files of the repository: pasted text, JSON, and each rendered to a
// workbook and read back.
func TestDeclaredII06aOnFiles(t *testing.T) {
	_, cat := declaredII06a(t)
	files := []string{
		"../examples/kstt/testdata/seed-tables.txt",
		"../examples/kstt/testdata/huyen-cam-xuyen.txt",
		"../examples/kstt/testdata/so-tu-phap.json",
	}
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(path)
		if filepath.Ext(path) == ".json" {
			typed, err := Official().DecodeReport(data)
			if err != nil {
				t.Fatal(err)
			}
			gen, err := cat.DecodeReport(data)
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := gen.Form("II.06a").(*decl.Form); !ok {
				t.Fatalf("%s: II.06a not decoded as the declared form", name)
			}
			tf, _ := Official().Check(typed, kstt.CheckOptions{})
			gf, _ := cat.Check(gen, kstt.CheckOptions{})
			sameOutputs(t, name, typed, gen, tf, gf)
			continue
		}
		grids, err := text.ReadPasted(bytes.NewReader(data), name)
		if err != nil {
			t.Fatal(err)
		}
		compareRead(t, name, grids, cat)
		// Rendered to XLSX and read back.
		res, err := readGrids(grids, ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var wb bytes.Buffer
		if err := xlsx.New(xlsx.Options{}).Render(&wb, res.Report().Sheets()...); err != nil {
			t.Fatal(err)
		}
		wgrids, err := xlsx.ReadWorkbook(bytes.NewReader(wb.Bytes()), int64(wb.Len()), xlsx.ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		compareRead(t, name+".xlsx", wgrids, cat)
	}
}

func compareRead(t *testing.T, name string, grids []*grid.Grid, cat *kstt.Catalogue) {
	t.Helper()
	typed, err := readGrids(grids, ReadOptions{Catalogue: Official()})
	if err != nil {
		t.Fatal(err)
	}
	gen, err := readGrids(grids, ReadOptions{Catalogue: cat})
	if err != nil {
		t.Fatal(err)
	}
	if gen.Report().Form("II.06a") == nil {
		t.Fatalf("%s: no II.06a read", name)
	}
	if _, ok := gen.Report().Form("II.06a").(*decl.Form); !ok {
		t.Fatalf("%s: II.06a not read as the declared form", name)
	}
	tf, err := typed.Check(kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	gf, err := gen.Check(kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(tf) == 0 {
		t.Logf("%s: no finding", name)
	}
	sameOutputs(t, name, typed.Report(), gen.Report(), tf, gf)
}

// The declared form's fast path (decl.Form.QuickClean) says clean only
// when the engine finds nothing: on the fixtures and on random one-cell
// changes, extremes included.
func TestDeclaredQuickCleanAgreesWithTheEngine(t *testing.T) {
	s, _ := declaredII06a(t)
	c, err := kstt.NewChecker(s.Spec(), kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	base := benchII06a(20)
	data, _ := json.Marshal(base)
	extremes := []int64{-1, 0, 1, 2, 1 << 31, 1<<31 - 1, 1 << 62, -1 << 63, 1<<63 - 1}
	clean, dirty := 0, 0
	seed := uint64(1)
	next := func(n int) int {
		seed = seed*6364136223846793005 + 1442695040888963407
		return int((seed >> 33) % uint64(n))
	}
	for trial := 0; trial < 3000; trial++ {
		g := s.New(kstt.Header{})
		if err := json.Unmarshal(data, g); err != nil {
			t.Fatal(err)
		}
		if trial > 0 {
			row := next(len(g.Parts[0].Rows) + 1)
			col := 3 + next(11)
			v := extremes[next(len(extremes))]
			if trial%2 == 0 {
				v = int64(next(200))
			}
			if row == len(g.Parts[0].Rows) {
				g.Parts[0].Total.Values[col] = v
			} else {
				g.Parts[0].Rows[row].Values[col] = v
			}
		}
		q := g.Table(0).(interface{ QuickClean() bool }).QuickClean()
		fs, _ := c.Check(declEngineOnly{g})
		if q && len(fs) > 0 {
			t.Fatalf("trial %d: QuickClean true but the engine finds %v", trial, fs)
		}
		if q {
			clean++
		} else if len(fs) > 0 {
			dirty++
		}
	}
	if clean == 0 || dirty == 0 {
		t.Fatalf("the trials do not exercise both outcomes: %d clean, %d dirty", clean, dirty)
	}
}

// II.06a and II.06b share a header; the reader tells them apart by the
// body's level rows. Declared as data, they are told apart the same way,
// and II.06b declared gives the typed II.06b's findings and bytes.
func TestDeclaredII06bSettlesByLevels(t *testing.T) {
	cat := Official()
	for _, name := range []string{"ii06a", "ii06b"} {
		s, err := decl.Compile(officialDecl(t, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.AddTo(cat); err != nil {
			t.Fatal(err)
		}
	}
	f := cleanFixture()
	f.ab.Levels[1].Rows[0].Late = -1 // a finding to compare
	rep := &kstt.Report{Header: f.rep.Header, Forms: []kstt.Form{f.a, f.ab}}
	var wb bytes.Buffer
	if err := xlsx.New(xlsx.Options{}).Render(&wb, rep.Sheets()...); err != nil {
		t.Fatal(err)
	}
	grids, err := xlsx.ReadWorkbook(bytes.NewReader(wb.Bytes()), int64(wb.Len()), xlsx.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range grids {
		g.Name = "Sheet " + g.Name[len(g.Name)-1:] // no code in the sheet's name: tell them by the body
	}
	typed, err := readGrids(grids, ReadOptions{Catalogue: Official()})
	if err != nil {
		t.Fatal(err)
	}
	gen, err := readGrids(grids, ReadOptions{Catalogue: cat})
	if err != nil {
		t.Fatal(err)
	}
	if len(gen.Forms) != 2 || gen.Forms[1].Spec().Code != "II.06b" {
		t.Fatalf("read %d forms: %v", len(gen.Forms), gen.Where)
	}
	if _, ok := gen.Forms[1].(*decl.Form); !ok {
		t.Fatal("II.06b not read as the declared form")
	}
	tf, _ := typed.Check(kstt.CheckOptions{})
	gf, _ := gen.Check(kstt.CheckOptions{})
	if len(tf) == 0 || !reflect.DeepEqual(tf, gf) {
		t.Fatalf("findings differ:\ntyped   %v\ngeneric %v", tf, gf)
	}
	var tx, gx bytes.Buffer
	_ = xlsx.New(xlsx.Options{}).Render(&tx, typed.Report().Sheets()...)
	_ = xlsx.New(xlsx.Options{}).Render(&gx, gen.Report().Sheets()...)
	if !bytes.Equal(tx.Bytes(), gx.Bytes()) {
		t.Error("XLSX bytes differ")
	}
	// Under codes of their own, only the declarations tell the levels.
	local := &kstt.Catalogue{New: map[string]func() kstt.Form{}}
	for _, name := range []string{"ii06a", "ii06b"} {
		d := officialDecl(t, name)
		code := d.Code
		d.Code = "X" + code[2:]
		for i := range d.Rules {
			d.Rules[i].ID = d.Code + d.Rules[i].ID[len(code):]
		}
		if name == "ii06b" {
			d.Parts[0].Rows.Levels = d.Parts[0].Rows.Levels[:2]
		}
		s, err := decl.Compile(d)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.AddTo(local); err != nil {
			t.Fatal(err)
		}
	}
	res, err := readGrids(grids, ReadOptions{Catalogue: local})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Forms) != 2 || res.Forms[0].Spec().Code != "X.06a" || res.Forms[1].Spec().Code != "X.06b" {
		t.Fatalf("read %v", res.Where)
	}
}

// A declared form's printed code line names it, as "Biểu số II.07b/VPCP/KSTT"
// names the official form: with it, the declared form is read even when
// it comes after the official one of the same header.
func TestDeclaredCodeLine(t *testing.T) {
	data, err := os.ReadFile("../examples/decl/ii07b-don-vi.json")
	if err != nil {
		t.Fatal(err)
	}
	s, err := decl.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	cat := Official()
	if err := s.AddTo(cat); err != nil { // after II.07b
		t.Fatal(err)
	}
	doc, err := os.ReadFile("../examples/decl/tinh-theo-don-vi.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		doc, want string
	}{
		{string(doc), "II.07b-DV"},
		{string(doc[bytes.IndexByte(doc, '\n')+1:]), "II.07b"}, // no code line: the first form of that header
	} {
		grids, err := text.ReadPasted(strings.NewReader(c.doc), "t.txt")
		if err != nil {
			t.Fatal(err)
		}
		res, err := readGrids(grids, ReadOptions{Catalogue: cat})
		if err != nil {
			t.Fatal(err)
		}
		if got := res.Forms[0].Spec().Code; got != c.want {
			t.Errorf("read as %s, want %s", got, c.want)
		}
	}
}

// A user's edition with another II.06a (a 14th column) for the periods
// from 15/02/2026: a 2026 workbook is read and checked with it, a 2024 one
// with Thông tư 01/2020/TT-VPCP.
func TestReadSelectsTheEditionByPeriod(t *testing.T) {
	d := officialDecl(t, "ii06a")
	d.Edition = decl.Edition{Name: "Thông tư 5/2025/TT-VPCP (giả định)", ValidFrom: period.MustDate(2026, 2, 15)}
	d.Parts[0].Columns = append(d.Parts[0].Columns, decl.Column{Num: 14, Key: "returned", Label: "Trả lại", Groups: []string{"Số lượng hồ sơ đã giải quyết"}, Kind: "count"})
	d.Rules = append(d.Rules, decl.Rule{ID: "II.06a/R07", Rule: "(14) ≤ (7)"})
	s, err := decl.Compile(d)
	if err != nil {
		t.Fatal(err)
	}
	cat := Official()
	if err := s.AddTo(cat); err != nil {
		t.Fatal(err)
	}
	eds := DefaultEditions()
	if err := eds.Register(Edition{Edition: s.Edition(), Catalogue: cat}); err != nil {
		t.Fatal(err)
	}
	workbook := func(f kstt.Form) []*grid.Grid {
		var wb bytes.Buffer
		if err := xlsx.New(xlsx.Options{}).Render(&wb, kstt.Layout(f)); err != nil {
			t.Fatal(err)
		}
		grids, err := xlsx.ReadWorkbook(bytes.NewReader(wb.Bytes()), int64(wb.Len()), xlsx.ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return grids
	}
	q1 := period.Must(period.Quarter(2026, 1))
	g := s.New(kstt.Header{Unit: "Sở Tư pháp", Recipient: "UBND tỉnh", Period: q1})
	_ = g.AddRow(0, "Hộ tịch", map[string]int64{"online": 2, "on_time": 2, "returned": 3})
	_ = g.Fill()
	res, err := readGrids(workbook(g), ReadOptions{Editions: eds})
	if err != nil {
		t.Fatal(err)
	}
	ed, exact := res.Edition()
	if !exact || ed.Name != s.Edition().Name {
		t.Fatalf("2026: edition %q exact=%v", ed.Name, exact)
	}
	fs, err := res.Check(kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(declaredRule(fs, "II.06a/R07")) != 1 || len(byRule(t, fs, RuleKSTTR40)) != 0 {
		t.Fatalf("2026 findings: %v", fs)
	}
	f := cleanFixture()
	res, err = readGrids(workbook(f.a), ReadOptions{Editions: eds})
	if err != nil {
		t.Fatal(err)
	}
	if ed, exact := res.Edition(); !exact || ed.Name != Edition0120.Name {
		t.Fatalf("2024: edition %q exact=%v", ed.Name, exact)
	}
	if _, ok := res.Forms[0].(*II06a); !ok {
		t.Fatalf("2024: read as %T", res.Forms[0])
	}
}
