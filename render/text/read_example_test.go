package text_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/baocaodinhky/vpcp/render/text"
)

// ReadPasted turns a document pasted from Word or a PDF into one grid: a
// line per row, tab-separated fields as cells, every other line one cell,
// text made NFC. Package bieu recognises the forms in it (see bieu.Read).
func ExampleReadPasted() {
	doc := "Biểu số II.06a/VPCP/KSTT\r\n" +
		"**TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT\r\n" +
		"THỦ TỤC HÀNH CHÍNH**\r\n" +
		"\r\n" +
		"STT\tLĩnh vực giải quyết\tSố lượng hồ sơ tiếp nhận\r\n" +
		"2\tLĩnh vực HTQT\t02\r\n"
	grids, err := text.ReadPasted(strings.NewReader(doc), "bao-cao.txt")
	if err != nil {
		panic(err) // a *text.PasteError: ErrNotText, ErrLineTooLong, ErrPasteTooLarge
	}
	g := grids[0]
	for r := range g.Len() {
		row := g.Row(r)
		var cells []string
		for _, c := range row {
			cells = append(cells, c.Text)
		}
		fmt.Printf("L%d %q\n", r+1, cells)
	}
	fmt.Println(g.Addr(5, 2))
	// Output:
	// L1 ["Biểu số II.06a/VPCP/KSTT"]
	// L2 ["TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT"]
	// L3 ["THỦ TỤC HÀNH CHÍNH"]
	// L4 []
	// L5 ["STT" "Lĩnh vực giải quyết" "Số lượng hồ sơ tiếp nhận"]
	// L6 ["2" "Lĩnh vực HTQT" "02"]
	// bao-cao.txt:L6:C3
}

// Pasted text is read within bounds: lines, bytes and the grid's memory.
// What exceeds them is ErrPasteTooLarge, saying what was counted.
func ExamplePasteOptions() {
	wide := strings.Repeat(strings.Repeat("\t", 1000)+"x\n", 100)
	_, err := text.ReadPastedOptions(strings.NewReader(wide), "wide.txt", text.PasteOptions{MaxMemory: 1 << 20})
	fmt.Println(errors.Is(err, text.ErrPasteTooLarge))
	_, err = text.ReadPastedOptions(strings.NewReader("a\nb\nc\n"), "short.txt", text.PasteOptions{MaxLines: 2})
	fmt.Println(err)
	// Output:
	// true
	// text: short.txt:3: pasted text too large: more than 2 lines
}
