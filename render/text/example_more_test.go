package text_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/unicode/norm"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/outline"
	"github.com/baocaodinhky/vpcp/period"
	"github.com/baocaodinhky/vpcp/render/text"
)

// Options gives back what a renderer was built with, the default width
// filled in.
func ExampleRenderer_Options() {
	o := text.New(text.Options{}).Options()
	fmt.Println(o.Width == text.DefaultWidth, o.PadCounts, o.DecimalComma)
	d := text.New(text.DefaultOptions()).Options()
	fmt.Println(d.PadCounts, d.DecimalComma)
	// Output:
	// true false false
	// true true
}

// RenderReport prints a whole report: the narrative in the outline's
// layout, then each annexed form. Here only the lines that name the parts
// and the forms.
func ExampleRenderer_RenderReport() {
	q2 := period.Must(period.Quarter(2024, 2))
	f := &bieu.II06a{Rows: []bieu.II06aRow{{Field: "Lĩnh vực hộ tịch", Online: 5, Direct: 2, OnTime: 7}}}
	r := kstt.NewReport(kstt.Header{Unit: "Sở Tư pháp", Recipient: "UBND tỉnh", Period: q2}, f)
	r.Narrative = &outline.Narrative{
		Files: &outline.FileFigures{Received: 7, New: 7, Online: 5, Direct: 2, Resolved: 7, OnTime: 7},
		Tasks: []string{"Tiếp tục rà soát, đơn giản hóa TTHC."},
	}
	if err := r.Fill(); err != nil {
		panic(err)
	}
	var b strings.Builder
	if err := text.New(text.DefaultOptions()).RenderReport(&b, r); err != nil {
		panic(err)
	}
	for _, l := range strings.Split(b.String(), "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "I") || strings.HasPrefix(l, "6.") || strings.HasPrefix(l, "Biểu số") || strings.HasPrefix(l, "Kỳ báo cáo") {
			fmt.Println(l)
		}
	}
	// Output:
	// I. TÌNH HÌNH, KẾT QUẢ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH
	// 6. Tình hình, kết quả giải quyết TTHC
	// II. ĐÁNH GIÁ CHUNG
	// III. PHƯƠNG HƯỚNG NHIỆM VỤ CHỦ YẾU QUÝ III NĂM 2024
	// Biểu số II.06a/VPCP/KSTT
	// Kỳ báo cáo: Quý II năm 2024
}

// ReadPastedOptions reads what Word saves as "Unicode text" (UTF-16 with a
// byte order mark) and text typed in NFD, giving NFC cells; input that is no
// text is ErrNotText.
func ExampleReadPastedOptions() {
	doc := "Kỳ báo cáo: Quý II năm 2024\r\nSTT\tLĩnh vực giải quyết\r\n1\t" + norm.NFD.String("Lĩnh vực hộ tịch") + "\r\n"
	u16 := []byte{0xff, 0xfe} // UTF-16LE byte order mark
	for _, r := range utf16.Encode([]rune(doc)) {
		u16 = binary.LittleEndian.AppendUint16(u16, r)
	}
	grids, err := text.ReadPastedOptions(bytes.NewReader(u16), "bao-cao.txt", text.PasteOptions{})
	if err != nil {
		panic(err)
	}
	g := grids[0]
	c := g.Cell(2, 1)
	fmt.Println(g.Len(), g.Cell(0, 0).Text, "|", c.Text, norm.NFC.IsNormalString(c.Text), g.Addr(2, 1))

	_, err = text.ReadPastedOptions(bytes.NewReader([]byte("PK\x03\x04\x00\x00")), "bao-cao.xlsx", text.PasteOptions{})
	fmt.Println(errors.Is(err, text.ErrNotText))
	// Output:
	// 3 Kỳ báo cáo: Quý II năm 2024 | Lĩnh vực hộ tịch true bao-cao.txt:L3:C2
	// true
}
