package rules

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// impactEngines compiles the reference's catalog of s and an edited copy:
// the office opens an hour earlier, tier b answers P2 in 60 minutes rather
// than 120, tier c promises a next reply at P3 too, and tier changes
// retarget running cycles when s does not (or the other way round).
func impactEngines(t testing.TB, s refSettings) (older, newer *Engine) {
	t.Helper()
	src := refCatalog(s)
	older, err := Compile("old.yaml", []byte(src))
	require.NoError(t, err)
	edited := src
	for _, r := range [][2]string{
		{`mon-fri: "09:00-17:00"`, `mon-fri: "08:00-16:00"`},
		{"P2: 120m us", "P2: 60m us"},
		{"nextReply: {P2: 45m us}", "nextReply: {P2: 45m us, P3: 30m 24x7}"},
	} {
		require.Contains(t, edited, r[0], "the edit %q", r[0])
		edited = strings.Replace(edited, r[0], r[1], 1)
	}
	other := map[bool]string{false: "tierChange: reevaluate", true: "tierChange: fixed"}
	edited = strings.Replace(edited, other[!s.reevaluate], other[s.reevaluate], 1)
	newer, err = Compile("new.yaml", []byte(edited))
	require.NoError(t, err)
	return older, newer
}

// impactHistories returns n random histories of the reference (some on
// accounts "acme" and "globex", some reading now from Impact's argument),
// and every seventh one refused: an unknown tier, or an event before the
// opening.
func impactHistories(rng *rand.Rand, zones []*time.Location, n int) []History {
	hs := make([]History, n)
	for i := range hs {
		c, events, now := randomHistory(rng, zones)
		c.Account = []string{"", "acme", "globex"}[rng.IntN(3)]
		hs[i] = History{Case: c, Events: events, Now: new(now)}
		switch {
		case i%7 == 3:
			hs[i].Case.Tier = "nope"
		case i%7 == 5 && len(events) > 0:
			hs[i].Events[0].At = c.Opened.Add(-time.Minute)
		case i%5 == 1:
			hs[i].Now = nil // read at Impact's now
		}
	}
	return hs
}

// refPair is one pair of cycles as the reference sees it.
type refPair struct {
	metric, prio, account string
	history, cycle        int
	o, n                  *Cycle
}

// refImpact is the slow reference of Impact: it lists every pair of cycles,
// then computes each group from the list alone, quantiles by counting.
func refImpact(older, newer *Engine, hs []History, now time.Time) map[string]ImpactGroup {
	var pairs []refPair
	out := map[string]ImpactGroup{}
	failed := 0
	for i, h := range hs {
		at := h.Now
		if at == nil {
			at = &now
		}
		a, errA := older.Timeline(h.Case, h.Events, *at)
		b, errB := newer.Timeline(h.Case, h.Events, *at)
		if errA != nil || errB != nil {
			failed++
			continue
		}
		// The metrics in the order Impact documents for ties of the largest
		// shift: the old timeline's, then those only the new one has.
		var names []string
		for _, m := range append(append([]MetricTimeline{}, a.Metrics...), b.Metrics...) {
			if !slices.Contains(names, m.Metric) {
				names = append(names, m.Metric)
			}
		}
		for _, name := range names {
			ma, _ := a.Metric(name)
			mb, _ := b.Metric(name)
			for j := 0; j < len(ma.Cycles) || j < len(mb.Cycles); j++ {
				p := refPair{metric: name, account: h.Case.Account, history: i, cycle: j}
				if j < len(ma.Cycles) {
					p.o = &ma.Cycles[j]
					p.prio = p.o.Priority.String()
				}
				if j < len(mb.Cycles) {
					p.n = &mb.Cycles[j]
					if p.o == nil {
						p.prio = p.n.Priority.String()
					}
				}
				pairs = append(pairs, p)
			}
		}
	}
	out["failed"] = ImpactGroup{Cycles: failed}
	keys := map[string]func(p refPair) bool{"total": func(refPair) bool { return true }}
	for _, p := range pairs {
		keys["metric "+p.metric] = func(q refPair) bool { return q.metric == p.metric }
		keys["priority "+p.prio] = func(q refPair) bool { return q.prio == p.prio }
		keys["account "+p.account] = func(q refPair) bool { return q.account == p.account }
	}
	for k, in := range keys {
		var sel []refPair
		for _, p := range pairs {
			if in(p) {
				sel = append(sel, p)
			}
		}
		out[k] = refGroup(strings.SplitN(k, " ", 2)[min(1, strings.Count(k, " "))], sel)
	}
	return out
}

