package answer

import (
	"time"

	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/rules"
)

// Eligibility is the answer to "may or must a contract move, and to what":
// the migration that applies, when it takes effect, how long the price is
// held (null when not), the targets with their fees and changes, and the
// reasons a person can read.
type Eligibility struct {
	Tier           string   `json:"tier"`
	At             Instant  `json:"at"`
	Eligible       bool     `json:"eligible"`
	Migration      string   `json:"migration,omitempty"`
	Required       bool     `json:"required"`
	EffectiveAt    *Instant `json:"effectiveAt"`
	PriceHeldUntil *Instant `json:"priceHeldUntil"`
	Targets        []string `json:"targets"`
	Recommended    string   `json:"recommended"`
	Reasons        []string `json:"reasons"`
	Options        []Option `json:"options"`
}

// Option is one target tier of a migration: whether it keeps every
// response target, its monthly fee at the contract's spend (or why there
// is none) and how each target changes.
type Option struct {
	Tier         string `json:"tier"`
	KeepsTargets bool   `json:"keepsTargets"`
	// KeepsDeadlines is rules.Option.KeepsDeadlines: no target degraded and
	// no deadline of the account's first year later (false when the
	// effects are unknown, for a contract without a zone).
	KeepsDeadlines bool         `json:"keepsDeadlines"`
	Recommended    bool         `json:"recommended"`
	Fee            *money.Money `json:"fee,omitempty"`
	FeeError       string       `json:"feeError,omitempty"`
	Changes        []Change     `json:"changes"`
}

// NewEligibility returns the answer for plan, made for a contract on tier
// at the instant at.
func NewEligibility(tier string, at time.Time, plan rules.Plan) Eligibility {
	el := plan.Eligibility
	out := Eligibility{
		Tier: tier, At: At(at), Eligible: el.Eligible, Migration: el.Migration, Required: el.Required,
		EffectiveAt: AtIf(el.EffectiveAt, el.Eligible), PriceHeldUntil: AtIf(el.PriceHeldUntil, el.PriceHeld),
		Targets: nonNil(el.Targets), Recommended: el.Recommended, Reasons: nonNil(el.Reasons),
		Options: make([]Option, 0, len(plan.Options)),
	}
	for _, opt := range plan.Options {
		o := Option{Tier: opt.Tier, KeepsTargets: opt.KeepsTargets, KeepsDeadlines: opt.KeepsDeadlines, Recommended: opt.Recommended, Changes: NewChanges(opt.Changes)}
		if opt.QuoteErr != nil {
			o.FeeError = opt.QuoteErr.Error()
		} else {
			fee := opt.Quote.Total
			o.Fee = &fee
		}
		out.Options = append(out.Options, o)
	}
	return out
}

// Allowed is the answer to "may a principal take an action on a case".
type Allowed struct {
	Action  string `json:"action"`
	Allowed bool   `json:"allowed"`
	Rule    string `json:"rule"`
}

// NewAllowed returns d as an answer.
func NewAllowed(d entitlement.Decision) Allowed {
	return Allowed{Action: d.Action, Allowed: d.Allowed, Rule: d.Rule}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
