package rules

import (
	"github.com/tiercel/tiercel/slo"
	"go.yaml.in/yaml/v3"

	"github.com/tiercel/tiercel/internal/yamlpos"
)

// targetDef is one target as written, "<duration> <calendar>".
type targetDef struct {
	target slo.Target
	at     pos // the value, for unknown calendar errors
}

// objectiveDef is a tier's targets of one metric as written, by priority.
type objectiveDef [slo.P4 + 1]*targetDef

// parseObjective reads a tier's targets of the metric named name, a mapping of
// priorities to targets such as "P1: 1h 24x7".
func (d *decoder) parseObjective(c field, name string, od *objectiveDef) bool {
	rows := d.Mapping(c.Value, c.Path, nil)
	if c.Value == nil || c.Value.Kind != yaml.MappingNode {
		if c.Value == nil || c.Value.Tag == "!!null" {
			d.Fail(yamlpos.OrNode(c.Value, c.KeyNode), c.Path, nil, "must map priorities P1-P4 to targets, e.g. P1: 1h 24x7")
		}
		return false
	}
	ok := true
	if len(rows) == 0 {
		d.Fail(c.Value, c.Path, nil, "no %s targets", name)
		ok = false
	}
	for _, r := range rows {
		p, err := slo.ParsePriority(r.Key)
		if err != nil {
			d.Fail(r.KeyNode, r.Path, err, "%v", err)
			ok = false
			continue
		}
		if od[p] != nil {
			d.Fail(r.KeyNode, r.Path, nil, "duplicate target for %s", p)
			ok = false
			continue
		}
		t, good := parsed(d, r, slo.ParseTarget)
		if !good {
			ok = false
			continue
		}
		od[p] = &targetDef{target: t, at: d.At(r.Value, r.Path)}
	}
	return ok
}

// objective is one metric of a compiled tier: its target for each priority
// (has says which priorities have one), the first-match chain of the rules
// that can override each, and the name of each table row, which decides
// when no rule does.
type objective struct {
	target [slo.P4 + 1]slo.Target
	has    [slo.P4 + 1]bool
	decide [slo.P4 + 1]*decision
	row    [slo.P4 + 1]string // "tiers.<id>.<metric>.<P>", precomputed
	at     [slo.P4 + 1]pos    // where each row is written, for Coverage
}

// compileObjective checks the calendars of a tier's targets of the metric
// named name.
func (c *compiler) compileObjective(tierID, name string, od *objectiveDef, calendarKnown func(string) bool) objective {
	var o objective
	for p := slo.P1; p <= slo.P4; p++ {
		o.row[p] = "tiers." + tierID + "." + name + "." + p.String()
		r := od[p]
		if r == nil {
			continue
		}
		if !calendarKnown(r.target.Calendar) {
			c.add(r.at.Errorf(nil, "unknown calendar %q", r.target.Calendar))
			continue
		}
		o.target[p], o.has[p], o.at[p] = r.target, true, r.at
	}
	return o
}

// table returns the objective's targets by priority.
func (o *objective) table() slo.Table {
	tb := make(slo.Table, 4)
	for p := slo.P1; p <= slo.P4; p++ {
		if o.has[p] {
			tb[p] = o.target[p]
		}
	}
	return tb
}

// promised returns the objective's table, or nil when the tier declares no
// target for its metric.
func (o *objective) promised() slo.Table {
	if !o.declared() {
		return nil
	}
	return o.table()
}
