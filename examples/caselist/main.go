// Command caselist writes a deterministic, realistic case list (danh sách
// hồ sơ) of a district, UBND huyện Cẩm Xuyên, and three of its communes,
// as a one-stop system exports it: CSV (UTF-8 with a byte-order mark) or
// an XLSX workbook with real date cells and a shared-strings table. The
// list covers several lĩnh vực, every channel (trực tuyến toàn trình and
// một phần, trực tiếp, bưu chính công ích), every outcome (trước hạn,
// đúng hạn, quá hạn, trả lại, xin rút, dừng xử lý, pending, waiting for a
// supplement), the boundary days of Quý III năm 2024 (14/6 23:59, 15/6
// 00:00, 14/9 23:59, 15/9 00:00), a file whose status changed after the
// period, and a few bad rows a tally must report.
//
//	go run ./examples/caselist -format csv -o examples/kstt/testdata/ho-so-cam-xuyen.csv
//	go run ./examples/caselist -format mau07 -o examples/kstt/testdata/ho-so-cam-xuyen.mau07.xlsx
//	go run ./examples/caselist -format portal -o examples/kstt/testdata/ho-so-cam-xuyen.portal.jsonl
//	go run ./examples/caselist -n 1000000 -format xlsx -o /tmp/ho-so-1m.xlsx
//
// The same flags give the same bytes.
package main

import (
	"archive/zip"
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"time"
)

func main() {
	n := flag.Int("n", 600, "random records besides the boundary and bad ones")
	seed := flag.Uint64("seed", 2024, "random seed")
	format := flag.String("format", "csv", "csv, xlsx, mau07 (Mẫu số 07 \"Sổ theo dõi hồ sơ\" as XLSX) or portal (the national portal's sync records as JSON Lines)")
	out := flag.String("o", "-", `output file ("-": standard output)`)
	flag.Parse()
	if err := run(*n, *seed, *format, *out); err != nil {
		fmt.Fprintln(os.Stderr, "caselist:", err)
		os.Exit(1)
	}
}

func run(n int, seed uint64, format, out string) error {
	w := io.Writer(os.Stdout)
	var f *os.File
	if out != "-" {
		var err error
		if f, err = os.Create(out); err != nil {
			return err
		}
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	var err error
	switch format {
	case "csv":
		err = writeCSV(bw, rows(n, seed))
	case "xlsx":
		err = writeXLSX(bw, rows(n, seed))
	case "mau07":
		err = writeMau07(bw, rows(n, seed))
	case "portal":
		err = writePortal(bw, rows(n, seed))
	default:
		err = fmt.Errorf("unknown format %q (csv, xlsx or portal)", format)
	}
	err = errors.Join(err, bw.Flush())
	if f != nil {
		err = errors.Join(err, f.Close())
	}
	return err
}

var vn = time.FixedZone("ICT", 7*3600)

// header is the export's header row, as one-stop systems label it.
var header = []string{"STT", "Mã hồ sơ", "Tên thủ tục hành chính", "Lĩnh vực", "Cấp", "Cơ quan giải quyết", "Kênh tiếp nhận",
	"Loại DVCTT", "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày yêu cầu bổ sung", "Ngày nhận bổ sung", "Ngày trả kết quả", "Trạng thái"}

const (
	colRecv = 8 + iota
	colDue
	colPauseFrom
	colPauseTo
	colFin
)

// row is one exported row: text cells, and the date cells as instants
// (written as text in CSV, as date serials in XLSX); bad holds text that
// replaces a date cell (a typo).
type row struct {
	text  [14]string
	dates [14]time.Time
	bad   [14]string
}

type procedure struct {
	name, field string
	district    bool // resolved at the district; otherwise at a commune
	days        int  // working days to resolve
	online      int  // 0 none, 1 một phần, 2 toàn trình
}

var procedures = []procedure{
	{"Đăng ký khai sinh", "Hộ tịch", false, 3, 2},
	{"Đăng ký kết hôn", "Hộ tịch", false, 5, 1},
	{"Cấp bản sao trích lục hộ tịch", "Hộ tịch", false, 1, 2},
	{"Chứng thực bản sao từ bản chính", "Chứng thực", false, 1, 0},
	{"Chứng thực chữ ký trong các giấy tờ, văn bản", "Chứng thực", false, 1, 1},
	{"Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", "Đất đai", true, 10, 1},
	{"Cấp giấy phép xây dựng nhà ở riêng lẻ", "Xây dựng", true, 15, 1},
	{"Đăng ký thành lập hộ kinh doanh", "Thành lập và hoạt động của hộ kinh doanh", true, 3, 2},
	{"Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng", "Bảo trợ xã hội", false, 20, 1},
	{"Giải quyết hưởng chế độ ưu đãi đối với người có công", "Người có công", true, 12, 0},
}

var communes = []string{"UBND xã Cẩm Bình", "UBND xã Cẩm Vịnh", "UBND thị trấn Cẩm Xuyên"}

const district = "UBND huyện Cẩm Xuyên"

// addWorkdays adds n working days (Monday to Friday) to t.
func addWorkdays(t time.Time, n int) time.Time {
	for n > 0 {
		t = t.AddDate(0, 0, 1)
		if wd := t.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n--
		}
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 17, 0, 0, 0, vn)
}

