package rules

import (
	"time"

	"github.com/tiercel/tiercel/slo"
)

// Case is a support case to decide on. It is an input: the engine never
// reads the wall clock, so the same Case always gives the same Deadline.
type Case struct {
	Tier     string         // tier id or alias
	Priority slo.Priority   // P1..P4
	Opened   time.Time      // when the case was opened; required: the zero value is the instant 0001-01-01T00:00:00Z, not "unset"
	Zone     string         // the account's IANA zone: calendars with zone: account run in it, results are given in it; "" for none (see Deadline.Location)
	Language string         // language of the case, e.g. "ja"; visible to CEL as case.language
	Account  string         // account id; visible to CEL as case.account and account.id
	Country  string         // the account's country (ISO code, e.g. "us"), for calendars with holidays: [account] (required) or [account-if-any]
	Attrs    map[string]any // extra facts, visible to CEL as case.attrs
	Now      *time.Time     // instant of the decision, CEL's now; nil means Opened (e.g. Now: new(at)); Status and Timeline take theirs as an argument
	Pauses   []slo.Interval // intervals during which the clock was stopped (waiting on the customer)
}

// now returns the instant of a decision about the case: Now, or Opened
// when Now is nil. Every time.Time is an instant: the zero one is
// 0001-01-01T00:00:00Z, so absence is the nil pointer.
func (c *Case) now() time.Time {
	if c.Now == nil {
		return c.Opened
	}
	return *c.Now
}

// resolveZone resolves the case's zone, once per decision, for the
// calendars and the results to use: nil when the case names none, else its
// location, or an error wrapping ErrInvalidZone (see accountZone).
func (c *Case) resolveZone() (*time.Location, error) { return accountZone(c.Zone) }

// shownIn returns the location a decision gives its instants in (the
// Location of Deadline and Timeline): the case's zone when it names one
// (zone, from resolveZone); else the own zone of cal, the calendar the
// clock ran on (nil for none); else UTC. This is the one place the rule
// is written.
func shownIn(zone *time.Location, cal *slo.Calendar) *time.Location {
	if zone != nil {
		return zone
	}
	if cal != nil {
		if l := cal.Location(); l != nil {
			return l
		}
	}
	return time.UTC
}

// cel fills the case and its account as CEL sees them, for a case of the
// tier tierID ("" when the case names none). An invalid priority is left
// empty: callers that need one check it first.
func (c *Case) cel(tierID string, kase *celCase, account *celAccount) {
	*kase = celCase{
		Tier: tierID, Opened: c.Opened, Zone: c.Zone,
		Language: c.Language, Account: c.Account, Country: c.Country, Attrs: attrs(c.Attrs), given: true,
	}
	if c.Priority.Valid() {
		kase.Priority = c.Priority.String()
	}
	*account = celAccount{ID: c.Account, Zone: c.Zone, Country: c.Country}
}
