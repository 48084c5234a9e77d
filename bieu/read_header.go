package bieu

import (
	"errors"
	"regexp"
	"strings"

	"github.com/baocaodinhky/vpcp/internal/vntext"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/grid"
	"github.com/baocaodinhky/vpcp/kstt/outline"
	"github.com/baocaodinhky/vpcp/period"
)

type headerField uint8

const (
	fieldNone headerField = iota
	fieldUnit
	fieldRecipient
	fieldPeriod
	fieldRange
)

// fieldOf recognises a header line or cell: "Đơn vị báo cáo: …", "Đơn vị
// nhận báo cáo: …", "Kỳ báo cáo: …", "(Từ ngày … đến ngày …)".
func fieldOf(s string) headerField {
	if len(s) < 6 {
		return fieldNone
	}
	k := vntext.Key(scanPrefix(s))
	switch {
	case strings.HasPrefix(k, "đơn vị báo cáo"):
		return fieldUnit
	case strings.HasPrefix(k, "đơn vị nhận báo cáo"), strings.HasPrefix(k, "đơn vị nhận"):
		return fieldRecipient
	case strings.HasPrefix(k, "kỳ báo cáo"):
		return fieldPeriod
	case strings.HasPrefix(k, "(từ ngày"), strings.HasPrefix(k, "từ ngày"):
		return fieldRange
	}
	return fieldNone
}

// afterColon returns the text after the first colon, trimmed of the
// punctuation a line ends with.
func afterColon(s string) string {
	i := strings.IndexByte(s, ':')
	if i < 0 {
		return ""
	}
	return strings.TrimRight(strings.TrimSpace(s[i+1:]), ".;,")
}

// readHeader reads the header block of a form from the rows above its
// first table (from its code line, or from the end of the previous
// table): reporting unit, recipient, period and the date range under it.
func (rd *reader) readHeader(g *grid.Grid, inst *instance) kstt.Header {
	inst.at = map[string]string{}
	var h kstt.Header
	code := inst.spec.Code
	var unitAt, recAt, kyText, kyAt, rangeText, rangeAt string
	from, to := max(inst.hdrFrom, 0), min(inst.hdrTo, g.Len())
	for r := from; r < to; r++ {
		row := g.Row(r)
		for c := range row {
			cell := &row[c]
			if cell.IsNum || cell.Text == "" {
				continue
			}
			for _, piece := range strings.Split(cell.Text, ";") {
				piece = strings.TrimSpace(piece)
				fl := fieldOf(piece)
				if fl == fieldNone {
					continue
				}
				value := afterColon(piece)
				if value == "" && fl != fieldRange {
					value = nextValue(g, r, c, to)
				}
				switch fl {
				case fieldUnit:
					if h.Unit == "" {
						h.Unit, unitAt = value, g.Addr(r, c)
					}
				case fieldRecipient:
					if h.Recipient == "" {
						h.Recipient, recAt = value, g.Addr(r, c)
					}
				case fieldPeriod:
					if kyText == "" {
						kyText, kyAt = value, g.Addr(r, c)
					}
				case fieldRange:
					if rangeText == "" {
						rangeText, rangeAt = piece, g.Addr(r, c)
						// "(Từ ngày" | 15/3/2024 | "đến ngày" | 14/6/2024)":
						// a template with the dates in cells of their own.
						for k := c + 1; k < len(row); k++ {
							if t := row[k].Text; t != "" {
								rangeText += " " + t
							}
						}
					}
				}
			}
		}
	}
	where := g.Addr(from, 0)
	missing := func(label, labelEN string) {
		rd.find(ruleHeader, kstt.Finding{Form: code, Row: -1, RowLabel: label, Cell: where, Actual: "(không có)",
			Message: "không tìm thấy «" + label + ":» ở phần đầu biểu", MessageEN: "no «" + label + ":» (" + labelEN + ") in the form's header"})
	}
	if h.Unit == "" {
		missing("Đơn vị báo cáo", "reporting unit")
	}
	if h.Recipient == "" {
		missing("Đơn vị nhận báo cáo", "recipient")
	}
	inst.at["Đơn vị báo cáo"], inst.at["Đơn vị nhận báo cáo"] = unitAt, recAt
	inst.at["Kỳ báo cáo"] = kyAt
	if kyAt == "" {
		inst.at["Kỳ báo cáo"] = rangeAt
	}
	var kp, rp period.Period
	var kerr, rerr error
	if kyText != "" {
		kp, kerr = period.Parse(kyText)
		if kerr != nil {
			rd.find(ruleHeader, kstt.Finding{Form: code, Row: -1, RowLabel: "Kỳ báo cáo", Cell: kyAt, Actual: kyText,
				Message: "không đọc được kỳ báo cáo «" + kyText + "»", MessageEN: "cannot read the period «" + kyText + "»: " + kerr.Error()})
		}
	}
	if rangeText != "" {
		rp, rerr = period.Parse(rangeText)
		var re *period.RangeError
		switch {
		case errors.As(rerr, &re):
			f := kstt.Finding{Form: code, Row: -1, RowLabel: "Kỳ báo cáo (từ ngày … đến ngày …)", Cell: rangeAt, Actual: rangeText,
				Message: re.Reason, MessageEN: re.ReasonEN}
			if !re.Nearest.IsZero() {
				f.Expected = "(" + re.Nearest.RangeText() + ")"
			}
			rd.find(ruleHeader, f)
		case rerr != nil:
			rd.find(ruleHeader, kstt.Finding{Form: code, Row: -1, RowLabel: "Kỳ báo cáo (từ ngày … đến ngày …)", Cell: rangeAt, Actual: rangeText,
				Message: "không đọc được khoảng ngày «" + rangeText + "»", MessageEN: "cannot read the date range «" + rangeText + "»: " + rerr.Error()})
		}
	}
	switch {
	case kyText != "" && kerr == nil:
		h.Period = kp
		if rangeText != "" && rerr == nil && rp != kp {
			rd.find(ruleHeader, kstt.Finding{Form: code, Row: -1, RowLabel: "Kỳ báo cáo", Cell: rangeAt,
				Expected: "(" + kp.RangeText() + ")", Actual: rangeText,
				Message:   "khoảng ngày dưới kỳ báo cáo không phải " + kp.String(),
				MessageEN: "the date range under the period is not that of " + kp.English()})
		}
	case rangeText != "" && rerr == nil:
		h.Period = rp
	case kyText == "" && rangeText == "":
		missing("Kỳ báo cáo", "period")
	}
	return h
}

