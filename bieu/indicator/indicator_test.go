package indicator_test

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/bieu/indicator"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/period"
	"github.com/baocaodinhky/vpcp/render/std"
	_ "github.com/baocaodinhky/vpcp/render/text"
)

const testdata = "../../examples/kstt/testdata"

// load reads a fixture of examples/kstt: a JSON report or pasted text.
func load(t testing.TB, name string) *kstt.Report {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(testdata, name))
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(name, ".json") {
		r, err := bieu.DecodeReport(data)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	rep, _, err := bieu.Read(strings.NewReader(string(data)), int64(len(data)), bieu.ReadOptions{Name: name})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func mustLookup(t testing.TB, id string) indicator.Indicator {
	t.Helper()
	ind, ok := indicator.Lookup(id)
	if !ok {
		t.Fatalf("no indicator %s", id)
	}
	return ind
}

// The catalogue is well formed: unique IDs, every column it reads is a
// count or flag column of a form it names, two decimals as published.
func TestCatalogue(t *testing.T) {
	forms := map[string]*kstt.FormSpec{}
	for _, f := range []kstt.Form{new(bieu.II06a), new(bieu.II06b), new(bieu.II07b), new(bieu.II08)} {
		forms[f.Spec().Code] = f.Spec()
	}
	seen := map[string]bool{}
	all := indicator.All()
	if len(all) < 10 {
		t.Fatalf("%d indicators", len(all))
	}
	for _, ind := range all {
		if seen[ind.ID] {
			t.Errorf("duplicate %s", ind.ID)
		}
		seen[ind.ID] = true
		if ind.Name == "" || ind.NameEN == "" || ind.Basis == "" || ind.Places != 2 {
			t.Errorf("%s: incomplete %+v", ind.ID, ind)
		}
		for _, code := range ind.Forms {
			spec := forms[code]
			if spec == nil {
				t.Fatalf("%s: unknown form %s", ind.ID, code)
			}
			for _, r := range append(ind.Num, ind.Den...) {
				p := spec.Part(r.Part)
				if p == nil || p.Column(r.Col) == nil || !p.Column(r.Col).Kind.Numeric() || p.Column(r.Col).Kind == layout.RateColumn {
					t.Errorf("%s: %s has no count column %v", ind.ID, code, r)
				}
			}
		}
	}
	for id, want := range map[string]string{
		"II.06a/ON_TIME":          "((8)+(9))/(7)",
		"II.06a/LATE":             "(10)/(7)",
		"II.06a/ONLINE":           "(4)/((4)+(5))",
		"II.06a/PENDING_OVERDUE":  "(13)/(11)",
		"II.07b/ON_SPOT_PROVINCE": "Phần II (3)/Phần I (8)",
	} {
		ind := mustLookup(t, id)
		if got := ind.Expr(); got != want {
			t.Errorf("%s: Expr = %q, want %q", id, got, want)
		}
	}
	// Copies: changing one changes nothing in the catalogue.
	all[0].Num[0].Col = 99
	if mustLookup(t, all[0].ID).Num[0].Col == 99 {
		t.Error("All returned the catalogue itself")
	}
	if _, ok := indicator.Lookup("II.06a/NOPE"); ok {
		t.Error("Lookup found an unknown ID")
	}
}

// Published figures, recomputed by hand from the counts.
func TestPublishedFigures(t *testing.T) {
	// A province publishes "12.309/12.345 hồ sơ giải quyết trước và đúng
	// hạn, đạt 99,71%": 12309 ÷ 12345 × 100 = 99.7083…, two decimals
	// half away from zero: 99,71.
	f := &bieu.II06a{Rows: []bieu.II06aRow{{STT: "1", Field: "Hộ tịch", Online: 9000, Direct: 3345, Early: 9120, OnTime: 3189, Late: 36}}}
	if err := f.Fill(); err != nil {
		t.Fatal(err)
	}
	on := mustLookup(t, "II.06a/ON_TIME")
	v, err := on.Total(f)
	if err != nil {
		t.Fatal(err)
	}
	if v.Num != 12309 || v.Den != 12345 || v.String() != "99,71%" {
		t.Errorf("ON_TIME = %d/%d %s, want 12309/12345 99,71%%", v.Num, v.Den, v)
	}
	late := mustLookup(t, "II.06a/LATE")
	if v, _ := late.Total(f); v.String() != "0,29%" { // 36/12345 = 0.2916…
		t.Errorf("LATE = %s, want 0,29%%", v)
	}
	online := mustLookup(t, "II.06a/ONLINE")
	if v, _ := online.Total(f); v.String() != "72,9%" { // 9000/12345 = 72.9040…
		t.Errorf("ONLINE = %s, want 72,9%%", v)
	}

	// The fixtures, by hand.
	cases := []struct {
		file, id, want string
		num, den       int64
	}{
		// UBND huyện Cẩm Xuyên: (8)+(9) = 20+134 = 154 of (7) = 162 → 95.0617 → 95,06%.
		{"huyen-cam-xuyen.txt", "II.06a/ON_TIME", "95,06%", 154, 162},
		// (10) = 8 of 162 → 4.9382 → 4,94%.
		{"huyen-cam-xuyen.txt", "II.06a/LATE", "4,94%", 8, 162},
		// (4) = 100 of (4)+(5) = 175 → 57.1428 → 57,14%.
		{"huyen-cam-xuyen.txt", "II.06a/ONLINE", "57,14%", 100, 175},
		// (13) = 4 of (11) = 22 → 18.1818 → 18,18%.
		{"huyen-cam-xuyen.txt", "II.06a/PENDING_OVERDUE", "18,18%", 4, 22},
		// Sở Tư pháp: 10+128 = 138 of 138 → 100%.
		{"so-tu-phap.json", "II.06a/ON_TIME", "100%", 138, 138},
		// 65 of 65+72 = 137 → 47.4452 → 47,45%.
		{"so-tu-phap.json", "II.06a/ONLINE", "47,45%", 65, 137},
		// The seed: 0+33 of 33 → 100%; no pending file: no value, not 0%.
		{"seed-tables.txt", "II.06a/ON_TIME", "100%", 33, 33},
		{"seed-tables.txt", "II.06a/PENDING_OVERDUE", "–", 0, 0},
		// The seed's II.07b: 0 of the 5 procedures at the provincial desk.
		{"seed-tables.txt", "II.07b/ON_SPOT_PROVINCE", "0%", 0, 5},
		{"seed-tables.txt", "II.07b/ON_SPOT_DISTRICT", "–", 0, 0},
		// 5 at the one-stop desk of 1 within local competence: 500%, the
		// seed's own plausibility break.
		{"seed-tables.txt", "II.07b/ONE_STOP", "500%", 5, 1},
	}
	for _, c := range cases {
		r := load(t, c.file)
		res, err := indicator.Report(r)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, x := range res {
			if x.Indicator.ID != c.id {
				continue
			}
			found = true
			if x.Value.String() != c.want || x.Value.Num != c.num || x.Value.Den != c.den {
				t.Errorf("%s %s = %d/%d %s, want %d/%d %s", c.file, c.id, x.Value.Num, x.Value.Den, x.Value, c.num, c.den, c.want)
			}
		}
		if !found {
			t.Errorf("%s: no %s", c.file, c.id)
		}
	}
}

func TestRowsAndErrors(t *testing.T) {
	r := load(t, "huyen-cam-xuyen.txt")
	on := mustLookup(t, "II.06a/ON_TIME")
	rows, err := on.Rows(r.Form("II.06a"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, rv := range rows {
		got = append(got, rv.Label+"="+rv.Value.String())
	}
	// Hộ tịch (20+90)/112 = 98.2142; Đất đai 44/50 = 88.
	if want := "Lĩnh vực Hộ tịch=98,21%|Lĩnh vực Đất đai=88%|TỔNG CỘNG=95,06%"; strings.Join(got, "|") != want {
		t.Errorf("rows = %s, want %s", strings.Join(got, "|"), want)
	}
	if _, err := on.Rows(new(bieu.II08)); !errors.Is(err, indicator.ErrNotApplicable) {
		t.Errorf("II.08: %v", err)
	}
	if _, err := on.Rows(nil); !errors.Is(err, indicator.ErrNilForm) {
		t.Errorf("nil: %v", err)
	}
	var typedNil *bieu.II06a
	if _, err := on.Rows(typedNil); !errors.Is(err, indicator.ErrNilForm) {
		t.Errorf("typed nil: %v", err)
	}
	if v := indicator.Of(5, 0, 2); v.OK || v.String() != "–" {
		t.Errorf("zero denominator gives %+v", v)
	}
}

func TestUnitsRank(t *testing.T) {
	reports := []*kstt.Report{load(t, "seed-tables.txt"), load(t, "so-tu-phap.json"), load(t, "huyen-cam-xuyen.txt")}
	on := mustLookup(t, "II.06a/PENDING_OVERDUE")
	units, err := on.Units(reports)
	if err != nil {
		t.Fatal(err)
	}
	ranked := indicator.Rank(units, on.LowerIsBetter)
	var got []string
	for _, u := range ranked {
		got = append(got, u.Unit+"="+u.Value.String())
	}
	// Sở Tư pháp 0/2 = 0% best; Cẩm Xuyên 4/22 = 18,18%; the seed has no
	// pending file: no value, last.
	want := "Sở Tư pháp=0%|UBND huyện Cẩm Xuyên=18,18%|Sở Ngoại vụ=–"
	if strings.Join(got, "|") != want {
		t.Errorf("rank = %s, want %s", strings.Join(got, "|"), want)
	}
	s := indicator.RankingSheet(kstt.Header{Unit: "UBND tỉnh"}, on, ranked)
	if len(s.Charts) != 1 || len(s.Charts[0].Categories) != 3 || !s.Charts[0].Series[0].Has(0) || s.Charts[0].Series[0].Has(2) {
		t.Errorf("chart %+v", s.Charts)
	}
	if c := s.Blocks[0].Rows[2].Cells; c[0].Kind != layout.EmptyCell || c[4].Kind != layout.EmptyCell {
		t.Errorf("a unit without a value is ranked: %+v", c)
	}
	if _, err := on.Units([]*kstt.Report{nil}); !errors.Is(err, indicator.ErrNilForm) {
		t.Errorf("nil report: %v", err)
	}
}

func TestCompare(t *testing.T) {
	cur := load(t, "huyen-cam-xuyen.txt")
	// The earlier quarter: one lĩnh vực written differently ("hộ tịch"),
	// one the current period lacks.
	q1, _ := period.Parse("Quý I năm 2024")
	prevForm := &bieu.II06a{
		Header: kstt.Header{Unit: "UBND huyện Cẩm Xuyên", Recipient: "UBND tỉnh", Period: q1},
		Rows: []bieu.II06aRow{
			{STT: "1", Field: "hộ tịch", Online: 50, Direct: 50, Early: 10, OnTime: 80, Late: 10},
			{STT: "2", Field: "Lĩnh vực Xây dựng", Direct: 4, OnTime: 4},
		},
	}
	if err := prevForm.Fill(); err != nil {
		t.Fatal(err)
	}
	prev := &kstt.Report{Header: prevForm.Header, Forms: []kstt.Form{prevForm}}
	c, err := indicator.Compare(prev, cur)
	if err != nil {
		t.Fatal(err)
	}
	fc := c.Forms[0]
	var labels []string
	for _, r := range fc.Rows {
		labels = append(labels, r.Label)
	}
	if want := "Lĩnh vực Hộ tịch|Lĩnh vực Đất đai|Lĩnh vực Xây dựng|TỔNG CỘNG"; strings.Join(labels, "|") != want {
		t.Fatalf("rows %s, want %s", strings.Join(labels, "|"), want)
	}
	// Hộ tịch (3): 100 → 120, +20, +20%.
	ch := fc.Rows[0].Columns[0]
	if ch.Col != 3 || ch.Prev != 100 || ch.Cur != 120 || ch.Diff != 20 || ch.Percent.String() != "20%" {
		t.Errorf("Hộ tịch (3): %+v", ch)
	}
	// Đất đai is new: no earlier figure, no change.
	if ch := fc.Rows[1].Columns[0]; ch.PrevOK || !ch.CurOK || ch.Percent.OK {
		t.Errorf("Đất đai (3): %+v", ch)
	}
	// TỔNG CỘNG (3): 104 → 184, +80, 76,92%.
	if ch := fc.Rows[3].Columns[0]; ch.Diff != 80 || ch.Percent.String() != "76,92%" {
		t.Errorf("total (3): %+v", ch)
	}
	// On time on TỔNG CỘNG: (10+84)/104 = 90,38% → 95,06%: +4,68 points.
	for _, ic := range fc.Indicators {
		if ic.ID == "II.06a/ON_TIME" && ic.Kind == layout.TotalRow {
			if ic.Prev.String() != "90,38%" || ic.Cur.String() != "95,06%" || ic.Points.String() != "4.68" {
				t.Errorf("ON_TIME total: %s → %s, %s points", ic.Prev, ic.Cur, ic.Points)
			}
		}
	}
	s := c.Sheet()
	if len(s.Blocks) != 2 || len(s.Charts) != 1 || len(s.Charts[0].Series) != 2 {
		t.Errorf("sheet: %d blocks, %d charts", len(s.Blocks), len(s.Charts))
	}
	if !strings.Contains(s.Period, "so với Quý I năm 2024") {
		t.Errorf("period line %q", s.Period)
	}
	other := load(t, "so-tu-phap.json")
	if _, err := indicator.Compare(other, cur); !errors.Is(err, indicator.ErrOtherUnit) {
		t.Errorf("two units: %v", err)
	}
}

// A roll-up's comparison holds II.06a and II.06b (the same indicators):
// its chart shows each indicator once.
func TestCompareChartOnce(t *testing.T) {
	cur := load(t, "huyen-cam-xuyen.txt")
	agg, err := bieu.Rollup([]*kstt.Report{cur}, bieu.RollupOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := indicator.Compare(agg.Report(), agg.Report())
	if err != nil {
		t.Fatal(err)
	}
	s := c.Sheet()
	seen := map[string]bool{}
	for _, cat := range s.Charts[0].Categories {
		if seen[cat] {
			t.Errorf("%s twice in the chart", cat)
		}
		seen[cat] = true
	}
	if len(seen) != 6 {
		t.Errorf("%d indicators in the chart, want II.06a's 6", len(seen))
	}
}

// A lĩnh vực written twice is compared twice, in order, not dropped.
func TestCompareDuplicateRows(t *testing.T) {
	mk := func(a, b int64) *kstt.Report {
		f := &bieu.II06a{Header: kstt.Header{Unit: "Sở A"}, Rows: []bieu.II06aRow{
			{STT: "1", Field: "Hộ tịch", Direct: a, OnTime: a}, {STT: "2", Field: "Hộ tịch", Direct: b, OnTime: b}}}
		if err := f.Fill(); err != nil {
			t.Fatal(err)
		}
		return &kstt.Report{Header: f.Header, Forms: []kstt.Form{f}}
	}
	c, err := indicator.Compare(mk(1, 2), mk(10, 20))
	if err != nil {
		t.Fatal(err)
	}
	rows := c.Forms[0].Rows
	if len(rows) != 3 || rows[0].Columns[0].Diff != 9 || rows[1].Columns[0].Diff != 18 || rows[2].Columns[0].Diff != 27 {
		t.Errorf("rows %+v", rows)
	}
}

// II.07b's parts have rows of their own: the sheet lays out each part's
// indicators over that part's rows.
func TestSheetPartsOfII07b(t *testing.T) {
	f := &bieu.II07b{
		PartI: bieu.II07bPartI{Rows: []bieu.II07bDeskRow{
			{STT: "1", Field: "Tư pháp", CompetentProvince: 4, OneStopProvince: 4, ProcessProvince: 2},
			{STT: "2", Field: "Đất đai", CompetentProvince: 6, OneStopProvince: 5, ProcessProvince: 5},
		}},
		PartII: bieu.II07bPartII{Rows: []bieu.II07bOnSpotRow{{STT: "1", Field: "Đất đai", Province: 1}}},
	}
	if err := f.Fill(); err != nil {
		t.Fatal(err)
	}
	s := indicator.Sheet(&kstt.Report{Forms: []kstt.Form{f}})
	if len(s.Blocks) != 2 || len(s.Blocks[0].Rows) != 3 || len(s.Blocks[1].Rows) != 2 {
		t.Fatalf("blocks %d, rows %d/%d", len(s.Blocks), len(s.Blocks[0].Rows), len(s.Blocks[1].Rows))
	}
	// Phần II «Đất đai»: 1 of Phần I (8) = 5 → 20%.
	if c := s.Blocks[1].Rows[0].Cells; c[1].Text != "Đất đai" || c[2].Dec.String() != "20" {
		t.Errorf("Phần II row %+v", c)
	}
}

// Sums that overflow give no value, not a wrapped rate.
func TestOverflowNoValue(t *testing.T) {
	f := &bieu.II06a{Rows: []bieu.II06aRow{{STT: "1", Field: "x", Early: math.MaxInt64, OnTime: 1, Resolved: 5}}}
	ind := mustLookup(t, "II.06a/ON_TIME")
	rows, err := ind.Rows(f)
	if err != nil {
		t.Fatal(err)
	}
	if rows[0].Value.OK {
		t.Errorf("overflowing sum gives %s", rows[0].Value)
	}
	// A change that does not fit is no change, not a wrapped one.
	mk := func(n int64) *kstt.Report {
		g := &bieu.II06a{Header: kstt.Header{Unit: "A"}, Rows: []bieu.II06aRow{{STT: "1", Field: "x", Direct: n}}}
		return &kstt.Report{Header: g.Header, Forms: []kstt.Form{g}}
	}
	c, err := indicator.Compare(mk(math.MinInt64+1), mk(math.MaxInt64))
	if err != nil {
		t.Fatal(err)
	}
	for _, ch := range c.Forms[0].Rows[0].Columns {
		if ch.Col == 5 && (ch.DiffOK || ch.Percent.OK) {
			t.Errorf("(5): %+v", ch)
		}
		if ch.Col == 4 && (!ch.DiffOK || ch.Diff != 0) {
			t.Errorf("(4): %+v", ch)
		}
	}
}

// The sheets of this package go through the module's renderers: text,
// XLSX (with its charts) and HTML.
func TestSheetsRender(t *testing.T) {
	cur := load(t, "huyen-cam-xuyen.txt")
	reports := []*kstt.Report{load(t, "seed-tables.txt"), load(t, "so-tu-phap.json"), cur}
	c, err := indicator.Compare(cur, cur)
	if err != nil {
		t.Fatal(err)
	}
	ind := mustLookup(t, "II.06a/ON_TIME")
	units, err := ind.Units(reports)
	if err != nil {
		t.Fatal(err)
	}
	sheets := []*layout.Sheet{indicator.Sheet(reports[0]), c.Sheet(), indicator.RankingSheet(cur.Header, ind, indicator.Rank(units, false))}
	reg := std.Registry()
	for _, format := range reg.Formats() {
		r, _ := reg.Lookup(format)
		var b bytes.Buffer
		if err := r.Render(&b, sheets...); err != nil || b.Len() == 0 {
			t.Errorf("%s: %v, %d bytes", format, err, b.Len())
		}
	}
}
