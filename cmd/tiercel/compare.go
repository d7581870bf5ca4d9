package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/picture"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

var compareCommand = &command{
	name:     "compare",
	synopsis: "FROM TO",
	summary:  "how each priority's response target changes between two tiers",
	help: `Compare shows, for each priority either tier has, the response target of
tier FROM and of tier TO and whether it is improved, degraded or unchanged
(the response time decides: a change of calendar alone is unchanged). Tiers
may be ids or aliases.

With --from and --to, compare also shows the effective change for one
account: for every instant a case could be opened in the window [--from,
--to), to the nanosecond, how much earlier or later its response is due on
TO than on FROM, on the calendars as they run for the account (--zone, and
--country for calendars closed on the account's holidays). EFFECT reads
"degraded (0, +64h)": never earlier, up to 64h later; mixed means sometimes
earlier and sometimes later. LATER and EARLIER are the shares of the window
in which an opening is due later or earlier; MAX-AT and MIN-AT are the first
openings at which the delay and the advance are largest, exactly: "just
after 09:00" is the first nanosecond after it, where a deadline moves when
at 09:00 itself it does not (--output json gives them and the shares to
the nanosecond). Dates (2026-03-01) mean their first instant in --zone
(UTC without --zone); instants may also be RFC 3339 or local times
(2026-03-01T09:00). --zone is required when a calendar runs in the
account's zone.

--svg FILE also writes a picture: for each priority, a week of opening
times (7 days x 24 hours in --zone) coloured by the most a response moves,
later or earlier, for cases opened in that hour anywhere in the window
(tiercel compare looker-premier enhanced --zone America/New_York --from
2026-03-01 --to 2027-03-01 --svg effect.svg). The window is then at most 10
years.`,
	example: `tiercel compare looker-premier standard
tiercel compare looker-premier enhanced --zone America/New_York --from 2026-03-01 --to 2027-03-01
tiercel compare looker-premier enhanced --zone Asia/Tokyo --country jp --from 2026-03-01 --to 2027-03-01 --output json`,
	setup: func(fs *flag.FlagSet) func(*cli, []string) error {
		var o scopeFlags
		fs.StringVar(&o.zone, "zone", "", "the account's IANA time `zone`, e.g. America/New_York (with --from and --to)")
		fs.StringVar(&o.country, "country", "", "the account's `country` (e.g. us), whose public holidays close calendars with holidays: [account]")
		fs.StringVar(&o.from, "from", "", "the first opening of the window, a `date` (its first instant in --zone) or RFC 3339")
		fs.StringVar(&o.to, "to", "", "the end of the window, excluded, a `date` (its first instant in --zone) or RFC 3339")
		fs.StringVar(&o.svg, "svg", "", "also write the week grid of the window's effect to `FILE` (SVG)")
		return func(c *cli, args []string) error {
			if len(args) != 2 {
				return usagef("want two tiers, FROM and TO; got %s", plural(len(args), "argument"))
			}
			scope, err := o.scope()
			if err != nil {
				return err
			}
			return c.compare(args[0], args[1], scope, o.svg)
		}
	},
}

// scopeFlags are the flags that ask compare for the effective change.
type scopeFlags struct{ zone, country, from, to, svg string }

// maxGridWindow bounds the window --svg draws: the grid decides every hour
// of it.
const maxGridWindow = 10 * 366 * 24 * time.Hour

// scope returns the account and window the flags give, or nil when they
// ask for the nominal comparison only.
func (o *scopeFlags) scope() (*rules.Scope, error) {
	if o.from == "" && o.to == "" {
		for _, f := range []flagValue{{"zone", o.zone}, {"country", o.country}, {"svg", o.svg}} {
			if f.v != "" {
				return nil, usagef("--%s needs a window: give --from and --to too", f.name)
			}
		}
		return nil, nil
	}
	if o.from == "" || o.to == "" {
		return nil, usagef("--from and --to go together: give both, or neither")
	}
	loc, err := loadZone(o.zone)
	if err != nil {
		return nil, err
	}
	s := &rules.Scope{Zone: o.zone, Country: o.country}
	if s.From, err = parseInstant("from", o.from, loc); err != nil {
		return nil, err
	}
	if s.To, err = parseInstant("to", o.to, loc); err != nil {
		return nil, err
	}
	if !s.To.After(s.From) {
		return nil, usagef("--to %s is not after --from %s: the window is empty", formatInstant(s.To), formatInstant(s.From))
	}
	if o.svg != "" && s.To.Sub(s.From) > maxGridWindow {
		return nil, usagef("--svg: the window from %s to %s is longer than 10 years", formatInstant(s.From), formatInstant(s.To))
	}
	return s, nil
}