type gen struct {
	rng  *rand.Rand
	seq  int
	rows []row
}

func (g *gen) code(unit int, recv time.Time) string {
	g.seq++
	return fmt.Sprintf("000.%02d.31.H12-%s-%06d", 20+unit, recv.Format("060102"), g.seq)
}

// record builds a row; outcome: "early", "ontime", "late", "returned",
// "withdrawn", "stopped", "pending", "waiting".
func (g *gen) record(p procedure, unit int, recv time.Time, channel, outcome string) *row {
	r := &row{}
	unitName := district
	level := "Cấp huyện"
	if !p.district {
		unitName, level = communes[unit%len(communes)], "Cấp xã"
	}
	due := addWorkdays(recv, p.days)
	r.text[1] = g.code(unit, recv)
	r.text[2], r.text[3], r.text[4], r.text[5] = p.name, p.field, level, unitName
	r.text[6] = channel
	if channel == "Trực tuyến" {
		r.text[7] = map[int]string{0: "Một phần", 1: "Một phần", 2: "Toàn trình"}[p.online]
	}
	r.dates[colRecv], r.dates[colDue] = recv, due
	span := due.Sub(recv)
	switch outcome {
	case "early":
		r.dates[colFin] = recv.Add(time.Duration(g.rng.Int64N(int64(span)/2 + 1)))
		if sameDay(r.dates[colFin], due) {
			r.dates[colFin] = recv.Add(time.Hour)
		}
		r.text[13] = "Đã trả kết quả"
	case "ontime":
		r.dates[colFin] = time.Date(due.Year(), due.Month(), due.Day(), 8+g.rng.IntN(8), g.rng.IntN(60), 0, 0, vn)
		r.text[13] = "Đã trả kết quả"
	case "late":
		r.dates[colFin] = addWorkdays(due, 1+g.rng.IntN(6)).Add(-time.Duration(g.rng.IntN(8)) * time.Hour)
		r.text[13] = "Đã trả kết quả"
	case "returned", "withdrawn", "stopped":
		r.dates[colFin] = recv.Add(time.Duration(g.rng.Int64N(int64(span) + 1)))
		r.text[13] = map[string]string{"returned": "Trả lại hồ sơ", "withdrawn": "Công dân xin rút hồ sơ", "stopped": "Dừng xử lý"}[outcome]
	case "pending":
		r.text[13] = "Đang xử lý"
	case "waiting":
		from := recv.Add(time.Duration(1+g.rng.IntN(48)) * time.Hour)
		r.dates[colPauseFrom] = from
		if g.rng.IntN(2) == 0 {
			r.dates[colPauseTo] = from.Add(time.Duration(24+g.rng.IntN(96)) * time.Hour)
			r.dates[colFin] = addWorkdays(due, g.rng.IntN(3))
			r.text[13] = "Đã trả kết quả"
		} else {
			r.text[13] = "Chờ bổ sung"
		}
	}
	g.rows = append(g.rows, *r)
	return &g.rows[len(g.rows)-1]
}

func sameDay(a, b time.Time) bool {
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}

func (g *gen) channel() string {
	switch x := g.rng.IntN(20); {
	case x < 9:
		return "Trực tuyến"
	case x < 18:
		return "Trực tiếp"
	}
	return "Dịch vụ bưu chính công ích"
}

func (g *gen) outcome() string {
	switch x := g.rng.IntN(100); {
	case x < 48:
		return "early"
	case x < 68:
		return "ontime"
	case x < 80:
		return "late"
	case x < 84:
		return "returned"
	case x < 87:
		return "withdrawn"
	case x < 89:
		return "stopped"
	case x < 95:
		return "pending"
	}
	return "waiting"
}

