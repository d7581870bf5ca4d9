package server

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/input"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// questions are the decision routes, in the order the document lists them.
var questions = []question{
	{"deadline", decideDeadline},
	{"status", decideStatus},
	{"timeline", decideTimeline},
	{"compare", decideCompare},
	{"replay", decideReplay},
	{"quote", decideQuote},
	{"eligibility", decideEligibility},
	{"plan", decideEligibility},
	{"entitlements", decideEntitlements},
	{"invoice", decideInvoice},
	{"allowed", decideAllowed},
	{"explain", decideExplain},
}

func decideDeadline(ctx context.Context, e *rules.Engine, body []byte) (any, error) {
	c, err := parseOneCase(bodyName, body)
	if err != nil {
		return nil, err
	}
	d, err := e.DeadlineContext(ctx, c)
	if err != nil {
		return nil, err
	}
	return deadlineResult(e, c, d, nil), nil
}

func decideStatus(ctx context.Context, e *rules.Engine, body []byte) (any, error) {
	h, err := parseCase(bodyName, body, true)
	if err != nil {
		return nil, err
	}
	p, err := e.StatusContext(ctx, h.Case, h.Now)
	if err != nil {
		return nil, err
	}
	return deadlineResult(e, h.Case, p.Deadline, &p.Status), nil
}

func decideTimeline(ctx context.Context, e *rules.Engine, body []byte) (any, error) {
	h, err := parseCase(bodyName, body, true)
	if err != nil {
		return nil, err
	}
	tl, err := h.TimelineContext(ctx, e)
	if err != nil {
		return nil, err
	}
	return answer.NewTimeline(h.Case, len(h.Events), tl), nil
}

// CompareRequest is the body of POST /v1/compare: two tiers, and the
// account and window to compare them over (scope) or none for the
// targets as written.
type CompareRequest struct {
	From  string        `json:"from"`
	To    string        `json:"to"`
	Scope *ScopeRequest `json:"scope,omitempty"`
}

// ScopeRequest is an account's zone and country and the window [from, to)
// of openings: instants or dates, read as input files read them (a date
// is its first instant in the zone, UTC without one).
type ScopeRequest struct {
	Zone    string `json:"zone,omitempty"`
	Country string `json:"country,omitempty"`
	From    string `json:"from"`
	To      string `json:"to"`
}

// scope reads q as a rules.Scope.
func (q *ScopeRequest) scope() (rules.Scope, error) {
	s := rules.Scope{Zone: q.Zone, Country: q.Country}
	loc, err := slo.ZoneOrUTC(q.Zone)
	if err != nil {
		return s, badRequest("scope.zone", "scope.zone: %v", err)
	}
	for _, f := range []struct {
		name string
		text string
		to   *time.Time
	}{{"from", q.From, &s.From}, {"to", q.To, &s.To}} {
		if f.text == "" {
			return s, badRequest("scope."+f.name, "missing scope.%s: the window of openings is [from, to)", f.name)
		}
		if *f.to, err = input.ParseTime(f.text, loc); err != nil {
			return s, badRequest("scope."+f.name, "scope.%s: %v", f.name, err)
		}
	}
	return s, nil
}

func decideCompare(_ context.Context, e *rules.Engine, body []byte) (any, error) {
	var q CompareRequest
	if err := decodeStrict(body, &q); err != nil {
		return nil, err
	}
	if err := required(map[string]string{"from": q.From, "to": q.To}); err != nil {
		return nil, err
	}
	if q.Scope == nil {
		ch, err := e.Compare(q.From, q.To)
		if err != nil {
			return nil, err
		}
		return answer.NewCompare(q.From, q.To, nil, ch), nil
	}
	s, err := q.Scope.scope()
	if err != nil {
		return nil, err
	}
	ch, err := e.CompareIn(q.From, q.To, s)
	if err != nil {
		return nil, err
	}
	return answer.NewCompare(q.From, q.To, &s, ch), nil
}

