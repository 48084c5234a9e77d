package bieu

import (
	"fmt"
	"strconv"
	"sync"
	"testing"

	"github.com/baocaodinhky/vpcp/kstt"
)

// The national roll-up: 3,334 units (a province's Sở, huyện and xã
// across the country, the order of magnitude the Văn phòng Chính phủ
// receives) each filing II.06a, II.07b and II.08, rolled up and checked
// — every unit's own findings and the aggregate's, II.07b by unit
// included (3,334 rows). Goal: the whole process ≤ 0.5 s; measure it with
//
//	go test -c -o /tmp/bieu.test ./bieu
//	/usr/bin/time -v /tmp/bieu.test -test.run '^$' -test.bench 'NationalWhole' -test.benchtime 1x
//
// and compare with BenchmarkNational's sub-benchmarks for the parts.

const nationalUnits = 3_334

// nationalReport builds unit u's report. One unit in ten counts more
// procedures at the one-stop desk than within its competence (II.07b/R06,
// R07, as the seed report does) so the check writes findings too.
func nationalReport(u int) *kstt.Report {
	level := u % 3
	name := []string{"Sở số %d", "UBND huyện %d", "UBND xã %d"}[level]
	h := kstt.Header{Unit: fmt.Sprintf(name, u), Recipient: "Văn phòng Chính phủ", Period: rollupQ2}
	label := func(i int) string {
		if (u+i)%4 == 0 {
			return fmt.Sprintf("lĩnh vực  SỐ %d", i)
		}
		return fmt.Sprintf("Lĩnh vực số %d", i)
	}
	a := &II06a{Header: h}
	for k := range 8 {
		i := (u + 5*k) % 40
		v := int64((u+i)%17 + 1)
		a.Rows = append(a.Rows, II06aRow{STT: strconv.Itoa(k + 1), Field: label(i), Online: v, Direct: v / 2, CarriedOver: 1,
			Early: v / 3, OnTime: v, Late: 1, PendingOnTime: v/2 - v/3})
	}
	b := &II07b{Header: h}
	for k := range 5 {
		i := (u + 3*k) % 40
		v := int64((u+i)%7 + 1)
		one := v
		if u%10 == 0 && k == 0 {
			one = v + 4
		}
		b.PartI.Rows = append(b.PartI.Rows, II07bDeskRow{STT: strconv.Itoa(k + 1), Field: label(i),
			CompetentProvince: v, CompetentDistrict: v, CompetentCommune: v,
			OneStopProvince: one, OneStopDistrict: v, OneStopCommune: v,
			ProcessProvince: v, ProcessDistrict: v, ProcessCommune: v})
		b.PartII.Rows = append(b.PartII.Rows, II07bOnSpotRow{STT: strconv.Itoa(k + 1), Field: label(i), Province: v / 2, District: v / 3})
	}
	c := &II08{Header: h, Sections: []II08Section{{Code: "B", Title: SectionB, Levels: []II08Level{
		{Code: []string{"I", "II", "III"}[level], Title: []string{LevelProvince, LevelDistrict, LevelCommune}[level]},
	}}}}
	for k := range 4 {
		i := (u + 7*k) % 40
		v := int64((u+i)%5 + 1)
		c.Sections[0].Levels[0].Rows = append(c.Sections[0].Levels[0].Rows, II08Row{STT: strconv.Itoa(k + 1), Field: label(i),
			PartialAssigned: v, PartialDeployed: v, PartialFiles: 2 * v, FullAssigned: v, FullDeployed: v - 1, FullFiles: 3 * v, Integrated: 1})
	}
	for _, f := range []interface{ Fill() error }{a, b, c} {
		if err := f.Fill(); err != nil {
			panic(err)
		}
	}
	return &kstt.Report{Header: h, Forms: []kstt.Form{a, b, c}}
}

func nationalReports() []*kstt.Report {
	out := make([]*kstt.Report, nationalUnits)
	for u := range out {
		out[u] = nationalReport(u)
	}
	return out
}

var nationalOnce = sync.OnceValue(nationalReports)

// nationalRun rolls the reports up and checks the roll-up, returning the
// number of findings.
func nationalRun(b *testing.B, reps []*kstt.Report) int {
	agg, err := Rollup(reps, RollupOptions{Recipient: "Văn phòng Chính phủ"})
	if err != nil {
		b.Fatal(err)
	}
	fs, err := agg.Check(kstt.CheckOptions{})
	if err != nil {
		b.Fatal(err)
	}
	byUnit, err := agg.II07bByUnit.Check(kstt.CheckOptions{})
	if err != nil {
		b.Fatal(err)
	}
	if len(agg.II07bByUnit.PartI.Rows) != nationalUnits {
		b.Fatalf("II.07b by unit has %d rows", len(agg.II07bByUnit.PartI.Rows))
	}
	return len(fs) + len(byUnit)
}

// BenchmarkNationalWhole builds the reports, rolls them up and checks
// them: what a process does from its reports in memory to the findings.
func BenchmarkNationalWhole(b *testing.B) {
	for b.Loop() {
		if n := nationalRun(b, nationalReports()); n == 0 {
			b.Fatal("no finding")
		}
	}
}

// BenchmarkNational times the parts: the roll-up, the check of every unit
// and of the aggregate, and the check of II.07b by unit (3,334 rows).
func BenchmarkNational(b *testing.B) {
	reps := nationalOnce()
	b.Run("rollup", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Rollup(reps, RollupOptions{Recipient: "Văn phòng Chính phủ"}); err != nil {
				b.Fatal(err)
			}
		}
	})
	agg, err := Rollup(reps, RollupOptions{Recipient: "Văn phòng Chính phủ"})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("check", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := agg.Check(kstt.CheckOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("check-II.07b-by-unit", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := agg.II07bByUnit.Check(kstt.CheckOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
