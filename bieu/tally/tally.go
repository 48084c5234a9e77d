package tally

import (
	"fmt"
	"hash/maphash"
	"iter"
	"math"
	"math/bits"
	"time"
	"unsafe"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/internal/vntext"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/period"
)

// counts are the leaf columns one (lĩnh vực, level) cell group counts:
// II.06a (4), (5), (6), (8), (9), (10), (12), (13) at their column
// numbers, and II.08 (5) and (8) at 14 and 15.
type counts [16]int64

const (
	colPartial = 14 // II.08 (5)
	colFull    = 15 // II.08 (8)
)

// fieldAcc accumulates one lĩnh vực, by level (index bieu.UnitLevel).
type fieldAcc struct {
	key   string
	label string // the shortest NFC spelling seen (then the smallest): deterministic whatever the order
	lv    [4]counts
}

// Stats count what a tally did with the records it was given.
type Stats struct {
	Records  int64 `json:"records"`  // records given
	Counted  int64 `json:"counted"`  // counted in at least one column of the period
	Outside  int64 `json:"outside"`  // no part of the period: received after it, or finished before it
	Skipped  int64 `json:"skipped"`  // left out for a problem (Action Skip)
	LeftOut  int64 `json:"left_out"` // finished in the period without a result and left out (Policy.Closing LeaveOut)
	Rejected int64 `json:"rejected"` // rows a reader rejected (AddSeq2 with a *RowError)
}

// Tally counts records into the forms of one period. Create it with New,
// feed it with Add, AddSeq or AddSeq2 (from one goroutine: a Tally is not
// safe for concurrent use; shard instead and Merge), then call Result.
type Tally struct {
	per      period.Period
	pol      Policy
	loc      *time.Location
	start    time.Time // 00:00 of the first day
	end      time.Time // 00:00 of the day after the last day
	lastDay  int64     // day number of the last day
	zoneFrom int64     // Unix seconds from which the zone's offset is off (math.MinInt64: always)
	zoneTo   int64     // Unix seconds up to which it is (math.MaxInt64: for ever)
	off      int64     // the zone's offset around the window, seconds east of UTC
	fields   map[string]*fieldAcc
	raw      map[string]*fieldAcc
	units    map[string]bieu.UnitLevel
	rawMemo  ptrMemo[*fieldAcc]      // in front of raw
	unitMemo ptrMemo[bieu.UnitLevel] // in front of units
	known    map[string]bool
	seen     *hashSet
	pend     []pending // records whose only open question is the duplicate check (see flush)
	findings []kstt.Finding
	byRule   map[kstt.RuleID]int
	stats    Stats
	audit    *audit
	recv     span // received dates seen (calendar.go)
}

// maxCache bounds the caches of raw lĩnh vực and unit spellings, so that
// memory does not grow with the records even on messy data.
const maxCache = 4096

// New returns an empty tally of period p under policy pol (the zero Policy
// is the documented default). It fails with ErrPolicy on an invalid
// policy.
func New(p period.Period, pol Policy) (*Tally, error) {
	if p.IsZero() {
		return nil, fmt.Errorf("%w: no period", ErrPolicy)
	}
	if err := pol.validate(); err != nil {
		return nil, err
	}
	loc := pol.Location
	if loc == nil {
		loc = vietnam
	}
	pol.Location = loc
	if pol.Section == "" {
		pol.Section = "B"
	}
	if pol.MaxFindings == 0 {
		pol.MaxFindings = 1000
	}
	if pol.OnlineService == ServiceUnknown {
		pol.OnlineService = Partial
	}
	s, e := p.Start(), p.End()
	t := &Tally{
		per: p, pol: pol, loc: loc,
		start:   time.Date(s.Year, s.Month, s.Day, 0, 0, 0, 0, loc),
		end:     time.Date(e.Year, e.Month, e.Day+1, 0, 0, 0, 0, loc),
		lastDay: civilDays(e.Year, e.Month, e.Day),
		fields:  map[string]*fieldAcc{},
		raw:     map[string]*fieldAcc{},
		units:   map[string]bieu.UnitLevel{},
		byRule:  map[kstt.RuleID]int{},
	}
	zs, ze := t.start.ZoneBounds()
	_, off := t.start.Zone()
	t.off, t.zoneFrom, t.zoneTo = int64(off), math.MinInt64, math.MaxInt64
	if !zs.IsZero() {
		t.zoneFrom = zs.Unix()
	}
	if !ze.IsZero() {
		t.zoneTo = ze.Unix()
	}
	if !pol.NoDuplicateCheck {
		t.seen = &hashSet{}
		if pol.Audit == nil && pol.action(ProblemDuplicateCode) != Fail {
			t.pend = make([]pending, 0, pendCap)
		}
	}
	if len(pol.Fields) > 0 {
		t.known = map[string]bool{}
		for _, f := range pol.Fields {
			t.known[bieu.FieldKey(f)] = true
		}
	}
	if pol.Audit != nil {
		t.audit = newAudit(*pol.Audit)
	}
	if !pol.AsOf.IsZero() && pol.AsOf.Before(t.end) {
		t.finding(kstt.Finding{Rule: RuleOpenPeriod, Severity: severityWarning, Row: -1,
			Expected: "≤ " + pol.AsOf.In(loc).Format("02/01/2006 15:04"), Actual: e.Vietnamese(),
			Message:   fmt.Sprintf("kỳ %s kết thúc sau thời điểm trích xuất dữ liệu; số liệu chưa phải số chốt", p),
			MessageEN: fmt.Sprintf("the period %s ends after the records were extracted; the figures are not final", p.English())})
	}
	return t, nil
}

