package main

import (
	"bytes"
	"context"
	htmltemplate "html/template"
	"strconv"
	"strings"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/bieu/indicator"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/render/html"
	"github.com/baocaodinhky/vpcp/render/xlsx"
)

// pageData is what the result page shows.
type pageData struct {
	Errors []string
	// UnitsFirst: one unit only, whose findings come before its roll-up.
	UnitsFirst bool
	Units      []unitView
	Agg        *aggView
	Compare    []compareView
}

// unitView is one uploaded file of this period.
type unitView struct {
	Anchor, File, Unit, Period, Forms string
	Err                               string // why it could not be read
	Errors, Warnings, Infos           int
	OnTime, Online                    string // II.06a's on-time and online rates on TỔNG CỘNG, "–" for none
	Findings                          []findingView
	Table                             htmltemplate.HTML // its forms, findings on their cells
}

// findingView is one line of a findings list.
type findingView struct {
	Class, Severity, Rule, Where, Expected, Actual, Message string
}

// aggView is the roll-up.
type aggView struct {
	Unit, Period, Forms     string
	OnTime, Online          string
	Count                   int
	Errors, Warnings, Infos int
	Findings                []findingView
	FormsList               []aggForm
	Indicators              htmltemplate.HTML
	Rankings                []htmltemplate.HTML
	FileName, ChartsName    string
	XLSX, ChartsXLSX        htmltemplate.URL
}

// aggForm is one form of the roll-up with the units behind each row.
type aggForm struct {
	Name    string
	Table   htmltemplate.HTML
	Sources []sourceView
}

type sourceView struct {
	STT   string // as the aggregate prints it in (1)
	Label string // the lĩnh vực, with its level or part
	Units string
}

type compareView struct {
	Title string
	Table htmltemplate.HTML
}

// fragment renders sheets as HTML sections, findings on their cells; it
// stops at the renderer's next write once ctx is done.
func fragment(ctx context.Context, findings kstt.Findings, sheets ...*layout.Sheet) htmltemplate.HTML {
	var b bytes.Buffer
	if err := html.New(html.Options{Fragment: true, Findings: findings}).Render(ctxWriter{ctx, &b}, sheets...); err != nil {
		return htmltemplate.HTML("<p class=\"errors\">" + htmltemplate.HTMLEscapeString(errText(err)) + "</p>")
	}
	// The renderer escapes everything it writes.
	return htmltemplate.HTML(b.String())
}

func findingViews(fs kstt.Findings) []findingView {
	out := make([]findingView, 0, len(fs))
	for _, f := range fs {
		where := f.Cell
		if where == "" {
			f.Unit = ""
			where = f.Where()
		}
		out = append(out, findingView{
			Class: sevName(f.Severity), Severity: f.Severity.Vietnamese(), Rule: string(f.Rule), Where: where,
			Expected: f.Expected, Actual: f.Actual, Message: f.Message,
		})
	}
	return out
}

func sevName(s kstt.Severity) string {
	switch s {
	case kstt.Error:
		return "error"
	case kstt.Warning:
		return "warning"
	}
	return "info"
}

func formCodes(r *kstt.Report) string {
	var codes []string
	for _, f := range r.Forms {
		if f != nil {
			codes = append(codes, f.Spec().Code)
		}
	}
	return strings.Join(codes, ", ")
}

func periodText(h kstt.Header) string {
	if h.Period.IsZero() {
		return ""
	}
	return h.Period.String()
}

// analyse reads the uploads and builds the page: each unit's forms and
// findings, the roll-up with its sources, indicators and rankings, and the
// comparison with the earlier period's files. Once ctx is done (the
// client has gone) it stops between files and stages, and the readers and
// renderers at their next read or write; the page it returns then is for
// the bin.
func analyse(ctx context.Context, req *request) *pageData {
	page := &pageData{}
	var cur, prev []upload
	for _, u := range req.files {
		if u.prev {
			prev = append(prev, u)
		} else {
			cur = append(cur, u)
		}
	}
	if len(cur) == 0 {
		return page
	}
	ru := rollupUploads(ctx, cur, req.choices)
	reports := make([]*kstt.Report, 0, len(cur))
	for i, u := range cur {
		if ctx.Err() != nil {
			return page
		}
		v := unitView{Anchor: "unit-" + strconv.Itoa(i+1), File: u.name}
		in := ru.inputs[i]
		if in == nil {
			v.Err = ru.readErr[i]
			page.Units = append(page.Units, v)
			continue
		}
		h := in.report.Header.Normalize()
		v.Unit, v.Period, v.Forms = h.Unit, periodText(h), formCodes(in.report)
		found := in.findings
		v.Errors, v.Warnings, v.Infos = found.Count(kstt.Error), found.Count(kstt.Warning), found.Count(kstt.Info)
		v.Findings = findingViews(found)
		v.Table = fragment(ctx, found, in.report.Sheets()...)
		v.OnTime, v.Online = rateOf(in.report, "II.06a/ON_TIME"), rateOf(in.report, "II.06a/ONLINE")
		page.Units = append(page.Units, v)
		reports = append(reports, in.report)
	}
	page.Errors = append(page.Errors, ru.errs...)
	if ru.agg == nil {
		return page
	}
	if ctx.Err() != nil {
		return page
	}
	page.Agg = aggregateView(ctx, ru, reports)
	page.UnitsFirst = len(reports) == 1

	if len(prev) > 0 && ctx.Err() == nil {
		page.Compare, page.Errors = comparisons(ctx, ru, reports, prev, req.choices, page.Errors)
	}
	return page
}

