// Package layout is the neutral layout of a report form: what a renderer
// draws, and nothing of how the figures were checked.
//
// A Sheet is one form as the official templates print it (Thông tư
// 01/2020/TT-VPCP, Phụ lục II): the header lines (form code such as "Biểu
// số II.06a/VPCP/KSTT", title, "Đơn vị báo cáo", "Đơn vị nhận báo cáo",
// "Kỳ báo cáo" with its date range, "Đơn vị tính"), then one Block per part
// of the form with its multi-level header (HeadCell), the column-number row
// ("(1)", "(3)=(4)+(5)+(6)" …) and its body Rows of Cells. A derived cell
// carries the Relation that computes it (a sum of columns, a sum of the rows
// above for TỔNG CỘNG, a rate), so a spreadsheet renderer can write a live
// formula with the value cached beside it. A Sheet may carry Charts drawn
// from its figures.
//
// The kinds of rows (DataRow, SectionRow, LevelRow, TotalRow) and columns
// (TextColumn, CountColumn, RateColumn, FlagColumn) are declared here too,
// since a form's declaration (package kstt) and its printed layout share
// them.
//
// kstt.Layout builds a Sheet from any form; the renderers (package render
// and below) consume Sheets and know nothing else of the forms, so a new
// form needs no renderer change and a new renderer no form change. This
// package imports nothing of the module.
package layout
