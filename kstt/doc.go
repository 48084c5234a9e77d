// Package kstt declares a report form and checks it: the Header every form
// prints (Đơn vị báo cáo, Đơn vị nhận báo cáo, Kỳ báo cáo; Thông tư
// 01/2020/TT-VPCP, kiểm soát thủ tục hành chính), columns and rules declared
// as data (FormSpec, Column, Rule, Ref), the engine that fills and checks
// them (Fill, Check, Checker), the Findings a check reports, and Report and
// Catalogue for a whole report with its cross-form rules.
//
// One declaration, three uses: a FormSpec declares a form's columns and its
// rules once — "(3) = (4)+(5)+(6)" as a SumOfColumns rule, TỔNG CỘNG as
// SumOfRows, plausibility bounds as AtMost, rates as Percentage — and
//
//   - Fill derives the computed cells from the inputs,
//   - Check (or a reusable Checker) verifies every rule without changing the
//     form and returns every finding, each with rule ID, severity, form,
//     row, column, cell address, expected, actual and difference (as text
//     and as numbers), in Vietnamese and English,
//   - Layout builds the neutral layout.Sheet a renderer prints, with the
//     relation each derived cell obeys so spreadsheets get formulas.
//
// The rules and the findings stay in this package with the engine: a rule
// is the engine's input and a finding its output, and a caller who checks a
// form needs all three. The other jobs have packages of their own:
// kstt/layout (the neutral layout renderers draw), kstt/grid (the raw cells
// a reader takes from a file), kstt/outline (the narrative report) and
// kstt/decl (forms declared in JSON).
//
// Package bieu declares the official forms with these pieces; a unit can
// declare a local form of its own the same way (FormSpec in Go, or kstt/decl
// in JSON) and check and render it with no change here. Rule outcomes are
// Findings; mechanical failures (an invalid declaration, an unknown rule in
// the options, a nil report) are errors matching this package's sentinels.
//
// A form type implements Form (Spec, FormHeader, Table); Fill needs its
// tables to be MutableTables. The engine also uses a few methods when a
// form has them — NormalizeText, InheritHeader (NewReport) and a generated
// fast path for a clean form —; the forms of package bieu and kstt/decl
// provide them, a form of one's own needs none of them, and users never
// call them. Where a form read from a file came from is not on the form:
// Report.Origins holds it, and Catalogue.Check puts each finding's cell
// address in Finding.Cell.
package kstt
