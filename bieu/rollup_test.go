package bieu

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/period"
)

var rollupQ2 = period.Must(period.Quarter(2024, 2))

// canonical lĩnh vực of the generated units.
var genFields = []string{"Hộ tịch", "Đất đai", "Xây dựng", "Lãnh sự", "Tư pháp", "Giáo dục", "Y tế", "Thương mại"}

// spell writes a lĩnh vực the way unit u might: with or without the
// "Lĩnh vực" prefix, in another case, with doubled spaces, in NFD.
func spell(name string, u int) string {
	s := name
	switch u % 5 {
	case 0:
		s = "Lĩnh vực " + s
	case 1:
		s = "lĩnh vực  " + strings.ToLower(s)
	case 2:
		s = norm.NFD.String("Lĩnh vực " + s)
	case 3:
		s = "  " + strings.ToUpper(s) + " "
	}
	return s
}

// genUnit is one generated unit and the figures it was given, kept apart
// from the forms so the test can sum them independently.
type genUnit struct {
	name   string
	level  UnitLevel
	a      map[int][13 + 1]int64 // canonical field → II.06a inputs by column
	desk   map[int][3]int64      // field → one-stop province, district, 4-tại-chỗ province
	online map[int][2]int64      // field → partial files, integrated
	report *kstt.Report
}

func genUnits(n int, seed uint64) []*genUnit {
	rng := rand.New(rand.NewPCG(seed, 1))
	var out []*genUnit
	for u := range n {
		g := &genUnit{a: map[int][14]int64{}, desk: map[int][3]int64{}, online: map[int][2]int64{}}
		switch u % 3 {
		case 0:
			g.name, g.level = fmt.Sprintf("Sở số %d", u), ProvinceLevel
		case 1:
			g.name, g.level = fmt.Sprintf("UBND huyện Số %d", u), DistrictLevel
		default:
			g.name, g.level = fmt.Sprintf("UBND xã Số %d", u), CommuneLevel
		}
		h := kstt.Header{Unit: g.name, Recipient: "UBND tỉnh", Period: rollupQ2}
		a := &II06a{Header: h}
		b := &II07b{Header: h}
		c := &II08{Header: h, Sections: []II08Section{{Code: "B", Title: SectionB, Levels: []II08Level{{Code: g.level.Code(), Title: g.level.String()}}}}}
		for _, fi := range rng.Perm(len(genFields))[:2+rng.IntN(5)] {
			var v [14]int64
			for _, col := range []int{4, 5, 6, 8, 9, 10, 12, 13} {
				v[col] = rng.Int64N(50)
			}
			g.a[fi] = v
			label := spell(genFields[fi], u)
			a.Rows = append(a.Rows, II06aRow{Field: label, Online: v[4], Direct: v[5], CarriedOver: v[6],
				Early: v[8], OnTime: v[9], Late: v[10], PendingOnTime: v[12], PendingOverdue: v[13]})
			d := [3]int64{rng.Int64N(6), rng.Int64N(6), 0}
			d[2] = rng.Int64N(d[0] + 1)
			g.desk[fi] = d
			b.PartI.Rows = append(b.PartI.Rows, II07bDeskRow{Field: label, CompetentProvince: d[0], CompetentDistrict: d[1],
				OneStopProvince: d[0], OneStopDistrict: d[1], ProcessProvince: d[0], ProcessDistrict: d[1]})
			b.PartII.Rows = append(b.PartII.Rows, II07bOnSpotRow{Field: label, Province: d[2]})
			o := [2]int64{rng.Int64N(20), rng.Int64N(2)}
			g.online[fi] = o
			c.Sections[0].Levels[0].Rows = append(c.Sections[0].Levels[0].Rows,
				II08Row{Field: label, PartialAssigned: 2, PartialDeployed: 1, PartialFiles: o[0], Integrated: o[1]})
		}
		for _, f := range []interface{ Fill() error }{a, b, c} {
			if err := f.Fill(); err != nil {
				panic(err)
			}
		}
		g.report = &kstt.Report{Header: h, Forms: []kstt.Form{a, b, c}}
		out = append(out, g)
	}
	return out
}

