package slo

import (
	"cmp"
	"errors"

	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tiercel/tiercel/fault"
)

// ErrInvalidCalendar is wrapped by every error NewCalendar returns.
var ErrInvalidCalendar = fault.New(fault.BadRequest, "invalid calendar")

// AlwaysOpenName is the name of the built-in always-open calendar.
const AlwaysOpenName = "24x7"

// AccountZone is the Zone value (like "") that makes a calendar take its
// time zone from the start instant's Location at evaluation time.
const AccountZone = "account"

// CalendarSpec defines a calendar for NewCalendar. The zero value is not a
// valid definition: it is never open.
type CalendarSpec struct {
	Name string // the calendar's name, e.g. "business"; letters, digits, '-', '_', '.'

	// Zone is the IANA time zone of the opening hours, such as
	// "America/New_York". "" or "account" means the zone of the instants the
	// calendar is given: Add, Elapsed and the other methods then use
	// start.Location().
	Zone string

	// AlwaysOpen makes a 24x7 calendar: the clock always runs, in real
	// elapsed time. Week, Holidays and Closed must then be empty.
	AlwaysOpen bool

	// Week holds the local wall-clock opening hours of each weekday.
	Week Week

	// Holidays lists country codes (see HolidayCountries) whose public
	// holidays are closed all day: both the holiday's actual date and, when
	// it falls on a weekend, the weekday on which the country observes it
	// (US Independence Day on Saturday 2026-07-04 closes Friday 2026-07-03
	// as well as the Saturday).
	Holidays []string

	// Closed lists extra dates closed all day, in the calendar's zone.
	Closed []Date
}

// Calendar says when a support clock runs: always (24x7), or during weekly
// opening hours in the local time of a zone, except on public holidays and
// closed dates. It measures open time between instants (Elapsed) and finds
// the instant a given open time has passed (Add).
//
// A Calendar is immutable and safe for concurrent use. The zero value is not
// usable; build one with NewCalendar or AlwaysOpen.
type Calendar struct {
	name   string
	zone   string         // as normalized: AccountZone or an IANA name
	loc    *time.Location // nil for the account's zone
	always bool

	week     Week              // normalized: sorted, merged spans
	dayTotal [7]time.Duration  // open time of each weekday
	weekly   time.Duration     // sum of dayTotal
	cycle    [15]time.Duration // cycle[i] = sum of dayTotal[j%7] for j < i

	holidays []string // normalized country codes, sorted
	closed   []Date   // extra closed dates, sorted

	// off lists the closed days (day numbers, sorted, unique) that would
	// otherwise have opening hours; offCum[i] is the open time lost on
	// off[:i].
	off    []int64
	offCum []time.Duration
}

var alwaysOpen = &Calendar{name: AlwaysOpenName, zone: AccountZone, always: true}

// AlwaysOpen returns the built-in 24x7 calendar, named AlwaysOpenName: its
// clock always runs, in real elapsed time, holidays included.
func AlwaysOpen() *Calendar { return alwaysOpen }

// NewCalendar validates spec and builds its calendar. It fails, with an
// error wrapping ErrInvalidCalendar, on a bad name, a zone LoadZone refuses
// (also wrapping ErrUnknownZone), an unknown holiday country (also wrapping
// ErrUnknownCountry), invalid spans (negative, past 24:00, ending before
// they start, empty, overlapping or not in whole minutes; also wrapping
// ErrSpans), an invalid closed date (also wrapping ErrDate), a week that is
// never open, or an AlwaysOpen spec with hours, holidays or closed dates.
func NewCalendar(spec CalendarSpec) (*Calendar, error) {
	c, err := newCalendar(spec)
	if err != nil {
		return nil, fmt.Errorf("%w %q: %w", ErrInvalidCalendar, spec.Name, err)
	}
	return c, nil
}

// newCalendar is NewCalendar without the calendar's name in its errors.
func newCalendar(spec CalendarSpec) (*Calendar, error) {
	if err := checkName(spec.Name); err != nil {
		return nil, err
	}
	c := &Calendar{name: spec.Name, always: spec.AlwaysOpen}
	if err := c.setZone(spec.Zone); err != nil {
		return nil, err
	}
	if spec.AlwaysOpen {
		if slices.ContainsFunc(spec.Week[:], func(d []Span) bool { return len(d) > 0 }) {
			return nil, errors.New("an always-open calendar cannot have opening hours")
		}
		if len(spec.Holidays) > 0 || len(spec.Closed) > 0 {
			return nil, errors.New("an always-open calendar cannot have holidays or closed dates")
		}
		return c, nil
	}
	if err := c.setWeek(spec.Week); err != nil {
		return nil, err
	}
	if err := c.setOff(spec.Holidays, spec.Closed); err != nil {
		return nil, err
	}
	return c, nil
}

