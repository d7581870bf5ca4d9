package suite

import (
	"time"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// The deadline question: when is the response to a case due?
//
//	deadline: {tier: enhanced, priority: P1, opened: 2026-03-02T10:00:00Z}
//	expect: {due: 2026-03-02T11:00:00Z, target: 1h 24x7, rule: tiers.enhanced.response.P1}

func readDeadline(p *parser, _ field, fields []field, now *time.Time) (rules.Case, bool) {
	return p.caseOf(fields, now)
}

var deadlineRows = []expectation[rules.Deadline]{
	expect("due", (*parser).at, func(d rules.Deadline) time.Time { return d.Due }, checks.instant),
	expect("target", (*parser).target, func(d rules.Deadline) slo.Target { return d.Target }, checks.target),
	expect("within", (*parser).duration, func(d rules.Deadline) time.Duration { return d.Target.Within }, sameDuration),
	expect("calendar", (*parser).text, func(d rules.Deadline) string { return d.Target.Calendar }, checks.eq),
	expect("rule", (*parser).text, func(d rules.Deadline) string { return d.Rule }, checks.eq),
}

// sameDuration compares durations written as the catalog writes them.
func sameDuration(c checks, field string, want, got time.Duration) checks {
	return c.eq(field, slo.FormatDuration(want), slo.FormatDuration(got))
}
