package client

import (
	"context"
	"fmt"
	"time"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// The questions about a case. Each method asks the service as the
// rules.Engine method of the same name answers locally, with the same
// arguments after ctx and the same results; instants come back in the
// zone the case was decided in, as the engine gives them (see place).

// warningPercents are the shares of a target at which slo.Status warns.
var warningPercents = [...]int{50, 75, 100}

// Deadline asks the service when the first response to k is due, as
// rules.Engine.Deadline answers. A case with Pauses is refused with
// ErrUnsupported (no request carries pauses).
func (c *Client) Deadline(ctx context.Context, k rules.Case) (rules.Deadline, error) {
	body, err := newCaseBody(k, nil)
	if err != nil {
		return rules.Deadline{}, err
	}
	var d answer.Deadline
	if _, err := c.Decide(ctx, "deadline", body, &d); err != nil {
		return rules.Deadline{}, err
	}
	return deadlineOf(k.Zone, d)
}

// Status asks the service how far k has run at now, as rules.Engine.Status
// answers. k.Now, when set, must be now (the service's case has one now):
// another instant is refused with ErrUnsupported.
func (c *Client) Status(ctx context.Context, k rules.Case, now time.Time) (rules.Progress, error) {
	body, err := statusBody(k, now)
	if err != nil {
		return rules.Progress{}, err
	}
	var d answer.Deadline
	if _, err := c.Decide(ctx, "status", body, &d); err != nil {
		return rules.Progress{}, err
	}
	return progressOf(k.Zone, d, &now)
}

// Allowed asks the service whether p may take action on k (k may be the
// zero Case, which is not sent), as rules.Engine.Allowed answers. The
// service's case needs a priority: a case without one (which the engine
// takes) is refused with ErrUnsupported.
func (c *Client) Allowed(ctx context.Context, action string, p entitlement.Principal, k rules.Case) (entitlement.Decision, error) {
	body := map[string]any{"action": action, "principal": map[string]any{"id": p.ID, "roles": p.Roles, "groups": p.Groups, "attrs": p.Attrs}}
	if !zeroCase(k) {
		if k.Priority == 0 {
			return entitlement.Decision{}, fmt.Errorf("%w: a case without a priority (the service's case needs one)", ErrUnsupported)
		}
		kb, err := newCaseBody(k, nil)
		if err != nil {
			return entitlement.Decision{}, err
		}
		body["case"] = kb
	}
	var a answer.Allowed
	if _, err := c.Decide(ctx, "allowed", body, &a); err != nil {
		return entitlement.Decision{}, err
	}
	return entitlement.Decision{Action: a.Action, Allowed: a.Allowed, Rule: a.Rule}, nil
}

// zeroCase reports whether k is the zero Case, which Allowed does not send.
func zeroCase(k rules.Case) bool {
	return k.Tier == "" && k.Priority == 0 && k.Opened.IsZero() && k.Zone == "" && k.Language == "" && k.Account == "" &&
		k.Country == "" && k.Attrs == nil && k.Now == nil && k.Pauses == nil
}

// deadlineOf reads a deadline decided for a case in zone, its instants in
// the zone the answer names (see decidedPlace).
func deadlineOf(zone string, d answer.Deadline) (rules.Deadline, error) {
	p, err := decidedPlace(d.Zone, zone)
	if err != nil {
		return rules.Deadline{}, err
	}
	due := p.at(d.Due)
	out := rules.Deadline{Due: due, Target: target(d.Target, &err), Rule: d.Rule, Location: p.location(due)}
	return out, err
}

// progressOf reads a status decided at *now for a case in zone; with now
// nil, d is a deadline without a status. An answer without the status
// asked for is a fault of the answer (errAnswer), not a zero status.
func progressOf(zone string, d answer.Deadline, now *time.Time) (rules.Progress, error) {
	dl, err := deadlineOf(zone, d)
	switch {
	case err != nil || now == nil:
		return rules.Progress{Deadline: dl}, err
	case d.Status == nil:
		return rules.Progress{}, fmt.Errorf("%w: the answer has no status", errAnswer)
	}
	p := place{dl.Location}
	st := slo.Status{Due: dl.Due, Elapsed: span(d.Status.Elapsed, &err), Remaining: span(d.Status.Remaining, &err), Breached: d.Status.Breached,
		Warnings: make([]slo.Warning, len(d.Status.Warnings))}
	for i, w := range d.Status.Warnings {
		at := p.at(w)
		st.Warnings[i] = slo.Warning{Fraction: warningPercents[min(i, len(warningPercents)-1)], At: at, Reached: !now.Before(at)}
	}
	return rules.Progress{Deadline: dl, Status: st}, err
}