// setZone sets the calendar's zone from CalendarSpec.Zone.
func (c *Calendar) setZone(zone string) error {
	z := strings.TrimSpace(zone)
	if z == "" || strings.EqualFold(z, AccountZone) {
		c.zone = AccountZone
		return nil
	}
	loc, err := LoadZone(z)
	if err != nil {
		return fmt.Errorf("%w (or %q for the account's zone)", err, AccountZone)
	}
	c.zone, c.loc = z, loc
	return nil
}

// setWeek validates the opening hours with Week.Validate and sets them,
// merged, with the open time of each day and of the week.
func (c *Calendar) setWeek(week Week) error {
	if err := week.Validate(); err != nil {
		return fmt.Errorf("%w: %w", ErrSpans, err)
	}
	for d, spans := range week {
		c.week[d] = mergeSpans(spans)
		for _, sp := range c.week[d] {
			c.dayTotal[d] += sp.End - sp.Start
		}
		c.weekly += c.dayTotal[d]
	}
	if c.weekly == 0 {
		return errors.New("never open: no opening hours on any day")
	}
	for i := 1; i < len(c.cycle); i++ {
		c.cycle[i] = c.cycle[i-1] + c.dayTotal[(i-1)%7]
	}
	return nil
}

// setOff validates the holiday countries and closed dates and sets them,
// with the days they close that would otherwise have opening hours.
func (c *Calendar) setOff(holidays []string, closed []Date) error {
	var off []int64
	for _, code := range holidays {
		n := normalizeCountry(code)
		days, ok := countryHolidays(n)
		if !ok {
			return fmt.Errorf("%w %q (supported: %s)", ErrUnknownCountry, code, strings.Join(HolidayCountries(), ", "))
		}
		if slices.Contains(c.holidays, n) {
			return fmt.Errorf("holiday country %q listed twice", code)
		}
		c.holidays = append(c.holidays, n)
		off = append(off, days...)
	}
	slices.Sort(c.holidays)
	for _, d := range closed {
		if err := d.check(); err != nil {
			return fmt.Errorf("%w: closed date %s: %w", ErrDate, d, err)
		}
		c.closed = append(c.closed, d)
		off = append(off, d.number())
	}
	slices.SortFunc(c.closed, func(a, b Date) int { return cmp.Compare(a.number(), b.number()) })
	c.closed = slices.Compact(c.closed)
	slices.Sort(off)
	off = slices.Compact(off)
	c.off = make([]int64, 0, len(off))
	c.offCum = make([]time.Duration, 1, len(off)+1)
	for _, n := range off {
		if t := c.dayTotal[weekdayOf(n)]; t > 0 {
			c.off = append(c.off, n)
			c.offCum = append(c.offCum, c.offCum[len(c.offCum)-1]+t)
		}
	}
	return nil
}

// Name returns the calendar's name.
func (c *Calendar) Name() string { return c.name }

// Zone returns the calendar's IANA zone name, or AccountZone when the zone
// comes from the instants it is given.
func (c *Calendar) Zone() string { return c.zone }

// NeedsZone reports whether the calendar's answers depend on the zone of the
// instants it is given: its zone is the account's and it is not always
// open (24x7 counts real elapsed time, the same in every zone).
func (c *Calendar) NeedsZone() bool { return c.zone == AccountZone && !c.always }

// Location returns the calendar's time zone, or nil when the zone is the
// account's (taken from the start instant at evaluation time).
func (c *Calendar) Location() *time.Location { return c.loc }

// Spec returns a definition that rebuilds the calendar, normalized: spans
// sorted and merged, country codes lower-case and sorted, closed dates
// sorted.
func (c *Calendar) Spec() CalendarSpec {
	s := CalendarSpec{Name: c.name, Zone: c.zone, AlwaysOpen: c.always,
		Holidays: slices.Clone(c.holidays), Closed: slices.Clone(c.closed)}
	for d := range c.week {
		s.Week[d] = slices.Clone(c.week[d])
	}
	return s
}

// String returns the calendar's name.
func (c *Calendar) String() string { return c.name }

// Interval is a stretch of time [Start, End) during which the clock is
// stopped, for example while waiting on the customer. Intervals with End not
// after Start are ignored; overlapping intervals may be given in any order.
type Interval struct {
	Start, End time.Time
}
