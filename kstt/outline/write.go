package outline

import (
	"bufio"
	"cmp"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/baocaodinhky/vpcp/period"
)

// WriteText writes the narrative as plain text in the layout of
// the outline (Thông tư 01/2020/TT-VPCP, đề cương báo cáo) and of an
// administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I): the
// heading (issuer, "Số: …/…", place and date, "BÁO CÁO", the title and the
// period as written), the preamble, part I with its numbered sections —
// each one's prose, then its figures as "- label: value" lines —, part II,
// part III with its numbered tasks, the closing sentence, Nơi nhận and the
// signature block. Paragraphs are separated by a blank line and not
// wrapped. The forms are not printed: a renderer prints them (kstt.Report.Sheets).
//
// Whole numbers from 1 to 9 are written with two digits ("02", "05"), as
// administrative writing does and the seed report shows; decimals use a
// decimal comma, money groups thousands with dots. A report without a
// narrative writes nothing.
//
// p is the reporting period, which names part III ("PHƯƠNG HƯỚNG, NHIỆM VỤ
// ... QUÝ IV NĂM 2024" for Quý III năm 2024); the zero Period writes "KỲ TỚI".
// A nil Narrative writes nothing.
func (n *Narrative) WriteText(w io.Writer, p period.Period) error {
	if n == nil {
		return nil
	}
	pr := &narrativePrinter{w: bufio.NewWriter(w)}
	pr.heading(n)
	pr.para(n.Preamble)
	pr.part("I", PartITitle)
	pr.sections(n)
	pr.part("II", PartIITitle)
	for _, t := range n.Assessment {
		pr.para(t)
	}
	next := "KỲ TỚI"
	if !p.IsZero() {
		next = strings.ToUpper(p.Next().String())
	}
	pr.part("III", PartIIITitle+" "+next)
	for i, t := range n.Tasks {
		pr.para(strconv.Itoa(i+1) + ". " + t)
	}
	pr.para(n.Closing)
	if len(n.Recipients) > 0 {
		pr.para("Nơi nhận:")
		for i, rc := range n.Recipients {
			end := ";"
			if i == len(n.Recipients)-1 {
				end = "."
			}
			pr.para("- " + strings.TrimRight(rc, ";. ") + end)
		}
	}
	if s := n.Signature; s != nil {
		pr.lines(s.Authority, s.Title)
		pr.para(s.Name)
	}
	return pr.w.Flush()
}

type narrativePrinter struct {
	w       *bufio.Writer
	started bool
}

// lines writes consecutive non-empty lines as one paragraph.
func (p *narrativePrinter) lines(ls ...string) {
	first := true
	for _, l := range ls {
		if l == "" {
			continue
		}
		if first {
			if p.started {
				p.w.WriteString("\n")
			}
			first = false
		}
		p.w.WriteString(l)
		p.w.WriteString("\n")
		p.started = true
	}
}

func (p *narrativePrinter) para(s string) { p.lines(s) }

func (p *narrativePrinter) part(num, title string) { p.para(num + ". " + title) }

