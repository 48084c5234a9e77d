package xlsx

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Font sizes, points: body cells and the lines above the table in 12,
// the multi-level header and the column-number row in 11.
const (
	fontName = "Times New Roman"
	bodyPt   = 12.0
	headPt   = 11.0
)

// Built-in number formats of the workbook format.
const (
	numFmtGeneral  = 0
	numFmtInt      = 1 // "0"
	numFmtPercent0 = 9 // "0%"
)

// bodyStyles are the styles of one kind of body row: plain (data rows) or
// bold (section, level and TỔNG CỘNG rows).
type bodyStyles struct {
	stt    int // column (1): centred
	label  int // text: left, wrapped
	center int // text centred: TỔNG CỘNG's label, text in a numeric column
	count  int // counts: Options.CountFormat
	flag   int // flags (0/1) and counts in a column of unknown kind: "0"
	empty  int // an empty cell: borders only
}

// styles holds the style IDs of one workbook. It is created once per
// Render in a fixed order, so the same sheets give the same IDs.
type styles struct {
	f *excelize.File

	code, title, line, italic, measure, blockTitle, note int
	head, numbers                                        int
	body                                                 [2]bodyStyles // [0] plain, [1] bold

	countFmt string
	numFmts  map[numFmtKey]int // percent and decimal styles, made on first use
	frozen   bool              // the styles part is written: no new style
}

type numFmtKey struct {
	bold    bool
	percent bool
	places  int32
}

// thinBorder is a thin black line on every side of a cell.
func thinBorder() []excelize.Border {
	return []excelize.Border{
		{Type: "left", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1},
		{Type: "right", Color: "000000", Style: 1},
		{Type: "bottom", Color: "000000", Style: 1},
	}
}

func newStyles(f *excelize.File, countFmt string) (*styles, error) {
	st := &styles{f: f, countFmt: countFmt, numFmts: map[numFmtKey]int{}}
	var err error
	mk := func(dst *int, s *excelize.Style) {
		if err != nil {
			return
		}
		*dst, err = f.NewStyle(s)
	}
	font := func(size float64, bold, italic bool) *excelize.Font {
		return &excelize.Font{Family: fontName, Size: size, Bold: bold, Italic: italic}
	}
	align := func(h string, wrap bool) *excelize.Alignment {
		return &excelize.Alignment{Horizontal: h, Vertical: "center", WrapText: wrap}
	}
	mk(&st.code, &excelize.Style{Font: font(bodyPt, false, false), Alignment: align("left", false)})
	mk(&st.title, &excelize.Style{Font: font(bodyPt, true, false), Alignment: align("center", true)})
	mk(&st.line, &excelize.Style{Font: font(bodyPt, false, false), Alignment: align("center", true)})
	mk(&st.italic, &excelize.Style{Font: font(bodyPt, false, true), Alignment: align("center", true)})
	mk(&st.measure, &excelize.Style{Font: font(bodyPt, false, true), Alignment: align("right", false)})
	mk(&st.blockTitle, &excelize.Style{Font: font(bodyPt, true, false), Alignment: align("left", true)})
	mk(&st.note, &excelize.Style{Font: font(bodyPt, false, true), Alignment: align("left", true)})
	mk(&st.head, &excelize.Style{Font: font(headPt, true, false), Alignment: align("center", true), Border: thinBorder()})
	mk(&st.numbers, &excelize.Style{Font: font(headPt, false, true), Alignment: align("center", true), Border: thinBorder()})
	for i := range st.body {
		b := &st.body[i]
		bold := i == 1
		cf := countFmt
		mk(&b.stt, &excelize.Style{Font: font(bodyPt, bold, false), Alignment: align("center", true), Border: thinBorder()})
		mk(&b.label, &excelize.Style{Font: font(bodyPt, bold, false), Alignment: align("left", true), Border: thinBorder()})
		mk(&b.center, &excelize.Style{Font: font(bodyPt, bold, false), Alignment: align("center", true), Border: thinBorder()})
		if cf == "0" {
			mk(&b.count, &excelize.Style{Font: font(bodyPt, bold, false), Alignment: align("center", false), Border: thinBorder(), NumFmt: numFmtInt})
		} else {
			mk(&b.count, &excelize.Style{Font: font(bodyPt, bold, false), Alignment: align("center", false), Border: thinBorder(), CustomNumFmt: &cf})
		}
		mk(&b.flag, &excelize.Style{Font: font(bodyPt, bold, false), Alignment: align("center", false), Border: thinBorder(), NumFmt: numFmtInt})
		mk(&b.empty, &excelize.Style{Font: font(bodyPt, bold, false), Alignment: align("center", false), Border: thinBorder()})
	}
	if err != nil {
		return nil, fmt.Errorf("xlsx: styles: %w", err)
	}
	return st, nil
}

// number returns the style of a percentage (percent) or a plain decimal
// number with places decimals. Percentages show places decimals of the
// percentage: places 2 is "0.00%;-0.00%;0%", so 0.3333 shows "33.33%"
// and 0 shows "0%" as the seed report prints it.
func (st *styles) number(bold, percent bool, places int32) (int, error) {
	places = min(max(places, 0), 10)
	key := numFmtKey{bold, percent, places}
	if id, ok := st.numFmts[key]; ok {
		return id, nil
	}
	if st.frozen {
		return 0, fmt.Errorf("xlsx: number style (percent %t, %d places) made after the styles were written", percent, places)
	}
	s := &excelize.Style{
		Font:      &excelize.Font{Family: fontName, Size: bodyPt, Bold: bold},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"},
		Border:    thinBorder(),
	}
	switch {
	case percent && places == 0:
		s.NumFmt = numFmtPercent0
	case !percent && places == 0:
		s.NumFmt = numFmtInt
	default:
		// A zero prints without decimals, as the forms print it: "0%",
		// "0" (the third section of the format is for zero).
		code := "0." + strings.Repeat("0", int(places))
		zero := "0"
		if percent {
			code += "%"
			zero += "%"
		}
		code = code + ";-" + code + ";" + zero
		s.CustomNumFmt = &code
	}
	id, err := st.f.NewStyle(s)
	if err != nil {
		return 0, fmt.Errorf("xlsx: number style (percent %t, %d places): %w", percent, places, err)
	}
	st.numFmts[key] = id
	return id, nil
}
