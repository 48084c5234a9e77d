package bieu_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/baocaodinhky/vpcp/kstt"
)

// TestReadRowsBelowTotal: the table ends at TỔNG CỘNG, and a row below it
// that carries figures — a lĩnh vực appended under the total, a second
// total, the rows of a table whose total comes first — is not read: each
// is a finding (READ/R09) naming the row, never dropped in silence. What
// follows the figures (a blank line, the unit line, a signature) is not.
func TestReadRowsBelowTotal(t *testing.T) {
	const total = "TỔNG CỘNG\t\t14\t10\t3\t1\t12\t1\t11\t0\t2\t1\t1\n"
	cases := []struct {
		name, body string
		want       []string // rule, cell, actual
		message    string   // how the message starts
	}{
		{"a row appended", body06a[:strings.Index(body06a, "\n\n")+1] + "3\tLĩnh vực chứng thực\t5\t5\t0\t0\t5\t5\t0\t0\t0\t0\t0\n\nNgười lập biểu\n",
			[]string{"READ/R09 t.txt:L16:C1 3 Lĩnh vực chứng thực"}, "dòng dưới dòng TỔNG CỘNG, không được đọc"},
		{"the total twice", body06a[:strings.Index(body06a, "\n\n")+1] + "\n" + total,
			[]string{"READ/R09 t.txt:L17:C1 TỔNG CỘNG"}, "dòng TỔNG CỘNG thứ hai, không được đọc"},
	}
	for _, c := range cases {
		res := mustRead(t, pasted(t, head06a+labels06a+numbers06a+c.body))
		if diff := cmp.Diff(kstt.Form(want06a(t)), res.Forms[0], ignoreOrigin); diff != "" {
			t.Errorf("%s: (-want +got):\n%s", c.name, diff)
		}
		var got []string
		for _, f := range res.Findings {
			got = append(got, string(f.Rule)+" "+f.Cell+" "+f.Actual)
			if !strings.HasPrefix(f.Message, c.message) {
				t.Errorf("%s: message %q, want it to start %q", c.name, f.Message, c.message)
			}
		}
		if !cmp.Equal(got, c.want) {
			t.Errorf("%s: findings %q, want %q", c.name, got, c.want)
		}
	}
	// The total first: both lĩnh vực rows are findings, besides the
	// total's disagreeing with no rows (II.06a/R04, checked elsewhere).
	res := mustRead(t, pasted(t, head06a+labels06a+numbers06a+total+body06a[:strings.Index(body06a, "TỔNG")]))
	var skipped []string
	for _, f := range res.Findings {
		if f.Rule == "READ/R09" {
			skipped = append(skipped, f.Actual)
		}
	}
	if want := []string{"1 Lĩnh vực hộ tịch", "2 Lĩnh vực luật sư"}; !cmp.Equal(skipped, want) {
		t.Errorf("total first: READ/R09 on %q, want %q", skipped, want)
	}

	// Many rows below the total: maxAfter findings, the last counting the
	// others.
	var b strings.Builder
	b.WriteString(head06a + labels06a + numbers06a + body06a[:strings.Index(body06a, "\n\n")+1])
	for i := range 1000 {
		fmt.Fprintf(&b, "%d\tLĩnh vực %d\t1\t1\t0\t0\t1\t1\t0\t0\t0\t0\t0\n", i+3, i)
	}
	res = mustRead(t, pasted(t, b.String()))
	if n := len(res.Findings); n != 20 || !strings.Contains(res.Findings[n-1].Message, "và 980 dòng số liệu nữa") {
		t.Errorf("1000 rows below the total: %d findings, the last %q; want 20, the last telling 980 more", n, res.Findings[n-1].Message)
	}
}
