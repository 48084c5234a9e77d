// Package period implements the reporting periods (kỳ báo cáo) of the
// periodic reporting regime under Nghị định 09/2019/NĐ-CP, Article 12, as
// used by Thông tư 01/2020/TT-VPCP for reports on administrative-procedure
// control: civil dates, the periods themselves, and their Vietnamese and
// machine text forms.
//
// # Periods
//
// Article 12 fixes the cut-off of every periodic report: the data of a
// period run from the 15th of the month before it to the 14th of its last
// month. A period is named after the year of its last day.
//
//	kind         name (String)            from                       to
//	month M      Tháng 3 năm 2024         15 of M−1 (15/2/2024)      14 of M (14/3/2024)
//	quarter Q    Quý I năm 2024           15/12/2023                 14/3/2024
//	             Quý II năm 2024          15/3/2024                  14/6/2024
//	first half   6 tháng đầu năm 2024     15/12 of the previous year 14/6
//	second half  6 tháng cuối năm 2024    15/6                       14/12
//	nine months  9 tháng năm 2024         15/12 of the previous year 14/9
//	year         Năm 2024                 15/12 of the previous year 14/12
//
// The nine-months period is not in the Decree. Provinces ask for it as a
// cumulative report ("báo cáo 9 tháng"); its bounds here (15/12 of the
// previous year to 14/9) are INFERRED from that practice and from the rule
// for the other kinds, not quoted from a legal text.
//
// From the 15th on, a day belongs to the next month's period: 14/12/2024 is
// in Quý IV năm 2024 and Năm 2024, 20/12/2024 in Quý I năm 2025 and Năm
// 2025 (see Containing). A day from 15/9 to 14/12 is in no nine-months
// period.
//
// # Dates
//
// Date is a civil date without time zone, printed the Vietnamese way by
// Vietnamese ("15/3/2024") and the ISO way by String ("2024-03-15").
//
// # Text
//
// Period.String returns the period's name, "Quý II năm 2024": what the
// forms print after the label "Kỳ báo cáo:", without the label. RangeText
// returns its dates, "Từ ngày 15/3/2024 đến ngày 14/6/2024": what the
// forms print on the line under the name, without the parentheses around
// them. So a heading is "Kỳ báo cáo: " + p.String() and the line under it
// "(" + p.RangeText() + ")". Code returns a canonical machine form,
// "2024-Q2", also used by MarshalText. Parse reads what real documents
// write: names in any case, spacing and Unicode normalisation, Code forms
// and date ranges. Identify turns a date range into its period, or
// explains with a *RangeError why the range is none and which period was
// probably meant: the heading "(Từ ngày 15/3/2023 – 14/6/2024)" of a real
// Quý II năm 2024 report is 15 months long.
//
// # Errors
//
// Every error is typed and matches one sentinel with errors.Is:
// *SyntaxError (ErrSyntax) for unreadable text, *RangeError (ErrNotAPeriod)
// for a range that is no period, *NoPeriodError (ErrNoPeriod) from
// Containing, *DateError (ErrInvalidDate) and *PeriodError
// (ErrInvalidPeriod) for bad arguments. Messages come in English and
// Vietnamese.
//
// The package imports only the standard library and
// golang.org/x/text/unicode/norm.
package period
