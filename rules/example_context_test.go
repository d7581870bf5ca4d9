package rules_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

func ExampleEngine_DeadlineContext() {
	// A server decides each request under the request's deadline.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c := rules.Case{Tier: "enhanced", Priority: slo.P2, Opened: time.Date(2026, 3, 5, 10, 0, 0, 0, time.UTC)}
	d, err := rules.Default().DeadlineContext(ctx, c)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Due.Format(time.RFC3339), d.Rule)

	// A context already done stops the decision before it runs.
	done, stop := context.WithCancel(context.Background())
	stop()
	_, err = rules.Default().ReplayContext(done, []rules.Case{c}, "standard", "enhanced")
	fmt.Println(errors.Is(err, context.Canceled))
	// Output:
	// 2026-03-05T14:00:00Z tiers.enhanced.response.P2
	// true
}

func ExampleEngine_StatusContext() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	opened := time.Date(2026, 3, 5, 10, 0, 0, 0, time.UTC)
	c := rules.Case{Tier: "enhanced", Priority: slo.P2, Opened: opened}
	p, err := rules.Default().StatusContext(ctx, c, opened.Add(3*time.Hour))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(slo.FormatDuration(p.Status.Elapsed), "elapsed,", slo.FormatDuration(p.Status.Remaining), "left")
	// Output: 3h elapsed, 1h left
}

func ExampleEngine_TimelineContext() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	opened := time.Date(2026, 3, 5, 10, 0, 0, 0, time.UTC)
	c := rules.Case{Tier: "enhanced", Priority: slo.P2, Opened: opened}
	events := []rules.Event{{At: opened.Add(90 * time.Minute), Type: rules.EventMessage, By: "agent"}}
	tl, err := rules.Default().TimelineContext(ctx, c, events, opened.Add(3*time.Hour))
	if err != nil {
		fmt.Println(err)
		return
	}
	m, _ := tl.Metric("response")
	fmt.Println(m.Cycles[0].State, "at", m.Cycles[0].End.Format(time.RFC3339))
	// Output: achieved at 2026-03-05T11:30:00Z
}

func ExampleEngine_ReplayContext() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	history := []rules.Case{{Priority: slo.P2, Opened: time.Date(2026, 3, 5, 16, 0, 0, 0, time.UTC), Zone: "Europe/Berlin"}}
	r, err := rules.Default().ReplayContext(ctx, history, "standard", "enhanced")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s -> %s: %d case(s), median %s\n", r.From, r.To, r.Cases, slo.FormatSigned(r.Delays.Median))
	// Output: standard -> enhanced: 1 case(s), median -16h
}

func ExampleEngine_ExplainContext() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c := rules.Case{Tier: "enhanced", Priority: slo.P2, Opened: time.Date(2026, 3, 5, 10, 0, 0, 0, time.UTC)}
	x, err := rules.Default().ExplainContext(ctx, c)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(x.Row, "due", x.Deadline.Due.Format(time.RFC3339))
	// Output: tiers.enhanced.response.P2 due 2026-03-05T14:00:00Z
}

func ExampleEngine_ExplainStatusContext() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	opened := time.Date(2026, 3, 5, 10, 0, 0, 0, time.UTC)
	c := rules.Case{Tier: "enhanced", Priority: slo.P2, Opened: opened}
	x, err := rules.Default().ExplainStatusContext(ctx, c, opened.Add(3*time.Hour))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(x.Row+":", slo.FormatDuration(x.Status.Remaining), "left")
	// Output: tiers.enhanced.response.P2: 1h left
}
