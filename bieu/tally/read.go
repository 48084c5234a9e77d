package tally

import (
	"errors"
	"fmt"
	"iter"
	"strconv"
	"strings"
	"time"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/internal/vntext"
)

// Errors of the case-list readers. A reader yields a *ReadError wrapping
// ErrNoHeader, ErrOverLimit or ErrCorrupt and stops; a row it cannot read
// is a *RowError wrapping ErrBadDate, ErrUnknownValue or ErrBadRow, and it
// goes on.
var (
	// ErrNoHeader: no row among the first ReadOptions.HeaderRows has the
	// labels of a case list (at least Ngày tiếp nhận and two more known
	// columns).
	ErrNoHeader = errors.New("tally: no case-list header found")
	// ErrOverLimit: the list exceeds ReadOptions (rows, columns, bytes of
	// a row).
	ErrOverLimit = errors.New("tally: case list exceeds the read limits")
	// ErrCorrupt: the file is malformed (not UTF-8, broken quoting, a
	// line of JSON Lines that is not a JSON object, a header naming a
	// column twice, as "Ngày tiếp nhận" in two cells).
	ErrCorrupt = errors.New("tally: case list malformed")
	// ErrBadDate: a date none of the accepted forms.
	ErrBadDate = errors.New("tally: unreadable date")
	// ErrBadRow: a row that is not a record (no code and no date).
	ErrBadRow = errors.New("tally: unreadable row")
)

// ReadError is the error that stops a case-list reader.
type ReadError struct {
	Source string // the file
	Row    int    // the row it stopped at, 1-based; 0 when not at a row
	Detail string // what was found, English
	Err    error  // ErrNoHeader, ErrOverLimit, ErrCorrupt, or an I/O error
}

// Error writes "tally: read FILE row N: sentinel: detail".
func (e *ReadError) Error() string {
	var b strings.Builder
	b.WriteString("tally: read")
	if e.Source != "" {
		b.WriteString(" " + e.Source)
	}
	if e.Row > 0 {
		fmt.Fprintf(&b, " row %d", e.Row)
	}
	b.WriteString(": " + e.Err.Error())
	if e.Detail != "" {
		b.WriteString(": " + e.Detail)
	}
	return b.String()
}

// Unwrap returns the sentinel or the I/O error.
func (e *ReadError) Unwrap() error { return e.Err }

// Column is a column of a case list the readers know.
type Column uint8

// Columns. ColNone is a column the reader ignores.
const (
	ColNone      Column = iota
	ColCode             // Mã hồ sơ
	ColProcedure        // Tên TTHC / Mã TTHC
	ColField            // Lĩnh vực
	ColLevel            // Cấp
	ColUnit             // Đơn vị / Cơ quan giải quyết
	ColChannel          // Kênh / Hình thức nộp
	ColService          // Loại DVCTT: toàn trình, một phần
	ColReceived         // Ngày tiếp nhận / Ngày nhận
	ColDue              // Ngày hẹn trả
	ColFinished         // Ngày trả kết quả / Ngày có kết quả
	ColStatus           // Trạng thái
	ColPauseFrom        // Ngày yêu cầu bổ sung
	ColPauseTo          // Ngày nhận bổ sung
	numColumns
)

var columnNames = [numColumns]string{"", "code", "procedure", "field", "level", "unit", "channel", "service",
	"received", "due", "finished", "status", "pause_from", "pause_to"}

// String returns the column's name in JSON Lines and mappings: "code",
// "received", ….
func (c Column) String() string {
	if c < numColumns {
		return columnNames[c]
	}
	return "column(" + strconv.Itoa(int(c)) + ")"
}

// MarshalText writes String.
func (c Column) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText reads a name String writes.
func (c *Column) UnmarshalText(b []byte) error {
	for i, n := range columnNames {
		if i > 0 && n == string(b) {
			*c = Column(i)
			return nil
		}
	}
	return fmt.Errorf("%w: column %q", ErrUnknownValue, b)
}

