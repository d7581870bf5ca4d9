package rules

import (
	"fmt"
	"time"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/slo"
)

// Plan is the migration plan of one contract at one instant: its eligibility
// and, for each target tier, what would change. It is plain data, shared
// read-only.
type Plan struct {
	Contract    entitlement.Contract    // the contract planned for, as given
	Eligibility entitlement.Eligibility // as Engine.Eligibility reports it
	Options     []Option                // one per target tier in the migration's order; none when not eligible
}

// Option is one target tier of a migration plan.
type Option struct {
	Tier           string        // the target tier's id
	Changes        []slo.Change  // how each response target changes from the current tier, P1..P4, as Engine.Compare reports them; with their Effect over the first year after EffectiveAt when the contract has a zone, as Engine.CompareIn reports them
	KeepsTargets   bool          // no response target is degraded or removed
	KeepsDeadlines bool          // KeepsTargets, the effects are known and no deadline of the account's first year is later (no Effect degraded or mixed)
	Quote          billing.Quote // the target's monthly fee at the contract's spend; the zero Quote when QuoteErr is set
	QuoteErr       error         // why the target could not be priced (wraps ErrNoPrice, money.ErrCurrencyMismatch, ...); nil when Quote is set
	PriceHeld      bool          // the migration holds the price: PriceHeldUntil is an instant (0001-01-01T00:00:00Z too), as Eligibility.PriceHeld
	PriceHeldUntil time.Time     // no price increase before this instant, when PriceHeld; zero when the migration does not hold the price
	EffectiveAt    time.Time     // when the move takes effect
	Recommended    bool          // the tier is Eligibility.Recommended
}

// Plan answers Eligibility for contract c at the instant at and details
// every target tier: the response-target changes from the contract's tier,
// the quote at the contract's spend (or why there is none), the instant the
// price is held until, the instant the move takes effect, and whether it is
// the recommended target. For a contract with a zone, each option's
// changes carry their effects over the first year after the move. A
// contract no migration applies to gets a Plan without options whose
// Eligibility says why. Plan fails like Eligibility and is safe for
// concurrent use; the Plan shares nothing with the engine.
func (e *Engine) Plan(c entitlement.Contract, at time.Time) (Plan, error) {
	return e.PlanWith(c, at, PlanOptions{})
}

// PlanWith answers Plan with the choices of opts, as EligibilityWith
// recommends: with RequireEffective, only a target whose KeepsDeadlines
// holds may be recommended.
func (e *Engine) PlanWith(c entitlement.Contract, at time.Time, opts PlanOptions) (Plan, error) {
	a, err := e.assess(&c, at, opts)
	if err != nil {
		return Plan{}, fmt.Errorf("plan of %s: %w", describeContract(&c), err)
	}
	p := Plan{Contract: c, Eligibility: a.el}
	if len(a.candidates) > 0 {
		p.Options = make([]Option, len(a.candidates))
	}
	for i, cd := range a.candidates {
		p.Options[i] = Option{
			Tier:           cd.t.id,
			Changes:        append([]slo.Change(nil), cd.changes...),
			KeepsTargets:   cd.keeps,
			KeepsDeadlines: cd.deadlines,
			Quote:          cd.quote,
			QuoteErr:       cd.err,
			PriceHeld:      a.el.PriceHeld,
			PriceHeldUntil: a.el.PriceHeldUntil,
			EffectiveAt:    a.el.EffectiveAt,
			Recommended:    cd.t.id == a.el.Recommended,
		}
	}
	return p, nil
}
