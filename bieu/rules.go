package bieu

import (
	"fmt"
	"strings"

	"github.com/baocaodinhky/vpcp/kstt"
)

// formOf returns the form code of a rule ID such as "II.06a/R01".
func formOf(id kstt.RuleID) string { code, _, _ := strings.Cut(string(id), "/"); return code }

func formBasis(id kstt.RuleID) string { return basis + "Biểu số " + formOf(id) + "/VPCP/KSTT" }

func partText(part string) string {
	if part == "" {
		return ""
	}
	return "Phần " + part + ": "
}

// sumRule declares a printed formula (target) = (t1) + (t2) + ….
func sumRule(id kstt.RuleID, part string, target int, terms ...int) kstt.Rule {
	r := kstt.Rule{ID: id, Kind: kstt.SumOfColumns, Severity: kstt.Error, Basis: formBasis(id) + ", hàng số thứ tự cột",
		Target: kstt.Ref{Part: part, Col: target}}
	names := make([]string, len(terms))
	for i, t := range terms {
		r.Terms = append(r.Terms, kstt.Ref{Part: part, Col: t})
		names[i] = fmt.Sprintf("(%d)", t)
	}
	r.Expr = fmt.Sprintf("%s(%d) = %s", partText(part), target, strings.Join(names, " + "))
	r.Meaning = fmt.Sprintf("cột tổng số (%d) bằng tổng các cột %s, như công thức in trên biểu", target, strings.Join(names, ", "))
	r.MeaningEN = fmt.Sprintf("total column (%d) equals the sum of columns %s, as the form prints it", target, strings.Join(names, ", "))
	return r
}

// totalRule declares TỔNG CỘNG = Σ lĩnh vực rows for every count column.
func totalRule(id kstt.RuleID, part string) kstt.Rule {
	return kstt.Rule{ID: id, Kind: kstt.SumOfRows, Severity: kstt.Error, Basis: formBasis(id) + ", dòng TỔNG CỘNG",
		Expr:      partText(part) + "TỔNG CỘNG = Σ các dòng",
		Meaning:   "mỗi cột số của dòng TỔNG CỘNG bằng tổng các dòng lĩnh vực",
		MeaningEN: "every count column of TỔNG CỘNG equals the sum of the lĩnh vực rows",
		Target:    kstt.Ref{Part: part}}
}

// nonNegativeRule declares that counts are never negative.
func nonNegativeRule(id kstt.RuleID, part string) kstt.Rule {
	return kstt.Rule{ID: id, Kind: kstt.NonNegative, Severity: kstt.Error, Basis: formBasis(id) + " (số lượng hồ sơ, TTHC là số tự nhiên)",
		Expr:      partText(part) + "mọi cột số ≥ 0",
		Meaning:   "số lượng không được âm",
		MeaningEN: "counts are never negative",
		Target:    kstt.Ref{Part: part}}
}

// atMostRule declares a plausibility bound (target) ≤ (other), Warning.
func atMostRule(id kstt.RuleID, part string, target int, otherPart string, other int, vi, en string) kstt.Rule {
	r := kstt.Rule{ID: id, Kind: kstt.AtMost, Severity: kstt.Warning, Inferred: true,
		Basis:     formBasis(id) + " (hợp lý, suy ra)",
		Meaning:   vi,
		MeaningEN: en,
		Target:    kstt.Ref{Part: part, Col: target}, Terms: []kstt.Ref{{Part: otherPart, Col: other}}}
	lhs := fmt.Sprintf("%s(%d)", partText(part), target)
	rhs := fmt.Sprintf("(%d)", other)
	if otherPart != part {
		rhs = fmt.Sprintf("Phần %s (%d)", otherPart, other)
	}
	r.Expr = lhs + " ≤ " + rhs
	return r
}
