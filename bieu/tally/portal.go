package tally

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"iter"
	"time"

	"github.com/baocaodinhky/vpcp/internal/vntext"
	"github.com/go-json-experiment/json/jsontext"
)

// The national portal's sync records (đồng bộ hồ sơ lên Cổng Dịch vụ công
// quốc gia). A provincial one-stop system sends each hồ sơ to the portal as
// one JSON object; integrators keep the same objects as a JSON array or as
// JSON Lines. ReadPortal reads those objects.
//
// Fields read (the names as the vendor code writes them; see the sources
// below):
//
//	field               Record          how
//	MaHoSo              Code            text, required
//	TenTTHC / MaTTHC    Procedure       TenTTHC, or MaTTHC when it is blank
//	TenLinhVuc          Field           text; MaLinhVuc when TenLinhVuc is blank
//	DonViXuLy           Unit            text; its level is told from the name (bieu.GuessLevel) by the tally
//	KenhThucHien        Channel         portalChannels below
//	MucDo               Service         3 một phần, 4 toàn trình, 2 none (inferred)
//	NgayTiepNhan        Received        yyyyMMddHHmmss
//	NgayHenTra          Due             yyyyMMddHHmmss, or yyyyMMdd (to the end of that day)
//	NgayKetThucXuLy     Finished        yyyyMMddHHmmss: the day processing ended
//	NgayTra             Finished        only when NgayKetThucXuLy is blank and TrangThaiHoSo is 10
//	TrangThaiHoSo       Outcome         portalStatuses below
//	NgayYeuCauBoSung    Pauses[0].From  yyyyMMddHHmmss
//	NgayTiepNhanBoSung  Pauses[0].To    yyyyMMddHHmmss (inferred name, the one DanhSachHoSoBoSung's items carry)
//
// Every other field (ChuHoSo, SoDienThoai, DuocThanhToanTrucTuyen,
// TaiLieuNop, DanhSachHoSoBoSung …) is skipped: the forms do not count
// them. Dates carry no zone and are read in ReadOptions.Location
// (Asia/Ho_Chi_Minh by default), the zone the vendor code formats them in.
//
// NgayTra is the day the result was handed to the applicant. The forms
// count a file as resolved when its processing ends, so NgayKetThucXuLy is
// the finish date; NgayTra stands in for it only for a file whose status
// is 10 (đã trả kết quả) and whose NgayKetThucXuLy is blank (inferred: the
// vendor code marks NgayKetThucXuLy "ko bb", not mandatory).
//
// Sources read:
//   - opencps vendor code (DVCQG integration, createSyncDossierBodyRequest):
//     the object's fields MaHoSo, MaTTHC, TenTTHC, MaLinhVuc, TenLinhVuc,
//     NgayTiepNhan, NgayHenTra, TrangThaiHoSo, NgayTra, NgayKetThucXuLy,
//     DonViXuLy, GhiChu, DanhSachHoSoBoSung (NgayTiepNhanBoSung …), dates
//     formatted in the HCM time zone; NgayTra and NgayKetThucXuLy marked not
//     mandatory.
//   - a province's one-stop system in C# (HoSoDongBoDVC class; statistics
//     SQL ThongKeHoSoTheoNgay): KenhThucHien varchar(2) with the constants
//     TRUC_TIEP, TRUC_TUYEN, BCCI; TrangThaiHoSoId '9', '10' counted as
//     processed (by NgayKetThucXuLy against NgayHenTra); '1', '3' not
//     counted as received.
//
// The numeric values of the codes are not in what was read: they are
// inferred from the portal's catalogue as integrators use it, and marked so.
type portalCode struct {
	code, label string
	inferred    bool
}

// portalChannels is the table of KenhThucHien (all values inferred: the
// vendor code names TRUC_TIEP, TRUC_TUYEN and BCCI, not their values).
var portalChannels = map[string]struct {
	ch Channel
	portalCode
}{
	"1": {Direct, portalCode{"1", "trực tiếp", true}},
	"2": {Online, portalCode{"2", "trực tuyến", true}},
	"3": {Postal, portalCode{"3", "dịch vụ bưu chính công ích", true}},
}

// portalStatus is what a TrangThaiHoSo code means for the tally.
type portalStatus struct {
	outcome  Outcome
	finished bool // the status says processing ended
	refused  bool // not received: the record is rejected (not a hồ sơ of the period)
	portalCode
}

