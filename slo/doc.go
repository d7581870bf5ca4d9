// Package slo holds the pieces of a support contract's response-time
// objectives: case priorities (P1 to P4), targets ("1h 24x7", "8h
// business"), their comparison between two tiers, and the calendars on
// which support clocks run, with the deadline arithmetic on them.
//
// The package is pure Go: it knows nothing of YAML or CEL. Every exported
// value is immutable once built and safe for concurrent use.
//
// # Priorities, targets and changes
//
// ParsePriority reads "P1" to "P4" in any case; Priority.Meaning gives the
// one-line business impact of each. A Target is a duration on a named
// calendar; ParseTarget and Target.String convert it from and to text such
// as "1h30m business". A target's response time is positive, a whole number
// of nanoseconds and at most MaxWithin (87600h). Compare lines up two Tables of targets priority by
// priority and classifies each change as Improved, Degraded, Unchanged,
// Added or Removed, comparing response times only.
//
// # Calendars
//
// A Calendar is either always open (AlwaysOpen, named "24x7") or defined by
// a CalendarSpec: weekly opening hours as local wall-clock Spans of an IANA
// zone (several a day, for a lunch break; a span may end at 24:00 and then
// joins a span starting at 00:00 the next day, so Sunday 17:00 to Friday
// 17:00 is one stretch), public holidays of countries (HolidayCountries,
// data from github.com/rickar/cal/v2), and extra closed dates. A calendar
// whose zone is "account" (or "") reads instants in the Location of the
// start instant it is given, so one definition serves accounts in any zone.
//
// Definitions are checked when built: NewCalendar rejects unknown zones and
// countries, spans ending before they start, past 24:00 or overlapping, and
// weeks that are never open, with errors wrapping ErrInvalidCalendar.
// Week.Validate runs the span checks alone, returning a *SpanError for each
// bad span with its day and index, and LoadZone loads (and caches) the zones
// every package of the module uses, refusing the machine's "Local" zone.
//
// # Arithmetic
//
// Calendar.Elapsed measures the open time between two instants and
// Calendar.Add finds the first instant at which a given open time has
// passed, both skipping pauses (Interval values during which the clock is
// stopped). They are exact inverses: Elapsed(s, Add(s, d)) == d for every
// d >= 0. A start outside opening hours counts from the next opening. For
// d <= 0, Add returns the instant the clock starts: Calendar.Next of start,
// moved past any pause covering it. Elapsed(a, b) is negative when b is
// before a. Calendar.Status reports a running target: time elapsed and
// remaining, whether it is breached, and when its 50%, 75% and 100% warnings
// fall.
//
// Open time is real elapsed time, even when clocks change. A 00:00-24:00 day
// lasts 23h when clocks go forward and 25h when they go back. Each span
// boundary takes effect the first time the local wall clock shows it:
//
//   - Clocks going forward skip wall-clock times; a boundary inside the gap
//     takes effect at the instant of the jump. In New York on 2026-03-08 a
//     01:30-03:00 span is open 30 minutes (01:30 to 02:00 EST, which is
//     03:00 EDT).
//   - Clocks going back repeat wall-clock times; during the repeat the wall
//     clock is taken to stand still at the reading it was set back from, so
//     the repeated stretch is open if and only if that reading is open. In
//     New York on 2026-11-01 (02:00 EDT becomes 01:00 EST) a 01:30-03:00
//     span is open 2h30m, from the first 01:30 to 03:00 EST, and a
//     00:00-01:30 span closes at the first 01:30.
//
// # Holidays
//
// Holidays close whole local days of the calendar's zone. Both the actual
// date of a holiday and the weekday its country observes it on when it
// falls on a weekend are closed: US Independence Day on Saturday 2026-07-04
// closes Friday 2026-07-03 (the observed day) and the Saturday itself (which
// matters for calendars open on weekends). Holidays are those of the years
// FirstHolidayYear (1900) to LastHolidayYear (2200), computed once per
// country on first use and shared by all calendars; outside those years a
// calendar has no public holidays, but its weekly hours and closed dates
// still apply and nothing fails.
//
// # Cost
//
// Add and Elapsed do not allocate (for up to 8 pauses) and their cost grows
// with the number of clock changes crossed (two a year in most zones), not
// with minutes, days or weeks: whole weeks count a precomputed weekly total
// and closed days are subtracted with a binary search over precomputed
// prefix sums. Adding a year of business hours (2000h) takes about a
// microsecond, about 3800 times faster than rickar/cal's AddWorkHours on the
// same calendar (BENCHMARKS.md at the module root, measured with
// go test -run '^$' -bench . -benchmem ./slo/).
package slo
