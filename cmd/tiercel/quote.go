package main

import (
	"flag"
	"fmt"
	"strings"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/money"
)

var quoteCommand = &command{
	name:     "quote",
	synopsis: `TIER "AMOUNT CUR"`,
	summary:  "a tier's monthly fee at a spend: total and one line per band",
	help: `Quote prices a month of TIER at a month's spend "AMOUNT CUR": the larger of
the tier's minimum and its graduated bands (each rate applies to the part of
the spend inside its band), rounded half-even once on the total. One line per
band shows the band, its rate, the spend inside it and its amount.

--period prices part of a month, following the tier's proration: a month
(2026-02) or days of one month (2026-02-15/2026-02-28, both inclusive).`,
	example: `tiercel quote enhanced "85000 USD"
tiercel quote standard "85000 USD" --period 2026-02-15/2026-02-28
tiercel quote --builtin aws aws-business "85000 USD"`,
	setup: func(fs *flag.FlagSet) func(*cli, []string) error {
		var period string
		fs.StringVar(&period, "period", "", "price only part of a month: `2026-02` or 2026-02-15/2026-02-28")
		return func(c *cli, args []string) error {
			switch len(args) {
			case 2:
			case 3: // quote enhanced 85000 USD
				args = []string{args[0], args[1] + " " + args[2]}
			default:
				return usagef(`want a tier and a spend, e.g. enhanced "85000 USD"; got %s`, plural(len(args), "argument"))
			}
			return c.quote(args[0], args[1], period)
		}
	},
}

// parsePeriod reads "2026-02" or "2026-02-15/2026-02-28".
func parsePeriod(s string) (billing.Period, error) {
	p, err := billing.ParsePeriod(s)
	if err != nil {
		return billing.Period{}, usagef("--period: %v", err)
	}
	return p, nil
}

// amount writes m without its currency: "10000.00".
func amount(m money.Money) string {
	return strings.TrimSuffix(m.String(), " "+m.Currency())
}

func (c *cli) quote(tierID, spendText, periodText string) error {
	spend, err := parseMoney("spend", spendText)
	if err != nil {
		return err
	}
	var period *billing.Period
	if periodText != "" {
		p, err := parsePeriod(periodText)
		if err != nil {
			return err
		}
		period = &p
	}
	e, err := c.engine()
	if err != nil {
		return err
	}
	var q billing.Quote
	if period != nil {
		q, err = e.QuotePeriod(tierID, spend, *period)
	} else {
		q, err = e.Quote(tierID, spend)
	}
	if err != nil {
		return err
	}
	if c.json() {
		return c.writeJSON(answer.NewQuote(q, period != nil))
	}
	c.quoteTable(q, period != nil)
	return nil
}

// quoteTable writes q as text: a table of its totals (with the period
// when a --period was given), then one line per band.
func (c *cli) quoteTable(q billing.Quote, withPeriod bool) {
	t := c.table()
	t.row("tier", q.Tier)
	t.row("spend", q.Spend.String())
	t.row("minimum", q.Minimum.String())
	t.row("banded", q.Banded.String())
	if withPeriod {
		t.row("period", fmt.Sprintf("%s: %d of %d days billed (%s)", q.Period, q.BilledDays, q.MonthDays, q.Proration))
		t.row("monthly", q.Monthly.String())
	}
	total := q.Total.String()
	if q.MinimumApplied {
		total += " (the minimum)"
	}
	t.row("total", total)
	t.flush()
	if len(q.Lines) == 0 {
		return
	}
	fmt.Fprintln(c.stdout)
	t = c.table()
	t.row("BAND ("+q.Spend.Currency()+")", "RATE", "SPEND", "AMOUNT")
	for _, l := range q.Lines {
		t.row(bandName(l), l.Rate.String(), l.Spend.String(), l.Amount.String())
	}
	t.flush()
}

// bandName writes the band of a quote's line: "all", "above 10000.00",
// "up to 10000.00" or "10000.00 - 50000.00".
func bandName(l billing.Line) string {
	switch {
	case l.Unbounded && l.From.IsZero():
		return "all"
	case l.Unbounded:
		return "above " + amount(l.From)
	case l.From.IsZero():
		return "up to " + amount(l.UpTo)
	default:
		return amount(l.From) + " - " + amount(l.UpTo)
	}
}