// Period returns the tally's period.
func (t *Tally) Period() period.Period { return t.per }

// Window returns the instants the period covers, [from, to): 00:00 of its
// first day to 00:00 of the day after its last day, in Policy.Location.
func (t *Tally) Window() (from, to time.Time) { return t.start, t.end }

// Stats returns what the tally did so far.
func (t *Tally) Stats() Stats {
	t.flush()
	return t.stats
}

// AddSeq adds every record of seq. It stops at the first error (a record
// whose problem's action is Fail).
func (t *Tally) AddSeq(seq iter.Seq[Record]) error {
	for r := range seq {
		if err := t.Add(r); err != nil {
			return err
		}
	}
	return nil
}

// AddSeq2 adds every record of seq. A *RowError (a row a case-list reader
// rejected) is a finding (RuleRejectedRow) and the tally goes on; any
// other error stops it and is returned.
func (t *Tally) AddSeq2(seq iter.Seq2[Record, error]) error {
	for r, err := range seq {
		if err != nil {
			if re, ok := err.(*RowError); ok {
				t.stats.Rejected++
				t.finding(re.finding())
				continue
			}
			return err
		}
		if err := t.Add(r); err != nil {
			return err
		}
	}
	return nil
}

// class is where one record lands: the columns of II.06a (0 for none)
// and of II.08, with the problems found.
type class struct {
	recv, res, pend int8
	svc             int8
	closing         bool // finished without a result, counted on time
	shift           bool // a pause moved the due date
	leftOut         bool // finished without a result, left out
	level           bieu.UnitLevel
	acc             *fieldAcc
	problems        [numProblems]bool
	any             bool
}

func (c *class) flag(p Problem) { c.problems[p], c.any = true, true }

