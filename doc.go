// Package vpcp is a Go SDK for the periodic reports on administrative
// procedure control (kiểm soát thủ tục hành chính, KSTT) that every Sở,
// UBND huyện/xã and ministry files under Thông tư 01/2020/TT-VPCP, for the
// reporting periods of Nghị định 09/2019/NĐ-CP, Điều 12.
//
// It is a set of small packages, each with one job; dependencies point
// downwards:
//
//   - period: Kỳ báo cáo. Civil dates and the Decree 09 periods (month,
//     quarter, half, nine months, year), parsed from and printed as the
//     Vietnamese forms write them ("Quý II năm 2024", "(Từ ngày 15/3/2024
//     đến ngày 14/6/2024)"); a written range that is no period gives a typed
//     error naming the nearest one.
//   - kstt: forms declared and checked: Header, rules as data, the engine
//     (Fill derives, Check verifies, Layout lays out — one declaration,
//     three uses), Findings and CheckOptions, the Form interface, Report
//     and Catalogue.
//   - kstt/layout: the neutral layout (Sheet, Block, Cell, Chart) that
//     renderers consume, and the row and column kinds forms declare.
//   - kstt/grid: the raw cells a reader takes from a workbook or pasted
//     text, before any form is recognised in them.
//   - kstt/outline: the narrative report (đề cương) with its figures, and
//     how it is printed.
//   - kstt/decl: forms declared as data (JSON or a Go value) in the
//     notation the forms print ("(3) = (4)+(5)+(6)"), with the legal basis
//     and the periods they apply to; a generic form that fills, checks,
//     renders, reads and rolls up like the typed ones (bieu/DECLARATIONS.md).
//   - bieu: the official forms II.06a, II.07b and II.08 as typed structs
//     whose fields map to the official column numbers, their rules, and the
//     report-level rules; bieu.Official() is the catalogue (see
//     bieu/RULES.md); bieu.Editions selects the edition by a report's
//     period (Thông tư 01/2020/TT-VPCP for periods that end before
//     15/02/2026, when Thông tư 5/2025/TT-VPCP comes into force).
//   - bieu/tally: case records (hồ sơ) of a one-stop system counted into
//     II.06a, II.06b, II.08 and section I.6 for a period, by counting
//     policies that are data, with findings naming each bad record and an
//     opt-in audit trail; bieu/tally/xlsxlist reads case lists from XLSX.
//   - render, render/text, render/xlsx: renderers of layout.Sheet (plain
//     text, XLSX through excelize) and the way back from filled files.
//
// A quick start:
//
//	f := &bieu.II06a{Header: h, Rows: []bieu.II06aRow{{STT: "1", Field: "Lĩnh vực lãnh sự", Online: 31, OnTime: 31}}}
//	_ = f.Fill()                                   // (3), (7), (11), TỔNG CỘNG
//	findings, _ := f.Check(kstt.CheckOptions{})    // rule, cell, expected, actual
//
// The command examples/quickstart builds, checks and prints the real sample
// report that this SDK was designed against.
package vpcp
