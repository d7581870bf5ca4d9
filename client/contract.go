package client

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/fault"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/rules"
)

// The questions about a contract. Instants come back in the contract's
// zone (UTC at offset zero without one).

// Eligibility asks the service whether contract k may or must move at at,
// and to what, as rules.Engine.Eligibility answers. The service decides
// with the default plan options, so RecommendationRule is "nominal" when
// eligible.
func (c *Client) Eligibility(ctx context.Context, k entitlement.Contract, at time.Time) (entitlement.Eligibility, error) {
	var a answer.Eligibility
	if _, err := c.Decide(ctx, "eligibility", contractRequest{Contract: newContractBody(k), At: instant(at)}, &a); err != nil {
		return entitlement.Eligibility{}, err
	}
	return eligibilityOf(a, contractPlace(k)), nil
}

// contractPlace is the place of the instants the engine derives from
// contract k's dates (a move at its renewal, a price held a year after):
// the location of k's Renewal, else of its Start.
func contractPlace(k entitlement.Contract) place {
	if k.Renewal != nil {
		return place{k.Renewal.Location()}
	}
	return place{k.Start.Location()}
}

func eligibilityOf(a answer.Eligibility, p place) entitlement.Eligibility {
	el := entitlement.Eligibility{Eligible: a.Eligible, Migration: a.Migration, EffectiveAt: p.atOr(a.EffectiveAt), Required: a.Required,
		Targets: strs(a.Targets), Recommended: a.Recommended, PriceHeld: a.PriceHeldUntil != nil, PriceHeldUntil: p.atOr(a.PriceHeldUntil),
		Reasons: strs(a.Reasons)}
	if a.Eligible {
		el.RecommendationRule = "nominal"
	}
	return el
}

// Plan asks the service for the plan of contract k at at, as
// rules.Engine.Plan answers. The plan route sends each option's fee only,
// so Plan asks POST /v1/quote for each option's quote at k's spend (one
// request per option, as the engine prices them), and fails, wrapping
// ErrRevisionChanged, when the catalog was reloaded between the requests.
// An option's QuoteErr is the *Error of its quote; with no spend it is
// the service's sentence.
func (c *Client) Plan(ctx context.Context, k entitlement.Contract, at time.Time) (rules.Plan, error) {
	var a answer.Eligibility
	meta, err := c.Decide(context.WithValue(ctx, metaKey{}, nil), "plan", contractRequest{Contract: newContractBody(k), At: instant(at)}, &a)
	if err != nil {
		return rules.Plan{}, err
	}
	p, err := zonePlace(k.Zone)
	if err != nil {
		return rules.Plan{}, err
	}
	plan := rules.Plan{Contract: k, Eligibility: eligibilityOf(a, contractPlace(k))}
	for _, o := range a.Options {
		opt := rules.Option{Tier: o.Tier, Changes: changes(o.Changes, p, &err), KeepsTargets: o.KeepsTargets, KeepsDeadlines: o.KeepsDeadlines, Recommended: o.Recommended,
			PriceHeld: plan.Eligibility.PriceHeld, PriceHeldUntil: plan.Eligibility.PriceHeldUntil, EffectiveAt: plan.Eligibility.EffectiveAt}
		if err != nil {
			return rules.Plan{}, err
		}
		if opt.Quote, opt.QuoteErr, err = c.optionQuote(ctx, k, o, meta); err != nil {
			return rules.Plan{}, err
		}
		plan.Options = append(plan.Options, opt)
	}
	report(ctx, meta)
	return plan, nil
}

// ErrRevisionChanged reports an answer made of several requests (Plan)
// whose catalog was reloaded between them; asking again gives one
// revision's answer. Its class is fault.Internal: nothing in the request
// is at fault.
var ErrRevisionChanged = fault.New(fault.Internal, "client: the service's catalog changed during the question")

// optionQuote returns the quote of option o of a plan for k, or the error
// of its quote, or err when asking failed or was decided on another
// revision than plan's.
func (c *Client) optionQuote(ctx context.Context, k entitlement.Contract, o answer.Option, plan Meta) (quote billing.Quote, quoteErr, err error) {
	if k.Spend == (money.Money{}) {
		return billing.Quote{}, errors.New(o.FeeError), nil
	}
	var a answer.Quote
	meta, err := c.Decide(context.WithValue(ctx, metaKey{}, nil), "quote", quoteRequest{Tier: o.Tier, Spend: k.Spend.String()}, &a)
	var se *Error
	if errors.As(err, &se) && se.Status < 500 && se.Status != 401 {
		return billing.Quote{}, err, nil
	}
	if err != nil {
		return billing.Quote{}, nil, err
	}
	if meta.Revision != plan.Revision {
		return billing.Quote{}, nil, fmt.Errorf("%w: plan by %s, quote of %s by %s", ErrRevisionChanged, plan.Revision, o.Tier, meta.Revision)
	}
	q, err := quoteOf(a)
	return q, nil, err
}

// entitlementsAnswer is the result of POST /v1/entitlements (the shape of
// server.Entitlements).
type entitlementsAnswer struct {
	Tier      string   `json:"tier"`
	Migration string   `json:"migration"`
	Migrated  bool     `json:"migrated"`
	Languages []string `json:"languages"`
	Channels  []string `json:"channels"`
	Services  []string `json:"services"`
	Reasons   []string `json:"reasons"`
}

// Entitlements asks the service which features contract k has at at, as
// rules.Engine.Entitlements answers.
func (c *Client) Entitlements(ctx context.Context, k entitlement.Contract, at time.Time) (rules.Entitlements, error) {
	return c.entitlements(ctx, contractRequest{Contract: newContractBody(k), At: instant(at)})
}

// MovedEntitlements asks the service which features contract k has at at
// once it moved to tier to, as rules.Engine.MovedEntitlements answers.
func (c *Client) MovedEntitlements(ctx context.Context, k entitlement.Contract, to string, at time.Time) (rules.Entitlements, error) {
	return c.entitlements(ctx, contractRequest{Contract: newContractBody(k), At: instant(at), To: to})
}

func (c *Client) entitlements(ctx context.Context, q contractRequest) (rules.Entitlements, error) {
	var a entitlementsAnswer
	if _, err := c.Decide(ctx, "entitlements", q, &a); err != nil {
		return rules.Entitlements{}, err
	}
	return rules.Entitlements{Tier: a.Tier, Migration: a.Migration, Migrated: a.Migrated, Reasons: strs(a.Reasons),
		Features: entitlement.Features{Languages: strs(a.Languages), Channels: strs(a.Channels), Services: strs(a.Services)}}, nil
}
