package rules_test

import (
	"fmt"
	"time"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

func ExampleCompile() {
	src := []byte(`
calendars:
  office:
    zone: Europe/Paris
    hours:
      mon-fri: "08:00-12:00, 13:00-17:00"
    holidays: [fr]
tiers:
  gold:
    name: Gold
    response: {P1: 30m 24x7, P2: 4h office}
`)
	e, err := rules.Compile("gold.yaml", src)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(e.Tiers(), e.Calendars())

	// A mistake is reported with its file, line, column and YAML path.
	_, err = rules.Compile("bad.yaml", []byte("tiers:\n  gold:\n    name: Gold\n    response: {P1: 30m moon}\n"))
	fmt.Println(err)
	// Output:
	// [gold] [24x7 office]
	// bad.yaml:4:20: tiers.gold.response.P1: unknown calendar "moon"
}

func ExampleDefault() {
	e := rules.Default()
	for _, id := range e.Tiers() {
		t, _ := e.Tier(id)
		fmt.Printf("%-15s %-24s P1 %s\n", id, t.Name, t.Targets["response"][slo.P1])
	}
	// Output:
	// standard        Standard Support         P1 4h business
	// enhanced        Enhanced Support         P1 1h 24x7
	// premium         Premium Support          P1 15m 24x7
	// looker-premier  Looker Premier Support   P1 1h looker-24x5
}

func ExampleEngine_Deadline() {
	e := rules.Default()
	ny, _ := time.LoadLocation("America/New_York")
	// A P3 case opened on Friday afternoon, on Enhanced: 8 business hours in
	// the account's zone, so the clock stops for the weekend.
	d, err := e.Deadline(rules.Case{
		Tier:     "advanced", // an alias of enhanced
		Priority: slo.P3,
		Opened:   time.Date(2026, 11, 27, 15, 0, 0, 0, ny),
		Zone:     "America/New_York",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Due.Format(time.RFC1123))
	fmt.Println(d.Target, "decided by", d.Rule)
	// Output:
	// Mon, 30 Nov 2026 15:00:00 EST
	// 8h business decided by tiers.enhanced.response.P3
}

func ExampleEngine_Compare() {
	changes, err := rules.Default().Compare("looker-premier", "standard")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range changes {
		fmt.Printf("%s  %-16s -> %-12s %s\n", c.Priority, c.From, c.To, c.Kind)
	}
	// Output:
	// P1  1h looker-24x5   -> 4h business  degraded
	// P2  4h looker-24x5   -> 4h business  unchanged
	// P3  8h looker-24x5   -> 8h business  unchanged
	// P4  8h looker-24x5   -> 8h business  unchanged
}

// A catalog declares a metric of its own, Zendesk's requester wait time,
// paused while the case is pending; a tier gives it a target and Timeline
// runs its clock after the built-in metrics.
func ExampleEngine_Metrics() {
	e, err := rules.Compile("zd.yaml", []byte(`
tiers:
  zd:
    name: Zendesk
    response: {P1: 1h 24x7}
    requester_wait_time: {P1: 8h 24x7}
lifecycle:
  metrics:
    requester_wait_time:
      start: "event.type == 'open'"
      stop: "event.status == 'solved'"
      pause: "event.status == 'pending'"
      resume: "event.status != 'pending'"
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(e.Metrics())
	opened := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	tl, err := e.Timeline(rules.Case{Tier: "zd", Priority: slo.P1, Opened: opened}, []rules.Event{
		{At: opened.Add(time.Hour), Type: rules.EventMessage, By: rules.ByAgent, Status: "pending"},
		{At: opened.Add(3 * time.Hour), Type: rules.EventMessage, By: rules.ByCustomer, Status: "open"},
	}, opened.Add(4*time.Hour))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range tl.Metrics {
		c := m.Cycles[0]
		fmt.Println(m.Metric, c.State, c.Elapsed, c.Paused, c.Due.Format(time.Kitchen))
	}
	// Output:
	// [response nextReply update resolution requester_wait_time]
	// response achieved 1h0m0s 0s 10:00AM
	// requester_wait_time running 2h0m0s 2h0m0s 7:00PM
}

// A decision gives its instants in one location, resolved once: the case's
// zone, else the own zone of the calendar that counted, else UTC. Print
// them as they come, without loading a zone again.
func ExampleDeadline_location() {
	e := rules.Default()
	opened := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	for _, c := range []rules.Case{
		{Tier: "enhanced", Priority: slo.P1, Opened: opened, Zone: "Asia/Tokyo"}, // the case's zone
		{Tier: "looker-premier", Priority: slo.P1, Opened: opened},               // Looker's Pacific calendar
		{Tier: "enhanced", Priority: slo.P1, Opened: opened},                     // 24x7 and no zone
	} {
		d, err := e.Deadline(c)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(d.Location, d.Due.Format(time.RFC3339))
	}
	// Output:
	// Asia/Tokyo 2026-03-02T20:00:00+09:00
	// America/Los_Angeles 2026-03-02T03:00:00-08:00
	// UTC 2026-03-02T11:00:00Z
}

func ExampleEngine_Status() {
	ny, err := slo.LoadZone("America/New_York")
	if err != nil {
		fmt.Println(err)
		return
	}
	// A P3 case on Standard opened on Friday afternoon, looked at on Monday
	// at noon: 8 business hours, the weekend does not count.
	c := rules.Case{
		Tier:     "standard",
		Priority: slo.P3,
		Opened:   time.Date(2026, 11, 27, 15, 0, 0, 0, ny),
		Zone:     "America/New_York",
	}
	p, err := rules.Default().Status(c, time.Date(2026, 11, 30, 12, 0, 0, 0, ny))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Deadline.Target, "decided by", p.Deadline.Rule)
	fmt.Println("elapsed", p.Status.Elapsed, "remaining", p.Status.Remaining, "breached", p.Status.Breached)
	for _, w := range p.Status.Warnings {
		fmt.Printf("%3d%% at %s reached: %t\n", w.Fraction, w.At.Format("Mon 15:04 MST"), w.Reached)
	}
	// Output:
	// 8h business decided by tiers.standard.response.P3
	// elapsed 5h0m0s remaining 3h0m0s breached false
	//  50% at Mon 11:00 EST reached: true
	//  75% at Mon 13:00 EST reached: false
	// 100% at Mon 15:00 EST reached: false
}