func reportsOf(us []*genUnit) []*kstt.Report {
	out := make([]*kstt.Report, len(us))
	for i, u := range us {
		out[i] = u.report
	}
	return out
}

// TestRollupSumsMatchIndependentSum rolls up 60 generated units (three
// levels, lĩnh vực spelt five ways) and compares every aggregate figure
// with a sum computed from the generator's own numbers.
func TestRollupSumsMatchIndependentSum(t *testing.T) {
	units := genUnits(60, 7)
	agg, err := Rollup(reportsOf(units), RollupOptions{Recipient: "Văn phòng Chính phủ"})
	if err != nil {
		t.Fatal(err)
	}
	if agg.Header.Unit != "UBND tỉnh" || agg.Header.Recipient != "Văn phòng Chính phủ" || agg.Header.Period != rollupQ2 {
		t.Fatalf("aggregate header = %+v", agg.Header)
	}
	// Independent sums, by canonical field and by level.
	type sums struct {
		a     [14]int64
		desk  [3]int64
		files int64
		integ int64 // AND of the flags
		units []string
	}
	byField := map[int]*sums{}
	byLevel := map[UnitLevel]map[int]*[14]int64{}
	var total [14]int64
	for _, u := range units {
		for fi, v := range u.a {
			s := byField[fi]
			if s == nil {
				s = &sums{integ: 1}
				byField[fi] = s
			}
			if byLevel[u.level] == nil {
				byLevel[u.level] = map[int]*[14]int64{}
			}
			if byLevel[u.level][fi] == nil {
				byLevel[u.level][fi] = &[14]int64{}
			}
			for col := range v {
				s.a[col] += v[col]
				byLevel[u.level][fi][col] += v[col]
				total[col] += v[col]
			}
			for k := range 3 {
				s.desk[k] += u.desk[fi][k]
			}
			s.files += u.online[fi][0]
			s.integ = min(s.integ, u.online[fi][1])
			s.units = append(s.units, u.name)
		}
	}
	derived := func(v [14]int64) [14]int64 {
		v[3], v[7], v[11] = v[4]+v[5]+v[6], v[8]+v[9]+v[10], v[12]+v[13]
		return v
	}
	fieldOf := func(label string) int {
		for i, f := range genFields {
			if FieldKey(label) == FieldKey(f) {
				return i
			}
		}
		t.Fatalf("aggregate row %q is no generated lĩnh vực", label)
		return -1
	}
	rowInts := func(r II06aRow) [14]int64 {
		var v [14]int64
		rowInts(&r, v[:])
		return v
	}

	// II.06a: one row per lĩnh vực actually used, spellings merged.
	if len(agg.II06a.Rows) != len(byField) {
		t.Fatalf("II.06a has %d rows, want %d (spellings not merged?)", len(agg.II06a.Rows), len(byField))
	}
	for i, r := range agg.II06a.Rows {
		fi := fieldOf(r.Field)
		if got, want := rowInts(r), derived(byField[fi].a); got != want {
			t.Errorf("II.06a %q = %v, want %v", r.Field, got, want)
		}
		if r.STT != fmt.Sprint(i+1) {
			t.Errorf("STT %q", r.STT)
		}
		if got := agg.SourcesOf("II.06a", "", i); !slices.Equal(got, byField[fi].units) {
			t.Errorf("provenance of %q = %d units, want %d", r.Field, len(got), len(byField[fi].units))
		}
	}
	if got, want := rowInts(agg.II06a.Total), derived(total); got != want {
		t.Errorf("II.06a TỔNG CỘNG = %v, want %v", got, want)
	}

	// II.06b: the same rows by level; its total is II.06a's.
	if len(agg.II06b.Levels) != 3 {
		t.Fatalf("II.06b levels: %d", len(agg.II06b.Levels))
	}
	for li, l := range agg.II06b.Levels {
		lvl := []UnitLevel{ProvinceLevel, DistrictLevel, CommuneLevel}[li]
		if l.Title != lvl.String() || l.Code != lvl.Code() {
			t.Errorf("level %d = %s %s", li, l.Code, l.Title)
		}
		if len(l.Rows) != len(byLevel[lvl]) {
			t.Errorf("%s: %d rows, want %d", l.Title, len(l.Rows), len(byLevel[lvl]))
		}
		for _, r := range l.Rows {
			if got, want := rowInts(r), derived(*byLevel[lvl][fieldOf(r.Field)]); got != want {
				t.Errorf("II.06b %s %q = %v, want %v", l.Title, r.Field, got, want)
			}
		}
	}
	if agg.II06b.Total != agg.II06a.Total {
		t.Errorf("II.06b total %+v ≠ II.06a total %+v", agg.II06b.Total, agg.II06a.Total)
	}

	// II.07b: counts summed, rates recomputed from the sums.
	for i, r := range agg.II07b.PartI.Rows {
		s := byField[fieldOf(r.Field)]
		if r.OneStopProvince != s.desk[0] || r.OneStopDistrict != s.desk[1] || r.OneStop != s.desk[0]+s.desk[1] {
			t.Errorf("II.07b I %q = %+v, want %v", r.Field, r, s.desk)
		}
		p2 := agg.II07b.PartII.Rows[i]
		want := kstt.RateOf(s.desk[2], s.desk[0], 2)
		if p2.Province != s.desk[2] || !p2.ProvinceRate.Equal(want) {
			t.Errorf("II.07b II %q = %d %s%%, want %d %s%%", p2.Field, p2.Province, p2.ProvinceRate, s.desk[2], want)
		}
	}

	// II.08: one section B, three levels, files summed, flags AND-ed.
	if len(agg.II08.Sections) != 1 || len(agg.II08.Sections[0].Levels) != 3 {
		t.Fatalf("II.08 sections: %+v", agg.II08.Sections)
	}
	var files int64
	for _, l := range agg.II08.Sections[0].Levels {
		for _, r := range l.Rows {
			files += r.PartialFiles
		}
	}
	var wantFiles int64
	for _, s := range byField {
		wantFiles += s.files
	}
	if files != wantFiles || agg.II08.Total.PartialFiles != wantFiles {
		t.Errorf("II.08 files = %d (total %d), want %d", files, agg.II08.Total.PartialFiles, wantFiles)
	}

	// The aggregate itself is clean by every rule that can hold of it.
	fs, err := agg.Check(kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if f.Severity == kstt.Error {
			t.Errorf("unexpected error on clean units: %v", f)
		}
	}
}

