package suite

import (
	"slices"
	"time"

	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/input"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// The inputs questions share: a case, a contract, a contract at an instant.

// caseKeys are the keys of a case in a question.
var caseKeys = []string{"tier", "priority", "opened", "zone", "language", "account", "country", "attrs", "now", "pauses"}

// kase reads a case; the caller decides which keys are required.
func (p *parser) kase(f field, now *time.Time, required ...string) (rules.Case, bool) {
	fields, ok := p.question(f, caseKeys, required...)
	if !ok {
		return rules.Case{}, false
	}
	return p.caseOf(fields, now)
}

// caseOf reads the fields of a case (see input.DecodeCase); now is the
// default of Case.Now.
func (p *parser) caseOf(fields []field, now *time.Time) (rules.Case, bool) {
	c, _, ok := input.DecodeCase(p.d, fields, now)
	return c, ok
}

// pauses reads a list of {start, end} intervals.
func (p *parser) pauses(f field) ([]slo.Interval, bool) { return input.DecodePauses(p.d, f, p.loc) }

// contract reads a contract (see input.DecodeContract): one key set, the
// contract file's.
func (p *parser) contract(f field) (entitlement.Contract, bool) {
	return input.DecodeContract(p.d, f)
}

// zoneOf reads the zone among fields, if one is given, first: the dates
// read after it are in it. Without a zone, loc is nil.
func (p *parser) zoneOf(fields []field) (string, *time.Location, bool) {
	return input.ZoneOf(p.d, fields)
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
			hasAt = true
		case "movedTo":
			in.movedTo, good = p.d.Str(x)
		case "requireEffective":
			in.opts.RequireEffective, good = p.d.Boolean(x)
		}
		ok = ok && good
	}
	if hasAt { // an instant in the contract's zone
		loc, _ := in.contract.Location()
		for _, x := range fields {
			if x.Key == "at" {
				t, good := p.instant(x, loc)
				in.at, ok = t, ok && good
			}
		}
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
