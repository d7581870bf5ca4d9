package suite

import (
	"slices"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// The inputs questions share: a case, a contract, a contract at an instant.

var (
	caseKeys     = []string{"tier", "priority", "opened", "zone", "language", "account", "country", "attrs", "now", "pauses"}
	contractKeys = []string{"account", "tier", "start", "renewal", "spend", "zone", "attrs"}
)

// kase reads a case; the caller decides which keys are required.
func (p *parser) kase(f field, now *time.Time, required ...string) (rules.Case, bool) {
	fields, ok := p.question(f, caseKeys, required...)
	if !ok {
		return rules.Case{}, false
	}
	return p.caseOf(fields, now)
}

// caseOf reads the fields of a case; now is the default of Case.Now.
func (p *parser) caseOf(fields []field, now *time.Time) (rules.Case, bool) {
	var c rules.Case
	ok := true
	for _, x := range fields {
		good := true
		switch x.Key {
		case "tier":
			c.Tier, good = p.d.Str(x)
		case "priority":
			c.Priority, good = p.priority(x)
		case "opened":
			c.Opened, good = p.at(x)
		case "zone":
			c.Zone, _, good = p.zone(x)
		case "language":
			c.Language, good = p.d.Str(x)
		case "account":
			c.Account, good = p.d.Str(x)
		case "country":
			c.Country, good = p.d.Str(x)
		case "attrs":
			c.Attrs, good = p.attrs(x)
		case "now":
			c.Now, good = p.at(x)
		case "pauses":
			c.Pauses, good = p.pauses(x)
		}
		ok = ok && good
	}
	if c.Now.IsZero() && now != nil {
		c.Now = *now
	}
	return c, ok
}

// pauses reads a list of {start, end} intervals.
func (p *parser) pauses(f field) ([]slo.Interval, bool) {
	var out []slo.Interval
	ok := true
	for _, it := range p.d.List(f) {
		pf := p.d.Mapping(it.Node, it.Path, []string{"start", "end"})
		if it.Node == nil || it.Node.Kind != yaml.MappingNode || !p.d.Require(it.Node, it.Path, pf, "start", "end") {
			ok = false
			continue
		}
		var iv slo.Interval
		for _, y := range pf {
			t, good := p.at(y)
			ok = ok && good
			if y.Key == "start" {
				iv.Start = t
			} else {
				iv.End = t
			}
		}
		out = append(out, iv)
	}
	return out, ok
}

// contract reads a contract; its dates are midnight in its zone.
func (p *parser) contract(f field) (entitlement.Contract, bool) {
	fields, ok := p.question(f, contractKeys, "tier")
	if !ok {
		return entitlement.Contract{}, false
	}
	var c entitlement.Contract
	var loc *time.Location
	if c.Zone, loc, ok = p.zoneOf(fields); !ok {
		return c, false
	}
	for _, x := range fields {
		good := true
		switch x.Key {
		case "account":
			c.Account, good = p.d.Str(x)
		case "tier":
			c.Tier, good = p.d.Str(x)
		case "start":
			c.Start, good = p.instant(x, loc)
		case "renewal":
			c.Renewal, good = p.instant(x, loc)
		case "spend":
			c.Spend, good = p.money(x)
		case "attrs":
			c.Attrs, good = p.attrs(x)
		}
		ok = ok && good
	}
	return c, ok
}

// zoneOf reads the zone among fields, if one is given, first: the dates
// read after it are midnight in it. Without a zone, loc is nil.
func (p *parser) zoneOf(fields []field) (string, *time.Location, bool) {
	for _, x := range fields {
		if x.Key == "zone" {
			return p.zone(x)
		}
	}
	return "", nil, true
}

// contractAt is the input of the questions about a contract at an instant.
type contractAt struct {
	contract entitlement.Contract
	at       time.Time // the instant asked about: the test's now when not given
	movedTo  string    // the tier the contract moved to; "" for none
	opts     rules.PlanOptions
}

// contractAt reads {contract, at} and, when the question has those keys,
// movedTo and requireEffective; at defaults to the test's now. Without a contract (an error
// already reported) nothing else is read.
func (p *parser) contractAt(q field, fields []field, now *time.Time) (contractAt, bool) {
	var in contractAt
	if !slices.ContainsFunc(fields, func(f field) bool { return f.Key == "contract" }) {
		return in, false
	}
	ok, hasAt := true, false
	for _, x := range fields {
		good := true
		switch x.Key {
		case "contract":
			in.contract, good = p.contract(x)
		case "at":
			in.at, good = p.at(x)
			hasAt = true
		case "movedTo":
			in.movedTo, good = p.d.Str(x)
		case "requireEffective":
			in.opts.RequireEffective, good = p.d.Boolean(x)
		}
		ok = ok && good
	}
	if !hasAt {
		if now == nil {
			p.d.Fail(q.KeyNode, q.Path, nil, "missing at: give at here or now in the test or the suite")
			return in, false
		}
		in.at = *now
	}
	return in, ok
}