// Add counts one record. It returns a *RecordError (ErrBadRecord) when the
// record has a problem whose action is Fail; otherwise nil, the record
// counted, left out or outside the period, and a finding for each problem.
func (t *Tally) Add(r Record) error {
	t.stats.Records++
	t.recv.add(r.Received) // calendar.go
	var c class
	if r.Received.IsZero() {
		c.flag(ProblemNoReceivedDate)
		return t.resolve(&r, &c, true)
	}
	var h uint64
	deferred := false // the duplicate check of r is left to flush
	if t.seen != nil {
		h = hashCode(r.Code)
		if t.pend != nil {
			deferred = true
		} else if !t.seen.add(h) || r.Code == "" {
			c.flag(ProblemDuplicateCode)
		}
	}
	// undefer checks r's code now, after the records before it.
	undefer := func() {
		if deferred {
			deferred = false
			t.flush()
			if !t.seen.add(h) || r.Code == "" {
				c.flag(ProblemDuplicateCode)
			}
		}
	}
	fin := r.Finished
	if !t.pol.AsOf.IsZero() {
		if r.Received.After(t.pol.AsOf) {
			undefer()
			c.flag(ProblemFutureDate)
			return t.resolve(&r, &c, true) // nothing of it can be counted
		}
		if fin.After(t.pol.AsOf) {
			c.flag(ProblemFutureDate)
			fin = time.Time{}
		}
	}
	if !fin.IsZero() && fin.Before(r.Received) {
		c.flag(ProblemFinishedBeforeReceived)
		fin = r.Received
	}
	// Outside the window: received after it, or finished before it.
	if !r.Received.Before(t.end) || (!fin.IsZero() && fin.Before(t.start)) {
		if c.any {
			// A problem on a record of another period is not this
			// period's: only a duplicate's code stays registered.
			c = class{}
		}
		t.stats.Outside++
		if deferred {
			t.defer1(h, nil, &r, nil) // only its code is registered
		}
		if t.audit != nil {
			t.audit.outside(r.Code, t.per)
		}
		return nil
	}
	t.codeFindings(&r) // casecode.go
	t.dateFindings(&r) // datecheck.go
	// Columns of II.06a. An unknown channel is a problem in every period
	// the record touches, so that leaving it out keeps (6) = previous (11).
	if r.Channel == ChannelUnknown || r.Channel > Postal {
		c.flag(ProblemUnknownChannel)
	}
	if r.Received.Before(t.start) {
		c.recv = 6
	} else {
		switch r.Channel {
		case Online:
			c.recv = 4
		default:
			c.recv = 5
		}
		if c.recv == 4 {
			c.svc = colPartial
			if r.Service == Full || (r.Service == ServiceUnknown && t.pol.OnlineService == Full) {
				c.svc = colFull
			}
		}
	}
	noDue := r.Due.IsZero()
	if noDue {
		c.flag(ProblemNoDueDate)
	}
	if !fin.IsZero() && fin.Before(t.end) {
		switch r.Outcome {
		case Returned, Withdrawn, Stopped:
			if t.pol.Closing == LeaveOut {
				c.leftOut = true
			} else {
				c.res, c.closing = 9, true
			}
		default:
			if noDue {
				c.res = 9
			} else {
				c.res = t.timeliness(&r, fin, &c)
			}
		}
	} else {
		c.pend = 12
		if !noDue {
			due := t.due(&r, t.end, &c)
			if due.Before(t.end) && (t.pol.Timeliness == ByTimestamp || t.day(due) < t.lastDay) {
				c.pend = 13
			}
		}
	}
	// The row and the level.
	c.acc = t.field(r.Field)
	if c.acc == nil {
		c.flag(ProblemUnknownField)
	}
	c.level = r.Level
	if c.level == bieu.LevelUnknown && r.Unit != "" {
		c.level = t.unitLevel(r.Unit)
	}
	if c.level == bieu.LevelUnknown {
		c.level = t.pol.Level
	}
	if c.level == bieu.LevelUnknown {
		c.flag(ProblemUnknownLevel)
		c.level = bieu.ProvinceLevel
	}
	if deferred {
		if !c.any {
			// Only the duplicate check is open: counted now and left to
			// flush, which looks up a batch of codes at once and takes
			// a duplicate back out.
			t.count(&r, &c)
			t.defer1(h, &c.acc.lv[c.level], &r, &c)
			return nil
		}
		undefer()
	}
	if c.any {
		if err := t.resolve(&r, &c, false); err != nil {
			return err
		}
		if c.problems[0] { // skipped
			return nil
		}
		if c.acc == nil {
			c.acc = t.otherField()
		}
	}
	t.count(&r, &c)
	return nil
}

// pendCap is the number of records whose duplicate check waits for flush.
const pendCap = 64 // ≤ 64: flush keeps one bit a record

// pending is a record counted with no problem but its open duplicate
// check: its code's hash, and what flush needs to report it and take it
// back out of its cells should it be a duplicate. Kept small and written
// in place (defer1): it is written once for every record.
type pending struct {
	h                    uint64
	n                    *counts // the cells it was counted in; nil: outside the period, only its code registered
	code, source         string
	row                  int
	recv, res, pend, svc int8
	leftOut              bool
}

// defer1 leaves the duplicate check of the record r (hash h, counted in n
// as c says; n nil for a record outside the period) to flush.
func (t *Tally) defer1(h uint64, n *counts, r *Record, c *class) {
	i := len(t.pend)
	t.pend = t.pend[:i+1] // cap pendCap: flushed when full
	p := &t.pend[i]
	p.h, p.n, p.code, p.source, p.row = h, n, r.Code, r.Source, r.Row
	if n != nil {
		p.recv, p.res, p.pend, p.svc, p.leftOut = c.recv, c.res, c.pend, c.svc, c.leftOut
	}
	if i+1 == pendCap {
		t.flush()
	}
}

