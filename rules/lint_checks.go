package rules

import (
	"slices"
	"time"

	"github.com/tiercel/tiercel/slo"
)

// unreachableRules reports each rule that an earlier rule of its metric
// with no condition (when: true) shadows: the earlier rule's tiers and
// priorities include every one the later rule's filters allow.
func (l *linter) unreachableRules() {
	var always []*ruleDef // the rules so far whose when is true
	for _, rd := range l.all.rules {
		for _, a := range always {
			if a.metric == rd.metric && covers(l.ruleTiers(a), l.ruleTiers(rd)) &&
				covers(priorities(a), priorities(rd)) {
				l.add(rd.at, LintUnreachableRule, "rule %q can never match: rule %q (%s:%d) has no condition (when: true) and catches every tier and priority this rule's filters allow",
					rd.id, a.id, a.at.File, a.at.Line)
				break
			}
		}
		if rd.when != nil && isTrue(rd.when.src) {
			always = append(always, rd)
		}
	}
}

// ruleTiers returns the ids of the tiers a rule filters on, aliases
// resolved; every tier of the catalog when it names none.
func (l *linter) ruleTiers(rd *ruleDef) []string {
	if len(rd.tiers) == 0 {
		return l.e.tierIDs
	}
	ids := make([]string, 0, len(rd.tiers))
	for _, r := range rd.tiers {
		if t, ok := l.e.tiers[r.id]; ok {
			ids = append(ids, t.id)
		}
	}
	return ids
}

// priorities returns the priorities a rule filters on; all four when it
// names none.
func priorities(rd *ruleDef) []slo.Priority {
	if len(rd.priorities) == 0 {
		return []slo.Priority{slo.P1, slo.P2, slo.P3, slo.P4}
	}
	return rd.priorities
}

// covers reports whether a includes every element of b.
func covers[T comparable](a, b []T) bool {
	for _, x := range b {
		if !slices.Contains(a, x) {
			return false
		}
	}
	return true
}

// lifecycleTraps reports, for each metric of the lifecycle section, a
// start condition that implies its stop and a pause condition that
// implies its start (see implies: only conditions written in the catalog
// are compared, and only what implies detects is reported).
func (l *linter) lifecycleTraps() {
	for _, ld := range l.all.lifecycle {
		for _, n := range ld.metrics {
			if n.def == nil {
				continue
			}
			c := n.def.cond
			if c[condStart] != nil && c[condStop] != nil && implies(c[condStart].src, c[condStop].src) {
				l.add(c[condStart].at, LintStartImpliesStop, "metric %q: every event that starts a cycle also meets the stop condition %q, so such an event achieves the running cycle and starts another: no cycle runs past the next start",
					n.name, c[condStop].src)
			}
			if c[condPause] != nil && c[condStart] != nil && implies(c[condPause].src, c[condStart].src) {
				l.add(c[condPause].at, LintPauseImpliesStart, "metric %q: every event that pauses a cycle also meets the start condition %q, so with no cycle running such an event starts one, paused at once",
					n.name, c[condStart].src)
			}
		}
	}
}

// lintYear is the year whose open time targets are held to.
var lintYear = [2]time.Time{time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)}

// targets reports targets, of tiers and of rules that give a calendar,
// longer than their calendar is open in lintYear.
func (l *linter) targets() {
	open := map[string]time.Duration{}
	yearOpen := func(name string) (time.Duration, bool) {
		if d, ok := open[name]; ok {
			return d, true
		}
		cal, ok := l.e.calendars.byID[name]
		if !ok {
			return 0, false // 24x7: a year is a year
		}
		start, end := lintYear[0], lintYear[1]
		if loc := cal.Location(); loc != nil {
			start = time.Date(2026, 1, 1, 0, 0, 0, 0, loc)
			end = start.AddDate(1, 0, 0)
		}
		open[name] = cal.Elapsed(start, end)
		return open[name], true
	}
	check := func(at pos, t slo.Target, what string) {
		if d, ok := yearOpen(t.Calendar); ok && t.Within > d {
			l.add(at, LintTargetBeyondYear, "%s: target %s is longer than calendar %q is open in a year (%s in 2026): it is never due within the year",
				what, t, t.Calendar, slo.FormatDuration(d))
		}
	}
	for _, td := range l.all.tiers {
		for m, od := range td.objectives {
			for p, r := range od {
				if r != nil {
					check(r.at, r.target, "tiers."+td.id+"."+l.all.metrics[m]+"."+slo.Priority(p).String())
				}
			}
		}
	}
	for _, rd := range l.all.rules {
		if rd.calendar != nil && rd.within > 0 {
			check(rd.at, slo.Target{Within: rd.within, Calendar: rd.calendar.id}, "rule "+rd.id)
		}
	}
}

// migrations reports the migrations that move contracts to a legacy tier.
func (l *linter) migrations() {
	for _, md := range l.all.migrations {
		for _, r := range md.to {
			if t, ok := l.e.tiers[r.id]; ok && t.legacy {
				l.add(r.at, LintMigrationToLegacy, "migration %q moves contracts to %q, a legacy tier: migrations move contracts off legacy tiers",
					md.id, t.id)
			}
		}
	}
}