// portalStatuses is the table of TrangThaiHoSo. 9 and 10 as finished, 1
// and 3 as not received, are read from the C# vendor's statistics SQL;
// the labels and the other codes are inferred from the portal's catalogue.
var portalStatuses = map[string]portalStatus{
	"1":  {refused: true, portalCode: portalCode{"1", "mới đăng ký (chưa tiếp nhận)", false}},
	"2":  {portalCode: portalCode{"2", "được tiếp nhận", true}},
	"3":  {refused: true, portalCode: portalCode{"3", "không được tiếp nhận", false}},
	"4":  {portalCode: portalCode{"4", "đang xử lý", true}},
	"5":  {portalCode: portalCode{"5", "yêu cầu bổ sung giấy tờ", true}},
	"6":  {portalCode: portalCode{"6", "yêu cầu thực hiện nghĩa vụ tài chính", true}},
	"7":  {outcome: Withdrawn, finished: true, portalCode: portalCode{"7", "công dân yêu cầu rút hồ sơ", true}},
	"8":  {outcome: Stopped, finished: true, portalCode: portalCode{"8", "dừng xử lý", true}},
	"9":  {outcome: Resolved, finished: true, portalCode: portalCode{"9", "đã xử lý xong", false}},
	"10": {outcome: Resolved, finished: true, portalCode: portalCode{"10", "đã trả kết quả", false}},
	"11": {outcome: Returned, finished: true, portalCode: portalCode{"11", "trả lại hồ sơ (từ chối giải quyết)", true}},
}

// portal fields.
const (
	pfNone = iota
	pfCode
	pfProcName
	pfProcCode
	pfFieldName
	pfFieldCode
	pfUnit
	pfChannel
	pfService
	pfReceived
	pfDue
	pfFinished
	pfReturned
	pfStatus
	pfPauseFrom
	pfPauseTo
	numPortalFields
)

var portalFieldNames = [numPortalFields]string{"", "MaHoSo", "TenTTHC", "MaTTHC", "TenLinhVuc", "MaLinhVuc", "DonViXuLy",
	"KenhThucHien", "MucDo", "NgayTiepNhan", "NgayHenTra", "NgayKetThucXuLy", "NgayTra", "TrangThaiHoSo",
	"NgayYeuCauBoSung", "NgayTiepNhanBoSung"}

func portalField(name []byte) int {
	for i := 1; i < numPortalFields; i++ {
		if string(name) == portalFieldNames[i] {
			return i
		}
	}
	return pfNone
}

// IsPortal reports whether head, the first bytes of a JSON file, holds the
// portal's sync objects: it names the fields "MaHoSo", "NgayTiepNhan" and
// "TrangThaiHoSo" (ReadJSONL hands such a file to ReadPortal).
func IsPortal(head []byte) bool {
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")), " \t\r\n")
	if len(head) == 0 || (head[0] != '[' && head[0] != '{') {
		return false
	}
	return bytes.Contains(head, []byte(`"MaHoSo"`)) && bytes.Contains(head, []byte(`"NgayTiepNhan"`)) &&
		bytes.Contains(head, []byte(`"TrangThaiHoSo"`))
}

var portalJSONOptions = []jsontext.Options{jsontext.AllowDuplicateNames(false), jsontext.AllowInvalidUTF8(false)}

// ReadPortal reads the portal's sync records, a JSON array of objects or
// JSON Lines (one object a line), as the table above says. A line whose
// object has an unknown code, a bad date, a duplicate key, a value of the
// wrong kind or no MaHoSo is a *RowError with its line and the record's
// code, and the reader goes on (in an array, a duplicate key or a
// malformed object stops it: a *ReadError with the line). Text that is
// not UTF-8 or not JSON stops it (ErrCorrupt). A record whose status is 1
// or 3 (not received) is a *RowError too: it is no hồ sơ of any period.
// Memory is one line (JSON Lines) or the decoder's window (an array).
func ReadPortal(r io.Reader, opts ReadOptions) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		if err := opts.defaults(); err != nil {
			yield(Record{}, err)
			return
		}
		br := bufio.NewReaderSize(r, 64<<10)
		if b, _ := br.Peek(3); bytes.Equal(b, []byte("\xEF\xBB\xBF")) {
			_, _ = br.Discard(3)
		}
		p := &portalReader{opts: &opts}
		for {
			c, err := br.ReadByte()
			if err != nil {
				if err != io.EOF {
					yield(Record{}, &ReadError{Source: opts.Source, Err: err})
				}
				return
			}
			if c == '\n' {
				p.line++
			}
			if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
				_ = br.UnreadByte()
				if c == '[' {
					p.array(br, yield)
				} else {
					p.lines(br, yield)
				}
				return
			}
		}
	}
}