// headerAliases are the labels one-stop systems print, as vntext keys:
// exact labels, then labels a header contains (the longest wins).
var headerExact = map[string]Column{
	"mã hồ sơ": ColCode, "mã số hồ sơ": ColCode, "số hồ sơ": ColCode, "mã": ColCode, "code": ColCode, "số biên nhận": ColCode,
	"tên tthc": ColProcedure, "tên thủ tục": ColProcedure, "thủ tục": ColProcedure, "tthc": ColProcedure, "mã tthc": ColProcedure,
	"thủ tục hành chính": ColProcedure, "tên thủ tục hành chính": ColProcedure, "procedure": ColProcedure,
	"lĩnh vực": ColField, "tên lĩnh vực": ColField, "field": ColField,
	"cấp": ColLevel, "cấp thực hiện": ColLevel, "cấp giải quyết": ColLevel, "level": ColLevel,
	"đơn vị": ColUnit, "cơ quan": ColUnit, "đơn vị giải quyết": ColUnit, "cơ quan giải quyết": ColUnit, "unit": ColUnit,
	"đơn vị xử lý": ColUnit, "cơ quan thực hiện": ColUnit,
	"kênh": ColChannel, "kênh nộp": ColChannel, "kênh tiếp nhận": ColChannel, "hình thức nộp": ColChannel,
	"hình thức tiếp nhận": ColChannel, "hình thức": ColChannel, "channel": ColChannel, "kênh thực hiện": ColChannel,
	"loại dvc": ColService, "loại dvctt": ColService, "mức độ": ColService, "mức độ dvc": ColService, "dịch vụ công": ColService,
	"dvctt": ColService, "service": ColService, "loại dịch vụ công": ColService,
	"ngày tiếp nhận": ColReceived, "ngày nhận": ColReceived, "ngày nhận hồ sơ": ColReceived, "thời gian tiếp nhận": ColReceived,
	"received": ColReceived, "ngày nộp": ColReceived,
	"ngày hẹn trả": ColDue, "ngày hẹn trả kết quả": ColDue, "hạn xử lý": ColDue, "hạn giải quyết": ColDue, "ngày hẹn": ColDue,
	"due": ColDue, "hẹn trả": ColDue,
	"ngày trả kết quả": ColFinished, "ngày có kết quả": ColFinished, "ngày trả": ColFinished, "ngày hoàn thành": ColFinished,
	"ngày kết thúc": ColFinished, "finished": ColFinished, "ngày giải quyết xong": ColFinished, "thời gian trả kết quả": ColFinished,
	"trạng thái": ColStatus, "tình trạng": ColStatus, "kết quả": ColStatus, "kết quả giải quyết": ColStatus, "status": ColStatus,
	"outcome": ColStatus, "trạng thái hồ sơ": ColStatus,
	// Mẫu số 07 "Sổ theo dõi hồ sơ" (mau07.go)
	"tên hồ sơ": ColProcedure, "nhận hồ sơ": ColReceived, "hẹn trả kết quả": ColDue, "ngày nhận kết quả": ColFinished,
	"ngày yêu cầu bổ sung": ColPauseFrom, "bổ sung từ ngày": ColPauseFrom, "pause_from": ColPauseFrom,
	"ngày nhận bổ sung": ColPauseTo, "bổ sung đến ngày": ColPauseTo, "ngày bổ sung": ColPauseTo, "pause_to": ColPauseTo,
}

var headerContains = []struct {
	sub string
	col Column
}{
	{"mã hồ sơ", ColCode}, {"mã số hồ sơ", ColCode},
	{"tên thủ tục", ColProcedure}, {"tên tthc", ColProcedure},
	{"lĩnh vực", ColField},
	{"kênh", ColChannel}, {"hình thức nộp", ColChannel}, {"hình thức tiếp nhận", ColChannel},
	{"toàn trình", ColService}, {"loại dvc", ColService},
	{"ngày tiếp nhận", ColReceived}, {"ngày nhận hồ sơ", ColReceived},
	{"ngày hẹn trả", ColDue}, {"hẹn trả", ColDue}, {"hạn giải quyết", ColDue}, {"hạn xử lý", ColDue},
	{"ngày trả kết quả", ColFinished}, {"ngày có kết quả", ColFinished}, {"ngày hoàn thành", ColFinished},
	{"trạng thái", ColStatus}, {"tình trạng", ColStatus},
	{"yêu cầu bổ sung", ColPauseFrom}, {"nhận bổ sung", ColPauseTo},
	{"cơ quan giải quyết", ColUnit}, {"đơn vị giải quyết", ColUnit},
}