// extremeAt returns the first openings at which eff's advance and delay
// are largest, each with whether the deadline moves that way at all (an
// opening at 0001-01-01T00:00:00Z, a --from, is an opening like any other).
func extremeAt(eff *slo.Effect) (minAt time.Time, advances bool, maxAt time.Time, delays bool) {
	return eff.MinAt, eff.Min < 0, eff.MaxAt, eff.Max > 0
}

// extremeText is the instant of an extreme as the table shows it: to the
// second when it is a whole second, "just after" the second when it is
// the nanosecond after it (the extreme is reached just after a calendar
// opens or closes, not at that instant), else to the nanosecond; "-" for
// none (not given).
func extremeText(t time.Time, given bool) string {
	switch {
	case !given:
		return "-"
	case t.Nanosecond() == 0:
		return t.Format(time.RFC3339)
	case t.Nanosecond() == 1:
		return "just after " + t.Add(-time.Nanosecond).Format(time.RFC3339)
	}
	return t.Format(time.RFC3339Nano)
}

func targetOrNone(t slo.Target) string {
	if t.Within == 0 && t.Calendar == "" {
		return "-"
	}
	return t.String()
}

func (c *cli) compare(from, to string, scope *rules.Scope, svg string) error {
	e, err := c.engine()
	if err != nil {
		return err
	}
	var changes []slo.Change
	if scope == nil {
		changes, err = e.Compare(from, to)
	} else {
		changes, err = e.CompareIn(from, to, *scope)
	}
	if err != nil {
		return scopeError(from, to, err)
	}
	if svg != "" {
		if err := writeGrid(e, from, to, *scope, svg); err != nil {
			return err
		}
	}
	if c.json() {
		return c.writeJSON(answer.NewCompare(from, to, scope, changes))
	}
	t := c.table()
	if scope == nil {
		t.row("PRIORITY", "FROM", "TO", "CHANGE")
		for _, ch := range changes {
			t.row(ch.Priority.String(), targetOrNone(ch.From), targetOrNone(ch.To), ch.Kind.String())
		}
		t.flush()
		return nil
	}
	window := scope.To.Sub(scope.From)
	t.row("PRIORITY", "FROM", "TO", "CHANGE", "EFFECT", "LATER", "EARLIER", "MAX-AT", "MIN-AT")
	for _, ch := range changes {
		cells := []string{ch.Priority.String(), targetOrNone(ch.From), targetOrNone(ch.To), ch.Kind.String()}
		if eff := ch.Effect; eff != nil {
			minAt, advances, maxAt, delays := extremeAt(eff)
			cells = append(cells, eff.String(), picture.Share(eff.Later, window), picture.Share(eff.Earlier, window), extremeText(maxAt, delays), extremeText(minAt, advances))
		} else {
			cells = append(cells, "-", "-", "-", "-", "-")
		}
		t.row(cells...)
	}
	t.flush()
	fmt.Fprintf(c.stdout, "\nEffect over the cases opened from %s to %s%s.\n", formatInstant(scope.From), formatInstant(scope.To), account(scope.Zone, scope.Country))
	return nil
}

// account describes the account an effect is computed for, for a sentence.
func account(zone, country string) string {
	switch {
	case zone != "" && country != "":
		return fmt.Sprintf(" by an account in %s with the holidays of %s", zone, country)
	case zone != "":
		return " by an account in " + zone
	case country != "":
		return " by an account with the holidays of " + country
	}
	return ""
}

// scopeError rewords the errors CompareIn returns because of the flags so
// that they name the flag to give. A zone or country required stays
// undecidable (exit status 4), as on every command; the others are usage
// errors.
func scopeError(from, to string, err error) error {
	switch {
	case errors.Is(err, rules.ErrZoneRequired):
		return reworded{fmt.Sprintf("--zone is required: a calendar of %s or %s runs in the account's zone (e.g. --zone America/New_York)", from, to), err}
	case errors.Is(err, rules.ErrCountryRequired):
		return reworded{fmt.Sprintf("--country is required: a calendar of %s or %s closes on the account's public holidays (e.g. --country us)", from, to), err}
	case errors.Is(err, rules.ErrInvalidCase):
		return usagef("--country: %v", err)
	case errors.Is(err, rules.ErrInvalidScope):
		return usagef("%v", err)
	}
	return err
}

// writeGrid draws the week grid of the move's effect over scope to the
// file at path.
func writeGrid(e *rules.Engine, from, to string, scope rules.Scope, path string) error {
	week, err := picture.MeasureWeek(e, from, to, scope)
	if err != nil {
		return scopeError(from, to, err)
	}
	return writePicture(path, func(w io.Writer) error { return picture.WeekGrid(w, week) })
}
