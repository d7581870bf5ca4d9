package rules

import (
	"fmt"
	"strings"

	"cel.dev/cel-go/cel"

	"github.com/tiercel/tiercel/entitlement"
)

// permission is a compiled permissions entry.
type permission struct {
	action, description string
	rule                string // "permissions.<action>"
	allow               cel.Program
	usesNow             bool // allow reads now, which must then not be zero
}

// compilePermissions checks every permission (actions unique across files,
// allow a bool expression) and compiles it.
func (c *compiler) compilePermissions(files []*catalogFile) {
	e := c.eng
	seen := map[string]pos{}
	for _, f := range files {
		for _, pd := range f.permissions {
			if prev, dup := seen[pd.action]; dup {
				c.add(pd.at.Errorf(nil, "duplicate action %q (first defined at %s)", pd.action, prev.Short()))
				continue
			}
			seen[pd.action] = pd.at
			prg, ok := c.compileExpr(pd.allow, cel.BoolType)
			if !ok {
				continue
			}
			e.permissions[pd.action] = &permission{
				action: pd.action, description: pd.description, rule: "permissions." + pd.action,
				allow: prg, usesNow: c.usesVariable(pd.allow, "now"),
			}
		}
	}
}

// usesVariable reports whether the checked expression x refers to the
// variable name. x has compiled without errors.
func (c *compiler) usesVariable(x *expr, name string) bool {
	ast, iss := c.env.Compile(x.src)
	if iss != nil && len(iss.Errors()) > 0 {
		return true // cannot tell: be strict
	}
	for _, ref := range ast.NativeRep().ReferenceMap() {
		if ref.Name == name && ref.Value == nil {
			return true
		}
	}
	return false
}

// Allowed decides whether principal p may do action on case c, with the
// catalog's permissions entry for the action: a CEL expression over
// principal (its id, roles, groups and attrs), case (c, its tier resolved to
// an id; c.Tier may be empty, for instance to ask whether p may create cases
// at all), tier (c's tier, empty when c names none), account and now
// (c.Now, or c.Opened when Now is zero). The decision names the rule that
// made it, "permissions.<action>".
//
// Errors: ErrUnknownAction for an action the catalog does not name (the
// message lists the known ones), ErrUnknownTier for an unknown c.Tier,
// ErrInvalidCase for an invalid non-zero priority or when the expression
// reads now and both c.Now and c.Opened are zero, ErrInvalidZone for a zone
// that is not an IANA name, and ErrCostLimit or ErrEvaluation when the
// expression fails at run time. Allowed is safe for concurrent use.
func (e *Engine) Allowed(action string, p entitlement.Principal, c Case) (entitlement.Decision, error) {
	perm, ok := e.permissions[action]
	if !ok {
		known := "none"
		if len(e.permissions) > 0 {
			known = strings.Join(e.Actions(), ", ")
		}
		return entitlement.Decision{}, fmt.Errorf("%w %q (known: %s)", ErrUnknownAction, action, known)
	}
	kase := celCase{
		Opened: c.Opened, Zone: c.Zone, Language: c.Language, Account: c.Account, Country: c.Country, Attrs: attrs(c.Attrs),
	}
	v := vars{
		kase:      &kase,
		account:   &celAccount{ID: c.Account, Zone: c.Zone, Country: c.Country},
		principal: &celPrincipal{ID: p.ID, Roles: orEmpty(p.Roles), Groups: orEmpty(p.Groups), Attrs: attrs(p.Attrs)},
		now:       c.Now,
	}
	if c.Tier != "" {
		t, err := e.tier(c.Tier)
		if err != nil {
			return entitlement.Decision{}, fmt.Errorf("%s: %w", perm.rule, err)
		}
		kase.Tier, v.tier = t.id, t.cel
	}
	switch {
	case c.Priority.Valid():
		kase.Priority = c.Priority.String()
	case c.Priority != 0:
		return entitlement.Decision{}, fmt.Errorf("%s: %w: priority %d is not P1-P4", perm.rule, ErrInvalidCase, c.Priority)
	}
	if c.Zone != "" {
		if _, err := loadZone(c.Zone); err != nil {
			return entitlement.Decision{}, fmt.Errorf("%s: %w", perm.rule, err)
		}
	}
	if v.now.IsZero() {
		v.now = c.Opened
	}
	if v.now.IsZero() && perm.usesNow {
		return entitlement.Decision{}, fmt.Errorf("%s: %w: the rule reads now and the case gives neither now nor opened", perm.rule, ErrInvalidCase)
	}
	allowed, err := evalBool(perm.allow, &v, perm.rule)
	if err != nil {
		return entitlement.Decision{}, err
	}
	return entitlement.Decision{Action: action, Allowed: allowed, Rule: perm.rule}, nil
}
