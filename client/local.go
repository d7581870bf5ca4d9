package client

import (
	"context"
	"time"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// Engine is every question of tiercel's engine with a context: a program
// written against it asks a local engine (Local) or the service (New)
// alike, with the same arguments and results as rules.Engine's methods of
// the same names. It is made of four smaller interfaces, for programs that
// ask only some questions (a billing system needs Prices and Contracts).
// Implementations are safe for concurrent use.
type Engine interface {
	Cases
	Tiers
	Prices
	Contracts
}

// Cases are the questions about a support case.
// Implementations are safe for concurrent use, as Engine's are.
type Cases interface {
	Deadline(ctx context.Context, c rules.Case) (rules.Deadline, error)
	Status(ctx context.Context, c rules.Case, now time.Time) (rules.Progress, error)
	Timeline(ctx context.Context, c rules.Case, events []rules.Event, now time.Time) (rules.Timeline, error)
	Explain(ctx context.Context, c rules.Case) (rules.Explanation, error)
	ExplainStatus(ctx context.Context, c rules.Case, now time.Time) (rules.Explanation, error)
	Allowed(ctx context.Context, action string, p entitlement.Principal, c rules.Case) (entitlement.Decision, error)
}

// Tiers are the questions about moving from one tier to another.
// Implementations are safe for concurrent use, as Engine's are.
type Tiers interface {
	Compare(ctx context.Context, from, to string) ([]slo.Change, error)
	CompareIn(ctx context.Context, from, to string, s rules.Scope) ([]slo.Change, error)
	Replay(ctx context.Context, history []rules.Case, from, to string) (rules.ReplayReport, error)
}

// Prices are the questions of a billing run.
// Implementations are safe for concurrent use, as Engine's are.
type Prices interface {
	Quote(ctx context.Context, tier string, spend money.Money) (billing.Quote, error)
	QuotePeriod(ctx context.Context, tier string, spend money.Money, period billing.Period) (billing.Quote, error)
	Invoice(ctx context.Context, c entitlement.Contract, months billing.Months, spends []billing.Spend) (billing.Invoice, error)
}

// Contracts are the questions about a contract: may it move, to what,
// and what does it have.
// Implementations are safe for concurrent use, as Engine's are.
type Contracts interface {
	Eligibility(ctx context.Context, c entitlement.Contract, at time.Time) (entitlement.Eligibility, error)
	Plan(ctx context.Context, c entitlement.Contract, at time.Time) (rules.Plan, error)
	Entitlements(ctx context.Context, c entitlement.Contract, at time.Time) (rules.Entitlements, error)
	MovedEntitlements(ctx context.Context, c entitlement.Contract, to string, at time.Time) (rules.Entitlements, error)
}

// The local engine and the remote one are both Engines.
var (
	_ Engine = (*Client)(nil)
	_ Engine = LocalEngine{}
)

// LocalEngine is a *rules.Engine as an Engine: each method returns
// ctx.Err() when ctx is done before it starts, else the engine's answer.
// Deadline, Status, Timeline, Replay, Explain and ExplainStatus ask the
// engine's Context forms (rules.Engine.DeadlineContext, ...), so they also
// stop when ctx is done during the evaluation, with an error wrapping
// ctx.Err(); the other questions are not interrupted once begun (every
// evaluation is bounded by the catalog's cost limits). It reports no Meta. The zero value has no engine and panics;
// make one with Local. Safe for concurrent use, as the engine is.
type LocalEngine struct{ e *rules.Engine }

// Local returns e as an Engine.
func Local(e *rules.Engine) LocalEngine { return LocalEngine{e} }

// ask returns ctx.Err(), or f's answer.
func ask[T any](ctx context.Context, f func() (T, error)) (T, error) {
	if err := ctx.Err(); err != nil {
		var zero T
		return zero, err
	}
	return f()
}

// Deadline is rules.Engine.DeadlineContext.
func (l LocalEngine) Deadline(ctx context.Context, c rules.Case) (rules.Deadline, error) {
	return ask(ctx, func() (rules.Deadline, error) { return l.e.DeadlineContext(ctx, c) })
}

// Status is rules.Engine.StatusContext.
func (l LocalEngine) Status(ctx context.Context, c rules.Case, now time.Time) (rules.Progress, error) {
	return ask(ctx, func() (rules.Progress, error) { return l.e.StatusContext(ctx, c, now) })
}

// Timeline is rules.Engine.TimelineContext.
func (l LocalEngine) Timeline(ctx context.Context, c rules.Case, events []rules.Event, now time.Time) (rules.Timeline, error) {
	return ask(ctx, func() (rules.Timeline, error) { return l.e.TimelineContext(ctx, c, events, now) })
}

// Compare is rules.Engine.Compare.
func (l LocalEngine) Compare(ctx context.Context, from, to string) ([]slo.Change, error) {
	return ask(ctx, func() ([]slo.Change, error) { return l.e.Compare(from, to) })
}

// CompareIn is rules.Engine.CompareIn.
func (l LocalEngine) CompareIn(ctx context.Context, from, to string, s rules.Scope) ([]slo.Change, error) {
	return ask(ctx, func() ([]slo.Change, error) { return l.e.CompareIn(from, to, s) })
}

// Replay is rules.Engine.ReplayContext.
func (l LocalEngine) Replay(ctx context.Context, history []rules.Case, from, to string) (rules.ReplayReport, error) {
	return ask(ctx, func() (rules.ReplayReport, error) { return l.e.ReplayContext(ctx, history, from, to) })
}

// Quote is rules.Engine.Quote.
func (l LocalEngine) Quote(ctx context.Context, tier string, spend money.Money) (billing.Quote, error) {
	return ask(ctx, func() (billing.Quote, error) { return l.e.Quote(tier, spend) })
}

// QuotePeriod is rules.Engine.QuotePeriod.
func (l LocalEngine) QuotePeriod(ctx context.Context, tier string, spend money.Money, period billing.Period) (billing.Quote, error) {
	return ask(ctx, func() (billing.Quote, error) { return l.e.QuotePeriod(tier, spend, period) })
}

// Invoice is rules.Engine.Invoice.
func (l LocalEngine) Invoice(ctx context.Context, c entitlement.Contract, months billing.Months, spends []billing.Spend) (billing.Invoice, error) {
	return ask(ctx, func() (billing.Invoice, error) { return l.e.Invoice(c, months, spends) })
}

// Eligibility is rules.Engine.Eligibility.
func (l LocalEngine) Eligibility(ctx context.Context, c entitlement.Contract, at time.Time) (entitlement.Eligibility, error) {
	return ask(ctx, func() (entitlement.Eligibility, error) { return l.e.Eligibility(c, at) })
}

// Plan is rules.Engine.Plan.
func (l LocalEngine) Plan(ctx context.Context, c entitlement.Contract, at time.Time) (rules.Plan, error) {
	return ask(ctx, func() (rules.Plan, error) { return l.e.Plan(c, at) })
}

// Entitlements is rules.Engine.Entitlements.
func (l LocalEngine) Entitlements(ctx context.Context, c entitlement.Contract, at time.Time) (rules.Entitlements, error) {
	return ask(ctx, func() (rules.Entitlements, error) { return l.e.Entitlements(c, at) })
}

// MovedEntitlements is rules.Engine.MovedEntitlements.
func (l LocalEngine) MovedEntitlements(ctx context.Context, c entitlement.Contract, to string, at time.Time) (rules.Entitlements, error) {
	return ask(ctx, func() (rules.Entitlements, error) { return l.e.MovedEntitlements(c, to, at) })
}

// Allowed is rules.Engine.Allowed.
func (l LocalEngine) Allowed(ctx context.Context, action string, p entitlement.Principal, c rules.Case) (entitlement.Decision, error) {
	return ask(ctx, func() (entitlement.Decision, error) { return l.e.Allowed(action, p, c) })
}

// Explain is rules.Engine.ExplainContext.
func (l LocalEngine) Explain(ctx context.Context, c rules.Case) (rules.Explanation, error) {
	return ask(ctx, func() (rules.Explanation, error) { return l.e.ExplainContext(ctx, c) })
}

// ExplainStatus is rules.Engine.ExplainStatusContext.
func (l LocalEngine) ExplainStatus(ctx context.Context, c rules.Case, now time.Time) (rules.Explanation, error) {
	return ask(ctx, func() (rules.Explanation, error) { return l.e.ExplainStatusContext(ctx, c, now) })
}
