package rules

import (
	"strings"

	"github.com/tiercel/tiercel/slo"
)

// priorityKeys are the keys of the priorities section.
var priorityKeys = []string{"P1", "P2", "P3", "P4"}

// priorityDef is the wording of one priority as written in the catalog's
// priorities section, e.g. P1: "Critical impact: service unusable in
// production".
type priorityDef struct {
	at       pos // the key, for a clash between files
	priority slo.Priority
	meaning  string
}

// parsePriorities reads the priorities section: a one-line description of
// each priority's business impact, in the catalog's own words. Every key is
// optional.
func (d *decoder) parsePriorities(f field, cf *catalogFile) {
	for _, c := range d.Mapping(f.Value, f.Path, priorityKeys) {
		p, err := slo.ParsePriority(c.Key)
		s, ok := d.Scalar(c)
		if err != nil || !ok {
			continue
		}
		if s = strings.TrimSpace(s); s == "" || strings.ContainsAny(s, "\r\n") {
			d.Fail(c.Value, c.Path, nil, "want one line describing the priority's impact, e.g. \"Critical impact: service unusable in production\"")
			continue
		}
		cf.priorities = append(cf.priorities, priorityDef{at: d.At(c.KeyNode, c.Path), priority: p, meaning: s})
	}
}

// compilePriorities returns the wording of each priority, "" where the
// catalog gives none; a priority worded in two files is an error.
func (c *compiler) compilePriorities(defs []priorityDef) [slo.P4 + 1]string {
	var out [slo.P4 + 1]string
	first := map[slo.Priority]pos{}
	for _, p := range defs {
		if at, ok := first[p.priority]; ok {
			c.add(p.at.Errorf(nil, "priorities.%s is already set at %s", p.priority, at.Short()))
			continue
		}
		first[p.priority] = p.at
		out[p.priority] = p.meaning
	}
	return out
}

// PriorityMeaning returns the catalog's one-line description of the
// priority's business impact (its priorities section), for example
// "Critical impact: service unusable in production" for P1 in the default
// catalog, or "" when the catalog words none or p is not P1-P4.
func (e *Engine) PriorityMeaning(p slo.Priority) string {
	if !p.Valid() {
		return ""
	}
	return e.priorities[p]
}
