// Package slo holds the pieces of a support contract's response-time
// objectives: case priorities, targets, their comparison between tiers, and
// the calendars on which support clocks run.
package slo