type portalReader struct {
	opts *ReadOptions
	line int // newlines before the reader's start
	dec  jsontext.Decoder
}

// lines reads JSON Lines.
func (p *portalReader) lines(br *bufio.Reader, yield func(Record, error) bool) {
	sc := bufio.NewScanner(br)
	sc.Buffer(make([]byte, 0, 64<<10), p.opts.MaxRowBytes+1)
	var rd bytes.Reader
	line, data := p.line, 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		data++
		if data > p.opts.MaxRows {
			yield(Record{}, &ReadError{Source: p.opts.Source, Row: line, Err: ErrOverLimit, Detail: fmt.Sprintf("more than MaxRows %d rows", p.opts.MaxRows)})
			return
		}
		if b[0] != '{' {
			yield(Record{}, &ReadError{Source: p.opts.Source, Row: line, Err: ErrCorrupt, Detail: "not a JSON object"})
			return
		}
		rd.Reset(b)
		p.dec.Reset(&rd, portalJSONOptions...)
		rec, err := p.object(line, nil)
		if err == nil {
			if _, e := p.dec.ReadToken(); e != io.EOF {
				err = &ReadError{Source: p.opts.Source, Row: line, Err: ErrCorrupt, Detail: "more than one JSON value on the line"}
			}
		}
		if err != nil {
			var se *jsontext.SyntacticError
			if errors.As(err, &se) {
				err = p.syntaxError(line, rec.Code, se)
			}
			if _, ok := err.(*RowError); !ok {
				yield(Record{}, err)
				return
			}
			if !yield(Record{}, err) {
				return
			}
			continue
		}
		if !yield(rec, nil) {
			return
		}
	}
	if err := sc.Err(); err != nil {
		e := &ReadError{Source: p.opts.Source, Row: line + 1, Err: err}
		if errors.Is(err, bufio.ErrTooLong) {
			e.Err, e.Detail = ErrOverLimit, fmt.Sprintf("a line longer than MaxRowBytes %d", p.opts.MaxRowBytes)
		}
		yield(Record{}, e)
	}
}

// syntaxError turns a decoder's error on one line into a RowError (a
// duplicate key, text not UTF-8 is corrupt: a ReadError).
func (p *portalReader) syntaxError(line int, code string, se *jsontext.SyntacticError) error {
	if errors.Is(se, jsontext.ErrDuplicateName) {
		return &RowError{Source: p.opts.Source, Row: line, Column: string(se.JSONPointer), Code: code, Detail: "duplicate key " + string(se.JSONPointer), Err: ErrBadRow}
	}
	return &ReadError{Source: p.opts.Source, Row: line, Err: ErrCorrupt, Detail: se.Error()}
}

// newlineReader counts the newlines read, keeping the offsets of those
// the decoder may not have reached yet, so that an offset maps to a line.
type newlineReader struct {
	r     io.Reader
	off   int64
	queue []int64 // offsets of newlines not yet counted
	lines int     // newlines before the oldest queued one
}

func (n *newlineReader) Read(b []byte) (int, error) {
	k, err := n.r.Read(b)
	for i := 0; i < k; {
		j := bytes.IndexByte(b[i:k], '\n')
		if j < 0 {
			break
		}
		n.queue = append(n.queue, n.off+int64(i+j))
		i += j + 1
	}
	n.off += int64(k)
	return k, err
}

// lineAt returns the 1-based line of offset off; offsets must not decrease.
func (n *newlineReader) lineAt(off int64) int {
	i := 0
	for i < len(n.queue) && n.queue[i] < off {
		i++
	}
	n.lines += i
	n.queue = n.queue[:copy(n.queue, n.queue[i:])]
	return n.lines + 1
}

