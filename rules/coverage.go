package rules

import (
	"cmp"
	"fmt"
	"slices"
	"sync/atomic"

	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/slo"
)

// The kinds of catalog items a Coverage counts, the values of
// CoverageItem.Kind.
const (
	// CoverRow is a table row, one tier × metric × priority with a target:
	// hit when a decision of that tier, metric and priority falls to the
	// table because no rule matched. Outcome is "decided".
	CoverRow = "row"
	// CoverRule is a rule's when, with two outcomes: "matched" when it held
	// (the first-match chain stopped at it) and "false" when it was
	// evaluated and did not hold.
	CoverRule = "rule"
	// CoverMigration is a migration's applies, with the outcomes "true" and
	// "false".
	CoverMigration = "migration"
	// CoverPermission is a permission's allow, with the outcomes "allowed"
	// and "denied".
	CoverPermission = "permission"
	// CoverCondition is a lifecycle condition the catalog writes
	// (lifecycle.metrics.<metric>.<start|stop|pause|resume|reset>), with
	// the outcomes "true" and "false" on an event of a Timeline. The
	// defaults a catalog does not write are not items.
	CoverCondition = "condition"
	// CoverPrice is a price version of a tier ("tiers.<tier>.price" for a
	// single price, "tiers.<tier>.prices[i]" for versions), with the
	// outcome "used": a quote, an invoice line or PriceAt priced with it.
	CoverPrice = "price"
	// CoverBand is a band of a price version, with the outcome "spend
	// inside": a quote or an invoice line priced a spend that fell inside
	// the band (above the band before it, at most its upTo).
	CoverBand = "band"
)

// CoverageItem is one thing a catalog's decisions can exercise: a row, an
// outcome of a rule, a migration, a permission or a lifecycle condition, a
// price version, a band (see the Cover constants). File, Line and Column
// are where it is written (1-based): a row's target, a rule's when, a
// migration's applies, a permission's action, a condition, a price's key
// or version, a band. Hits counts the decisions that exercised it; zero
// means no decision did.
type CoverageItem struct {
	Kind    string // CoverRow, CoverRule, CoverMigration, CoverPermission, CoverCondition, CoverPrice or CoverBand
	ID      string // "tiers.<tier>.<metric>.<P>", the rule id, "migrations.<id>.applies", "permissions.<action>", "lifecycle.<metric>.<condition>", "tiers.<tier>.price[s[i]]", "….bands[j]"
	Outcome string // see the Cover constants
	File    string
	Line    int
	Column  int
	Hits    int64
}

// rowKey names a table row.
type rowKey struct {
	tier string
	m    metric
	p    slo.Priority
}

// Coverage records which items of one engine's catalog the decisions of
// its view (Coverage.Engine) exercise. Build one with NewCoverage; the zero
// Coverage is not usable. Recording is safe from any number of goroutines
// (the counters are atomic), and Items may be called at any time. The
// engine it was made from records nothing and is as fast as before: only
// the view records.
type Coverage struct {
	view   *Engine
	items  []CoverageItem // catalog order; Hits unused, see hits
	hits   []atomic.Int64 // by index into items
	rows   map[rowKey]int
	rules  map[*rule]int        // the "matched" item; "false" follows it
	migs   map[*migration]int   // the "true" item; "false" follows it
	perms  map[*permission]int  // the "allowed" item; "denied" follows it
	conds  map[condKey]int      // the "true" item; "false" follows it
	prices map[*tier][]priceIdx // by version
}

// priceIdx is where the items of one price version are: the version\'s,
// then its bands\'.
type priceIdx struct{ version, band0 int }

// condKey names a lifecycle condition: one condition of one metric.
type condKey struct {
	mr *metricRules
	k  int
}

// NewCoverage returns a Coverage of e's catalog with every item at zero
// hits. Ask questions of its Engine to record them.
func NewCoverage(e *Engine) *Coverage {
	c := &Coverage{rows: map[rowKey]int{}, rules: map[*rule]int{}, migs: map[*migration]int{}, perms: map[*permission]int{}, conds: map[condKey]int{},
		prices: map[*tier][]priceIdx{}}
	add := func(kind, id string, at pos, outcomes ...string) int {
		for _, o := range outcomes {
			c.items = append(c.items, CoverageItem{Kind: kind, ID: id, Outcome: o, File: at.File, Line: at.Line, Column: at.Column})
		}
		return len(c.items) - len(outcomes)
	}
	for _, id := range e.tierIDs {
		t := e.tiers[id]
		for m := range t.objectives {
			o := &t.objectives[m]
			for p := slo.P1; p <= slo.P4; p++ {
				if o.has[p] {
					c.rows[rowKey{t.id, metric(m), p}] = add(CoverRow, o.row[p], o.at[p], "decided")
				}
			}
		}
	}
	for _, r := range e.rules {
		c.rules[r] = add(CoverRule, r.id, r.when.at, "matched", "false")
	}
	for _, m := range e.migrations {
		c.migs[m] = add(CoverMigration, "migrations."+m.id+".applies", m.at, "true", "false")
	}
	for _, a := range e.Actions() {
		p := e.permissions[a]
		c.perms[p] = add(CoverPermission, p.rule, p.at, "allowed", "denied")
	}
	for _, id := range e.tierIDs {
		c.addPrices(e.tiers[id])
	}
	for m := range e.lifecycle.metrics {
		mr := &e.lifecycle.metrics[m]
		for k := range mr.prg {
			if mr.prg[k] != nil {
				c.conds[condKey{mr, k}] = add(CoverCondition, mr.what[k], mr.at[k], "true", "false")
			}
		}
	}
	c.hits = make([]atomic.Int64, len(c.items))
	view := *e
	view.cov = c
	c.view = &view
	return c
}