// ReplayRequest is the body of POST /v1/replay: a history of cases, each
// with the keys of a case file, decided on two tiers.
type ReplayRequest struct {
	From  string            `json:"from"`
	To    string            `json:"to"`
	Cases []json.RawMessage `json:"cases"`
}

func decideReplay(ctx context.Context, e *rules.Engine, body []byte) (any, error) {
	var q ReplayRequest
	if err := decodeStrict(body, &q); err != nil {
		return nil, err
	}
	if err := required(map[string]string{"from": q.From, "to": q.To}); err != nil {
		return nil, err
	}
	history := make([]rules.Case, len(q.Cases))
	for i, raw := range q.Cases {
		h, err := parseCase(fmt.Sprintf("cases[%d]", i), raw, false)
		if err != nil {
			return nil, err
		}
		history[i] = h.Case
	}
	r, err := e.ReplayContext(ctx, history, q.From, q.To)
	if err != nil {
		return nil, err
	}
	return answer.NewReplay(r, history, "", nil), nil
}

// QuoteRequest is the body of POST /v1/quote: a tier, a monthly spend
// ("85000 USD") and optionally a billing period ("2026-02" or
// "2026-02-10/2026-02-28") to prorate over.
type QuoteRequest struct {
	Tier   string `json:"tier"`
	Spend  string `json:"spend"`
	Period string `json:"period,omitempty"`
}

func decideQuote(_ context.Context, e *rules.Engine, body []byte) (any, error) {
	var q QuoteRequest
	if err := decodeStrict(body, &q); err != nil {
		return nil, err
	}
	if err := required(map[string]string{"tier": q.Tier, "spend": q.Spend}); err != nil {
		return nil, err
	}
	spend, err := money.ParseMoney(q.Spend)
	if err != nil {
		return nil, badRequest("spend", "spend: %v", err)
	}
	if q.Period == "" {
		r, err := e.Quote(q.Tier, spend)
		return answer.NewQuote(r, false), err
	}
	p, err := billing.ParsePeriod(q.Period)
	if err != nil {
		return nil, badRequest("period", "period: %v", err)
	}
	r, err := e.QuotePeriod(q.Tier, spend, p)
	return answer.NewQuote(r, true), err
}

// AllowedRequest is the body of POST /v1/allowed: may the principal take
// the action, on the case when one is given (keys of a case file).
type AllowedRequest struct {
	Action    string           `json:"action"`
	Principal PrincipalRequest `json:"principal"`
	Case      json.RawMessage  `json:"case,omitempty"`
}

// PrincipalRequest is who asks: an id, IAM roles, groups and attributes.
type PrincipalRequest struct {
	ID     string         `json:"id,omitempty"`
	Roles  []string       `json:"roles,omitempty"`
	Groups []string       `json:"groups,omitempty"`
	Attrs  map[string]any `json:"attrs,omitempty"`
}

func decideAllowed(_ context.Context, e *rules.Engine, body []byte) (any, error) {
	var q AllowedRequest
	if err := decodeStrict(body, &q); err != nil {
		return nil, err
	}
	if err := required(map[string]string{"action": q.Action}); err != nil {
		return nil, err
	}
	var c rules.Case
	if len(q.Case) > 0 && string(q.Case) != "null" {
		h, err := parseCase("case", q.Case, false)
		if err != nil {
			return nil, err
		}
		c = h.Case
	}
	p := entitlement.Principal{ID: q.Principal.ID, Roles: q.Principal.Roles, Groups: q.Principal.Groups, Attrs: q.Principal.Attrs}
	d, err := e.Allowed(q.Action, p, c)
	if err != nil {
		return nil, err
	}
	return answer.NewAllowed(d), nil
}

// required returns a 400 naming the first empty field of fields, in the
// order of the keys sorted.
func required(fields map[string]string) error {
	for _, k := range []string{"action", "tier", "from", "to", "spend"} {
		if v, ok := fields[k]; ok && v == "" {
			return badRequest(k, "missing %s", k)
		}
	}
	return nil
}
