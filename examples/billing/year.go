package main

import (
	_ "embed"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/input"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/rules"
)

//go:embed year.csv
var yearSpends []byte

// lookerContract is looker-contract.yaml, read with input.ParseContract:
// Looker Premier at its own fee of 5,000 USD a month, renewing on 15 July
// 2026 into Enhanced, with a 10% partner discount from October and a
// commitment of 60,000 USD over 2026.
//
//go:embed looker-contract.yaml
var lookerContract []byte

// year invoices the Looker contract over 2026 from the spends of its two
// accounts in year.csv (summed per month) and writes the invoice: a line
// per month and charge, then the total.
func year(w io.Writer, e *rules.Engine) error {
	contract, err := input.ParseContract("looker-contract.yaml", lookerContract)
	if err != nil {
		return err
	}
	spends, err := input.ParseSpends("year.csv", yearSpends)
	if err != nil {
		return err
	}
	inv, err := e.Invoice(contract, billing.Months{Year: 2026, Month: time.January, Count: 12}, spends)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "A year of %s: Looker Premier renewing into Enhanced on 2026-07-15\n\n", inv.Account)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "PERIOD\tTIER\tCHARGE\tSPEND\tAMOUNT")
	for _, l := range inv.Lines {
		spend := ""
		if l.Spend != (money.Money{}) {
			spend = l.Spend.String()
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", l.Period, l.Tier, l.Kind, spend, l.Amount)
	}
	fmt.Fprintf(tw, "TOTAL\t\t\t\t%s\n", inv.Total)
	return tw.Flush()
}
