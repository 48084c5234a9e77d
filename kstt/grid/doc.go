// Package grid holds the raw reading grid: a worksheet of a workbook
// (render/xlsx) or a document pasted from Word or a PDF (render/text) as
// rows of cells — text, number, formula and whether the file stored the
// formula's value — before any form is recognised in it. Package bieu
// recognises the official forms (Thông tư 01/2020/TT-VPCP, Phụ lục II) in
// grids by their headers, and a form read from a grid keeps the cell
// addresses ("II.06a!D12", "bao-cao.txt:L60:C7") its findings cite.
//
// It has one job and depends on nothing else of the module but its text
// helpers: readers write grids, bieu reads them.
package grid
