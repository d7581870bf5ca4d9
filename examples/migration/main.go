// Command migration is tiercel's main example: a few legacy Looker Premier
// contracts reach their renewal date, when Looker support is no longer
// available and each customer picks a Google Cloud Customer Care tier. For
// each contract it prints the eligibility at renewal, how every response
// target changes on each target tier, the monthly fee of each, and the
// recommended tier: the cheapest that keeps every response target.
//
//	go run ./examples/migration
//
// It uses the catalog embedded in package rules (rules.Default); the facts
// and their sources are in the catalog's source: fields.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

func main() {
	if err := run(os.Stdout, rules.Default(), contracts()); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// contracts are the legacy contracts of the example, and one that is
// already on Customer Care for contrast.
func contracts() []entitlement.Contract {
	date := func(y int, m time.Month, d int, zone string) time.Time {
		loc, err := slo.LoadZone(zone)
		if err != nil {
			panic(err)
		}
		return time.Date(y, m, d, 0, 0, 0, 0, loc)
	}
	return []entitlement.Contract{
		{Account: "acme-analytics", Tier: "looker-premier", Zone: "America/Los_Angeles",
			Start: date(2023, 9, 1, "America/Los_Angeles"), Renewal: new(date(2026, 9, 1, "America/Los_Angeles")),
			Spend: money.MustParseMoney("85000 USD")},
		{Account: "globex", Tier: "looker-premier", Zone: "Europe/London",
			Start: date(2024, 6, 15, "Europe/London"), Renewal: new(date(2026, 6, 15, "Europe/London")),
			Spend: money.MustParseMoney("1200000 USD")},
		{Account: "initech", Tier: "looker-premier", Zone: "America/New_York",
			Start: date(2025, 1, 31, "America/New_York"), Renewal: new(date(2026, 1, 31, "America/New_York")),
			Spend: money.MustParseMoney("4000 USD")},
		{Account: "umbrella", Tier: "enhanced", Zone: "Asia/Tokyo",
			Start: date(2025, 4, 1, "Asia/Tokyo"), Renewal: new(date(2026, 4, 1, "Asia/Tokyo")),
			Spend: money.MustParseMoney("30000 USD")},
	}
}

// run prints the migration plan of each contract at its renewal date.
func run(w io.Writer, e *rules.Engine, contracts []entitlement.Contract) error {
	fmt.Fprintln(w, "Looker support moves into Google Cloud Customer Care at each contract's renewal.")
	for _, c := range contracts {
		plan, err := e.Plan(c, *c.Renewal)
		if err != nil {
			return err
		}
		el := plan.Eligibility
		fmt.Fprintf(w, "\n%s: %s, renews %s, spends %s a month\n", c.Account, c.Tier, c.Renewal.Format(time.DateOnly), c.Spend)
		if !el.Eligible {
			fmt.Fprintf(w, "  not eligible: %s\n", strings.Join(el.Reasons, "; "))
			continue
		}
		must := "may move"
		if el.Required {
			must = "must move"
		}
		fmt.Fprintf(w, "  at renewal: %s %s (migration %s); price held until %s\n",
			c.Tier, must, el.Migration, el.PriceHeldUntil.Format(time.DateOnly))
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  TIER\tFEE A MONTH\tP1\tP2\tP3\tP4\tKEEPS SLOs")
		if len(plan.Options) > 0 {
			cells := []string{"  " + c.Tier + " (now)", "contract's own"}
			for _, p := range slo.Priorities {
				cells = append(cells, current(plan.Options[0].Changes, p))
			}
			fmt.Fprintln(tw, strings.Join(append(cells, "-"), "\t"))
		}
		for _, opt := range plan.Options {
			fee := opt.Quote.Total.String()
			if opt.QuoteErr != nil {
				fee = "no price"
			}
			name := opt.Tier
			if opt.Recommended {
				name += " *"
			}
			cells := []string{"  " + name, fee}
			for _, p := range slo.Priorities {
				cells = append(cells, change(opt.Changes, p))
			}
			keeps := "no"
			if opt.KeepsTargets {
				keeps = "yes"
			}
			fmt.Fprintln(tw, strings.Join(append(cells, keeps), "\t"))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		if el.Recommended == "" {
			fmt.Fprintln(w, "  recommended: none keeps every response target")
			continue
		}
		fmt.Fprintf(w, "  recommended (*): %s, the cheapest tier that keeps every response target\n", el.Recommended)
	}
	return nil
}

// current is the target the contract has now for priority p.
func current(changes []slo.Change, p slo.Priority) string {
	for _, ch := range changes {
		if ch.Priority == p && ch.Kind != slo.Added {
			return ch.From.String()
		}
	}
	return "-"
}

// change describes the new target of priority p and how it compares, e.g.
// "4h business (worse)" or "1h 24x7 (=)".
func change(changes []slo.Change, p slo.Priority) string {
	for _, ch := range changes {
		if ch.Priority != p {
			continue
		}
		switch ch.Kind {
		case slo.Unchanged:
			return ch.To.String() + " (=)"
		case slo.Improved:
			return ch.To.String() + " (better)"
		case slo.Degraded:
			return ch.To.String() + " (worse)"
		case slo.Added:
			return ch.To.String() + " (new)"
		case slo.Removed:
			return "none (dropped)"
		}
	}
	return "-"
}