// flush does the duplicate checks of the pending records, in their order,
// and reports a duplicate as Add would have, taking it back out of its
// cells when it is skipped. Looking the codes up a batch at a time lets
// the processor fetch the batch's table slots together rather than one
// cache miss after another, which is most of the cost of the check on a
// table larger than the caches. Everything that reads the counts, the
// findings or the set flushes first.
//
// The records stay in the buffer after (it is not cleared): they keep at
// most pendCap codes and sources alive until overwritten.
func (t *Tally) flush() {
	if len(t.pend) == 0 {
		return
	}
	ps := t.pend
	t.pend = t.pend[:0:0] // findings made below must not flush ps again
	dup := t.seen.addBatch(ps)
	for i := range ps {
		if ps[i].code == "" {
			dup |= 1 << i
		}
	}
	for ; dup != 0; dup &= dup - 1 {
		p := &ps[bits.TrailingZeros64(dup)]
		if p.n == nil {
			continue // outside the period: only registered
		}
		var c class
		c.flag(ProblemDuplicateCode)
		r := Record{Code: p.code, Source: p.source, Row: p.row}
		_ = t.resolve(&r, &c, false) // the action is not Fail: no pending records then
		if c.problems[0] {
			n := p.n // skipped: out of the cells it was counted in
			n[p.recv]--
			if p.res != 0 {
				n[p.res]--
			}
			if p.pend != 0 {
				n[p.pend]--
			}
			if p.svc != 0 {
				n[p.svc]--
			}
			if p.leftOut {
				t.stats.LeftOut--
			}
			t.stats.Counted--
		}
	}
	t.pend = ps[:0]
}

// count adds a classified record to its cells.
func (t *Tally) count(r *Record, c *class) {
	n := &c.acc.lv[c.level]
	n[c.recv]++
	if c.res != 0 {
		n[c.res]++
	}
	if c.pend != 0 {
		n[c.pend]++
	}
	if c.svc != 0 {
		n[c.svc]++
	}
	if c.leftOut {
		t.stats.LeftOut++
	}
	t.stats.Counted++
	if t.audit != nil {
		t.audit.add(r.Code, c, t.per) // r is not nil with the audit on (no pending records)
	}
}

// resolve applies the actions of the problems c found: a finding for each,
// then Fail (an error), Skip (c.problems[0] set: the record is left out) or
// Count. dead says the record cannot be counted at all.
func (t *Tally) resolve(r *Record, c *class, dead bool) error {
	skip := dead
	for p := Problem(1); p < numProblems; p++ {
		if !c.problems[p] {
			continue
		}
		a := t.pol.action(p)
		if len(t.findings) < t.pol.MaxFindings {
			t.finding(recordFinding(r, p, a))
		} else {
			t.byRule[problems[p].Rule]++ // past the cap only counted: not formatted to be dropped
		}
		switch a {
		case Fail:
			return &RecordError{Problem: p, Code: r.Code, Source: r.Source, Row: r.Row, Err: ErrBadRecord}
		case Skip:
			skip = true
		}
	}
	if skip {
		c.problems[0] = true
		t.stats.Skipped++
		if t.audit != nil {
			t.audit.skipped(r.Code, t.per)
		}
	}
	return nil
}

// timeliness returns (8), (9) or (10) for a file finished at fin.
func (t *Tally) timeliness(r *Record, fin time.Time, c *class) int8 {
	due := t.due(r, fin, c)
	fd, dd := t.day(fin), t.day(due)
	switch {
	case fd < dd:
		return 8
	case fd > dd:
		return 10
	case t.pol.Timeliness == ByTimestamp && fin.After(due):
		return 10
	}
	return 9
}

// due returns the due date moved by the pauses before at (ShiftDue).
func (t *Tally) due(r *Record, at time.Time, c *class) time.Time {
	if t.pol.Pauses != ShiftDue || len(r.Pauses) == 0 {
		return r.Due
	}
	var shift time.Duration
	for _, p := range r.Pauses {
		if p.From.IsZero() || !p.From.Before(at) {
			continue
		}
		to := p.To
		if to.IsZero() || to.After(at) {
			to = at
		}
		if to.After(p.From) {
			shift += to.Sub(p.From)
		}
	}
	if shift > 0 {
		c.shift = true
	}
	return r.Due.Add(shift)
}

