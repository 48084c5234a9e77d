package xlsx

import (
	"bytes"
	"errors"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/kstt/outline"
)

// reportForm is a minimal form of one count column and only a TỔNG CỘNG
// row, enough to make a report of two forms.
type reportForm struct{ code string }

func (f reportForm) Spec() *kstt.FormSpec {
	return &kstt.FormSpec{Code: f.code, Title: "T", Parts: []kstt.PartSpec{{Columns: []kstt.Column{
		{Num: 1, Key: "stt", Label: "STT", Kind: layout.TextColumn},
		{Num: 2, Key: "field", Label: "Lĩnh vực", Kind: layout.TextColumn},
		{Num: 3, Key: "n", Label: "Số", Kind: layout.CountColumn},
	}}}}
}
func (f reportForm) FormHeader() kstt.Header { return kstt.Header{Unit: "Sở Ngoại vụ"} }
func (f reportForm) Table(int) kstt.Table    { return reportTable{} }

type reportTable struct{}

func (reportTable) Len() int { return 1 }
func (reportTable) Row(int) kstt.RowMeta {
	return kstt.RowMeta{Kind: layout.TotalRow, Label: kstt.TotalLabel}
}
func (reportTable) Ints(_ int, d []int64)         { d[3] = 7 }
func (reportTable) Rate(int, int) decimal.Decimal { return decimal.Zero }

func TestRenderReportWritesEachFormAsASheet(t *testing.T) {
	rep := &kstt.Report{Narrative: &outline.Narrative{PeriodText: "Quý II năm 2024"},
		Forms: []kstt.Form{reportForm{"II.06a"}, reportForm{"II.08"}}}
	var b bytes.Buffer
	if err := New(Options{}).RenderReport(&b, rep); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, []string{"II.06a", "II.08"}) {
		t.Errorf("sheets %v", got)
	}
	if err := New(Options{}).RenderReport(&b, &kstt.Report{}); !errors.Is(err, ErrNoSheets) {
		t.Errorf("no forms: %v", err)
	}
}