func aggregateView(ctx context.Context, ru *rolled, reports []*kstt.Report) *aggView {
	agg := ru.agg
	h := agg.Header.Normalize()
	av := &aggView{Unit: h.Unit, Period: periodText(h), Count: len(agg.Units), FileName: "tong-hop.xlsx", ChartsName: "tong-hop-chi-so.xlsx"}
	checked, err := agg.Check(kstt.CheckOptions{})
	var own kstt.Findings
	if err == nil {
		for _, f := range checked {
			if f.Unit == "" { // the units' own are shown with their files
				own = append(own, f)
			}
		}
	}
	av.Errors, av.Warnings, av.Infos = own.Count(kstt.Error), own.Count(kstt.Warning), own.Count(kstt.Info)
	av.Findings = findingViews(own)
	rep := agg.Report()
	av.Forms = formCodes(rep)
	av.OnTime, av.Online = rateOf(rep, "II.06a/ON_TIME"), rateOf(rep, "II.06a/ONLINE")
	sheets := rep.Sheets()
	for i, f := range rep.Forms {
		if ctx.Err() != nil {
			return av
		}
		spec := f.Spec()
		af := aggForm{Name: spec.Code, Table: fragment(ctx, own, sheets[i])}
		for _, src := range agg.Sources {
			pi := spec.PartIndex(src.Part)
			if src.Form != spec.Code || pi < 0 || src.Row >= f.Table(pi).Len() {
				continue
			}
			meta := f.Table(pi).Row(src.Row)
			label := src.Label
			if meta.Group != "" {
				label += " (" + meta.Group + ")"
			}
			if src.Part != "" {
				label = "Phần " + src.Part + ": " + label
			}
			af.Sources = append(af.Sources, sourceView{STT: meta.STT, Label: label, Units: strings.Join(src.Units, "; ")})
		}
		av.FormsList = append(av.FormsList, af)
	}
	// Indicators of the aggregate, row by row, then every indicator a unit
	// has a value for, units ranked, each with its chart; the second
	// workbook holds them after the forms.
	if ctx.Err() != nil {
		return av
	}
	rows, rankings := indicatorSheets(agg, reports)
	extra := []*layout.Sheet{}
	if rows != nil {
		av.Indicators = fragment(ctx, nil, rows)
		extra = append(extra, rows)
	}
	for _, s := range rankings {
		av.Rankings = append(av.Rankings, fragment(ctx, nil, s))
		extra = append(extra, s)
	}
	av.XLSX = dataURL(ru.xlsx)
	var buf bytes.Buffer
	if err := xlsx.New(xlsx.Options{}).Render(ctxWriter{ctx, &buf}, append(sheets, extra...)...); err == nil {
		av.ChartsXLSX = dataURL(buf.Bytes())
	}
	return av
}

// comparisons compares this period with the earlier one's files: the
// roll-ups, and each unit that filed in both periods.
func comparisons(ctx context.Context, ru *rolled, reports []*kstt.Report, prev []upload, choices rollupChoices, errs []string) ([]compareView, []string) {
	pr := rollupUploads(ctx, prev, choices)
	var out []compareView
	if pr.agg != nil {
		if c, err := indicator.Compare(pr.agg.Report(), ru.agg.Report()); err == nil {
			out = append(out, compareView{Title: "Tổng hợp: " + ru.agg.Header.Unit, Table: fragment(ctx, nil, c.Sheet())})
		} else {
			errs = append(errs, "So sánh tổng hợp: "+errText(err))
		}
	} else {
		for _, e := range pr.errs {
			errs = append(errs, "Kỳ trước: "+e)
		}
	}
	byUnit := map[string]*kstt.Report{}
	for _, in := range pr.inputs {
		if in != nil {
			byUnit[bieu.FieldKey(in.report.Header.Unit)] = in.report
		}
	}
	for _, r := range reports {
		if ctx.Err() != nil {
			break
		}
		p := byUnit[bieu.FieldKey(r.Header.Unit)]
		if p == nil {
			continue
		}
		c, err := indicator.Compare(p, r)
		if err != nil {
			errs = append(errs, r.Header.Unit+": "+errText(err))
			continue
		}
		out = append(out, compareView{Title: r.Header.Unit, Table: fragment(ctx, nil, c.Sheet())})
	}
	return out, errs
}

// rateOf is an indicator on a report's TỔNG CỘNG, "–" when it has none
// (no II.06a, or a zero denominator).
func rateOf(r *kstt.Report, id string) string {
	ind, ok := indicator.Lookup(id)
	if !ok {
		return "–"
	}
	units, err := ind.Units([]*kstt.Report{r})
	if err != nil || len(units) == 0 {
		return "–"
	}
	return units[0].Value.String()
}