// headerKey folds a header cell: its vntext key, without a trailing
// colon, "(*)" marks or a parenthesised format such as "(dd/mm/yyyy)".
func headerKey(s string) string {
	k := vntext.Key(s)
	if i := strings.IndexByte(k, '('); i > 0 {
		k = strings.TrimSpace(k[:i])
	}
	return strings.TrimRight(k, " :*")
}

// MatchHeader returns the column a header label names, matching the
// Vietnamese labels of one-stop systems' exports ("Mã hồ sơ", "Tên TTHC",
// "Lĩnh vực", "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày trả kết quả",
// "Kênh", "Hình thức nộp", "Trạng thái" …) in any case, spacing and
// Unicode form; the mapping given (label → column) is tried first.
func MatchHeader(label string, mapping map[string]Column) Column {
	k := headerKey(label)
	if k == "" {
		return ColNone
	}
	for l, c := range mapping {
		if headerKey(l) == k {
			return c
		}
	}
	if c, ok := headerExact[k]; ok {
		return c
	}
	best, bestLen := ColNone, 0
	for _, h := range headerContains {
		if len(h.sub) > bestLen && strings.Contains(k, h.sub) {
			best, bestLen = h.col, len(h.sub)
		}
	}
	return best
}

// Cell is one value of a case-list row. Serial marks a spreadsheet number
// displayed as a date (the reader of a workbook knows it); its Text is then
// the serial number, "45366.354". Number marks a spreadsheet number: in a
// date column it is read as a date serial too (a workbook whose date
// format was lost).
type Cell struct {
	Text   string
	Serial bool
	Number bool
}

// Row is one row of a case list: its 1-based number in the file and its
// cells, in column order.
type Row struct {
	Num   int
	Cells []Cell
}

// ReadOptions configure the case-list readers. The zero value reads with
// the defaults.
type ReadOptions struct {
	// Source names the file in findings and errors.
	Source string
	// Location is the time zone of dates written without one; default
	// Vietnam().
	Location *time.Location
	// Columns maps header labels the reader does not know to columns,
	// e.g. {"Số biên nhận": ColCode, "Hình thức nhận": ColChannel}.
	Columns map[string]Column
	// HeaderRows is how many rows are searched for the header; default 30.
	HeaderRows int
	// MaxRows bounds the data rows; default 20,000,000.
	MaxRows int
	// MaxCols bounds the columns of a row; default 256.
	MaxCols int
	// MaxRowBytes bounds the bytes of one row (a line of CSV or JSON
	// Lines); default 64 KiB.
	MaxRowBytes int
	// Date1904 says a workbook counts date serials from 1904.
	Date1904 bool
	// Procedures gives the lĩnh vực and level of a procedure, by its
	// code (mã TTHC) or name, for lists that do not carry them, such as
	// Mẫu số 07 "Sổ theo dõi hồ sơ" (see Mau07). Without it, or for a
	// procedure it lacks, a record without lĩnh vực is a finding of the
	// tally (TALLY/R05), never guessed.
	Procedures map[string]ProcedureInfo
}

func (o *ReadOptions) defaults() error {
	if o.HeaderRows < 0 || o.MaxRows < 0 || o.MaxCols < 0 || o.MaxRowBytes < 0 {
		return &ReadError{Source: o.Source, Err: ErrOverLimit, Detail: "negative bound in ReadOptions"}
	}
	if o.Location == nil {
		o.Location = vietnam
	}
	if o.HeaderRows == 0 {
		o.HeaderRows = 30
	}
	if o.MaxRows == 0 {
		o.MaxRows = 20_000_000
	}
	if o.MaxCols == 0 {
		o.MaxCols = 256
	}
	if o.MaxRowBytes == 0 {
		o.MaxRowBytes = 64 << 10
	}
	return nil
}

// layout is a matched header: the cell index of each column, -1 if none.
type layout struct {
	idx   [numColumns]int
	names [numColumns]string // the header's own label, for RowErrors
	// twice is the cell indices of the first label the header repeats
	// (the same headerKey as the label of a column already matched, as
	// "Ngày tiếp nhận" twice), and twiceLabel that label; twice[1] is 0
	// when none. Which of the two cells holds the value is not known, so
	// the reader refuses the list (dupError).
	twice      [2]int
	twiceLabel string
}

