package text

import (
	"bytes"
	"strings"
	"testing"

	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/outline"
)

func TestRenderReportNarrativeThenForms(t *testing.T) {
	rep := &kstt.Report{Narrative: &outline.Narrative{
		Heading:   &outline.Heading{Place: "Hà Tĩnh", Title: "Công tác kiểm soát thủ tục hành chính"},
		Signature: &outline.Signature{Title: "GIÁM ĐỐC", Name: "Nguyễn Văn A"},
	}}
	var b bytes.Buffer
	if err := New(DefaultOptions()).RenderReport(&b, rep); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.HasPrefix(out, "Hà Tĩnh, ngày tháng năm\n\nBÁO CÁO\n") || !strings.HasSuffix(out, "GIÁM ĐỐC\n\nNguyễn Văn A\n") {
		t.Errorf("narrative only:\n%s", out)
	}
	b.Reset()
	if err := New(DefaultOptions()).RenderReport(&b, &kstt.Report{}); err != nil || b.Len() != 0 {
		t.Errorf("empty report: %q %v", b.String(), err)
	}
}
