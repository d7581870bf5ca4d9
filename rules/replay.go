package rules

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/tiercel/tiercel/slo"
)

// Delays summarises how much later or earlier response deadlines fall on
// one tier than on another, over a set of cases: each case's delay is
// due(to) − due(from), positive when the new tier answers later.
//
// The zero value describes no cases.
type Delays struct {
	Cases   int // cases counted
	Later   int // cases due later on the new tier
	Earlier int // cases due earlier on the new tier
	Same    int // cases due at the same instant

	MaxLater   time.Duration // the largest delay, 0 when no case is later
	MaxEarlier time.Duration // the largest advance, as a positive duration; 0 when no case is earlier

	// Quantiles of the signed delays (nearest rank): half the cases are
	// due at most Median later (a negative value: earlier), nine in ten at
	// most P90 later, one in ten at most P10 later.
	P10, Median, P90 time.Duration
}

// ReplayReport is what a history of cases would have looked like on
// another tier: the delays of every case and of each priority's cases.
// It is plain data.
type ReplayReport struct {
	From, To string // the tiers compared, by id
	Delays          // over every case

	// MaxLaterCase and MaxEarlierCase are the indexes, in the history, of
	// the first case with the largest delay and with the largest advance;
	// -1 when no case is later, or earlier.
	MaxLaterCase, MaxEarlierCase int

	ByPriority map[slo.Priority]Delays // the priorities the history has
}

// Replay decides every case of history twice, on tier from and on tier to
// (each case's own Tier is ignored), and reports how much later or earlier
// each response would have been due: what a year of cases would have looked
// like on another tier. Cases are decided exactly as Deadline decides them,
// rules and pauses included; the first case that cannot be decided fails
// the replay with its index and Deadline's error.
//
// Replay allocates the report and one slice of delays, not per case; it is
// safe for concurrent use.
func (e *Engine) Replay(history []Case, from, to string) (ReplayReport, error) {
	return e.ReplayContext(context.Background(), history, from, to)
}

// ReplayContext is Replay under ctx: it stops when ctx is done, before each
// case and inside its rule chains, with an error naming the case and
// wrapping ctx.Err().
func (e *Engine) ReplayContext(ctx context.Context, history []Case, from, to string) (ReplayReport, error) {
	a, err := e.tier(from)
	if err != nil {
		return ReplayReport{}, err
	}
	b, err := e.tier(to)
	if err != nil {
		return ReplayReport{}, err
	}
	// The delays are stored grouped by priority, each group in history
	// order, so that every priority's summary reads its own run of them.
	var count, next [slo.P4 + 1]int
	for i := range history {
		if p := history[i].Priority; p.Valid() { // an invalid one fails below
			count[p]++
		}
	}
	for p, n := slo.P1, 0; p <= slo.P4; p++ {
		next[p], n = n, n+count[p]
	}
	r := ReplayReport{From: a.id, To: b.id, MaxLaterCase: -1, MaxEarlierCase: -1}
	var later, earlier time.Duration // the largest delay and advance so far, for their cases
	delays := make([]time.Duration, len(history))
	for i := range history {
		c := history[i] // a copy: the caller's history is not modified
		d, err := e.replayCase(ctx, c, i, a.id, b.id)
		if err != nil {
			return ReplayReport{}, err
		}
		delays[next[c.Priority]] = d
		next[c.Priority]++
		if d > later {
			later, r.MaxLaterCase = d, i
		}
		if -d > earlier {
			earlier, r.MaxEarlierCase = -d, i
		}
	}
	r.ByPriority = make(map[slo.Priority]Delays, 4)
	start := 0
	for p := slo.P1; p <= slo.P4; p++ {
		if count[p] > 0 {
			r.ByPriority[p] = summarize(delays[start:next[p]])
		}
		start = next[p]
	}
	r.Delays = summarize(delays)
	return r, nil
}

// replayCase returns how much later case c, the i-th of a history, is due
// on tier to than on tier from.
func (e *Engine) replayCase(ctx context.Context, c Case, i int, from, to string) (time.Duration, error) {
	if err := ctx.Err(); err != nil {
		return 0, fmt.Errorf("replay stopped before case %d: %w", i, err)
	}
	c.Tier = from
	da, err := e.DeadlineContext(ctx, c)
	if err != nil {
		return 0, fmt.Errorf("replay of case %d on %s: %w", i, from, err)
	}
	c.Tier = to
	db, err := e.DeadlineContext(ctx, c)
	if err != nil {
		return 0, fmt.Errorf("replay of case %d on %s: %w", i, to, err)
	}
	d, err := slo.Sub(db.Due, da.Due)
	if err != nil {
		return 0, fmt.Errorf("replay of case %d: due on %s minus due on %s: %w", i, to, from, err)
	}
	return d, nil
}

// summarize counts and sorts delays in place and returns their summary.
func summarize(delays []time.Duration) Delays {
	s := Delays{Cases: len(delays)}
	if len(delays) == 0 {
		return s
	}
	for _, d := range delays {
		switch {
		case d > 0:
			s.Later++
			s.MaxLater = max(s.MaxLater, d)
		case d < 0:
			s.Earlier++
			s.MaxEarlier = max(s.MaxEarlier, -d)
		default:
			s.Same++
		}
	}
	slices.Sort(delays)
	s.P10, s.Median, s.P90 = rank(delays, 10), rank(delays, 50), rank(delays, 90)
	return s
}

// rank returns the q-th percentile of sorted by nearest rank: the smallest
// value with at least q% of the values at or below it.
func rank(sorted []time.Duration, q int) time.Duration {
	i := (q*len(sorted) + 99) / 100 // ceil(q·n/100)
	return sorted[max(i, 1)-1]
}
