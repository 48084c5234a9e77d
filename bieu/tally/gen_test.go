package tally

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/baocaodinhky/vpcp/bieu"
)

var testFields = []string{"Hộ tịch", "Lĩnh vực Đất đai", "Chứng thực", "Lĩnh vực xây dựng", "Đăng ký kinh doanh", "Lao động"}
var testUnits = []struct {
	name  string
	level bieu.UnitLevel
}{{"Sở Tư pháp", bieu.ProvinceLevel}, {"UBND huyện Cẩm Xuyên", bieu.DistrictLevel}, {"UBND xã Cẩm Bình", bieu.CommuneLevel}}

// history returns n random, well-formed records received between from and
// from+days, some still open, some paused, every channel and outcome.
func history(seed uint64, n int, from time.Time, days int) []Record {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	out := make([]Record, n)
	for i := range out {
		u := testUnits[rng.IntN(len(testUnits))]
		recv := from.Add(time.Duration(rng.Int64N(int64(days) * int64(24*time.Hour))))
		due := recv.AddDate(0, 0, 1+rng.IntN(20))
		r := Record{
			Code:     fmt.Sprintf("H%02d.%06d", seed%100, i),
			Field:    testFields[rng.IntN(len(testFields))],
			Unit:     u.name,
			Channel:  Channel(1 + rng.IntN(3)),
			Received: recv,
			Due:      due,
		}
		if rng.IntN(3) == 0 {
			r.Level = u.level // the rest: told by the unit's name
		}
		if r.Channel == Online {
			r.Service = Service(rng.IntN(3))
		}
		if rng.IntN(6) == 0 {
			p := Pause{From: recv.Add(time.Duration(rng.IntN(72)) * time.Hour)}
			if rng.IntN(3) > 0 {
				p.To = p.From.Add(time.Duration(1+rng.IntN(240)) * time.Hour)
			}
			r.Pauses = []Pause{p}
		}
		if rng.IntN(8) > 0 { // finished
			fin := due.Add(time.Duration(rng.Int64N(int64(30*24*time.Hour))) - 20*24*time.Hour)
			if fin.Before(recv) {
				fin = recv.Add(time.Duration(rng.IntN(3600)) * time.Second)
			}
			r.Finished = fin
			r.Outcome = []Outcome{OutcomeNone, Resolved, Resolved, Resolved, Returned, Withdrawn, Stopped}[rng.IntN(7)]
		}
		out[i] = r
	}
	return out
}

func seqOf(rs []Record) func(func(Record) bool) {
	return func(yield func(Record) bool) {
		for _, r := range rs {
			if !yield(r) {
				return
			}
		}
	}
}

// withProblems spoils about one record in ten of rs, with every problem a
// tally knows: an unknown channel or lĩnh vực, no due date, finished
// before received, no received date, the same code twice, no level.
func withProblems(seed uint64, rs []Record) []Record {
	rng := rand.New(rand.NewPCG(seed, 7))
	out := make([]Record, 0, len(rs)+len(rs)/20)
	for _, r := range rs {
		if rng.IntN(10) == 0 {
			switch rng.IntN(7) {
			case 0:
				r.Channel = ChannelUnknown
			case 1:
				r.Field = ""
			case 2:
				r.Due = time.Time{}
			case 3:
				if !r.Finished.IsZero() {
					r.Finished = r.Received.Add(-time.Hour)
				}
			case 4:
				r.Received = time.Time{}
			case 5:
				out = append(out, r) // the same code twice
			case 6:
				r.Level, r.Unit = bieu.LevelUnknown, ""
			}
		}
		out = append(out, r)
	}
	return out
}