func TestRollupCheckTagsEveryUnitsFindings(t *testing.T) {
	units := genUnits(6, 3)
	bad := units[4].report.Forms[0].(*II06a)
	bad.Rows[0].Received += 3 // breaks II.06a/R01 in this unit, and so in the aggregate
	agg, err := Rollup(reportsOf(units), RollupOptions{})
	if err != nil {
		t.Fatal(err)
	}
	fs, err := agg.Check(kstt.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var unitHits, aggHits int
	for _, f := range byRule(t, fs, "II.06a/R01") {
		switch f.Unit {
		case units[4].name:
			unitHits++
			if !strings.HasPrefix(f.Where(), units[4].name+": II.06a") {
				t.Errorf("Where() = %q", f.Where())
			}
		case "":
			aggHits++
		default:
			t.Errorf("finding tagged with the wrong unit: %v", f)
		}
	}
	if unitHits == 0 || aggHits == 0 {
		t.Fatalf("unit findings %d, aggregate findings %d: %v", unitHits, aggHits, fs)
	}
	if fs[0].Unit != "" || fs[len(fs)-1].Unit == "" {
		t.Errorf("findings sort by unit, the aggregate's (empty unit) first: got %v first", fs[0])
	}
}

func TestRollupRefusesAndNamesUnits(t *testing.T) {
	units := genUnits(8, 5)
	reps := reportsOf(units)
	q1 := period.Must(period.Quarter(2024, 1))
	reps[2].Header.Period = q1
	reps[3].Header.Recipient = "UBND huyện Kỳ Anh"
	reps[5].Header.Unit = "  sở SỐ 0 " // the same unit as report 1 once normalised
	reps[6].Header.Unit = "Trường Đại học Hà Tĩnh"
	reps = append(reps, nil)
	_, err := Rollup(reps, RollupOptions{})
	var re *RollupError
	if !errors.As(err, &re) {
		t.Fatalf("err = %v, want *RollupError", err)
	}
	want := map[int]error{2: ErrPeriodMismatch, 3: ErrRecipientMismatch, 5: ErrDuplicateUnit, 6: ErrUnknownLevel, 8: ErrNoUnit}
	if len(re.Units) != len(want) {
		t.Fatalf("refused %d reports, want %d: %v", len(re.Units), len(want), err)
	}
	for _, ue := range re.Units {
		if !errors.Is(ue, want[ue.Index]) {
			t.Errorf("report %d: %v, want %v", ue.Index, ue, want[ue.Index])
		}
	}
	for _, s := range []string{"Quý I năm 2024, want Quý II năm 2024", "UBND huyện Kỳ Anh, want UBND tỉnh", `"sở SỐ 0"`, "also report 1", `"Trường Đại học Hà Tĩnh"`} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("error does not say %q:\n%v", s, err)
		}
	}
	for _, sentinel := range []error{ErrPeriodMismatch, ErrRecipientMismatch, ErrDuplicateUnit, ErrUnknownLevel, ErrNoUnit} {
		if !errors.Is(err, sentinel) {
			t.Errorf("errors.Is(err, %v) is false", sentinel)
		}
	}
	if _, err := Rollup(nil, RollupOptions{}); !errors.Is(err, ErrNoReports) {
		t.Errorf("no reports: %v", err)
	}
	// An explicit period or unit refuses those that differ.
	_, err = Rollup(reportsOf(genUnits(3, 1)), RollupOptions{Period: q1, Unit: "UBND tỉnh"})
	if !errors.As(err, &re) || len(re.Units) != 3 || !errors.Is(err, ErrPeriodMismatch) {
		t.Errorf("explicit period: %v", err)
	}
	// A caller's Level function decides instead of GuessLevel.
	us := genUnits(3, 1)
	us[0].report.Header.Unit = "Trường Đại học Hà Tĩnh"
	agg, err := Rollup(reportsOf(us), RollupOptions{Level: func(string) UnitLevel { return ProvinceLevel }})
	if err != nil || len(agg.II06b.Levels) != 1 {
		t.Errorf("custom level: %v", err)
	}
}

