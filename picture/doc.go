// Package picture draws what tiercel computes as standalone SVG documents,
// the pictures the tiercel command writes with --svg, so that a Go program
// can draw exactly what the command draws.
//
// Three pictures are drawn:
//
//   - The week grid of a move between two tiers (compare --svg): for each
//     priority, 7 days by 24 hours of opening time in the account's zone,
//     each cell coloured by what most openings of that hour do to their
//     response deadline over a window. MeasureWeek computes it from an
//     Engine with Engine.CompareIn, hour by hour of the wall clock, and
//     WeekGrid draws it.
//   - The clocks of a case (timeline --svg): one bar per cycle of each
//     metric on a time axis from the opening to now, with pauses, breaches,
//     due and warning marks and the events. Timeline draws a
//     rules.Timeline.
//   - What a catalog change does to recorded cases (impact --svg): for each
//     metric, the distribution of the due shifts of its cycles, from a week
//     or more earlier to a week or more later. Impact draws a
//     rules.ImpactReport.
//
// All share one canvas and one escaping of text: names and labels from a
// catalog or a case file are escaped, and the documents are well-formed
// XML whatever they hold. The drawing functions only write; their one
// error is the writer's. They are safe for concurrent use on distinct
// writers.
package picture
