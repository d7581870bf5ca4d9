package rules

import (
	"maps"
	"math"
	"slices"
	"time"

	"github.com/tiercel/tiercel/slo"
)

// impactAcc accumulates an ImpactReport history by history.
type impactAcc struct {
	r        ImpactReport
	total    groupAcc
	metrics  []*groupAcc
	prios    [slo.P4 + 1]*groupAcc
	accounts map[string]*groupAcc
}

// groupAcc is one group as it accumulates.
type groupAcc struct {
	g ImpactGroup
}

func newImpactAcc() *impactAcc {
	return &impactAcc{accounts: map[string]*groupAcc{}}
}

// fail counts history i as refused by the catalog named side.
func (a *impactAcc) fail(i int, side string, err error) {
	a.r.Failed++
	if len(a.r.Errors) < MaxErrors {
		a.r.Errors = append(a.r.Errors, ImpactError{History: i, Catalog: side, Err: err})
	}
}

// add counts the cycles of history i, its timelines on the old and the
// new catalog.
func (a *impactAcc) add(i int, account string, before, after *Timeline) {
	a.r.Histories++
	acct := a.accounts[account]
	if acct == nil {
		acct = &groupAcc{g: ImpactGroup{Key: account}}
		a.accounts[account] = acct
	}
	for _, m := range before.Metrics {
		n, _ := after.Metric(m.Metric)
		a.pairs(i, acct, m.Metric, m.Cycles, n.Cycles)
	}
	for _, n := range after.Metrics {
		if _, ok := before.Metric(n.Metric); !ok {
			a.pairs(i, acct, n.Metric, nil, n.Cycles)
		}
	}
}

// pairs counts the cycles of one metric of history i, paired by index.
func (a *impactAcc) pairs(i int, acct *groupAcc, metric string, old, nw []Cycle) {
	mg := a.metric(metric)
	s := Shift{History: i, Account: acct.g.Key, Metric: metric}
	for j := range max(len(old), len(nw)) {
		var o, n *Cycle
		if j < len(old) {
			o = &old[j]
		}
		if j < len(nw) {
			n = &nw[j]
		}
		s.Cycle = j
		if o != nil {
			s.Priority = o.Priority
		} else {
			s.Priority = n.Priority
		}
		pg := a.priority(s.Priority)
		if o != nil && n != nil && !o.Due.IsZero() && !n.Due.IsZero() {
			s.Old, s.New, s.By = o.Due, n.Due, n.Due.Sub(o.Due)
		} else {
			s.Old, s.New, s.By = time.Time{}, time.Time{}, 0
		}
		for _, g := range [...]*groupAcc{&a.total, mg, pg, acct} {
			g.count(o, n, &s)
		}
	}
}

// metric returns the group of the metric named name.
func (a *impactAcc) metric(name string) *groupAcc {
	for _, g := range a.metrics {
		if g.g.Key == name {
			return g
		}
	}
	g := &groupAcc{g: ImpactGroup{Key: name}}
	a.metrics = append(a.metrics, g)
	return g
}

// priority returns the group of priority p.
func (a *impactAcc) priority(p slo.Priority) *groupAcc {
	if !p.Valid() {
		p = 0
	}
	if a.prios[p] == nil {
		a.prios[p] = &groupAcc{g: ImpactGroup{Key: p.String()}}
	}
	return a.prios[p]
}

// count adds one pair of cycles, o on the old catalog and n on the new
// (either nil when absent), whose shift is s (s.By zero when not shifted).
func (g *groupAcc) count(o, n *Cycle, s *Shift) {
	switch {
	case o == nil:
		g.g.Added++
	case n == nil:
		g.g.Removed++
	default:
		g.g.Cycles++
	}
	ob, nb := o != nil && o.Breached, n != nil && n.Breached
	if nb && !ob {
		g.g.NewlyBreached++
	}
	if ob && !nb {
		g.g.NoLongerBreached++
	}
	if o == nil || n == nil {
		return
	}
	switch od, nd := !o.Due.IsZero(), !n.Due.IsZero(); {
	case nd && !od:
		g.g.TargetAdded++
	case od && !nd:
		g.g.TargetRemoved++
	case !od:
	case s.By > 0:
		g.g.Shifts = append(g.g.Shifts, s.By)
		tally(&g.g.Later, s)
	case s.By < 0:
		g.g.Shifts = append(g.g.Shifts, s.By)
		tally(&g.g.Earlier, s)
	default:
		g.g.Same++
	}
}

// tally counts s in st, keeping the first shift of the largest magnitude.
func tally(st *ShiftStats, s *Shift) {
	if st.Count == 0 || magnitude(s.By) > magnitude(st.Largest.By) {
		st.Largest = *s
	}
	st.Count++
}

// magnitude returns |d|, the most negative duration as the largest.
func magnitude(d time.Duration) time.Duration {
	if d == math.MinInt64 {
		return math.MaxInt64
	}
	return max(d, -d)
}

// report finishes the report: sorted shifts, their quantiles, the groups
// in order.
func (a *impactAcc) report() ImpactReport {
	r := a.r
	r.Total = a.total.finish()
	for _, g := range a.metrics {
		r.Metrics = append(r.Metrics, g.finish())
	}
	for _, g := range a.prios {
		if g != nil {
			r.Priorities = append(r.Priorities, g.finish())
		}
	}
	for _, k := range slices.Sorted(maps.Keys(a.accounts)) {
		r.Accounts = append(r.Accounts, a.accounts[k].finish())
	}
	return r
}

// finish sorts the group's shifts and sets their quantiles.
func (g *groupAcc) finish() ImpactGroup {
	x := &g.g
	slices.Sort(x.Shifts)
	earlier, later := x.Shifts[:x.Earlier.Count], x.Shifts[x.Earlier.Count:]
	x.Later.P10, x.Later.Median, x.Later.P90 = quantiles(len(later), func(k int) time.Duration { return later[k] })
	x.Earlier.P10, x.Earlier.Median, x.Earlier.P90 = quantiles(len(earlier), func(k int) time.Duration {
		return magnitude(earlier[len(earlier)-1-k]) // the k-th smallest magnitude
	})
	return *x
}

// quantiles returns the nearest-rank 10th, 50th and 90th percentiles of n
// values, the k-th smallest of which (from 0) is at(k); zero when n is 0.
func quantiles(n int, at func(k int) time.Duration) (p10, p50, p90 time.Duration) {
	if n == 0 {
		return 0, 0, 0
	}
	return at(nearestRank(10, n)), at(nearestRank(50, n)), at(nearestRank(90, n))
}

// nearestRank returns the index, from 0, of the p-th percentile of n sorted
// values by the nearest-rank method: the ceil(p·n/100)-th value.
func nearestRank(p, n int) int {
	return max((p*n+99)/100, 1) - 1
}