func (p *narrativePrinter) heading(n *Narrative) {
	h := n.Heading
	if h == nil {
		p.para(DocumentKind)
		p.para(n.PeriodText)
		return
	}
	if h.Issuer != "" {
		p.lines(h.Authority, h.Issuer)
		p.lines("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
	}
	if h.Number != "" || h.Symbol != "" {
		p.para("Số: " + h.Number + "/" + h.Symbol)
	}
	date := h.Date.String()
	if h.Place != "" {
		date = h.Place + ", " + date
	}
	p.para(date)
	p.para(DocumentKind)
	p.lines(h.Title, n.PeriodText)
}

func (p *narrativePrinter) sections(n *Narrative) {
	nos := make([]int, 0, SectionCount)
	for i := 1; i <= SectionCount; i++ {
		nos = append(nos, i)
	}
	for _, s := range n.Sections {
		if !slices.Contains(nos, s.No) {
			nos = append(nos, s.No)
		}
	}
	slices.Sort(nos)
	for _, no := range nos {
		s, ok := n.Section(no)
		figs := sectionFigures(n, no)
		if !ok && len(figs) == 0 {
			continue
		}
		title := cmp.Or(s.Title, SectionTitle(no))
		p.para(strconv.Itoa(no) + ". " + title)
		for _, t := range s.Text {
			p.para(t)
		}
		for _, f := range figs {
			p.para("- " + f)
		}
	}
}

// sectionFigures returns the figure lines of section no, in the words of
// the
func sectionFigures(n *Narrative, no int) []string {
	f := FigureText
	switch no {
	case 1:
		if x := n.Impact; x != nil {
			return []string{
				"Số lượng TTHC đã được đánh giá tác động trong kỳ báo cáo: " + f(x.Assessed),
				"Số lượng TTHC được ban hành trong kỳ báo cáo đã được đánh giá tác động: " + f(x.IssuedAssessed),
			}
		}
	case 4:
		if x := n.Review; x != nil {
			return []string{
				"Tổng số TTHC cần rà soát, đơn giản hóa theo Kế hoạch: " + f(x.Planned),
				"Tổng số TTHC đã được rà soát, thông qua phương án đơn giản hóa: " + f(x.Reviewed),
				"Phương án đơn giản hóa cụ thể: số TTHC giữ nguyên: " + f(x.Kept) +
					"; số TTHC bãi bỏ: " + f(x.Abolished) +
					"; số TTHC sửa đổi, bổ sung: " + f(x.Amended) +
					"; số TTHC thay thế: " + f(x.Replaced) +
					"; số TTHC liên thông: " + f(x.Linked) +
					"; số TTHC có giải pháp để thực hiện trên môi trường điện tử: " + f(x.Electronic),
				"Số tiền tiết kiệm được: " + MoneyText(x.MoneySaved),
				"Tỷ lệ chi phí tiết kiệm được: " + RateText(x.CostSavingRate),
				"Tỷ lệ hoàn thành kế hoạch rà soát, đơn giản hóa: " + RateText(x.CompletionRate),
			}
		}
	case 5:
		if x := n.Feedback; x != nil {
			total := "Tổng số phản ánh, kiến nghị đã tiếp nhận trong kỳ báo cáo"
			if x.Total != nil {
				total += ": " + f(*x.Total)
			}
			return []string{
				total + ", trong đó: Số tiếp nhận mới trong kỳ: " + f(x.New) +
					"; số từ kỳ trước chuyển qua: " + f(x.CarriedOver) +
					"; số phản ánh, kiến nghị về quy định hành chính: " + f(x.Regulations) +
					"; số phản ánh, kiến nghị về hành vi hành chính: " + f(x.Conduct) + ".",
				"Số phản ánh, kiến nghị đã xử lý: " + f(x.Handled) + "; trong đó số đã được đăng tải công khai: " + f(x.Published),
				"Số phản ánh, kiến nghị đang xử lý: " + f(x.InProgress),
			}
		}
	case 6:
		if x := n.Files; x != nil {
			return []string{
				"Tổng số hồ sơ TTHC đã tiếp nhận trong kỳ báo cáo: " + f(x.Received) +
					", trong đó: Số mới tiếp nhận trong kỳ: " + f(x.New) +
					" (trực tuyến: " + f(x.Online) + "; trực tiếp và qua dịch vụ bưu chính: " + f(x.Direct) +
					"); số từ kỳ trước chuyển qua: " + f(x.CarriedOver),
				"Số lượng hồ sơ đã giải quyết: " + f(x.Resolved) + "; trong đó, giải quyết trước hạn: " + f(x.Early) +
					", đúng hạn: " + f(x.OnTime) + ", quá hạn: " + f(x.Late),
				"Số lượng hồ sơ đang giải quyết: " + f(x.Pending) + "; trong đó, trong hạn: " + f(x.PendingOnTime) +
					", quá hạn: " + f(x.PendingOverdue) + ".",
			}
		}
	case 7:
		if x := n.OneStop; x != nil {
			return []string{"Số ý kiến khách hàng được đo lường sự hài lòng trong kỳ: " + f(x.SurveyResponses)}
		}
	case 12:
		if x := n.Online; x != nil {
			return []string{
				"Số TTHC đã triển khai dịch vụ công trực tuyến toàn trình và toàn trình một phần: " + f(x.Deployed),
				"Số TTHC chưa cung cấp được dịch vụ công trực tuyến toàn trình: " + f(x.PartialOnly),
			}
		}
	}
	return nil
}