// rows returns the list: n random records received from 2/5/2024 to
// 30/9/2024 in office hours, the boundary records and the bad rows, sorted
// by received date, numbered.
func rows(n int, seed uint64) []row {
	g := &gen{rng: rand.New(rand.NewPCG(seed, 0x4b535454))}
	start := time.Date(2024, 5, 2, 0, 0, 0, 0, vn)
	days := 152
	for range n {
		d := start.AddDate(0, 0, g.rng.IntN(days))
		if wd := d.Weekday(); wd == time.Sunday {
			d = d.AddDate(0, 0, 1)
		}
		recv := d.Add(7*time.Hour + 30*time.Minute + time.Duration(g.rng.IntN(9*60))*time.Minute)
		p := procedures[g.rng.IntN(len(procedures))]
		ch := g.channel()
		if ch == "Trực tuyến" && p.online == 0 {
			ch = "Trực tiếp"
		}
		g.record(p, g.rng.IntN(3), recv, ch, g.outcome())
	}
	hotich, dat := procedures[0], procedures[5]
	// Boundary days of Quý III năm 2024 (15/6/2024–14/9/2024).
	g.record(hotich, 0, time.Date(2024, 6, 14, 23, 59, 0, 0, vn), "Trực tuyến", "pending").dates[colFin] = time.Date(2024, 6, 18, 9, 0, 0, 0, vn)
	g.rows[len(g.rows)-1].text[13] = "Đã trả kết quả"
	g.record(hotich, 1, time.Date(2024, 6, 15, 0, 0, 0, 0, vn), "Trực tuyến", "early")
	g.record(hotich, 2, time.Date(2024, 9, 14, 23, 59, 0, 0, vn), "Trực tuyến", "pending")
	g.record(hotich, 0, time.Date(2024, 9, 15, 0, 0, 0, 0, vn), "Trực tuyến", "pending")
	// Finished on the due day, at 16:59: đúng hạn.
	r := g.record(dat, 0, time.Date(2024, 8, 1, 9, 0, 0, 0, vn), "Trực tiếp", "ontime")
	r.dates[colFin] = r.dates[colDue].Add(-time.Minute)
	// Pending on 14/9, due 13/9: quá hạn; due 14/9 itself: trong hạn.
	r = g.record(dat, 0, time.Date(2024, 8, 29, 10, 0, 0, 0, vn), "Dịch vụ bưu chính công ích", "pending")
	r.dates[colDue] = time.Date(2024, 9, 13, 17, 0, 0, 0, vn)
	r = g.record(dat, 0, time.Date(2024, 8, 30, 10, 0, 0, 0, vn), "Trực tiếp", "pending")
	r.dates[colDue] = time.Date(2024, 9, 14, 17, 0, 0, 0, vn)
	// Status changed after the period: pending at the end of Q3, resolved
	// on 2/10/2024 — the status today says "Đã trả kết quả".
	r = g.record(procedures[6], 0, time.Date(2024, 9, 3, 14, 0, 0, 0, vn), "Trực tuyến", "ontime")
	r.dates[colFin] = time.Date(2024, 10, 2, 9, 30, 0, 0, vn)
	// Bad rows a tally must report.
	r = g.record(procedures[3], 1, time.Date(2024, 7, 10, 8, 0, 0, 0, vn), "Trực tiếp", "early")
	dup := *r
	g.rows = append(g.rows, dup) // the same code twice
	r = g.record(procedures[3], 1, time.Date(2024, 7, 11, 8, 0, 0, 0, vn), "Trực tiếp", "early")
	r.dates[colFin] = time.Date(2024, 7, 9, 8, 0, 0, 0, vn) // finished before received
	r = g.record(procedures[4], 2, time.Date(2024, 7, 12, 8, 0, 0, 0, vn), "Trực tiếp", "early")
	r.dates[colDue] = time.Time{} // no due date
	r = g.record(procedures[4], 2, time.Date(2024, 7, 15, 8, 0, 0, 0, vn), "Trực tiếp", "early")
	r.text[6] = "Fax" // no such channel
	r = g.record(procedures[4], 2, time.Date(2024, 7, 16, 8, 0, 0, 0, vn), "Trực tiếp", "early")
	r.bad[colFin] = "31/9/2024" // no such day
	// Exports keep minutes: both formats then hold the same instants.
	out := g.rows
	for i := range out {
		for c := range out[i].dates {
			out[i].dates[c] = out[i].dates[c].Truncate(time.Minute)
		}
	}
	// Sort by received date, the way exports list them; number them.
	sortRows(out)
	for i := range out {
		out[i].text[0] = strconv.Itoa(i + 1)
	}
	return out
}

