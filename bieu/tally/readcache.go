package tally

import (
	"strings"

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
	names    map[string]string
	channels map[string]Channel
	services map[string]Service
	outcomes map[string]Outcome
	levels   map[string]levelOK
	days     dayCache

	nameMemo    memo[string]
	channelMemo memo[Channel]
	serviceMemo memo[Service]
	outcomeMemo memo[Outcome]
	levelMemo   memo[levelOK]

	// check: a text is checked to be UTF-8 before it is remembered (the
	// rows of CSV); one that is not sets invalid and is not remembered,
	// so a text found in a memo or map is known to be UTF-8.
	check, invalid bool
}

// memo is a direct-mapped table of the last texts read and what they read
// as: slot by length and three bytes. The texts are the rows' own (a memo
// keeps at most 64 rows' text alive).
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
	return &readCache{names: map[string]string{}, channels: map[string]Channel{}, services: map[string]Service{},
		outcomes: map[string]Outcome{}, levels: map[string]levelOK{}}
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
	if v, ok = c.names[s]; !ok {
		if c.check && !validUTF8(s) {
			c.invalid = true
			return ""
		}
		v = strings.Clone(vntext.NFC(s))
		if len(c.names) < maxCache {
			c.names[strings.Clone(s)] = v
		}
	}
	c.nameMemo.put(slot, s, v)
	return v
}

// cached looks s up in mm, then in m, or parses it and remembers what
// parse gave when it succeeded; s is not "".
func cached[T any](c *readCache, mm *memo[T], m map[string]T, s string, parse func(string) (T, bool)) (T, bool) {
	v, slot, ok := mm.get(s)
	if ok {
		return v, true
	}
	if v, ok = m[s]; !ok {
		if c.check && !validUTF8(s) {
			c.invalid = true
			return v, true
		}
		if v, ok = parse(s); !ok {
			return v, false
		}
		if len(m) < maxCache {
			m[strings.Clone(s)] = v
		}
	}
	mm.put(slot, s, v)
	return v, true
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
