package suite

import (
	"slices"
	"time"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// The replay question: what would a history of cases have looked like on
// another tier?
//
//	replay:
//	  from: looker-premier
//	  to: enhanced
//	  cases:
//	    - {priority: P3, opened: 2026-03-06T10:00:00-05:00, zone: America/New_York}
//	expect: {cases: 1, later: 1, maxLater: 64h, byPriority: {P3: {later: 1}}}

// replayInput is the input of replay.
type replayInput struct {
	from, to string
	cases    []rules.Case
}

// replayCaseKeys are the keys of a case of a replayed history: a case less
// its tier, which the replay sets.
var replayCaseKeys = slices.DeleteFunc(slices.Clone(caseKeys), func(k string) bool { return k == "tier" })

func readReplay(p *parser, _ field, fields []field, now *time.Time) (replayInput, bool) {
	var in replayInput
	ok := true
	for _, x := range fields {
		good := true
		switch x.Key {
		case "from":
			in.from, good = p.d.Str(x)
		case "to":
			in.to, good = p.d.Str(x)
		case "cases":
			in.cases, good = p.replayCases(x, now)
		}
		ok = ok && good
	}
	return in, ok
}

// replayCases reads a list of cases, each with at least a priority and an
// opening instant.
func (p *parser) replayCases(f field, now *time.Time) ([]rules.Case, bool) {
	out := []rules.Case{}
	ok := true
	for _, it := range p.d.List(f) {
		fields, given := p.question(it.Field(f), replayCaseKeys, "priority", "opened")
		c, good := p.caseOf(fields, now)
		out, ok = append(out, c), ok && given && good
	}
	return out, ok
}

func replay(e *rules.Engine, in replayInput) (rules.ReplayReport, error) {
	return e.Replay(in.cases, in.from, in.to)
}

// delaysRows are what a test may expect of the delays of a set of cases.
var delaysRows = []expectation[rules.Delays]{
	expect("cases", (*parser).integer, func(d rules.Delays) int { return d.Cases }, sprint[int]),
	expect("later", (*parser).integer, func(d rules.Delays) int { return d.Later }, sprint[int]),
	expect("earlier", (*parser).integer, func(d rules.Delays) int { return d.Earlier }, sprint[int]),
	expect("same", (*parser).integer, func(d rules.Delays) int { return d.Same }, sprint[int]),
	expect("maxLater", (*parser).signedDuration, func(d rules.Delays) time.Duration { return d.MaxLater }, sameSigned),
	expect("maxEarlier", (*parser).signedDuration, func(d rules.Delays) time.Duration { return d.MaxEarlier }, sameSigned),
	expect("median", (*parser).signedDuration, func(d rules.Delays) time.Duration { return d.Median }, sameSigned),
	expect("p90", (*parser).signedDuration, func(d rules.Delays) time.Duration { return d.P90 }, sameSigned),
}

var replayRows = append(project(func(r rules.ReplayReport) rules.Delays { return r.Delays }, delaysRows),
	expect("byPriority", (*parser).byPriority, func(r rules.ReplayReport) map[slo.Priority]rules.Delays { return r.ByPriority }, checks.byPriority))

// sameSigned compares durations that may be zero or negative, written as
// parseSigned reads them and as the command prints them: "0", "-48h", "+12h".
func sameSigned(c checks, field string, want, got time.Duration) checks {
	return c.eq(field, slo.FormatSigned(want), slo.FormatSigned(got))
}

// byPriority reads a mapping of priorities to what their delays hold.
func (p *parser) byPriority(f field) ([]keyedWant[slo.Priority, rules.Delays], bool) {
	return readKeyed(p, f, delaysRows, slo.ParsePriority, "must map priorities to what their delays hold, e.g. {P3: {later: 1}}")
}

// byPriority checks the delays of each expected priority, named
// field.P1, field.P2, ...
func (c checks) byPriority(field string, want []keyedWant[slo.Priority, rules.Delays], got map[slo.Priority]rules.Delays) checks {
	for _, pw := range want {
		name := field + "." + pw.key.String()
		d, found := got[pw.key]
		if !found {
			c = c.eq(name, "cases", "none: the history has no "+pw.key.String()+" case")
			continue
		}
		for _, ch := range pw.checks {
			c = ch(c, name+".", d)
		}
	}
	return c
}
