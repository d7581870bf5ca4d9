package rules

import (
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/slo"
)

// yearOf is the window of openings whose effects Eligibility reports: the
// first year after the move takes effect, in the account's zone.
func yearOf(effective time.Time, loc *time.Location) (time.Time, time.Time) {
	start := effective.In(loc)
	return start, start.AddDate(1, 0, 0)
}

// moveEffects computes, for a contract on tier cur that migration mv
// applies to, the changes to each target with their effects over the
// first year after the move, in the contract's zone (c.Zone resolved once
// as zone) and holiday country (c.Country). It returns nil, with a reason
// in el, when they cannot be known: the contract has no zone, or a
// calendar needs a country it does not give.
func (e *Engine) moveEffects(c *entitlement.Contract, zone *time.Location, mv *moving, cur *tier, el *entitlement.Eligibility) ([][]slo.Change, error) {
	if zone == nil {
		el.Reasons = append(el.Reasons, "effective changes need the account's zone: give the contract a zone to see how the deadlines the account would see move")
		return nil, nil
	}
	from, to := yearOf(mv.effective, zone)
	s := Scope{Zone: c.Zone, Country: c.Country, From: from, To: to}
	var memo effectMemo
	moves := mv.m.moves[cur.id]
	out := make([][]slo.Change, len(moves))
	for i := range moves {
		out[i] = slices.Clone(moves[i].changes)
		err := e.fillEffects(out[i], &s, zone, &memo)
		if errors.Is(err, ErrCountryRequired) {
			el.Reasons = append(el.Reasons, "effective changes are unknown: a calendar closes on the account's country's holidays; give the contract a country")
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// holidaysLeftOut returns the ids of the calendars of changes that close
// on the account's country's holidays when it names one (holidays:
// [account-if-any]), when country is "": their effects count no holidays.
func (e *Engine) holidaysLeftOut(country string, changes []slo.Change) []string {
	if country != "" {
		return nil
	}
	var ids []string
	for _, ch := range changes {
		for _, id := range []string{ch.From.Calendar, ch.To.Calendar} {
			if cc := e.calendars.byCountry[id]; cc != nil && cc.optional && ch.Effect != nil && ch.Effect.Kind != slo.Unchanged && !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	slices.Sort(ids)
	return ids
}

// describeEffects says how the deadlines move for an account in zone (with
// the holidays of country, when given) over the first year from start, for
// example "for an account in America/New_York, over its first year from
// 2026-09-01, P3 and P4 (on business instead of looker-24x5) can be due up
// to 64h later". Priorities whose deadlines move alike share a clause.
// leftOut names the calendars whose holidays the effects leave out, the
// contract giving no country: the description says so.
func describeEffects(zone, country string, leftOut []string, start time.Time, changes []slo.Change) string {
	var clauses []string
	var groups [][]string // the priorities of each clause
	for _, ch := range changes {
		if ch.Effect == nil || ch.Effect.Kind == slo.Unchanged {
			continue
		}
		clause := effectClause(ch)
		if i := slices.Index(clauses, clause); i >= 0 {
			groups[i] = append(groups[i], ch.Priority.String())
			continue
		}
		clauses = append(clauses, clause)
		groups = append(groups, []string{ch.Priority.String()})
	}
	head := "for an account in " + zone
	if country != "" {
		head += " with the holidays of " + country
	}
	if len(leftOut) > 0 {
		head += ", public holidays left out (" + joinAnd(leftOut) + " would close on the account's country's holidays, and the contract gives no country)"
	}
	head += ", over its first year from " + whenText(start) + ", "
	if len(clauses) == 0 {
		return head + "no deadline moves"
	}
	for i := range clauses {
		clauses[i] = joinAnd(groups[i]) + clauses[i]
	}
	if len(clauses) == 1 {
		return head + clauses[0]
	}
	return head + strings.Join(clauses[:len(clauses)-1], ", ") + ", and " + clauses[len(clauses)-1]
}

// effectClause says how the deadlines of one priority move, for example
// " (on business instead of looker-24x5) can be due up to 64h later".
func effectClause(ch slo.Change) string {
	eff := ch.Effect
	var moves string
	switch eff.Kind {
	case slo.Improved:
		moves = " can be due up to " + slo.FormatDuration(-eff.Min) + " earlier"
	case slo.Degraded:
		moves = " can be due up to " + slo.FormatDuration(eff.Max) + " later"
	default:
		moves = " can be due up to " + slo.FormatDuration(-eff.Min) + " earlier or up to " + slo.FormatDuration(eff.Max) + " later"
	}
	if ch.From.Calendar != ch.To.Calendar {
		return " (on " + ch.To.Calendar + " instead of " + ch.From.Calendar + ")" + moves
	}
	return moves
}

// neverLater reports whether no change moves a deadline later.
func neverLater(changes []slo.Change) bool {
	for _, ch := range changes {
		if ch.Effect != nil && ch.Effect.Max > 0 {
			return false
		}
	}
	return true
}
