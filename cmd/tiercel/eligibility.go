package main

import (
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

var eligibilityCommand = &command{
	name:     "eligibility",
	synopsis: `--tier T --renewal DATE --spend "AMOUNT CUR" [--at RFC3339]`,
	summary:  "whether a contract may or must migrate at renewal, to which tiers, and which is recommended",
	help: `Eligibility answers for a contract on tier T renewing on DATE with a monthly
spend: does a migration of the catalog apply, from when does it take effect,
is it already required at --at, until when is the price held, and which
target keeps every response target at the lowest fee (the recommended tier).
A table details each target: its fee at the spend, whether it keeps every
response target, and the targets that change.

Instants (--renewal, --start, --at) are RFC 3339, or local times or dates
(a day's first instant) in --zone, or UTC. --at defaults to the current
time.

With --zone, each target's reason also says how the deadlines the account
would see move over the first year after the move; --country counts the
account's public holidays on calendars closed on them (without it, the
reason says the holidays were left out).`,
	example: `tiercel eligibility --tier looker-premier --renewal 2026-09-01 --spend "85000 USD" --at 2026-03-02T10:00:00Z`,
	setup: func(fs *flag.FlagSet) func(*cli, []string) error {
		var o contractFlags
		fs.StringVar(&o.tier, "tier", "", "the contract's tier `id` or alias (required)")
		fs.StringVar(&o.renewal, "renewal", "", "the contract's next renewal `date`, e.g. 2026-09-01 (required)")
		fs.StringVar(&o.spend, "spend", "", "the monthly spend, `\"AMOUNT CUR\"`, e.g. \"85000 USD\"")
		fs.StringVar(&o.at, "at", "", "the instant of the decision, `RFC3339` or a date (default: now)")
		fs.StringVar(&o.start, "start", "", "when the contract began, `date`")
		fs.StringVar(&o.zone, "zone", "", "the account's IANA time `zone`")
		fs.StringVar(&o.country, "country", "", "the account's holiday `country` (ISO code, e.g. us), for calendars closed on the account's holidays")
		fs.StringVar(&o.account, "account", "", "the account `id`")
		fs.Var(&o.attrs, "attr", "a fact for CEL expressions (contract.attrs), `key=value`; repeatable")
		return func(c *cli, args []string) error {
			if len(args) > 0 {
				return usagef("unexpected argument %q", args[0])
			}
			return c.eligibility(&o)
		}
	},
}

// now is the clock of --at's default; tests replace it.
var now = time.Now

type contractFlags struct {
	tier, renewal, spend, at, start, zone, country, account string
	attrs                                                   stringsFlag
}

func (o *contractFlags) contract() (entitlement.Contract, time.Time, error) {
	var c entitlement.Contract
	if err := requireFlags(flagValue{"tier", o.tier}, flagValue{"renewal", o.renewal}); err != nil {
		return c, time.Time{}, err
	}
	loc, err := loadZone(o.zone)
	if err != nil {
		return c, time.Time{}, err
	}
	c.Tier, c.Zone, c.Country, c.Account = o.tier, o.zone, o.country, o.account
	renewal, err := parseInstant("renewal", o.renewal, loc)
	if err != nil {
		return c, time.Time{}, err
	}
	c.Renewal = &renewal
	if o.start != "" {
		if c.Start, err = parseInstant("start", o.start, loc); err != nil {
			return c, time.Time{}, err
		}
	}
	if o.spend != "" {
		if c.Spend, err = parseMoney("--spend", o.spend); err != nil {
			return c, time.Time{}, err
		}
	}
	if c.Attrs, err = parseAttrs(o.attrs); err != nil {
		return c, time.Time{}, err
	}
	at := now()
	if o.at != "" {
		if at, err = parseInstant("at", o.at, loc); err != nil {
			return c, time.Time{}, err
		}
	}
	return c, at, nil
}

func (c *cli) eligibility(o *contractFlags) error {
	contract, at, err := o.contract()
	if err != nil {
		return err
	}
	e, err := c.engine()
	if err != nil {
		return err
	}
	plan, err := e.Plan(contract, at)
	if err != nil {
		return err
	}
	el := plan.Eligibility
	if err := allPrintable(shown{"at", at}, shown{"effective at", el.EffectiveAt}, shown{"price held until", el.PriceHeldUntil}); err != nil {
		return err
	}
	if c.json() {
		return c.writeJSON(answer.NewEligibility(contract.Tier, at, plan))
	}
	c.eligibilityTable(contract.Tier, at, el)
	c.optionsTable(plan.Options)
	fmt.Fprintln(c.stdout)
	for _, r := range el.Reasons {
		fmt.Fprintln(c.stdout, "- "+r)
	}
	return nil
}

// eligibilityTable writes the eligibility of a contract on tier at instant
// at as a table of names and values.
func (c *cli) eligibilityTable(tier string, at time.Time, el entitlement.Eligibility) {
	t := c.table()
	t.row("tier", tier)
	t.row("at", formatInstant(at))
	if !el.Eligible {
		t.row("eligible", "no")
	} else {
		t.row("eligible", "yes, migration "+el.Migration)
		t.row("required", yesNo(el.Required))
		t.row("effective at", formatInstant(el.EffectiveAt))
		held := "-"
		if el.PriceHeld {
			held = formatInstant(el.PriceHeldUntil)
		}
		t.row("price held until", held)
		rec := el.Recommended
		if rec == "" {
			rec = "none"
		}
		t.row("recommended", rec)
	}
	t.flush()
}

// optionsTable writes a table of the migration's targets, the
// recommended one starred, after a blank line; nothing when there are none.
func (c *cli) optionsTable(options []rules.Option) {
	if len(options) == 0 {
		return
	}
	fmt.Fprintln(c.stdout)
	t := c.table()
	t.row("TARGET", "FEE", "KEEPS TARGETS", "CHANGES")
	for _, opt := range options {
		name := opt.Tier
		if opt.Recommended {
			name += " *"
		}
		fee := opt.Quote.Total.String()
		if opt.QuoteErr != nil {
			fee = "-"
		}
		t.row(name, fee, yesNo(opt.KeepsTargets), describeChanges(opt.Changes))
	}
	t.flush()
}

// describeChanges lists the priorities whose response time changes, e.g.
// "P1 1h -> 4h degraded".
func describeChanges(changes []slo.Change) string {
	var parts []string
	for _, ch := range changes {
		switch ch.Kind {
		case slo.Unchanged:
			continue
		case slo.Added:
			parts = append(parts, fmt.Sprintf("%s added %s", ch.Priority, ch.To))
		case slo.Removed:
			parts = append(parts, fmt.Sprintf("%s removed", ch.Priority))
		default:
			parts = append(parts, fmt.Sprintf("%s %s -> %s %s", ch.Priority,
				slo.FormatDuration(ch.From.Within), slo.FormatDuration(ch.To.Within), ch.Kind))
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}