func TestGuessLevelAndFieldKey(t *testing.T) {
	for name, want := range map[string]UnitLevel{
		"Sở Ngoại vụ": ProvinceLevel, "UBND tỉnh Hà Tĩnh": ProvinceLevel, "Văn phòng UBND tỉnh": ProvinceLevel,
		"UBND huyện Kỳ Anh": DistrictLevel, "Ủy ban nhân dân thị xã Hồng Lĩnh": DistrictLevel, "Uỷ ban nhân dân Thành phố Hà Tĩnh": DistrictLevel,
		"UBND xã Kỳ Tân": CommuneLevel, "UBND phường Bắc Hà": CommuneLevel, norm.NFD.String("UBND thị trấn Nghèn"): CommuneLevel,
		"Trường Đại học Hà Tĩnh": LevelUnknown, "": LevelUnknown,
	} {
		if got := GuessLevel(name); got != want {
			t.Errorf("GuessLevel(%q) = %v, want %v", name, got, want)
		}
	}
	k := FieldKey("Hộ tịch")
	for _, s := range []string{"Lĩnh vực Hộ tịch", "lĩnh vực  hộ tịch", norm.NFD.String("Lĩnh vực Hộ tịch"), " HỘ TỊCH ", "Lĩnh vực: hộ tịch"} {
		if FieldKey(s) != k {
			t.Errorf("FieldKey(%q) = %q, want %q", s, FieldKey(s), k)
		}
	}
	if FieldKey("Lĩnh vực") != "lĩnh vực" {
		t.Error("a bare 'Lĩnh vực' keeps its name")
	}
}

