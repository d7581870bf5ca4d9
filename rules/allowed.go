package rules

import (
	"fmt"
	"strings"

	"github.com/tiercel/tiercel/entitlement"
)

// Allowed decides whether principal p may do action on case c, with the
// catalog's permissions entry for the action: a CEL expression over
// principal (its id, roles, groups and attrs), case (c, its tier resolved to
// an id; c.Tier may be empty, for instance to ask whether p may create cases
// at all), tier (c's tier, empty when c names none), account and now
// (*c.Now, or c.Opened when Now is nil). Because c.Opened is optional
// here, a rule that reads now for a case with a nil Now and the zero
// Opened is refused rather than decided at 0001-01-01T00:00:00Z: that
// instant is asked for with Now: new(time.Time{}). The decision names the rule that
// made it, "permissions.<action>".
//
// Errors: ErrUnknownAction for an action the catalog does not name (the
// message lists the known ones), ErrUnknownTier for an unknown c.Tier,
// ErrInvalidCase for an invalid non-zero priority or when the expression
// reads now and the case gives neither Now nor a non-zero Opened,
// ErrInvalidZone for a zone
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
	var (
		kase    celCase
		account celAccount
		ct      *celTier
		tierID  string
	)
	if c.Tier != "" {
		t, err := e.tier(c.Tier)
		if err != nil {
			return entitlement.Decision{}, fmt.Errorf("%s: %w", perm.rule, err)
		}
		tierID, ct = t.id, t.cel
	}
	if c.Priority != 0 && !c.Priority.Valid() {
		return entitlement.Decision{}, fmt.Errorf("%s: %w: priority %d is not P1-P4", perm.rule, ErrInvalidCase, c.Priority)
	}
	if _, err := c.resolveZone(); err != nil {
		return entitlement.Decision{}, fmt.Errorf("%s: %w", perm.rule, err)
	}
	c.cel(tierID, &kase, &account)
	v := vars{
		kase: &kase, account: &account, tier: ct, now: c.now(),
		principal: &celPrincipal{ID: p.ID, Roles: orEmpty(p.Roles), Groups: orEmpty(p.Groups), Attrs: attrs(p.Attrs)},
	}
	if perm.usesNow && c.Now == nil && c.Opened.IsZero() {
		return entitlement.Decision{}, fmt.Errorf("%s: %w: the rule reads now and the case gives neither now nor opened (for 0001-01-01T00:00:00Z, give it as now)", perm.rule, ErrInvalidCase)
	}
	allowed, err := evalBool(perm.allow, &v, perm.rule)
	if err != nil {
		return entitlement.Decision{}, err
	}
	if e.cov != nil {
		e.cov.permission(perm, allowed)
	}
	return entitlement.Decision{Action: action, Allowed: allowed, Rule: perm.rule}, nil
}
