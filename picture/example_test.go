package picture_test

import (
	"bytes"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/tiercel/tiercel/picture"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// Draw the week grid that `tiercel compare looker-premier enhanced
// --zone America/New_York --from 2026-03-02 --to 2026-03-16 --svg FILE`
// draws: measure the move hour by hour, then draw it.
func ExampleWeekGrid() {
	ny, err := slo.LoadZone("America/New_York")
	if err != nil {
		log.Fatal(err)
	}
	scope := rules.Scope{Zone: "America/New_York", From: time.Date(2026, 3, 2, 0, 0, 0, 0, ny), To: time.Date(2026, 3, 16, 0, 0, 0, 0, ny)}
	week, err := picture.MeasureWeek(rules.Default(), "looker-premier", "enhanced", scope)
	if err != nil {
		log.Fatal(err)
	}
	p3 := week.Grids[2]
	friday10 := p3.Cells[picture.DayIndex(time.Friday)][10]
	fmt.Printf("%s opened Friday 10:00: %s to %s later\n", p3.Priority, friday10.Min, friday10.Max)

	var svg bytes.Buffer // a file, in a program
	if err := picture.WeekGrid(&svg, week); err != nil {
		log.Fatal(err)
	}
	fmt.Println(strings.Count(svg.String(), `class="cell"`), "cells")
	// Output:
	// P3 opened Friday 10:00: 63h0m0s to 64h0m0s later
	// 672 cells
}

// Measure what moving an account in New York from Looker Premier to
// Enhanced does, hour of the week by hour of the week, over a year with US
// holidays: most P3 cases opened on a Friday at 10:00 are due later, but a
// holiday makes some due earlier.
func ExampleMeasureWeek() {
	ny, err := slo.LoadZone("America/New_York")
	if err != nil {
		log.Fatal(err)
	}
	scope := rules.Scope{Zone: "America/New_York", Country: "us",
		From: time.Date(2026, 3, 1, 0, 0, 0, 0, ny), To: time.Date(2027, 3, 1, 0, 0, 0, 0, ny)}
	week, err := picture.MeasureWeek(rules.Default(), "looker-premier", "enhanced", scope)
	if err != nil {
		log.Fatal(err)
	}
	c := week.Grids[2].Cells[picture.DayIndex(time.Friday)][10]
	fmt.Printf("P3 Friday 10:00: %s openings, mostly %s: %s later (up to %s), %s earlier (up to %s)\n",
		c.Openings, c.Most(), picture.Share(c.Later, c.Openings), slo.FormatDuration(c.Max),
		picture.Share(c.Earlier, c.Openings), slo.FormatDuration(-c.Min))
	// Output:
	// P3 Friday 10:00: 52h0m0s openings, mostly later: 96% later (up to 88h), 4% earlier (up to 18h)
}

// Draw the clocks of a case, as `tiercel timeline --svg FILE` does:
// compute its timeline, then draw it in the zone the timeline gives.
func ExampleTimeline() {
	berlin, err := slo.LoadZone("Europe/Berlin")
	if err != nil {
		log.Fatal(err)
	}
	at := func(day, hour int) time.Time { return time.Date(2026, 3, day, hour, 0, 0, 0, berlin) }
	e := rules.Default()
	c := rules.Case{Tier: "standard", Priority: slo.P3, Opened: at(5, 10), Zone: "Europe/Berlin"}
	events := []rules.Event{
		{At: at(5, 11), Type: rules.EventMessage, By: "agent"},
		{At: at(5, 15), Type: rules.EventMessage, By: "customer"},
	}
	tl, err := e.Timeline(c, events, at(6, 12))
	if err != nil {
		log.Fatal(err)
	}
	tier, err := e.Tier(c.Tier)
	if err != nil {
		log.Fatal(err)
	}
	var svg bytes.Buffer // a file, in a program
	err = picture.Timeline(&svg, tl, picture.TimelineCase{Case: c, Events: events, TierName: tier.Name})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("bars:", strings.Count(svg.String(), `<g class="cycle"`), "event marks:", strings.Count(svg.String(), `<g class="event"`))
	fmt.Println(tl.Metrics[0].Metric, tl.Metrics[0].Cycles[0].State)
	// Output:
	// bars: 1 event marks: 2
	// response achieved
}

// Draw what a catalog change does to recorded cases, as `tiercel impact
// --svg FILE` does: replay the histories with rules.Impact, then draw the
// report.
func ExampleImpact() {
	older, err := rules.Compile("old.yaml", []byte("tiers:\n  std: {name: Standard, response: {P2: 4h 24x7}}\n"))
	if err != nil {
		log.Fatal(err)
	}
	newer, err := rules.Compile("new.yaml", []byte("tiers:\n  std: {name: Standard, response: {P2: 2h 24x7}}\n"))
	if err != nil {
		log.Fatal(err)
	}
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	histories := []rules.History{{Case: rules.Case{Tier: "std", Priority: slo.P2, Opened: at}, Now: new(at.Add(3 * time.Hour))}}
	r, err := rules.Impact(older, newer, histories, time.Time{})
	if err != nil {
		log.Fatal(err)
	}
	var svg bytes.Buffer // a file, in a program
	if err := picture.Impact(&svg, &r, "P2 in 2h"); err != nil {
		log.Fatal(err)
	}
	fmt.Println(strings.Count(svg.String(), `class="shift"`), "bars")
	fmt.Println(strings.Contains(svg.String(), "<title>response, 1h-8h earlier: 1</title>"))
	// Output:
	// 11 bars
	// true
}
