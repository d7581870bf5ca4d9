package rules

import (
	"slices"

	"github.com/tiercel/tiercel/slo"
)

// RuleDiff is a rule added, removed, changed or tried in another order
// between two catalogs, by its id. Fields are the rule's fields that
// differ (when, metric, tiers, priorities, within, calendar and, for the
// same calendar defined differently, its "calendar.*" fields; a condition
// that changed gives both texts). Moved reports that the rule is tried in
// another place relative to the rules of both catalogs, which changes the
// first match. Tiers, Metrics and Priorities are the tiers, metrics and
// priorities whose targets the rule can decide in either catalog.
type RuleDiff struct {
	ID         string        `json:"id"`
	Status     string        `json:"status"`
	Moved      bool          `json:"moved,omitempty"`
	OldIndex   int           `json:"oldIndex"` // 1-based place in the old catalog's rules; 0 when added
	NewIndex   int           `json:"newIndex"` // 1-based place in the new catalog's rules; 0 when removed
	Fields     []FieldChange `json:"fields,omitempty"`
	Tiers      []string      `json:"tiers"`
	Metrics    []string      `json:"metrics"`
	Priorities []string      `json:"priorities"`
}

// rules compares the rules by id, their fields and their order.
func (d *differ) rules() {
	ids := func(e *Engine) []string { return e.Rules() }
	oldIDs, newIDs := ids(d.old), ids(d.new)
	moved := map[string]bool{}
	for _, id := range movedIDs(oldIDs, newIDs) {
		moved[id] = true
	}
	oldAt, newAt := indexOf(oldIDs), indexOf(newIDs)
	var out []RuleDiff
	for j, id := range newIDs {
		i, ok := oldAt[id]
		if !ok {
			i = -1
		}
		rd := RuleDiff{ID: id, Status: StatusAdded, OldIndex: i + 1, NewIndex: j + 1, Moved: moved[id]}
		var a *rule
		if i >= 0 {
			a = d.old.rules[i]
			rd.Status = StatusChanged
			rd.Fields = diffForms("", d.old.ruleForm(a), d.new.ruleForm(d.new.rules[j]))
			if a.description != d.new.rules[j].description {
				d.cosmetic("rules."+id+".", form{{"description", a.description}}, form{{"description", d.new.rules[j].description}})
			}
			if len(rd.Fields) == 0 && !rd.Moved {
				continue
			}
		}
		d.affects(&rd, a, d.new.rules[j])
		out = append(out, rd)
	}
	for i, id := range oldIDs {
		if _, ok := newAt[id]; !ok {
			rd := RuleDiff{ID: id, Status: StatusRemoved, OldIndex: i + 1}
			d.affects(&rd, d.old.rules[i], nil)
			out = append(out, rd)
		}
	}
	d.report.Rules = out
}

// indexOf maps each id to its index.
func indexOf(ids []string) map[string]int {
	m := make(map[string]int, len(ids))
	for i, id := range ids {
		m[id] = i
	}
	return m
}

// affects sets the tiers, metrics and priorities the rule can decide in
// the old catalog (a, nil when added) or the new one (b, nil when removed).
func (d *differ) affects(rd *RuleDiff, a, b *rule) {
	var tiers, metrics []string
	var prios [slo.P4 + 1]bool
	add := func(e *Engine, r *rule) {
		if r == nil {
			return
		}
		for _, id := range e.tierIDs {
			for p := slo.P1; p <= slo.P4; p++ {
				if r.appliesTo(id, r.metric, p) {
					if !slices.Contains(tiers, id) {
						tiers = append(tiers, id)
					}
					prios[p] = true
					if name := e.lifecycle.metrics[r.metric].name; !slices.Contains(metrics, name) {
						metrics = append(metrics, name)
					}
				}
			}
		}
	}
	add(d.old, a)
	add(d.new, b)
	rd.Tiers = tiers
	rd.Metrics, rd.Priorities = append([]string{}, metrics...), []string{}
	for p := slo.P1; p <= slo.P4; p++ {
		if prios[p] {
			rd.Priorities = append(rd.Priorities, p.String())
		}
	}
	if rd.Tiers == nil {
		rd.Tiers = []string{}
	}
}
