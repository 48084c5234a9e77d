package kstt

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/baocaodinhky/vpcp/kstt/layout"
)

// benchSpec is a one-part form with a printed sum and TỔNG CỘNG.
var benchSpec = &FormSpec{
	Code: "B.01", Title: "BIỂU ĐO", Unit: "hồ sơ", Basis: "bench",
	Parts: []PartSpec{{Columns: []Column{
		{Num: 1, Key: "stt", Label: "STT", Kind: layout.TextColumn},
		{Num: 2, Key: "field", Label: "Lĩnh vực", Kind: layout.TextColumn},
		{Num: 3, Key: "total", Label: "Tổng số", Kind: layout.CountColumn},
		{Num: 4, Key: "a", Label: "Trực tuyến", Kind: layout.CountColumn},
		{Num: 5, Key: "b", Label: "Trực tiếp", Kind: layout.CountColumn},
	}}},
	Rules: []Rule{
		{ID: "B.01/R1", Kind: SumOfColumns, Severity: Error, Expr: "(3)=(4)+(5)", Basis: "b", Meaning: "m", MeaningEN: "m",
			Target: Ref{Col: 3}, Terms: []Ref{{Col: 4}, {Col: 5}}},
		{ID: "B.01/R2", Kind: SumOfRows, Severity: Error, Expr: "Σ", Basis: "b", Meaning: "m", MeaningEN: "m"},
	},
}

// benchForm holds (3), (4), (5) per row; the last row is TỔNG CỘNG.
type benchForm struct{ rows [][3]int64 }

func (f *benchForm) Spec() *FormSpec    { return benchSpec }
func (f *benchForm) FormHeader() Header { return Header{} }
func (f *benchForm) Table(int) Table    { return f }
func (f *benchForm) Len() int           { return len(f.rows) }
func (f *benchForm) Row(i int) RowMeta {
	if i == len(f.rows)-1 {
		return RowMeta{Kind: layout.TotalRow, Label: TotalLabel}
	}
	return RowMeta{Kind: layout.DataRow, Label: "Lĩnh vực"}
}
func (f *benchForm) Ints(i int, d []int64)         { copy(d[3:6], f.rows[i][:]) }
func (f *benchForm) Rate(int, int) decimal.Decimal { return decimal.Zero }

// newBenchForm has 20 data rows, bad of them with (3) one more than
// (4)+(5), and a TỔNG CỘNG that sums (3) as written.
func newBenchForm(bad int) *benchForm {
	f := &benchForm{rows: make([][3]int64, 21)}
	for i := range 20 {
		f.rows[i] = [3]int64{int64(3 * i), int64(i), int64(2 * i)}
		if i < bad {
			f.rows[i][0]++
		}
		for k := range 3 {
			f.rows[20][k] += f.rows[i][k]
		}
	}
	return f
}

// BenchmarkCheckerShape is Checker.Check, which returns a new sorted list
// as kstt.Check does, beside kstt.Check and the internal append path that
// reuses the caller's slice and does not sort (the floor). A clean form
// allocates nothing on every path; with findings, Check allocates the
// list besides the messages.
func BenchmarkCheckerShape(b *testing.B) {
	c, err := NewChecker(benchSpec, CheckOptions{})
	if err != nil {
		b.Fatal(err)
	}
	for _, bad := range []int{0, 4} {
		f := newBenchForm(bad)
		want := 0 // R1 in each bad row, and in TỔNG CỘNG
		if bad > 0 {
			want = bad + 1
		}
		b.Run("Check/bad="+itoa(int64(bad)), func(b *testing.B) {
			b.ReportAllocs()
			var fs Findings
			for b.Loop() {
				fs, err = c.Check(f)
			}
			if err != nil || len(fs) != want {
				b.Fatal(len(fs), err)
			}
		})
		b.Run("kstt.Check/bad="+itoa(int64(bad)), func(b *testing.B) {
			b.ReportAllocs()
			var fs Findings
			for b.Loop() {
				fs, err = Check(f, CheckOptions{})
			}
			if err != nil || len(fs) != want {
				b.Fatal(len(fs), err)
			}
		})
		b.Run("append/bad="+itoa(int64(bad)), func(b *testing.B) {
			b.ReportAllocs()
			var dst Findings
			for b.Loop() {
				dst = c.check(f, dst[:0])
			}
			if len(dst) != want {
				b.Fatal(len(dst))
			}
		})
	}
}
