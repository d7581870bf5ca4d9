package main

import (
	"encoding/csv"

	"flag"
	"fmt"
	"time"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/fault"
	"github.com/tiercel/tiercel/internal/readfile"
	"github.com/tiercel/tiercel/internal/spendcsv"
	"github.com/tiercel/tiercel/internal/yamlpos"
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

CONTRACT.yaml (instants are dates, midnight UTC, or RFC 3339):
  account: acme
  tier: looker-premier
  start: 2025-07-15
  renewal: 2026-07-15
  fee: "5000 USD"            # the contract's own fee, for a tier without a price
  movesTo: enhanced          # the tier it moves to when a migration takes effect
  discounts:                 # a rate or an amount a month, from a month (until one)
    - {name: partner, rate: 10%, from: 2026-10-01}
  commitments:               # a true-up in the term's last month
    - {amount: "80000 USD", from: 2026-01-01, until: 2027-01-01}
  attrs: {region: emea}      # facts for CEL (contract.attrs), strings

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

// errInvalidContractFile is wrapped by every error of a contract or
// spends file, and of the contract they describe: exit status 3 (4 or 5
// when the catalog cannot decide the contract or a limit is passed).
var errInvalidContractFile = fault.New(fault.BadInput, "invalid contract file")

// fileError is an error of a contract or spends file whose message already
// says where (file:line): it reads as its cause and is an
// errInvalidContractFile.
type fileError struct{ error }

func (e fileError) Unwrap() []error { return []error{e.error, errInvalidContractFile} }

// Class returns fault.BadInput when the file is at fault (a malformed or
// unclassified cause); an undecidable contract or a limit passed keeps its
// cause's class, as it would on the command line.
func (e fileError) Class() fault.Class {
	switch c := fault.Of(e.error); c {
	case fault.Undecidable, fault.Limit:
		return c
	}
	return fault.BadInput
}

// contractKeys, discountKeys and commitmentKeys are the keys of a contract
// file, of its discounts and of its commitments.
var (
	contractKeys   = []string{"account", "tier", "start", "renewal", "zone", "fee", "movesTo", "discounts", "commitments", "attrs"}
	discountKeys   = []string{"name", "rate", "amount", "from", "until"}
	commitmentKeys = []string{"name", "amount", "from", "until"}
)

// readContract reads a contract file; its errors are positioned
// (file:line:col: path: message).
func readContract(name string, src []byte) (entitlement.Contract, error) {
	d := yamlpos.NewDecoder(name, src, errInvalidContractFile)
	var c entitlement.Contract
	root := d.Document()
	if root == nil {
		return c, d.Errors().Err()
	}
	fields := d.Mapping(root, "", contractKeys)
	d.Require(root, "", fields, "tier")
	for _, f := range fields {
		switch f.Key {
		case "account":
			c.Account, _ = d.Str(f)
		case "tier":
			c.Tier, _ = d.Str(f)
		case "zone":
			c.Zone, _ = d.Str(f)
		case "movesTo":
			c.Billing.MovesTo, _ = d.Str(f)
		case "start":
			c.Start = instant(d, f)
		case "renewal":
			c.Renewal = instant(d, f)
		case "fee":
			c.Billing.Fee, _ = yamlpos.Parsed(d, f, money.ParseMoney)
		case "attrs":
			c.Attrs = map[string]any{}
			for _, a := range d.Mapping(f.Value, f.Path, nil) {
				c.Attrs[a.Key], _ = d.Scalar(a)
			}
		case "discounts":
			for _, it := range d.List(f) {
				x := readTerm(d, it, discountKeys)
				c.Billing.Discounts = append(c.Billing.Discounts, billing.Discount{Name: x.name, Rate: x.rate, Amount: x.amount, From: x.from, Until: x.until})
			}
		case "commitments":
			for _, it := range d.List(f) {
				x := readTerm(d, it, commitmentKeys, "amount", "from", "until")
				c.Billing.Commitments = append(c.Billing.Commitments, billing.Commitment{Name: x.name, Amount: x.amount, From: x.from, Until: x.until})
			}
		}
	}
	if err := d.Errors().Err(); err != nil {
		return entitlement.Contract{}, err
	}
	return c, nil
}

// instant reads a date (midnight UTC) or an RFC 3339 instant.
func instant(d *yamlpos.Decoder, f yamlpos.Field) time.Time {
	t, _ := yamlpos.Parsed(d, f, billing.ParseEffective)
	return t
}

// term is a discount or a commitment as written.
type term struct {
	name        string
	rate        money.Rate
	amount      money.Money
	from, until time.Time
}

// readTerm reads a discount or commitment entry with the given keys, of
// which required must be present.
func readTerm(d *yamlpos.Decoder, it yamlpos.Item, keys []string, required ...string) term {
	var x term
	fields := d.Mapping(it.Node, it.Path, keys)
	d.Require(it.Node, it.Path, fields, required...)
	for _, g := range fields {
		switch g.Key {
		case "name":
			x.name, _ = d.Str(g)
		case "rate":
			x.rate, _ = yamlpos.Parsed(d, g, money.ParseRate)
		case "amount":
			x.amount, _ = yamlpos.Parsed(d, g, money.ParseMoney)
		case "from":
			x.from = instant(d, g)
		case "until":
			x.until = instant(d, g)
		}
	}
	return x
}

// spanOf returns the months from the first to the last of spends.
func spanOf(spends []billing.Spend) (billing.Months, error) {
	if len(spends) == 0 {
		return billing.Months{}, usagef("the spends file has no rows: give --months")
	}
	month := func(s billing.Spend) int { return s.Year*12 + int(s.Month) - 1 } // months since January of year 0
	first, last := month(spends[0]), month(spends[0])
	for _, s := range spends[1:] {
		first, last = min(first, month(s)), max(last, month(s))
	}
	m := billing.Months{Year: first / 12, Month: time.Month(first%12 + 1), Count: last - first + 1}
	return m, m.Validate()
}

type invoiceLineJSON struct {
	Period string `json:"period"`
	Tier   string `json:"tier"`
	Kind   string `json:"kind"`
	Spend  string `json:"spend,omitempty"`
	Amount string `json:"amount"`
	Reason string `json:"reason"`
}

type invoiceJSON struct {
	Account  string            `json:"account,omitempty"`
	Months   string            `json:"months"`
	Currency string            `json:"currency"`
	Lines    []invoiceLineJSON `json:"lines"`
	Total    string            `json:"total"`
}

func (c *cli) invoice(contractFile, spendsFile, monthsText string) error {
	src, err := readfile.Read(contractFile)
	if err != nil {
		return fileError{err}
	}
	contract, err := readContract(contractFile, src)
	if err != nil {
		return err
	}
	if src, err = readfile.Read(spendsFile); err != nil {
		return fileError{err}
	}
	spends, err := spendcsv.Read(spendsFile, src)
	if err != nil {
		return fileError{err}
	}
	var months billing.Months
	if monthsText != "" {
		if months, err = billing.ParseMonths(monthsText); err != nil {
			return usagef("--months: %v", err)
		}
	} else if months, err = spanOf(spends); err != nil {
		return err
	}
	e, err := c.engine()
	if err != nil {
		return err
	}
	inv, err := e.Invoice(contract, months, spends)
	if err != nil { // the files disagree with each other or with the catalog
		return fileError{fmt.Errorf("%s, %s: %w", contractFile, spendsFile, err)}
	}
	for _, w := range inv.Warnings {
		fmt.Fprintf(c.stderr, "tiercel invoice: warning: %s\n", w)
	}
	lines := make([]invoiceLineJSON, len(inv.Lines))
	for i, l := range inv.Lines {
		lines[i] = invoiceLineJSON{Period: l.Period.String(), Tier: l.Tier, Kind: l.Kind.String(), Amount: l.Amount.String(), Reason: l.Reason}
		if l.Spend != (money.Money{}) {
			lines[i].Spend = l.Spend.String()
		}
	}
	if c.json() {
		return c.writeJSON(invoiceJSON{Account: inv.Account, Months: inv.Months.String(), Currency: inv.Currency, Lines: lines, Total: inv.Total.String()})
	}
	w := csv.NewWriter(c.stdout)
	_ = w.Write([]string{"period", "tier", "kind", "spend", "amount", "reason"})
	for _, l := range lines {
		_ = w.Write([]string{l.Period, l.Tier, l.Kind, l.Spend, l.Amount, l.Reason})
	}
	_ = w.Write([]string{inv.Months.String(), "", "total", "", inv.Total.String(), ""})
	w.Flush()
	return w.Error()
}
