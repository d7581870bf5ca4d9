package slo

import (
	"time"

	"github.com/tiercel/tiercel/fault"
)

// ErrDurationOverflow is returned when a duration a decision reports
// (elapsed, remaining, paused or overdue time) does not fit in a
// time.Duration, about 292 years. Such a duration is refused, never capped
// at the largest Duration. Its class is fault.Limit.
var ErrDurationOverflow = fault.New(fault.Limit, "duration overflow")

// Warning is one threshold of a running target: the instant At when
// Fraction percent of the target's open time has passed, and whether now
// has Reached it (now at or after At).
type Warning struct {
	Fraction int // percent of the target: 50, 75 or 100
	At       time.Time
	Reached  bool
}

// warningFractions are the thresholds Status reports, in percent.
var warningFractions = [...]int{50, 75, 100}

// Status describes a running target at an instant now. The zero value
// describes nothing; Calendar.Status fills every field.
type Status struct {
	Due       time.Time     // when the target's open time has passed: Add(start, within, pauses...)
	Elapsed   time.Duration // open time from start to now; 0 if now is not after start
	Remaining time.Duration // within - Elapsed; negative once more than within has elapsed
	Breached  bool          // now is after Due
	Warnings  []Warning     // at 50%, 75% and 100% (Due) of within, in that order
}

// Status reports the state at now of a target of within open time started
// at start, with the clock stopped during pauses. Fractions of within are
// rounded down to the nanosecond. Status allocates only its Warnings slice.
// It fails with ErrDurationOverflow when the open time elapsed by now does
// not fit in a time.Duration (about 292 years).
func (c *Calendar) Status(start time.Time, within time.Duration, now time.Time, pauses ...Interval) (Status, error) {
	s := Status{Due: c.Add(start, within, pauses...)}
	if now.After(start) {
		e, err := c.ElapsedChecked(start, now, pauses...)
		if err != nil {
			return Status{}, err
		}
		s.Elapsed = e
	}
	s.Remaining = within - s.Elapsed
	s.Breached = now.After(s.Due)
	s.Warnings = make([]Warning, len(warningFractions))
	for i, f := range warningFractions {
		if f == 100 {
			s.Warnings[i] = Warning{Fraction: f, At: s.Due, Reached: !now.Before(s.Due)}
			continue
		}
		s.Warnings[i] = c.Warning(start, within, f, now, pauses...)
	}
	return s, nil
}

// Warning returns when percent (0 to 100) of the open time within has
// passed on c from start, the pauses excluded, and whether now has reached
// it. within×percent/100 is computed without overflow, rounded down to the
// nanosecond. Warning does not allocate.
func (c *Calendar) Warning(start time.Time, within time.Duration, percent int, now time.Time, pauses ...Interval) Warning {
	f := time.Duration(percent)
	at := c.Add(start, within/100*f+within%100*f/100, pauses...)
	return Warning{Fraction: percent, At: at, Reached: !now.Before(at)}
}
