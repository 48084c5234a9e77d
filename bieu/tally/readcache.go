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
// parsed as if uncached.
type readCache struct {
	names    map[string]string
	channels map[string]Channel
	services map[string]Service
	outcomes map[string]Outcome
	levels   map[string]levelOK
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
	if v, ok := c.names[s]; ok {
		return v
	}
	v := strings.Clone(vntext.NFC(s))
	if len(c.names) < maxCache {
		c.names[strings.Clone(s)] = v
	}
	return v
}

// cached looks s up in m, or parses it and remembers what parse gave when
// it succeeded.
func cached[T any](m map[string]T, s string, parse func(string) (T, bool)) (T, bool) {
	if m == nil {
		return parse(s)
	}
	if v, ok := m[s]; ok {
		return v, true
	}
	v, ok := parse(s)
	if ok && len(m) < maxCache {
		m[strings.Clone(s)] = v
	}
	return v, ok
}

func (c *readCache) channel(s string) (Channel, bool) {
	if c == nil {
		return parseChannel(s)
	}
	return cached(c.channels, s, parseChannel)
}

func (c *readCache) service(s string) (Service, bool) {
	if c == nil {
		return parseService(s)
	}
	return cached(c.services, s, parseService)
}

func (c *readCache) outcome(s string) (Outcome, bool) {
	if c == nil {
		return parseOutcome(s)
	}
	return cached(c.outcomes, s, parseOutcome)
}

func (c *readCache) level(s string) (bieu.UnitLevel, bool) {
	if c == nil {
		return parseLevel(s)
	}
	v, _ := cached(c.levels, s, func(s string) (levelOK, bool) {
		l, ok := parseLevel(s)
		return levelOK{l, ok}, true // remember failures too: the row error is built each time
	})
	return v.l, v.ok
}