// day returns the calendar day of x in the tally's location, as a day
// number.
func (t *Tally) day(x time.Time) int64 {
	if u := x.Unix(); u >= t.zoneFrom && u < t.zoneTo {
		// The offset is constant there (Asia/Ho_Chi_Minh: since 1975).
		s := u + t.off
		d := s / 86400
		if s%86400 < 0 {
			d--
		}
		return d
	}
	y, m, d := x.In(t.loc).Date()
	return civilDays(y, m, d)
}

// civilDays is the number of days from 1970-01-01 to y-m-d (proleptic
// Gregorian), without allocating.
func civilDays(y int, m time.Month, d int) int64 {
	yy := int64(y)
	if m <= 2 {
		yy--
	}
	era := yy / 400
	if yy < 0 && yy%400 != 0 {
		era--
	}
	yoe := yy - era*400
	mm := int64(m)
	if mm > 2 {
		mm -= 3
	} else {
		mm += 9
	}
	doy := (153*mm+2)/5 + int64(d) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// field returns the accumulator of a lĩnh vực, nil when it is unknown.
func (t *Tally) field(raw string) *fieldAcc {
	slot := ptrSlot(raw)
	if a, ok := t.rawMemo.get(slot, raw); ok {
		return a
	}
	a := t.fieldSlow(raw)
	t.rawMemo.put(slot, raw, a)
	return a
}

// fieldSlow is field without its memo.
func (t *Tally) fieldSlow(raw string) *fieldAcc {
	if a, ok := t.raw[raw]; ok {
		return a
	}
	k := bieu.FieldKey(raw)
	if k == "" || (t.known != nil && !t.known[k]) {
		if len(t.raw) < maxCache {
			t.raw[raw] = nil
		}
		return nil
	}
	a := t.acc(k, vntext.NFC(raw))
	if len(t.raw) < maxCache {
		t.raw[raw] = a
	}
	return a
}

// acc returns the accumulator of key k, creating it with label.
func (t *Tally) acc(k, label string) *fieldAcc {
	a := t.fields[k]
	if a == nil {
		a = &fieldAcc{key: k, label: label}
		t.fields[k] = a
	} else if len(label) < len(a.label) || len(label) == len(a.label) && label < a.label {
		a.label = label // the shortest spelling, then the smallest: the same whatever the order
	}
	return a
}

func (t *Tally) otherField() *fieldAcc { return t.acc(bieu.FieldKey(OtherField), OtherField) }

func (t *Tally) unitLevel(unit string) bieu.UnitLevel {
	slot := ptrSlot(unit)
	if l, ok := t.unitMemo.get(slot, unit); ok {
		return l
	}
	l, ok := t.units[unit]
	if !ok {
		l = bieu.GuessLevel(unit)
		if len(t.units) < maxCache {
			t.units[unit] = l
		}
	}
	t.unitMemo.put(slot, unit, l)
	return l
}

// ptrMemo is a direct-mapped table of the last texts met and what they
// gave, slot by the address of their bytes: the case-list readers intern
// lĩnh vực and unit names, so a name comes back at the same address and
// the comparison ends there, where a Go map would hash the whole text.
// What a text gives depends on the text only, so a hit is what the maps
// would give. It keeps at most 64 texts alive.
type ptrMemo[T any] struct {
	keys [64]string
	vals [64]T
	used [64]bool
}

func ptrSlot(s string) uint {
	p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	return uint(p>>4^p>>10^uintptr(len(s))) & 63
}

func (m *ptrMemo[T]) get(i uint, s string) (T, bool) {
	if m.used[i] && m.keys[i] == s {
		return m.vals[i], true
	}
	var zero T
	return zero, false
}

func (m *ptrMemo[T]) put(i uint, s string, v T) { m.keys[i], m.vals[i], m.used[i] = s, v, true }

// codeSeed keys hashCode: one seed for the process, so that the tallies
// a program merges hash alike.
var codeSeed = maphash.MakeSeed()

// hashCode is the 64-bit maphash of the code: the duplicate check keeps
// hashes, not codes. Two different codes share a hash with a chance of
// about n²/2⁶⁵ among n codes (3·10⁻⁸ for a million, 3·10⁻⁶ for ten
// million), and the seed is drawn when the program starts, so such a pair
// cannot be prepared in advance and does not recur in the next run.
//
// A code of 8 to 32 bytes, as codes are, is hashed here in a few
// multiplications (the full 128-bit product folded, keyed by words drawn
// from the seed, as wyhash does), all its bytes read as two or four
// overlapping words and its length mixed in; others by maphash.
func hashCode(s string) uint64 {
	n := len(s)
	if n < 8 || n > 32 {
		return maphash.String(codeSeed, s)
	}
	k := &codeKeys
	h := fold(le64(s)^k[0], le64(s[n-8:])^k[1]^uint64(n))
	if n > 16 {
		h = fold(le64(s[8:])^k[2], le64(s[n-16:])^h)
	}
	return fold(h^k[3], uint64(n)^k[4])
}

// codeKeys are the keys of hashCode, drawn from codeSeed.
var codeKeys = func() (k [5]uint64) {
	for i := range k {
		k[i] = maphash.String(codeSeed, string(rune('a'+i))) | 1
	}
	return k
}()

// fold is the 128-bit product of a and b, its halves xored.
func fold(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

// Merge adds the counts, findings and audit of o to t, as if t had been
// given o's records after its own. Both must have the same period and
// policy (ErrMerge).
//
// A code in both (when both check duplicates) is reported, once for all
// such codes, as a finding (RuleCrossShardDuplicate) with their number, and
// counted twice: once in each shard. It cannot be counted once, because a
// tally keeps an 8-byte hash per code, not the cells a record landed in
// (keeping them would cost tens of bytes per record), so Merge cannot take
// o's record back out of its columns. Shard by unit or by code, so that a
// code's records meet in one shard and the duplicate is found and skipped
// there as in a single tally.
func (t *Tally) Merge(o *Tally) error {
	if o == nil || o == t {
		return fmt.Errorf("%w: merging a tally with itself or nil", ErrMerge)
	}
	if o.per != t.per || !samePolicy(&t.pol, &o.pol) {
		return fmt.Errorf("%w: %s and %s, or another policy", ErrMerge, t.per, o.per)
	}
	t.flush()
	o.flush()
	t.recv.merge(o.recv) // calendar.go
	for k, a := range o.fields {
		b := t.acc(k, a.label)
		for l := range a.lv {
			for c := range a.lv[l] {
				b.lv[l][c] += a.lv[l][c]
			}
		}
	}
	if t.seen != nil && o.seen != nil {
		dups := 0
		o.seen.each(func(h uint64) {
			if !t.seen.add(h) {
				dups++
			}
		})
		if dups > 0 {
			t.finding(kstt.Finding{Rule: RuleCrossShardDuplicate, Severity: severityError, Row: -1,
				Actual:    fmt.Sprint(dups),
				Message:   fmt.Sprintf("%d mã hồ sơ có ở cả hai phần được gộp và được đếm hai lần", dups),
				MessageEN: fmt.Sprintf("%d codes are in both merged tallies and were counted twice", dups)})
		}
	}
	for _, f := range o.findings {
		t.finding(f)
	}
	for r, n := range o.byRule {
		kept := 0
		for _, f := range o.findings {
			if f.Rule == r {
				kept++
			}
		}
		t.byRule[r] += n - kept // the kept ones were counted by t.finding
	}
	s := &t.stats
	s.Records += o.stats.Records
	s.Counted += o.stats.Counted
	s.Outside += o.stats.Outside
	s.Skipped += o.stats.Skipped
	s.LeftOut += o.stats.LeftOut
	s.Rejected += o.stats.Rejected
	if t.audit != nil && o.audit != nil {
		t.audit.merge(o.audit)
	}
	return nil
}

func samePolicy(a, b *Policy) bool {
	if a.Location.String() != b.Location.String() || a.Timeliness != b.Timeliness || a.Closing != b.Closing ||
		a.Pauses != b.Pauses || a.OnlineService != b.OnlineService || a.Level != b.Level || !a.AsOf.Equal(b.AsOf) ||
		a.NoDuplicateCheck != b.NoDuplicateCheck || a.Section != b.Section || len(a.Fields) != len(b.Fields) {
		return false
	}
	for i := range a.Fields {
		if bieu.FieldKey(a.Fields[i]) != bieu.FieldKey(b.Fields[i]) {
			return false
		}
	}
	for p := Problem(1); p < numProblems; p++ {
		if a.action(p) != b.action(p) {
			return false
		}
	}
	return true
}