// matchLayout tries a row as the header: it needs Ngày tiếp nhận and two
// other known columns. Of two cells naming the same column the first is
// the column; a second with the same label is noted in twice, one with
// another label ("Mã TTHC" after "Tên TTHC") is ignored.
func matchLayout(cells []Cell, mapping map[string]Column) (layout, bool) {
	var l layout
	for i := range l.idx {
		l.idx[i] = -1
	}
	found := 0
	for i, c := range cells {
		if c.Serial {
			continue
		}
		col := MatchHeader(c.Text, mapping)
		if col == ColNone {
			continue
		}
		if j := l.idx[col]; j >= 0 {
			if l.twice[1] == 0 && headerKey(cells[j].Text) == headerKey(c.Text) {
				l.twice, l.twiceLabel = [2]int{j, i}, strings.Clone(vntext.NFC(c.Text))
			}
			continue
		}
		l.idx[col], l.names[col] = i, strings.Clone(vntext.NFC(c.Text))
		found++
	}
	return l, l.idx[ColReceived] >= 0 && found >= 3
}

// dupError is the error of a header that names a column twice (twice):
// ErrCorrupt naming the label and both columns, 1-based.
func (l *layout) dupError(o *ReadOptions, row int) error {
	return &ReadError{Source: o.Source, Row: row, Err: ErrCorrupt,
		Detail: fmt.Sprintf("the header has %q twice (columns %d and %d): which one is read is not known; rename or remove one", l.twiceLabel, l.twice[0]+1, l.twice[1]+1)}
}

// ReadRows turns the rows of a table (a worksheet, a CSV file) into
// records: it finds the header among the first HeaderRows rows by its
// labels (MatchHeader), then reads each row below it. A row it cannot read
// is a *RowError with its number; a blank row is skipped; an error of rows
// is passed on and ends the sequence. Package xlsxlist reads workbooks
// with it.
func ReadRows(rows iter.Seq2[Row, error], opts ReadOptions) iter.Seq2[Record, error] {
	return readRows(rows, opts, false)
}

// readRows is ReadRows; with checkUTF8 (rows of CSV) each row's text is
// first checked to be UTF-8, else the reader stops (ErrCorrupt) — but for
// the cells of a data row whose text a memo of the read cache holds
// (layout.knownValid).
func readRows(rows iter.Seq2[Row, error], opts ReadOptions, checkUTF8 bool) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		if err := opts.defaults(); err != nil {
			yield(Record{}, err)
			return
		}
		var lay layout
		var prev []Cell // the row above the header: the upper row of a two-row header
		have := false
		seen, data := 0, 0
		cache := newReadCache()
		cache.check = checkUTF8
		cache.transient = checkUTF8 // the rows of CSV share the scanner's buffers
		for row, err := range rows {
			if err != nil {
				yield(Record{}, err)
				return
			}
			if checkUTF8 && !have && !validCells(row.Cells, 0) { // data rows: in recordWith
				yield(Record{}, errNotUTF8(&opts, row.Num))
				return
			}
			if len(row.Cells) > opts.MaxCols {
				yield(Record{}, &ReadError{Source: opts.Source, Row: row.Num, Err: ErrOverLimit,
					Detail: fmt.Sprintf("%d columns, more than MaxCols %d", len(row.Cells), opts.MaxCols)})
				return
			}
			if !have {
				seen++
				if l, ok := matchLayout(row.Cells, opts.Columns); ok {
					lay, have = mergedHeader(prev, row.Cells, l, opts.Columns), true // mau07.go
					if lay.twice[1] > 0 {
						yield(Record{}, lay.dupError(&opts, row.Num))
						return
					}
				} else if seen >= opts.HeaderRows {
					yield(Record{}, &ReadError{Source: opts.Source, Row: row.Num, Err: ErrNoHeader,
						Detail: fmt.Sprintf("none of the first %d rows has the labels of a case list (Mã hồ sơ, Lĩnh vực, Ngày tiếp nhận, Ngày hẹn trả …); map other labels with ReadOptions.Columns", opts.HeaderRows)})
					return
				}
				prev = prev[:0]
				for _, c := range row.Cells { // the rows of CSV are valid until the next one (csvScanner)
					c.Text = strings.Clone(c.Text)
					prev = append(prev, c)
				}
				continue
			}
			if !plainStart(row.Cells) && (blank(row.Cells) || columnNumbers(row.Cells)) {
				continue
			}
			data++
			if data > opts.MaxRows {
				if checkUTF8 && !validCells(row.Cells, 0) {
					yield(Record{}, errNotUTF8(&opts, row.Num))
					return
				}
				yield(Record{}, &ReadError{Source: opts.Source, Row: row.Num, Err: ErrOverLimit,
					Detail: fmt.Sprintf("more than MaxRows %d rows", opts.MaxRows)})
				return
			}
			rec, rerr := lay.recordWith(row, &opts, cache)
			if cache.invalid {
				yield(Record{}, errNotUTF8(&opts, row.Num))
				return
			}
			if rerr == nil {
				opts.lookup(&rec) // mau07.go
			}
			if rerr != nil {
				if !yield(Record{}, rerr) {
					return
				}
				continue
			}
			if !yield(rec, nil) {
				return
			}
		}
		if !have {
			yield(Record{}, &ReadError{Source: opts.Source, Err: ErrNoHeader,
				Detail: "no row has the labels of a case list (Mã hồ sơ, Lĩnh vực, Ngày tiếp nhận, Ngày hẹn trả …)"})
		}
	}
}

