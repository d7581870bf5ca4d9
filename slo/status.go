package slo

import "time"

// Warning is one threshold of a running target: the instant At when
// Fraction percent of the allowed open time has passed, and whether it has
// been Reached by the status's now.
type Warning struct {
	Fraction int // percent of the target: 50, 75 or 100
	At       time.Time
	Reached  bool
}

// WarningFractions are the thresholds Status reports, in percent.
var WarningFractions = [3]int{50, 75, 100}

// Status describes a running target at an instant now.
type Status struct {
	Due       time.Time     // when within of open time has passed: Add(start, within)
	Elapsed   time.Duration // open time from start to now (0 if now is before start)
	Remaining time.Duration // within - Elapsed; negative once more than within has elapsed
	Breached  bool          // now is after Due
	Warnings  []Warning     // one per WarningFractions entry, in that order
}

// Status reports the state at now of a target of within open time that
// started at start, with the clock stopped during pauses.
func (c *Calendar) Status(start time.Time, within time.Duration, now time.Time, pauses ...Interval) Status {
	s := Status{Due: c.Add(start, within, pauses...)}
	if now.After(start) {
		s.Elapsed = c.Elapsed(start, now, pauses...)
	}
	s.Remaining = within - s.Elapsed
	s.Breached = now.After(s.Due)
	s.Warnings = make([]Warning, len(WarningFractions))
	for i, f := range WarningFractions {
		at := c.Add(start, within/100*time.Duration(f)+within%100*time.Duration(f)/100, pauses...)
		s.Warnings[i] = Warning{Fraction: f, At: at, Reached: !now.Before(at)}
	}
	return s
}