func TestRollupAggregateAsReport(t *testing.T) {
	agg, err := Rollup(reportsOf(genUnits(4, 9)), RollupOptions{Recipient: "Văn phòng Chính phủ"})
	if err != nil {
		t.Fatal(err)
	}
	r := agg.Report()
	var codes []string
	for _, f := range r.Forms {
		codes = append(codes, f.Spec().Code)
	}
	if !slices.Equal(codes, []string{"II.06a", "II.06b", "II.07b", "II.08"}) {
		t.Fatalf("forms %v", codes)
	}
	sheets := r.Sheets()
	if len(sheets) != 4 || sheets[1].Name != "II.06b" || sheets[1].Recipient != "Đơn vị nhận báo cáo: Văn phòng Chính phủ" {
		t.Fatalf("sheets: %+v", sheets[1])
	}
	kinds := []layout.RowKind{}
	for _, row := range sheets[1].Blocks[0].Rows {
		kinds = append(kinds, row.Kind)
	}
	if kinds[0] != layout.LevelRow || kinds[len(kinds)-1] != layout.TotalRow {
		t.Errorf("II.06b rows %v", kinds)
	}
	// Every data row of every form has its provenance.
	for _, f := range r.Forms {
		for pi, p := range f.Spec().Parts {
			tb := f.Table(pi)
			for i := range tb.Len() {
				if tb.Row(i).Kind == layout.DataRow && len(agg.SourcesOf(f.Spec().Code, p.ID, i)) == 0 {
					t.Errorf("%s part %q row %d (%s) has no provenance", f.Spec().Code, p.ID, i, tb.Row(i).Label)
				}
			}
		}
	}
	// Only the forms the units filed.
	only := genUnits(2, 2)
	for _, u := range only {
		u.report.Forms = u.report.Forms[:1]
	}
	agg, err = Rollup(reportsOf(only), RollupOptions{})
	if err != nil || agg.II07b != nil || agg.II08 != nil || len(agg.Report().Forms) != 2 {
		t.Errorf("partial forms: %v %+v", err, agg)
	}
}

func TestUnitLevelText(t *testing.T) {
	for _, l := range []UnitLevel{LevelUnknown, ProvinceLevel, DistrictLevel, CommuneLevel} {
		b, err := l.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back UnitLevel
		if err := back.UnmarshalText(b); err != nil || back != l {
			t.Errorf("%v: %q → %v %v", l, b, back, err)
		}
	}
	var l UnitLevel
	if err := l.UnmarshalText([]byte("Cấp Xã")); err != nil || l != CommuneLevel {
		t.Errorf("Cấp Xã → %v %v", l, err)
	}
	if err := l.UnmarshalText([]byte("cấp bộ")); !errors.Is(err, ErrUnknownLevel) {
		t.Errorf("unknown level: %v", err)
	}
}

func TestRollupII07bByUnit(t *testing.T) {
	units := genUnits(7, 11)
	agg, err := Rollup(reportsOf(units), RollupOptions{})
	if err != nil {
		t.Fatal(err)
	}
	byUnit := agg.II07bByUnit
	if len(byUnit.PartI.Rows) != len(units) || len(byUnit.PartII.Rows) != len(units) {
		t.Fatalf("%d/%d rows for %d units", len(byUnit.PartI.Rows), len(byUnit.PartII.Rows), len(units))
	}
	for i, u := range units {
		own := u.report.Form("II.07b").(*II07b)
		row := byUnit.PartI.Rows[i]
		if row.Field != u.name {
			t.Errorf("row %d is %q, want %q", i, row.Field, u.name)
		}
		want := own.PartI.Total
		want.STT, want.Field = row.STT, row.Field
		if row != want {
			t.Errorf("%s: %+v, want its TỔNG CỘNG %+v", u.name, row, want)
		}
		p2 := byUnit.PartII.Rows[i]
		if !p2.ProvinceRate.Equal(kstt.RateOf(own.PartII.Total.Province, own.PartI.Total.OneStopProvince, 2)) {
			t.Errorf("%s: rate %s", u.name, p2.ProvinceRate)
		}
	}
	if byUnit.PartI.Total != agg.II07b.PartI.Total || byUnit.PartII.Total.Province != agg.II07b.PartII.Total.Province ||
		!byUnit.PartII.Total.ProvinceRate.Equal(agg.II07b.PartII.Total.ProvinceRate) {
		t.Errorf("by-unit total %+v ≠ by-lĩnh vực total %+v", byUnit.PartI.Total, agg.II07b.PartI.Total)
	}
	if fs, _ := byUnit.Check(kstt.CheckOptions{}); fs.HasErrors() {
		t.Errorf("by-unit II.07b has errors: %v", fs)
	}
}

