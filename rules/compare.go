package rules

import (
	"fmt"
	"time"

	"github.com/tiercel/tiercel/fault"
	"github.com/tiercel/tiercel/slo"
)

// ErrInvalidScope is returned by CompareIn for a window that is empty or
// inverted.
var ErrInvalidScope = fault.New(fault.BadRequest, "invalid scope")

// Compare reports how the response targets change when an account moves from
// one tier to another: one slo.Change per priority that either tier has, in
// order P1..P4. Kind compares the response time only (a change of calendar
// alone is "unchanged"). Compare reads the tiers' tables; rules that depend on
// a case are not applied. Both arguments may be ids or aliases. Effect is
// nil: CompareIn computes it.
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

// Scope is the account CompareIn compares deadlines for, and the openings it
// considers.
type Scope struct {
	Zone    string    // the account's IANA zone, for calendars with zone: account; "" for none (the window is read in UTC)
	Country string    // the account's holiday country, for calendars with holidays: [account]
	From    time.Time // the first opening considered
	To      time.Time // openings before To are considered: the window is [From, To)
}

// CompareIn reports, like Compare, how the response targets change when an
// account moves from one tier to another, and for each priority both tiers
// have, the Effect of the move on the deadlines this account would see: for
// every opening instant in the scope's window, to the nanosecond, how much
// earlier or later the case is due on the new tier, on the calendars as
// they run for the account (its zone, its holidays). Kind stays the
// nominal one; Effect.Kind says whether deadlines are in fact never later,
// never earlier, both or unchanged. A target the move adds or removes has
// no Effect.
//
// CompareIn reads the tiers' tables, as Compare does: rules that depend on
// a case are not applied. Errors: ErrUnknownTier, ErrInvalidScope for a
// window that is empty or inverted, ErrZoneRequired when a calendar runs in
// the account's zone and the scope gives none, ErrCountryRequired when a
// calendar closes on the account's country's holidays and the scope gives
// none, ErrInvalidZone. CompareIn is safe for concurrent use.
func (e *Engine) CompareIn(from, to string, s Scope) ([]slo.Change, error) {
	changes, err := e.Compare(from, to)
	if err != nil {
		return nil, err
	}
	if !s.To.After(s.From) {
		return nil, fmt.Errorf("%w: the window from %s to %s is empty", ErrInvalidScope,
			s.From.Format(time.RFC3339), s.To.Format(time.RFC3339))
	}
	zone, err := accountZone(s.Zone)
	if err != nil {
		return nil, err
	}
	if err := e.fillEffects(changes, &s, zone, nil); err != nil {
		return nil, err
	}
	return changes, nil
}

// effectMemo remembers the effects already computed for one scope, by pair
// of targets: the targets of several priorities or tiers often move between
// the same two clocks.
type effectMemo []knownEffect

// knownEffect is the effect of moving from one target to another.
type knownEffect struct {
	from, to slo.Target
	effect   slo.Effect
}

// fillEffects sets the Effect of every change of changes but added and
// removed targets, for the account and window of s, s.Zone resolved once
// as zone (nil for none: the window is read in UTC); memo, when not nil,
// holds effects already computed for the same scope and learns the new
// ones. s.To must be after s.From.
func (e *Engine) fillEffects(changes []slo.Change, s *Scope, zone *time.Location, memo *effectMemo) error {
	loc := shownIn(zone, nil)
	start, end := s.From.In(loc), s.To.In(loc)
	for i := range changes {
		ch := &changes[i]
		if ch.Kind == slo.Added || ch.Kind == slo.Removed {
			continue
		}
		eff, err := e.effect(ch, zone, s.Country, start, end, memo)
		if err != nil {
			return err
		}
		ch.Effect = &eff
	}
	return nil
}

// effect computes the Effect of one change over [start, end) for an
// account in zone and country, or finds it in memo.
func (e *Engine) effect(ch *slo.Change, zone *time.Location, country string, start, end time.Time, memo *effectMemo) (slo.Effect, error) {
	return effectBetween(e, e, ch, zone, country, start, end, memo)
}

// effectBetween computes the Effect of one change over [start, end) with
// ch.From on the calendars of the engine old and ch.To on those of new (one
// engine for CompareIn, two for Diff), or finds it in memo, which must only
// hold effects of the same two engines and scope.
func effectBetween(old, new *Engine, ch *slo.Change, zone *time.Location, country string, start, end time.Time, memo *effectMemo) (slo.Effect, error) {
	if memo != nil {
		for _, m := range *memo {
			if m.from == ch.From && m.to == ch.To {
				return m.effect, nil
			}
		}
	}
	a, err := old.clock(ch.From, zone, country)
	if err != nil {
		return slo.Effect{}, err
	}
	b, err := new.clock(ch.To, zone, country)
	if err != nil {
		return slo.Effect{}, err
	}
	eff, err := slo.EffectIn(a, b, start, end)
	if err != nil {
		return slo.Effect{}, fmt.Errorf("%w: %s: %w", ErrInvalidScope, ch.Priority, err)
	}
	if memo != nil {
		*memo = append(*memo, knownEffect{ch.From, ch.To, eff})
	}
	return eff, nil
}

// clock binds target t to its calendar as it runs for an account in zone
// (nil for none) and country.
func (e *Engine) clock(t slo.Target, zone *time.Location, country string) (slo.Clock, error) {
	cal, _, err := e.calendars.forAccount(t.Calendar, zone, country)
	if err != nil {
		return slo.Clock{}, err
	}
	return slo.Clock{Calendar: cal, Within: t.Within}, nil
}
