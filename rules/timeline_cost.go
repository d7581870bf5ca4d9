package rules

import (
	"errors"
	"fmt"
	"time"

	"cel.dev/cel-go/cel"
)

// TimelineCostBudget is the CEL cost one Timeline call may spend, in
// cel-go's cost units, on the lifecycle conditions and rules a catalog
// writes, summed over the opening and every event. Each evaluation is also bounded by the
// per-evaluation limit (1,000,000); before each one, what is left of the
// budget must cover that limit, so a timeline never spends more than the
// budget. A timeline that would is refused with an *EventError wrapping
// ErrCostLimit that names the event (its index and instant) and the
// condition or rule chain. The rule chains that decide each cycle's target
// count too, each chain checked before it runs. The default conditions run
// in Go and cost nothing.
const TimelineCostBudget = 2_000_000

// errBudgetSpent is the error of a rule chain the rest of a Timeline's
// budget may not cover; run.decide names the event and the chain.
var errBudgetSpent = errors.New("timeline cost budget spent")

// overBudget is the error of the evaluation of what, a condition or a rule
// chain, that the rest of the budget may not cover, at the event being
// applied.
func (r *run) overBudget(what string) error {
	event := "event"
	if r.ev.Type == EventOpen {
		event = "opening"
	}
	return fmt.Errorf("%s: %w: the timeline's CEL budget of %d is spent (%d used) at the %s at %s",
		what, ErrCostLimit, TimelineCostBudget, r.spent, event, r.ev.At.Format(time.RFC3339))
}

// eval evaluates a catalog's lifecycle condition p, named what, on the
// event being applied, and charges its actual cost to the run's budget.
func (r *run) eval(p cel.Program, what string) (bool, error) {
	if r.spent > TimelineCostBudget-runtimeCostLimit {
		return false, r.overBudget(what)
	}
	r.vars.now = r.ev.At
	b, cost, err := evalBoolCost(r.ctx, p, &r.vars, what)
	r.spent += cost
	return b, err
}