// plainStart reports whether the first cell starts with a printable
// ASCII byte other than '(': the row is then neither blank nor a row of
// column numbers (mau07.go).
func plainStart(cells []Cell) bool {
	if len(cells) == 0 || cells[0].Text == "" {
		return false
	}
	c := cells[0].Text[0]
	return c > ' ' && c < 0x7f && c != '('
}

func blank(cells []Cell) bool {
	for _, c := range cells {
		if strings.TrimSpace(c.Text) != "" {
			return false
		}
	}
	return true
}

// recordWith reads one data row, the values it has seen before looked up
// in c (nil: none). With c.check, the row's text is checked to be UTF-8
// first — the texts c knows are (readCache) — and a row that is not sets
// c.invalid and is not read.
func (l *layout) recordWith(row Row, o *ReadOptions, c *readCache) (Record, *RowError) {
	var text [numColumns]string
	for col, i := range l.idx {
		if uint(i) < uint(len(row.Cells)) {
			text[col] = row.Cells[i].Text
		}
	}
	r := Record{Source: o.Source, Row: row.Num}
	r.Procedure, r.Field, r.Unit = c.name(text[ColProcedure]), c.name(text[ColField]), c.name(text[ColUnit])
	// The values parsed once per text, looked up before the dates so that
	// the row is known to be UTF-8 before any of its errors is told; the
	// errors come in the order of the columns below.
	var chOK, svOK, ocOK, lvOK bool
	if v := text[ColChannel]; v != "" {
		r.Channel, chOK = c.channel(v)
	}
	if v := text[ColService]; v != "" {
		r.Service, svOK = c.service(v)
	}
	if v := text[ColStatus]; v != "" {
		r.Outcome, ocOK = c.outcome(v)
	}
	if v := text[ColLevel]; v != "" {
		r.Level, lvOK = c.level(v)
	}
	// Dates in the export forms (fixedDate) are read first: such a text
	// is ASCII, so known to be UTF-8, as is a code of printable ASCII.
	days := c.dayCache()
	var fast [numColumns]time.Time
	var fastOK [numColumns]bool
	var known uint64 // cells whose text is known to be UTF-8
	for _, col := range [...]Column{ColReceived, ColDue, ColFinished, ColPauseFrom, ColPauseTo} {
		i := l.idx[col]
		if text[col] == "" || row.Cells[i].Serial || row.Cells[i].Number {
			continue
		}
		t, fixed, ok := days.fixedDateIn(text[col], o.Location, col == ColDue)
		if fixed && i < 64 {
			known |= 1 << i
		}
		fast[col], fastOK[col] = t, ok
	}
	codeASCII := plainASCII(text[ColCode])
	if codeASCII && l.idx[ColCode] < 64 {
		known |= 1 << l.idx[ColCode]
	}
	if c != nil && c.check {
		for _, col := range [...]Column{ColProcedure, ColField, ColUnit, ColChannel, ColService, ColStatus, ColLevel} {
			if i := l.idx[col]; i >= 0 && i < 64 {
				known |= 1 << i // looked up in c: UTF-8
			}
		}
		if c.invalid || !validCells(row.Cells, known) {
			c.invalid = true
			return Record{}, nil
		}
	}
	// The row's texts may be valid only until the next row (csvScanner):
	// what the record and its errors keep is copied.
	if codeASCII {
		r.Code = c.keep(text[ColCode]) // vntext.NFC leaves it as it is
	} else {
		r.Code = c.keep(vntext.NFC(text[ColCode]))
	}
	bad := func(c Column, v string, err error, detail string) *RowError {
		return &RowError{Source: o.Source, Row: row.Num, Column: l.names[c], Value: strings.Clone(v), Code: r.Code, Detail: detail, Err: err}
	}
	date := func(col Column, endOfDay bool) (time.Time, *RowError) {
		if fastOK[col] {
			return fast[col], nil
		}
		if text[col] == "" {
			return time.Time{}, nil
		}
		cell := row.Cells[l.idx[col]]
		var t time.Time
		var only, ok bool
		if cell.Serial || cell.Number {
			v, err := strconv.ParseFloat(cell.Text, 64)
			if err == nil {
				t, only, ok = serialDate(v, o.Date1904, o.Location)
			}
		} else {
			t, only, ok = parseDateIn(cell.Text, o.Location, days)
		}
		if !ok && strings.TrimSpace(cell.Text) == "" {
			return time.Time{}, nil // blank
		}
		if !ok {
			return time.Time{}, bad(col, cell.Text, ErrBadDate, "not a date (15/3/2024, 15/03/2024 08:30, 2024-03-15 or a spreadsheet date)")
		}
		if only && endOfDay {
			t = t.Add(24*time.Hour - time.Second) // due on that day: to its end
		}
		return t, nil
	}
	var e *RowError
	if r.Received, e = date(ColReceived, false); e != nil {
		return r, e
	}
	if r.Due, e = date(ColDue, true); e != nil {
		return r, e
	}
	if r.Finished, e = date(ColFinished, false); e != nil {
		return r, e
	}
	var p Pause
	if p.From, e = date(ColPauseFrom, false); e != nil {
		return r, e
	}
	if p.To, e = date(ColPauseTo, false); e != nil {
		return r, e
	}
	if !p.From.IsZero() {
		r.Pauses = c.pause(p)
	}
	if v := text[ColChannel]; v != "" && !chOK {
		return r, bad(ColChannel, v, ErrUnknownValue, "not a channel (trực tuyến, trực tiếp, bưu chính công ích)")
	}
	if v := text[ColService]; v != "" && !svOK {
		return r, bad(ColService, v, ErrUnknownValue, "not a kind of online service (toàn trình, một phần)")
	}
	if v := text[ColStatus]; v != "" && !ocOK {
		return r, bad(ColStatus, v, ErrUnknownValue, "not a status (đã trả kết quả, trả lại, xin rút, dừng xử lý, đang xử lý …)")
	}
	if v := text[ColLevel]; v != "" && !lvOK {
		return r, bad(ColLevel, v, ErrUnknownValue, "not a level (cấp tỉnh, cấp huyện, cấp xã)")
	}
	if r.Code == "" && r.Received.IsZero() && r.Field == "" {
		return r, &RowError{Source: o.Source, Row: row.Num, Detail: "no code, lĩnh vực nor received date", Err: ErrBadRow}
	}
	return r, nil
}

// plainASCII reports whether s is not empty and all printable ASCII
// without a space ('!' to '~'): vntext.NFC(s) is then s.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i]-'!' > '~'-'!' {
			return false
		}
	}
	return s != ""
}

// parseLevel reads "Cấp tỉnh", "tỉnh", "Huyện", "xã", "province" …, or a
// unit's name that tells its level (bieu.GuessLevel).
func parseLevel(v string) (bieu.UnitLevel, bool) {
	k := strings.TrimPrefix(key(v), "cấp ")
	switch k {
	case "tỉnh", "province", "thành phố", "sở", "sở, ban, ngành":
		return bieu.ProvinceLevel, true
	case "huyện", "district", "quận", "thị xã":
		return bieu.DistrictLevel, true
	case "xã", "commune", "phường", "thị trấn":
		return bieu.CommuneLevel, true
	}
	if l := bieu.GuessLevel(v); l != bieu.LevelUnknown {
		return l, true
	}
	return bieu.LevelUnknown, false
}