// refGroup computes one group from its pairs.
func refGroup(key string, pairs []refPair) ImpactGroup {
	g := ImpactGroup{Key: key}
	if key == "total" {
		g.Key = ""
	}
	var later, earlier []Shift
	for _, p := range pairs {
		ob, nb := p.o != nil && p.o.Breached, p.n != nil && p.n.Breached
		g.NewlyBreached += b2i(nb && !ob)
		g.NoLongerBreached += b2i(ob && !nb)
		if p.o == nil {
			g.Added++
			continue
		}
		if p.n == nil {
			g.Removed++
			continue
		}
		g.Cycles++
		switch {
		case p.o.Due.IsZero() && p.n.Due.IsZero():
		case p.o.Due.IsZero():
			g.TargetAdded++
		case p.n.Due.IsZero():
			g.TargetRemoved++
		case p.n.Due.Equal(p.o.Due):
			g.Same++
		default:
			s := Shift{History: p.history, Account: p.account, Metric: p.metric, Cycle: p.cycle, Priority: p.o.Priority, Old: p.o.Due, New: p.n.Due, By: p.n.Due.Sub(p.o.Due)}
			g.Shifts = append(g.Shifts, s.By)
			if p.n.Due.After(p.o.Due) {
				later = append(later, s)
			} else {
				earlier = append(earlier, s)
			}
		}
	}
	sort.Slice(g.Shifts, func(i, j int) bool { return g.Shifts[i] < g.Shifts[j] })
	g.Later, g.Earlier = refStats(later), refStats(earlier)
	return g
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// refStats computes the stats of shifts by their definition: the p-th
// percentile is the smallest magnitude v such that at least p% of the
// magnitudes are at most v; the largest is the first of the largest
// magnitude in the order given.
func refStats(shifts []Shift) ShiftStats {
	st := ShiftStats{Count: len(shifts)}
	abs := func(d time.Duration) time.Duration { return max(d, -d) }
	pct := func(p int) time.Duration {
		best := time.Duration(-1)
		for _, s := range shifts {
			v, at := abs(s.By), 0
			for _, u := range shifts {
				if abs(u.By) <= v {
					at++
				}
			}
			if at*100 >= p*len(shifts) && (best < 0 || v < best) {
				best = v
			}
		}
		return max(best, 0)
	}
	st.P10, st.Median, st.P90 = pct(10), pct(50), pct(90)
	for _, s := range shifts {
		if abs(s.By) > abs(st.Largest.By) {
			st.Largest = s
		}
	}
	return st
}

// flatten keys a report's groups as refImpact does.
func flatten(r ImpactReport) map[string]ImpactGroup {
	out := map[string]ImpactGroup{"failed": {Cycles: r.Failed}}
	t := r.Total
	t.Key = "total"
	out["total"] = r.Total
	for prefix, gs := range map[string][]ImpactGroup{"metric ": r.Metrics, "priority ": r.Priorities, "account ": r.Accounts} {
		for _, g := range gs {
			out[prefix+g.Key] = g
		}
	}
	return out
}

// Impact against the slow reference on random histories over random
// lifecycle settings.
func TestImpactMatchesReference(t *testing.T) {
	histories := 600
	if raceEnabled || testing.Short() {
		histories = 120
	}
	zones := []*time.Location{time.UTC, mustZone(t, "Europe/Berlin"), mustZone(t, "America/New_York")}
	rng := rand.New(rand.NewPCG(18, 2026))
	for ci := range 4 {
		var s refSettings
		for m := range numBuiltins {
			s.restart[m], s.drop[m], s.cont[m] = rng.IntN(2) == 0, rng.IntN(2) == 0, rng.IntN(2) == 0
		}
		s.reevaluate = rng.IntN(2) == 0
		older, newer := impactEngines(t, s)
		t.Run(fmt.Sprintf("catalog %d", ci), func(t *testing.T) {
			hs := impactHistories(rng, zones, histories)
			now := refBase.Add(60 * 24 * time.Hour)
			r, err := Impact(older, newer, hs, now)
			require.NoError(t, err)
			want := refImpact(older, newer, hs, now)
			require.Equal(t, want, flatten(r))
			require.Equal(t, histories, r.Histories+r.Failed)
			require.Positive(t, r.Total.Later.Count, "the edits move some due instants later")
			require.Positive(t, r.Total.Earlier.Count, "and some earlier")
			require.Positive(t, r.Total.NewlyBreached+r.Total.NoLongerBreached)
			require.Positive(t, r.Total.TargetAdded)
		})
	}
}