// rollupRep is a report of unit to recipient for p with one II.06a row of
// Hộ tịch receiving online files.
func rollupRep(unit, recipient string, p period.Period, online int64) *kstt.Report {
	h := kstt.Header{Unit: unit, Recipient: recipient, Period: p}
	return &kstt.Report{Header: h, Forms: []kstt.Form{&II06a{Header: h, Rows: []II06aRow{{STT: "1", Field: "Hộ tịch", Online: online, Received: online}}}}}
}

// Defect: a report with no period was rolled up into an aggregate with a
// zero period; a nil report must be refused too, never a panic.
func TestRollupRefusesReportWithoutPeriod(t *testing.T) {
	// The reviewer's case: the only report has no period.
	agg, err := Rollup([]*kstt.Report{{Header: kstt.Header{Unit: "Sở A", Recipient: "UBND tỉnh"}}}, RollupOptions{})
	var re *RollupError
	if agg != nil || !errors.As(err, &re) || len(re.Units) != 1 || !errors.Is(err, ErrNoPeriod) {
		t.Fatalf("Rollup of a report with no period = %v, %v; want a *RollupError with ErrNoPeriod", agg, err)
	}
	if got, want := err.Error(), `bieu: rollup: report 1 "Sở A": report names no period`; got != want {
		t.Errorf("err = %q, want %q", got, want)
	}
	// The first report has no period: the roll-up takes the next one's, and
	// refuses only the first (not the others as "another period").
	reps := []*kstt.Report{
		rollupRep("Sở A", "UBND tỉnh", period.Period{}, 1),
		rollupRep("Sở B", "UBND tỉnh", rollupQ2, 1),
		nil,
		rollupRep("Sở C", "UBND tỉnh", rollupQ2, 1),
	}
	_, err = Rollup(reps, RollupOptions{})
	if !errors.As(err, &re) || len(re.Units) != 2 {
		t.Fatalf("err = %v; want reports 1 and 3 refused", err)
	}
	if re.Units[0].Index != 0 || !errors.Is(re.Units[0], ErrNoPeriod) || errors.Is(re.Units[0], ErrPeriodMismatch) || re.Units[0].Want != rollupQ2.String() {
		t.Errorf("report 1: %+v", re.Units[0])
	}
	if re.Units[1].Index != 2 || !errors.Is(re.Units[1], ErrNoUnit) {
		t.Errorf("nil report: %+v", re.Units[1])
	}
	// An explicit period: a report without one is ErrNoPeriod, not a mismatch.
	_, err = Rollup(reps[:1], RollupOptions{Period: rollupQ2})
	if !errors.Is(err, ErrNoPeriod) || errors.Is(err, ErrPeriodMismatch) {
		t.Errorf("explicit period: %v", err)
	}
	// Nil reports anywhere, or only nil reports: refused, no panic.
	for _, reps := range [][]*kstt.Report{{nil}, {nil, nil}, {nil, rollupRep("Sở A", "UBND tỉnh", rollupQ2, 1)}, {rollupRep("Sở A", "UBND tỉnh", rollupQ2, 1), nil}} {
		agg, err := Rollup(reps, RollupOptions{})
		if agg != nil || !errors.Is(err, ErrNoUnit) {
			t.Errorf("Rollup(%d reports, some nil) = %v, %v; want ErrNoUnit", len(reps), agg, err)
		}
	}
	// The same reports with their period are rolled up.
	reps[0].Header.Period, reps[0].Forms[0].(*II06a).Header.Period = rollupQ2, rollupQ2
	agg, err = Rollup(slices.DeleteFunc(reps, func(r *kstt.Report) bool { return r == nil }), RollupOptions{})
	if err != nil || agg.Header.Period != rollupQ2 {
		t.Fatalf("Rollup = %v; period %v", err, agg)
	}
}

