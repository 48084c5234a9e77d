// Package kstt is the vocabulary every KSTT form shares (Thông tư
// 01/2020/TT-VPCP, kiểm soát thủ tục hành chính): the Header every form
// prints (Đơn vị báo cáo, Đơn vị nhận báo cáo, Kỳ báo cáo), columns and
// rules declared as data (FormSpec, Column, Rule, Ref), the rule engine,
// Findings, CheckOptions, the neutral Sheet layout renderers consume, the
// Form and Table interfaces, and Report, Narrative and Catalogue for a whole
// report.
//
// One declaration, three uses: a FormSpec declares a form's columns and its
// rules once — "(3) = (4)+(5)+(6)" as a SumOfColumns rule, TỔNG CỘNG as
// SumOfRows, plausibility bounds as AtMost, rates as Percentage — and
//
//   - Fill derives the computed cells from the inputs,
//   - Check (or a reusable Checker) verifies every rule without changing the
//     form and returns every finding, each with rule ID, severity, form,
//     row, column, cell address, expected, actual and difference, in
//     Vietnamese and English,
//   - Layout builds the Sheet a renderer prints, with the relation each
//     derived cell obeys so spreadsheets get formulas.
//
// Package bieu declares the official forms with these pieces; a unit can
// declare a local form of its own the same way (see the tests' miniForm) and
// check and render it with no change here. Rule outcomes are Findings;
// mechanical failures (an invalid declaration, an unknown rule in the
// options, a nil report) are errors matching this package's sentinels.
package kstt
