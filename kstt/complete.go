package kstt

import (
	"errors"
	"reflect"
	"strconv"
)

// ErrInvalidReport: a report that cannot be checked at all (nil, or holding
// a nil form). A report that is merely incomplete — no form, a blank header
// — is checked and gets findings of the Complete rules instead.
var ErrInvalidReport = errors.New("invalid report")

// isNilForm reports whether f is a typed nil pointer.
func isNilForm(f Form) bool {
	v := reflect.ValueOf(f)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

// checkComplete reports what the Complete rule on field finds missing.
func checkComplete(r *Report, formHeaders []Header, field string, add func(Finding)) {
	switch field {
	case "forms":
		if len(r.Forms) == 0 {
			add(Finding{Row: -1, RowLabel: "Biểu", Expected: "≥ 1", Actual: "0",
				Message: "báo cáo không có biểu nào", MessageEN: "the report has no form"})
		}
		seen := map[string]int{}
		for _, f := range r.Forms {
			code := f.Spec().Code
			seen[code]++
			if seen[code] == 2 {
				n := 0
				for _, g := range r.Forms {
					if g.Spec().Code == code {
						n++
					}
				}
				add(Finding{Form: code, Row: -1, RowLabel: "Biểu", Expected: "1", Actual: strconv.Itoa(n),
					Message:   "biểu " + code + " có " + strconv.Itoa(n) + " lần trong một báo cáo",
					MessageEN: "form " + code + " appears " + strconv.Itoa(n) + " times in one report"})
			}
		}
	case "header.unit", "header.recipient", "header.period":
		// A report built as a literal leaves every form's header empty
		// while its own names the field: say how to share it, rather than
		// leave it to look like bad data. (A report read from files takes
		// its header from a form, which names the field.)
		shared := true
		for _, h := range formHeaders {
			if h.Unit != "" && field == "header.unit" || h.Recipient != "" && field == "header.recipient" ||
				!h.Period.IsZero() && field == "header.period" {
				shared = false
			}
		}
		for i, f := range r.Forms {
			h := formHeaders[i]
			var label, en, reportHas string
			missing := false
			switch field {
			case "header.unit":
				label, en, missing, reportHas = "Đơn vị báo cáo", "reporting unit", h.Unit == "", r.Header.Unit
			case "header.recipient":
				label, en, missing, reportHas = "Đơn vị nhận báo cáo", "recipient", h.Recipient == "", r.Header.Recipient
			default:
				label, en, missing = "Kỳ báo cáo", "reporting period", h.Period.IsZero()
				if !r.Header.Period.IsZero() {
					reportHas = r.Header.Period.String()
				}
			}
			if missing {
				fd := Finding{Form: f.Spec().Code, Row: -1, RowLabel: label, Expected: "(ghi rõ)", Actual: "(trống)",
					Message: "biểu không ghi " + label, MessageEN: "the form does not name its " + en}
				if shared && reportHas != "" {
					fd.Message += " (báo cáo ghi «" + reportHas + "»: kstt.NewReport chép phần đầu của báo cáo vào mọi biểu)"
					fd.MessageEN += " (the report's header names «" + reportHas + "»: kstt.NewReport copies it into every form)"
				}
				add(fd)
			}
		}
	}
}