// array reads a JSON array of objects.
func (p *portalReader) array(br *bufio.Reader, yield func(Record, error) bool) {
	nr := &newlineReader{r: br, lines: p.line}
	p.dec.Reset(nr, portalJSONOptions...)
	fail := func(err error) {
		line := nr.lineAt(p.dec.InputOffset())
		var se *jsontext.SyntacticError
		if errors.As(err, &se) {
			yield(Record{}, &ReadError{Source: p.opts.Source, Row: line, Err: ErrCorrupt, Detail: se.Error()})
			return
		}
		if re, ok := err.(*ReadError); ok {
			yield(Record{}, re)
			return
		}
		yield(Record{}, &ReadError{Source: p.opts.Source, Row: line, Err: err})
	}
	if _, err := p.dec.ReadToken(); err != nil { // [
		fail(err)
		return
	}
	data := 0
	for p.dec.PeekKind() == '{' {
		line := nr.lineAt(p.nextOffset())
		data++
		if data > p.opts.MaxRows {
			yield(Record{}, &ReadError{Source: p.opts.Source, Row: line, Err: ErrOverLimit, Detail: fmt.Sprintf("more than MaxRows %d rows", p.opts.MaxRows)})
			return
		}
		rec, err := p.object(line, nr)
		if err != nil {
			if _, ok := err.(*RowError); !ok {
				fail(err)
				return
			}
			if !yield(Record{}, err) {
				return
			}
			continue
		}
		if !yield(rec, nil) {
			return
		}
	}
	if k := p.dec.PeekKind(); k != ']' {
		if k == 0 {
			_, err := p.dec.ReadToken()
			fail(err)
			return
		}
		yield(Record{}, &ReadError{Source: p.opts.Source, Row: nr.lineAt(p.nextOffset()), Err: ErrCorrupt, Detail: "an element of the array is not a JSON object"})
		return
	}
	if _, err := p.dec.ReadToken(); err != nil { // ]
		fail(err)
		return
	}
	if _, err := p.dec.ReadToken(); err != io.EOF {
		if err == nil {
			err = &ReadError{Source: p.opts.Source, Row: nr.lineAt(p.dec.InputOffset()), Err: ErrCorrupt, Detail: "text after the JSON array"}
		}
		fail(err)
	}
}

// nextOffset is the offset of the decoder's next token, past separators.
func (p *portalReader) nextOffset() int64 {
	buf := p.dec.UnreadBuffer()
	i := 0
	for i < len(buf) && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n' || buf[i] == ',') {
		i++
	}
	return p.dec.InputOffset() + int64(i)
}