// Engine returns the view of the engine whose decisions c records. It
// answers every question exactly as the engine NewCoverage was given.
func (c *Coverage) Engine() *Engine { return c.view }

// Items returns every item of the catalog with its hits so far, sorted by
// file, line and column (the outcomes of one item in the order the
// constants' docs give).
func (c *Coverage) Items() []CoverageItem {
	out := slices.Clone(c.items)
	for i := range out {
		out[i].Hits = c.hits[i].Load()
	}
	slices.SortStableFunc(out, func(a, b CoverageItem) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
	return out
}

// decided records a decision of metric m for priority p on tier t: the
// rules of its chain up to r evaluated false, r matched, or, r nil, the
// table row decided.
func (c *Coverage) decided(t *tier, m metric, p slo.Priority, r *rule) {
	if d := t.objectives[m].decide[p]; d != nil {
		for _, x := range d.rules {
			if x == r {
				c.hits[c.rules[x]].Add(1)
				return
			}
			c.hits[c.rules[x]+1].Add(1)
		}
	}
	if i, ok := c.rows[rowKey{t.id, m, p}]; ok {
		c.hits[i].Add(1)
	}
}

// migration records that m's applies evaluated to applies.
func (c *Coverage) migration(m *migration, applies bool) { c.hits[c.migs[m]+outcome(applies)].Add(1) }

// permission records that p's allow evaluated to allowed.
func (c *Coverage) permission(p *permission, allowed bool) {
	c.hits[c.perms[p]+outcome(allowed)].Add(1)
}

// addPrices adds the items of t's price versions and their bands, when
// where they are written is known.
func (c *Coverage) addPrices(t *tier) {
	if len(t.priceAt) != len(t.prices) {
		return
	}
	for i, va := range t.priceAt {
		id := fmt.Sprintf("tiers.%s.prices[%d]", t.id, i)
		if len(t.prices) == 1 && t.prices[0].Effective.IsZero() {
			id = "tiers." + t.id + ".price"
		}
		x := priceIdx{version: len(c.items), band0: len(c.items) + 1}
		c.items = append(c.items, CoverageItem{Kind: CoverPrice, ID: id, Outcome: "used", File: va.at.File, Line: va.at.Line, Column: va.at.Column})
		for j, b := range va.bands {
			c.items = append(c.items, CoverageItem{Kind: CoverBand, ID: fmt.Sprintf("%s.bands[%d]", id, j), Outcome: "spend inside",
				File: b.File, Line: b.Line, Column: b.Column})
		}
		c.prices[t] = append(c.prices[t], x)
	}
}

// priced records that version i of t's prices priced a decision and,
// with hasSpend, the band spend fell inside.
func (c *Coverage) priced(t *tier, i int, spend money.Money, hasSpend bool) {
	xs := c.prices[t]
	if i < 0 || i >= len(xs) {
		return
	}
	c.hits[xs[i].version].Add(1)
	if !hasSpend {
		return
	}
	for j, b := range t.prices[i].Price.Bands {
		if cmp, err := spend.Cmp(b.UpTo); b.Unbounded || (err == nil && cmp <= 0) {
			c.hits[xs[i].band0+j].Add(1)
			return
		}
	}
}

// condition records that the lifecycle condition k of mr evaluated to b.
func (c *Coverage) condition(mr *metricRules, k condition, b bool) {
	c.hits[c.conds[condKey{mr, int(k)}]+outcome(b)].Add(1)
}

// outcome is the offset of an outcome's item: 0 for true, 1 for false.
func outcome(b bool) int {
	if b {
		return 0
	}
	return 1
}

// MergeCoverage adds up lists of items from several Coverages, of engines
// loaded from the same files or from different ones: items written at the
// same place with the same kind, id and outcome are one, their hits
// summed. The result is sorted as Items sorts.
func MergeCoverage(lists ...[]CoverageItem) []CoverageItem {
	type key struct {
		file, kind, id, outcome string
		line, col               int
	}
	at := map[key]int{}
	var out []CoverageItem
	for _, l := range lists {
		for _, it := range l {
			k := key{it.File, it.Kind, it.ID, it.Outcome, it.Line, it.Column}
			if i, ok := at[k]; ok {
				out[i].Hits += it.Hits
				continue
			}
			at[k] = len(out)
			out = append(out, it)
		}
	}
	slices.SortStableFunc(out, func(a, b CoverageItem) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
	return out
}

// CoveragePercent returns covered out of total in hundredths of a percent,
// rounded down: 9999 of 10000 items is 9999 (99.99%), and 99999 of 100000
// is 9999 too, never 10000; only covered == total gives 10000. Nothing to
// cover (total 0) counts as all covered.
func CoveragePercent(covered, total int) int {
	if total <= 0 {
		return 10000
	}
	return int(int64(covered) * 10000 / int64(total))
}
