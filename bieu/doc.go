// Package bieu is the catalogue of official forms of Thông tư
// 01/2020/TT-VPCP (kiểm soát thủ tục hành chính): Biểu số II.06a, II.06b
// (its roll-up by level), II.07b and II.08 as typed Go structs whose
// fields map to the official column numbers. Each form is declared once, as data (forms/*.json, in the
// language of package kstt/decl: columns, labels, printed formulas and
// rules), embedded and compiled when the package is initialised; the
// declaration drives Fill, Check and the renderers' layout, and go
// generate writes the form and row structs from it (forms_gen.go), each
// field tagged with its column (`kstt:"4"`).
//
// Official returns the catalogue (forms plus the report-level rules that
// relate them); Check checks a whole kstt.Report. The rules are listed in
// RULES.md, generated from the declarations.
//
// Read is the one way in for what other units send — a workbook, a JSON
// report, or a document pasted from Word or a PDF, told apart by their
// first bytes —: it recognises the forms by their headers, checks them and
// returns the report with findings that carry their cell ("II.06a!D12").
// Workbooks and text are read by the formats render/xlsx and render/text
// register when imported (grid.RegisterFormat); see Read.
//
// Editions: a report's period selects the edition of the forms it is read
// and checked against (Editions). Thông tư 01/2020/TT-VPCP applies to the
// periods that end before 15/02/2026; a later period is checked against it
// with the Info finding KSTT/R40, and an edition a user registers — forms
// declared as data with package kstt/decl — takes precedence for its
// periods. From 1/7/2025 there is no cấp huyện: the rules KSTT/R41–R44 warn
// of cấp huyện figures, GuessLevelAt and Rollup know a huyện no longer
// reports. A form declared as data reads, checks, renders and rolls up like
// the typed ones (ReadOptions.Catalogue, Aggregate.Declared); the language
// is described in DECLARATIONS.md.
package bieu

//go:generate go run ../internal/genforms -o forms_gen.go -form II.06a=II06a -form II.06b=II06b -form II.07b=II07b -form II.08=II08 -row II.06a=II06aRow -row II.06b=II06aRow -row II.07b/I=II07bDeskRow -row II.07b/II=II07bOnSpotRow -row II.08=II08Row forms/ii06a.json forms/ii06b.json forms/ii07b.json forms/ii08.json
//go:generate go run ../internal/gencatalogue RULES.md
//go:generate go run ../internal/gencatalogue -declarations DECLARATIONS.md
//go:generate go run ../internal/gencatalogue -ids rule_ids.go
//go:generate go run ../internal/genquick quick_gen.go