func sortRows(rs []row) {
	// A stable insertion-free sort: by received instant, then code.
	type key struct {
		t    int64
		code string
	}
	idx := make([]int, len(rs))
	keys := make([]key, len(rs))
	for i := range rs {
		idx[i] = i
		keys[i] = key{rs[i].dates[colRecv].Unix(), rs[i].text[1]}
	}
	sortInts(idx, func(a, b int) bool {
		if keys[a].t != keys[b].t {
			return keys[a].t < keys[b].t
		}
		return keys[a].code < keys[b].code || (keys[a].code == keys[b].code && a < b)
	})
	sorted := make([]row, len(rs))
	for i, j := range idx {
		sorted[i] = rs[j]
	}
	copy(rs, sorted)
}

func sortInts(a []int, less func(x, y int) bool) {
	// merge sort, stable and deterministic
	if len(a) < 2 {
		return
	}
	m := len(a) / 2
	l := append([]int(nil), a[:m]...)
	r := append([]int(nil), a[m:]...)
	sortInts(l, less)
	sortInts(r, less)
	i, j, k := 0, 0, 0
	for i < len(l) && j < len(r) {
		if less(r[j], l[i]) {
			a[k] = r[j]
			j++
		} else {
			a[k] = l[i]
			i++
		}
		k++
	}
	for ; i < len(l); i++ {
		a[k] = l[i]
		k++
	}
	for ; j < len(r); j++ {
		a[k] = r[j]
		k++
	}
}

func dateText(r *row, c int) string {
	if r.bad[c] != "" {
		return r.bad[c]
	}
	if r.dates[c].IsZero() {
		return ""
	}
	if c == colDue {
		return r.dates[c].Format("02/01/2006")
	}
	return r.dates[c].Format("02/01/2006 15:04")
}

