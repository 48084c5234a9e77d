package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/baocaodinhky/vpcp/kstt"
)

// printForms prints each form as a plain table.
func printForms(w io.Writer, r *kstt.Report, _ string) error {
	for _, f := range r.Forms {
		s := kstt.Layout(f)
		fmt.Fprintln(w, s.Code)
		fmt.Fprintln(w, s.Title)
		fmt.Fprintln(w, s.Unit+"; "+s.Recipient)
		fmt.Fprintln(w, s.Period, s.PeriodRange)
		for _, b := range s.Blocks {
			if b.Title != "" {
				fmt.Fprintln(w, b.Title)
			}
			fmt.Fprintln(w, strings.Join(b.Numbers, "\t"))
			for _, row := range b.Rows {
				var cells []string
				for _, c := range row.Cells {
					switch c.Kind {
					case kstt.TextCell:
						cells = append(cells, c.Text)
					case kstt.IntCell:
						cells = append(cells, fmt.Sprint(c.Int))
					case kstt.DecimalCell:
						cells = append(cells, c.Dec.String()+"%")
					default:
						cells = append(cells, "")
					}
				}
				fmt.Fprintln(w, strings.Join(cells, "\t"))
			}
		}
		fmt.Fprintln(w)
	}
	return nil
}