// Defect: a duplicate unit printed `…: unit appears twice: also report 1,
// want ` with an empty want. Every kind of UnitError prints cleanly.
func TestUnitErrorOmitsEmptyWantAndGot(t *testing.T) {
	q1 := period.Must(period.Quarter(2024, 1))
	reps := []*kstt.Report{
		rollupRep("Sở Tư pháp", "UBND tỉnh", rollupQ2, 1),
		rollupRep("Sở Tư pháp", "UBND tỉnh", rollupQ2, 1),
		rollupRep("Sở Nội vụ", "UBND tỉnh", q1, 1),
		rollupRep("Sở Y tế", "UBND huyện Kỳ Anh", rollupQ2, 1),
		rollupRep("Sở Tài chính", "", rollupQ2, 1),
		rollupRep("Trường Đại học Hà Tĩnh", "UBND tỉnh", rollupQ2, 1),
		rollupRep("", "UBND tỉnh", rollupQ2, 1),
		rollupRep("Sở Công thương", "UBND tỉnh", period.Period{}, 1),
		nil,
	}
	_, err := Rollup(reps, RollupOptions{})
	var re *RollupError
	if !errors.As(err, &re) {
		t.Fatalf("err = %v", err)
	}
	want := []string{
		`bieu: rollup: report 2 "Sở Tư pháp": unit appears twice: also report 1`,
		`bieu: rollup: report 3 "Sở Nội vụ": period differs from the roll-up's: Quý I năm 2024, want Quý II năm 2024`,
		`bieu: rollup: report 4 "Sở Y tế": recipient differs from the roll-up's: UBND huyện Kỳ Anh, want UBND tỉnh`,
		`bieu: rollup: report 5 "Sở Tài chính": recipient differs from the roll-up's: (chưa ghi), want UBND tỉnh`,
		`bieu: rollup: report 6 "Trường Đại học Hà Tĩnh": administrative level of the unit unknown: want CẤP TỈNH, CẤP HUYỆN or CẤP XÃ`,
		`bieu: rollup: report 7: report names no reporting unit`,
		`bieu: rollup: report 8 "Sở Công thương": report names no period: want Quý II năm 2024`,
		`bieu: rollup: report 9: report names no reporting unit: nil report`,
	}
	var got []string
	for _, u := range re.Units {
		got = append(got, u.Error())
	}
	if !slices.Equal(got, want) {
		t.Errorf("UnitErrors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, s := range got {
		if strings.HasSuffix(s, " ") || strings.HasSuffix(s, "want") || strings.Contains(s, ", want ,") ||
			strings.Contains(s, `""`) || strings.Contains(s, ": :") || strings.Contains(s, ": , want") {
			t.Errorf("unclean: %q", s)
		}
	}
	// The zero value of the fields prints nothing dangling either.
	if s := (&UnitError{Index: 0, Err: ErrDuplicateUnit}).Error(); s != "bieu: rollup: report 1: unit appears twice" {
		t.Errorf("bare UnitError = %q", s)
	}
}

// Defect: an overflowing roll-up said only `bieu: rollup II.06a: sum
// overflows int64`. It names the lĩnh vực (and II.06b's level), the column
// and the units that fed it, and wraps kstt.ErrOverflow.
func TestRollupOverflowNamesFieldColumnAndUnits(t *testing.T) {
	big := int64(math.MaxInt64)
	// A lĩnh vực row of II.06a.
	_, err := Rollup([]*kstt.Report{
		rollupRep("Sở Tư pháp", "UBND tỉnh", rollupQ2, big),
		rollupRep("UBND huyện Kỳ Anh", "UBND tỉnh", rollupQ2, 1),
	}, RollupOptions{})
	if !errors.Is(err, kstt.ErrOverflow) {
		t.Fatalf("err = %v, want kstt.ErrOverflow", err)
	}
	if got, want := err.Error(), `bieu: rollup II.06a, lĩnh vực "Hộ tịch", column (3), units "Sở Tư pháp", "UBND huyện Kỳ Anh": sum overflows int64`; got != want {
		t.Errorf("err = %q\nwant  %q", got, want)
	}
	// TỔNG CỘNG of II.06a: two lĩnh vực that fit, a total that does not.
	a := rollupRep("Sở Tư pháp", "UBND tỉnh", rollupQ2, big)
	b := rollupRep("Sở Y tế", "UBND tỉnh", rollupQ2, 1)
	b.Forms[0].(*II06a).Rows[0].Field = "Y tế"
	_, err = Rollup([]*kstt.Report{a, b}, RollupOptions{})
	if !errors.Is(err, kstt.ErrOverflow) || !strings.Contains(err.Error(), `II.06a, TỔNG CỘNG, column (3), units "Sở Tư pháp", "Sở Y tế"`) {
		t.Errorf("total: %v", err)
	}
	// A row of II.06b that overflows within its level although II.06a's row
	// (where a province unit's negative count comes between) does not.
	reps := []*kstt.Report{
		rollupRep("UBND huyện Kỳ Anh", "UBND tỉnh", rollupQ2, big),
		rollupRep("Sở Tư pháp", "UBND tỉnh", rollupQ2, -5),
		rollupRep("UBND huyện Cẩm Xuyên", "UBND tỉnh", rollupQ2, 1),
	}
	_, err = Rollup(reps, RollupOptions{})
	if !errors.Is(err, kstt.ErrOverflow) {
		t.Fatalf("II.06b: err = %v", err)
	}
	if got, want := err.Error(), `bieu: rollup II.06b, CẤP HUYỆN, lĩnh vực "Hộ tịch", column (3), units "UBND huyện Kỳ Anh", "UBND huyện Cẩm Xuyên": sum overflows int64`; got != want {
		t.Errorf("II.06b: err = %q\nwant        %q", got, want)
	}
	// II.07b and II.08 name their part, section and level.
	h := func(u string) kstt.Header { return kstt.Header{Unit: u, Recipient: "UBND tỉnh", Period: rollupQ2} }
	desk := func(u string, n int64) *kstt.Report {
		f := &II07b{Header: h(u)}
		f.PartI.Rows = []II07bDeskRow{{STT: "1", Field: "Hộ tịch", CompetentProvince: n}}
		return &kstt.Report{Header: h(u), Forms: []kstt.Form{f}}
	}
	_, err = Rollup([]*kstt.Report{desk("Sở Tư pháp", big), desk("Sở Y tế", big)}, RollupOptions{})
	if !errors.Is(err, kstt.ErrOverflow) || !strings.Contains(err.Error(), `II.07b, Part I, lĩnh vực "Hộ tịch", column (`) ||
		!strings.Contains(err.Error(), `units "Sở Tư pháp", "Sở Y tế"`) {
		t.Errorf("II.07b: %v", err)
	}
	online := func(u string, n int64) *kstt.Report {
		f := &II08{Header: h(u), Sections: []II08Section{{Code: "B", Title: SectionB, Levels: []II08Level{{Code: "I", Title: LevelProvince,
			Rows: []II08Row{{STT: "1", Field: "Hộ tịch", PartialFiles: n}}}}}}}
		return &kstt.Report{Header: h(u), Forms: []kstt.Form{f}}
	}
	_, err = Rollup([]*kstt.Report{online("Sở Tư pháp", big), online("Sở Y tế", 1)}, RollupOptions{})
	if !errors.Is(err, kstt.ErrOverflow) || !strings.Contains(err.Error(), `II.08, section B, CẤP TỈNH, lĩnh vực "Hộ tịch", column (5), units "Sở Tư pháp", "Sở Y tế"`) {
		t.Errorf("II.08: %v", err)
	}
	// Many units are cut after a few.
	var many []*kstt.Report
	for i := range 8 {
		many = append(many, rollupRep(fmt.Sprintf("Sở số %d", i), "UBND tỉnh", rollupQ2, big/4))
	}
	_, err = Rollup(many, RollupOptions{})
	if !errors.Is(err, kstt.ErrOverflow) || !strings.Contains(err.Error(), `"Sở số 4" and 3 more: sum overflows int64`) {
		t.Errorf("many units: %v", err)
	}
}
