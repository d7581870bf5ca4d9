package slo

import "time"

// IsOpen reports whether the clock runs at t.
func (c *Calendar) IsOpen(t time.Time) bool {
	return c.always
}

// Next returns the first instant at or after t when the clock runs.
func (c *Calendar) Next(t time.Time) time.Time {
	return t
}

// Add returns the instant at which d of open time has passed since start.
func (c *Calendar) Add(start time.Time, d time.Duration, pauses ...Interval) time.Time {
	return start.Add(d)
}

// Elapsed returns the open time between start and end.
func (c *Calendar) Elapsed(start, end time.Time, pauses ...Interval) time.Duration {
	return end.Sub(start)
}
