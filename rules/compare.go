package rules

import "github.com/tiercel/tiercel/slo"

// Compare reports how the response targets change when an account moves from
// one tier to another: one slo.Change per priority that either tier has, in
// order P1..P4. Kind compares the response time only (a change of calendar
// alone is "unchanged"). Compare reads the tiers' tables; rules that depend on
// a case are not applied. Both arguments may be ids or aliases.
func (e *Engine) Compare(from, to string) ([]slo.Change, error) {
	a, err := e.tier(from)
	if err != nil {
		return nil, err
	}
	b, err := e.tier(to)
	if err != nil {
		return nil, err
	}
	return slo.Compare(a.objectives[response].table(), b.objectives[response].table()), nil
}
