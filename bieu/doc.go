// Package bieu is the catalogue of official forms of Thông tư
// 01/2020/TT-VPCP (kiểm soát thủ tục hành chính): Biểu số II.06a, II.07b
// and II.08 as typed Go structs whose fields map to the official column
// numbers, each with its declaration (columns, labels, printed formulas and
// rules as data) that drives Fill, Check and the renderers' layout.
//
// Official returns the catalogue (forms plus the report-level rules that
// relate them); Check checks a whole kstt.Report. The rules are listed in
// RULES.md, generated from the declarations.
package bieu

//go:generate go run ../internal/gencatalogue RULES.md
//go:generate go run ../internal/genquick quick_gen.go