// nextValue finds the value of a label written alone ("Đơn vị nhận báo
// cáo:"): the next non-empty cell to its right, else the first cell of the
// next non-empty row (within three rows) when that row is not itself a
// labelled line.
func nextValue(g *grid.Grid, r, c, to int) string {
	row := g.Row(r)
	for k := c + 1; k < len(row); k++ {
		if t := row[k].Text; t != "" {
			return strings.TrimRight(t, ".;,")
		}
	}
	for k := r + 1; k < to && k <= r+3; k++ {
		fc := firstCol(g, k)
		cell := g.Cell(k, fc)
		if cell.Blank() {
			continue
		}
		if cell.IsNum || fieldOf(cell.Text) != fieldNone || strings.ContainsRune(cell.Text, ':') || cellCount(g, k) > 1 {
			return ""
		}
		return strings.TrimRight(cell.Text, ".;,")
	}
	return ""
}

// readNarrative reads what the rules need of the narrative report in rows
// [0, to) of g — the text above the first form: the period its heading
// writes, "(Từ ngày 15/3/2023 – 14/6/2024)", and the figures of section
// I.6.
func (rd *reader) readNarrative(g *grid.Grid, to int, res *readResult) {
	to = min(to, g.Len())
	six := -1
	for r := 0; r < to; r++ {
		if g.RowWidth(r) != 1 || g.Cell(r, 0).IsNum {
			continue
		}
		text := g.Cell(r, 0).Text
		if res.PeriodText == "" && fieldOf(text) == fieldRange {
			if _, _, err := period.ParseRange(text); err == nil {
				res.PeriodText, res.PeriodTextAt = text, g.Addr(r, 0)
			}
		}
		if six < 0 && strings.HasPrefix(text, "6.") && strings.Contains(vntext.Key(scanPrefix(text)), "kết quả giải quyết") {
			six = r
		}
	}
	if six < 0 || res.Files != nil {
		return
	}
	files, found := &outline.FileFigures{}, 0
	// figures: by the line a figure stands on, the words of its label, the
	// first a label contains naming the figure.
	type figure struct {
		word string
		dst  *int64
	}
	figures := map[string][]figure{
		"received": {
			{"trực tuyến", &files.Online},
			{"trực tiếp", &files.Direct},
			{"kỳ trước", &files.CarriedOver},
			{"mới tiếp nhận", &files.New},
			{"tiếp nhận", &files.Received},
		},
		"resolved": {
			{"trước hạn", &files.Early},
			{"đúng hạn", &files.OnTime},
			{"quá hạn", &files.Late},
			{"giải quyết", &files.Resolved},
		},
		"pending": {
			{"trong hạn", &files.PendingOnTime},
			{"quá hạn", &files.PendingOverdue},
			{"giải quyết", &files.Pending},
		},
	}
	seen := map[*int64]bool{}
	for r := six + 1; r < to && r <= six+20; r++ {
		if g.RowWidth(r) == 0 {
			continue
		}
		text := g.Cell(r, 0).Text
		if sectionHead.MatchString(text) {
			break
		}
		line := vntext.Key(text)
		ctx := ""
		switch {
		case strings.Contains(line, "đang giải quyết"):
			ctx = "pending"
		case strings.Contains(line, "đã giải quyết"):
			ctx = "resolved"
		case strings.Contains(line, "tiếp nhận"):
			ctx = "received"
		}
		for _, m := range figurePair.FindAllStringSubmatch(line, -1) {
			v, ok := grid.ParseCount(m[2])
			if !ok {
				continue
			}
			for _, fig := range figures[ctx] {
				if strings.Contains(m[1], fig.word) {
					if !seen[fig.dst] {
						seen[fig.dst] = true
						*fig.dst = v
						found++
					}
					break
				}
			}
		}
	}
	if found == 12 {
		res.Files, res.FilesAt = files, g.Addr(six, 0)
		return
	}
	rd.find(ruleNarrative, kstt.Finding{Row: -1, RowLabel: "báo cáo mục I.6", Cell: g.Addr(six, 0),
		Expected: "12 số liệu", Actual: itoa(found) + " số liệu",
		Message:   "chỉ đọc được " + itoa(found) + " trong 12 số liệu của mục I.6",
		MessageEN: "only " + itoa(found) + " of the 12 figures of section I.6 could be read"})
}

var (
	// figurePair: "label: 33" in a narrative line (lower case).
	figurePair = regexp.MustCompile(`([^:;,()]+?)\s*:\s*([0-9]+(?:\.[0-9]{3})*)`)
	// sectionHead: "7. Triển khai …", the next numbered section.
	sectionHead = regexp.MustCompile(`^\d{1,2}\.\s`)
)
