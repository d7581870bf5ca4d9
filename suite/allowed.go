package suite

import (
	"slices"
	"time"

	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/rules"
)

// The allowed question: may a principal perform an action, on a case?
//
//	allowed: {action: cases.create, principal: {roles: [roles/cloudsupport.viewer]}}
//	expect: {allowed: false}

// allowedInput is the input of allowed.
type allowedInput struct {
	action    string
	principal entitlement.Principal
	kase      rules.Case
}

func readAllowed(p *parser, _ field, fields []field, now *time.Time) (allowedInput, bool) {
	var in allowedInput
	ok := true
	for _, x := range fields {
		good := true
		switch x.Key {
		case "action":
			in.action, good = p.d.Str(x)
		case "case":
			in.kase, good = p.kase(x, now) // its now defaults to the test's
		case "principal":
			in.principal, good = p.principal(x)
		}
		ok = ok && good
	}
	if !slices.ContainsFunc(fields, func(f field) bool { return f.Key == "case" }) && now != nil {
		in.kase.Now = new(*now)
	}
	return in, ok
}

// principal reads {id, roles, groups, attrs}.
func (p *parser) principal(f field) (entitlement.Principal, bool) {
	var pr entitlement.Principal
	fields, ok := p.question(f, []string{"id", "roles", "groups", "attrs"})
	for _, y := range fields {
		good := true
		switch y.Key {
		case "id":
			pr.ID, good = p.d.Str(y)
		case "roles":
			pr.Roles, good = p.strs(y)
		case "groups":
			pr.Groups, good = p.strs(y)
		case "attrs":
			pr.Attrs, good = p.attrs(y)
		}
		ok = ok && good
	}
	return pr, ok
}

func allowed(e *rules.Engine, in allowedInput) (entitlement.Decision, error) {
	return e.Allowed(in.action, in.principal, in.kase)
}

var allowedRows = []expectation[entitlement.Decision]{
	expect("allowed", (*parser).boolean, func(d entitlement.Decision) bool { return d.Allowed }, sprint[bool]),
	expect("rule", (*parser).str, func(d entitlement.Decision) string { return d.Rule }, checks.eq),
}