func writeCSV(w io.Writer, rs []row) error {
	if _, err := io.WriteString(w, "\xEF\xBB\xBF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	rec := make([]string, len(header))
	for i := range rs {
		r := &rs[i]
		for c := range rec {
			rec[c] = r.text[c]
			if c >= colRecv && c <= colFin {
				rec[c] = dateText(r, c)
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// serial is the spreadsheet date serial of t's wall clock: days since
// 30/12/1899, the time of day as the fraction.
func serial(t time.Time) string {
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	wall := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
	d := wall.Sub(base)
	days := d / (24 * time.Hour)
	secs := (d % (24 * time.Hour)) / time.Second
	if secs == 0 {
		return strconv.FormatInt(int64(days), 10)
	}
	return strconv.FormatFloat(float64(days)+float64(secs)/86400, 'f', 8, 64)
}

var modified = time.Date(2024, 10, 1, 0, 0, 0, 0, time.UTC)

// writeXLSX writes a minimal SpreadsheetML workbook: one sheet "Danh sách
// hồ sơ", text through the shared-strings table, dates as numbers with
// the built-in date-time format 22 (or text where the export had a typo).
func writeXLSX(w io.Writer, rs []row) error {
	return writeBook(w, "Danh sách hồ sơ", [][]string{header}, nil, len(header), rs, func(r *row, c int) (byte, string) {
		switch {
		case c == 0:
			return 'n', r.text[0]
		case c >= colRecv && c <= colFin:
			return dateCell(r, c)
		}
		return 's', r.text[c]
	})
}

// dateCell is a date cell of the workbook: a serial, a day's serial for
// the due date, or the typo as text.
func dateCell(r *row, c int) (byte, string) {
	if r.bad[c] != "" {
		return 's', r.bad[c]
	}
	if r.dates[c].IsZero() {
		return 0, ""
	}
	if c == colDue { // a day, as the CSV writes it
		d := r.dates[c]
		return 'D', serial(time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, vn))
	}
	return 'd', serial(r.dates[c])
}

// writeBook writes a one-sheet workbook: the header rows heads (cells
// merged as merges say), then one row per record, cell giving each cell.
func writeBook(w io.Writer, sheet string, heads [][]string, merges []string, ncols int, rs []row, cell func(r *row, c int) (byte, string)) error {
	zw := zip.NewWriter(w)
	part := func(name, body string) error {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: modified})
		if err != nil {
			return err
		}
		_, err = io.WriteString(f, body)
		return err
	}
	const xmlHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	files := [][2]string{
		{"[Content_Types].xml", xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`},
		{"_rels/.rels", xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", xmlHead + `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="` + sheet + `" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
		{"xl/styles.xml", xmlHead + `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy hh:mm"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Times New Roman"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`},
	}
	for _, f := range files {
		if err := part(f[0], f[1]); err != nil {
			return err
		}
	}
	sst := map[string]int{}
	var strs []string
	idx := func(s string) int {
		i, ok := sst[s]
		if !ok {
			i = len(strs)
			sst[s] = i
			strs = append(strs, s)
		}
		return i
	}
	f, err := zw.CreateHeader(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate, Modified: modified})
	if err != nil {
		return err
	}
	sw := bufio.NewWriterSize(f, 1<<20)
	sw.WriteString(xmlHead + `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	var b []byte
	writeRow := func(num int, cell func(c int) (kind byte, v string)) {
		b = b[:0]
		b = append(b, `<row r="`...)
		b = strconv.AppendInt(b, int64(num), 10)
		b = append(b, `">`...)
		for c := range ncols {
			kind, v := cell(c)
			if v == "" {
				continue
			}
			b = append(b, `<c r="`...)
			b = append(b, byte('A'+c))
			b = strconv.AppendInt(b, int64(num), 10)
			switch kind {
			case 's':
				b = append(b, `" t="s"><v>`...)
				b = strconv.AppendInt(b, int64(idx(v)), 10)
			case 'd':
				b = append(b, `" s="1"><v>`...)
				b = append(b, v...)
			case 'D':
				b = append(b, `" s="2"><v>`...)
				b = append(b, v...)
			case 'n':
				b = append(b, `"><v>`...)
				b = append(b, v...)
			}
			b = append(b, `</v></c>`...)
		}
		b = append(b, `</row>`...)
		sw.Write(b)
	}
	for i, h := range heads {
		writeRow(i+1, func(c int) (byte, string) {
			if c < len(h) {
				return 's', h[c]
			}
			return 0, ""
		})
	}
	for i := range rs {
		r := &rs[i]
		writeRow(i+1+len(heads), func(c int) (byte, string) { return cell(r, c) })
	}
	sw.WriteString(`</sheetData>`)
	if len(merges) > 0 {
		fmt.Fprintf(sw, `<mergeCells count="%d">`, len(merges))
		for _, m := range merges {
			sw.WriteString(`<mergeCell ref="` + m + `"/>`)
		}
		sw.WriteString(`</mergeCells>`)
	}
	sw.WriteString(`</worksheet>`)
	if err := sw.Flush(); err != nil {
		return err
	}
	f, err = zw.CreateHeader(&zip.FileHeader{Name: "xl/sharedStrings.xml", Method: zip.Deflate, Modified: modified})
	if err != nil {
		return err
	}
	sw = bufio.NewWriterSize(f, 1<<20)
	fmt.Fprintf(sw, xmlHead+`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, len(strs), len(strs))
	var esc strings.Builder
	for _, s := range strs {
		esc.Reset()
		xmlEscape(&esc, s)
		sw.WriteString("<si><t>")
		sw.WriteString(esc.String())
		sw.WriteString("</t></si>")
	}
	sw.WriteString("</sst>")
	if err := sw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

func xmlEscape(b *strings.Builder, s string) {
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		default:
			b.WriteRune(r)
		}
	}
}

// portalChannel and portalStatus are the codes of the national portal's
// sync records for the list's texts (bieu/tally's portal.go gives the
// table and which codes are inferred); "Fax" becomes the unknown code 9.
var (
	portalChannel = map[string]string{"Trực tuyến": "2", "Trực tiếp": "1", "Dịch vụ bưu chính công ích": "3"}
	portalStatus  = map[string]string{"Đã trả kết quả": "10", "Trả lại hồ sơ": "11", "Công dân xin rút hồ sơ": "7",
		"Dừng xử lý": "8", "Đang xử lý": "4", "Chờ bổ sung": "5"}
	portalMucDo = map[string]string{"Một phần": "3", "Toàn trình": "4"}
)

// portalDate writes yyyyMMddHHmmss (the due date, a day, as yyyyMMdd); a
// typo'd day keeps its impossible digits.
func portalDate(r *row, c int) string {
	if r.bad[c] != "" {
		var d, m, y int
		if _, err := fmt.Sscanf(r.bad[c], "%d/%d/%d", &d, &m, &y); err == nil {
			return fmt.Sprintf("%04d%02d%02d000000", y, m, d)
		}
		return r.bad[c]
	}
	if r.dates[c].IsZero() {
		return ""
	}
	if c == colDue {
		return r.dates[c].Format("20060102")
	}
	return r.dates[c].Format("20060102150405")
}

// writePortal writes the list as the national portal's sync records, one
// JSON object a line, with the fields a one-stop system sends
// (MaHoSo, TenTTHC, TenLinhVuc, KenhThucHien, NgayTiepNhan, …).
func writePortal(w io.Writer, rs []row) error {
	q := func(s string) string {
		b, _ := json.Marshal(s)
		return string(b)
	}
	for i := range rs {
		r := &rs[i]
		ch, ok := portalChannel[r.text[6]]
		if !ok {
			ch = "9"
		}
		var b strings.Builder
		fmt.Fprintf(&b, `{"MaHoSo":%s,"MaTTHC":"","TenTTHC":%s,"MaLinhVuc":"","TenLinhVuc":%s,"KenhThucHien":%s`,
			q(r.text[1]), q(r.text[2]), q(r.text[3]), q(ch))
		if m := portalMucDo[r.text[7]]; m != "" {
			fmt.Fprintf(&b, `,"MucDo":%s`, q(m))
		}
		fmt.Fprintf(&b, `,"ChuHoSo":%s,"NgayTiepNhan":%s,"NgayHenTra":%s,"TrangThaiHoSo":%s`,
			q(fmt.Sprintf("Công dân %d", i+1)), q(portalDate(r, colRecv)), q(portalDate(r, colDue)), q(portalStatus[r.text[13]]))
		if v := portalDate(r, colPauseFrom); v != "" {
			fmt.Fprintf(&b, `,"NgayYeuCauBoSung":%s`, q(v))
		}
		if v := portalDate(r, colPauseTo); v != "" {
			fmt.Fprintf(&b, `,"NgayTiepNhanBoSung":%s`, q(v))
		}
		fin := portalDate(r, colFin)
		fmt.Fprintf(&b, `,"NgayKetThucXuLy":%s,"NgayTra":%s,"DuocThanhToanTrucTuyen":"0","DonViXuLy":%s}`+"\n",
			q(fin), q(fin), q(r.text[5]))
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
	}
	return nil
}

// mau07Heads is the two-row header of Mẫu số 07 "Sổ theo dõi hồ sơ"
// (Thông tư 03/2025/TT-VPCP), with the column-number row, and the columns
// the office appends after Ghi chú for what the form does not print.
var mau07Heads = [][]string{
	{"STT", "Mã hồ sơ", "Tên hồ sơ", "Số lượng hồ sơ (bộ)", "Tên tổ chức, cá nhân", "Địa chỉ", "Số điện thoại",
		"Ngày, tháng, năm", "", "", "Trả kết quả", "", "Ghi chú",
		"Kênh tiếp nhận", "Loại DVCTT", "Trạng thái", "Ngày yêu cầu bổ sung", "Ngày nhận bổ sung"},
	{"", "", "", "", "", "", "", "Nhận hồ sơ", "Hẹn trả kết quả", "Ngày nhận kết quả", "Bên giao", "Bên nhận"},
	{"(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)", "(12)", "(13)"},
}

var mau07Merges = []string{"A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:E2", "F1:F2", "G1:G2", "H1:J1", "K1:L1", "M1:M2",
	"N1:N2", "O1:O2", "P1:P2", "Q1:Q2", "R1:R2"}

// writeMau07 writes the list as the office's Excel copy of Mẫu số 07.
func writeMau07(w io.Writer, rs []row) error {
	src := [18]int{0, 1, 2, -1, -2, -3, -4, colRecv, colDue, colFin, -5, -5, -5, 6, 7, 13, colPauseFrom, colPauseTo}
	return writeBook(w, "Sổ theo dõi hồ sơ", mau07Heads, mau07Merges, len(src), rs, func(r *row, c int) (byte, string) {
		i, _ := strconv.Atoi(r.text[0])
		switch k := src[c]; {
		case k == 0:
			return 'n', r.text[0]
		case k == -1:
			return 'n', "1"
		case k == -2:
			return 's', fmt.Sprintf("Công dân %d", i)
		case k == -3:
			return 's', "Cẩm Xuyên, Hà Tĩnh"
		case k == -4:
			return 's', fmt.Sprintf("0912%06d", i)
		case k == -5:
			return 0, ""
		case k >= colRecv && k <= colFin:
			return dateCell(r, k)
		}
		return 's', r.text[src[c]]
	})
}
