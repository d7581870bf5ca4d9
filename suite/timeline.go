package suite

import (
	"fmt"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/tiercel/tiercel/input"
	"github.com/tiercel/tiercel/internal/yamlpos"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// The timeline question: every clock of a case, from its events.
//
//	timeline:
//	  tier: std
//	  priority: P3
//	  opened: 2026-03-05T10:00:00+01:00
//	  now: 2026-03-10T12:00:00+01:00
//	  events:
//	    - {at: 2026-03-06T11:00:00+01:00, type: status, status: waiting on customer}
//	    - {at: 2026-03-09T14:00:00+01:00, type: status, status: open}
//	expect:
//	  status: open
//	  resolution:
//	    - {state: running, paused: 75h, due: 2026-03-10T13:00:00+01:00, breached: false}
//
// Each metric expects the list of its cycles, one row per cycle in order
// ({} checks nothing but that the cycle exists); the number of rows must be
// the number of cycles.

// timelineKeys are the keys of a timeline question: those of a case file.
var timelineKeys = input.CaseFileKeys

// History is a case and its events; see input.History.
type History = input.History

// history reads the fields of the timeline question q: a case, its now
// (the test's now when it gives none) and its events.
func (p *parser) history(q field, fields []field, now *time.Time) (History, bool) {
	return input.DecodeHistory(p.d, q, fields, now)
}

func timeline(e *rules.Engine, h History) (rules.Timeline, error) { return h.Timeline(e) }

// timelineRows are what a test may expect of a timeline: where the case
// stands at now and the cycles of each built-in metric, a row per row of
// the engine's table of metrics (rules.BuiltinMetrics).
var timelineRows = append([]expectation[rules.Timeline]{
	expect("status", (*parser).text, func(t rules.Timeline) string { return t.Status }, checks.eq),
	expect("priority", (*parser).priority, func(t rules.Timeline) slo.Priority { return t.Priority }, sprint[slo.Priority]),
	expect("tier", (*parser).text, func(t rules.Timeline) string { return t.Tier }, checks.eq),
}, append(builtinMetricRows(), declaredMetricsRow)...)

// builtinMetricRows returns a row per built-in metric.
func builtinMetricRows() []expectation[rules.Timeline] {
	var rows []expectation[rules.Timeline]
	for _, m := range rules.BuiltinMetrics() {
		rows = append(rows, metricRow(m))
	}
	return rows
}

// cycleRows are what a test may expect of one cycle of a metric.
var cycleRows = []expectation[rules.Cycle]{
	expect("state", (*parser).text, func(c rules.Cycle) string { return c.State.String() }, checks.eq),
	expect("start", (*parser).at, func(c rules.Cycle) time.Time { return c.Start }, checks.instant),
	expect("tier", (*parser).text, func(c rules.Cycle) string { return c.Tier }, checks.eq),
	expect("priority", (*parser).priority, func(c rules.Cycle) slo.Priority { return c.Priority }, sprint[slo.Priority]),
	expect("target", (*parser).targetOrNone, func(c rules.Cycle) slo.Target { return c.Target }, checks.target),
	expect("rule", (*parser).text, func(c rules.Cycle) string { return c.Rule }, checks.eq),
	expect("due", (*parser).atOrNone, func(c rules.Cycle) maybeAt { return maybeAt{c.Due, !c.Due.IsZero()} }, checks.maybeInstant),
	expect("end", (*parser).atOrNone, func(c rules.Cycle) maybeAt { return maybeAt{c.End, c.Ended()} }, checks.maybeInstant),
	expect("elapsed", (*parser).span, func(c rules.Cycle) time.Duration { return c.Elapsed }, sameDuration),
	expect("paused", (*parser).span, func(c rules.Cycle) time.Duration { return c.Paused }, sameDuration),
	expect("pauses", (*parser).pauses, func(c rules.Cycle) []slo.Interval { return c.Pauses }, checks.intervals),
	expect("breached", (*parser).boolean, func(c rules.Cycle) bool { return c.Breached }, sprint[bool]),
	expect("overdue", (*parser).span, func(c rules.Cycle) time.Duration { return c.Overdue }, sameDuration),
	expect("warnings", (*parser).instants, func(c rules.Cycle) []time.Time {
		return []time.Time{c.Warnings[0].At, c.Warnings[1].At}
	}, checks.instants),
}

// metricRow is the row of the metric named metric: the list of its
// cycles, each a mapping of cycleRows.
func metricRow(metric string) expectation[rules.Timeline] {
	cycles := func(t rules.Timeline) []rules.Cycle {
		m, _ := t.Metric(metric)
		return m.Cycles
	}
	return expect(metric, (*parser).cycles, cycles, checks.cycles)
}

// declaredMetricsRow is the row of the metrics a catalog declares
// (lifecycle.metrics): a mapping of their names to their cycles, each a
// list as a built-in metric's row. It may name built-in metrics too.
var declaredMetricsRow = expectation[rules.Timeline]{key: "metrics", read: func(p *parser, f field) (check[rules.Timeline], bool) {
	type metricWant struct {
		name string
		want [][]check[rules.Cycle]
	}
	var wants []metricWant
	ok := true
	for _, mf := range p.d.Mapping(f.Value, f.Path, nil) {
		w, good := p.cycles(mf)
		wants, ok = append(wants, metricWant{mf.Key, w}), ok && good
	}
	return func(ch checks, prefix string, got rules.Timeline) checks {
		for _, w := range wants {
			m, _ := got.Metric(w.name)
			ch = ch.cycles(prefix+"metrics."+w.name, w.want, m.Cycles)
		}
		return ch
	}, ok
}}

// cycles reads a list of expected cycles, each a mapping of cycleRows.
func (p *parser) cycles(f field) ([][]check[rules.Cycle], bool) {
	keys := rowKeys(cycleRows)
	out := [][]check[rules.Cycle]{}
	ok := true
	if f.Value == nil || f.Value.Kind != yaml.SequenceNode {
		p.d.Fail(yamlpos.OrNode(f.Value, f.KeyNode), f.Path, nil, "must be a list of cycles, one mapping of %s per cycle", strings.Join(keys, ", "))
		return nil, false
	}
	for _, it := range p.d.List(f) {
		if it.Node == nil || it.Node.Kind != yaml.MappingNode {
			p.d.Fail(it.Node, it.Path, nil, "must be a mapping of %s, got %s", strings.Join(keys, ", "), yamlpos.KindNameOr(it.Node))
			ok = false
			continue
		}
		cs, good := readRows(p, p.d.Mapping(it.Node, it.Path, keys), cycleRows)
		out, ok = append(out, cs), ok && good
	}
	return out, ok
}

// cycles checks the number of cycles, named field.cycles, then each
// expected cycle, named field[i].
func (c checks) cycles(field string, want [][]check[rules.Cycle], got []rules.Cycle) checks {
	c = sprint(c, field+".cycles", len(want), len(got))
	for i := range min(len(want), len(got)) {
		for _, ch := range want[i] {
			c = ch(c, yamlpos.Index(field, i)+".", got[i])
		}
	}
	return c
}

// targetOrNone reads a target, or "none": the tier promises no target.
func (p *parser) targetOrNone(f field) (slo.Target, bool) {
	if s, ok := p.d.Str(f); ok && s == "none" {
		return slo.Target{}, true
	}
	return p.target(f)
}

// span reads a length of time that may be zero ("0s"), as elapsed,
// paused and overdue are before a clock has run.
func (p *parser) span(f field) (time.Duration, bool) {
	if s, ok := p.d.Str(f); ok && (s == "0" || s == "0s") {
		return 0, true
	}
	return p.duration(f)
}

// instants reads a list of instants.
func (p *parser) instants(f field) ([]time.Time, bool) {
	var out []time.Time
	ok := true
	for _, it := range p.d.List(f) {
		t, good := p.at(it.Field(f))
		out, ok = append(out, t), ok && good
	}
	return out, ok
}

// instants compares lists of instants in order.
func (c checks) instants(field string, want, got []time.Time) checks {
	if len(want) != len(got) {
		return c.eq(field, fmt.Sprintf("%d instants", len(want)), fmt.Sprintf("%d instants", len(got)))
	}
	for i := range want {
		c = c.instant(yamlpos.Index(field, i), want[i], got[i])
	}
	return c
}

// intervals compares lists of intervals in order.
func (c checks) intervals(field string, want, got []slo.Interval) checks {
	if len(want) != len(got) {
		return c.eq(field, fmt.Sprintf("%d pauses", len(want)), fmt.Sprintf("%d pauses", len(got)))
	}
	for i := range want {
		at := yamlpos.Index(field, i)
		c = c.instant(at+".start", want[i].Start, got[i].Start)
		c = c.instant(at+".end", want[i].End, got[i].End)
	}
	return c
}
