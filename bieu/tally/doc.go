// Package tally counts case records (hồ sơ) of a one-stop (một cửa) system
// into the KSTT forms of Thông tư 01/2020/TT-VPCP: Biểu II.06a (one row per
// lĩnh vực), II.06b (the same by administrative level), the files-arising
// columns (5) and (8) of II.08, and the figures of section I.6 of the
// report (outline.FileFigures). It decides which records belong to a reporting
// period of Nghị định 09/2019/NĐ-CP, Điều 12 and which column each lands in,
// by rules that are data (Policy) with the basis of each default, and it can
// say why every record went where (an opt-in audit trail).
//
// A Tally streams records (Add, AddSeq over an iter.Seq, AddSeq2 over an
// iter.Seq2 with errors, so rows from database/sql, a CSV file or a channel
// fit without loading everything); its memory grows with the number of
// lĩnh vực, not of records (the check for the same code twice keeps a
// 64-bit hash per record, about 16 bytes with the map, unless switched
// off). Partial tallies merge by addition, so a caller can shard by unit or
// by goroutine and get the same counts.
//
// The forms a Result holds pass bieu.Check without an error by
// construction: printed formulas, TỔNG CỘNG, and the cross-form rule that
// ties II.06a Σ(4) to II.08 Σ(5)+(8). Records that cannot be counted as
// they are (finished before received, no due date, an unknown channel or
// lĩnh vực, the same code twice, a date after the extract) are findings
// naming the record's code; a policy decides whether each is counted, left
// out or fails the call. They are kstt.Findings, the type a form's check
// returns: Record, Source and Line name the record and where it was read,
// Rule is one of this package's RuleIDs (TALLY/R01 …).
//
// ReadCSV and ReadJSONL (and, for workbooks, package
// github.com/baocaodinhky/vpcp/bieu/tally/xlsxlist) read the case lists
// one-stop systems export, matching the header by its Vietnamese labels.
package tally
