package tally

import (
	"strings"
	"unsafe"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/internal/vntext"
)

// readCache remembers, for one reader, what a raw cell text reads as: the
// NFC form of a lĩnh vực, procedure or unit name (interned, so a million
// rows of "Hộ tịch" share one string and a record does not keep its whole
// CSV line alive), and the channel, kind of service, status and level a
// text means. Case lists repeat a few dozen such values; each is parsed
// once. Every map is bounded by maxCache entries, after which values are
// parsed as if uncached. In front of each map a memo holds the last
// texts met, found by a cheap hash and one comparison (a Go map hashes the
// whole text). The midnights of the days dates name are kept too
// (dayCache).
type readCache struct {
	names    map[string]keyed[string]
	channels map[string]keyed[Channel]
	services map[string]keyed[Service]
	outcomes map[string]keyed[Outcome]
	levels   map[string]keyed[levelOK]
	days     dayCache
	arena    []byte  // keep's current block
	pauses   []Pause // pause's current block

	nameMemo    memo[string]
	channelMemo memo[Channel]
	serviceMemo memo[Service]
	outcomeMemo memo[Outcome]
	levelMemo   memo[levelOK]

	// check: a text is checked to be UTF-8 before it is remembered (the
	// rows of CSV); one that is not sets invalid and is not remembered,
	// so a text found in a memo or map is known to be UTF-8.
	check, invalid bool
	// transient: the rows' texts are valid until the next row only (the
	// rows of CSV, csvScanner), so keep copies them.
	transient bool
}

// keyed is a map's value with a copy of its key: a memo holds that copy,
// never the row's own text, which may be valid only until the next row
// (csvScanner).
type keyed[T any] struct {
	key string
	v   T
}

// arenaBlock is the size of keep's blocks.
const arenaBlock = 4 << 10

// keep returns s, or with c.transient a copy of s that stays valid after
// the row: the codes of a few hundred records are copied into one block
// of arenaBlock bytes
// (unsafe.String over the block: its bytes are never written again once
// handed out), instead of one allocation each. A record keeps its block
// alive, as a record read by encoding/csv keeps its whole line.
func (c *readCache) keep(s string) string {
	if c == nil || !c.transient {
		return s // rows of a worksheet or JSON Lines: their texts stay
	}
	if len(s) > arenaBlock/8 {
		return strings.Clone(s)
	}
	if s == "" {
		return ""
	}
	if cap(c.arena)-len(c.arena) < len(s) {
		c.arena = make([]byte, 0, arenaBlock)
	}
	i := len(c.arena)
	c.arena = append(c.arena, s...)
	return unsafe.String(&c.arena[i], len(s))
}

// pauseBlock is how many one-pause slices pause cuts from one array.
const pauseBlock = 128

// pause returns []Pause{p}, cut from a block of pauseBlock (capacity 1,
// so that an append by the caller copies instead of writing over the next
// record's pause): one allocation for many records.
func (c *readCache) pause(p Pause) []Pause {
	if c == nil {
		return []Pause{p}
	}
	if len(c.pauses) == cap(c.pauses) {
		c.pauses = make([]Pause, 0, pauseBlock)
	}
	i := len(c.pauses)
	c.pauses = append(c.pauses, p)
	return c.pauses[i : i+1 : i+1]
}

// memo is a direct-mapped table of the last texts read and what they read
// as: slot by length and three bytes. The texts are copies (keyed.key).
type memo[T any] struct {
	keys [64]string
	vals [64]T
}

func memoSlot(s string) uint {
	n := len(s)
	return (uint(n)*31 + uint(s[0])*7 + uint(s[n-1])*13 + uint(s[n/2])) & 63
}

// get returns what s read as when it is in the memo; s is not "".
func (m *memo[T]) get(s string) (T, uint, bool) {
	i := memoSlot(s)
	if m.keys[i] == s {
		return m.vals[i], i, true
	}
	var zero T
	return zero, i, false
}

func (m *memo[T]) put(i uint, s string, v T) { m.keys[i], m.vals[i] = s, v }

// dayCache is c's cache of midnights, nil when c is nil.
func (c *readCache) dayCache() *dayCache {
	if c == nil {
		return nil
	}
	return &c.days
}

type levelOK struct {
	l  bieu.UnitLevel
	ok bool
}

func newReadCache() *readCache {
	return &readCache{names: map[string]keyed[string]{}, channels: map[string]keyed[Channel]{}, services: map[string]keyed[Service]{},
		outcomes: map[string]keyed[Outcome]{}, levels: map[string]keyed[levelOK]{}}
}

// name is vntext.NFC(s), interned.
func (c *readCache) name(s string) string {
	if s == "" {
		return ""
	}
	if c == nil {
		return vntext.NFC(s)
	}
	v, slot, ok := c.nameMemo.get(s)
	if ok {
		return v
	}
	e, ok := c.names[s]
	if !ok {
		if c.check && !validUTF8(s) {
			c.invalid = true
			return ""
		}
		e = keyed[string]{strings.Clone(s), strings.Clone(vntext.NFC(s))}
		if len(c.names) < maxCache {
			c.names[e.key] = e
		}
	}
	c.nameMemo.put(slot, e.key, e.v)
	return e.v
}

// cached looks s up in mm, then in m, or parses it and remembers what
// parse gave when it succeeded; s is not "".
func cached[T any](c *readCache, mm *memo[T], m map[string]keyed[T], s string, parse func(string) (T, bool)) (T, bool) {
	v, slot, ok := mm.get(s)
	if ok {
		return v, true
	}
	e, ok := m[s]
	if !ok {
		if c.check && !validUTF8(s) {
			c.invalid = true
			return v, true
		}
		if v, ok = parse(s); !ok {
			return v, false
		}
		e = keyed[T]{strings.Clone(s), v}
		if len(m) < maxCache {
			m[e.key] = e
		}
	}
	mm.put(slot, e.key, e.v)
	return e.v, true
}

func (c *readCache) channel(s string) (Channel, bool) {
	if c == nil {
		return parseChannel(s)
	}
	return cached(c, &c.channelMemo, c.channels, s, parseChannel)
}

func (c *readCache) service(s string) (Service, bool) {
	if c == nil {
		return parseService(s)
	}
	return cached(c, &c.serviceMemo, c.services, s, parseService)
}

func (c *readCache) outcome(s string) (Outcome, bool) {
	if c == nil {
		return parseOutcome(s)
	}
	return cached(c, &c.outcomeMemo, c.outcomes, s, parseOutcome)
}

func (c *readCache) level(s string) (bieu.UnitLevel, bool) {
	if c == nil {
		return parseLevel(s)
	}
	v, _ := cached(c, &c.levelMemo, c.levels, s, func(s string) (levelOK, bool) {
		l, ok := parseLevel(s)
		return levelOK{l, ok}, true // remember failures too: the row error is built each time
	})
	return v.l, v.ok
}