// object reads one sync object at the decoder. A *RowError is a record
// that cannot be read, the decoder left after the object; any other error
// is the decoder's and fatal.
func (p *portalReader) object(line int, nr *newlineReader) (Record, error) {
	d := &p.dec
	if _, err := d.ReadToken(); err != nil { // {
		return Record{}, err
	}
	var vals [numPortalFields]string
	var have [numPortalFields]bool
	var bad *RowError
	keys := 0
	for d.PeekKind() != '}' {
		name, err := d.ReadValue()
		if err != nil {
			return Record{Code: vals[pfCode]}, err
		}
		keys++
		if keys > p.opts.MaxCols {
			return Record{}, &ReadError{Source: p.opts.Source, Row: line, Err: ErrOverLimit, Detail: fmt.Sprintf("more than MaxCols %d keys", p.opts.MaxCols)}
		}
		f := portalField(unquoteName(name))
		if f == pfNone {
			if err := d.SkipValue(); err != nil {
				return Record{Code: vals[pfCode]}, err
			}
			continue
		}
		v, err := d.ReadValue()
		if err != nil {
			return Record{Code: vals[pfCode]}, err
		}
		switch v.Kind() {
		case '"':
			vals[f] = string(unquoteValue(v))
		case '0':
			vals[f] = string(v)
		case 'n':
		default:
			if bad == nil {
				bad = &RowError{Column: portalFieldNames[f], Value: truncate(string(v), 40), Detail: "not a text or a number", Err: ErrBadRow}
			}
		}
		have[f] = true
	}
	if _, err := d.ReadToken(); err != nil { // }
		return Record{Code: vals[pfCode]}, err
	}
	code := vntext.NFC(vals[pfCode])
	if bad != nil {
		bad.Source, bad.Row, bad.Code = p.opts.Source, line, code
		return Record{}, bad
	}
	return p.record(&vals, line)
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

func unquoteName(v jsontext.Value) []byte {
	if bytes.IndexByte(v, '\\') < 0 && len(v) >= 2 {
		return v[1 : len(v)-1]
	}
	u, err := jsontext.AppendUnquote(nil, v)
	if err != nil {
		return nil
	}
	return u
}

func unquoteValue(v jsontext.Value) []byte { return unquoteName(v) }

// record converts the fields of one object.
func (p *portalReader) record(v *[numPortalFields]string, line int) (Record, error) {
	o := p.opts
	r := Record{Code: vntext.NFC(v[pfCode]), Procedure: vntext.NFC(v[pfProcName]), Field: vntext.NFC(v[pfFieldName]),
		Unit: vntext.NFC(v[pfUnit]), Source: o.Source, Row: line}
	if r.Procedure == "" {
		r.Procedure = vntext.NFC(v[pfProcCode])
	}
	if r.Field == "" {
		r.Field = vntext.NFC(v[pfFieldCode])
	}
	bad := func(f int, err error, detail string) *RowError {
		return &RowError{Source: o.Source, Row: line, Column: portalFieldNames[f], Value: truncate(v[f], 40), Code: r.Code, Detail: detail, Err: err}
	}
	if r.Code == "" {
		return Record{}, bad(pfCode, ErrBadRow, "no MaHoSo")
	}
	date := func(f int, endOfDay bool) (time.Time, *RowError) {
		if v[f] == "" {
			return time.Time{}, nil
		}
		t, only, ok := parsePortalDate(v[f], o.Location)
		if !ok {
			return time.Time{}, bad(f, ErrBadDate, "not a date yyyyMMddHHmmss")
		}
		if only && endOfDay {
			t = t.Add(24*time.Hour - time.Second)
		}
		return t, nil
	}
	var e *RowError
	if r.Received, e = date(pfReceived, false); e != nil {
		return Record{}, e
	}
	if r.Due, e = date(pfDue, true); e != nil {
		return Record{}, e
	}
	if r.Finished, e = date(pfFinished, false); e != nil {
		return Record{}, e
	}
	ret, e := date(pfReturned, false)
	if e != nil {
		return Record{}, e
	}
	var pz Pause
	if pz.From, e = date(pfPauseFrom, false); e != nil {
		return Record{}, e
	}
	if pz.To, e = date(pfPauseTo, false); e != nil {
		return Record{}, e
	}
	if !pz.From.IsZero() {
		r.Pauses = []Pause{pz}
	}
	if c := v[pfChannel]; c != "" {
		ch, ok := portalChannels[c]
		if !ok {
			return Record{}, bad(pfChannel, ErrUnknownValue, "not a KenhThucHien code (1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích)")
		}
		r.Channel = ch.ch
	}
	switch v[pfService] {
	case "", "2":
	case "3":
		r.Service = Partial
	case "4":
		r.Service = Full
	default:
		sv, ok := parseService(v[pfService])
		if !ok {
			return Record{}, bad(pfService, ErrUnknownValue, "not a MucDo (2, 3 một phần, 4 toàn trình)")
		}
		r.Service = sv
	}
	if v[pfStatus] == "" {
		return Record{}, bad(pfStatus, ErrUnknownValue, "no TrangThaiHoSo")
	}
	st, ok := portalStatuses[v[pfStatus]]
	if !ok {
		return Record{}, bad(pfStatus, ErrUnknownValue, "not a TrangThaiHoSo code (1 to 11)")
	}
	if st.refused {
		return Record{}, bad(pfStatus, ErrUnknownValue, "TrangThaiHoSo "+st.code+" ("+st.label+"): not received, not counted")
	}
	if r.Finished.IsZero() && v[pfStatus] == "10" {
		r.Finished = ret
	}
	if !st.finished {
		// An open status today does not erase a finish date: a record is
		// judged from its dates (Record). Only the outcome is the status's.
		r.Outcome = OutcomeNone
	} else {
		r.Outcome = st.outcome
	}
	return r, nil
}

// parsePortalDate reads yyyyMMddHHmmss (or yyyyMMdd, dateOnly) in loc.
func parsePortalDate(s string, loc *time.Location) (time.Time, bool, bool) {
	if len(s) != 14 && len(s) != 8 {
		return time.Time{}, false, false
	}
	var n [7]int
	widths := [7]int{4, 2, 2, 2, 2, 2}
	i := 0
	for k := 0; i < len(s); k++ {
		for j := 0; j < widths[k]; j++ {
			c := s[i]
			if c < '0' || c > '9' {
				return time.Time{}, false, false
			}
			n[k] = n[k]*10 + int(c-'0')
			i++
		}
	}
	y, mo, d, hh, mm, ss := n[0], n[1], n[2], n[3], n[4], n[5]
	if y < 1900 || mo < 1 || mo > 12 || d < 1 || d > 31 || hh > 23 || mm > 59 || ss > 59 {
		return time.Time{}, false, false
	}
	t := time.Date(y, time.Month(mo), d, hh, mm, ss, 0, loc)
	if t.Day() != d {
		return time.Time{}, false, false
	}
	return t, len(s) == 8, true
}
