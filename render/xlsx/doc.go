// Package xlsx writes the neutral layout.Sheet layout of KSTT report forms
// (Thông tư 01/2020/TT-VPCP) as XLSX workbooks an office can send as is,
// and is the only package of the module that imports excelize.
//
// Renderer implements the render.Renderer interface: one worksheet per
// sheet, A4 landscape fitted to one page wide, the header block and the
// multi-level header as the official forms print them, numbers stored as
// numbers, and every derived cell written as a formula with the value
// computed in Go cached beside it. The output is deterministic: the same
// sheets and options give the same bytes.
//
// ReadWorkbook and ReadFile read a workbook back: every worksheet as a raw
// kstt/grid.Grid (values as stored, formulas, merges), streamed and bounded by
// ReadOptions, with typed errors for a file that is not a workbook, is
// encrypted, truncated or too large. A formula saved without its value is
// evaluated in memory, within the same memory budget and the bounds
// ReadWorkbook lists, or left without a value. Package bieu recognises the
// forms in the grids.
package xlsx
