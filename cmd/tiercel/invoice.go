package main

import (
	"encoding/csv"
	"flag"
	"fmt"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/input"
	"github.com/tiercel/tiercel/money"
)

var invoiceCommand = &command{
	name:     "invoice",
	synopsis: `CONTRACT.yaml SPENDS.csv [--months 2026-01..2026-12]`,
	summary:  "a contract's invoice over months of spends: a line per month and charge, then the total",
	help: `Invoice bills the contract described in CONTRACT.yaml from the monthly spends
of its accounts in SPENDS.csv: one line per month and per charge (fee,
prorated-fee, discount, true-up), each with its reason, then the total. The
spends of a month are summed over the accounts. Each month pays the price
version the catalog's billing.priceVersion picks; a migration that takes
effect moves the contract to movesTo on that day: the month of the move
bills the old tier for the days before it and the new tier for the days
from it.

CONTRACT.yaml (instants as every command reads them: a date is its first
instant in zone, UTC without one; discounts and commitments are UTC months):
  account: acme
  tier: looker-premier
  start: 2025-07-15
  renewal: 2026-07-15
  spend: "85000 USD"         # the monthly spend, for eligibility
  fee: "5000 USD"            # the contract's own fee, for a tier without a price
  movesTo: enhanced          # the tier it moves to when a migration takes effect
  discounts:                 # a rate or an amount a month, from a month (until one)
    - {name: partner, rate: 10%, from: 2026-10-01}
  commitments:               # a true-up in the term's last month
    - {amount: "80000 USD", from: 2026-01-01, until: 2027-01-01}
  attrs: {region: emea}      # facts for CEL (contract.attrs)

SPENDS.csv has the header month,account,spend ("2026-01,prod,85000 USD") or
month,account,spend,currency ("2026-01,prod,85000,USD"). --months defaults
to the first to the last month of the CSV; with --months, rows of other
months are not billed. Months before the contract's start are not billed
(their rows are ignored), and the start's month is prorated by the price's
proration rule. Warnings go to stderr: months before the start, a billed
month without a row (billed at a spend of zero), rows outside --months.

The text output is CSV: period,tier,kind,spend,amount,reason, amounts with
their currency, then a last row of kind total. --output json writes the
invoice as one object.`,
	example: `tiercel invoice examples/billing/looker-contract.yaml examples/billing/year.csv`,
	setup: func(fs *flag.FlagSet) func(*cli, []string) error {
		var months string
		fs.StringVar(&months, "months", "", "the months to invoice, `2026-01..2026-12` (default: those of the CSV)")
		return func(c *cli, args []string) error {
			if len(args) != 2 {
				return usagef("want a contract file and a spends file; got %s", plural(len(args), "argument"))
			}
			return c.invoice(args[0], args[1], months)
		}
	},
}

// invoiceMonths returns the months an invoice without --months bills: the
// span of the spends (billing.SpanOf).
func invoiceMonths(spends []billing.Spend) (billing.Months, error) {
	if len(spends) == 0 {
		return billing.Months{}, usagef("the spends file has no rows: give --months")
	}
	return billing.SpanOf(spends)
}

func (c *cli) invoice(contractFile, spendsFile, monthsText string) error {
	contract, err := input.LoadContract(contractFile)
	if err != nil {
		return err
	}
	spends, err := input.LoadSpends(spendsFile)
	if err != nil {
		return err
	}
	var months billing.Months
	if monthsText != "" {
		if months, err = billing.ParseMonths(monthsText); err != nil {
			return usagef("--months: %v", err)
		}
	} else if months, err = invoiceMonths(spends); err != nil {
		return err
	}
	e, err := c.engine()
	if err != nil {
		return err
	}
	inv, err := e.Invoice(contract, months, spends)
	if err != nil { // the files disagree with each other or with the catalog
		return input.Blame(err, contractFile, spendsFile)
	}
	for _, w := range inv.Warnings {
		fmt.Fprintf(c.stderr, "tiercel invoice: warning: %s\n", w)
	}
	if c.json() {
		return c.writeJSON(answer.NewInvoice(inv))
	}
	w := csv.NewWriter(c.stdout)
	_ = w.Write([]string{"period", "tier", "kind", "spend", "amount", "reason"})
	for _, l := range inv.Lines {
		spend := ""
		if l.Spend != (money.Money{}) {
			spend = l.Spend.String()
		}
		_ = w.Write([]string{l.Period.String(), l.Tier, l.Kind.String(), spend, l.Amount.String(), l.Reason})
	}
	_ = w.Write([]string{inv.Months.String(), "", "total", "", inv.Total.String(), ""})
	w.Flush()
	return w.Error()
}
