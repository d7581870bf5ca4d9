package rules

import (
	"slices"

	"github.com/tiercel/tiercel/slo"
)

// TierDiff is a tier added, removed or changed between two catalogs. For a
// changed tier, Fields are its own settings that differ (aliases, family,
// legacy, languages, channels, services, and its name when a CEL
// expression reads names), Targets its targets that differ and Prices its
// price versions that differ.
type TierDiff struct {
	Tier    string        `json:"tier"`
	Status  string        `json:"status"`
	Fields  []FieldChange `json:"fields,omitempty"`
	Targets []TargetDiff  `json:"targets,omitempty"`
	Prices  []PriceDiff   `json:"prices,omitempty"`
}

// TargetDiff is one target of a tier (a metric and a priority) that
// differs: as written, or by its calendar's hours, holidays, closed dates
// or zone although the text is the same.
type TargetDiff struct {
	Metric   string `json:"metric"`   // "response", "nextReply", "update", "resolution"
	Priority string `json:"priority"` // "P1" to "P4"
	Old      string `json:"old"`      // the old target, "4h business"; "" when the old tier has none
	New      string `json:"new"`      // the new target; "" when the new tier has none
	// Kind compares the times as written (slo.Compare's kind): improved,
	// degraded, unchanged (the time is the same), added or removed.
	Kind string `json:"kind"`
	// Calendar are the fields of the target's calendar that differ, when
	// both targets name the same calendar and the catalogs define it
	// differently.
	Calendar []FieldChange `json:"calendar,omitempty"`
	// Effect is the effect on due instants over DiffOptions.Scope, the
	// old engine's clock against the new one's (see CompareIn); nil
	// without a scope, for an added or removed target, or when it cannot
	// be computed, and then EffectError says why.
	Effect      *slo.Effect `json:"effect,omitempty"`
	EffectError string      `json:"effectError,omitempty"`
}

// tiers compares the tiers of both catalogs: the new catalog's order, then
// the removed tiers in the old one's.
func (d *differ) tiers() {
	names := d.old.readsName() || d.new.readsName()
	for _, id := range d.new.tierIDs {
		b := d.new.tiers[id]
		a, ok := d.old.tiers[id]
		if !ok || a.id != id {
			d.report.Tiers = append(d.report.Tiers, TierDiff{Tier: id, Status: StatusAdded})
			continue
		}
		td := TierDiff{Tier: id, Status: StatusChanged, Fields: diffForms("", tierForm(a), tierForm(b))}
		if names {
			td.Fields = append(td.Fields, diffForms("", tierCosmetic(a)[:1], tierCosmetic(b)[:1])...)
			d.cosmetic("tiers."+id+".", tierCosmetic(a)[1:], tierCosmetic(b)[1:])
		} else {
			d.cosmetic("tiers."+id+".", tierCosmetic(a), tierCosmetic(b))
		}
		td.Targets = d.targets(a, b)
		td.Prices = d.prices(a, b)
		if len(td.Fields)+len(td.Targets)+len(td.Prices) > 0 {
			d.report.Tiers = append(d.report.Tiers, td)
		}
	}
	for _, id := range d.old.tierIDs {
		if t, ok := d.new.tiers[id]; !ok || t.id != id {
			d.report.Tiers = append(d.report.Tiers, TierDiff{Tier: id, Status: StatusRemoved})
		}
	}
	if slices.Equal(commonOrder(d.old.tierIDs, d.new.tierIDs), commonOrder(d.new.tierIDs, d.old.tierIDs)) {
		return
	}
	d.report.Cosmetic = append(d.report.Cosmetic, FieldChange{Path: "tiers (order)", Old: list(d.old.tierIDs), New: list(d.new.tierIDs)})
}

// commonOrder returns the ids of a that b also holds, in a's order.
func commonOrder(a, b []string) []string {
	return slices.DeleteFunc(slices.Clone(a), func(id string) bool { return !slices.Contains(b, id) })
}

// targets compares every metric's target of two versions of a tier, for
// every priority either has.
func (d *differ) targets(a, b *tier) []TargetDiff {
	var out []TargetDiff
	for _, name := range d.metrics {
		oa, ob := objectiveOf(d.old, a, name), objectiveOf(d.new, b, name)
		for p := slo.P1; p <= slo.P4; p++ {
			if !oa.has[p] && !ob.has[p] {
				continue
			}
			td := TargetDiff{Metric: name, Priority: p.String()}
			ch := slo.Change{Priority: p, Kind: slo.Added}
			if oa.has[p] {
				td.Old, ch.From, ch.Kind = oa.target[p].String(), oa.target[p], slo.Removed
			}
			if ob.has[p] {
				td.New, ch.To = ob.target[p].String(), ob.target[p]
				if oa.has[p] {
					ch.Kind = slo.Compare(slo.Table{p: ch.From}, slo.Table{p: ch.To})[0].Kind
				}
			}
			td.Kind = ch.Kind.String()
			if oa.has[p] && ob.has[p] {
				td.Calendar = diffForms("", d.old.calendarForm(ch.From.Calendar), d.new.calendarForm(ch.To.Calendar))
				if td.Old == td.New && len(td.Calendar) == 0 {
					continue
				}
				if ch.From.Calendar != ch.To.Calendar {
					td.Calendar = nil // the text names the other calendar
				}
				d.effect(&td, &ch)
			}
			out = append(out, td)
		}
	}
	return out
}

// metricNames returns the names of the metrics of either catalog: the new
// one's in its order, then those only the old one has.
func metricNames(old, new *Engine) []string {
	names := new.Metrics()
	for _, n := range old.Metrics() {
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	return names
}

// objectiveOf returns the targets of the metric called name of tier t of
// engine e; none when e has no such metric.
func objectiveOf(e *Engine, t *tier, name string) *objective {
	for m := range e.lifecycle.metrics {
		if e.lifecycle.metrics[m].name == name && m < len(t.objectives) {
			return &t.objectives[m]
		}
	}
	return &objective{}
}

// effect computes a changed target's effect over the scope, as CompareIn
// does, with the old engine's clock against the new one's.
func (d *differ) effect(td *TargetDiff, ch *slo.Change) {
	if d.scope == nil {
		return
	}
	eff, err := effectBetween(d.old, d.new, ch, d.zone, d.scope.Country, d.start, d.end, &d.memo)
	if err != nil {
		td.EffectError = err.Error()
		return
	}
	td.Effect = &eff
}
